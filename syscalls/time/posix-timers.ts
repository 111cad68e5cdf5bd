/**
 * POSIX timers: timer_create/settime/gettime/getoverrun/delete (and the *_time64 forms).
 * A timer is a Countdown (countdown.ts) that, per struct sigevent, queues a signal to the
 * process (SIGEV_SIGNAL; also SIGEV_THREAD, which the C library turns into SIGEV_THREAD_ID
 * before the kernel sees it), to one of its threads (SIGEV_THREAD_ID), or nothing
 * (SIGEV_NONE). Its siginfo: si_code SI_TIMER, si_tid the timer id, si_value the sigevent's
 * value, si_overrun the expiries that came while the signal was still queued (one queued
 * signal per timer, as on Linux: further expiries only count overruns). No sigevent: SIGALRM
 * with the timer id as value. Ids count from 0 per process; timers end with execve and exit
 * and are not inherited by fork (SysState.posixTimers). CPU-time clocks run on elapsed time.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { Countdown, readItimerspec, timerClock, type TsLayout, writeItimerspec } from './countdown.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { readWord } from '../layout.js';
import type { SigInfo } from '../signal/state.js';
import { postSignal } from '../signal/wait.js';

/** sigev_notify values (the same on every Linux target) */
const SIGEV_SIGNAL = 0;
const SIGEV_NONE = 1;
const SIGEV_THREAD = 2;
const SIGEV_THREAD_ID = 4;
const INT_MAX = 0x7fffffff;

class PosixTimer {
  readonly countdown: Countdown;
  /** the siginfo of this timer's last signal (queued until delivered or taken) */
  private info: SigInfo | undefined;
  /** si_overrun of the signal delivered before `info` */
  private overrunLast = 0;

  constructor(
    private readonly proc: Process,
    readonly id: number,
    clock: 'real' | 'mono',
    private readonly notify: number,
    private readonly signo: number,
    private readonly value: number,
    /** SIGEV_THREAD_ID: the thread the signal goes to */
    private readonly tid: number,
  ) {
    this.countdown = new Countdown(proc, clock, (n) => this.fire(n));
  }

  stop(): void { this.countdown.stop(); }

  /** The timer's signal is still pending (the same siginfo object sits in a queue). */
  private queued(): boolean {
    const info = this.info;
    if (!info) return false;
    if (this.proc.sys.sig.info.get(this.signo)?.includes(info)) return true;
    const t = this.proc.kernel?.tasks.get(this.tid);
    return !!t?.ctx?.pending.some(([, i]) => i === info);
  }

  /** timer_getoverrun: the overrun count of the last signal delivered */
  overrun(): number {
    if (this.info && !this.queued()) return this.info.uid ?? 0;
    return this.overrunLast;
  }

  /**
   * settime and delete: a signal of the old setting still queued is dropped (as Linux does
   * since 6.13: a reprogrammed or deleted timer's signal is stale), overruns are forgotten.
   */
  reset(): void {
    this.overrunLast = 0;
    const info = this.info;
    this.info = undefined;
    if (!info) return;
    const sys = this.proc.sys;
    const q = sys.sig.info.get(this.signo);
    const i = q ? q.indexOf(info) : -1;
    if (i >= 0) {
      q!.splice(i, 1);
      if (!q!.length) sys.sig.info.delete(this.signo);
      const k = sys.pendingSignals.indexOf(this.signo);
      if (k >= 0) sys.pendingSignals.splice(k, 1);
    }
    const ctx = this.proc.kernel?.tasks.get(this.tid)?.ctx;
    if (ctx) ctx.pending = ctx.pending.filter(([, x]) => x !== info);
  }

  private fire(periods: bigint): void {
    if (this.notify === SIGEV_NONE) return;
    const proc = this.proc;
    if (this.info && this.queued()) {
      this.info.uid = Math.min(INT_MAX, (this.info.uid ?? 0) + Number(periods));
      return;
    }
    if (this.info) this.overrunLast = this.info.uid ?? 0;
    const c = archOf(proc).c;
    const info: SigInfo = {
      signo: this.signo, code: c.SI_TIMER, pid: this.id, uid: Math.min(INT_MAX, Number(periods) - 1), value: this.value,
      shared: this.notify !== SIGEV_THREAD_ID,
    };
    this.info = info;
    const kernel = proc.kernel;
    const task = this.notify === SIGEV_THREAD_ID ? kernel?.tasks.get(this.tid) : undefined;
    if (kernel && task && task.proc === proc && task.state !== 'dead') {
      // between turns (a Node timer, not a catch-up inside a syscall): show the thread, so
      // that a wait it is parked in (sigwaitinfo in glibc's SIGEV_THREAD helper) sees the
      // signal as its own
      if (proc.sys.usage.turnStart === undefined) kernel.switchTo(task);
      kernel.signalThread(task, this.signo, info);
    }
    else {
      info.shared = true; // the thread is gone: the process gets it
      postSignal(proc, this.signo, info);
    }
  }
}

function timerCreate(proc: Process, [clockid, sevp, idp]: number[]): number {
  const a = archOf(proc);
  const clock = timerClock(proc, clockid, true);
  if (!clock) return -E.EINVAL;
  const timers = proc.sys.posixTimers;
  let id = 0;
  while (timers.has(id)) id++;
  let notify = SIGEV_SIGNAL;
  let signo = a.c.SIGALRM;
  let value = id;
  let tid = 0;
  if (sevp) {
    const w = a.wordSize;
    value = readWord(proc.mem, sevp, w);
    signo = proc.mem.read32(sevp + w) | 0;
    notify = proc.mem.read32(sevp + w + 4) | 0;
    tid = proc.mem.read32(sevp + w + 8) | 0;
    if (notify === SIGEV_THREAD_ID || notify === (SIGEV_THREAD_ID | SIGEV_SIGNAL)) {
      const t = proc.kernel?.tasks.get(tid);
      if (proc.kernel ? !t || t.proc !== proc : tid !== proc.pid) return -E.EINVAL;
      notify = SIGEV_THREAD_ID;
    } else if (notify === SIGEV_THREAD) {
      notify = SIGEV_SIGNAL;
    } else if (notify !== SIGEV_SIGNAL && notify !== SIGEV_NONE) {
      return -E.EINVAL;
    }
    if (notify !== SIGEV_NONE && (signo <= 0 || signo > (a.c._NSIG ?? 64))) return -E.EINVAL;
  }
  proc.mem.write32(idp, id); // EFAULT before the timer exists
  timers.set(id, new PosixTimer(proc, id, clock, notify, signo, value, tid));
  return 0;
}

function timerOf(proc: Process, id: number): PosixTimer | undefined {
  const t = proc.sys.posixTimers.get(id | 0);
  return t instanceof PosixTimer ? t : undefined;
}

const timerSettime = (ts: TsLayout) => (proc: Process, [id, flags, nv, ov]: number[]): number => {
  const t = timerOf(proc, id);
  if (!t) return -E.EINVAL;
  if (!nv) return -E.EINVAL;
  const spec = readItimerspec(proc, nv, ts);
  if (!spec) return -E.EINVAL;
  if (ov) writeItimerspec(proc, ov, ts, t.countdown.get());
  t.reset();
  t.countdown.set(spec, (flags & archOf(proc).c.TIMER_ABSTIME) !== 0);
  return 0;
};

const timerGettime = (ts: TsLayout) => (proc: Process, [id, cur]: number[]): number => {
  const t = timerOf(proc, id);
  if (!t) return -E.EINVAL;
  writeItimerspec(proc, cur, ts, t.countdown.get());
  return 0;
};

function timerGetoverrun(proc: Process, [id]: number[]): number {
  const t = timerOf(proc, id);
  return t ? t.overrun() : -E.EINVAL;
}

function timerDelete(proc: Process, [id]: number[]): number {
  const t = timerOf(proc, id);
  if (!t) return -E.EINVAL;
  t.stop();
  t.reset();
  proc.sys.posixTimers.delete(t.id);
  return 0;
}

export const posixTimerSyscalls: SyscallDef[] = [
  sys('timer_create', ['clock', 'ptr', 'ptr'], timerCreate),
  sys('timer_settime', ['int', 'int', 'ptr', 'ptr'], timerSettime('old_timespec')),
  sys('timer_gettime', ['int', 'ptr'], timerGettime('old_timespec')),
  sys('timer_settime64', ['int', 'int', 'ptr', 'ptr'], timerSettime('timespec')),
  sys('timer_gettime64', ['int', 'ptr'], timerGettime('timespec')),
  sys('timer_getoverrun', ['int'], timerGetoverrun),
  sys('timer_delete', ['int'], timerDelete),
];
