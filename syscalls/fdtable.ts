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
   */
  readNow?(buf: Uint8Array): number | undefined;
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

/** An in-process pipe: a byte queue with reader and writer counts. */
export class Pipe {
  constructor(
    /** shown as pipe:[id] by readlink /proc/self/fd/N */
    readonly id = 0,
  ) {}
  chunks: Uint8Array[] = [];
  size = 0;
  readers = 0;
  writers = 0;
  capacity = 65536;
  /** callbacks waiting for data or for the last writer to go */
  waiters: Array<() => void> = [];

  push(b: Uint8Array): void {
    this.chunks.push(b.slice());
    this.size += b.length;
    this.wake();
  }
  /** Move up to dst.length bytes into dst; returns the count. */
  take(dst: Uint8Array): number {
    let n = 0;
    while (n < dst.length && this.chunks.length) {
      const c = this.chunks[0];
      const k = Math.min(c.length, dst.length - n);
      dst.set(c.subarray(0, k), n);
      n += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.size -= n;
    return n;
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
