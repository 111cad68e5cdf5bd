/**
 * System V shared memory: shmget, shmat, shmdt, shmctl. Every process has its own flat
 * memory, so a segment is a buffer of its own plus, in each attaching process, mapped
 * ranges (views); the bytes are kept coherent by ownership: the segment's `holder` is the
 * process whose views have the latest bytes, and `data` what they held at the last sync.
 * The scheduler calls shmSwitchIn before a process runs (src/linux/kernel.ts): for each
 * segment it has attached and does not hold, the holder's stores (the bytes its views
 * changed since the last sync, from every view) go into `data`, and `data` into this
 * process's views. Threads share their process's memory, so they need nothing; processes
 * run one at a time, so each sees every store the others made before it. Known
 * simplification: two views of one segment in the same process agree only at those points
 * (switches, shmat, shmdt), not between its own stores.
 */
import { PAGE_MASK, PROT_R, PROT_W, PROT_X, pageUp } from '../../src/core/memory/flat.js';
import type { Process } from '../../src/linux/process.js';
import { findFree, isFree } from '../../src/linux/mmap-placement.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { writeField } from '../layout.js';
import { nameRange } from '../fs/procfs.js';
import { type IpcObject, ctlCommand, ipcGet, ipcOf, newPerm, now, permitted, setPerm, writePerm } from './sysv.js';

export interface Segment extends IpcObject {
  size: number;
  /** the bytes, while no attachment holds them (see holder) */
  data: Uint8Array;
  /** the process whose views have the latest bytes (undefined: `data` has them) */
  holder: Process | undefined;
  nattch: number;
  cpid: number;
  lpid: number;
  atime: number;
  dtime: number;
}

/** One attachment in a process (proc.sys.shmAttach). */
export interface ShmAttach {
  addr: number;
  seg: Segment;
}

/** The largest segment (guest memory is 4 GiB) */
const SHM_MAX = 2 ** 30;

function shmget(proc: Process, [key, size, flg]: number[]): number {
  const ns = ipcOf(proc);
  return ipcGet(proc, ns.shm, key | 0, flg,
    () => (size < 1 || size > SHM_MAX ? -E.EINVAL : 0),
    (id) => ({
      ...newPerm(id, key | 0, flg), size, data: new Uint8Array(pageUp(size)), holder: undefined, nattch: 0,
      cpid: proc.pid, lpid: 0, atime: 0, dtime: 0,
    }),
    (s) => (size > s.size ? -E.EINVAL : 0));
}

const views = (proc: Process, seg: Segment): ShmAttach[] => proc.sys.shmAttach.filter((a) => a.seg === seg);

/** Put the bytes `view` changed since the last sync (`was`) into `data` (a page at a time, then byte by byte). */
function merge(seg: Segment, was: Uint8Array, view: Uint8Array): void {
  const d = seg.data;
  for (let p = 0; p < d.length; p += 4096) {
    const v = view.subarray(p, p + 4096);
    if (Buffer.compare(v, was.subarray(p, p + 4096)) === 0) continue;
    for (let i = 0; i < v.length; i++) if (v[i] !== was[p + i]) d[p + i] = v[i];
  }
}

/** Make `data` hold the latest bytes: the holder's stores through any of its views. */
function pull(seg: Segment): void {
  const h = seg.holder;
  if (!h) return;
  const vs = views(h, seg);
  if (vs.length === 1) seg.data.set(h.mem.u8.subarray(vs[0].addr, vs[0].addr + seg.data.length));
  else {
    const was = seg.data.slice();
    for (const a of vs) merge(seg, was, h.mem.u8.subarray(a.addr, a.addr + seg.data.length));
  }
  seg.holder = undefined;
}

/** `proc`'s views of `seg` show `data`, and `proc` holds it. */
function push(proc: Process, seg: Segment): void {
  for (const a of views(proc, seg)) proc.mem.poke(a.addr, seg.data);
  seg.holder = proc;
}

/** Before `proc` runs: each of its views shows the segment's latest bytes (see above). */
export function shmSwitchIn(proc: Process): void {
  const list = proc.sys.shmAttach;
  if (!list.length) return;
  for (const a of [...list]) {
    if (!proc.mem.isMapped(a.addr, a.seg.data.length)) detach(proc, a); // munmap'd behind shmdt's back
  }
  for (const seg of new Set(proc.sys.shmAttach.map((a) => a.seg))) {
    if (seg.holder === proc) continue;
    pull(seg);
    push(proc, seg);
  }
}

function destroyIfDone(proc: Process, seg: Segment): void {
  if (seg.removed && seg.nattch === 0) ipcOf(proc).shm.byId.delete(seg.id);
}

/** Drop attachment `a` (its stores go back to the segment); the memory stays mapped. */
function detach(proc: Process, a: ShmAttach): void {
  const seg = a.seg;
  const held = seg.holder === proc;
  if (held) pull(seg);
  proc.sys.shmAttach = proc.sys.shmAttach.filter((x) => x !== a);
  if (held && views(proc, seg).length) push(proc, seg); // its other views see what this one stored
  seg.nattch--;
  seg.dtime = now();
  seg.lpid = proc.pid;
  destroyIfDone(proc, seg);
}

/** exit and execve: every attachment goes (the memory goes with the image). */
export function shmDetachAll(proc: Process): void {
  for (const a of [...proc.sys.shmAttach]) detach(proc, a);
}

/** fork: the child has the parent's attachments too (its memory is a copy of the parent's). */
export function shmForked(child: Process, parentList: ShmAttach[]): void {
  child.sys.shmAttach = parentList.map((a) => ({ ...a }));
  for (const a of child.sys.shmAttach) a.seg.nattch++;
}

function shmat(proc: Process, [id, shmaddr, flg]: number[]): number {
  const c = archOf(proc).c;
  const seg = ipcOf(proc).shm.byId.get(id | 0);
  if (!seg || (seg.removed && seg.nattch === 0)) return -E.EINVAL;
  const rdonly = (flg & c.SHM_RDONLY) !== 0;
  if (!permitted(seg, rdonly ? 0o400 : 0o600)) return -E.EACCES;
  const len = seg.data.length;
  let addr = shmaddr >>> 0;
  if (addr) {
    if (addr & PAGE_MASK) {
      if (!(flg & c.SHM_RND)) return -E.EINVAL;
      addr -= addr & PAGE_MASK;
    }
    if (addr + len > 2 ** 32) return -E.EINVAL;
    if (!(flg & c.SHM_REMAP) && !isFree(proc, addr, len)) return -E.EINVAL;
  } else {
    if (flg & c.SHM_REMAP) return -E.EINVAL;
    addr = findFree(proc, len);
    if (addr < 0) return -E.ENOMEM;
  }
  proc.mem.map(addr, len, PROT_R | (rdonly ? 0 : PROT_W) | (flg & c.SHM_EXEC ? PROT_X : 0));
  nameRange(proc, addr, len, `/SYSV${(seg.key >>> 0).toString(16).padStart(8, '0')} (deleted)`);
  pull(seg);
  proc.sys.shmAttach.push({ addr, seg });
  push(proc, seg);
  seg.nattch++;
  seg.atime = now();
  seg.lpid = proc.pid;
  return addr;
}

function shmdt(proc: Process, [shmaddr]: number[]): number {
  const a = proc.sys.shmAttach.find((x) => x.addr === shmaddr >>> 0);
  if (!a) return -E.EINVAL;
  const len = a.seg.data.length;
  detach(proc, a);
  proc.mem.unmap(a.addr, len);
  nameRange(proc, a.addr, len, '');
  return 0;
}

function shmctl(proc: Process, [id, cmdArg, buf]: number[]): number {
  const a = archOf(proc);
  const c = a.c;
  const cmd = ctlCommand(proc, cmdArg);
  const ns = ipcOf(proc).shm;
  if (cmd === c.IPC_INFO) {
    const l = a.s.shminfo64;
    proc.mem.writeBytes(buf, new Uint8Array(l.size));
    writeField(proc.mem, buf, l.fields.shmmax, SHM_MAX);
    writeField(proc.mem, buf, l.fields.shmmin, c.SHMMIN);
    writeField(proc.mem, buf, l.fields.shmmni, c.SHMMNI);
    writeField(proc.mem, buf, l.fields.shmseg, c.SHMMNI);
    writeField(proc.mem, buf, l.fields.shmall, SHM_MAX / 4096);
    return ns.maxId();
  }
  const seg = ns.byId.get(id | 0);
  if (!seg || (seg.removed && seg.nattch === 0)) return -E.EINVAL;
  switch (cmd) {
    case c.IPC_STAT: {
      if (!permitted(seg, 0o400)) return -E.EACCES;
      const l = a.s.shmid64_ds;
      const f = l.fields;
      proc.mem.writeBytes(buf, new Uint8Array(l.size));
      writePerm(proc, buf + f.shm_perm.off, seg);
      writeField(proc.mem, buf, f.shm_segsz, seg.size);
      writeField(proc.mem, buf, f.shm_atime, seg.atime);
      writeField(proc.mem, buf, f.shm_dtime, seg.dtime);
      writeField(proc.mem, buf, f.shm_ctime, seg.ctime);
      writeField(proc.mem, buf, f.shm_cpid, seg.cpid);
      writeField(proc.mem, buf, f.shm_lpid, seg.lpid);
      writeField(proc.mem, buf, f.shm_nattch, seg.nattch);
      return 0;
    }
    case c.IPC_SET:
      return setPerm(proc, buf + a.s.shmid64_ds.fields.shm_perm.off, seg);
    case c.IPC_RMID:
      // the key is free at once; the segment lives until its last detach
      seg.removed = true;
      seg.key = c.IPC_PRIVATE;
      destroyIfDone(proc, seg);
      return 0;
    case c.SHM_LOCK:
    case c.SHM_UNLOCK:
      return 0;
    default:
      return -E.EINVAL;
  }
}

export const shmSyscalls: SyscallDef[] = [
  sys('shmget', ['hex', 'uint', 'octal'], shmget),
  sys('shmat', ['int', 'ptr', 'hex'], shmat, { ret: 'ptr' }),
  sys('shmdt', ['ptr'], shmdt),
  sys('shmctl', ['int', 'int', 'ptr'], shmctl),
];
