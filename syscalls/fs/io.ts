/**
 * Moving bytes through open files: the primitives read/write/readv/... build on.
 * Host fds are used synchronously; EAGAIN from a host fd Node made non-blocking is retried
 * (writes) or waited for asynchronously (reads, unless the guest asked for O_NONBLOCK).
 */
import * as fs from 'node:fs';
import { PAGE_SIZE } from '../../src/core/memory/flat.js';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { E, errnoFromException } from '../errno.js';
import type { OpenFile } from './fdtable.js';
import { afterFileChange, beforeFileAccess, mappedKey } from '../mm/shared-map.js';
import { brokenPipe } from '../signal/sigaction.js';
import { hostStreamOf, readinessOf } from './ready-files.js';
import { blockingWait, ERESTARTSYS } from '../restart.js';
import { postSignal } from '../signal/wait.js';

/** Block this (host) thread for `ms` milliseconds without spinning. */
export function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const isAgain = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'EAGAIN' || (e as NodeJS.ErrnoException)?.code === 'EWOULDBLOCK';

/** Poll `attempt` until it stops answering EAGAIN (undefined), yielding to the event loop. */
function retryLater(attempt: () => number | undefined): Promise<number> {
  return new Promise((resolve) => {
    const tick = () => {
      let r: number | undefined;
      try { r = attempt(); } catch (e) { r = errnoFromException(e); }
      if (r === undefined) setTimeout(tick, 5);
      else resolve(r);
    };
    setTimeout(tick, 5);
  });
}

/**
 * Read into `buf` from `f` at `at` (pread) or at the file's offset (at = null).
 * Returns the byte count, -errno, or a Promise of either when the read must wait.
 */
export function readFile(proc: Process, f: OpenFile, buf: Uint8Array, at: number | null): number | Promise<number> {
  if (!f.readable) return -E.EBADF;
  if (buf.length === 0 && f.kind !== 'dir') return 0;
  const nonblock = (f.flags & archOf(proc).c.O_NONBLOCK) !== 0;
  switch (f.kind) {
    case 'dir':
      return -E.EISDIR;
    case 'mem': {
      const data = f.data ?? new Uint8Array(0);
      const pos = at ?? f.pos ?? 0;
      const n = Math.max(0, Math.min(buf.length, data.length - pos));
      buf.set(data.subarray(pos, pos + n));
      if (at === null) f.pos = pos + n;
      return n;
    }
    case 'pipe': {
      if (at !== null) return -E.ESPIPE;
      const p = f.pipe!;
      const take = (): number | undefined => (p.size > 0 ? p.take(buf) : p.writers === 0 ? 0 : undefined);
      if (nonblock) return take() ?? -E.EAGAIN;
      return blockingWait(proc, take, (cb) => readinessOf(f).subscribe(cb));
    }
    case 'special': {
      const sp = f.special!;
      if (!sp.readNow) return sp.read ? sp.read(buf, nonblock) : -E.EINVAL;
      const attempt = (): number | undefined => sp.readNow!(buf, proc);
      if (nonblock) return attempt() ?? -E.EAGAIN;
      return blockingWait(proc, attempt, (cb) => readinessOf(f).subscribe(cb));
    }
    case 'host': {
      // ttys, FIFOs, sockets: read asynchronously so a waiting guest never blocks Node
      const stream = at === null ? hostStreamOf(f) : undefined;
      if (stream) {
        if (nonblock) return stream.tryRead(buf) ?? -E.EAGAIN;
        return blockingWait(proc, () => stream.tryRead(buf), (cb) => stream.subscribe(cb));
      }
      beforeFileAccess(proc, f); // what shared mappings of the file hold must be read
      const pos = at ?? f.pos;
      const attempt = (): number | undefined => {
        try {
          const n = fs.readSync(f.hostFd, buf, 0, buf.length, pos);
          if (at === null && f.pos !== null) f.pos += n;
          return n;
        } catch (e) {
          if (isAgain(e)) return undefined;
          throw e;
        }
      };
      const r = attempt();
      if (r !== undefined) return r;
      return nonblock ? -E.EAGAIN : retryLater(attempt);
    }
  }
}

/**
 * Write `buf` to `f` at `at` (pwrite) or the file's offset. Returns count or -errno, or a
 * Promise of either when a pipe is full and the write must wait for a reader.
 */
export function writeFile(proc: Process, f: OpenFile, buf: Uint8Array, at: number | null): number | Promise<number> {
  if (!f.writable) return -E.EBADF;
  const a = archOf(proc);
  switch (f.kind) {
    case 'dir':
      return -E.EISDIR;
    case 'mem':
      return -E.EBADF;
    case 'special': {
      const r = f.special!.write ? f.special!.write(buf, (f.flags & a.c.O_NONBLOCK) !== 0) : -E.EINVAL;
      return r === -E.EPIPE ? brokenPipe(proc) : r; // a socket whose peer is gone: SIGPIPE, as for pipes
    }
    case 'pipe':
      if (at !== null) return -E.ESPIPE;
      return pipeWrite(proc, f, buf, (f.flags & a.c.O_NONBLOCK) !== 0);
    case 'host': {
      const nonblock = (f.flags & a.c.O_NONBLOCK) !== 0;
      const append = (f.flags & a.c.O_APPEND) !== 0 && at === null;
      // a file with shared mappings: they are written back first and see the new bytes after
      const mapped = mappedKey(proc, f);
      let start = 0;
      if (mapped !== undefined) {
        beforeFileAccess(proc, f);
        start = at ?? (append ? fs.fstatSync(f.hostFd).size : f.pos ?? 0);
      }
      const done = writeHost(proc, f, buf, at, append, nonblock);
      if (mapped !== undefined && done > 0) afterFileChange(proc, mapped, start, f.pos === null && at === null ? Infinity : done);
      return done;
    }
  }
}

/**
 * write(2) to an in-process pipe, as Linux's pipe_write: bytes go in while a slot is free
 * (Pipe.write); a blocking write waits for room until all is written, a non-blocking one
 * returns what fit or EAGAIN. No reader left: SIGPIPE, and EPIPE unless some bytes went in.
 * A signal ends a waiting write with the count so far, or -ERESTARTSYS when nothing was
 * written (restarted with SA_RESTART, else EINTR: restart.ts).
 */
function pipeWrite(proc: Process, f: OpenFile, buf: Uint8Array, nonblock: boolean): number | Promise<number> {
  const p = f.pipe!;
  if (buf.length === 0) return 0;
  let done = 0;
  let start = true;
  let waited = false;
  const attempt = (): number | undefined => {
    if (p.readers === 0) {
      // SIGPIPE: raised in the caller's context on the first pass, posted to the process
      // (the thread may not be the one switched in) once the write has waited
      const c = archOf(proc).c;
      if (!waited) brokenPipe(proc);
      else postSignal(proc, c.SIGPIPE, { signo: c.SIGPIPE, code: c.SI_USER ?? 0, pid: proc.pid, uid: process.getuid?.() ?? 0, shared: true });
      return done || -E.EPIPE;
    }
    done += p.write(buf.subarray(done), start);
    start = false;
    if (done === buf.length) return done;
    if (nonblock) return done || -E.EAGAIN;
    waited = true;
    return undefined;
  };
  const r = blockingWait(proc, attempt, (cb) => readinessOf(f).subscribe(cb));
  if (typeof r === 'number') return r === -ERESTARTSYS && done > 0 ? done : r;
  return r.then((v) => (v === -ERESTARTSYS && done > 0 ? done : v));
}

/** write(2) to a host fd: retries short writes, EAGAIN on a blocking fd, SIGPIPE on EPIPE. */
function writeHost(proc: Process, f: OpenFile, buf: Uint8Array, at: number | null, append: boolean, nonblock: boolean): number {
  let done = 0;
  while (done < buf.length || buf.length === 0) {
    try {
      const pos = at !== null ? at + done : append || f.pos === null ? null : f.pos;
      const n = fs.writeSync(f.hostFd, buf, done, buf.length - done, pos);
      done += n;
      if (at === null && f.pos !== null) f.pos = append ? fs.fstatSync(f.hostFd).size : f.pos + n;
      if (buf.length === 0) break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (isAgain(e)) {
        if (nonblock) return done || -E.EAGAIN;
        sleepSync(1);
        continue;
      }
      if (code === 'EPIPE') return done || brokenPipe(proc);
      if (done) return done;
      throw e;
    }
  }
  return done;
}

/** The open file for guest fd `fd`, or -EBADF. */
export function fileOf(proc: Process, fd: number): OpenFile | number {
  return proc.fds.get(fd | 0) ?? -E.EBADF;
}

/** Largest Linux read/write count. */
export const MAX_RW = 0x7ffff000;

/**
 * A view on guest memory [addr, addr+len) for a read (prot PROT_W) or write (PROT_R):
 * cut short at the first inaccessible page, as the kernel copies up to a fault; -EFAULT
 * when not even the first byte is accessible.
 */
export function guestBuf(proc: Process, addr: number, len: number, prot: number): Uint8Array | number {
  len = Math.min(Math.max(len, 0), MAX_RW);
  const mem = proc.mem;
  if (len === 0) return new Uint8Array(0);
  if (addr < 0 || addr >= 2 ** 32) return -E.EFAULT;
  if (addr + len > 2 ** 32) len = 2 ** 32 - addr;
  let ok = 0;
  for (let p = Math.floor(addr / PAGE_SIZE); ok < len; p++) {
    if ((mem.perm[p] & prot) !== prot) break;
    ok = Math.min(len, (p + 1) * PAGE_SIZE - addr);
  }
  if (ok === 0) return -E.EFAULT;
  mem.check(addr, ok, prot); // marks code pages written
  return mem.u8.subarray(addr, addr + ok);
}
