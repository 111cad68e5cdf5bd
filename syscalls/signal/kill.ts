/**
 * Sending signals to processes and threads: kill (a pid, the caller's group with 0, a group
 * with -pgid, everyone else with -1), tgkill and tkill (one thread). A signal to the caller
 * itself is raised at once (delivered as the syscall returns, like Linux); one to another
 * process or thread is queued there and wakes its waits (src/linux/kernel.ts).
 */
import type { Process } from '../../src/linux/process.js';
import type { Task } from '../../src/linux/task.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { SIG_DFL, SIG_IGN, defaultAction, nsig, readAction } from './deliver.js';
import { raiseSignal, selfInfo } from './sigaction.js';

const uid = () => process.getuid?.() ?? 0;

/** The processes kill(pid) reaches (live ones; zombies take signals silently). */
function killTargets(proc: Process, pid: number): Process[] {
  const kernel = proc.kernel;
  const all = kernel ? [...kernel.liveProcesses()] : [proc];
  if (pid > 0) {
    const t = kernel?.tasks.get(pid);
    if (t && t.state !== 'dead') return [t.proc];
    if (pid === proc.pid) return [proc];
    // a zombie: the signal is accepted and goes nowhere
    for (const [p, r] of kernel?.procs ?? []) if (p.pid === pid && r.exit) return [p];
    return [];
  }
  if (pid === 0) return all.filter((p) => p.pgid === proc.pgid);
  if (pid === -1) return all.filter((p) => p !== proc && p.pid !== 1);
  return all.filter((p) => p.pgid === -pid);
}

function kill(proc: Process, [pid, sig]: number[]): number {
  pid |= 0;
  sig |= 0;
  if (sig < 0 || sig > nsig(proc)) return -E.EINVAL;
  const targets = killTargets(proc, pid);
  if (!targets.length) return -E.ESRCH;
  if (!sig) return 0;
  for (const p of targets) {
    if (p === proc) raiseSignal(proc, sig, selfInfo(proc, sig));
    else if (!proc.kernel?.record(p)?.exit) {
      proc.kernel!.postTo(p, sig, { signo: sig, code: archOf(proc).c.SI_USER ?? 0, pid: proc.pid, uid: uid(), shared: true });
    }
  }
  return 0;
}

/** A thread-directed signal to `t` (SI_TKILL); dropped when its process ignores it. */
function sendToThread(proc: Process, t: Task, sig: number): number {
  if (sig < 0 || sig > nsig(proc)) return -E.EINVAL;
  if (!sig) return 0;
  const a = archOf(proc);
  const code = a.c.SI_TKILL;
  if (t === proc.thread) {
    raiseSignal(proc, sig, selfInfo(proc, sig, code));
    return 0;
  }
  const target = t.proc;
  const h = readAction(target, sig).handler;
  const blocked = (proc.kernel!.maskOf(t) & (1n << BigInt(sig - 1))) !== 0n;
  if (sig !== a.c.SIGKILL && !blocked && (h === SIG_IGN || (h === SIG_DFL && defaultAction(a, sig) === 'ignore'))) return 0;
  proc.kernel!.signalThread(t, sig, { signo: sig, code, pid: proc.pid, uid: uid(), shared: false });
  return 0;
}

function findThread(proc: Process, tid: number): Task | undefined {
  if (tid === proc.thread.tid) return proc.thread;
  const t = proc.kernel?.tasks.get(tid);
  return t && t.state !== 'dead' ? t : undefined;
}

function tgkill(proc: Process, [tgid, tid, sig]: number[]): number {
  if ((tgid | 0) <= 0 || (tid | 0) <= 0) return -E.EINVAL;
  const t = findThread(proc, tid | 0);
  if (!t || t.proc.pid !== (tgid | 0)) return -E.ESRCH;
  return sendToThread(proc, t, sig | 0);
}

function tkill(proc: Process, [tid, sig]: number[]): number {
  if ((tid | 0) <= 0) return -E.EINVAL;
  const t = findThread(proc, tid | 0);
  if (!t) return -E.ESRCH;
  return sendToThread(proc, t, sig | 0);
}

export const killSyscalls: SyscallDef[] = [
  sys('kill', ['int', 'signal'], kill),
  sys('tgkill', ['int', 'int', 'signal'], tgkill),
  sys('tkill', ['int', 'signal'], tkill),
];
