/**
 * The A64 block translator: fetch (execute permission checked), decode (generated decoder),
 * disassembly line, and dispatch to the trans-*.ts handler named after the pattern. A handler
 * returning false, or an encoding no pattern matches, becomes SIGILL at that instruction.
 */
import type { IrBuilder } from '../../src/core/ir.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { A64Ctx, SIGSEGV } from './ctx.js';
import { decode32, type TransTable } from './decoder.generated.js';
import { disasm } from './disasm.js';
import { transFp } from './trans-fp.js';
import { transInt } from './trans-int.js';
import { transMem } from './trans-mem.js';
import { transSimd } from './trans-simd.js';
import { transSys } from './trans-sys.js';

export const trans: TransTable<A64Ctx> = { ...transInt, ...transMem, ...transSys, ...transFp, ...transSimd };

const SEGV_MAPERR = 1;
const SEGV_ACCERR = 2;

export function translateA64(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): { end: number; ninsns: number } {
  const c = new A64Ctx(b);
  pc >>>= 0;
  let n = 0;
  for (;;) {
    if (n >= maxInsns) {
      b.jmp(pc);
      break;
    }
    const f = pc & 3 ? undefined : mem.faultAt(pc, 4, 'fetch');
    if (f || pc & 3) {
      if (n === 0) {
        c.pc = b.pc = pc;
        if (pc & 3) c.trap(7, 1, pc); // SIGBUS BUS_ADRALN (misaligned pc)
        else c.trap(SIGSEGV, f!.mapped ? SEGV_ACCERR : SEGV_MAPERR, pc);
      } else b.jmp(pc);
      break;
    }
    const raw = mem.fetch32(pc);
    c.pc = pc;
    c.insn = raw;
    const insn = decode32(raw);
    b.insn(pc, 4, b.wantAsm ? `0x${pc.toString(16)}: ${raw.toString(16).padStart(8, '0')}  ${disasm(insn, raw, pc).replace('\t', ' ')}` : undefined);
    n++;
    const handler = insn && (trans[insn.name] as (c: A64Ctx, a: unknown) => boolean);
    if (!handler || !handler(c, insn!.args)) c.illegal();
    pc = c.next;
    if (b.done) break;
  }
  return { end: pc, ninsns: n };
}
