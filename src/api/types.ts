/** The embedding API's option, event and result types (see src/api/index.ts). */
import type { InputOption, OutputOption } from './stdio.js';

export type { InputOption, OutputOption } from './stdio.js';

export interface GuestOptions {
  /** guest arguments after argv[0] */
  args?: string[];
  /** guest argv[0] (default: the program as given) */
  argv0?: string;
  /** the guest's whole environment (default: this Node process's, as child_process does) */
  env?: Record<string, string> | string[];
  /** text or bytes (then end of file), a Readable, 'pipe' (write to guest.stdin), 'inherit', or 'ignore' (default: empty) */
  stdin?: InputOption;
  /** 'pipe' (default: kept for the result and streamed on guest.stdout), 'inherit', 'ignore', or a Writable */
  stdout?: OutputOption;
  stderr?: OutputOption;
  /** host directory the guest starts in (default: this process's cwd) */
  cwd?: string;
  /** sysroot for the ELF interpreter and absolute paths (qemu's -L); default /usr/<triplet> when it exists, '' for none */
  sysroot?: string;
  /** stop the run cleanly (result.reason 'budget') after this many guest instructions or milliseconds */
  budget?: Budget;
  /** name the program goes by when it is given as bytes (argv[0], messages); default 'program' */
  name?: string;
  /** stack size in bytes (default 8 MiB) */
  stackSize?: number;
  /** make the 16 AT_RANDOM bytes reproducible */
  seed?: number;
  /** log every system call to `logFile` (or stderr), as -strace does */
  strace?: boolean;
  logFile?: string;
}

export interface Budget {
  /** guest instructions (counted per translated block: the guest may run a block past it) */
  instructions?: number;
  /** wall-clock milliseconds from the start of the run */
  timeMs?: number;
}

/** How a run ended. */
export interface RunResult {
  /** 'exit': the guest exited (status); 'signal': a signal killed it (signal); 'budget': the budget ran out; 'killed': guest.kill() */
  reason: 'exit' | 'signal' | 'budget' | 'killed';
  /** exit status (0-255) when reason is 'exit', else 0 */
  status: number;
  /** the terminating signal's number when reason is 'signal' (9 for 'budget' and 'killed'), else 0 */
  signal: number;
  /** its name ('SIGSEGV'), or '' */
  signalName: string;
  /** what the guest wrote (with stdout/stderr 'pipe'), as UTF-8 text and as bytes */
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
  stderrBytes: Buffer;
  /** guest instructions run (counted per block) */
  instructions: number;
}

/** Why the guest stopped, as continue() and step() report it. */
export type Stop =
  | { reason: 'breakpoint'; pc: number; tid: number }
  | { reason: 'step'; pc: number; tid: number }
  | { reason: 'watch'; pc: number; tid: number; addr: number; access: 'r' | 'w' | 'rw' }
  | { reason: 'pause'; pc: number; tid: number }
  | { reason: 'exit'; result: RunResult };

/** A system call as a syscall hook sees it. */
export interface SyscallCall {
  /** Linux name: 'write', 'getpid', 'openat', ... */
  name: string;
  /** its arguments as the guest passed them (numbers; addresses are guest addresses) */
  args: number[];
  /** onSyscall: what it returned (an error is -errno, Linux numbering); undefined in onSyscallEntry */
  result?: number;
  pid: number;
  tid: number;
}

/** A signal as onSignal sees it. */
export interface SignalEvent {
  signal: number;
  /** 'SIGSEGV', ... */
  name: string;
  /** a fault of the current instruction (SIGSEGV, SIGILL, ...) rather than a sent signal */
  sync: boolean;
  /** si_code and, for faults, the address */
  code: number;
  addr?: number;
  pid: number;
  tid: number;
}
