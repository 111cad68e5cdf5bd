/**
 * x86 translation to IR: instructions that run into an unexecutable page end the block
 * exactly where the bytes stop (a fetch fault at that byte when nothing came before), lazy
 * flags leave no helper call for `cmp; jcc` and keep only the last CC stores, and an
 * undefined encoding is an illegal-instruction exception at its own address.
 */
import { describe, expect, it } from 'vitest';
import { Access, Excp, FaultCause } from '../../../src/core/exceptions.js';
import { IrBuilder, type Op } from '../../../src/core/ir.js';
import { Memory, PROT_R, PROT_X } from '../../../src/core/memory/flat.js';
import { optimizeBlock } from '../../../src/core/backend/opt.js';
import { translateX86 } from '../../../targets/x86/translate.js';
import { x86_64Isa } from '../../../targets/x86/index.js';
import { CC_DST, CC_OP, CC_SRC } from '../../../targets/x86/cpu.js';

const BASE = 0x10000;

function tr(hex: string, at = BASE, mapLen = 0x2000) {
  const mem = new Memory();
  mem.map(BASE, mapLen, PROT_R | PROT_X);
  mem.poke(at, Buffer.from(hex.replace(/ /g, ''), 'hex'));
  const b = new IrBuilder();
  b.helperSigs = x86_64Isa.helperSigs;
  const info = translateX86(b, mem, at, 64, 64);
  return { info, ops: b.ops, last: b.ops[b.ops.length - 1], b };
}
const calls = (ops: Op[]) => ops.filter((o) => o.op === 'call').map((o) => o.name);

describe('x86 translation', () => {
  it('an instruction running into an unmapped page: fetch fault at the first missing byte', () => {
    // mov 0x10(%rip),%rax (7 bytes) starting 3 bytes before the end of the mapping
    const { last, info } = tr('488b0510000000', BASE + 0x2000 - 3);
    expect(info.ninsns).toBe(0);
    expect(last.op).toBe('exception');
    expect(last.imm2).toBe(Excp.PageFault);
    expect(last.args).toEqual([FaultCause.Unmapped, BASE + 0x2000, Access.Fetch]);
  });

  it('after a good instruction, the block ends before the straddling one', () => {
    // nop; then the same straddling mov
    const { last, info } = tr('90488b0510000000', BASE + 0x2000 - 4);
    expect(info.ninsns).toBe(1);
    expect(last.op).toBe('jmp');
    expect(last.imm).toBe(BASE + 0x2000 - 3);
  });

  it('cmp; jl compiles to one signed compare: no flags helper, CC stores only once', () => {
    // cmp %esi,%edi; jl +5
    const { ops, last, b } = tr('39f77c05');
    expect(last.op).toBe('br');
    expect(calls(ops)).toEqual([]);
    expect(ops.some((o) => o.op === 'lts')).toBe(true);
    const opt = optimizeBlock({ pc: BASE, end: BASE + 4, ninsns: 2, ops, temps: b.temps, asm: [] }, x86_64Isa.regs);
    const ccSets = opt.ops.filter((o) => o.op === 'set' && [CC_OP, CC_DST, CC_SRC].includes(Number(o.imm)));
    expect(ccSets.length).toBeLessThanOrEqual(4);
  });

  it('add; add; jz: the first add\'s flag stores are dropped by the block pass', () => {
    // add %esi,%edi; add %edx,%ecx; je +0
    const { ops, b } = tr('01f701d17400');
    const opt = optimizeBlock({ pc: BASE, end: BASE + 6, ninsns: 3, ops, temps: b.temps, asm: [] }, x86_64Isa.regs);
    expect(opt.ops.filter((o) => o.op === 'set' && Number(o.imm) === CC_OP).length).toBe(1);
  });

  it('a jcc at the start of a block reads the flags through the helper', () => {
    const { ops } = tr('7405');
    expect(calls(ops)).toEqual(['x86_eflags']);
  });

  it('an undefined encoding is #UD at its address', () => {
    const { last } = tr('0f04');
    expect(last.op).toBe('exception');
    expect(last.imm2).toBe(Excp.Illegal);
    expect(last.imm).toBe(BASE);
  });
});
