/**
 * futex(2) between the threads of a process: WAIT, WAKE, REQUEUE, CMP_REQUEUE, WAKE_OP,
 * WAIT_BITSET, WAKE_BITSET, with relative (WAIT) and absolute (WAIT_BITSET, CLOCK_REALTIME
 * when asked) timeouts. A waiting thread parks on a Promise (the scheduler runs the others)
 * and ends with 0 when woken, -ETIMEDOUT, or -EINTR when a signal it would take arrives.
 * Waiters are keyed by address in proc.sys.futexWaiters, so private and shared futexes are
 * the same thing here: threads share their process's memory, and separate processes
 * (fork) have separate memories.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { E } from '../errno.js';
import { readTimespec } from '../time/countdown.js';
import { type SyscallDef, sys } from '../def.js';
import { fmtArg } from '../strace.js';

/** A parked FUTEX_WAIT: call it to wake it (with 0). */
export type FutexWaiter = (() => void) & { bitset?: number };

const FUTEX_BITSET_MATCH_ANY = -1;

/** Wake up to `n` waiters on `addr` whose bitset meets `bitset`; returns how many. */
export function futexWakeAddr(proc: Process, addr: number, n: number, bitset = FUTEX_BITSET_MATCH_ANY): number {
  const list = proc.sys.futexWaiters.get(addr) as FutexWaiter[] | undefined;
  if (!list || n <= 0) return 0;
  const woken: FutexWaiter[] = [];
  for (let i = 0; i < list.length && woken.length < n;) {
    if ((list[i].bitset ?? FUTEX_BITSET_MATCH_ANY) & bitset) woken.push(...list.splice(i, 1));
    else i++;
  }
  if (!list.length) proc.sys.futexWaiters.delete(addr);
  for (const w of woken) w();
  return woken.length;
}

/** Move up to `n` waiters from `from` to `to` (REQUEUE); returns how many. */
function requeue(proc: Process, from: number, to: number, n: number): number {
  const m = proc.sys.futexWaiters;
  const list = m.get(from);
  if (!list || n <= 0) return 0;
  const moved = list.splice(0, n);
  if (!list.length) m.delete(from);
  const dst = m.get(to) ?? [];
  dst.push(...moved);
  m.set(to, dst);
  return moved.length;
}

/** Milliseconds until the timeout at `addr` ends, or a negative errno. */
function timeoutMs(proc: Process, addr: number, ts: TsLayout, absolute: boolean, realtime: boolean): number {
  const t = readTimespec(proc, addr, ts); // the low half of a 32-bit target's 64-bit tv_nsec
  if (t.tv_nsec < 0 || t.tv_nsec >= 1e9 || t.tv_sec < 0) return -E.EINVAL;
  const ms = t.tv_sec * 1e3 + t.tv_nsec / 1e6;
  if (!absolute) return ms;
  const now = realtime ? process.hrtime.bigint() + proc.sys.realBaseNs : process.hrtime.bigint();
  return Math.max(0, ms - Number(now) / 1e6);
}

function wait(proc: Process, uaddr: number, val: number, timeout: number, ts: TsLayout, bitset: number, absolute: boolean, realtime: boolean): number | Promise<number> {
  if (uaddr & 3) return -E.EINVAL;
  if (proc.mem.read32(uaddr) !== val >>> 0) return -E.EAGAIN;
  let ms: number | undefined;
  if (timeout) {
    ms = timeoutMs(proc, timeout, ts, absolute, realtime);
    if (ms < 0) return ms;
    if (ms === 0) return -E.ETIMEDOUT;
  }
  const task = proc.thread;
  const kernel = proc.kernel;
  return new Promise<number>((resolve) => {
    const sigWaiters = proc.sys.sig.waiters;
    let timer: NodeJS.Timeout | undefined;
    const done = (r: number) => {
      if (timer) clearTimeout(timer);
      sigWaiters.delete(onSignal);
      resolve(r);
    };
    const waiter: FutexWaiter = Object.assign(() => done(0), { bitset });
    const unlink = () => {
      const list = proc.sys.futexWaiters.get(uaddr);
      const i = list ? list.indexOf(waiter) : -1;
      if (i >= 0) list!.splice(i, 1);
      if (list && !list.length) proc.sys.futexWaiters.delete(uaddr);
    };
    // a signal this thread would take ends the wait with EINTR (glibc then retries)
    const onSignal = () => {
      if (kernel && kernel.interrupting(task)) { unlink(); done(-E.EINTR); }
    };
    if (ms !== undefined) timer = setTimeout(() => { unlink(); done(-E.ETIMEDOUT); }, Math.ceil(ms));
    if (kernel) sigWaiters.add(onSignal);
    const list = proc.sys.futexWaiters.get(uaddr) ?? [];
    list.push(waiter);
    proc.sys.futexWaiters.set(uaddr, list);
  });
}

/**
 * The timeout's struct: 'old_timespec' (the C library's timespec: futex) or the 64-bit
 * 'timespec' (futex_time64 on 32-bit targets).
 */
type TsLayout = 'old_timespec' | 'timespec';

export const futex = (ts: TsLayout) => (proc: Process, a: number[]): number | Promise<number> => futexOp(proc, a, ts);

function futexOp(proc: Process, [uaddr, op, val, timeout, uaddr2, val3]: number[], ts: TsLayout): number | Promise<number> {
  const c = archOf(proc).c;
  const cmd = op & c.FUTEX_CMD_MASK;
  const realtime = (op & c.FUTEX_CLOCK_REALTIME) !== 0;
  if (realtime && cmd !== c.FUTEX_WAIT_BITSET && cmd !== c.FUTEX_WAIT) return -E.ENOSYS;
  switch (cmd) {
    case c.FUTEX_WAIT:
      return wait(proc, uaddr, val, timeout, ts, FUTEX_BITSET_MATCH_ANY, false, false);
    case c.FUTEX_WAIT_BITSET:
      if ((val3 | 0) === 0) return -E.EINVAL;
      return wait(proc, uaddr, val, timeout, ts, val3 | 0, true, realtime);
    case c.FUTEX_WAKE:
      return futexWakeAddr(proc, uaddr, val | 0);
    case c.FUTEX_WAKE_BITSET:
      if ((val3 | 0) === 0) return -E.EINVAL;
      return futexWakeAddr(proc, uaddr, val | 0, val3 | 0);
    case c.FUTEX_REQUEUE:
    case c.FUTEX_CMP_REQUEUE: {
      if ((val | 0) < 0 || (timeout | 0) < 0) return -E.EINVAL;
      if (cmd === c.FUTEX_CMP_REQUEUE && proc.mem.read32(uaddr) !== val3 >>> 0) return -E.EAGAIN;
      // val2 (how many to requeue) travels in the timeout slot
      const woken = futexWakeAddr(proc, uaddr, val | 0);
      return woken + requeue(proc, uaddr, uaddr2, timeout | 0);
    }
    case c.FUTEX_WAKE_OP: {
      const opArgShift = (val3 >>> 28) & 8;
      const fop = (val3 >>> 28) & 7;
      const cmp = (val3 >>> 24) & 15;
      let oparg = (val3 << 8) >> 20;
      const cmparg = (val3 << 20) >> 20;
      if (opArgShift) oparg = 1 << (oparg & 31);
      const old = proc.mem.read32(uaddr2) | 0;
      const next = [oparg, old + oparg, old | oparg, old & ~oparg, old ^ oparg][fop];
      if (next === undefined) return -E.ENOSYS;
      proc.mem.write32(uaddr2, next);
      let n = futexWakeAddr(proc, uaddr, val | 0);
      const hit = [old === cmparg, old !== cmparg, old < cmparg, old <= cmparg, old > cmparg, old >= cmparg][cmp];
      if (hit) n += futexWakeAddr(proc, uaddr2, timeout | 0); // val2 travels in the timeout slot
      return n;
    }
    default:
      return -E.ENOSYS;
  }
}

const showFutex = (p: Process, a: number[]): string =>
  // qemu shows uaddr2 twice (as a pointer, then as %d) and never val3: so do we
  [fmtArg(p, 'ptr', a[0]), fmtArg(p, 'futexop', a[1]), a[2] | 0, fmtArg(p, 'ptr', a[3]), fmtArg(p, 'ptr', a[4]), a[4] | 0].join(',');

export const futexSyscalls: SyscallDef[] = [
  sys('futex', ['ptr', 'futexop', 'int', 'ptr', 'ptr', 'int'], futex('old_timespec'), { show: showFutex }),
  sys('futex_time64', ['ptr', 'futexop', 'int', 'ptr', 'ptr', 'int'], futex('timespec'), { show: showFutex }),
];
