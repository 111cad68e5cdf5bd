/** The block optimisation pass (src/core/backend/opt.ts): forwarding, dead stores, dead ops, barriers. */
import { describe, expect, it } from 'vitest';
import { ExitKind, IrBuilder, type Block } from '../../src/core/ir.js';
import { optimizeBlock } from '../../src/core/backend/opt.js';
import type { RegInfo } from '../../src/core/isa.js';

// r0, r1 cached i64; r2 uncached i64; r3, r4 i32 views of r2's two words; r5 hard-wired zero
const regs: RegInfo[] = [
  { name: 'r0', ty: 'i64', index: 0, cached: true },
  { name: 'r1', ty: 'i64', index: 2, cached: true },
  { name: 'r2', ty: 'i64', index: 4, cached: false },
  { name: 'r3', ty: 'i32', index: 4, cached: false },
  { name: 'r4', ty: 'i32', index: 5, cached: false },
  { name: 'r5', ty: 'i64', index: 6, cached: false, zero: true },
];
function block(build: (b: IrBuilder) => void): Block {
  const b = new IrBuilder();
  b.insn(0x1000, 4);
  build(b);
  if (!b.done) b.exit(ExitKind.Jump, 0x1004);
  return { pc: 0x1000, end: b.end, ninsns: b.ninsns, ops: b.ops, temps: b.temps, asm: b.asm };
}
const shape = (b: Block) => optimizeBlock(b, regs).ops.filter((o) => o.op !== 'const')
  .map((o) => (o.op === 'get' || o.op === 'set' ? `${o.op} r${o.imm}` : o.op));

describe('block optimisation', () => {
  it('forwards a set to later gets and drops the overwritten set', () => {
    let x = -1, y = -1;
    const b = block((ir) => {
      x = ir.add(ir.get(0, 'i64'), ir.k64(1));
      ir.set(1, x);
      y = ir.get(1, 'i64');
      ir.set(1, ir.add(y, ir.get(0, 'i64')));
    });
    const o = optimizeBlock(b, regs).ops;
    expect(shape(b)).toEqual(['get r0', 'add', 'add', 'set r1', 'exit']);
    const last = o.find((op) => op.op === 'add' && op.d !== x)!;
    expect([last.a, last.b]).toEqual([x, o[0].d]); // the set value and the first read of r0
    expect(b.ops.some((op) => op.op === 'get' && op.imm === 1)).toBe(true); // the input is not modified
  });

  it('keeps stores at barriers: loads, stores, calls, brcond, labels', () => {
    for (const barrier of ['load', 'store', 'call', 'brcond'] as const) {
      const b = block((ir) => {
        ir.set(0, ir.k64(1));
        if (barrier === 'load') ir.set(1, ir.load('i64', 8, false, ir.k32(0x2000)));
        else if (barrier === 'store') ir.store(4, ir.k32(0x2000), ir.k32(5));
        else if (barrier === 'call') ir.call('t_h', null, []);
        else { const L = ir.newLabel(); ir.brcond(ir.trunc(ir.get(1, 'i64')), L); ir.setLabel(L); }
        ir.set(0, ir.k64(2));
      });
      expect(shape(b).filter((s) => s === 'set r0'), barrier).toHaveLength(2);
    }
  });

  it('a discard drops earlier stores to the register; overlapping views block forwarding', () => {
    const b = block((ir) => {
      ir.set(2, ir.k64(7));
      ir.set(0, ir.k64(1));
      ir.discard(0);
      ir.set(3, ir.k32(9)); // the low word of r2
      ir.set(1, ir.get(2, 'i64')); // must read r2 again
      ir.set(4, ir.k32(1));
    });
    expect(shape(b)).toEqual(['set r2', 'set r3', 'get r2', 'set r1', 'set r4', 'exit']);
  });

  it('a call forgets uncached registers only; a label forgets everything; zero registers are left alone', () => {
    const b = block((ir) => {
      ir.set(1, ir.get(0, 'i64'));
      ir.set(2, ir.get(2, 'i64'));
      ir.call('t_h', null, []);
      ir.set(1, ir.add(ir.get(0, 'i64'), ir.get(2, 'i64')));
      const L = ir.newLabel();
      ir.brcond(ir.trunc(ir.get(1, 'i64')), L);
      ir.setLabel(L);
      ir.set(5, ir.get(0, 'i64'));
      ir.set(1, ir.get(5, 'i64'));
    });
    expect(shape(b)).toEqual(['get r0', 'set r1', 'get r2', 'set r2', 'call', 'get r2', 'add', 'set r1', 'trunc', 'brcond',
      'label', 'get r0', 'set r5', 'get r5', 'set r1', 'exit']);
  });

  it('drops unused pure ops but keeps loads (they can fault) and calls', () => {
    const b = block((ir) => {
      ir.bin('mul', ir.get(0, 'i64'), ir.get(1, 'i64'));
      ir.load('i32', 4, false, ir.k32(0x3000));
      ir.call('t_h', 'i32', []);
    });
    expect(shape(b)).toEqual(['load', 'call', 'exit']);
  });
});
