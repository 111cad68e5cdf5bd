/**
 * The debugging core: breakpoints, single steps, watchpoints, signal stops, asynchronous
 * stop requests and an instruction budget for one guest process. The gdb stub (src/gdb) and
 * the embedding API (src/api) drive it; the engine (src/core/engine/debug-run.ts) and the kernel's
 * scheduler (src/linux/kernel.ts) honour it.
 *
 * Attach with `proc.debug = new Debugger()` before Engine.run(). Nothing of it is compiled
 * into guest code unless it is attached: without a Debugger the run loop is the plain one.
 * With one, translated blocks end before every breakpoint address, the run loop checks for a
 * breakpoint at each region entry, and (only while a watchpoint is set) loads and stores test
 * a per-page "watched" flag on their way, next to the permission test they always do.
 *
 * Stops are all-stop: when a thread stops, its turn ends at once and the kernel runs no
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
import type { Process } from '../../linux/process.js';
import type { Task } from '../../linux/task.js';
import type { SigInfo } from '../../../syscalls/signal/state.js';

export type StopReason =
  | { kind: 'breakpoint'; pc: number }          // about to execute the instruction at pc
  | { kind: 'step'; pc: number }                // one instruction done (Debugger.stepping was true on resume)
  | { kind: 'watch'; pc: number; addr: number; access: 'r' | 'w' | 'a' } // after the accessing instruction completed;
                                                // pc = the accessing instruction, addr = the watched address hit
  | { kind: 'signal'; sig: number }             // a signal is about to be delivered to this thread (fault or async)
  | { kind: 'interrupt' }                       // requestStop() was called
  | { kind: 'budget' };                         // insnLimit reached

export interface StopAction {
  /** end the whole run now: Engine.run() resolves with { status: 0, signal: 9, killed: true } */
  kill?: boolean;
  /** only for kind 'signal': deliver this signal instead (0 = suppress it) */
  signal?: number;
}

/** the page flag marking a watched page (defined with the other page flags in src/core/memory/flat.ts) */
import { PAGE_WATCH } from '../memory/flat.js';
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

/** A stop waiting to be reported (the kernel reports them one by one). */
export interface PendingStop {
  task: Task;
  why: StopReason;
  /** for signal stops: what deliverSignal was called with */
  info?: SigInfo;
  sync?: boolean;
}

/** What the engine and kernel keep while a Debugger is attached (not for its users). */
interface Control {
  /** stops not yet reported */
  stops: PendingStop[];
  /** threads resumed from a stop and not run since: where, and whether to run one instruction only */
  resumes: Map<Task, { pc: number; step: boolean }>;
  /** the thread to single-step (the scheduler runs it first) */
  stepTask: Task | undefined;
  /** this thread stepped into a syscall: report the step once the syscall has finished */
  stepAfterSyscall: Task | undefined;
  /** a real delivery after a signal stop (not reported again) */
  bypass: boolean;
  /** watch hits recorded while one instruction runs under watch (see Engine.stepOne) */
  recording: boolean;
  hits: Array<{ addr: number; access: 'r' | 'w' | 'a' }>;
  /** pages whose translated code must be dropped (breakpoints changed there) */
  dirtyPages: Set<number>;
  /** drop all translated code (watch mode switched on or off) */
  flushAll: boolean;
  /** instructions run by the whole process so far */
  icount: number;
  /** register views of switched-out threads handed out during the current stop */
  views: Map<Task, Cpu>;
}

export class Debugger {
  private readonly bps = new Set<number>();
  private readonly watches = new Map<number, Watch>();
  private nextWatch = 1;
  /** watched pages and how many watchpoints cover each */
  private readonly watchedPages = new Map<number, number>();
  private stopWanted = false;
  private proc: Process | undefined;
  /** wakes the scheduler when every thread is parked (set by the kernel) */
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
   * Called with all guest threads halted (all-stop); the kernel runs nothing until the result
   * resolves. During the call, task's registers are in cpuOf(task).
   */
  onStop: (task: Task, why: StopReason) => StopAction | void | Promise<StopAction | void> = () => {};
  /** the debugged process ended */
  onExit?: (st: { status: number; signal: number }) => void;

  /** @internal engine and kernel state */
  readonly ctl: Control = {
    stops: [], resumes: new Map(), stepTask: undefined, stepAfterSyscall: undefined, bypass: false, recording: false, hits: [],
    dirtyPages: new Set(), flushAll: false, icount: 0, views: new Map(),
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
        if (this.proc) this.proc.mem.perm[p] &= ~PAGE_WATCH;
      }
    }
  }
  /** whether code must be compiled with watch checks */
  get watching(): boolean {
    return this.watches.size > 0;
  }
  /** Put the watched flag on every watched page (mmap/mprotect rewrite the flags). */
  markPages(): void {
    const perm = this.proc?.mem.perm;
    if (perm) for (const p of this.watchedPages.keys()) perm[p] |= PAGE_WATCH;
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
  /** @internal the kernel takes the request */
  takeStopRequest(): boolean {
    const w = this.stopWanted;
    this.stopWanted = false;
    return w;
  }
  /** @internal */
  get stopRequested(): boolean {
    return this.stopWanted;
  }

  /** @internal the kernel of the run: which process, how to wake its scheduler */
  attach(proc: Process, kick: () => void): void {
    this.proc = proc;
    this.kick = kick;
    this.markPages();
  }

  /** instructions the debugged process has run (block granularity) */
  get icount(): number {
    return this.ctl.icount;
  }

  /**
   * @internal Called at the top of deliverSignal: report the signal first (true: taken,
   * the kernel delivers it after the stop). Not SIGKILL, not signals the guest ignores.
   */
  interceptSignal(proc: Process, sig: number, info: SigInfo, sync: boolean, ignored: boolean): boolean {
    if (this.ctl.bypass || !this.reportSignals || proc.debug !== this || ignored) return false;
    this.ctl.stops.push({ task: proc.thread, why: { kind: 'signal', sig }, info, sync });
    proc.cpu.budget = 0;
    return true;
  }

  /** @internal queue a stop of `task` */
  queue(task: Task, why: StopReason): void {
    this.ctl.stops.push({ task, why });
  }

  // ---- threads -------------------------------------------------------------------------

  /** live threads of the debugged process, in creation order */
  threads(): Task[] {
    const proc = this.proc;
    if (!proc) return [];
    return proc.kernel?.liveThreads(proc) ?? (proc.thread.state !== 'dead' ? [proc.thread] : []);
  }

  /**
   * Registers of a thread while stopped: the live Cpu of the thread switched in; for the
   * others a Cpu restored from their saved context, whose writes take effect when they run.
   */
  cpuOf(task: Task): Cpu {
    const proc = task.proc;
    if (proc.thread === task || !task.ctx) return proc.cpu;
    let v = this.ctl.views.get(task);
    if (v) return v;
    const live = proc.cpu;
    const st = task.ctx.cpu;
    v = Object.assign(Object.create(Object.getPrototypeOf(live) as object) as Cpu, live);
    const w = v as unknown as Record<string, unknown>;
    w.r = st.r;
    w.f64 = new Float64Array(st.r.buffer, st.r.byteOffset, st.r.byteLength >> 3);
    for (const [k, x] of Object.entries(st.fields)) w[k] = x;
    v.pc = st.pc;
    this.ctl.views.set(task, v);
    return v;
  }

  /** @internal a stop resolved: register views write their fields back into the contexts */
  flushViews(): void {
    for (const [task, v] of this.ctl.views) {
      const st = task.ctx?.cpu;
      if (!st) continue;
      st.pc = v.pc;
      const w = v as unknown as Record<string, number>;
      for (const k of Object.keys(st.fields)) st.fields[k] = w[k];
    }
    this.ctl.views.clear();
  }
}

/** The address of the instruction at pc (a Thumb pc has bit 0 set; no other target's is odd). */
export const insnAddr = (pc: number): number => (pc & ~1) >>> 0;
