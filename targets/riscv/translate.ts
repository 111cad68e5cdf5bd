/**
 * The RISC-V block translator: fetch (with execute-permission checks), decode (generated
 * decoder), record the disassembly line, and dispatch to the trans-*.ts handler named after
 * the pattern. A handler returning false, or an encoding no pattern matches, becomes an
 * illegal-instruction trap (see RvCtx.trap: helper rv_trap sets cpu.trapSig/Code/Addr, then
 * the block ends with exit(Trap) at that instruction).
 */
import type { IrBuilder } from '../../src/core/ir.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { RvCtx, SIGSEGV } from './ctx.js';
import { decode16, decode32, type TransTable } from './decoder.generated.js';
import { disasm } from './disasm.js';
import { transA } from './trans-a.js';
import { transFd } from './trans-fd.js';
import { transM } from './trans-m.js';
import { transRv64i } from './trans-rv64i.js';
import { transZicsr } from './trans-zicsr.js';

export const trans: TransTable<RvCtx> = { ...transRv64i, ...transM, ...transA, ...transZicsr, ...transFd };

const SEGV_MAPERR = 1;
const SEGV_ACCERR = 2;

export interface BlockInfo {
  /** address just past the last translated instruction */
  end: number;
  /** instructions translated (a fetch fault at the block's first pc gives 0) */
  ninsns: number;
}

/** The instruction at pc: its bits and length, or the address that cannot be executed. */
export function fetch(mem: Memory, pc: number): { insn: number; len: number } | { fault: number; code: number } {
  const bad = (f: { addr: number; mapped: boolean }) => ({ fault: f.addr, code: f.mapped ? SEGV_ACCERR : SEGV_MAPERR });
  const f1 = mem.faultAt(pc, 2, 'fetch');
  if (f1) return bad(f1);
  const lo = mem.fetch16(pc);
  if ((lo & 3) !== 3) return { insn: lo, len: 2 };
  const f2 = mem.faultAt(pc + 2, 2, 'fetch');
  if (f2) return bad(f2);
  return { insn: (lo | (mem.fetch16(pc + 2) << 16)) >>> 0, len: 4 };
}

function asmLine(pc: number, raw: number, len: number, text: string): string {
  const tab = text.indexOf('\t');
  const pretty = tab < 0 ? text : text.slice(0, tab).padEnd(8) + ' ' + text.slice(tab + 1);
  return `0x${pc.toString(16)}: ${raw.toString(16).padStart(len * 2, '0').padEnd(8)}  ${pretty}`;
}

/**
 * Translate the block at pc into b. Stops after a control transfer, after maxInsns
 * instructions, or before an instruction that cannot be fetched (the block's first one
 * becomes a SIGSEGV trap with trapAddr = the unfetchable address).
 */
export function translateRiscv(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): BlockInfo {
  const c = new RvCtx(b);
  pc >>>= 0;
  let n = 0;
  for (;;) {
    if (n >= maxInsns) {
      b.jmp(pc);
      break;
    }
    const f = fetch(mem, pc);
    if ('fault' in f) {
      if (n === 0) {
        c.pc = b.pc = pc;
        c.trap(SIGSEGV, f.code, f.fault);
      } else {
        b.jmp(pc);
      }
      break;
    }
    c.pc = pc;
    c.len = f.len;
    const insn = f.len === 2 ? decode16(f.insn) : decode32(f.insn);
    b.insn(pc, f.len, b.wantAsm ? asmLine(pc, f.insn, f.len, disasm(insn, f.insn, pc, f.len)) : undefined);
    n++;
    const handler = insn && (trans[insn.name] as (c: RvCtx, a: unknown) => boolean);
    if (!handler || !handler(c, insn!.args)) c.illegal();
    pc = c.next;
    if (b.done) break;
  }
  return { end: pc, ninsns: n };
}
