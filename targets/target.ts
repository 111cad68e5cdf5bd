import type { Cpu } from '../src/cpu.js';
import type { IrBuilder, Ty } from '../src/ir.js';
import type { Memory } from '../src/memory.js';

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

/** A helper callable from generated code: helpers[name](cpu, ...args). See src/ir.ts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Helper = (cpu: any, ...args: number[]) => number | void;

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
}

export interface Target {
  /** 'riscv64', 'aarch64', ... (the qemu-<name> binary that runs the same programs) */
  name: string;
  elfMachine: number;
  elfClass: 32 | 64;
  littleEndian: boolean;
  /** Debian cross triplet, for the default sysroot /usr/<triplet> */
  triplet: string;
  regs: RegInfo[];
  /** names shown in -d cpu, in order (indices into regs) */
  createCpu(mem: Memory): Cpu;
  /**
   * Translate one basic block starting at `pc` into `b`, stopping after a branch or at
   * maxInsns. An instruction that cannot be fetched or decoded ends the block with a trap
   * exit (the first instruction's fetch fault included).
   */
  translateBlock(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): void;
  helpers: Record<string, Helper>;
  abi: LinuxAbi;
  /** ELF e_flags checks: undefined when supported, else a reason */
  checkElfFlags?(flags: number): string | undefined;
}
