/**
 * System V semaphores: semget, semop/semtimedop(_time64), semctl. An operation array is
 * applied all at once or not at all; a caller that would block waits (as a parked thread)
 * until another operation, SETVAL/SETALL or IPC_RMID (EIDRM) changes the set, its timeout
 * passes (EAGAIN) or a signal with a handler comes (EINTR: semop is never restarted).
 * SEM_UNDO adjustments are kept per process and applied when it exits.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { writeField } from '../layout.js';
import { ERESTARTSYS, blockingWait } from '../restart.js';
import { readTimespec } from '../time/countdown.js';
import { type IpcObject, ctlCommand, ipcGet, ipcOf, newPerm, now, permitted, setPerm, writePerm } from './sysv.js';

export interface SemSet extends IpcObject {
  vals: number[];
  pids: number[];
  otime: number;
  /** callbacks of the callers waiting for a change (one-shot) */
  waiters: Set<() => void>;
}

interface SemOp { num: number; op: number; flg: number }

function wake(set: SemSet): void {
  const w = [...set.waiters];
  set.waiters.clear();
  for (const f of w) f();
}

function semget(proc: Process, [key, nsems, flg]: number[]): number {
  const c = archOf(proc).c;
  return ipcGet(proc, ipcOf(proc).sem, key | 0, flg,
    () => (nsems <= 0 || nsems > c.SEMMSL ? -E.EINVAL : 0),
    (id) => ({ ...newPerm(id, key | 0, flg), vals: new Array(nsems).fill(0), pids: new Array(nsems).fill(0), otime: 0, waiters: new Set() }),
    (s) => (nsems < 0 || nsems > s.vals.length ? -E.EINVAL : 0));
}

/** The SEM_UNDO adjustments of `proc`: set id -> semaphore -> amount to add back at exit. */
function undoOf(proc: Process): Map<number, Map<number, number>> {
  return proc.sys.semUndo;
}

/** Try the whole array: 'block' (the index that waits), or the result applied. */
function tryOps(proc: Process, set: SemSet, ops: SemOp[]): number | 'block' {
  const c = archOf(proc).c;
  const vals = [...set.vals];
  for (const o of ops) {
    const v = vals[o.num];
    if (o.op > 0) {
      if (v + o.op > c.SEMVMX) return -E.ERANGE;
      vals[o.num] = v + o.op;
    } else if (o.op < 0) {
      if (v < -o.op) return o.flg & c.IPC_NOWAIT ? -E.EAGAIN : 'block';
      vals[o.num] = v + o.op;
    } else if (v !== 0) {
      return o.flg & c.IPC_NOWAIT ? -E.EAGAIN : 'block';
    }
  }
  set.vals = vals;
  for (const o of ops) {
    set.pids[o.num] = proc.pid;
    if (o.flg & c.SEM_UNDO && o.op) {
      const m = undoOf(proc).get(set.id) ?? new Map<number, number>();
      m.set(o.num, (m.get(o.num) ?? 0) - o.op);
      undoOf(proc).set(set.id, m);
    }
  }
  set.otime = now();
  wake(set);
  return 0;
}

function semtimedop(proc: Process, [id, sops, nsops, timeout]: number[], ts: 'timespec' | 'old_timespec'): number | Promise<number> {
  const a = archOf(proc);
  const c = a.c;
  if (nsops < 1) return -E.EINVAL;
  if (nsops > c.SEMOPM) return -E.E2BIG;
  const set = ipcOf(proc).sem.get(id | 0);
  if (!set) return -E.EINVAL;
  const l = a.s.sembuf;
  const ops: SemOp[] = [];
  for (let i = 0; i < nsops; i++) {
    const at = sops + i * l.size;
    ops.push({
      num: proc.mem.read16(at + l.fields.sem_num.off),
      op: (proc.mem.read16(at + l.fields.sem_op.off) << 16) >> 16,
      flg: (proc.mem.read16(at + l.fields.sem_flg.off) << 16) >> 16,
    });
  }
  if (ops.some((o) => o.num >= set.vals.length)) return -E.EFBIG;
  const alters = ops.some((o) => o.op !== 0);
  if (!permitted(set, alters ? 0o200 : 0o400)) return -E.EACCES;
  let deadline: number | undefined;
  if (timeout) {
    const t = readTimespec(proc, timeout, ts);
    if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1e9) return -E.EINVAL;
    deadline = Date.now() + t.tv_sec * 1000 + t.tv_nsec / 1e6;
  }
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const attempt = (): number | undefined => {
    if (set.removed) return -E.EIDRM;
    const r = tryOps(proc, set, ops);
    if (r !== 'block') return r;
    return timedOut ? -E.EAGAIN : undefined;
  };
  const r = blockingWait(proc, attempt, (cb) => {
    set.waiters.add(cb);
    if (deadline !== undefined && !timer) {
      timer = setTimeout(() => { timedOut = true; wake(set); }, Math.max(0, deadline - Date.now()));
    }
    return () => set.waiters.delete(cb);
  });
  const done = (v: number) => {
    if (timer) clearTimeout(timer);
    return v === -ERESTARTSYS ? -E.EINTR : v;
  };
  return typeof r === 'number' ? done(r) : r.then(done);
}

/** exit: put back what the process's SEM_UNDO operations took or gave. */
export function semExit(proc: Process): void {
  const c = archOf(proc).c;
  for (const [id, m] of undoOf(proc)) {
    const set = ipcOf(proc).sem.get(id);
    if (!set) continue;
    for (const [num, adj] of m) set.vals[num] = Math.min(c.SEMVMX, Math.max(0, set.vals[num] + adj));
    wake(set);
  }
  undoOf(proc).clear();
}

function semctl(proc: Process, [id, semnum, cmdArg, arg]: number[]): number {
  const a = archOf(proc);
  const c = a.c;
  const cmd = ctlCommand(proc, cmdArg);
  const ns = ipcOf(proc).sem;
  if (cmd === c.IPC_INFO || cmd === c.SEM_INFO) {
    const l = a.s.seminfo;
    const f = l.fields;
    proc.mem.writeBytes(arg, new Uint8Array(l.size));
    writeField(proc.mem, arg, f.semmni, c.SEMMNI);
    writeField(proc.mem, arg, f.semmns, c.SEMMNS);
    writeField(proc.mem, arg, f.semmsl, c.SEMMSL);
    writeField(proc.mem, arg, f.semopm, c.SEMOPM);
    writeField(proc.mem, arg, f.semvmx, c.SEMVMX);
    writeField(proc.mem, arg, f.semaem, c.SEMAEM);
    writeField(proc.mem, arg, f.semmap, c.SEMMNS);
    writeField(proc.mem, arg, f.semmnu, c.SEMMNS);
    writeField(proc.mem, arg, f.semume, c.SEMOPM);
    writeField(proc.mem, arg, f.semusz, 20);
    return ns.maxId();
  }
  const set = ns.get(id | 0);
  if (!set) return -E.EINVAL;
  const n = set.vals.length;
  const one = (f: (i: number) => number): number => (semnum < 0 || semnum >= n ? -E.EINVAL : permitted(set, 0o400) ? f(semnum) : -E.EACCES);
  switch (cmd) {
    case c.GETVAL: return one((i) => set.vals[i]);
    case c.GETPID: return one((i) => set.pids[i]);
    case c.GETNCNT:
    case c.GETZCNT:
      return one(() => 0); // known simplification: waiters are not counted
    case c.GETALL:
      if (!permitted(set, 0o400)) return -E.EACCES;
      for (let i = 0; i < n; i++) proc.mem.write16(arg + 2 * i, set.vals[i]);
      return 0;
    case c.SETVAL: {
      if (semnum < 0 || semnum >= n) return -E.EINVAL;
      if (!permitted(set, 0o200)) return -E.EACCES;
      const v = arg | 0;
      if (v < 0 || v > c.SEMVMX) return -E.ERANGE;
      set.vals[semnum] = v;
      set.pids[semnum] = proc.pid;
      set.ctime = now();
      wake(set);
      return 0;
    }
    case c.SETALL: {
      if (!permitted(set, 0o200)) return -E.EACCES;
      const vals = Array.from({ length: n }, (_, i) => proc.mem.read16(arg + 2 * i));
      if (vals.some((v) => v > c.SEMVMX)) return -E.ERANGE;
      set.vals = vals;
      set.pids.fill(proc.pid);
      set.ctime = now();
      wake(set);
      return 0;
    }
    case c.IPC_STAT: {
      if (!permitted(set, 0o400)) return -E.EACCES;
      const l = a.s.semid64_ds;
      const f = l.fields;
      proc.mem.writeBytes(arg, new Uint8Array(l.size));
      writePerm(proc, arg + f.sem_perm.off, set);
      writeField(proc.mem, arg, f.sem_otime, set.otime);
      writeField(proc.mem, arg, f.sem_ctime, set.ctime);
      writeField(proc.mem, arg, f.sem_nsems, n);
      return 0;
    }
    case c.IPC_SET:
      return setPerm(proc, arg + a.s.semid64_ds.fields.sem_perm.off, set);
    case c.IPC_RMID:
      set.removed = true;
      ns.byId.delete(set.id);
      wake(set);
      return 0;
    default:
      return -E.EINVAL;
  }
}

export const semSyscalls: SyscallDef[] = [
  sys('semget', ['hex', 'int', 'octal'], semget),
  sys('semop', ['int', 'ptr', 'uint'], (p, [id, sops, n]) => semtimedop(p, [id, sops, n, 0], 'timespec')),
  sys('semtimedop', ['int', 'ptr', 'uint', 'ptr'], (p, a) => semtimedop(p, a, 'old_timespec')),
  sys('semtimedop_time64', ['int', 'ptr', 'uint', 'ptr'], (p, a) => semtimedop(p, a, 'timespec')),
  sys('semctl', ['int', 'int', 'int', 'hex'], semctl),
];
