/**
 * CPU time per guest process and thread, for getrusage, wait4/waitid's rusage, times and the
 * CPU-time clocks. Guests share one Node process, so Node's own usage cannot tell them apart:
 * instead the scheduler charges each turn (a time slice of one thread, src/linux/kernel.ts) with
 * the host CPU time it took (process.cpuUsage before and after: user and system time
 * separately), to the thread and its process. That is the time spent running the guest's
 * code — translating it included — and its syscalls; sleeping, waiting and other guests'
 * turns are not counted. When a parent reaps a child (wait4/waitid), the child's time and
 * that of the children it reaped are added to the parent's RUSAGE_CHILDREN, as Linux does.
 */
import type { Process } from '../../src/linux/process.js';
import type { Task } from '../../src/linux/task.js';
import { archOf } from '../arch.js';
import { writeStruct } from '../layout.js';

/** A turn's starting point (process.cpuUsage), kept on the process while it runs. */
export function startTurn(proc: Process): NodeJS.CpuUsage {
  const t0 = process.cpuUsage();
  proc.sys.usage.turnStart = t0;
  return t0;
}

/** Charge the turn that began at `t0` to thread `t` and its process. */
export function endTurn(proc: Process, t: Task, t0: NodeJS.CpuUsage): void {
  const d = process.cpuUsage(t0);
  const u = proc.sys.usage;
  u.turnStart = undefined;
  u.userUs += d.user;
  u.sysUs += d.system;
  t.userUs += d.user;
  t.sysUs += d.system;
}

/** [user, system] microseconds of the process so far (the running turn included). */
export function processTimes(proc: Process): [number, number] {
  const u = proc.sys.usage;
  const d = u.turnStart ? process.cpuUsage(u.turnStart) : { user: 0, system: 0 };
  return [u.userUs + d.user, u.sysUs + d.system];
}

/** [user, system] microseconds of the running thread so far. */
export function threadTimes(proc: Process): [number, number] {
  const t = proc.thread;
  const u = proc.sys.usage;
  if (!t) return processTimes(proc);
  const d = u.turnStart ? process.cpuUsage(u.turnStart) : { user: 0, system: 0 };
  return [t.userUs + d.user, t.sysUs + d.system];
}

/** A reaped child's time (its own and its reaped children's) goes to its parent. */
export function addChildUsage(parent: Process, child: Process): void {
  const p = parent.sys.usage;
  const [cu, cs] = processTimes(child);
  const c = child.sys.usage;
  p.childUserUs += cu + c.childUserUs;
  p.childSysUs += cs + c.childSysUs;
  p.childMaxRss = Math.max(p.childMaxRss, c.maxRss, c.childMaxRss, maxRssKb());
}

/** Host memory high-water mark in KiB (shared by every guest of this Node process). */
function maxRssKb(): number {
  return process.resourceUsage().maxRSS;
}

/** Write a struct rusage with these times (microseconds) and max RSS (KiB). */
export function writeRusage(proc: Process, addr: number, userUs: number, sysUs: number, maxRss: number): void {
  const sec = (us: number) => Math.floor(us / 1e6);
  writeStruct(proc.mem, addr, archOf(proc).s.rusage, {
    'ru_utime.tv_sec': sec(userUs), 'ru_utime.tv_usec': userUs % 1e6,
    'ru_stime.tv_sec': sec(sysUs), 'ru_stime.tv_usec': sysUs % 1e6,
    ru_maxrss: maxRss,
  });
}

/** getrusage's SELF, THREAD and CHILDREN (-EINVAL for other `who`). */
export function rusageOf(proc: Process, who: 'self' | 'thread' | 'children', addr: number): void {
  const u = proc.sys.usage;
  if (who === 'children') {
    writeRusage(proc, addr, u.childUserUs, u.childSysUs, u.childMaxRss);
    return;
  }
  const [user, sys] = who === 'self' ? processTimes(proc) : threadTimes(proc);
  const rss = maxRssKb();
  u.maxRss = Math.max(u.maxRss, rss);
  writeRusage(proc, addr, user, sys, rss);
}

/** The rusage wait4/waitid report for a child being reaped: its time and its children's. */
export function childRusage(proc: Process, child: Process, addr: number): void {
  const [cu, cs] = processTimes(child);
  const c = child.sys.usage;
  writeRusage(proc, addr, cu + c.childUserUs, cs + c.childSysUs, Math.max(c.maxRss, c.childMaxRss, maxRssKb()));
}
