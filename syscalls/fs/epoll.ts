/**
 * epoll: an interest list of (fd, open file) entries with their events and user data.
 * Level-triggered entries are reported while ready; EPOLLET entries once per change (each
 * entry stays subscribed to its file and re-arms when the file says readiness may have
 * changed); EPOLLONESHOT entries are disabled after one report until EPOLL_CTL_MOD.
 * An epoll fd is itself pollable (readable while some entry is ready).
 */
import * as fs from 'node:fs';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { OpenFile, type SpecialFile } from './fdtable.js';
import { installFile } from './files.js';
import { nsig, readSigset, unblockable } from '../signal/deliver.js';
import { pollBits, waitReady } from './poll.js';
import { readinessOf } from './ready-files.js';
import { POLLERR, POLLHUP, POLLIN, type Readiness, WaitList } from './ready.js';
import { readStruct } from '../layout.js';

const EPOLL_CTL_ADD = 1;
const EPOLL_CTL_DEL = 2;
const EPOLL_CTL_MOD = 3;
const EPOLLEXCLUSIVE = 1 << 28;
const EPOLLWAKEUP = 1 << 29;
const EPOLLONESHOT = 1 << 30;
const EPOLLET = 1 << 31;
/** struct epoll_event on arm, aarch64 and riscv64: u32 events, (pad), u64 data */
const EVENT_SIZE = 16;
const DATA_OFF = 8;
const EP_MAX_EVENTS = 0x7fffffff / EVENT_SIZE;

interface Entry {
  fd: number;
  file: OpenFile;
  events: number;
  data: bigint;
  /** EPOLLONESHOT fired: nothing is reported until EPOLL_CTL_MOD */
  disabled: boolean;
  /** EPOLLET: a change was seen since the last report */
  armed: boolean;
  unsub: () => void;
}

export class Epoll implements SpecialFile, Readiness {
  readonly name = 'anon_inode:[eventpoll]';
  readonly entries = new Map<OpenFile, Map<number, Entry>>();
  private readonly waiters = new WaitList();

  *all(): Generator<Entry> {
    for (const m of this.entries.values()) yield* m.values();
  }

  /** Events entry `e` would report now (0 = none). */
  pending(e: Entry): number {
    if (e.disabled || e.file.refs === 0) return 0;
    if (e.events & EPOLLET && !e.armed) return 0;
    return pollBits(e.file) & ((e.events & 0xffff) | POLLERR | POLLHUP);
  }

  poll(): number {
    for (const e of this.all()) if (this.pending(e)) return POLLIN;
    return 0;
  }
  subscribe(cb: () => void): () => void { return this.waiters.subscribe(cb); }

  /** Keep `e` subscribed to its file: a possible change re-arms EPOLLET and wakes pollers of us. */
  watch(e: Entry): void {
    e.unsub = readinessOf(e.file).subscribe(() => {
      e.armed = true;
      if (this.entries.get(e.file)?.get(e.fd) === e) this.watch(e);
      this.waiters.wake();
    });
  }

  release(): void {
    for (const e of this.all()) e.unsub();
    this.entries.clear();
  }
}

function epollCreate1(proc: Process, [flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~c.O_CLOEXEC) return -E.EINVAL;
  const ep = new Epoll();
  const f = new OpenFile('special', -1, 2, '', ep.name);
  f.pos = null;
  f.special = ep;
  f.ready = ep;
  return installFile(proc, f, (flags & c.O_CLOEXEC) !== 0);
}

function epollOf(proc: Process, epfd: number): Epoll | number {
  const f = proc.fds.get(epfd | 0);
  if (!f) return -E.EBADF;
  return f.special instanceof Epoll ? f.special : -E.EINVAL;
}

function epollCtl(proc: Process, [epfd, op, fd, event]: number[]): number {
  const ep = epollOf(proc, epfd);
  if (typeof ep === 'number') return ep;
  fd |= 0;
  const file = proc.fds.get(fd);
  if (!file) return -E.EBADF;
  if (file.special === ep) return -E.EINVAL;
  // regular files and directories cannot be watched (EPERM), as on Linux
  if (file.kind === 'dir' || file.kind === 'mem') return -E.EPERM;
  if (file.kind === 'host' && fs.fstatSync(file.hostFd).isFile()) return -E.EPERM;
  let events = 0;
  let data = 0n;
  if (op !== EPOLL_CTL_DEL) {
    events = proc.mem.read32(event) >>> 0;
    data = proc.mem.read64(event + DATA_OFF);
    events &= ~EPOLLWAKEUP;
  }
  const byFd = ep.entries.get(file);
  const cur = byFd?.get(fd);
  switch (op) {
    case EPOLL_CTL_ADD: {
      if (cur) return -E.EEXIST;
      const e: Entry = { fd, file, events, data, disabled: false, armed: true, unsub: () => {} };
      if (byFd) byFd.set(fd, e); else ep.entries.set(file, new Map([[fd, e]]));
      ep.watch(e);
      return 0;
    }
    case EPOLL_CTL_MOD:
      if (!cur) return -E.ENOENT;
      if (events & EPOLLEXCLUSIVE || cur.events & EPOLLEXCLUSIVE) return -E.EINVAL;
      cur.events = events;
      cur.data = data;
      cur.disabled = false;
      cur.armed = true;
      return 0;
    case EPOLL_CTL_DEL:
      if (!cur) return -E.ENOENT;
      cur.unsub();
      byFd!.delete(fd);
      if (!byFd!.size) ep.entries.delete(file);
      return 0;
    default:
      return -E.EINVAL;
  }
}

const epollPwait = (how: 'ms' | 'ts') => (proc: Process, [epfd, events, max, timeout, sigmask, sigsetsize]: number[]): number | Promise<number> => {
  const ep = epollOf(proc, epfd);
  if (typeof ep === 'number') return ep;
  max |= 0;
  if (max <= 0 || max > EP_MAX_EVENTS) return -E.EINVAL;
  let ns: bigint | undefined;
  if (how === 'ms') {
    ns = (timeout | 0) < 0 ? undefined : BigInt(timeout | 0) * 1000000n;
  } else if (timeout) {
    const t = readStruct(proc.mem, timeout, archOf(proc).s.timespec);
    if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1e9) return -E.EINVAL;
    ns = BigInt(Math.trunc(t.tv_sec)) * 1000000000n + BigInt(t.tv_nsec);
  }
  const st = proc.sys.sig;
  let masked = false;
  if (sigmask) {
    if (sigsetsize !== nsig(proc) / 8) return -E.EINVAL;
    st.savedMask = proc.sigmask;
    proc.sigmask = readSigset(proc, sigmask) & ~unblockable(archOf(proc));
    masked = true;
  }
  const scan = (): number | undefined => {
    let n = 0;
    for (const e of ep.all()) {
      if (n >= max) break;
      const r = ep.pending(e);
      if (!r) continue;
      const at = events + n * EVENT_SIZE;
      proc.mem.write32(at, r);
      proc.mem.write64(at + DATA_OFF, e.data);
      n++;
      if (e.events & EPOLLONESHOT) e.disabled = true;
      if (e.events & EPOLLET) e.armed = false;
    }
    return n ? n : undefined;
  };
  const files = () => [...ep.all()].map((e) => e.file);
  const done = (v: number) => {
    if (masked && v !== -E.EINTR && st.savedMask !== undefined) {
      proc.sigmask = st.savedMask;
      st.savedMask = undefined;
    }
    return v;
  };
  const r = waitReady(proc, files, scan, ns, () => 0);
  return typeof r === 'number' ? done(r) : r.then(done);
};

export const epollSyscalls: SyscallDef[] = [
  sys('epoll_create1', ['hex'], epollCreate1),
  sys('epoll_create', ['int'], (p, [size]) => ((size | 0) <= 0 ? -E.EINVAL : epollCreate1(p, [0]))),
  sys('epoll_ctl', ['fd', 'int', 'fd', 'ptr'], epollCtl),
  sys('epoll_wait', ['fd', 'ptr', 'int', 'int'], (p, [ep, ev, max, t]) => epollPwait('ms')(p, [ep, ev, max, t, 0, 0])),
  sys('epoll_pwait', ['fd', 'ptr', 'int', 'int', 'ptr', 'uint'], epollPwait('ms')),
  sys('epoll_pwait2', ['fd', 'ptr', 'int', 'ptr', 'ptr', 'uint'], epollPwait('ts')),
];
