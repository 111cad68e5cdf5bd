/**
 * Readiness (ready.ts) of the kinds of open files the fd table knows: pipes (from the Pipe's
 * queue and its reader/writer counts), host streams (ttys, FIFOs, sockets: HostStream reads
 * them ahead asynchronously, so neither a poll nor a read blocks Node's event loop), and
 * files that are always ready (regular files, directories, /dev/null, synthetic files).
 * A file that brings its own (eventfd, epoll, sockets) sets OpenFile.ready itself.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as tty from 'node:tty';
import { errnoFromException } from '../errno.js';
import type { OpenFile, Pipe } from './fdtable.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, type Readiness, WaitList, alwaysReady } from './ready.js';

/** Subscribe to a Pipe's one-shot waiter list (a cancelled callback is skipped). */
function pipeSubscribe(p: Pipe, cb: () => void): () => void {
  let live = true;
  p.waiters.push(() => { if (live) { live = false; cb(); } });
  return () => { live = false; };
}

/** Readiness of one end of an in-process pipe, as Linux's pipe_poll computes it. */
export function pipeReadiness(f: OpenFile): Readiness {
  const p = f.pipe!;
  return {
    poll(): number {
      if (f.readable) return (p.size > 0 ? POLLIN : 0) | (p.writers === 0 ? POLLHUP : 0);
      // writable while a buffer slot is free (Linux's pipe_full), POLLERR once no one reads
      return (p.full ? 0 : POLLOUT) | (p.readers === 0 ? POLLERR : 0);
    },
    subscribe: (cb) => pipeSubscribe(p, cb),
  };
}

/** bytes HostStream asks the host for at a time */
const CHUNK = 65536;

/**
 * A host fd that can block on read (a tty, a FIFO or pipe, a socket), read ahead into a
 * buffer so that a guest waiting for input never stops the event loop other guests and
 * timers run on. The inherited stdin is read through a libuv stream (net.Socket for pipes
 * and sockets, tty.ReadStream for terminals), paused while the guest has not taken what
 * came: a read blocked in libuv's thread pool would keep polyemu alive after the guest
 * exits (Node joins the pool at exit) until the writer closes the pipe. Fds the guest
 * opened itself (a FIFO by path) use fs.read in the pool, since a stream would own them.
 */
export class HostStream implements Readiness {
  /** bytes read ahead that the guest has not taken yet */
  private buf: Uint8Array | null = null;
  /** the last read-ahead saw end of file (read returns 0 once) */
  private eof = false;
  /** -errno from the last read-ahead */
  private err = 0;
  private reading = false;
  private readonly waiters = new WaitList();
  private stream: net.Socket | undefined;

  constructor(readonly hostFd: number, readonly fifo: boolean, private useStream = false) {}

  /** bytes ready to read without waiting (FIONREAD) */
  get buffered(): number { return this.buf?.length ?? 0; }

  poll(): number {
    if (this.buf || this.eof || this.err) return POLLOUT | POLLIN | (this.eof && this.fifo ? POLLHUP : 0) | (this.err ? POLLERR : 0);
    this.readAhead();
    return POLLOUT;
  }

  subscribe(cb: () => void): () => void {
    this.readAhead();
    return this.waiters.subscribe(cb);
  }

  /** Start an asynchronous read unless one is running or something is already waiting. */
  private readAhead(): void {
    if (this.reading || this.buf || this.eof || this.err) return;
    this.reading = true;
    if (this.useStream) {
      try {
        (this.stream ??= this.openStream()).resume();
        return;
      } catch {
        this.useStream = false; // the host refuses a stream on it: fall back to the pool
      }
    }
    const chunk = Buffer.alloc(CHUNK);
    fs.read(this.hostFd, chunk, 0, CHUNK, null, (e, n) => {
      if (e && ((e as NodeJS.ErrnoException).code === 'EAGAIN' || (e as NodeJS.ErrnoException).code === 'EWOULDBLOCK')) {
        // a host fd someone made non-blocking: try again shortly
        setTimeout(() => { this.reading = false; this.readAhead(); }, 5);
        return;
      }
      this.reading = false;
      if (e) this.err = errnoFromException(e);
      else if (n === 0) this.eof = true;
      else this.buf = new Uint8Array(chunk.buffer, chunk.byteOffset, n);
      this.waiters.wake();
    });
  }

  /** A paused libuv stream on the fd; it never keeps Node alive by itself. */
  private openStream(): net.Socket {
    const s = tty.isatty(this.hostFd)
      ? new tty.ReadStream(this.hostFd)
      : new net.Socket({ fd: this.hostFd, readable: true, writable: false, allowHalfOpen: true });
    s.unref();
    s.on('data', (d: Buffer) => {
      s.pause();
      this.reading = false;
      this.buf = this.buf ? Buffer.concat([this.buf, d]) : new Uint8Array(d.buffer, d.byteOffset, d.length);
      this.waiters.wake();
    });
    s.on('end', () => { this.reading = false; this.eof = true; this.waiters.wake(); });
    s.on('error', (e) => { this.reading = false; this.err = errnoFromException(e); this.waiters.wake(); });
    return s;
  }

  /** Take what is ready: a byte count, 0 at end of file, -errno, or undefined (nothing yet). */
  private take(dst: Uint8Array): number | undefined {
    if (this.buf) {
      const n = Math.min(dst.length, this.buf.length);
      dst.set(this.buf.subarray(0, n));
      this.buf = n === this.buf.length ? null : this.buf.subarray(n);
      return n;
    }
    // a stream that ended stays at end of file (pipes: the writers are gone for good);
    // a pool read may see more later (a terminal's ^D is one-shot)
    if (this.eof) { if (!this.stream) this.eof = false; return 0; }
    if (this.err) { const r = this.err; this.err = 0; return r; }
    return undefined;
  }

  /** read(2) without waiting: bytes, 0 at end of file, -errno, or undefined (nothing yet: read-ahead started) */
  tryRead(dst: Uint8Array): number | undefined {
    const r = this.take(dst);
    if (r === undefined) this.readAhead();
    return r;
  }
}

/** HostStream for a host fd that can block on read, else undefined. */
function hostStreamFor(f: OpenFile): HostStream | undefined {
  if (f.kind !== 'host' || f.hostFd < 0 || !f.readable) return undefined;
  // the inherited stdout/stderr are opened O_RDWR but only written: reading ahead on a
  // terminal there would steal the user's input
  if (!f.ownsHostFd && f.hostFd !== 0) return undefined;
  try {
    const st = fs.fstatSync(f.hostFd);
    if (st.isFIFO() || st.isSocket()) return new HostStream(f.hostFd, true, !f.ownsHostFd);
    if (st.isCharacterDevice() && tty.isatty(f.hostFd)) return new HostStream(f.hostFd, false, !f.ownsHostFd);
  } catch { /* a closed host fd: always ready (reads report the error) */ }
  return undefined;
}

/** The Readiness of `f`, worked out (and kept on f.ready) the first time it is asked. */
export function readinessOf(f: OpenFile): Readiness {
  if (f.ready) return f.ready;
  if (f.kind === 'pipe') f.ready = pipeReadiness(f);
  else f.ready = hostStreamFor(f) ?? alwaysReady(f.readable, f.writable);
  return f.ready;
}

/** The HostStream behind a host fd, if reads from it must not block. */
export function hostStreamOf(f: OpenFile): HostStream | undefined {
  const r = readinessOf(f);
  return r instanceof HostStream ? r : undefined;
}
