import type { Cpu } from './cpu.js';
import type { Logger } from './log.js';
import type { Memory } from './memory.js';
import type { Target } from '../targets/target.js';
import { FdTable } from '../syscalls/fdtable.js';
import { SysState } from '../syscalls/state.js';

/** Everything one guest process owns. No module-level state: several can live in one Node. */
export class Process {
  readonly fds = new FdTable();
  /** host directory that is the guest's cwd */
  cwd = process.cwd();
  /** guest path of the program (for /proc/self/exe, AT_EXECFN) and its host path */
  exePath = '';
  hostExePath = '';
  argv: string[] = [];
  envp: string[] = [];
  /** program break: start (end of the data segment) and current value */
  brkStart = 0;
  brk = 0;
  /** the auxv words the loader built, as [type, value] pairs (for /proc/self/auxv) */
  auxv: Array<[number, number]> = [];
  pid = process.pid;
  /** syscall numbers already reported as unimplemented under -d unimp */
  readonly unimpReported = new Set<number>();
  /** signal dispositions and mask, per signal number (bookkeeping for rt_sigaction) */
  readonly sigactions = new Map<number, Uint8Array>();
  sigmask = 0n;
  /** set_tid_address pointer */
  clearChildTid = 0;
  umask = 0o022;
  /** the rest of the syscall layer's per-process state (syscalls/state.ts) */
  readonly sys = new SysState();

  constructor(
    readonly target: Target,
    readonly mem: Memory,
    readonly cpu: Cpu,
    readonly log: Logger,
    /** sysroot for absolute guest paths (-L), or '' */
    readonly sysroot: string,
    readonly strace: boolean,
  ) {}
}
