/**
 * Clocks and sleeping: clock_gettime/getres/nanosleep, gettimeofday, nanosleep, times,
 * getrusage. CLOCK_REALTIME is the host's wall clock at ns resolution (hrtime + a base taken
 * at start); the monotonic family is the host's monotonic clock; CPU clocks, times and
 * getrusage count the host CPU time of the process's (or thread's) turns (rusage.ts).
 * Sleeps park the thread on a Node timer (the other guests and timers run), and end early
 * with EINTR when a signal with a handler arrives.
 */
import * as os from 'node:os';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { interrupted } from '../restart.js';
import { readTimespec } from './countdown.js';
import { type Layout, readStruct, writeStruct } from '../layout.js';
import { fmtArg } from '../strace.js';
import { processTimes, rusageOf, threadTimes } from '../process/rusage.js';

const NS = 1000000000n;
const USER_HZ = 100;

/** CPU time of the process (or of the running thread) in ns, as rusage.ts accounts it */
function cpuNs(proc: Process, thread: boolean): bigint {
  const [user, sys] = thread ? threadTimes(proc) : processTimes(proc);
  return BigInt(user + sys) * 1000n;
}

/** Current value of clock `id` in ns, or undefined for an unknown clock. */
export function clockNs(proc: Process, id: number): bigint | undefined {
  const c = archOf(proc).c;
  id |= 0;
  if (id < 0) return cpuNs(proc, (id & 4) !== 0); // CPU-time clock of a pid/thread (CPUCLOCK_PERTHREAD): ours
  switch (id) {
    case c.CLOCK_REALTIME: case c.CLOCK_REALTIME_COARSE: case c.CLOCK_REALTIME_ALARM:
      return process.hrtime.bigint() + proc.sys.realBaseNs;
    case c.CLOCK_TAI:
      return process.hrtime.bigint() + proc.sys.realBaseNs + 37n * NS;
    case c.CLOCK_MONOTONIC: case c.CLOCK_MONOTONIC_RAW: case c.CLOCK_MONOTONIC_COARSE:
    case c.CLOCK_BOOTTIME: case c.CLOCK_BOOTTIME_ALARM:
      return process.hrtime.bigint();
    case c.CLOCK_PROCESS_CPUTIME_ID:
      return cpuNs(proc, false);
    case c.CLOCK_THREAD_CPUTIME_ID:
      return cpuNs(proc, true);
    default:
      return undefined;
  }
}

const tsLayout = (proc: Process, name: string): Layout => archOf(proc).s[name];

function writeTs(proc: Process, addr: number, ns: bigint, l: Layout): void {
  writeStruct(proc.mem, addr, l, { tv_sec: ns / NS, tv_nsec: ns % NS });
}

/** read a timespec; undefined when tv_nsec is out of range (EINVAL) */
function readTs(proc: Process, addr: number, l: Layout): bigint | undefined {
  const a = archOf(proc);
  const t = readTimespec(proc, addr, l === a.s.timespec ? 'timespec' : 'old_timespec');
  if (t.tv_nsec < 0 || t.tv_nsec >= 1e9 || t.tv_sec < 0) return undefined;
  return BigInt(Math.trunc(t.tv_sec)) * NS + BigInt(t.tv_nsec);
}

const clockGettime = (ts: string) => (proc: Process, [id, addr]: number[]): number => {
  const ns = clockNs(proc, id);
  if (ns === undefined) return -E.EINVAL;
  writeTs(proc, addr, ns, tsLayout(proc, ts));
  return 0;
};

const clockGetres = (ts: string) => (proc: Process, [id, addr]: number[]): number => {
  const c = archOf(proc).c;
  if (clockNs(proc, id) === undefined) return -E.EINVAL;
  const coarse = id === c.CLOCK_REALTIME_COARSE || id === c.CLOCK_MONOTONIC_COARSE;
  if (addr) writeTs(proc, addr, coarse ? 4000000n : 1n, tsLayout(proc, ts));
  return 0;
};

/**
 * Sleep `ns` without blocking Node: other threads, processes and timers run meanwhile. A
 * signal with a handler (or a fatal one) ends it early with EINTR, and the time left goes to
 * `rem` (not for an absolute sleep), as Linux does.
 */
function sleepNs(proc: Process, ns: bigint, rem: number, l: Layout): number | Promise<number> {
  if (ns <= 0n) return 0;
  const end = process.hrtime.bigint() + ns;
  const early = (): number => {
    if (rem) writeTs(proc, rem, end > process.hrtime.bigint() ? end - process.hrtime.bigint() : 0n, l);
    return -E.EINTR;
  };
  if (interrupted(proc)) return early();
  const waiters = proc.sys.sig.waiters;
  return new Promise((resolve) => {
    const done = (r: number) => {
      clearTimeout(timer);
      waiters.delete(onSignal);
      resolve(r);
    };
    const timer = setTimeout(() => done(0), Math.ceil(Number(ns) / 1e6));
    const onSignal = () => { if (interrupted(proc)) done(early()); };
    waiters.add(onSignal);
  });
}

const nanosleep = (ts: string) => (proc: Process, [req, rem]: number[]): number | Promise<number> => {
  const l = tsLayout(proc, ts);
  const ns = readTs(proc, req, l);
  if (ns === undefined) return -E.EINVAL;
  return sleepNs(proc, ns, rem, l);
};

const clockNanosleep = (ts: string) => (proc: Process, [id, flags, req, rem]: number[]): number | Promise<number> => {
  const c = archOf(proc).c;
  if (id === c.CLOCK_THREAD_CPUTIME_ID) return -E.EINVAL;
  const now = clockNs(proc, id);
  if (now === undefined) return -E.EINVAL;
  const l = tsLayout(proc, ts);
  const ns = readTs(proc, req, l);
  if (ns === undefined) return -E.EINVAL;
  const abs = (flags & c.TIMER_ABSTIME) !== 0;
  return sleepNs(proc, abs ? ns - now : ns, abs ? 0 : rem, l);
};

function gettimeofday(proc: Process, [tv, tz]: number[]): number {
  const a = archOf(proc);
  if (tv) {
    const ns = process.hrtime.bigint() + proc.sys.realBaseNs;
    writeStruct(proc.mem, tv, a.s.timeval, { tv_sec: ns / NS, tv_usec: (ns % NS) / 1000n });
  }
  if (tz) writeStruct(proc.mem, tz, a.s.timezone, {});
  return 0;
}

function times(proc: Process, [buf]: number[]): number {
  if (buf) {
    const [user, sys] = processTimes(proc);
    const u = proc.sys.usage;
    const ticks = (us: number) => Math.floor((us * USER_HZ) / 1e6);
    writeStruct(proc.mem, buf, archOf(proc).s.tms, {
      tms_utime: ticks(user), tms_stime: ticks(sys), tms_cutime: ticks(u.childUserUs), tms_cstime: ticks(u.childSysUs),
    });
  }
  return Math.floor(os.uptime() * USER_HZ) % 2 ** 31;
}

function getrusage(proc: Process, [who, buf]: number[]): number {
  const c = archOf(proc).c;
  who |= 0;
  const kind = who === c.RUSAGE_SELF ? 'self' : who === c.RUSAGE_THREAD ? 'thread' : who === c.RUSAGE_CHILDREN ? 'children' : undefined;
  if (!kind) return -E.EINVAL;
  rusageOf(proc, kind, buf);
  return 0;
}

/** qemu shows the timespec clock_gettime/getres wrote: " ({tv_sec = S,tv_nsec = N})" */
const showTs = (proc: Process, a: number[]) => ` (${fmtArg(proc, 'timespec', a[1])})`;

export const timeSyscalls: SyscallDef[] = [
  // the old calls take the target's struct timespec (same as __kernel_timespec on 64-bit)
  sys('clock_gettime', ['clock', 'ptr'], clockGettime('old_timespec'), { after: showTs }),
  sys('clock_getres', ['clock', 'ptr'], clockGetres('old_timespec'), { after: showTs }),
  sys('clock_nanosleep', ['clock', 'int', 'timespec', 'ptr'], clockNanosleep('old_timespec')),
  sys('nanosleep', ['timespec', 'ptr'], nanosleep('old_timespec')),
  sys('clock_settime', ['clock', 'ptr'], () => -E.EPERM),
  sys('settimeofday', ['ptr', 'ptr'], () => -E.EPERM),
  sys('gettimeofday', ['ptr', 'ptr'], gettimeofday),
  sys('times', undefined, times),
  sys('getrusage', undefined, getrusage),
  // 32-bit targets: the *64 calls take the 64-bit __kernel_timespec
  sys('clock_gettime64', ['clock', 'ptr'], clockGettime('timespec')),
  sys('clock_getres_time64', ['clock', 'ptr'], clockGetres('timespec')),
  sys('clock_nanosleep_time64', ['clock', 'int', 'timespec', 'ptr'], clockNanosleep('timespec')),
  sys('time', ['ptr'], (proc, [t]) => {
    const s = (process.hrtime.bigint() + proc.sys.realBaseNs) / NS;
    if (t) proc.mem.write32(t, Number(s));
    return Number(s);
  }),
];

