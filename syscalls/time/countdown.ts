/**
 * The clock machinery timerfd (timerfd.ts) and POSIX timers (posix-timers.ts) share: a
 * one-shot or periodic expiry on a guest clock, run on a Node timer, that reports how many
 * periods went by (the expiration count, or 1 + the overruns). Clocks: CLOCK_REALTIME is the
 * host's monotonic time plus the process's fixed offset (clock_settime is refused, so an
 * absolute real-time deadline is a fixed monotonic one); the monotonic and boot-time clocks
 * are the host's monotonic clock; CPU-time clocks run on it too (a simplification: their
 * timers measure elapsed, not CPU, time). itimerspec is read and written as two timespecs
 * of the layout the call uses (the target's old timespec, or the 64-bit one of *_time64).
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { readStruct, writeStruct } from '../layout.js';

const NS = 1000000000n;
const now = (): bigint => process.hrtime.bigint();

export type TsLayout = 'old_timespec' | 'timespec';

export interface TimerSpec {
  value: bigint;
  interval: bigint;
}

/** The clocks timers accept, by name; `cpu` ones also for POSIX timers only. */
export function timerClock(proc: Process, id: number, cpuToo: boolean): 'real' | 'mono' | undefined {
  const c = archOf(proc).c;
  id |= 0;
  if (id === c.CLOCK_REALTIME || id === c.CLOCK_REALTIME_ALARM) return 'real';
  if (id === c.CLOCK_MONOTONIC || id === c.CLOCK_BOOTTIME || id === c.CLOCK_BOOTTIME_ALARM) return 'mono';
  if (cpuToo && (id === c.CLOCK_PROCESS_CPUTIME_ID || id === c.CLOCK_THREAD_CPUTIME_ID || id < 0)) return 'mono';
  return undefined;
}

/**
 * A timespec as the kernel reads it: a 32-bit target's 64-bit timespec (the *_time64 calls)
 * has a 32-bit tv_nsec with padding the C library leaves as it is, so only its low half counts.
 */
export function readTimespec(proc: Process, addr: number, ts: string): Record<string, number> {
  const a = archOf(proc);
  const l = a.s[ts];
  const t = readStruct(proc.mem, addr, l);
  const f = l.fields.tv_nsec;
  if (a.wordSize === 4 && f.size === 8) t.tv_nsec = proc.mem.read32(addr + f.off + (proc.mem.littleEndian ? 0 : 4)) | 0;
  return t;
}

/** An itimerspec from guest memory; undefined when a field is out of range (EINVAL). */
export function readItimerspec(proc: Process, addr: number, ts: TsLayout): TimerSpec | undefined {
  const l = archOf(proc).s[ts];
  const iv = readTimespec(proc, addr, ts);
  const v = readTimespec(proc, addr + l.size, ts);
  const bad = (t: Record<string, number>) => t.tv_nsec < 0 || t.tv_nsec >= 1e9 || t.tv_sec < 0;
  if (bad(iv) || bad(v)) return undefined;
  const ns = (t: Record<string, number>) => BigInt(Math.trunc(t.tv_sec)) * NS + BigInt(Math.trunc(t.tv_nsec));
  return { value: ns(v), interval: ns(iv) };
}

export function writeItimerspec(proc: Process, addr: number, ts: TsLayout, s: TimerSpec): void {
  const l = archOf(proc).s[ts];
  writeStruct(proc.mem, addr, l, { tv_sec: s.interval / NS, tv_nsec: s.interval % NS });
  writeStruct(proc.mem, addr + l.size, l, { tv_sec: s.value / NS, tv_nsec: s.value % NS });
}

/** A timer: armed with a deadline (host monotonic ns) and a period; calls `fire(periods)`. */
export class Countdown {
  private timer: NodeJS.Timeout | undefined;
  /** host monotonic ns of the next expiry; undefined while disarmed */
  private deadline: bigint | undefined;
  private interval = 0n;

  constructor(
    private readonly proc: Process,
    private readonly clock: 'real' | 'mono',
    private readonly fire: (periods: bigint) => void,
  ) {}

  /** Arm (value > 0) or disarm (value 0); `absolute`: value is a time on the timer's clock. */
  set(spec: TimerSpec, absolute: boolean): void {
    this.stop();
    this.interval = spec.interval;
    if (spec.value === 0n) return;
    let at = spec.value;
    if (!absolute) at += now();
    else if (this.clock === 'real') at -= this.proc.sys.realBaseNs;
    this.deadline = at;
    this.schedule();
  }

  /**
   * Expire now if the deadline has passed but the Node timer has not run yet (a guest turn
   * holds the event loop): a read or gettime in a polling loop sees the expiry at once.
   */
  catchUp(): void {
    if (this.deadline !== undefined && now() >= this.deadline) {
      if (this.timer) clearTimeout(this.timer);
      this.expire();
    }
  }

  /** What is left and the period (timer_gettime/timerfd_gettime). */
  get(): TimerSpec {
    this.catchUp();
    if (this.deadline === undefined) return { value: 0n, interval: this.interval };
    const left = this.deadline - now();
    return { value: left > 0n ? left : 1n, interval: this.interval };
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.deadline = undefined;
  }

  private schedule(): void {
    const ms = Math.max(0, Number(this.deadline! - now()) / 1e6);
    // the guest or a waiter keeps Node alive; a timer alone does not (as for setitimer)
    this.timer = setTimeout(() => this.expire(), Math.ceil(ms));
    this.timer.unref();
  }

  private expire(): void {
    this.timer = undefined;
    const t = now();
    const due = this.deadline;
    if (due === undefined) return;
    if (t < due) { this.schedule(); return; }
    let periods = 1n;
    if (this.interval > 0n) {
      periods += (t - due) / this.interval;
      this.deadline = due + periods * this.interval;
      this.schedule();
    } else {
      this.deadline = undefined;
    }
    this.fire(periods);
  }
}
