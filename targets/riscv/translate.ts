/**
 * The RISC-V block translator: fetch (with execute-permission checks), decode (generated
 * decoder), record the disassembly line, and dispatch to the trans-*.ts handler named after
 * the pattern. A handler returning false, or an encoding no pattern matches, becomes an
 * illegal-instruction exception at that instruction (RvCtx.illegal).
 */
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { translateLoop, type Fetched, type FrontendLoop } from '../../src/core/frontend/translate-loop.js';
import { RvCtx } from './ctx.js';
import { decode16, decode32, type TransTable } from './decoder.generated.js';
import { disasm } from './disasm.js';
import { transA } from './trans-a.js';
import { transFd } from './trans-fd.js';
import { transM } from './trans-m.js';
import { transRv64i } from './trans-rv64i.js';
import { transZicsr } from './trans-zicsr.js';
import { transPriv } from './trans-priv.js';

export const trans: TransTable<RvCtx> = { ...transRv64i, ...transM, ...transA, ...transZicsr, ...transFd, ...transPriv };

export interface BlockInfo {
  /** address just past the last translated instruction */
  end: number;
  /** instructions translated (a fetch fault at the block's first pc gives 0) */
  ninsns: number;
}

/** The instruction at pc: its bits and length, or the address that cannot be executed. */
export function fetch(mem: Memory, pc: number): Fetched {
  const bad = (f: { addr: number; mapped: boolean }) => ({ fault: f.addr, code: f.mapped ? FaultCause.Protection : FaultCause.Unmapped });
  const f1 = mem.faultAt(pc, 2, Access.Fetch);
  if (f1) return bad(f1);
  const lo = mem.fetch16(pc);
  if ((lo & 3) !== 3) return { insn: lo, len: 2 };
  const f2 = mem.faultAt(pc + 2, 2, Access.Fetch);
  if (f2) return bad(f2);
  return { insn: (lo | (mem.fetch16(pc + 2) << 16)) >>> 0, len: 4 };
}

function asmLine(pc: number, raw: number, len: number, text: string): string {
  const tab = text.indexOf('\t');
  const pretty = tab < 0 ? text : text.slice(0, tab).padEnd(8) + ' ' + text.slice(tab + 1);
  return `0x${pc.toString(16)}: ${raw.toString(16).padStart(len * 2, '0').padEnd(8)}  ${pretty}`;
}

const loop: FrontendLoop<RvCtx> = {
  keyBits: 0,
  fetch,
  begin(c, addr, _insn, len) { c.pc = addr; c.len = len; },
  disasm(_c, pc, raw, len) {
    return asmLine(pc, raw, len, disasm(len === 2 ? decode16(raw) : decode32(raw), raw, pc, len));
  },
  translate(c, raw, len) {
    const insn = len === 2 ? decode16(raw) : decode32(raw);
    const handler = insn && (trans[insn.name] as (c: RvCtx, a: unknown) => boolean);
    return !!handler && handler(c, insn!.args);
  },
  illegal: (c) => c.illegal(),
};

/**
 * Translate the block at pc into b (the shared loop, src/core/frontend/translate-loop.ts):
 * it stops after a control transfer, after maxInsns instructions, or before an instruction
 * that cannot be fetched (the block's first one becomes a fetch page fault at the
 * unfetchable address). `mode`: the translation mode (0 in user mode; see RvCtx.sys).
 */
export function translateRiscv(b: IrBuilder, mem: Memory, pc: number, maxInsns: number, mode = 0): BlockInfo {
  return translateLoop(b, mem, pc, maxInsns, new RvCtx(b, mode), loop);
}
