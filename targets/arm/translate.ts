/**
 * The ARM block translator. The block's pc carries the instruction set in bit 0 (1 =
 * Thumb), as interworking branches leave it in cpu.pc; every key this frontend produces
 * (branch targets, the next pc, syscall and trap pcs) keeps that convention, so the
 * engine's cache keeps ARM and Thumb translations of the same bytes apart.
 *
 * A32: fetch a word, evaluate the condition field, decode (decoder-a32.generated.ts).
 * Thumb: fetch a halfword (two for a 32-bit encoding), track the IT block state across the
 * block (a block never ends inside an IT block unless a branch ends it), decode with the
 * T16 or T32 decoder. A handler returning false, or no pattern matching, is an undefined
 * instruction (SIGILL).
 */
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { GuestMemory } from '../../src/core/memory/model.js';
import { translateLoop, type Fetched, type FrontendLoop } from '../../src/core/frontend/translate-loop.js';
import { ArmCtx } from './ctx.js';
import { decodeA32 } from './decoder-a32.generated.js';
import { decodeT16 } from './decoder-t16.generated.js';
import { decodeT32 } from './decoder-t32.generated.js';
import { disasmArm } from './disasm.js';
import { A32_UNCONDITIONAL, transA32 } from './trans-a32.js';
import { transT16 } from './trans-t16.js';
import { transT32 } from './trans-t32.js';
import { neonFromT32, translateNeon } from './trans-neon.js';




function fetch(mem: GuestMemory, addr: number, thumb: boolean): Fetched {
  const bad = (f: { addr: number; mapped: boolean }) => ({ fault: f.addr, code: f.mapped ? FaultCause.Protection : FaultCause.Unmapped });
  const f1 = mem.faultAt(addr, thumb ? 2 : 4, Access.Fetch);
  if (f1) return bad(f1);
  if (!thumb) return { insn: mem.fetch32(addr), len: 4 };
  const hw1 = mem.fetch16(addr);
  if ((hw1 >>> 11) < 0x1d) return { insn: hw1, len: 2 };
  const f2 = mem.faultAt(addr + 2, 2, Access.Fetch);
  if (f2) return bad(f2);
  return { insn: ((hw1 << 16) | mem.fetch16(addr + 2)) >>> 0, len: 4 };
}

type Handler = (c: ArmCtx, a: unknown) => boolean;

/** Translate one instruction at c.pc (already fetched); false = undefined instruction. */
function translateOne(c: ArmCtx, insn: number, len: number): boolean {
  if (!c.thumb) {
    const cond = insn >>> 28;
    const d = decodeA32(insn);
    if (!d) return false;
    if (cond === 15 && !A32_UNCONDITIONAL.has(d.name)) return false;
    c.cond = cond >= 14 ? -1 : c.condition(cond);
    return (transA32[d.name] as Handler)(c, d.args);
  }
  if (len === 2) {
    const d = decodeT16(insn);
    return !!d && (transT16[d.name] as Handler)(c, d.args);
  }
  const neon = neonFromT32(insn);
  if (neon >= 0) return translateNeon(c, neon);
  const d = decodeT32(insn);
  return !!d && (transT32[d.name] as Handler)(c, d.args);
}

function loopFor(thumb: boolean): FrontendLoop<ArmCtx> {
  return {
    keyBits: thumb ? 1 : 0,
    fetch: (mem, addr) => fetch(mem, addr, thumb),
    begin(c, addr, raw, len) { c.pc = addr; c.len = len; c.raw = raw; },
    disasm: (c, addr, raw, len) => disasmArm(addr, raw, len, thumb, c.it),
    translate(c, raw, len) {
      // the condition of an instruction in an IT block: ITSTATE[7:4]
      c.cond = c.it && (c.it >> 4) < 14 ? c.condition(c.it >> 4) : -1;
      c.itNext = -1;
      const ok = translateOne(c, raw, len);
      c.cond = -1;
      return ok;
    },
    illegal: (c) => c.illegal(),
    after(c) {
      if (!thumb) return;
      if (c.itNext >= 0) c.it = c.itNext;
      else if (c.it) c.it = (c.it & 7) === 0 ? 0 : (c.it & 0xe0) | ((c.it << 1) & 0x1f);
    },
    // a block never ends inside an IT block unless a branch ends it
    mayEnd: (c) => c.it === 0,
  };
}
const LOOPS = [loopFor(false), loopFor(true)];

/** Translate the block at pc (bit 0 set: Thumb) into b (the shared loop, src/core/frontend/translate-loop.ts). */
export function translateArm(b: IrBuilder, mem: GuestMemory, pc: number, maxInsns: number): void {
  const thumb = (pc & 1) === 1;
  translateLoop(b, mem, pc, maxInsns, new ArmCtx(b, thumb), LOOPS[thumb ? 1 : 0]);
}
