/**
 * File descriptors and data: open/openat/close, read/write and their vector/positional
 * forms, lseek, dup*, fcntl, pipe2, ftruncate/truncate, fsync, sendfile/copy_file_range.
 * Metadata lives in fs-meta.ts, directories and names in fs-dir.ts, ioctl in tty.ts.
 */
import * as fs from 'node:fs';
import type { Process } from '../../src/linux/process.js';
import { PROT_R, PROT_W } from '../../src/core/memory/flat.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { OpenFile, Pipe } from './fdtable.js';
import { fileOf, guestBuf, MAX_RW, readFile, writeFile } from './io.js';
import { readField, writeField } from '../layout.js';
import { procSelf, readPath, resolveAt } from './paths.js';
import { procFile, procGlobalFile } from './procfs.js';
import { afterFileChange, beforeFileAccess, beforePathAccess, fileKey, mappedKey } from '../mm/shared-map.js';
import { fmtArg, fmtOflags, quotePath } from '../strace.js';
import { hostStreamOf } from './ready-files.js';

/** Linux's O_PATH and O_TMPFILE on the host (Node does not export them; 0 elsewhere). */
const HOST_O_PATH = process.platform === 'linux' ? 0o10000000 : 0;
const HOST_O_TMPFILE = process.platform === 'linux' ? 0o20000000 | fs.constants.O_DIRECTORY : 0;

function hostOpenFlags(proc: Process, flags: number): number {
  const c = archOf(proc).c;
  let h = flags & 3;
  for (const [g, hb] of archOf(proc).openFlags) if (flags & g) h |= hb;
  if (flags & (c.O_PATH ?? 0)) h = HOST_O_PATH | (h & ~3 & (fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW));
  if (c.O_TMPFILE && (flags & c.O_TMPFILE) === c.O_TMPFILE) h |= HOST_O_TMPFILE;
  return h;
}

/** Open host path `host` for the guest; returns the new guest fd or -errno. */
export function openHost(proc: Process, host: string, guestPath: string, flags: number, mode: number): number {
  const c = archOf(proc).c;
  if (c.O_TMPFILE && (flags & c.O_TMPFILE) === c.O_TMPFILE && !HOST_O_TMPFILE) return -E.EOPNOTSUPP;
  const creat = (flags & c.O_CREAT) !== 0;
  const existed = creat && fs.lstatSync(host, { throwIfNoEntry: false }) !== undefined;
  const hostFd = fs.openSync(host, hostOpenFlags(proc, flags), mode & 0o7777 & ~proc.umask);
  if (creat && !existed) {
    try { fs.fchmodSync(hostFd, mode & 0o7777 & ~proc.umask); } catch { /* as the host allows */ }
  }
  const st = fs.fstatSync(hostFd);
  const keep = flags & ~(c.O_CREAT | c.O_EXCL | c.O_NOCTTY | c.O_TRUNC | c.O_CLOEXEC);
  const f = new OpenFile(st.isDirectory() ? 'dir' : 'host', hostFd, keep, host, guestPath);
  if (c.O_TMPFILE && (flags & c.O_TMPFILE) === c.O_TMPFILE) {
    // an unnamed file in directory `host` (readlink shows "dir/#ino (deleted)", as Linux does)
    f.path = '';
    f.guestPath = `${guestPath.replace(/\/+$/, '')}/#${st.ino} (deleted)`;
  }
  f.pos = st.isFile() || st.isBlockDevice() || st.isDirectory() ? 0 : null;
  if (flags & c.O_TRUNC && proc.sys.sharedMaps.length && st.isFile()) afterFileChange(proc, fileKey(f), 0, Infinity);
  return installFile(proc, f, (flags & c.O_CLOEXEC) !== 0);
}

/** Give `f` the lowest free fd; -EMFILE (closing f) when the table is full. */
export function installFile(proc: Process, f: OpenFile, cloexec: boolean, min = 0): number {
  const fd = proc.fds.alloc(f, cloexec, min);
  if (fd < 0) {
    if (f.refs === 0 && f.hostFd >= 0 && f.ownsHostFd) fs.closeSync(f.hostFd);
    return -E.EMFILE;
  }
  return fd;
}

export function openat(proc: Process, [dirfd, pathAddr, flags, mode]: number[]): number {
  const p = readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  if (p === '') return -E.ENOENT;
  const self = p.startsWith('/') ? procSelf(proc, p) : undefined;
  if (self !== undefined) {
    if (self === 'exe') return openHost(proc, proc.hostExePath, proc.exePath, flags, mode);
    const m = /^fd\/(\d+)$/.exec(self);
    const of = m ? proc.fds.get(Number(m[1])) : undefined;
    if (of && (of.kind === 'pipe' || of.kind === 'mem')) {
      // reopening a pipe or a synthetic file: a new description on the same object
      const c = archOf(proc).c;
      const f = new OpenFile(of.kind, -1, flags & (3 | c.O_NONBLOCK), '', of.guestPath);
      f.pipe = of.pipe;
      f.data = of.data;
      f.pos = of.kind === 'pipe' ? null : 0;
      if (of.kind === 'mem' && (flags & 3) !== 0) return -E.EACCES;
      return installFile(proc, f, (flags & c.O_CLOEXEC) !== 0);
    }
    const data = procFile(proc, self);
    if (data) {
      if ((flags & 3) !== 0) return -E.EACCES;
      const f = new OpenFile('mem', -1, flags & 3, '', p);
      f.data = data;
      return installFile(proc, f, (flags & archOf(proc).c.O_CLOEXEC) !== 0);
    }
  }
  const global = p.startsWith('/proc/') ? procGlobalFile(proc, p) : undefined; // /proc/cpuinfo
  if (global) {
    if ((flags & 3) !== 0) return -E.EACCES;
    const f = new OpenFile('mem', -1, flags & 3, '', p);
    f.data = global;
    return installFile(proc, f, (flags & archOf(proc).c.O_CLOEXEC) !== 0);
  }
  const host = resolveAt(proc, dirfd, p);
  if (typeof host === 'number') return host;
  return openHost(proc, host, p, flags, mode);
}

function close(proc: Process, [fd]: number[]): number {
  return proc.fds.close(fd | 0) ? 0 : -E.EBADF;
}

function closeRange(proc: Process, [first, last, flags]: number[]): number {
  first >>>= 0;
  last >>>= 0;
  if (first > last || flags & ~6) return -E.EINVAL;
  for (const fd of [...proc.fds.fds()]) {
    if (fd < first || fd > last) continue;
    if (flags & 4) proc.fds.entry(fd)!.cloexec = true;
    else proc.fds.close(fd);
  }
  return 0;
}

function read(proc: Process, [fd, buf, count]: number[]): number | Promise<number> {
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  const b = guestBuf(proc, buf, count, PROT_W);
  return typeof b === 'number' ? b : readFile(proc, f, b, null);
}

function write(proc: Process, [fd, buf, count]: number[]): number | Promise<number> {
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  const b = guestBuf(proc, buf, count, PROT_R);
  return typeof b === 'number' ? b : writeFile(proc, f, b, null);
}

function offsetArg(off: number): number | null {
  return off < 0 ? null : off;
}

function pread64(proc: Process, [fd, buf, count, off]: number[]): number | Promise<number> {
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  if (offsetArg(off) === null) return -E.EINVAL;
  if (f.kind === 'pipe' || (f.kind === 'host' && f.pos === null)) return -E.ESPIPE;
  const b = guestBuf(proc, buf, count, PROT_W);
  return typeof b === 'number' ? b : readFile(proc, f, b, off);
}

function pwrite64(proc: Process, [fd, buf, count, off]: number[]): number | Promise<number> {
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  if (offsetArg(off) === null) return -E.EINVAL;
  if (f.kind === 'pipe' || (f.kind === 'host' && f.pos === null)) return -E.ESPIPE;
  const b = guestBuf(proc, buf, count, PROT_R);
  return typeof b === 'number' ? b : writeFile(proc, f, b, off);
}

/** The iovec array as [addr, len] pairs; -EINVAL/-EFAULT. */
function iovecs(proc: Process, iov: number, cnt: number): Array<[number, number]> | number {
  if (cnt < 0 || cnt > 1024) return -E.EINVAL;
  const l = archOf(proc).s.iovec;
  const out: Array<[number, number]> = [];
  let total = 0;
  for (let i = 0; i < cnt; i++) {
    const a = iov + i * l.size;
    const len = readField(proc.mem, a, l.fields.iov_len);
    if (len < 0 || (total += len) > 2 ** 53) return -E.EINVAL;
    out.push([readField(proc.mem, a, l.fields.iov_base), len]);
  }
  return out;
}

function readvAt(proc: Process, [fd, iov, cnt]: number[], at: number | null): number | Promise<number> {
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  const v = iovecs(proc, iov, cnt);
  if (typeof v === 'number') return v;
  let total = 0;
  for (const [base, len] of v) {
    if (len === 0) continue;
    const b = guestBuf(proc, base, Math.min(len, MAX_RW - total), PROT_W);
    if (typeof b === 'number') return total || b;
    const r = readFile(proc, f, b, at === null ? null : at + total);
    if (typeof r !== 'number') {
      if (total) return total; // would block: return what we have
      return r;
    }
    if (r < 0) return total || r;
    total += r;
    if (r < b.length) break;
  }
  return total;
}

function writevAt(proc: Process, [fd, iov, cnt]: number[], at: number | null): number | Promise<number> {
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  const v = iovecs(proc, iov, cnt);
  if (typeof v === 'number') return v;
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const [base, len] of v) {
    if (len === 0) continue;
    const b = guestBuf(proc, base, Math.min(len, MAX_RW - total), PROT_R);
    if (typeof b === 'number') {
      if (!total) return b;
      break;
    }
    parts.push(b);
    total += b.length;
    if (b.length < len) break;
  }
  return writeFile(proc, f, Buffer.concat(parts, total), at);
}

/** The host kernel's offset of a host fd we let it keep (Linux: /proc/self/fdinfo). */
function hostOffset(hostFd: number): number | undefined {
  try {
    const m = /^pos:\s*(\d+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${hostFd}`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export function lseek(proc: Process, [fd, off, whence]: number[]): number {
  const c = archOf(proc).c;
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  if (f.kind === 'pipe') return -E.ESPIPE;
  if (f.kind === 'host' && f.pos === null) {
    const st = fs.fstatSync(f.hostFd);
    const cur = st.isFile() ? hostOffset(f.hostFd) : undefined;
    if (cur === undefined) return -E.ESPIPE;
    // a query (tell: SEEK_CUR by 0) leaves the offset with the host kernel, where writes keep
    // advancing it for everyone sharing the file (a shell's `(echo a; prog; echo b) > file`)
    if (whence === c.SEEK_CUR && off === 0) return cur;
    f.pos = cur; // a real seek: from now on we keep the offset
  }
  if (f.kind === 'dir') {
    if (whence !== c.SEEK_SET || off < 0) return -E.EINVAL;
    f.dirPos = off;
    if (off === 0) f.dirList = undefined;
    return off;
  }
  const size = () => (f.kind === 'mem' ? f.data!.length : fs.fstatSync(f.hostFd).size);
  let pos: number;
  if (whence === c.SEEK_SET) pos = off;
  else if (whence === c.SEEK_CUR) pos = (f.pos ?? 0) + off;
  else if (whence === c.SEEK_END) pos = size() + off;
  else if (whence === c.SEEK_DATA || whence === c.SEEK_HOLE) {
    const s = size();
    if (off < 0 || off >= s) return -E.ENXIO;
    pos = whence === c.SEEK_DATA ? off : s;
  } else return -E.EINVAL;
  if (pos < 0) return -E.EINVAL;
  f.pos = pos;
  return pos;
}

function dup(proc: Process, [fd]: number[]): number {
  const f = fileOf(proc, fd);
  return typeof f === 'number' ? f : installFile(proc, f, false);
}

export function dup3(proc: Process, [oldfd, newfd, flags]: number[]): number {
  const c = archOf(proc).c;
  const f = fileOf(proc, oldfd);
  if (typeof f === 'number') return f;
  if ((oldfd | 0) === (newfd | 0)) return -E.EINVAL;
  if (flags & ~c.O_CLOEXEC) return -E.EINVAL;
  if (newfd < 0 || newfd >= proc.fds.limit) return -E.EBADF;
  proc.fds.install(newfd | 0, f, (flags & c.O_CLOEXEC) !== 0);
  return newfd | 0;
}

function dup2(proc: Process, [oldfd, newfd]: number[]): number {
  if ((oldfd | 0) === (newfd | 0)) return proc.fds.get(oldfd | 0) ? newfd | 0 : -E.EBADF;
  return dup3(proc, [oldfd, newfd, 0]);
}

function fcntl(proc: Process, [fd, cmd, arg]: number[]): number {
  const a = archOf(proc);
  const c = a.c;
  const e = proc.fds.entry(fd | 0);
  if (!e) return -E.EBADF;
  const f = e.file;
  switch (cmd) {
    case c.F_DUPFD:
    case c.F_DUPFD_CLOEXEC:
      if (arg < 0 || arg >= proc.fds.limit) return -E.EINVAL;
      return installFile(proc, f, cmd === c.F_DUPFD_CLOEXEC, arg);
    case c.F_GETFD:
      return e.cloexec ? c.FD_CLOEXEC : 0;
    case c.F_SETFD:
      e.cloexec = (arg & c.FD_CLOEXEC) !== 0;
      return 0;
    case c.F_GETFL:
      return f.flags;
    case c.F_SETFL: {
      const changeable = c.O_APPEND | c.O_NONBLOCK | c.FASYNC | c.O_DIRECT | c.O_NOATIME;
      f.flags = (f.flags & ~changeable) | (arg & changeable);
      return 0;
    }
    case c.F_GETLK:
    case c.F_OFD_GETLK:
    case c.F_GETLK64: {
      const l = cmd === c.F_GETLK64 && a.s.flock64 ? a.s.flock64 : a.s.flock;
      writeField(proc.mem, arg, l.fields.l_type, c.F_UNLCK);
      return 0;
    }
    case c.F_SETLK: case c.F_SETLKW: case c.F_OFD_SETLK: case c.F_OFD_SETLKW:
    case c.F_SETLK64: case c.F_SETLKW64:
      return 0; // one process: every lock is granted
    case c.F_GETOWN:
      return 0;
    case c.F_SETOWN: case c.F_SETSIG: case c.F_NOTIFY:
      return 0;
    case c.F_GETSIG:
      return 0;
    case c.F_GETPIPE_SZ:
      return f.pipe ? f.pipe.capacity : -E.EBADF;
    case c.F_SETPIPE_SZ:
      if (!f.pipe) return -E.EBADF;
      return f.pipe.resize(arg >>> 0, process.getuid?.() === 0);
    default:
      return -E.EINVAL;
  }
}

function pipe2(proc: Process, [fdsAddr, flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~(c.O_CLOEXEC | c.O_NONBLOCK | c.O_DIRECT)) return -E.EINVAL;
  proc.mem.check(fdsAddr, 8, PROT_W);
  const p = new Pipe(proc.sys.nextPipeId++);
  const keep = flags & c.O_NONBLOCK;
  const r = new OpenFile('pipe', -1, c.O_RDONLY | keep, '', 'pipe:');
  const w = new OpenFile('pipe', -1, c.O_WRONLY | keep, '', 'pipe:');
  r.pipe = w.pipe = p;
  r.pos = w.pos = null;
  const cloexec = (flags & c.O_CLOEXEC) !== 0;
  const rfd = installFile(proc, r, cloexec);
  if (rfd < 0) return rfd;
  const wfd = installFile(proc, w, cloexec);
  if (wfd < 0) {
    proc.fds.close(rfd);
    return wfd;
  }
  proc.mem.write32(fdsAddr, rfd);
  proc.mem.write32(fdsAddr + 4, wfd);
  return 0;
}

function ftruncate(proc: Process, [fd, len]: number[]): number {
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  if (len < 0) return -E.EINVAL;
  if (f.kind !== 'host' || !f.writable) return f.kind === 'dir' ? -E.EISDIR : -E.EINVAL;
  const mapped = mappedKey(proc, f);
  if (mapped !== undefined) beforeFileAccess(proc, f);
  fs.ftruncateSync(f.hostFd, len);
  afterFileChange(proc, mapped, Math.min(len, 2 ** 53), Infinity);
  return 0;
}

function truncate(proc: Process, [pathAddr, len]: number[]): number {
  const p = readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  const host = resolveAt(proc, archOf(proc).c.AT_FDCWD, p);
  if (typeof host === 'number') return host;
  if (len < 0) return -E.EINVAL;
  const mapped = beforePathAccess(proc, host);
  fs.truncateSync(host, len);
  afterFileChange(proc, mapped, len, Infinity);
  return 0;
}

function fsyncAny(proc: Process, [fd]: number[], data: boolean): number {
  const f = fileOf(proc, fd);
  if (typeof f === 'number') return f;
  if (f.kind === 'pipe' || f.kind === 'mem') return -E.EINVAL;
  beforeFileAccess(proc, f);
  if (data) fs.fdatasyncSync(f.hostFd);
  else fs.fsyncSync(f.hostFd);
  return 0;
}

/** Copy up to `count` bytes from `src` (at *offAddr when given) to `dst`. */
function copyBetween(proc: Process, dstFd: number, srcFd: number, offAddr: number, count: number): number {
  const src = fileOf(proc, srcFd);
  if (typeof src === 'number') return src;
  const dst = fileOf(proc, dstFd);
  if (typeof dst === 'number') return dst;
  if (src.kind === 'dir' || dst.kind === 'dir') return -E.EISDIR;
  // the source must be a file the kernel can read at an offset: not a pipe, socket or tty
  if (src.kind === 'pipe' || src.kind === 'special' || hostStreamOf(src)) return -E.EINVAL;
  const wordSize = archOf(proc).wordSize;
  let at: number | null = null;
  if (offAddr) at = wordSize === 8 ? Number(proc.mem.read64(offAddr)) : proc.mem.read32(offAddr);
  const buf = new Uint8Array(Math.min(count, 1 << 20, MAX_RW));
  let total = 0;
  while (total < count) {
    const want = buf.subarray(0, Math.min(buf.length, count - total));
    const n = readFile(proc, src, want, at === null ? null : at + total);
    if (typeof n !== 'number') break; // would wait: stop here
    if (n < 0) return total || n;
    if (n === 0) break;
    const w = writeFile(proc, dst, want.subarray(0, n), null);
    if (typeof w !== 'number') {
      // a full pipe: these bytes go in as room appears; the call reports them and stops
      total += n;
      break;
    }
    if (w < 0) return total || w;
    total += w;
    if (w < n) break;
  }
  if (offAddr && at !== null) {
    if (wordSize === 8) proc.mem.write64(offAddr, BigInt(at + total));
    else proc.mem.write32(offAddr, at + total);
  }
  return total;
}

export const fsSyscalls: SyscallDef[] = [
  sys('openat', ['dirfd', 'path', 'oflags', 'octal'], openat, {
    show: (proc, a) => {
      const c = archOf(proc).c;
      const withMode = (a[2] & c.O_CREAT) !== 0; // as qemu shows it (not for O_TMPFILE)
      return `${a[0] === c.AT_FDCWD ? 'AT_FDCWD' : a[0]},${quotePath(proc, a[1])},${fmtOflags(a[2], archOf(proc))}${withMode ? ',0' + (a[3] >>> 0).toString(8) : ''}`;
    },
  }),
  sys('close', ['fd'], close),
  sys('close_range', ['uint', 'uint', 'hex'], closeRange),
  sys('read', ['fd', 'buf', 'int'], read),
  sys('write', ['fd', 'buf', 'int'], write),
  sys('pread64', undefined, pread64),
  sys('pwrite64', undefined, pwrite64),
  sys('readv', ['fd', 'buf', 'int'], (p, a) => readvAt(p, a, null)),
  sys('writev', ['fd', 'buf', 'int'], (p, a) => writevAt(p, a, null)),
  sys('preadv', undefined, (p, a) => (a[3] < 0 ? -E.EINVAL : readvAt(p, a, a[3]))),
  sys('pwritev', undefined, (p, a) => (a[3] < 0 ? -E.EINVAL : writevAt(p, a, a[3]))),
  sys('lseek', ['fd', 'int', 'whence'], lseek),
  sys('dup', ['fd'], dup),
  sys('dup3', ['fd', 'fd', 'int'], dup3),
  sys('fcntl', ['fd', 'fcntlcmd', 'int'], fcntl, {
    show: (proc, a) => {
      const c = archOf(proc).c;
      const cmd = fmtArg(proc, 'fcntlcmd', a[1]);
      if (a[1] === c.F_GETFD || a[1] === c.F_GETFL || a[1] === c.F_GETOWN) return `${a[0]},${cmd}`;
      if (a[1] === c.F_SETFL) return `${a[0]},${cmd},${fmtOflags(a[2], archOf(proc))}`;
      return `${a[0]},${cmd},${a[2]}`;
    },
  }),
  sys('pipe2', undefined, pipe2),
  sys('ftruncate', ['fd', 'int'], ftruncate),
  sys('truncate', ['path', 'int'], truncate),
  sys('fsync', ['fd'], (p, a) => fsyncAny(p, a, false)),
  sys('fdatasync', ['fd'], (p, a) => fsyncAny(p, a, true)),
  sys('sync', [], () => 0),
  sys('syncfs', ['fd'], (p, [fd]) => (p.fds.get(fd | 0) ? 0 : -E.EBADF)),
  sys('sendfile', undefined, (p, [out, inp, off, count]) => copyBetween(p, out, inp, off, count)),
  sys('copy_file_range', undefined, (p, [inp, offIn, out, offOut, len, flags]) =>
    flags ? -E.EINVAL : offOut ? -E.EINVAL /* unsupported: callers fall back to read/write */ : copyBetween(p, out, inp, offIn, len)),
  // legacy forms (not on riscv64; other targets' tables name them)
  sys('open', ['path', 'oflags', 'octal'], (p, [path, flags, mode]) => openat(p, [archOf(p).c.AT_FDCWD, path, flags, mode])),
  sys('creat', ['path', 'octal'], (p, [path, mode]) => {
    const c = archOf(p).c;
    return openat(p, [c.AT_FDCWD, path, c.O_CREAT | c.O_WRONLY | c.O_TRUNC, mode]);
  }),
  sys('dup2', ['fd', 'fd'], dup2),
  sys('pipe', undefined, (p, [fds]) => pipe2(p, [fds, 0])),
  sys('fcntl64', ['fd', 'fcntlcmd', 'int'], fcntl),
];

