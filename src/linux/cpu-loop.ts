/**
 * The Linux CPU loop: what an architectural exception (src/core/exceptions.ts) means for a
 * Linux user-mode process. A syscall exception runs the system call; the others become the
 * signal Linux sends for that fault on the guest's architecture, with its si_code and si_addr
 * (numbers come from the architecture's generated constants: SIGBUS is 7 on ARM and RISC-V,
 * 10 on MIPS). It also builds the ExecContext the core's Engine runs a process in.
 */
import type { ExecContext } from '../core/engine/context.js';
import { Engine, type EngineOptions } from '../core/engine/engine.js';
import { Excp, FaultCause } from '../core/exceptions.js';
import type { Cpu } from '../core/cpu.js';
import { archOf, type Arch } from '../../syscalls/arch.js';
import { startSyscall } from '../../syscalls/index.js';
import { deliverSignal } from '../../syscalls/signal/deliver.js';
import type { SigInfo } from '../../syscalls/signal/state.js';
import type { Process } from './process.js';
import type { ExceptionSignal } from '../../targets/target.js';

/**
 * What Linux sends for each exception on most architectures (arch/<arch>/kernel/traps.c and
 * the fault handlers); a target's LinuxAbi.exceptionSignals overrides entries.
 */
export const EXCEPTION_SIGNALS: Readonly<Partial<Record<Excp, ExceptionSignal>>> = {
  [Excp.Illegal]: { sig: 'SIGILL', code: 'ILL_ILLOPC' },
  [Excp.Breakpoint]: { sig: 'SIGTRAP', code: 'TRAP_BRKPT' },
  [Excp.PageFault]: { sig: 'SIGSEGV', code: { [FaultCause.Unmapped]: 'SEGV_MAPERR', [FaultCause.Protection]: 'SEGV_ACCERR' } },
  [Excp.Alignment]: { sig: 'SIGBUS', code: 'BUS_ADRALN' },
  [Excp.Arith]: { sig: 'SIGFPE', code: 'FPE_INTDIV' },
  [Excp.Trap]: { sig: 'SIGTRAP', code: 'TRAP_BRKPT' },
};

/** The siginfo of the signal the CPU's current exception raises (not for Syscall). */
export function signalFor(a: Arch, overrides: Partial<Record<Excp, ExceptionSignal>> | undefined, cpu: Cpu): SigInfo {
  const e0 = overrides?.[cpu.excp as Excp] ?? EXCEPTION_SIGNALS[cpu.excp as Excp];
  if (!e0) throw new Error(`linux: no signal for architectural exception ${cpu.excp}`);
  const e = e0.byCause?.[cpu.excpCause] ?? e0;
  const signo = a.c[e.sig];
  const codeName = typeof e.code === 'string' ? e.code : e.code[cpu.excpCause];
  const code = codeName === undefined ? 0 : a.c[codeName] ?? 0;
  return e.addr === 'none' ? { signo, code } : { signo, code, addr: cpu.excpAddr };
}

/**
 * Act on the exception that ended the thread's slice: run the syscall (a Promise when it
 * blocks: the scheduler parks the thread), or deliver the signal the fault raises (the
 * guest's handler runs next, or the process ends by it).
 */
export function onException(proc: Process): void | Promise<() => void> {
  const cpu = proc.cpu;
  if (cpu.excp === Excp.Syscall) return startSyscall(proc);
  const info = signalFor(archOf(proc), proc.target.abi.exceptionSignals, cpu);
  deliverSignal(proc, info.signo, info, true);
}

/**
 * The ExecContext of a process's engine: its CPU, memory and target, its debugger when one is
 * attached, and the code its kernel's other processes translated (fork, execve of the same
 * image) unless a debugger or a per-translation log wants every translation made here.
 */
export function linuxContext(proc: Process): ExecContext {
  const { log } = proc;
  const logged = log.has('in_asm') || log.has('op') || log.has('out_asm');
  return {
    isa: proc.target,
    cpu: proc.cpu,
    mem: proc.mem,
    log,
    get debug() {
      return proc.debug as ExecContext['debug'];
    },
    sharing: { store: () => (logged || proc.debug ? undefined : proc.kernel?.codeStore) },
    threadTag: () => proc.thread.tid - proc.pid,
    currentThread: () => proc.thread,
  };
}

/** An Engine running `proc` (a new one after each execve: new image, new code cache). */
export function linuxEngine(proc: Process, opts?: EngineOptions): Engine {
  return new Engine(linuxContext(proc), opts);
}
