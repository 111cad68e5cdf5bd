import type { Cpu } from '../core/cpu.js';
import type { Logger } from '../core/log/log.js';
import type { Memory } from '../core/memory/flat.js';
import type { Target } from '../../targets/target.js';
import { FdTable } from '../../syscalls/fs/fdtable.js';
import { SysState } from '../../syscalls/state.js';
import type { Kernel } from './kernel.js';
import { Task } from './task.js';
import type { GuestHooks } from './hooks.js';
import type { LinuxDebugger } from './debug-host.js';
import { MMAP_MIN, MMAP_TOP } from './mmap-placement.js';

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
  /** mmap placement bounds (src/linux/mmap-placement.ts): the lowest address and the top of the search */
  mmapMin = MMAP_MIN;
  mmapTop = MMAP_TOP;
  /** the auxv words the loader built, as [type, value] pairs (for /proc/self/auxv) */
  auxv: Array<[number, number]> = [];
  pid = process.pid;
  /** parent's pid (the host's parent for the initial process), process group and session */
  ppid = process.ppid;
  pgid = process.pid;
  sid = process.pid;
  /** the kernel (process table, scheduler) running this process, once it runs */
  kernel: Kernel | undefined;
  /** the thread whose registers are in `cpu` now (the scheduler switches threads) */
  thread: Task = new Task(this.pid, this);
  /** syscall numbers already reported as unimplemented under -d unimp */
  readonly unimpReported = new Set<number>();
  /** signal dispositions and mask, per signal number (bookkeeping for rt_sigaction) */
  readonly sigactions = new Map<number, Uint8Array>();
  sigmask = 0n;
  umask = 0o022;
  /** the rest of the syscall layer's per-process state (syscalls/state.ts) */
  readonly sys = new SysState();
  /** the embedding API's syscall and signal hooks (src/linux/hooks.ts), if any */
  hooks?: GuestHooks;
  /** the debugger attached to this process (src/core/engine/debug.ts); forked children get none */
  debug?: LinuxDebugger;
  /** forward the host's SIGINT/SIGTERM/SIGHUP to the guest (the CLI sets it; embedders do not) */
  hostSignals = false;

  constructor(
    /** not readonly: execve replaces the image (target, memory and cpu) */
    public target: Target,
    public mem: Memory,
    public cpu: Cpu,
    readonly log: Logger,
    /** sysroot for absolute guest paths (-L), or '' (execve of another target may change it) */
    public sysroot: string,
    readonly strace: boolean,
  ) {}

  /**
   * execve: put a freshly loaded image (target, memory, cpu; argv, auxv... from `loaded`, the
   * scratch Process the loader filled) in place of this one. Signal handlers go back to the
   * default (ignored ones and the mask stay; `ignored` lists them), close-on-exec fds close, the memory's state
   * (brk, shared mappings, futex waiters, alternate stack) goes. The caller then throws
   * ImageReplaced so that the run loop builds a new Engine.
   */
  replaceImage(target: Target, mem: Memory, cpu: Cpu, loaded: Process, ignored: Map<number, Uint8Array> = new Map()): void {
    this.target = target;
    this.mem = mem;
    this.cpu = cpu;
    this.sysroot = loaded.sysroot;
    this.exePath = loaded.exePath;
    this.hostExePath = loaded.hostExePath;
    this.argv = loaded.argv;
    this.envp = loaded.envp;
    this.auxv = loaded.auxv;
    this.brkStart = loaded.brkStart;
    this.brk = loaded.brk;
    this.mmapMin = loaded.mmapMin;
    this.mmapTop = loaded.mmapTop;
    this.sigactions.clear();
    for (const [sig, raw] of ignored) this.sigactions.set(sig, raw);
    this.sys.resetForExec(loaded.exePath.slice(loaded.exePath.lastIndexOf('/') + 1));
    this.sys.mapNames = loaded.sys.mapNames;
    for (const fd of [...this.fds.fds()]) if (this.fds.entry(fd)!.cloexec) this.fds.close(fd);
  }
}
