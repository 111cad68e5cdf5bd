/**
 * The kernel of one polyemu run: the process and thread tables, the pid allocator and the
 * scheduler. No module-level state — runProgram (or Engine.run) builds one Kernel around the
 * initial process; fork, vfork and clone add processes and threads to it, all in this one
 * Node process.
 *
 * Scheduling: guest threads run round-robin, one turn each (a time slice of compiled code,
 * or until a syscall blocks). A syscall that would block returns a Promise; its thread parks
 * and the others run; when the Promise settles, the thread becomes runnable and the rest of
 * the syscall (writing its result, -strace, signals) runs in its own context on its next
 * turn. Node's event loop runs between turns (setImmediate), so timers, pipes and host
 * signals make progress; when every thread is parked the kernel awaits the first wake-up.
 * The run ends when the initial process ends (exit_group, its last thread's exit, a fatal
 * signal), with its status; processes still running then are dropped.
 */
import * as fs from 'node:fs';
import { ExitKind } from '../core/ir.js';
import { GuestExit, ImageReplaced } from './errors.js';
import type { Process } from './process.js';
import { Task, ThreadExit, type ThreadContext } from './task.js';
import type { Engine, EngineOptions } from '../core/engine/engine.js';
import type { ExitStatus } from './run.js';
import { linuxEngine, onException } from './cpu-loop.js';
import { debugHost, type LinuxDebugger } from './debug-host.js';
import { Excp } from '../core/exceptions.js';
import type { PendingStop } from '../core/engine/debug.js';
import { CodeStore } from '../core/engine/code-store.js';
import { MemoryPool } from './memory-pool.js';
import { deliverPending, deliverSignal, fatalPending, sigBit, SIG_DFL, SIG_IGN, defaultAction, readAction } from '../../syscalls/signal/deliver.js';
import { startSignalSession } from '../../syscalls/signal/host.js';
import { stopTimers, wakeWaiters } from '../../syscalls/signal/wait.js';
import { IpcNamespace } from '../../syscalls/ipc/sysv.js';
import { shmDetachAll, shmSwitchIn } from '../../syscalls/ipc/sysv-shm.js';
import { semExit } from '../../syscalls/ipc/sysv-sem.js';
import { flushSharedMappings } from '../../syscalls/mm/shared-map.js';
import type { SigInfo } from '../../syscalls/signal/state.js';
import { archOf } from '../../syscalls/arch.js';
import { futexWakeAddr } from '../../syscalls/ipc/futex.js';
import { CLD } from '../../syscalls/process/clone-flags.js';
import { E } from '../../syscalls/errno.js';
import { exitRobustList } from '../../syscalls/process/robust-list.js';
import { endTurn, startTurn } from '../../syscalls/process/rusage.js';

/** Syscalls a thread may make in one turn before the others get theirs. */
const SYSCALLS_PER_TURN = 256;

/** The kernel's bookkeeping of one process. */
export interface ProcRecord {
  proc: Process;
  tasks: Task[];
  parent: Process | undefined;
  children: Set<Process>;
  /** signal sent to the parent at exit (clone's CSIGNAL bits; SIGCHLD for fork) */
  exitSignal: number;
  /** how it ended, once it has: a zombie until its parent reaps it */
  exit: ExitStatus | undefined;
  /** vfork parents waiting for this child to exec or exit */
  vforkWaiters: Task[];
}

export class Kernel {
  readonly procs = new Map<Process, ProcRecord>();
  readonly tasks = new Map<number, Task>();
  /** round-robin order */
  private queue: Task[] = [];
  private nextPid: number;
  private readonly engines = new Map<Process, Engine>();
  /** translated code every process here may reuse (fork, execve again): engine/code-store.ts */
  readonly codeStore = new CodeStore();
  /** ended processes' memories, for fork to reuse (src/linux/memory-pool.ts) */
  readonly memories = new MemoryPool();
  /** System V IPC objects (shared memory, semaphores, message queues) of all its processes */
  readonly ipc = new IpcNamespace();
  private wake: (() => void) | undefined;
  private result: ExitStatus | undefined;

  constructor(
    readonly initial: Process,
    private readonly makeEngine: (proc: Process) => Engine = (p) => linuxEngine(p),
    engine?: Engine,
  ) {
    this.nextPid = initial.pid + 1;
    if (engine) this.engines.set(initial, engine);
    const [pgid, sid] = hostGroup();
    if (pgid) { initial.pgid = pgid; initial.sid = sid; }
    this.addProcess(initial, undefined, 0);
  }

  allocPid(): number {
    while (this.tasks.has(this.nextPid) || this.nextPid === process.pid) this.nextPid++;
    return this.nextPid++;
  }

  /** Register a process (its thread is proc.thread, already built with the right tid). */
  addProcess(proc: Process, parent: Process | undefined, exitSignal: number): ProcRecord {
    const task = proc.thread!;
    proc.kernel = this;
    const rec: ProcRecord = { proc, tasks: [task], parent, children: new Set(), exitSignal, exit: undefined, vforkWaiters: [] };
    this.procs.set(proc, rec);
    if (parent) this.procs.get(parent)?.children.add(proc);
    this.tasks.set(task.tid, task);
    this.queue.push(task);
    return rec;
  }

  /** Add a thread to `proc` (its context ready in task.ctx). */
  addThread(task: Task): void {
    this.procs.get(task.proc)!.tasks.push(task);
    this.tasks.set(task.tid, task);
    this.queue.push(task);
  }

  record(proc: Process): ProcRecord | undefined {
    return this.procs.get(proc);
  }

  /** Live threads of a process. */
  liveThreads(proc: Process): Task[] {
    return this.procs.get(proc)?.tasks.filter((t) => t.state !== 'dead') ?? [];
  }

  /** The live process with this pid (not a zombie). */
  findProcess(pid: number): Process | undefined {
    const t = this.tasks.get(pid);
    if (t && t.proc.pid === pid && !this.procs.get(t.proc)?.exit) return t.proc;
    for (const [p, r] of this.procs) if (p.pid === pid && !r.exit) return p;
    return undefined;
  }

  /** Live processes (zombies excluded). */
  *liveProcesses(): Generator<Process> {
    for (const [p, r] of this.procs) if (!r.exit) yield p;
  }

  // ---- thread context switch ---------------------------------------------------------

  /** Make `t`'s registers and per-thread signal state the ones its process shows. */
  switchTo(t: Task): void {
    const proc = t.proc;
    const cur = proc.thread;
    if (cur === t) return;
    if (cur && cur.state !== 'dead' && cur.proc === proc) cur.ctx = saveThread(proc);
    if (t.ctx) restoreThread(proc, t.ctx);
    t.ctx = undefined;
    proc.thread = t;
  }

  /** The signal mask of `t` (its process shows it while it is switched in). */
  maskOf(t: Task): bigint {
    return t.proc.thread === t ? t.proc.sigmask : t.ctx?.sigmask ?? 0n;
  }

  /**
   * A signal pending for `t` would interrupt a wait (a handler or a fatal default action
   * and not blocked by its mask): futex and other waits return EINTR.
   */
  interrupting(t: Task): boolean {
    const proc = t.proc;
    const mask = this.maskOf(t);
    const sigs: number[] = [];
    for (const [sig, infos] of proc.sys.sig.info) {
      for (const i of infos) if (i.shared || proc.thread === t) sigs.push(sig);
    }
    if (proc.thread !== t) for (const [sig] of t.ctx?.pending ?? []) sigs.push(sig);
    const a = archOf(proc);
    return sigs.some((s) => {
      if (mask & sigBit(s) && s !== a.c.SIGKILL) return false;
      const h = readAction(proc, s).handler;
      return h > SIG_IGN || (h === SIG_DFL && defaultAction(a, s) === 'terminate');
    });
  }

  /** Queue a thread-directed signal (tgkill) for `t` and wake waits it may cut short. */
  signalThread(t: Task, sig: number, info: SigInfo): void {
    const proc = t.proc;
    if (proc.thread === t) {
      const q = proc.sys.sig.info.get(sig);
      const rt = sig >= (archOf(proc).c.SIGRTMIN ?? 32);
      if (rt || !q?.some((i) => !i.shared)) {
        proc.sys.pendingSignals.push(sig);
        if (q) q.push(info);
        else proc.sys.sig.info.set(sig, [info]);
      }
    } else if (t.ctx) {
      t.ctx.pending.push([sig, info]);
    }
    wakeWaiters(proc);
  }

  // ---- the scheduler -----------------------------------------------------------------

  /** Run every guest task until the initial process ends. */
  async run(): Promise<ExitStatus> {
    // host signals reach the guest only when the CLI asks (an embedder's Node process is its own)
    const endSignals = this.initial.hostSignals ? startSignalSession(this.initial) : () => stopTimers(this.initial);
    const dbg = this.initial.debug;
    dbg?.attach(debugHost(this.initial), () => this.wake?.());
    try {
      if (dbg?.stopAtStart) await this.reportStop(dbg, { task: this.initial.thread, why: { kind: 'interrupt' } });
      while (!this.result) {
        // all-stop: a debugger's stops are reported before any thread runs again
        if (dbg && (dbg.ctl.stops.length || dbg.stopRequested)) {
          await this.debugStops(dbg);
          continue;
        }
        const t = this.pick(dbg?.ctl.stepTask);
        if (!t) {
          await new Promise<void>((resolve) => { this.wake = resolve; });
          this.wake = undefined;
          continue;
        }
        this.turn(t);
        if (this.result) break;
        // let Node run timers, I/O callbacks and host-signal listeners between turns
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return this.result;
    } finally {
      endSignals();
      this.dropAll();
    }
  }

  /**
   * The run is over: processes still running are dropped. Their fds close (pipe readers and
   * writers see the end) and their futex waits are released, so that no parked call keeps
   * Node's event loop alive for an embedder.
   */
  private dropAll(): void {
    for (const [p, rec] of this.procs) {
      if (p === this.initial || rec.exit) continue;
      for (const t of rec.tasks) if (t.state !== 'dead') this.bury(t);
      rec.exit = { status: 0, signal: archOf(p).c.SIGKILL };
      stopTimers(p);
      for (const fd of [...p.fds.fds()]) p.fds.close(fd);
      for (const list of [...p.sys.futexWaiters.values()]) for (const w of [...list]) w();
      p.sys.futexWaiters.clear();
    }
  }

  /**
   * The next runnable task in round-robin order (moved to the back of the queue); `first`
   * (a thread a debugger single-steps) when it is runnable.
   */
  private pick(first?: Task): Task | undefined {
    const q = this.queue;
    for (let i = 0; i < q.length; i++) {
      const t = q[i];
      if (first && first.state === 'runnable' && t !== first) continue;
      if (t.state === 'runnable') {
        q.splice(i, 1);
        q.push(t);
        return t;
      }
    }
    return undefined;
  }

  // ---- debugger stops (src/core/engine/debug.ts) ------------------------------------------

  /** Report the stops the debugger has queued (a stop request makes one), one by one. */
  private async debugStops(dbg: LinuxDebugger): Promise<void> {
    if (dbg.takeStopRequest() && !dbg.ctl.stops.length) {
      const proc = this.initial;
      const t = proc.thread.state !== 'dead' ? proc.thread : this.liveThreads(proc)[0];
      if (t) dbg.queue(t, { kind: 'interrupt' });
    }
    for (let s = dbg.ctl.stops.shift(); s && !this.result; s = dbg.ctl.stops.shift()) await this.reportStop(dbg, s);
  }

  /**
   * One stop: nothing runs until onStop's answer; then a kill, the signal (or the one the
   * debugger chose instead), and how the thread resumes (stepping, over a breakpoint).
   */
  private async reportStop(dbg: LinuxDebugger, s: PendingStop<Task>): Promise<void> {
    const t = s.task;
    if (t.state === 'dead') return;
    this.switchTo(t);
    const act = (await dbg.onStop(t, s.why)) ?? {};
    dbg.flushViews();
    const gone = () => (t.state as string) === 'dead';
    if (this.result || gone()) return;
    if (act.kill) {
      // a pending SIGKILL ends the waits of parked calls (their keep-alive timers go too)
      const sigkill = archOf(this.initial).c.SIGKILL;
      this.postTo(this.initial, sigkill, { signo: sigkill, code: 0, shared: true });
      this.exitProcess(this.initial, { status: 0, signal: sigkill, killed: true });
      return;
    }
    this.switchTo(t);
    if (s.why.kind === 'signal') {
      const sig = act.signal ?? s.why.sig;
      dbg.ctl.bypass = true;
      try {
        if (sig > 0) deliverSignal(t.proc, sig, { ...(s.info as SigInfo), signo: sig }, s.sync);
      } catch (e) {
        this.ended(t, e);
      } finally {
        dbg.ctl.bypass = false;
      }
      if (gone()) return;
    }
    const step = dbg.stepping;
    // a step of a thread parked in a syscall ends when the syscall does
    if (t.state === 'parked' && step) dbg.ctl.stepAfterSyscall = t;
    else dbg.ctl.resumes.set(t, { pc: t.proc.cpu.pc, step });
    dbg.ctl.stepTask = step ? t : undefined;
  }

  /** Make a parked task runnable again (its syscall finished or was abandoned). */
  ready(t: Task): void {
    if (t.state !== 'parked') return;
    t.state = 'runnable';
    t.cancelWait = undefined;
    this.wake?.();
  }

  engineOf(proc: Process): Engine {
    let e = this.engines.get(proc);
    if (!e) this.engines.set(proc, (e = this.makeEngine(proc)));
    return e;
  }

  /** Forget a process's translated code (execve replaced its image). */
  dropEngine(proc: Process): void {
    this.engines.delete(proc);
  }

  /** One turn of `t`: a time slice, or until it blocks, yields, or ends. */
  private turn(t: Task): void {
    const proc = t.proc;
    this.switchTo(t);
    shmSwitchIn(proc); // System V shared memory: take the bytes other processes stored
    const t0 = startTurn(proc); // CPU time of the turn goes to t and its process (rusage.ts)
    try {
      const done = t.completion;
      t.completion = undefined;
      if (done) done();
      deliverPending(proc);
      const engine = this.engineOf(proc);
      for (let n = 0; n < SYSCALLS_PER_TURN; n++) {
        if (engine.runSlice() !== ExitKind.Exception) return; // the time slice is over
        // a syscall, or a fault that becomes a signal (src/linux/cpu-loop.ts)
        const syscall = proc.cpu.excp === Excp.Syscall;
        const p = onException(proc);
        if (p) return this.park(t, p);
        if (syscall && (t.state !== 'runnable' || t.yieldNow || proc.thread !== t)) { t.yieldNow = false; return; }
      }
    } catch (e) {
      this.ended(t, e);
    } finally {
      endTurn(proc, t, t0);
    }
  }

  /** What a guest exception in `t`'s turn means for it and its process. */
  private ended(t: Task, e: unknown): void {
    if (e instanceof ThreadExit) {
      this.exitThread(t);
      if (this.liveThreads(t.proc).length === 0) this.exitProcess(t.proc, { status: e.status, signal: 0 });
      return;
    }
    if (e instanceof GuestExit) {
      this.exitProcess(t.proc, { status: e.status, signal: e.signal });
      return;
    }
    if (e instanceof ImageReplaced) {
      // execve built a new image for t.proc: its other threads end, new code cache; the old
      // memory is gone, so robust lists are forgotten (no other process shares it)
      t.robustList = 0;
      this.killOtherThreads(t.proc, t);
      this.dropEngine(t.proc);
      this.releaseVfork(t.proc);
      return;
    }
    throw e;
  }

  /** Park `t` on a blocking syscall; a fatal signal abandons the wait. */
  private park(t: Task, p: Promise<() => void>): void {
    const proc = t.proc;
    t.state = 'parked';
    const waiters = proc.sys.sig.waiters;
    const check = () => {
      if (t.state === 'parked' && fatalPending(proc)) {
        waiters.delete(check);
        // the call is abandoned: the signal ends the process (unless a debugger suppresses
        // it: then the call fails with EINTR)
        t.completion = proc.debug ? () => proc.target.abi.setSyscallResult(proc.cpu, -archOf(proc).errno[E.EINTR]) : () => {};
        this.ready(t);
      }
    };
    t.cancelWait = () => waiters.delete(check);
    waiters.add(check);
    p.then(
      (fin) => {
        waiters.delete(check);
        if (t.state !== 'parked') return;
        t.completion = fin;
        this.ready(t);
      },
      (e) => {
        waiters.delete(check);
        if (t.state !== 'parked') return;
        t.completion = () => { throw e; };
        this.ready(t);
      },
    );
    check();
  }

  // ---- exits -------------------------------------------------------------------------

  /**
   * One thread ends: its robust futex list is walked (robust-list.ts), then its
   * clear_child_tid word is zeroed and futex-woken (pthread_join).
   */
  exitThread(t: Task): void {
    const proc = t.proc;
    this.switchTo(t);
    exitRobustList(proc, t);
    if (t.clearChildTid) {
      try {
        proc.mem.write32(t.clearChildTid, 0);
        futexWakeAddr(proc, t.clearChildTid, 1);
      } catch { /* unmapped: nothing to clear */ }
    }
    this.bury(t);
  }

  private bury(t: Task): void {
    t.state = 'dead';
    t.cancelWait?.();
    t.cancelWait = undefined;
    t.completion = undefined;
    this.tasks.delete(t.tid);
    this.queue = this.queue.filter((x) => x !== t);
  }

  /** End every thread of `proc` but `keep` (execve, before it replaces the image). */
  killOtherThreads(proc: Process, keep: Task): void {
    const rec = this.procs.get(proc);
    if (!rec) return;
    this.switchTo(keep);
    for (const t of rec.tasks) if (t !== keep && t.state !== 'dead') this.bury(t);
    rec.tasks = [keep];
  }

  /** The whole process ends (exit_group, last thread, fatal signal): a zombie until reaped. */
  exitProcess(proc: Process, st: ExitStatus): void {
    const rec = this.procs.get(proc);
    if (!rec || rec.exit) return;
    // a thread parked in a syscall may still have host I/O landing in the memory: keep it then
    const reusable = proc !== this.initial && !rec.tasks.some((t) => t.state === 'parked');
    for (const t of rec.tasks) if (t.state !== 'dead') { exitRobustList(proc, t); this.bury(t); }
    rec.exit = st;
    proc.debug?.onExit?.(st);
    flushSharedMappings(proc);
    shmDetachAll(proc);
    semExit(proc);
    stopTimers(proc);
    for (const fd of [...proc.fds.fds()]) proc.fds.close(fd);
    proc.sys.sig.waiters.clear();
    this.engines.delete(proc);
    if (reusable) this.memories.give(proc.mem);
    this.releaseVfork(proc);
    // orphans are adopted by "init": nobody waits for them, they vanish when they end
    for (const c of rec.children) {
      const cr = this.procs.get(c);
      if (cr) cr.parent = undefined;
      c.ppid = 1;
      if (cr?.exit) this.procs.delete(c);
    }
    rec.children.clear();
    if (proc === this.initial) {
      this.result = st;
      this.wake?.();
      return;
    }
    this.notifyParent(rec, st);
  }

  private notifyParent(rec: ProcRecord, st: ExitStatus): void {
    const parent = rec.parent;
    const pr = parent && this.procs.get(parent);
    if (!parent || !pr || pr.exit) {
      this.procs.delete(rec.proc);
      return;
    }
    const a = archOf(parent);
    const sig = rec.exitSignal;
    const act = readAction(parent, a.c.SIGCHLD);
    // SIGCHLD ignored, or SA_NOCLDWAIT: the child is reaped at once (no zombie)
    if (sig === a.c.SIGCHLD && (act.handler === SIG_IGN || act.flags & (a.c.SA_NOCLDWAIT ?? 2))) {
      pr.children.delete(rec.proc);
      this.procs.delete(rec.proc);
    }
    if (sig > 0) {
      const info: SigInfo = {
        signo: sig, code: st.signal ? CLD.KILLED : CLD.EXITED, pid: rec.proc.pid, uid: process.getuid?.() ?? 0,
        value: st.signal || st.status, shared: true,
      };
      const h = act.handler;
      if (sig !== a.c.SIGCHLD || h > SIG_IGN) this.postTo(parent, sig, info);
    }
    wakeWaiters(parent); // wait4/waitid
  }

  /** Queue a process-directed signal from another process (kill, SIGCHLD). */
  postTo(proc: Process, sig: number, info: SigInfo): void {
    const a = archOf(proc);
    const h = readAction(proc, sig).handler;
    const blocked = (proc.sigmask & sigBit(sig)) !== 0n;
    if (sig !== a.c.SIGKILL && !blocked && (h === SIG_IGN || (h === SIG_DFL && defaultAction(a, sig) === 'ignore'))) return;
    const infos = proc.sys.sig.info;
    const q = infos.get(sig);
    if (sig < (a.c.SIGRTMIN ?? 32) && q?.some((i) => i.shared)) return;
    proc.sys.pendingSignals.push(sig);
    if (q) q.push(info);
    else infos.set(sig, [info]);
    wakeWaiters(proc);
    // a process computing in a loop takes it at its next turn; a parked one is woken above
  }

  /** Take a zombie child's status off the table (wait4/waitid reaped it). */
  reap(parent: Process, child: Process): void {
    this.procs.get(parent)?.children.delete(child);
    this.procs.delete(child);
  }

  /** vfork: park the parent thread until `child` execs or exits. */
  vforkWait(parent: Task, child: Process): void {
    const rec = this.procs.get(child);
    if (!rec || rec.exit) return;
    parent.state = 'parked';
    parent.vforkChild = child;
    rec.vforkWaiters.push(parent);
  }

  private releaseVfork(proc: Process): void {
    const rec = this.procs.get(proc);
    if (!rec) return;
    for (const t of rec.vforkWaiters) {
      t.vforkChild = undefined;
      this.ready(t);
    }
    rec.vforkWaiters = [];
  }
}

/** The host's process group and session of polyemu (what the initial guest process is in). */
function hostGroup(): [number, number] {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [Number(f[2]), Number(f[3])];
  } catch {
    return [0, 0];
  }
}

// ---- per-thread state swapped in and out of the Process ---------------------------------

function saveThread(proc: Process): ThreadContext {
  const sys = proc.sys;
  const pending: Array<[number, SigInfo]> = [];
  for (const [sig, infos] of sys.sig.info) {
    const mine = infos.filter((i) => !i.shared);
    if (!mine.length) continue;
    for (const i of mine) {
      pending.push([sig, i]);
      const k = sys.pendingSignals.indexOf(sig);
      if (k >= 0) sys.pendingSignals.splice(k, 1);
    }
    const rest = infos.filter((i) => i.shared);
    if (rest.length) sys.sig.info.set(sig, rest);
    else sys.sig.info.delete(sig);
  }
  return {
    cpu: proc.cpu.saveState(),
    sigmask: proc.sigmask,
    pending,
    altStack: sys.altStack,
    savedMask: sys.sig.savedMask,
    threadName: sys.threadName,
  };
}

function restoreThread(proc: Process, ctx: ThreadContext): void {
  const sys = proc.sys;
  proc.cpu.restoreState(ctx.cpu);
  proc.sigmask = ctx.sigmask;
  for (const [sig, info] of ctx.pending) {
    sys.pendingSignals.push(sig);
    const q = sys.sig.info.get(sig);
    if (q) q.push(info);
    else sys.sig.info.set(sig, [info]);
  }
  sys.altStack = ctx.altStack;
  sys.sig.savedMask = ctx.savedMask;
  sys.threadName = ctx.threadName;
}

/** A fresh context for a new thread: registers `cpu`, the creator's mask and name. */
export function newThreadContext(proc: Process, cpu: ThreadContext['cpu']): ThreadContext {
  return {
    cpu, sigmask: proc.sigmask, pending: [], altStack: { sp: 0, size: 0, disabled: true },
    savedMask: undefined, threadName: proc.sys.threadName,
  };
}

/**
 * Run a loaded process to its end, with the threads and child processes it creates, under a
 * new Kernel; each process runs on an Engine made with `opts` (a new one after each execve).
 */
export function runProcess(proc: Process, opts: EngineOptions = {}): Promise<ExitStatus> {
  return new Kernel(proc, (p) => linuxEngine(p, opts)).run();
}
