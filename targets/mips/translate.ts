/**
 * The MIPS block translator: fetch (execute permission, aligned pc), decode (generated
 * decoder), record the disassembly line, and dispatch to the trans-*.ts handler named after
 * the pattern. A handler returning false, or an encoding no pattern matches, becomes a
 * reserved-instruction exception at that instruction.
 *
 * Delay slots: a branch handler translates the instruction after it itself (delaySlot), so a
 * branch and its slot are always in one block: the branch's condition and target are
 * computed first, then the slot's IR, then the block's terminator. A branch-likely skips the
 * slot's IR (a forward brcond) when not taken. A control transfer in a delay slot is
 * reserved (as qemu treats it).
 */
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { GuestMemory } from '../../src/core/memory/model.js';
import { translateLoop, type Fetched, type FrontendLoop } from '../../src/core/frontend/translate-loop.js';
import { MipsCtx } from './ctx.js';
import { decode32, type TransTable } from './decoder.generated.js';
import { disasm } from './disasm.js';
import { transBranch } from './trans-branch.js';
import { transFpu } from './trans-fpu.js';
import { transInt } from './trans-int.js';
import { transMem } from './trans-mem.js';

export const trans: TransTable<MipsCtx> = { ...transInt, ...transBranch, ...transMem, ...transFpu };

/** The instruction at pc, or why it cannot be executed (a misaligned pc is an address error). */
export function fetch(mem: GuestMemory, pc: number): Fetched {
  if (pc & 3) return { fault: pc, code: 0, kind: Excp.Alignment };
  const f = mem.faultAt(pc, 4, Access.Fetch);
  if (f) return { fault: f.addr, code: f.mapped ? FaultCause.Protection : FaultCause.Unmapped };
  return { insn: mem.fetch32(pc), len: 4 };
}

function asmLine(pc: number, raw: number, text: string): string {
  const tab = text.indexOf('\t');
  const pretty = tab < 0 ? text : text.slice(0, tab).padEnd(8) + ' ' + text.slice(tab + 1);
  return `0x${pc.toString(16).padStart(8, '0')}:  ${pretty}`;
}

function dispatch(c: MipsCtx, raw: number): boolean {
  const insn = decode32(raw);
  const handler = insn && (trans[insn.name] as (c: MipsCtx, a: unknown) => boolean);
  return !!handler && handler(c, insn!.args);
}

const loop: FrontendLoop<MipsCtx> = {
  keyBits: 0,
  fetch: (mem, pc) => fetch(mem as unknown as GuestMemory, pc),
  begin(c, addr) { c.pc = addr; },
  disasm(_c, pc, raw) {
    return asmLine(pc, raw, disasm(decode32(raw), raw, pc));
  },
  translate: (c, raw) => dispatch(c, raw),
  illegal: (c) => c.illegal(),
};

/**
 * Translate the delay slot at pc into the block. False when it ended the block itself (a
 * fault fetching it, a reserved instruction, a trap): the branch then emits nothing more.
 */
function delaySlot(c: MipsCtx, pc: number): boolean {
  const b = c.b;
  const branchPc = c.pc;
  const f = fetch(c.mem, pc);
  if ('fault' in f) {
    b.pc = pc;
    b.exception(f.kind ?? Excp.PageFault, pc, f.code, f.fault, Access.Fetch);
    return false;
  }
  b.insn(pc, 4, b.wantAsm ? loop.disasm(c, pc, f.insn, 4) : undefined);
  c.pc = pc;
  c.inDelay = true;
  const ok = dispatch(c, f.insn);
  c.inDelay = false;
  if (!ok) c.illegal();
  c.pc = branchPc;
  return !b.done;
}

/** Translate the block at pc into b (the shared loop, src/core/frontend/translate-loop.ts). */
export function translateMips(b: IrBuilder, mem: GuestMemory, pc: number, maxInsns: number, is64: boolean, fr: number): void {
  const c = new MipsCtx(b, mem, is64, mem.littleEndian, delaySlot);
  c.fr = fr;
  translateLoop(b, mem as Parameters<typeof translateLoop>[1], pc, maxInsns, c, loop);
}
