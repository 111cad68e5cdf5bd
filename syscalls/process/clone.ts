/**
 * Threads and processes: clone (threads with CLONE_THREAD, otherwise a forked child), fork,
 * vfork, exit of one thread versus exit_group, gettid/set_tid_address, sched_yield, and the
 * pid, process-group and session ids. The tables live in src/linux/kernel.ts; a Process that runs
 * without a kernel (unit tests of single calls) has one thread and no children.
 */
import { GuestExit } from '../../src/linux/errors.js';
import { forkProcess } from '../../src/linux/fork.js';
import { newThreadContext } from '../../src/linux/kernel.js';
import type { Process } from '../../src/linux/process.js';
import { Task, ThreadExit } from '../../src/linux/task.js';
import { CLONE, CLONE_ARG_ORDER } from './clone-flags.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';

function setTls(proc: Process, v: number): void {
  if (proc.target.abi.setThreadArea) { proc.target.abi.setThreadArea(proc.cpu, v); return; }
  const reg = proc.target.abi.tlsReg;
  if (reg === undefined) return;
  const r = proc.target.regs[reg];
  if (r.ty === 'i64') proc.cpu.setNum(r.index, v);
  else proc.cpu.r[r.index] = v | 0;
}

/** Write `v` at a guest address the caller gave (a bad pointer is ignored, as Linux's put_user). */
function putTid(proc: Process, addr: number, v: number): void {
  try { proc.mem.write32(addr, v); } catch { /* EFAULT is not reported for these */ }
}

/** clone's work for every entry point (clone, fork, vfork). Returns the new tid/pid. */
export function doClone(proc: Process, flags: number, stack: number, ptid: number, tls: number, ctid: number): number {
  const kernel = proc.kernel;
  if (!kernel) return -E.ENOSYS; // a bare Process (no scheduler) cannot have another task
  flags >>>= 0;
  if (flags & CLONE.THREAD && !(flags & CLONE.SIGHAND)) return -E.EINVAL;
  if (flags & CLONE.SIGHAND && !(flags & CLONE.VM)) return -E.EINVAL;
  const abi = proc.target.abi;
  const cpu = proc.cpu;
  // the child's registers: the parent's, with result 0, its own stack and TLS if given
  const parentState = cpu.saveState();
  abi.setSyscallResult(cpu, 0);
  if (stack) abi.setSp(cpu, stack);
  if (flags & CLONE.SETTLS) setTls(proc, tls);
  const childState = cpu.saveState();
  cpu.restoreState(parentState);
  const tid = kernel.allocPid();
  if (flags & CLONE.THREAD) {
    const t = new Task(tid, proc);
    t.ctx = newThreadContext(proc, childState);
    if (flags & CLONE.CHILD_CLEARTID) t.clearChildTid = ctid;
    if (flags & CLONE.CHILD_SETTID) putTid(proc, ctid, tid);
    if (flags & CLONE.PARENT_SETTID) putTid(proc, ptid, tid);
    kernel.addThread(t);
    return tid;
  }
  // a new process. CLONE_VM without CLONE_THREAD (vfork, posix_spawn) gets a copy of the
  // memory too: its child may only exec or _exit, and a copy serves both.
  const child = forkProcess(proc, tid, childState);
  if (flags & CLONE.CHILD_CLEARTID) child.thread.clearChildTid = ctid;
  if (flags & CLONE.CHILD_SETTID) putTid(child, ctid, tid);
  if (flags & CLONE.PARENT_SETTID) putTid(proc, ptid, tid);
  kernel.addProcess(child, proc, flags & CLONE.CSIGNAL);
  if (flags & CLONE.VFORK) kernel.vforkWait(proc.thread, child);
  return tid;
}

function clone(proc: Process, a: number[]): number {
  const o = CLONE_ARG_ORDER[proc.target.name] ?? CLONE_ARG_ORDER.default;
  return doClone(proc, a[o.flags], a[o.stack], a[o.ptid], a[o.tls], a[o.ctid]);
}

const SIGCHLD = 17; // the same number on every target polyemu has (generic numbering)

/** exit(2): this thread ends; with no other thread left, the process ends (as exit_group). */
function exit(proc: Process, [status]: number[]): number {
  const others = proc.kernel?.liveThreads(proc).filter((t) => t !== proc.thread).length ?? 0;
  if (others > 0) throw new ThreadExit(status & 0xff);
  throw new GuestExit(status & 0xff);
}

function exitGroup(_proc: Process, [status]: number[]): number {
  throw new GuestExit(status & 0xff);
}

/** The process `pid` names (0: the caller), or undefined. */
function target(proc: Process, pid: number): Process | undefined {
  if (pid === 0 || pid === proc.pid) return proc;
  return proc.kernel?.findProcess(pid);
}

function getpgid(proc: Process, [pid]: number[]): number {
  const p = target(proc, pid | 0);
  return p ? p.pgid : -E.ESRCH;
}

function getsid(proc: Process, [pid]: number[]): number {
  const p = target(proc, pid | 0);
  return p ? p.sid : -E.ESRCH;
}

function setpgid(proc: Process, [pid, pgid]: number[]): number {
  pid |= 0;
  pgid |= 0;
  if (pgid < 0) return -E.EINVAL;
  const p = target(proc, pid);
  if (!p) return -E.ESRCH;
  if (p !== proc && p.ppid !== proc.pid) return -E.ESRCH;
  if (p.sid !== proc.sid) return -E.EPERM;
  if (p.sid === p.pid) return -E.EPERM; // a session leader stays in its group
  const group = pgid || p.pid;
  if (group !== p.pid) {
    // joining a group: it must exist in the same session
    const procs = proc.kernel ? [...proc.kernel.liveProcesses()] : [proc];
    if (!procs.some((q) => q.pgid === group && q.sid === proc.sid)) return -E.EPERM;
  }
  p.pgid = group;
  return 0;
}

function setsid(proc: Process): number {
  const procs = proc.kernel ? [...proc.kernel.liveProcesses()] : [proc];
  if (procs.some((q) => q.pgid === proc.pid)) return -E.EPERM; // already a group leader
  proc.sid = proc.pgid = proc.pid;
  return proc.pid;
}

function setTidAddress(proc: Process, [addr]: number[]): number {
  proc.thread.clearChildTid = addr;
  return proc.thread.tid;
}

function schedYield(proc: Process): number {
  proc.thread.yieldNow = true; // the scheduler moves on to the next thread after this call
  return 0;
}

export const cloneSyscalls: SyscallDef[] = [
  sys('clone', ['hex', 'ptr', 'ptr', 'ptr', 'ptr'], clone),
  // glibc tries clone3 first and falls back to clone on ENOSYS, as it does under qemu-user
  sys('clone3', undefined, () => -E.ENOSYS),
  sys('fork', [], (p) => doClone(p, SIGCHLD, 0, 0, 0, 0)),
  sys('vfork', [], (p) => doClone(p, CLONE.VM | CLONE.VFORK | SIGCHLD, 0, 0, 0, 0)),
  sys('exit', ['int'], exit, { ret: 'none' }),
  sys('exit_group', ['int'], exitGroup, { ret: 'none' }),
  sys('getpid', [], (p) => p.pid),
  sys('gettid', [], (p) => p.thread.tid),
  sys('getppid', [], (p) => p.ppid),
  sys('getpgid', ['int'], getpgid),
  sys('getpgrp', [], (p) => p.pgid),
  sys('getsid', ['int'], getsid),
  sys('setpgid', ['int', 'int'], setpgid),
  sys('setsid', [], setsid),
  sys('set_tid_address', undefined, setTidAddress),
  sys('sched_yield', undefined, schedYield),
];
