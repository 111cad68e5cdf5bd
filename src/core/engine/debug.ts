/**
 * The debugging core: breakpoints, single steps, watchpoints, signal stops, asynchronous
 * stop requests and an instruction budget for one guest process. The gdb stub (src/gdb) and
 * the embedding API (src/api) drive it; the engine (src/core/engine/debug-run.ts) and the
 * scheduler of the layer running the guest (Linux: src/linux/kernel.ts, through a DebugHost)
 * honour it.
 *
 * Attach it before the guest runs (Linux user mode: `proc.debug = new Debugger<Task>()`). Nothing of it is compiled
 * into guest code unless it is attached: without a Debugger the run loop is the plain one.
 * With one, translated blocks end before every breakpoint address, the run loop checks for a
 * breakpoint at each region entry, and (only while a watchpoint is set) loads and stores test
 * a per-page "watched" flag on their way, next to the permission test they always do.
 *
 * Stops are all-stop: when a thread stops, its turn ends at once and the host's scheduler runs no
 * thread until onStop's result resolves. Addresses are instruction addresses: on 32-bit ARM
 * a Thumb pc (bit 0 set in cpu.pc) is reported and matched with bit 0 clear.
 *
 * Granularity: insnLimit is checked between regions and blocks (the guest may run up to one
 * block, at most 64 instructions, past it); a single step inside a Thumb IT block runs to the
 * end of the IT block, and a breakpoint inside one is not seen (a block cannot start inside
 * an IT block). Watchpoints see the guest's own
 * loads and stores compiled as IR memory ops; accesses made by helpers (atomics, some vector
 * loads) and by syscalls (read(2) into a watched buffer) are not reported.
 */
import type { Cpu } from '../cpu.js';
import type { MemoryModel } from '../memory/model.js';

/**
 * What the layer running the guest tells its Debugger (Linux user mode: src/linux/debug-host.ts;
 * a system-mode board: its harts). `T` is that layer's handle of a thread of execution.
 */
export interface DebugHost<T> {
  /** the memory whose pages carry the watch flag */
  readonly mem: MemoryModel;
  /** live threads, in creation order */
  threads(): T[];
  /**
   * Registers of a thread while everything is stopped: the live Cpu of the one switched in,
   * a view of the saved state of the others whose writes take effect when they run again.
   */
  cpuOf(t: T): Cpu;
  /** a stop resolved: views handed out by cpuOf write their changes back */
  flushViews(): void;
}

export type StopReason =
  | { kind: 'breakpoint'; pc: number }          // about to execute the instruction at pc
  | { kind: 'step'; pc: number }                // one instruction done (Debugger.stepping was true on resume)
  | { kind: 'watch'; pc: number; addr: number; access: 'r' | 'w' | 'a' } // after the accessing instruction completed;
                                                // pc = the accessing instruction, addr = the watched address hit
  | { kind: 'signal'; sig: number }             // the host is about to deliver a signal to this thread (Linux: a fault or an async signal)
  | { kind: 'interrupt' }                       // requestStop() was called
  | { kind: 'budget' };                         // insnLimit reached

export interface StopAction {
  /** end the whole run now: the run resolves with { status: 0, signal: 9, killed: true } */
  kill?: boolean;
  /** only for kind 'signal': deliver this signal instead (0 = suppress it) */
  signal?: number;
}

/** the page flag marking a watched page (defined with the other page flags in src/core/memory/flat.ts) */
import { PAGE_WATCH } from '../memory/pages.js';
export { PAGE_WATCH };

/** Thrown by the slow path of a load or store that hits a watchpoint (before the access). */
export class WatchHit extends Error {
  constructor(readonly pc: number) {
    super('watchpoint hit');
  }
}

interface Watch {
  addr: number;
  len: number;
  access: 'r' | 'w' | 'a';
}

/** A stop waiting to be reported (the host reports them one by one). */
export interface PendingStop<T> {
  task: T;
  why: StopReason;
  /** for signal stops: what the host's signal delivery was called with (opaque here) */
  info?: unknown;
  sync?: boolean;
}

/** What the engine and the host keep while a Debugger is attached (not for its users). */
interface Control<T> {
  /** stops not yet reported */
  stops: PendingStop<T>[];
  /** threads resumed from a stop and not run since: where, and whether to run one instruction only */
  resumes: Map<T, { pc: number; step: boolean }>;
  /** the thread to single-step (the scheduler runs it first) */
  stepTask: T | undefined;
  /** this thread stepped into a syscall: report the step once the syscall has finished */
  stepAfterSyscall: T | undefined;
  /** a real delivery after a signal stop (not reported again) */
  bypass: boolean;
  /** watch hits recorded while one instruction runs under watch (see Engine.stepOne) */
  recording: boolean;
  hits: Array<{ addr: number; access: 'r' | 'w' | 'a' }>;
  /** pages whose translated code must be dropped (breakpoints changed there) */
  dirtyPages: Set<number>;
  /** drop all translated code (watch mode switched on or off) */
  flushAll: boolean;
  /** instructions run by the whole debugged program so far */
  icount: number;
}

/** The debugging core for one guest program; `T` is the host's thread handle (DebugHost). */
export class Debugger<T = unknown> {
  private readonly bps = new Set<number>();
  private readonly watches = new Map<number, Watch>();
  private nextWatch = 1;
  /** watched pages and how many watchpoints cover each */
  private readonly watchedPages = new Map<number, number>();
  private stopWanted = false;
  private host: DebugHost<T> | undefined;
  /** wakes the host's scheduler when every thread is parked (set on attach) */
  private kick: (() => void) | undefined;

  /** read when a stop resolves: true = run ONE instruction of the stopped thread, then stop {kind:'step'} */
  stepping = false;
  /** stop {kind:'budget'} once the process has run this many instructions (block granularity) */
  insnLimit = Infinity;
  /** report signals (not those the guest ignores) before they are delivered */
  reportSignals = true;
  /** call onStop(task, {kind:'interrupt'}) before the first guest instruction runs */
  stopAtStart = false;
  /**
   * Called with all guest threads halted (all-stop); the host runs nothing until the result
   * resolves. During the call, task's registers are in cpuOf(task).
   */
  onStop: (task: T, why: StopReason) => StopAction | void | Promise<StopAction | void> = () => {};
  /** the debugged process ended */
  onExit?: (st: { status: number; signal: number }) => void;

  /** @internal engine and host state */
  readonly ctl: Control<T> = {
    stops: [], resumes: new Map(), stepTask: undefined, stepAfterSyscall: undefined, bypass: false, recording: false, hits: [],
    dirtyPages: new Set(), flushAll: false, icount: 0,
  };

  // ---- breakpoints ---------------------------------------------------------------------

  addBreakpoint(pc: number): void {
    const a = insnAddr(pc);
    if (this.bps.has(a)) return;
    this.bps.add(a);
    this.ctl.dirtyPages.add(a >>> 12);
  }
  removeBreakpoint(pc: number): void {
    const a = insnAddr(pc);
    if (!this.bps.delete(a)) return;
    this.ctl.dirtyPages.add(a >>> 12);
  }
  hasBreakpoint(pc: number): boolean {
    return this.bps.has(insnAddr(pc));
  }
  get breakpoints(): number[] {
    return [...this.bps];
  }

  // ---- watchpoints ---------------------------------------------------------------------

  /** Watch [addr, addr+len) for reads ('r'), writes ('w') or both ('a'); returns its id. */
  addWatch(addr: number, len: number, access: 'r' | 'w' | 'a'): number {
    addr >>>= 0;
    len = Math.max(1, len);
    const id = this.nextWatch++;
    this.watches.set(id, { addr, len, access });
    if (this.watches.size === 1) this.ctl.flushAll = true;
    for (let p = addr >>> 12; p <= (addr + len - 1) >>> 12; p++) {
      this.watchedPages.set(p, (this.watchedPages.get(p) ?? 0) + 1);
    }
    this.markPages();
    return id;
  }
  removeWatch(id: number): void {
    const w = this.watches.get(id);
    if (!w) return;
    this.watches.delete(id);
    if (this.watches.size === 0) this.ctl.flushAll = true;
    for (let p = w.addr >>> 12; p <= (w.addr + w.len - 1) >>> 12; p++) {
      const n = (this.watchedPages.get(p) ?? 1) - 1;
      if (n > 0) this.watchedPages.set(p, n);
      else {
        this.watchedPages.delete(p);
        this.host?.mem.markWatch(p, false);
      }
    }
  }
  /** whether code must be compiled with watch checks */
  get watching(): boolean {
    return this.watches.size > 0;
  }
  /** Put the watched flag on every watched page (the host's mapping changes rewrite the flags). */
  markPages(): void {
    const mem = this.host?.mem;
    if (mem) for (const p of this.watchedPages.keys()) mem.markWatch(p, true);
  }

  /**
   * A load (write=false) or store of `size` bytes at `addr` by the instruction at `pc`, on a
   * watched page (called by the engine's slow path before the access). A hit throws WatchHit
   * (the engine then runs that instruction alone and reports the stop after it), or is
   * recorded while that one instruction runs.
   */
  access(addr: number, size: number, pc: number, write: boolean): void {
    for (const w of this.watches.values()) {
      if (addr + size <= w.addr || addr >= w.addr + w.len) continue;
      if (w.access === (write ? 'r' : 'w')) continue;
      if (!this.ctl.recording) throw new WatchHit(pc);
      this.ctl.hits.push({ addr: Math.max(addr, w.addr) >>> 0, access: w.access });
      return;
    }
  }

  // ---- control -------------------------------------------------------------------------

  /** Stop the guest as soon as possible (safe from any Node callback). */
  requestStop(): void {
    this.stopWanted = true;
    this.kick?.();
  }
  /** @internal the host takes the request */
  takeStopRequest(): boolean {
    const w = this.stopWanted;
    this.stopWanted = false;
    return w;
  }
  /** @internal */
  get stopRequested(): boolean {
    return this.stopWanted;
  }

  /** @internal the layer running the guest: its threads and memory, how to wake its scheduler */
  attach(host: DebugHost<T>, kick: () => void): void {
    this.host = host;
    this.kick = kick;
    this.markPages();
  }

  /** instructions the debugged process has run (block granularity) */
  get icount(): number {
    return this.ctl.icount;
  }

  /**
   * @internal Called by the host before it delivers a signal to `task` (running on `cpu`):
   * report it first (true: taken; the host delivers it after the stop). Not for signals the
   * guest ignores, nor while the host delivers one a stop already reported (ctl.bypass).
   */
  interceptSignal(task: T, cpu: Cpu, sig: number, info: unknown, sync: boolean, ignored: boolean): boolean {
    if (this.ctl.bypass || !this.reportSignals || ignored) return false;
    this.ctl.stops.push({ task, why: { kind: 'signal', sig }, info, sync });
    cpu.budget = 0;
    return true;
  }

  /** @internal queue a stop of `task` */
  queue(task: T, why: StopReason): void {
    this.ctl.stops.push({ task, why });
  }

  // ---- threads -------------------------------------------------------------------------

  /** live threads of the debugged program, in creation order */
  threads(): T[] {
    return this.host?.threads() ?? [];
  }

  /**
   * Registers of a thread while stopped: the live Cpu of the thread switched in; for the
   * others a view of their saved state, whose writes take effect when they run.
   */
  cpuOf(task: T): Cpu {
    if (!this.host) throw new Error('debugger: not attached to a running guest');
    return this.host.cpuOf(task);
  }

  /** @internal a stop resolved: register views write their fields back */
  flushViews(): void {
    this.host?.flushViews();
  }
}

/** The address of the instruction at pc (a Thumb pc has bit 0 set; no other target's is odd). */
export const insnAddr = (pc: number): number => (pc & ~1) >>> 0;
