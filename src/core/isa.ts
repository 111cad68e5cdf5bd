/**
 * What the core (IR, backend, engine, log, debugger) needs of an instruction set. A target's
 * ISA (targets/<arch>/index.ts) is one of these; an operating-system layer adds its own facts
 * on top (Linux user mode: targets/target.ts).
 */
import type { Cpu } from './cpu.js';
import type { Helper, HelperSigs } from './helpers.js';
import type { IrBuilder, Ty } from './ir.js';
import type { GuestMemory } from './memory/model.js';

/** One guest register as the IR sees it. */
export interface RegInfo {
  name: string;
  ty: Ty;
  /** index of its (low) int32 in cpu.r */
  index: number;
  /** kept in JS locals inside compiled code (integer GPRs); others live in cpu.r only */
  cached: boolean;
  /** hard-wired zero: reads give 0, writes are dropped */
  zero?: boolean;
}

/** A helper callable from generated code: helpers[name](cpu, ...args). See src/core/helpers.ts. */
export type { Helper };

/** One register as a debugger (gdb's g packet, the embedding API) sees it; values are unsigned. */
export interface DebugReg {
  name: string;
  bits: number;
  get(cpu: Cpu): bigint;
  set(cpu: Cpu, v: bigint): void;
}

/** What the gdb remote stub needs to know about an instruction set (targets/<arch>/gdb.ts). */
export interface GdbTarget {
  /** gdb's architecture name ('aarch64', 'arm', 'riscv:rv64') */
  arch: string;
  /** qXfer:features annexes; 'target.xml' is the root */
  xml: Record<string, string>;
  /** in the order of gdb's g packet (= the remote register numbers); names as gdb shows them */
  regs: DebugReg[];
  /**
   * gdb treats this architecture's watchpoints as firing before the access and single-steps
   * over the access itself (gdb's "non-steppable watchpoints": arm, aarch64, riscv)
   */
  stepsOverWatch?: boolean;
}

/** An instruction set: registers, CPU state, translation to IR, helpers, debugger view. */
export interface Isa {
  /** 'riscv64', 'aarch64', ... (the qemu-<name> binary that runs the same programs) */
  name: string;
  /** width of the general registers and addresses */
  bits: 32 | 64;
  littleEndian: boolean;
  /** the registers the IR names, by number */
  regs: RegInfo[];
  createCpu(mem: GuestMemory): Cpu;
  /**
   * Translate one basic block starting at `pc` into `b`, stopping after a branch or at
   * maxInsns. An instruction that cannot be fetched or decoded ends the block with an
   * exception (an illegal instruction; a fetch page fault for the block's first instruction).
   */
  translateBlock(b: IrBuilder, mem: GuestMemory, pc: number, maxInsns: number, mode?: number): void;
  /**
   * What besides the pc decides how code translates (x86's code size, a system-mode privilege
   * level), as a small integer: code is cached per (pc, mode). Absent: always 0. (32-bit ARM
   * keeps its Thumb state in bit 0 of the pc instead.) A change of mode ends the region.
   */
  translationMode?(cpu: Cpu): number;
  /** helper functions by name (registered with defineHelpers, src/core/helpers.ts) */
  helpers: Record<string, Helper>;
  /** their signatures: the IR builder checks every call against them */
  helperSigs: HelperSigs;
  /** registers and target description for debuggers */
  gdb?: GdbTarget;
}
