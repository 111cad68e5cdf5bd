/**
 * timerfd_create/settime/gettime (and the *_time64 forms of 32-bit targets): a Countdown
 * (countdown.ts) behind an fd. Each expiry adds its periods to a 64-bit count that read(2)
 * takes (8 bytes, EINVAL for less, waiting — interruptibly — while it is 0 unless the fd is
 * non-blocking); poll/select/epoll see POLLIN while the count is not 0. Clocks: REALTIME,
 * MONOTONIC, BOOTTIME and the *_ALARM pair (as their plain clocks). TFD_TIMER_CANCEL_ON_SET
 * is accepted and never fires (the guest cannot set the clock).
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { Countdown, readItimerspec, timerClock, type TsLayout, writeItimerspec } from './countdown.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { OpenFile, type SpecialFile } from '../fs/fdtable.js';
import { installFile } from '../fs/files.js';
import { POLLIN, type Readiness, WaitList } from '../fs/ready.js';

const TFD_TIMER_ABSTIME = 1;
const TFD_TIMER_CANCEL_ON_SET = 2;

export class TimerFd implements SpecialFile, Readiness {
  readonly name = 'anon_inode:[timerfd]';
  private readonly waiters = new WaitList();
  /** expirations not read yet */
  count = 0n;
  readonly timer: Countdown;

  constructor(proc: Process, clock: 'real' | 'mono', private readonly littleEndian: boolean) {
    this.timer = new Countdown(proc, clock, (n) => {
      this.count += n;
      this.waiters.wake();
    });
  }

  poll(): number {
    this.timer.catchUp();
    return this.count > 0n ? POLLIN : 0;
  }
  subscribe(cb: () => void): () => void { return this.waiters.subscribe(cb); }

  readNow(buf: Uint8Array): number | undefined {
    if (buf.length < 8) return -E.EINVAL;
    this.timer.catchUp();
    if (this.count === 0n) return undefined;
    new DataView(buf.buffer, buf.byteOffset, 8).setBigUint64(0, this.count, this.littleEndian);
    this.count = 0n;
    return 8;
  }

  release(): void { this.timer.stop(); }
}

function timerfdCreate(proc: Process, [clockid, flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~(c.O_NONBLOCK | c.O_CLOEXEC)) return -E.EINVAL;
  const clock = timerClock(proc, clockid, false);
  if (!clock) return -E.EINVAL;
  const t = new TimerFd(proc, clock, proc.mem.littleEndian);
  const f = new OpenFile('special', -1, 2 | (flags & c.O_NONBLOCK), '', t.name);
  f.pos = null;
  f.special = t;
  f.ready = t;
  return installFile(proc, f, (flags & c.O_CLOEXEC) !== 0);
}

/** The TimerFd behind `fd`, or -EBADF / -EINVAL (not a timerfd). */
function timerFdOf(proc: Process, fd: number): TimerFd | number {
  const f = proc.fds.get(fd | 0);
  if (!f) return -E.EBADF;
  return f.special instanceof TimerFd ? f.special : -E.EINVAL;
}

const timerfdSettime = (ts: TsLayout) => (proc: Process, [fd, flags, nv, ov]: number[]): number => {
  if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)) return -E.EINVAL;
  const t = timerFdOf(proc, fd);
  if (typeof t === 'number') return t;
  const spec = readItimerspec(proc, nv, ts);
  if (!spec) return -E.EINVAL;
  if (ov) writeItimerspec(proc, ov, ts, t.timer.get());
  t.count = 0n;
  t.timer.set(spec, (flags & TFD_TIMER_ABSTIME) !== 0);
  return 0;
};

const timerfdGettime = (ts: TsLayout) => (proc: Process, [fd, cur]: number[]): number => {
  const t = timerFdOf(proc, fd);
  if (typeof t === 'number') return t;
  writeItimerspec(proc, cur, ts, t.timer.get());
  return 0;
};

export const timerfdSyscalls: SyscallDef[] = [
  sys('timerfd_create', ['clock', 'hex'], timerfdCreate),
  sys('timerfd_settime', ['fd', 'hex', 'ptr', 'ptr'], timerfdSettime('old_timespec')),
  sys('timerfd_gettime', ['fd', 'ptr'], timerfdGettime('old_timespec')),
  sys('timerfd_settime64', ['fd', 'hex', 'ptr', 'ptr'], timerfdSettime('timespec')),
  sys('timerfd_gettime64', ['fd', 'ptr'], timerfdGettime('timespec')),
];
