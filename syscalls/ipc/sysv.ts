/**
 * System V IPC: the namespace shared by every process of one kernel (shared memory,
 * semaphore sets and message queues, each kind with its own keys and ids, as Linux keeps
 * them), and what the three kinds have in common: get by key (IPC_PRIVATE, IPC_CREAT,
 * IPC_EXCL), permissions, struct ipc64_perm, IPC_RMID, and the IPC_64 flag 32-bit C
 * libraries add to ctl commands. The kinds: sysv-shm.ts, sysv-sem.ts, sysv-msg.ts.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { E } from '../errno.js';
import { writeField } from '../layout.js';

/** What every IPC object has (struct kern_ipc_perm). */
export interface IpcObject {
  id: number;
  key: number;
  uid: number;
  gid: number;
  cuid: number;
  cgid: number;
  mode: number;
  seq: number;
  /** IPC_RMID done (a shared memory segment lives on until its last detach) */
  removed: boolean;
  /** seconds of the last change (IPC_SET, creation) */
  ctime: number;
}

/** The objects of one kind, by id; new ids count up as Linux's idr hands them out (seq 0). */
export class IpcTable<T extends IpcObject> {
  readonly byId = new Map<number, T>();
  private next = 0;

  find(key: number): T | undefined {
    for (const o of this.byId.values()) if (o.key === key && !o.removed) return o;
    return undefined;
  }

  add(make: (id: number) => T): T {
    let id = this.next;
    while (this.byId.has(id)) id++;
    this.next = id + 1;
    const o = make(id);
    this.byId.set(id, o);
    return o;
  }

  /** The live object `id`, or undefined (EINVAL: removed or never made). */
  get(id: number): T | undefined {
    const o = this.byId.get(id);
    return o && !o.removed ? o : undefined;
  }

  /** The highest id in use (IPC_INFO's result), or 0. */
  maxId(): number {
    return Math.max(0, ...this.byId.keys());
  }
}

/** One kernel's IPC namespace (src/linux/kernel.ts holds it; a process without a kernel keeps its own). */
export class IpcNamespace {
  readonly shm = new IpcTable<import('./sysv-shm.js').Segment>();
  readonly sem = new IpcTable<import('./sysv-sem.js').SemSet>();
  readonly msg = new IpcTable<import('./sysv-msg.js').MsgQueue>();
}

export function ipcOf(proc: Process): IpcNamespace {
  if (proc.kernel) return proc.kernel.ipc;
  return (proc.sys.ipc ??= new IpcNamespace());
}

export const now = (): number => Math.floor(Date.now() / 1000);
export const uid = (): number => process.getuid?.() ?? 0;
export const gid = (): number => process.getgid?.() ?? 0;

/** The fields of a new object of `key` with the low 9 bits of `flg` as its mode. */
export function newPerm(id: number, key: number, flg: number): IpcObject {
  return { id, key, uid: uid(), gid: gid(), cuid: uid(), cgid: gid(), mode: flg & 0o777, seq: 0, removed: false, ctime: now() };
}

/**
 * The get part of shmget/semget/msgget: the id of `key`'s object, or of a new one, or
 * -errno. `refuseNew` vets the arguments of a new object (0 or -errno), `refuseOld` an
 * existing one (a size or count larger than it has); `make` builds the new object.
 */
export function ipcGet<T extends IpcObject>(proc: Process, table: IpcTable<T>, key: number, flg: number,
  refuseNew: () => number, make: (id: number) => T, refuseOld: (o: T) => number = () => 0): number {
  const c = archOf(proc).c;
  const existing = key === c.IPC_PRIVATE ? undefined : table.find(key);
  if (existing) {
    if ((flg & c.IPC_CREAT) && (flg & c.IPC_EXCL)) return -E.EEXIST;
    if (!permitted(existing, flg & 0o777)) return -E.EACCES;
    const bad = refuseOld(existing);
    return bad < 0 ? bad : existing.id;
  }
  if (key !== c.IPC_PRIVATE && !(flg & c.IPC_CREAT)) return -E.ENOENT;
  const bad = refuseNew();
  return bad < 0 ? bad : table.add(make).id;
}

/** Whether this (only) user may use `o` for the rwx bits in `want` (owner bits; root may do anything). */
export function permitted(o: IpcObject, want: number): boolean {
  if (uid() === 0) return true;
  const bits = uid() === o.uid || uid() === o.cuid ? (o.mode >> 6) & 7 : (o.mode & 7);
  const asked = ((want >> 6) | (want >> 3) | want) & 7;
  return (asked & ~bits) === 0;
}

/** A ctl command without the IPC_64 flag (32-bit C libraries add it; Linux's ipc_parse_version strips it). */
export function ctlCommand(proc: Process, cmd: number): number {
  const a = archOf(proc);
  return a.wordSize === 4 ? cmd & ~a.c.IPC_64 : cmd;
}

/** Write `o`'s struct ipc64_perm at `addr`. */
export function writePerm(proc: Process, addr: number, o: IpcObject): void {
  const l = archOf(proc).s.ipc64_perm;
  proc.mem.writeBytes(addr, new Uint8Array(l.size));
  const f = l.fields;
  writeField(proc.mem, addr, f.key, o.key);
  writeField(proc.mem, addr, f.uid, o.uid);
  writeField(proc.mem, addr, f.gid, o.gid);
  writeField(proc.mem, addr, f.cuid, o.cuid);
  writeField(proc.mem, addr, f.cgid, o.cgid);
  writeField(proc.mem, addr, f.mode, o.mode);
  writeField(proc.mem, addr, f.seq, o.seq);
}

/** IPC_SET: uid, gid and the mode's low 9 bits from the guest's struct ipc64_perm at `addr`. */
export function setPerm(proc: Process, addr: number, o: IpcObject): number {
  if (uid() !== 0 && uid() !== o.uid && uid() !== o.cuid) return -E.EPERM;
  const f = archOf(proc).s.ipc64_perm.fields;
  const rd = (fl: { off: number; size: number }) => (fl.size === 2 ? proc.mem.read16(addr + fl.off) : proc.mem.read32(addr + fl.off) >>> 0);
  o.uid = rd(f.uid);
  o.gid = rd(f.gid);
  o.mode = (o.mode & ~0o777) | (rd(f.mode) & 0o777);
  o.ctime = now();
  return 0;
}
