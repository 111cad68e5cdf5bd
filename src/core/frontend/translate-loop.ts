/**
 * The block translation loop every frontend shares: fetch, decode and translate one guest
 * instruction after another until one ends the block, the instruction limit is reached, or
 * the next instruction cannot be fetched (at the block's first instruction that is an
 * exception: a fetch page fault or a misaligned pc;
 * later, the block just ends before it, so the fault is raised when it is the next block).
 * The target supplies fetching, decoding/dispatch and disassembly through `FrontendLoop`.
 */
import type { IrBuilder } from '../ir.js';
import type { GuestMemory } from '../memory/model.js';
import { Access, Excp } from '../exceptions.js';

/**
 * An instruction's bits and length in bytes, or why it cannot be fetched: the faulting
 * address, the exception (default a page fault) and its cause (FaultCause for page faults).
 */
export type Fetched = { insn: number; len: number } | { fault: number; code: number; kind?: Excp };

export interface FrontendLoop<C> {
  /** bits every block key carries on top of the address (arm: 1 in Thumb state) */
  keyBits: number;
  fetch(mem: GuestMemory, addr: number): Fetched;
  /** point the context at the instruction at addr (its bits and length) */
  begin(c: C, addr: number, insn: number, len: number): void;
  /** -d in_asm line for the instruction */
  disasm(c: C, addr: number, insn: number, len: number): string;
  /** decode and translate it into IR; false: an undefined instruction */
  translate(c: C, insn: number, len: number): boolean;
  /** the undefined-instruction trap at the current instruction */
  illegal(c: C): void;
  /** after an instruction that left the block open (arm: advance the IT state) */
  after?(c: C): void;
  /** may the block end before the next instruction (arm: not inside an IT block) */
  mayEnd?(c: C): boolean;
}

/** Translate the block at key `pc` into b; returns the key after its last instruction. */
export function translateLoop<C>(b: IrBuilder, mem: GuestMemory, pc: number, maxInsns: number, c: C, t: FrontendLoop<C>): { end: number; ninsns: number } {
  const K = t.keyBits;
  let addr = (pc & ~K) >>> 0;
  let n = 0;
  for (;;) {
    const key = (addr | K) >>> 0;
    if (n >= maxInsns && (!t.mayEnd || t.mayEnd(c))) {
      b.jmp(key);
      break;
    }
    const f = t.fetch(mem, addr);
    if ('fault' in f) {
      if (n === 0) {
        t.begin(c, addr, 0, 0);
        b.pc = key;
        b.exception(f.kind ?? Excp.PageFault, key, f.code, f.fault, Access.Fetch);
      } else b.jmp(key);
      break;
    }
    t.begin(c, addr, f.insn, f.len);
    b.insn(key, f.len, b.wantAsm ? t.disasm(c, addr, f.insn, f.len) : undefined);
    n++;
    if (!t.translate(c, f.insn, f.len)) {
      t.illegal(c);
      addr = (addr + f.len) >>> 0;
      break;
    }
    addr = (addr + f.len) >>> 0;
    if (b.done) break;
    t.after?.(c);
  }
  return { end: (addr | K) >>> 0, ninsns: n };
}
