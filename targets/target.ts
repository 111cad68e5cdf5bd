/** The Linux user-mode side of a target: ELF facts, syscall convention, signal frames. */
import type { Cpu } from '../src/core/cpu.js';
import type { Excp } from '../src/core/exceptions.js';
import type { Isa } from '../src/core/isa.js';
import type { Memory } from '../src/core/memory/flat.js';

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
  /**
   * context fields that hold the address of a member of the frame: [context field, frame
   * field] (x86's uc_mcontext.fpstate points at the FP state elsewhere in the frame)
   */
  pointers?: Array<[string, string]>;
  /** saved registers: [context field, register number in Isa.regs, element of an array field] */
  regs: Array<[string, number, number?]>;
  /** state that is not a plain register (FP control and status, ...) */
  saveExtra?(cpu: Cpu, io: ContextIo): void;
  restoreExtra?(cpu: Cpu, io: ContextIo): void;
  /**
   * registers at handler entry besides pc: arguments, sp, return address (`handler`: the
   * handler's address, which MIPS also puts in t9; `mc`: the machine context's address)
   */
  enter(cpu: Cpu, e: { sig: number; info: number; uc: number; sp: number; ret: number; handler: number; mc: number }): void;
  /** where the frame is when the trampoline's rt_sigreturn runs */
  frameAtReturn(cpu: Cpu): number;
}

/** What a target may read of the program's ELF file (src/linux/elf/elf-file.ts has it all). */
export interface ElfFacts {
  data: Uint8Array;
  elfClass: 32 | 64;
  littleEndian: boolean;
  flags: number;
  phoff: number;
  phentsize: number;
  phnum: number;
}

/** The signal an architectural exception raises, by the names of the kernel's constants. */
export interface ExceptionSignal {
  sig: string;
  /** si_code, or per cause (Cpu.excpCause) when it depends on it */
  code: string | Record<number, string>;
  /** si_addr: the faulting address (default) or none */
  addr?: 'fault' | 'none';
  /**
   * another signal for some causes (Cpu.excpCause): MIPS Linux sends SIGFPE for the trap
   * and break codes that mean divide by zero and overflow, SIGTRAP for the others
   */
  byCause?: Record<number, ExceptionSignal>;
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
  /**
   * CPU modes the program's ELF file asks for (MIPS: Status.FR from the FP ABI in its
   * .MIPS.abiflags), called by the loader after initCpu
   */
  initCpuForElf?(cpu: Cpu, exe: ElfFacts): void;
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
  /**
   * Where the stack ends when the architecture's user address space is smaller than the
   * 4 GiB polyemu gives (MIPS32: 2 GiB, and glibc's ld.so uses the top bit of a link map
   * pointer as a flag); the mmap area is below it. Default: src/linux/elf/loader.ts STACK_TOP.
   */
  stackTop?: number;
  /** signal frames (without them, caught signals stay pending: only default actions act) */
  signal?: SignalAbi;
  /**
   * 64-bit syscall arguments in a register pair hold the high word first (big-endian o32);
   * default: low word first
   */
  pairHiFirst?: boolean;
  /** the register (in Isa.regs) that holds the thread pointer clone's CLONE_SETTLS sets */
  tlsReg?: number;
  /** x86's segment base registers (in Isa.regs) that arch_prctl reads and writes */
  segmentBases?: { fs: number; gs: number };
  /**
   * i386's TLS descriptors: set_thread_area(u_info) and clone's CLONE_SETTLS (which passes a
   * struct user_desc there instead of a thread pointer): install the descriptor, write the
   * entry number back; returns 0 or -errno (generic numbers)
   */
  setThreadArea?(cpu: Cpu, uinfo: number): number;
  /**
   * Where this architecture's Linux (or qemu, where the tests compare with it) sends another
   * signal or si_code for an architectural exception than src/linux/cpu-loop.ts's defaults.
   */
  exceptionSignals?: Partial<Record<Excp, ExceptionSignal>>;
}

/**
 * A target as Linux user mode runs it: an instruction set (src/core/isa.ts) plus the ELF
 * facts the loader matches and the Linux ABI (targets/<arch>/linux/index.ts builds one).
 */
export interface Target extends Isa {
  elfMachine: number;
  elfClass: 32 | 64;
  /** Debian cross triplet, for the default sysroot /usr/<triplet> */
  triplet: string;
  /**
   * The triplet for a program with these ELF e_flags when one target runs several Debian
   * ABIs (arm: soft-float armel `arm-linux-gnueabi` vs hard-float armhf); default `triplet`.
   */
  tripletFor?(elfFlags: number): string;
  abi: LinuxAbi;
  /** ELF e_flags checks: undefined when supported, else a reason */
  checkElfFlags?(flags: number): string | undefined;
}
