/**
 * Clocks and sleeping: clock_gettime/getres/nanosleep, gettimeofday, nanosleep, times,
 * getrusage. CLOCK_REALTIME is the host's wall clock at ns resolution (hrtime + a base taken
 * at start); the monotonic family is the host's monotonic clock; CPU clocks are Node's CPU
 * usage. Sleeps block synchronously (Atomics.wait): fine for single-threaded guests.
 */
import * as os from 'node:os';
import type { Process } from '../src/process.js';
import { archOf } from './arch.js';
import { type SyscallDef, sys } from './def.js';
import { E } from './errno.js';
import { sleepSync } from './io.js';
import { type Layout, readStruct, writeStruct } from './layout.js';
import { fmtArg } from './strace.js';

const NS = 1000000000n;
const USER_HZ = 100;

function cpuNs(): bigint {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
}

/** Current value of clock `id` in ns, or undefined for an unknown clock. */
export function clockNs(proc: Process, id: number): bigint | undefined {
  const c = archOf(proc).c;
  id |= 0;
  if (id < 0) return cpuNs(); // CPU-time clock of a pid/thread: ours
  switch (id) {
    case c.CLOCK_REALTIME: case c.CLOCK_REALTIME_COARSE: case c.CLOCK_REALTIME_ALARM:
      return process.hrtime.bigint() + proc.sys.realBaseNs;
    case c.CLOCK_TAI:
      return process.hrtime.bigint() + proc.sys.realBaseNs + 37n * NS;
    case c.CLOCK_MONOTONIC: case c.CLOCK_MONOTONIC_RAW: case c.CLOCK_MONOTONIC_COARSE:
    case c.CLOCK_BOOTTIME: case c.CLOCK_BOOTTIME_ALARM:
      return process.hrtime.bigint();
    case c.CLOCK_PROCESS_CPUTIME_ID: case c.CLOCK_THREAD_CPUTIME_ID:
      return cpuNs();
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
  const t = readStruct(proc.mem, addr, l);
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

function sleepNs(ns: bigint): void {
  if (ns > 0n) sleepSync(Number(ns) / 1e6);
}

const nanosleep = (ts: string) => (proc: Process, [req, rem]: number[]): number => {
  const ns = readTs(proc, req, tsLayout(proc, ts));
  if (ns === undefined) return -E.EINVAL;
  sleepNs(ns);
  void rem; // only written when interrupted
  return 0;
};

const clockNanosleep = (ts: string) => (proc: Process, [id, flags, req, rem]: number[]): number => {
  const c = archOf(proc).c;
  if (id === c.CLOCK_THREAD_CPUTIME_ID) return -E.EINVAL;
  const now = clockNs(proc, id);
  if (now === undefined) return -E.EINVAL;
  const ns = readTs(proc, req, tsLayout(proc, ts));
  if (ns === undefined) return -E.EINVAL;
  sleepNs(flags & c.TIMER_ABSTIME ? ns - now : ns);
  void rem;
  return 0;
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
    const u = process.cpuUsage();
    writeStruct(proc.mem, buf, archOf(proc).s.tms, {
      tms_utime: Math.floor((u.user * USER_HZ) / 1e6),
      tms_stime: Math.floor((u.system * USER_HZ) / 1e6),
    });
  }
  return Math.floor(os.uptime() * USER_HZ) % 2 ** 31;
}

function getrusage(proc: Process, [who, buf]: number[]): number {
  const c = archOf(proc).c;
  const l = archOf(proc).s.rusage;
  if (who === c.RUSAGE_CHILDREN) {
    writeStruct(proc.mem, buf, l, {});
    return 0;
  }
  if (who !== c.RUSAGE_SELF && who !== c.RUSAGE_THREAD) return -E.EINVAL;
  const r = process.resourceUsage();
  writeStruct(proc.mem, buf, l, {
    'ru_utime.tv_sec': Math.floor(r.userCPUTime / 1e6), 'ru_utime.tv_usec': r.userCPUTime % 1e6,
    'ru_stime.tv_sec': Math.floor(r.systemCPUTime / 1e6), 'ru_stime.tv_usec': r.systemCPUTime % 1e6,
    ru_maxrss: r.maxRSS, ru_minflt: r.minorPageFault, ru_majflt: r.majorPageFault,
    ru_inblock: r.fsRead, ru_oublock: r.fsWrite, ru_nvcsw: r.voluntaryContextSwitches,
    ru_nivcsw: r.involuntaryContextSwitches,
  });
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

