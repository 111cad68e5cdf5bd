import { IrBuilder, type Block } from '../ir.js';
import { Excp } from '../exceptions.js';
import type { GuestMemory } from '../memory/model.js';
import type { Isa } from '../isa.js';

export interface RegionLimits {
  /** most guest instructions in one block */
  blockInsns: number;
  /** most blocks in one region (1 = a function per block) */
  regionBlocks: number;
  /** most guest instructions in one region */
  regionInsns: number;
}

export const DEFAULT_LIMITS: RegionLimits = { blockInsns: 64, regionBlocks: 8, regionInsns: 200 };

/**
 * Translate the single basic block at `pc`. With `stopAt` (a debugger's breakpoints) the
 * block ends before the first later instruction whose address it approves.
 */
export function translateBlock(target: Isa, mem: GuestMemory, pc: number, maxInsns: number, wantAsm = false,
  stopAt?: (addr: number) => boolean, mode = 0): Block {
  const b = buildBlock(target, mem, pc, maxInsns, wantAsm, mode);
  if (!stopAt) return b;
  const start = (pc & ~1) >>> 0;
  let cut = -1;
  // instructions start at even addresses on every target (a Thumb block's end has bit 0 set)
  for (let a = start + 2; a < b.end; a += 2) if (stopAt(a)) { cut = a; break; }
  if (cut < 0) return b;
  // rare (only blocks holding a breakpoint): find how many instructions lie before it
  for (let n = 1; n < b.ninsns; n++) {
    const part = buildBlock(target, mem, pc, n, wantAsm, mode);
    const end = (part.end & ~1) >>> 0;
    if (end === cut) return part;
    if (end > cut) break; // not on an instruction boundary (or an IT block): keep it whole
  }
  return b;
}

function buildBlock(target: Isa, mem: GuestMemory, pc: number, maxInsns: number, wantAsm: boolean, mode: number): Block {
  const b = new IrBuilder();
  b.wantAsm = wantAsm;
  b.helperSigs = target.helperSigs;
  b.pc = pc;
  b.end = pc;
  target.translateBlock(b, mem, pc, maxInsns, mode);
  if (!b.done) throw new Error(`frontend ${target.name}: block at 0x${pc.toString(16)} has no terminator`);
  let end = b.end;
  if (end <= pc) {
    // frontends that do not call insn(): derive the end from the last instruction's pc
    end = (b.ops.length ? Math.max(...b.ops.map((o) => o.pc)) : pc) + 4;
  }
  return { pc, end, ninsns: Math.max(b.ninsns, 1), ops: b.ops, temps: b.temps, asm: b.asm };
}

/** Static successors of a block worth compiling into the same region. */
function successors(b: Block): number[] {
  const t = b.ops[b.ops.length - 1];
  const out: number[] = [];
  if (t.op === 'jmp') out.push(Number(t.imm) >>> 0);
  else if (t.op === 'br') out.push(Number(t.imm) >>> 0, t.imm2 >>> 0);
  if (t.op === 'jmp' || t.op === 'jind') {
    // a call (link register set to the address after the block): its return lands at b.end
    const consts = new Map<number, number | bigint>();
    for (const o of b.ops) if (o.op === 'const') consts.set(o.d, o.imm);
    const end = b.end >>> 0;
    const link = b.ops.some((o) => {
      if (o.op !== 'set') return false;
      const k = consts.get(o.a);
      return k !== undefined && (typeof k === 'number' ? k >>> 0 : Number(BigInt.asUintN(32, k))) === end;
    });
    if (link) out.push(b.end >>> 0);
  }
  return out;
}

/**
 * Collect the blocks of a region starting at `entry`: breadth-first along direct branches,
 * calls and their return points, within the limits, keeping only blocks `accept` approves
 * (the engine passes "has already run", so a region holds the paths actually taken: cold
 * code stays out of the function V8 has to optimise). Blocks that trap (an undecodable or
 * unfetchable instruction) are kept only as the entry itself. With `stopAt` (breakpoints),
 * blocks end before those addresses and no block starts at one: the run loop sees them.
 */
export function formRegion(target: Isa, mem: GuestMemory, entry: number, lim: RegionLimits,
  onBlock?: (b: Block) => void, wantAsm = false, accept: (pc: number) => boolean = () => true,
  stopAt?: (addr: number) => boolean, mode = 0): Block[] {
  const blocks: Block[] = [];
  const seen = new Set<number>([entry]);
  const queue = [entry];
  let insns = 0;
  while (queue.length && blocks.length < lim.regionBlocks && insns < lim.regionInsns) {
    const pc = queue.shift()!;
    const b = translateBlock(target, mem, pc, lim.blockInsns, wantAsm, stopAt, mode);
    const t = b.ops[b.ops.length - 1];
    if (blocks.length > 0 && t.op === 'exception' && t.imm2 !== Excp.Syscall) continue; // speculative faulting block
    onBlock?.(b);
    blocks.push(b);
    insns += b.ninsns;
    if (blocks.length >= lim.regionBlocks) break; // (a single block: no successors to look for)
    for (const s of successors(b)) {
      if (!seen.has(s) && accept(s) && !stopAt?.(s)) { seen.add(s); queue.push(s); }
    }
  }
  return blocks;
}
