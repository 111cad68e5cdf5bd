/**
 * Waiting for I/O: poll, ppoll, select (arm's _newselect), pselect6, and the wait they
 * share with epoll (waitReady). Readiness comes from each open file's Readiness
 * (ready-files.ts); a wait subscribes to every file and to signal arrival, never blocking
 * Node. A signal the (temporary) mask lets through ends the wait with EINTR; these calls
 * are never restarted (SA_RESTART does not apply to them, as on Linux). The time left is
 * written back to the timeout, as Linux does.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import type { OpenFile } from './fdtable.js';
import { type Layout, readField, readStruct, readWord, writeField, writeStruct } from '../layout.js';
import { POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLPRI, POLLRDNORM, POLLWRNORM } from './ready.js';
import { readinessOf } from './ready-files.js';
import { nsig, readSigset, unblockable } from '../signal/deliver.js';
import { interrupted } from '../restart.js';

const NS = 1000000000n;
const now = () => process.hrtime.bigint();

/** Readiness bits of `f` with the *NORM twins Linux reports next to POLLIN/POLLOUT. */
export function pollBits(f: OpenFile): number {
  let r = readinessOf(f).poll();
  if (r & POLLIN) r |= POLLRDNORM;
  if (r & POLLOUT) r |= POLLWRNORM;
  return r;
}

/**
 * Scan now; when nothing is ready, wait until `scan` finds something (checked whenever one
 * of `files` or a signal may have changed), the timeout passes (`timedOut`), or a signal
 * the current mask lets through is pending (-EINTR). timeoutNs undefined = forever.
 */
export function waitReady(
  proc: Process, files: () => OpenFile[], scan: () => number | undefined, timeoutNs: bigint | undefined, timedOut: () => number,
): number | Promise<number> {
  const first = scan();
  if (first !== undefined) return first;
  if (interrupted(proc)) return -E.EINTR;
  if (timeoutNs === 0n) return timedOut();
  const sigWaiters = proc.sys.sig.waiters;
  return new Promise((resolve) => {
    let unsubs: Array<() => void> = [];
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (v: number) => {
      if (finished) return;
      finished = true;
      for (const u of unsubs) u();
      sigWaiters.delete(check);
      if (timer) clearTimeout(timer);
      resolve(v);
    };
    const subscribe = () => {
      for (const u of unsubs) u();
      unsubs = files().map((f) => readinessOf(f).subscribe(() => queueMicrotask(check)));
    };
    function check(): void {
      if (finished) return;
      const r = scan();
      if (r !== undefined) finish(r);
      else if (interrupted(proc)) finish(-E.EINTR);
      else subscribe();
    }
    sigWaiters.add(check);
    if (timeoutNs !== undefined) timer = setTimeout(() => { const r = scan(); finish(r ?? timedOut()); }, Math.ceil(Number(timeoutNs) / 1e6));
    subscribe();
  });
}

/** A timeout struct -> ns (undefined for a NULL pointer), or -EINVAL. */
function readTimeout(proc: Process, addr: number, l: Layout, unit: 'ns' | 'us'): bigint | undefined | number {
  if (!addr) return undefined;
  const t = readStruct(proc.mem, addr, l);
  const sub = unit === 'ns' ? t.tv_nsec : t.tv_usec;
  if (t.tv_sec < 0 || sub < 0 || sub >= (unit === 'ns' ? 1e9 : 1e6)) return -E.EINVAL;
  return BigInt(Math.trunc(t.tv_sec)) * NS + BigInt(sub) * (unit === 'ns' ? 1n : 1000n);
}

/** Write the time left until `deadline` back to the timeout struct. */
function writeLeft(proc: Process, addr: number, l: Layout, unit: 'ns' | 'us', deadline: bigint): void {
  let left = deadline - now();
  if (left < 0n) left = 0n;
  try {
    writeStruct(proc.mem, addr, l, unit === 'ns'
      ? { tv_sec: left / NS, tv_nsec: left % NS }
      : { tv_sec: left / NS, tv_usec: (left % NS) / 1000n });
  } catch { /* the kernel ignores a timeout it cannot write back */ }
}

/**
 * Apply a ppoll/pselect6 mask for the wait. A wait that ends by EINTR leaves the old mask
 * to deliverPending (the handler's frame saves it); any other result restores it at once.
 */
function withMask(proc: Process, mask: bigint | undefined, r: number | Promise<number>): number | Promise<number> {
  if (mask === undefined) return r;
  const st = proc.sys.sig;
  const done = (v: number) => {
    if (v !== -E.EINTR && st.savedMask !== undefined) {
      proc.sigmask = st.savedMask;
      st.savedMask = undefined;
    }
    return v;
  };
  return typeof r === 'number' ? done(r) : r.then(done);
}

function setMask(proc: Process, mask: bigint): void {
  proc.sys.sig.savedMask = proc.sigmask;
  proc.sigmask = mask & ~unblockable(archOf(proc));
}

// ---- poll / ppoll ----------------------------------------------------------------------

function doPoll(proc: Process, fdsAddr: number, nfds: number, timeoutNs: bigint | undefined, after?: (deadline: bigint) => void, mask?: bigint): number | Promise<number> {
  nfds >>>= 0;
  if (nfds > proc.fds.limit) return -E.EINVAL;
  const l = archOf(proc).s.pollfd;
  const entries: Array<{ fd: number; events: number; file?: OpenFile }> = [];
  for (let i = 0; i < nfds; i++) {
    const at = fdsAddr + i * l.size;
    const fd = readField(proc.mem, at, l.fields.fd);
    entries.push({ fd, events: readField(proc.mem, at, l.fields.events) & 0xffff, file: fd >= 0 ? proc.fds.get(fd) : undefined });
  }
  const deadline = timeoutNs === undefined ? 0n : now() + timeoutNs;
  const revents = new Array<number>(nfds).fill(0);
  const scan = (): number | undefined => {
    let n = 0;
    entries.forEach((e, i) => {
      let r = 0;
      if (e.fd >= 0) r = e.file ? pollBits(e.file) & (e.events | POLLERR | POLLHUP) : POLLNVAL;
      revents[i] = r;
      if (r) n++;
    });
    return n ? n : undefined;
  };
  const finish = (r: number): number => {
    if (r >= 0) entries.forEach((_, i) => writeField(proc.mem, fdsAddr + i * l.size, l.fields.revents, r > 0 ? revents[i] : 0));
    if (after && timeoutNs !== undefined) after(deadline);
    return r;
  };
  if (mask !== undefined) setMask(proc, mask);
  const files = () => entries.flatMap((e) => (e.file ? [e.file] : []));
  const r = waitReady(proc, files, scan, timeoutNs, () => 0);
  return withMask(proc, mask, typeof r === 'number' ? finish(r) : r.then(finish));
}

function poll(proc: Process, [fds, nfds, timeout]: number[]): number | Promise<number> {
  timeout |= 0;
  return doPoll(proc, fds, nfds, timeout < 0 ? undefined : BigInt(timeout) * 1000000n);
}

const ppoll = (ts: string) => (proc: Process, [fds, nfds, tsp, sigmask, sigsetsize]: number[]): number | Promise<number> => {
  const l = archOf(proc).s[ts];
  const t = readTimeout(proc, tsp, l, 'ns');
  if (typeof t === 'number') return t;
  let mask: bigint | undefined;
  if (sigmask) {
    if (sigsetsize !== nsig(proc) / 8) return -E.EINVAL;
    mask = readSigset(proc, sigmask);
  }
  return doPoll(proc, fds, nfds, t, (deadline) => writeLeft(proc, tsp, l, 'ns', deadline), mask);
};

// ---- select / pselect6 -------------------------------------------------------------------

function doSelect(proc: Process, nfds: number, sets: number[], timeoutNs: bigint | undefined, after?: (deadline: bigint) => void, mask?: bigint): number | Promise<number> {
  nfds |= 0;
  if (nfds < 0) return -E.EINVAL;
  if (nfds > proc.fds.limit) nfds = proc.fds.limit;
  const w = archOf(proc).wordSize;
  // fd_set: an array of longs in guest byte order; bit fd%(8w) of long fd/(8w)
  const bytes = Math.ceil(nfds / (8 * w)) * w;
  const le = proc.mem.littleEndian;
  const byteOf = (fd: number) => (le ? fd >> 3 : Math.floor(fd / (8 * w)) * w + (w - 1 - ((fd % (8 * w)) >> 3)));
  // what the guest asked for, per set: [fd, file] pairs
  const want: Array<Array<[number, OpenFile]>> = [[], [], []];
  for (let s = 0; s < 3; s++) {
    if (!sets[s]) continue;
    const set = proc.mem.readBytes(sets[s], bytes);
    for (let fd = 0; fd < nfds; fd++) {
      if (!(set[byteOf(fd)] & (1 << (fd & 7)))) continue;
      const f = proc.fds.get(fd);
      if (!f) return -E.EBADF;
      want[s].push([fd, f]);
    }
  }
  const MASKS = [POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI];
  let got: number[][] = [[], [], []];
  const scan = (): number | undefined => {
    got = want.map((list, s) => list.filter(([, f]) => pollBits(f) & MASKS[s]).map(([fd]) => fd));
    const n = got[0].length + got[1].length + got[2].length;
    return n ? n : undefined;
  };
  const deadline = timeoutNs === undefined ? 0n : now() + timeoutNs;
  const finish = (r: number): number => {
    if (r >= 0) {
      for (let s = 0; s < 3; s++) {
        if (!sets[s]) continue;
        const out = new Uint8Array(bytes);
        if (r > 0) for (const fd of got[s]) out[byteOf(fd)] |= 1 << (fd & 7);
        proc.mem.writeBytes(sets[s], out);
      }
    }
    if (after && timeoutNs !== undefined) after(deadline);
    return r;
  };
  if (mask !== undefined) setMask(proc, mask);
  const files = () => want.flatMap((list) => list.map(([, f]) => f));
  const r = waitReady(proc, files, scan, timeoutNs, () => 0);
  return withMask(proc, mask, typeof r === 'number' ? finish(r) : r.then(finish));
}

function select(proc: Process, [nfds, r, wr, ex, tv]: number[]): number | Promise<number> {
  const l = archOf(proc).s.timeval;
  const t = readTimeout(proc, tv, l, 'us');
  if (typeof t === 'number') return t;
  return doSelect(proc, nfds, [r, wr, ex], t, (deadline) => writeLeft(proc, tv, l, 'us', deadline));
}

const pselect6 = (ts: string) => (proc: Process, [nfds, r, wr, ex, tsp, sig]: number[]): number | Promise<number> => {
  const a = archOf(proc);
  const l = a.s[ts];
  const t = readTimeout(proc, tsp, l, 'ns');
  if (typeof t === 'number') return t;
  let mask: bigint | undefined;
  if (sig) {
    // { const sigset_t *ss; size_t ss_len; }
    const ss = readWord(proc.mem, sig, a.wordSize);
    const len = readWord(proc.mem, sig + a.wordSize, a.wordSize);
    if (ss) {
      if (len !== nsig(proc) / 8) return -E.EINVAL;
      mask = readSigset(proc, ss);
    }
  }
  return doSelect(proc, nfds, [r, wr, ex], t, (deadline) => writeLeft(proc, tsp, l, 'ns', deadline), mask);
};

/** pause (arm; glibc elsewhere uses ppoll): wait for a signal that runs a handler or kills */
function pause(proc: Process): number | Promise<number> {
  return waitReady(proc, () => [], () => undefined, undefined, () => 0);
}

export const pollSyscalls: SyscallDef[] = [
  sys('pause', [], pause),
  sys('poll', ['ptr', 'uint', 'int'], poll),
  sys('ppoll', ['ptr', 'uint', 'ptr', 'ptr', 'uint'], ppoll('old_timespec')),
  sys('ppoll_time64', ['ptr', 'uint', 'ptr', 'ptr', 'uint'], ppoll('timespec')),
  sys('_newselect', ['int', 'ptr', 'ptr', 'ptr', 'ptr'], select),
  sys('pselect6', ['int', 'ptr', 'ptr', 'ptr', 'ptr', 'ptr'], pselect6('old_timespec')),
  sys('pselect6_time64', ['int', 'ptr', 'ptr', 'ptr', 'ptr', 'ptr'], pselect6('timespec')),
];
