import type { Cpu } from '../src/core/cpu.js';
import type { Helper, HelperSigs } from '../src/core/helpers.js';
import type { IrBuilder, Ty } from '../src/core/ir.js';
import type { Memory } from '../src/core/memory/flat.js';

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

/** Reads and writes fields of a signal frame's machine context (see SignalAbi). */
export interface ContextIo {
  /** a field of the context struct; `elem` picks an element of an array field */
  get(field: string, elem?: number): bigint;
  set(field: string, v: bigint, elem?: number): void;
}

/**
 * How the kernel delivers a signal to a handler on this target, as data for the generic
 * code in syscalls/signal/deliver.ts. Struct names refer to the target's generated layouts
 * (syscalls/layouts/<target>.ts, from tools/gen-layouts.ts).
 */
export interface SignalAbi {
  /** machine code returning from a handler (rt_sigreturn), mapped once per process */
  trampoline: Uint8Array;
  /** the frame struct and its siginfo and ucontext members */
  frame: { struct: string; info: string; uc: string };
  /**
   * The frame of a handler without SA_SIGINFO where the kernel builds a different one (arm's
   * sigframe: no siginfo; the handler gets info = 0 in enter), its ucontext member, and where
   * its return code (sigreturn) starts in `trampoline`.
   */
  plainFrame?: { struct: string; uc: string; retOffset: number };
  /** the ucontext member holding the machine context, and that context's struct */
  mcontext: { field: string; struct: string };
  /** bytes below the interrupted sp the frame must not touch (x86-64's red zone) */
  redZone: number;
  /** the frame's address is rounded down to a multiple of this */
  align: number;
  /** context field that holds the interrupted pc */
  pc: string;
  /** saved registers: [context field, register number in Target.regs, element of an array field] */
  regs: Array<[string, number, number?]>;
  /** state that is not a plain register (FP control and status, ...) */
  saveExtra?(cpu: Cpu, io: ContextIo): void;
  restoreExtra?(cpu: Cpu, io: ContextIo): void;
  /** registers at handler entry besides pc: arguments, sp, return address */
  enter(cpu: Cpu, e: { sig: number; info: number; uc: number; sp: number; ret: number }): void;
  /** where the frame is when the trampoline's rt_sigreturn runs */
  frameAtReturn(cpu: Cpu): number;
}

/** How Linux user mode looks on this target: syscall convention, stack, auxv facts. */
export interface LinuxAbi {
  /** syscall number for the current trap */
  syscallNr(cpu: Cpu): number;
  /** argument i (0-5) as a JS number, sign-extended from the register width */
  syscallArg(cpu: Cpu, i: number): number;
  setSyscallResult(cpu: Cpu, v: number): void;
  getSp(cpu: Cpu): number;
  setSp(cpu: Cpu, v: number): void;
  /** registers at process entry besides pc and sp */
  initCpu(cpu: Cpu): void;
  /** syscall number -> name (names as in the kernel's unistd.h, without __NR_) */
  syscallNames: Record<number, string>;
  hwcap: number;
  hwcap2?: number;
  platform: string;
  /** uname's machine field when it is not the target name (arm: "armv7l", as qemu-arm says) */
  unameMachine?: string;
  /**
   * Map pages the kernel provides at fixed addresses (arm's kuser helpers at 0xffff0000),
   * called by the loader after the stack is mapped.
   */
  mapSpecialPages?(mem: Memory): void;
  /** signal frames (without them, caught signals stay pending: only default actions act) */
  signal?: SignalAbi;
  /** the register (in Target.regs) that holds the thread pointer clone's CLONE_SETTLS sets */
  tlsReg?: number;
}

/** One register as a debugger (gdb's g packet, the embedding API) sees it; values are unsigned. */
export interface DebugReg {
  name: string;
  bits: number;
  get(cpu: Cpu): bigint;
  set(cpu: Cpu, v: bigint): void;
}

/** What the gdb remote stub needs to know about a target (targets/<arch>/gdb.ts). */
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

export interface Target {
  /** 'riscv64', 'aarch64', ... (the qemu-<name> binary that runs the same programs) */
  name: string;
  elfMachine: number;
  elfClass: 32 | 64;
  littleEndian: boolean;
  /** Debian cross triplet, for the default sysroot /usr/<triplet> */
  triplet: string;
  /**
   * The triplet for a program with these ELF e_flags when one target runs several Debian
   * ABIs (arm: soft-float armel `arm-linux-gnueabi` vs hard-float armhf); default `triplet`.
   */
  tripletFor?(elfFlags: number): string;
  regs: RegInfo[];
  /** names shown in -d cpu, in order (indices into regs) */
  createCpu(mem: Memory): Cpu;
  /**
   * Translate one basic block starting at `pc` into `b`, stopping after a branch or at
   * maxInsns. An instruction that cannot be fetched or decoded ends the block with a trap
   * exit (the first instruction's fetch fault included).
   */
  translateBlock(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): void;
  /** helper functions by name (registered with defineHelpers, src/core/helpers.ts) */
  helpers: Record<string, Helper>;
  /** their signatures: the IR builder checks every call against them */
  helperSigs: HelperSigs;
  abi: LinuxAbi;
  /** ELF e_flags checks: undefined when supported, else a reason */
  checkElfFlags?(flags: number): string | undefined;
  /** registers and target description for debuggers */
  gdb?: GdbTarget;
}
