/**
 * The A64 block translator: fetch (execute permission checked), decode (generated decoder),
 * disassembly line, and dispatch to the trans-*.ts handler named after the pattern, in the
 * shared loop (src/core/frontend/translate-loop.ts). A handler
 * returning false, or an encoding no pattern matches, becomes SIGILL at that instruction.
 */
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { translateLoop, type Fetched, type FrontendLoop } from '../../src/core/frontend/translate-loop.js';
import { A64Ctx } from './ctx.js';
import { decode32, type TransTable } from './decoder.generated.js';
import { disasm } from './disasm.js';
import { transFp } from './trans-fp.js';
import { transInt } from './trans-int.js';
import { transMem } from './trans-mem.js';
import { transSimd } from './trans-simd.js';
import { transSys } from './trans-sys.js';

export const trans: TransTable<A64Ctx> = { ...transInt, ...transMem, ...transSys, ...transFp, ...transSimd };




/** The instruction word at pc, or why it cannot be executed (a misaligned pc: an alignment fault). */
export function fetch(mem: Memory, pc: number): Fetched {
  if (pc & 3) return { fault: pc, code: 0, kind: Excp.Alignment };
  const f = mem.faultAt(pc, 4, Access.Fetch);
  if (f) return { fault: f.addr, code: f.mapped ? FaultCause.Protection : FaultCause.Unmapped };
  return { insn: mem.fetch32(pc), len: 4 };
}

const loop: FrontendLoop<A64Ctx> = {
  keyBits: 0,
  fetch,
  begin(c, addr, raw) { c.pc = addr; c.insn = raw; },
  disasm: (_c, pc, raw) => `0x${pc.toString(16)}: ${raw.toString(16).padStart(8, '0')}  ${disasm(decode32(raw), raw, pc).replace('\t', ' ')}`,
  translate(c, raw) {
    const insn = decode32(raw);
    const handler = insn && (trans[insn.name] as (c: A64Ctx, a: unknown) => boolean);
    return !!handler && handler(c, insn!.args);
  },
  illegal: (c) => c.illegal(),
};

export function translateA64(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): { end: number; ninsns: number } {
  return translateLoop(b, mem, pc, maxInsns, new A64Ctx(b), loop);
}
