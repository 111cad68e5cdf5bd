/**
 * Signals that arrive from outside the guest's own syscalls, and waiting for them:
 * interval timers (setitimer/getitimer/alarm, on Node timers that queue SIGALRM),
 * rt_sigsuspend, rt_sigtimedwait, and the wait helpers the run loop and other blocking
 * calls use. A signal posted from a Node callback never acts at once (it cannot throw into
 * the guest): it is queued, waiters are woken, and the run loop delivers it.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { type Layout, readStruct, writeStruct } from '../layout.js';
import {
  SIG_DFL, SIG_IGN, type SigInfo, defaultAction, dequeueSignal, fatalPending, isBlocked, nextDeliverable, nsig,
  pendingIn, queueSignal, readSigset, sigDisposition, unblockable,
} from './deliver.js';
import type { ITimer } from './state.js';
import { fmtArg } from '../strace.js';

const NS = 1000000000n;
const now = () => process.hrtime.bigint();

/** Wake everything waiting for a signal (sigsuspend, sigtimedwait, blocked syscalls). */
export function wakeWaiters(proc: Process): void {
  for (const w of [...proc.sys.sig.waiters]) w();
}

/**
 * Queue `sig` from outside the guest's control flow (timer, host signal). Dropped when it
 * would be ignored; otherwise delivered (or its default action taken) by the run loop.
 */
export function postSignal(proc: Process, sig: number, info: SigInfo): void {
  const a = archOf(proc);
  if (!isBlocked(proc, sig) && sig !== a.c.SIGKILL) {
    const disp = sigDisposition(proc, sig);
    if (disp === SIG_IGN || (disp === SIG_DFL && defaultAction(a, sig) === 'ignore')) return;
  }
  queueSignal(proc, sig, info);
  wakeWaiters(proc);
}

/**
 * Resolve with true once `ready()` holds (checked now and whenever a signal is posted), or
 * false after `timeoutMs`. Keeps Node's event loop alive meanwhile: a guest waiting for a
 * signal that never comes waits forever, as it would on Linux.
 */
export function waitFor(proc: Process, ready: () => boolean, timeoutMs?: number): Promise<boolean> {
  if (ready()) return Promise.resolve(true);
  const waiters = proc.sys.sig.waiters;
  return new Promise((resolve) => {
    const keep = setInterval(() => {}, 1 << 30);
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => done(false), timeoutMs);
    const check = () => { if (ready()) done(true); };
    const done = (v: boolean) => {
      waiters.delete(check);
      clearInterval(keep);
      if (timer) clearTimeout(timer);
      resolve(v);
    };
    waiters.add(check);
  });
}

/**
 * Wait for a blocking syscall's Promise, but give up on it as soon as a pending signal would
 * end the process (the run loop then delivers it). Caught signals wait for the call to
 * finish: syscalls are not interrupted by handlers (no EINTR yet).
 */
export function awaitSyscall(proc: Process, p: Promise<void>): Promise<void> {
  if (fatalPending(proc)) return Promise.resolve();
  const waiters = proc.sys.sig.waiters;
  return new Promise((resolve, reject) => {
    const check = () => { if (fatalPending(proc)) { waiters.delete(check); resolve(); } };
    waiters.add(check);
    p.then(() => { waiters.delete(check); resolve(); }, (e) => { waiters.delete(check); reject(e); });
  });
}

// ---- sigsuspend / sigtimedwait -------------------------------------------------------

function rtSigsuspend(proc: Process, [mask, setsize]: number[]): number | Promise<number> {
  if (setsize !== nsig(proc) / 8) return -E.EINVAL;
  const m = readSigset(proc, mask);
  const st = proc.sys.sig;
  st.savedMask = proc.sigmask;
  proc.sigmask = m & ~unblockable(archOf(proc));
  // deliverPending (after this returns) runs the handler with the old mask saved in its frame
  if (nextDeliverable(proc)) return -E.EINTR;
  return waitFor(proc, () => nextDeliverable(proc) !== 0).then(() => -E.EINTR);
}

function readTimeoutNs(proc: Process, addr: number, l: Layout): bigint | undefined {
  const t = readStruct(proc.mem, addr, l);
  if (t.tv_nsec < 0 || t.tv_nsec >= 1e9 || t.tv_sec < 0) return undefined;
  return BigInt(Math.trunc(t.tv_sec)) * NS + BigInt(t.tv_nsec);
}

const rtSigtimedwait = (ts: string) => (proc: Process, [set, uinfo, timeout, setsize]: number[]): number | Promise<number> => {
  const a = archOf(proc);
  if (setsize !== nsig(proc) / 8) return -E.EINVAL;
  const want = readSigset(proc, set) & ~unblockable(a);
  let ns: bigint | undefined;
  if (timeout) {
    ns = readTimeoutNs(proc, timeout, a.s[ts]);
    if (ns === undefined) return -E.EINVAL;
  }
  const take = (): number => {
    const sig = pendingIn(proc, want);
    if (!sig) return -E.EAGAIN;
    const info = dequeueSignal(proc, sig);
    if (uinfo) writeInfo(proc, uinfo, info);
    return sig;
  };
  const r = take();
  if (r > 0 || ns === 0n) return r;
  // a signal outside the set that the mask lets through interrupts the wait
  const ready = () => pendingIn(proc, want) !== 0 || pendingIn(proc, ~want & ~proc.sigmask) !== 0;
  return waitFor(proc, ready, ns === undefined ? undefined : Number(ns / 1000000n))
    .then((ok) => (!ok ? -E.EAGAIN : pendingIn(proc, want) ? take() : -E.EINTR));
};

function writeInfo(proc: Process, addr: number, info: SigInfo): void {
  const l = archOf(proc).s.siginfo;
  if (info.raw) {
    proc.mem.writeBytes(addr, info.raw.subarray(0, l.size));
    return;
  }
  const v: Record<string, number> = { si_signo: info.signo, si_code: info.code };
  if (info.addr !== undefined) v.si_addr = info.addr;
  if (info.pid !== undefined) v.si_pid = info.pid;
  if (info.uid !== undefined) v.si_uid = info.uid;
  if (info.value !== undefined) v.si_ptr = info.value;
  writeStruct(proc.mem, addr, l, v);
}

// ---- interval timers ----------------------------------------------------------------

function timerOf(proc: Process, which: number): ITimer {
  const m = proc.sys.sig.itimers;
  let t = m.get(which);
  if (!t) m.set(which, (t = { deadline: 0n, interval: 0n }));
  return t;
}

/** [remaining, interval] in ns */
function timerValue(proc: Process, which: number): [bigint, bigint] {
  const t = timerOf(proc, which);
  if (which !== archOf(proc).c.ITIMER_REAL) return [t.value ?? 0n, t.interval];
  if (!t.deadline) return [0n, t.interval];
  const left = t.deadline - now();
  return [left > 0n ? left : 1000n, t.interval];
}

function disarm(t: ITimer): void {
  if (t.timer) clearTimeout(t.timer);
  t.timer = undefined;
  t.deadline = 0n;
}

/** Stop every interval timer (the process is gone). */
export function stopTimers(proc: Process): void {
  for (const t of proc.sys.sig.itimers.values()) disarm(t);
  for (const t of proc.sys.posixTimers.values()) t.stop(); // timer_create's (posix-timers.ts)
}

function arm(proc: Process, which: number, value: bigint, interval: bigint): void {
  const a = archOf(proc);
  const t = timerOf(proc, which);
  disarm(t);
  t.interval = interval;
  if (which !== a.c.ITIMER_REAL) {
    t.value = value; // no CPU-time accounting: virtual and profiling timers never expire
    return;
  }
  if (!value) return;
  const schedule = (deadline: bigint) => {
    t.deadline = deadline;
    const ms = Math.max(0, Number(deadline - now()) / 1e6);
    t.timer = setTimeout(() => {
      t.timer = undefined;
      if (t.interval) schedule(t.deadline + t.interval);
      else t.deadline = 0n;
      postSignal(proc, a.c.SIGALRM, { signo: a.c.SIGALRM, code: a.c.SI_KERNEL ?? 0x80, pid: 0, uid: 0, shared: true });
    }, Math.ceil(ms));
    t.timer.unref(); // the run loop or a waiter keeps Node alive while the guest runs
  };
  schedule(now() + value);
}

const usToNs = (sec: number, usec: number) => BigInt(Math.trunc(sec)) * NS + BigInt(Math.trunc(usec)) * 1000n;

function writeItimerval(proc: Process, addr: number, [value, interval]: [bigint, bigint]): void {
  writeStruct(proc.mem, addr, archOf(proc).s.itimerval, {
    'it_interval.tv_sec': interval / NS, 'it_interval.tv_usec': (interval % NS) / 1000n,
    'it_value.tv_sec': value / NS, 'it_value.tv_usec': (value % NS) / 1000n,
  });
}

function validWhich(proc: Process, which: number): boolean {
  const c = archOf(proc).c;
  return which === c.ITIMER_REAL || which === c.ITIMER_VIRTUAL || which === c.ITIMER_PROF;
}

function setitimer(proc: Process, [which, nv, ov]: number[]): number {
  if (!validWhich(proc, which)) return -E.EINVAL;
  let next: [bigint, bigint] | undefined;
  if (nv) {
    const v = readStruct(proc.mem, nv, archOf(proc).s.itimerval);
    if (v['it_value.tv_usec'] < 0 || v['it_value.tv_usec'] >= 1e6 || v['it_interval.tv_usec'] < 0 || v['it_interval.tv_usec'] >= 1e6) return -E.EINVAL;
    next = [usToNs(v['it_value.tv_sec'], v['it_value.tv_usec']), usToNs(v['it_interval.tv_sec'], v['it_interval.tv_usec'])];
  }
  if (ov) writeItimerval(proc, ov, timerValue(proc, which));
  if (next) arm(proc, which, next[0], next[1]);
  return 0;
}

function getitimer(proc: Process, [which, cur]: number[]): number {
  if (!validWhich(proc, which)) return -E.EINVAL;
  writeItimerval(proc, cur, timerValue(proc, which));
  return 0;
}

function alarm(proc: Process, [seconds]: number[]): number {
  const real = archOf(proc).c.ITIMER_REAL;
  const [left] = timerValue(proc, real);
  arm(proc, real, BigInt(seconds >>> 0) * NS, 0n);
  // whole seconds left, rounded to nearest (never 0 for a pending alarm), as Linux does
  const us = left / 1000n;
  let s = us / 1000000n;
  if ((s === 0n && us > 0n) || us % 1000000n >= 500000n) s++;
  return Number(s);
}

/** qemu shows setitimer's structs: {it_interval={tv_sec = S,tv_usec = U},it_value={...},} */
function fmtItimerval(proc: Process, addr: number): string {
  if (!addr) return 'NULL';
  try {
    const v = readStruct(proc.mem, addr, archOf(proc).s.itimerval);
    return `{it_interval={tv_sec = ${v['it_interval.tv_sec']},tv_usec = ${v['it_interval.tv_usec']}},` +
      `it_value={tv_sec = ${v['it_value.tv_sec']},tv_usec = ${v['it_value.tv_usec']}},}`;
  } catch {
    return fmtArg(proc, 'ptr', addr);
  }
}
const ITIMERS = ['ITIMER_REAL', 'ITIMER_VIRTUAL', 'ITIMER_PROF'];
const fmtWhich = (proc: Process, w: number) => ITIMERS.find((n) => archOf(proc).c[n] === w) ?? String(w);

export const waitSyscalls: SyscallDef[] = [
  sys('rt_sigsuspend', undefined, rtSigsuspend),
  sys('alarm', ['uint'], alarm), // x86 and MIPS o32 (the targets without it never reach the row)
  sys('rt_sigtimedwait', undefined, rtSigtimedwait('old_timespec')),
  sys('setitimer', undefined, setitimer, {
    show: (proc, [w, nv, ov]) => `${fmtWhich(proc, w)},${fmtItimerval(proc, nv)},${fmtArg(proc, 'ptr', ov)}`,
    after: (proc, [, , ov]) => ` (old_value = ${fmtItimerval(proc, ov)})`,
  }),
  sys('getitimer', undefined, getitimer, {
    show: (proc, [w, cur]) => `${fmtWhich(proc, w)},${fmtArg(proc, 'ptr', cur)}`,
    after: (proc, [, cur]) => ` (${fmtItimerval(proc, cur)})`,
  }),
];

/**
 * Rows for calls riscv64 does not have (glibc there uses setitimer and rt_sigtimedwait):
 * for the 32-bit and legacy targets to register once their tables exist.
 */
export const legacyWaitSyscalls: SyscallDef[] = [
  sys('rt_sigtimedwait_time64', undefined, rtSigtimedwait('timespec')),
];
