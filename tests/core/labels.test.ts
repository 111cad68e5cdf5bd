/** Forward branches inside a block (newLabel / brcond / setLabel) in the builder and the JS backend. */
import { Access, pageFault } from '../../src/core/exceptions.js';
import { describe, expect, it } from 'vitest';
import { ExitKind, IrBuilder, formatIr, type Block } from '../../src/core/ir.js';
import { compileRegion, regionArg, type RegionEnv } from '../../src/core/backend/region.js';
import { interpretBlock } from '../../src/core/backend/interp.js';
import { BACKENDS } from '../helpers/backends.js';

const wasm = BACKENDS[1];
import { Memory, GuestFault, PROT_R, PROT_W } from '../../src/core/memory/flat.js';
import { Cpu } from '../../src/core/cpu.js';
import type { RegInfo } from '../../src/core/isa.js';

const regs: RegInfo[] = [0, 1, 2, 3].map((n) => ({ name: `r${n}`, ty: 'i32' as const, index: n, cached: n < 2 }));

/** with `onWasm`, a memory for the WebAssembly tier */
function setup(onWasm = false) {
  const mem = new Memory(true, onWasm);
  mem.map(0x20000, 0x1000, PROT_R | PROT_W);
  const cpu = new Cpu(mem, 4);
  const env: RegionEnv = {
    r: cpu.r, mem, helpers: {},
    // slow paths as the flat model's: fault where the access is not allowed (the interpreter calls them for every access)
    faults: {
      r(a, pc, size = 1) { if (!mem.allows(a, size, Access.Read)) throw pageFault(a, Access.Read, false, pc); return false; },
      w(a, pc, size) { if (!mem.allows(a, size, Access.Write)) throw pageFault(a, Access.Write, true, pc); return false; },
    },
  };
  return { mem, cpu, env };
}
function block(build: (b: IrBuilder) => void): Block {
  const b = new IrBuilder();
  b.insn(0x1000, 4);
  build(b);
  b.exit(ExitKind.Jump, 0x1004);
  return { pc: 0x1000, end: b.end, ninsns: b.ninsns, ops: b.ops, temps: b.temps, asm: b.asm };
}

describe('labels and brcond', () => {
  it('skips ops when taken; a load under a false condition does not fault; skipped temps read 0', () => {
    for (const how of ['tier 2', 'tier 1', 'interpreted', 'wasm']) {
      const cache = how === 'tier 2';
      const { mem, cpu, env } = setup(how === 'wasm');
      const bl = block((b) => {
        const c = b.get(0, 'i32');
        const skip = b.newLabel();
        b.brcond(c, skip, true); // skip when r0 == 0
        const v = b.load('i32', 4, false, b.get(1, 'i32'));
        b.set(2, v);
        b.setLabel(skip);
        b.set(3, b.add(v, b.k32(1)));
      });
      const f = how === 'interpreted' ? interpretBlock(bl, regs, env) : how === 'wasm' ? wasm.compile([bl], 0x1000, regs, env).fn
        : compileRegion([bl], 0x1000, regs, env, cache).fn;
      const fn = (c: Cpu) => f(c, regionArg(env));
      mem.dv.setInt32(0x20010, 41, true);
      cpu.r.set([1, 0x20010, 0, 0]);
      fn(cpu);
      expect([...cpu.r]).toEqual([1, 0x20010, 41, 42]);
      cpu.r.set([0, 0x5000, 7, 0]); // unmapped address: not touched
      fn(cpu);
      expect([...cpu.r]).toEqual([0, 0x5000, 7, 1]);
      cpu.r.set([1, 0x5000, 7, 0]);
      expect(() => fn(cpu)).toThrow(GuestFault);
    }
  });

  it('overlapping and nested labels', () => {
    const { cpu, env } = setup();
    // r2 = 1; if (r0&1) goto A; r2 |= 2; if (r0&2) goto B; r2 |= 4; A: r2 |= 8; B: r2 |= 16
    const bl = block((b) => {
      const x = b.get(0, 'i32');
      const A = b.newLabel(), B = b.newLabel();
      let r = b.k32(1);
      b.set(2, r);
      b.brcond(b.and(x, b.k32(1)), A);
      b.set(2, r = b.or(b.get(2, 'i32'), b.k32(2)));
      b.brcond(b.and(x, b.k32(2)), B);
      b.set(2, b.or(b.get(2, 'i32'), b.k32(4)));
      b.setLabel(A);
      b.set(2, b.or(b.get(2, 'i32'), b.k32(8)));
      b.setLabel(B);
      b.set(2, b.or(b.get(2, 'i32'), b.k32(16)));
    });
    expect(formatIr(bl)).toMatch(/brcond t\d+, L0[\s\S]*L0:[\s\S]*L1:/);
    const compiled = compileRegion([bl], 0x1000, regs, env).fn, interpreted = interpretBlock(bl, regs, env);
    const want = (x: number) => {
      let r = 1;
      if (!(x & 1)) { r |= 2; if (x & 2) return r | 16; r |= 4; }
      return r | 8 | 16;
    };
    for (const fn of [compiled, interpreted]) {
      for (let x = 0; x < 4; x++) {
        cpu.r[0] = x;
        fn(cpu);
        expect(cpu.r[2], `x=${x}`).toBe(want(x));
      }
    }
    const w = setup(true);
    const onWasm = wasm.compile([bl], 0x1000, regs, w.env).fn;
    for (let x = 0; x < 4; x++) {
      w.cpu.r[0] = x;
      onWasm(w.cpu);
      expect(w.cpu.r[2], `wasm x=${x}`).toBe(want(x));
    }
  });

  it('a constant condition folds; misuse is an error', () => {
    const b = new IrBuilder();
    const L = b.newLabel();
    b.brcond(b.k32(0), L);
    b.brcond(b.k32(1), L, true);
    expect(b.ops.filter((o) => o.op === 'brcond')).toEqual([]);
    b.setLabel(L);
    expect(() => b.setLabel(L)).toThrow(/twice/);
    expect(() => b.brcond(b.get(0, 'i32'), L)).toThrow(/forward/);
    const { env } = setup();
    const unset = block((bb) => { bb.brcond(bb.get(0, 'i32'), bb.newLabel()); });
    expect(() => compileRegion([unset], 0x1000, regs, env)).toThrow(/never set/);
    expect(() => wasm.compile([unset], 0x1000, regs, setup(true).env)).toThrow(/never set/);
  });
});
