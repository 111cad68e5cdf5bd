/**
 * Guest file descriptors: guest fd -> open file description. Several fds may share one
 * description (dup, fork later); its host fd is closed when the last one goes. Kinds:
 *   host  a host file/device/tty (host fd; offset tracked here unless `pos` is null)
 *   dir   a directory (host fd for fstat, entries listed on first getdents64)
 *   pipe  one end of an in-process pipe (pipe2), see Pipe
 *   mem   a synthetic read-only file (/proc/self/auxv, ...) held in memory
 *   special  an object with its own read/write (eventfd, epoll), see SpecialFile
 */
import * as fs from 'node:fs';
import type { Readiness } from './ready.js';
import type { Process } from '../../src/linux/process.js';
import { E } from '../errno.js';

export type FileKind = 'host' | 'dir' | 'pipe' | 'mem' | 'special';

/** An open file that is an object of ours (eventfd, epoll instance): its own read and write. */
export interface SpecialFile {
  /** what readlink /proc/self/fd/N shows, e.g. anon_inode:[eventfd] */
  readonly name: string;
  /** read(2) into buf: count, -errno, or a Promise when it must wait */
  read?(buf: Uint8Array, nonblock: boolean): number | Promise<number>;
  /**
   * Instead of read: one attempt that never waits (count, -errno, or undefined when it
   * would block); io.ts then waits on OpenFile.ready, interruptibly by signals (restart.ts).
   * `reader`: the process reading (a signalfd reads the signals of whoever reads it).
   */
  readNow?(buf: Uint8Array, reader?: Process): number | undefined;
  /** write(2) from buf: count or -errno */
  write?(buf: Uint8Array, nonblock: boolean): number;
  /** the last reference is gone */
  release?(): void;
  /** st_mode fstat shows (sockets: S_IFSOCK|0777); default an anonymous inode, 0600 */
  statMode?(c: Record<string, number>): number;
  /** bytes FIONREAD reports (sockets); default 0 */
  bytesReady?(): number;
}

export interface DirEntry {
  name: string;
  ino: bigint;
  /** DT_* value */
  type: number;
}

/** bytes of one pipe buffer (a page) and of an atomic write (PIPE_BUF) */
export const PIPE_PAGE = 4096;
/** F_SETPIPE_SZ's limit without CAP_SYS_RESOURCE (/proc/sys/fs/pipe-max-size) */
const PIPE_MAX_SIZE = 1048576;

interface PipeBuffer {
  data: Uint8Array;
  off: number;
  len: number;
}

/**
 * An in-process pipe, modelled on Linux's: a ring of page-sized buffers (16 by default: 64
 * KiB). A write first tops up the last buffer when its odd tail (length mod 4096) fits there,
 * then fills fresh pages while a slot is free; a read empties buffers from the front and frees
 * a slot only when one is drained. So a write of up to PIPE_BUF bytes is atomic (it lands in
 * one buffer), the pipe is "full" (no POLLOUT, writers wait) when every slot is in use, and
 * F_SETPIPE_SZ counts slots — the same numbers Linux gives.
 */
export class Pipe {
  constructor(
    /** shown as pipe:[id] by readlink /proc/self/fd/N */
    readonly id = 0,
  ) {}
  private bufs: PipeBuffer[] = [];
  /** bytes queued */
  size = 0;
  readers = 0;
  writers = 0;
  /** number of page slots (F_SETPIPE_SZ) */
  slots = 16;
  /** callbacks waiting for data, for room, or for the other end to go (one-shot) */
  waiters: Array<() => void> = [];

  get capacity(): number { return this.slots * PIPE_PAGE; }
  /** every slot holds a buffer: writers wait, POLLOUT is off */
  get full(): boolean { return this.bufs.length >= this.slots; }

  /**
   * One pass of Linux's pipe_write over `src`: the bytes it takes now (possibly 0).
   * `start`: the first pass of a write(2) call, the only one that may merge into the last
   * buffer (and only the length's odd part, so a <= PIPE_BUF write is never split).
   */
  write(src: Uint8Array, start: boolean): number {
    let n = 0;
    const odd = src.length & (PIPE_PAGE - 1);
    const last = this.bufs[this.bufs.length - 1];
    if (start && odd && last && last.off + last.len + odd <= PIPE_PAGE) {
      last.data.set(src.subarray(0, odd), last.off + last.len);
      last.len += odd;
      n = odd;
    }
    while (n < src.length && !this.full) n += this.page(src.subarray(n));
    this.size += n;
    if (n) this.wake();
    return n;
  }

  private page(src: Uint8Array): number {
    const k = Math.min(PIPE_PAGE, src.length);
    const data = new Uint8Array(PIPE_PAGE);
    data.set(src.subarray(0, k));
    this.bufs.push({ data, off: 0, len: k });
    return k;
  }

  /** Queue all of `b` whatever the room (bytes a host program bridged into the pipe sends). */
  push(b: Uint8Array): void {
    for (let n = 0; n < b.length;) n += this.page(b.subarray(n));
    this.size += b.length;
    this.wake();
  }

  /** Move up to dst.length bytes into dst; returns the count. */
  take(dst: Uint8Array): number {
    let n = 0;
    while (n < dst.length && this.bufs.length) {
      const b = this.bufs[0];
      const k = Math.min(b.len, dst.length - n);
      dst.set(b.data.subarray(b.off, b.off + k), n);
      n += k;
      b.off += k;
      b.len -= k;
      if (b.len === 0) this.bufs.shift();
    }
    this.size -= n;
    if (n) this.wake(); // writers waiting for room
    return n;
  }

  /** F_SETPIPE_SZ: the new capacity in bytes (a power-of-two number of pages), or -errno. */
  resize(bytes: number, privileged: boolean): number {
    if (bytes <= 0 || bytes > 2 ** 31) return -E.EINVAL;
    if (bytes > PIPE_MAX_SIZE && !privileged) return -E.EPERM;
    let pages = 1;
    while (pages * PIPE_PAGE < bytes) pages *= 2;
    if (pages < this.bufs.length) return -E.EBUSY;
    this.slots = pages;
    this.wake();
    return this.capacity;
  }

  wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

export class OpenFile {
  /** fds (in any table) that refer to this description */
  refs = 0;
  /** file offset kept here; null when the host kernel keeps it (inherited stdio, ttys, fifos) */
  pos: number | null = 0;
  /** directory listing for getdents64, taken on first use, and the next index */
  dirList?: DirEntry[];
  dirPos = 0;
  pipe?: Pipe;
  /** the object behind a 'special' file */
  special?: SpecialFile;
  /** contents of a mem file */
  data?: Uint8Array;
  /** close hostFd when the last reference goes (false for the inherited stdio fds) */
  ownsHostFd = true;
  /** "dev:ino" of a host file, once asked for (shared mappings find their file by it) */
  fileKey?: string;
  /** readiness for poll/select/epoll (pipes, eventfds, sockets...); see ready.ts */
  ready?: Readiness;

  constructor(
    public kind: FileKind,
    /** host fd, or -1 (pipes, mem files) */
    public hostFd: number,
    /** guest O_* status flags, access mode included */
    public flags: number,
    /** host path ('' when unknown) */
    public path: string,
    /** guest path as the guest named it (for /proc/self/fd readlink) */
    public guestPath = path,
  ) {}

  get readable(): boolean { return (this.flags & 3) !== 1; }
  get writable(): boolean { return (this.flags & 3) !== 0; }
}

export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

export class FdTable {
  private slots: Array<FdEntry | undefined> = [];
  /** RLIMIT_NOFILE soft limit */
  limit = 1024;

  constructor() {
    for (let fd = 0; fd < 3; fd++) {
      const f = new OpenFile('host', fd, 2 /* O_RDWR */, '', `/dev/fd/${fd}`);
      f.pos = null;
      f.ownsHostFd = false;
      this.install(fd, f, false);
    }
  }

  get(fd: number): OpenFile | undefined {
    return fd >= 0 ? this.slots[fd]?.file : undefined;
  }
  entry(fd: number): FdEntry | undefined {
    return fd >= 0 ? this.slots[fd] : undefined;
  }

  /** Lowest free fd >= min for `file`; -1 when the table is full (EMFILE). */
  alloc(file: OpenFile, cloexec: boolean, min = 0): number {
    for (let fd = min; fd < this.limit; fd++) {
      if (!this.slots[fd]) {
        this.install(fd, file, cloexec);
        return fd;
      }
    }
    return -1;
  }

  /** Put `file` at `fd`, closing whatever was there. */
  install(fd: number, file: OpenFile, cloexec: boolean): void {
    if (this.slots[fd]) this.close(fd);
    file.refs++;
    if (file.pipe && file.refs === 1) {
      if (file.readable) file.pipe.readers++;
      else file.pipe.writers++;
    }
    this.slots[fd] = { file, cloexec };
  }

  /** Close a guest fd; false when it was not open (EBADF). */
  close(fd: number): boolean {
    const e = this.entry(fd);
    if (!e) return false;
    this.slots[fd] = undefined;
    releaseFile(e.file);
    return true;
  }

  /** Open fds in increasing order. */
  *fds(): Generator<number> {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd]) yield fd;
  }
}

/** Drop one reference to `f` (an fd or a mapping); the last one closes it. */
export function releaseFile(f: OpenFile): void {
  if (--f.refs > 0) return;
  if (f.pipe) {
    if (f.readable) f.pipe.readers--;
    else f.pipe.writers--;
    f.pipe.wake();
  }
  f.special?.release?.();
  if (f.hostFd >= 0 && f.ownsHostFd) {
    try { fs.closeSync(f.hostFd); } catch { /* already gone */ }
  }
}
