/**
 * wait4 and waitid: report (and reap) children that have ended. A child that ended is a
 * zombie in the kernel's table until its parent waits for it; waiting without WNOHANG parks
 * the thread until a matching child ends (the kernel wakes the parent's waiters when one
 * does). Only exits are reported: there is no job control, so WUNTRACED/WCONTINUED never
 * match anything (harmless). The rusage is the child's CPU time and its reaped children's
 * (rusage.ts), which reaping adds to the parent's RUSAGE_CHILDREN.
 */
import type { Process } from '../../src/linux/process.js';
import type { ExitStatus } from '../../src/linux/run.js';
import { archOf } from '../arch.js';
import { CLD, WAIT } from './clone-flags.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { writeStruct } from '../layout.js';
import { waitFor } from '../signal/wait.js';
import { addChildUsage, childRusage } from './rusage.js';

type Match = (child: Process) => boolean;

/**
 * The first ended child `match` accepts (null: children match but none has ended yet;
 * undefined: no child matches at all, ECHILD).
 */
function findZombie(proc: Process, match: Match): [Process, ExitStatus] | null | undefined {
  const kernel = proc.kernel;
  const rec = kernel?.record(proc);
  if (!kernel || !rec) return undefined;
  let any = false;
  for (const c of rec.children) {
    if (!match(c)) continue;
    any = true;
    const exit = kernel.record(c)?.exit;
    if (exit) return [c, exit];
  }
  return any ? null : undefined;
}

/** wait(2)'s status word: exit code in bits 8-15, or the terminating signal in bits 0-6. */
const statusWord = (st: ExitStatus): number => (st.signal ? st.signal & 0x7f : (st.status & 0xff) << 8);

/** Find a child now or park until one ends; `take` reports it. */
function waitChild(proc: Process, match: Match, nohang: boolean, take: (z: [Process, ExitStatus] | null) => number): number | Promise<number> {
  const z = findZombie(proc, match);
  if (z === undefined) return -E.ECHILD;
  if (z || nohang) return take(z);
  return waitFor(proc, () => findZombie(proc, match) !== null).then(() => {
    const again = findZombie(proc, match);
    return again === undefined ? -E.ECHILD : take(again);
  });
}

function pidMatch(proc: Process, pid: number): Match {
  if (pid < -1) return (c) => c.pgid === -pid;
  if (pid === -1) return () => true;
  if (pid === 0) return (c) => c.pgid === proc.pgid;
  return (c) => c.pid === pid;
}

function wait4(proc: Process, [pid, wstatus, options, rusage]: number[]): number | Promise<number> {
  const known = WAIT.WNOHANG | WAIT.WUNTRACED | WAIT.WCONTINUED | WAIT.__WNOTHREAD | WAIT.__WALL | WAIT.__WCLONE;
  if ((options >>> 0) & ~known) return -E.EINVAL;
  return waitChild(proc, pidMatch(proc, pid | 0), (options & WAIT.WNOHANG) !== 0, (z) => {
    if (!z) return 0;
    const [child, st] = z;
    if (wstatus) proc.mem.write32(wstatus, statusWord(st));
    if (rusage) childRusage(proc, child, rusage);
    addChildUsage(proc, child);
    proc.kernel!.reap(proc, child);
    return child.pid;
  });
}

function waitid(proc: Process, [idtype, id, infop, options, rusage]: number[]): number | Promise<number> {
  const a = archOf(proc);
  if (!(options & (WAIT.WEXITED | WAIT.WUNTRACED | WAIT.WCONTINUED))) return -E.EINVAL;
  id |= 0;
  let match: Match;
  if (idtype === WAIT.P_ALL) match = () => true;
  else if (idtype === WAIT.P_PID) match = (c) => c.pid === id;
  else if (idtype === WAIT.P_PGID) match = (c) => c.pgid === (id || proc.pgid);
  else return -E.EINVAL;
  // stops and continues are never reported (no job control): only WEXITED can match
  const exited = (options & WAIT.WEXITED) !== 0;
  const m: Match = exited ? match : () => false;
  if (!exited && findZombie(proc, match) === undefined) return -E.ECHILD;
  return waitChild(proc, exited ? m : match, (options & WAIT.WNOHANG) !== 0 || !exited, (z) => {
    const l = a.s.siginfo;
    if (!z || !exited) {
      if (infop) writeStruct(proc.mem, infop, l, {});
      return 0;
    }
    const [child, st] = z;
    if (infop) {
      writeStruct(proc.mem, infop, l, {
        si_signo: a.c.SIGCHLD, si_code: st.signal ? CLD.KILLED : CLD.EXITED, si_pid: child.pid,
        si_uid: process.getuid?.() ?? 0, si_status: st.signal || st.status,
      });
    }
    if (rusage) childRusage(proc, child, rusage);
    if (!(options & WAIT.WNOWAIT)) {
      addChildUsage(proc, child);
      proc.kernel!.reap(proc, child);
    }
    return 0;
  });
}

export const childWaitSyscalls: SyscallDef[] = [
  sys('wait4', ['int', 'ptr', 'hex', 'ptr'], wait4),
  sys('waitid', ['int', 'int', 'ptr', 'hex', 'ptr'], waitid),
];
