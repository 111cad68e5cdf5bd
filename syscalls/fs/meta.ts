/**
 * File metadata: the stat family (newfstatat/fstat/statx and legacy forms), statfs,
 * access checks, chmod/chown, utimensat, readlinkat.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import type { OpenFile } from './fdtable.js';
import { type Layout, readStruct, writeStruct } from '../layout.js';
import { procSelf, readPath, resolveAt } from './paths.js';
import { checkNsec, setFileTimes, type TimeReq, type TimesTarget } from './utimens.js';

/** What we know about a file, in the shape of Node's BigIntStats. */
type Stat = Pick<fs.BigIntStats, 'dev' | 'ino' | 'mode' | 'nlink' | 'uid' | 'gid' | 'rdev' | 'size' | 'blksize' | 'blocks' | 'atimeNs' | 'mtimeNs' | 'ctimeNs' | 'birthtimeNs'>;

function syntheticStat(proc: Process, mode: number, size: number): Stat {
  const now = process.hrtime.bigint() + proc.sys.realBaseNs;
  const uid = BigInt(process.getuid?.() ?? 0);
  const gid = BigInt(process.getgid?.() ?? 0);
  return {
    dev: 0n, ino: 0n, mode: BigInt(mode), nlink: 1n, uid, gid, rdev: 0n, size: BigInt(size),
    blksize: 4096n, blocks: 0n, atimeNs: now, mtimeNs: now, ctimeNs: now, birthtimeNs: 0n,
  };
}

/** Stat of an open file (pipes and mem files are synthesized). */
export function statFile(proc: Process, f: OpenFile): Stat {
  const c = archOf(proc).c;
  if (f.kind === 'pipe') return syntheticStat(proc, c.S_IFIFO | 0o600, 0);
  if (f.kind === 'mem') return syntheticStat(proc, c.S_IFREG | 0o444, 0);
  if (f.kind === 'special') return syntheticStat(proc, f.special?.statMode?.(c) ?? 0o600, 0); // default: an anonymous inode, no file type
  return fs.fstatSync(f.hostFd, { bigint: true });
}

/**
 * Stat for (dirfd, pathAddr, flags) as the *at calls take it: AT_EMPTY_PATH with "" means
 * dirfd itself; AT_SYMLINK_NOFOLLOW uses lstat. Returns -errno on failure.
 */
function statAt(proc: Process, dirfd: number, pathAddr: number, flags: number): Stat | number {
  const c = archOf(proc).c;
  const p = readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  if (p === '') {
    if (!(flags & c.AT_EMPTY_PATH)) return -E.ENOENT;
    if ((dirfd | 0) === c.AT_FDCWD) return fs.statSync(proc.cwd, { bigint: true });
    const f = proc.fds.get(dirfd | 0);
    return f ? statFile(proc, f) : -E.EBADF;
  }
  const self = p.startsWith('/') ? procSelf(proc, p) : undefined;
  if (self === 'exe' && !(flags & c.AT_SYMLINK_NOFOLLOW)) return fs.statSync(proc.hostExePath, { bigint: true });
  const host = resolveAt(proc, dirfd, p);
  if (typeof host === 'number') return host;
  return flags & c.AT_SYMLINK_NOFOLLOW ? fs.lstatSync(host, { bigint: true }) : fs.statSync(host, { bigint: true });
}

const NS = 1000000000n;

export function writeStat(proc: Process, addr: number, st: Stat, l: Layout = archOf(proc).statStruct): void {
  const t = (ns: bigint) => [ns / NS - (ns % NS < 0n ? 1n : 0n), ((ns % NS) + NS) % NS];
  const [as, an] = t(st.atimeNs);
  const [ms, mn] = t(st.mtimeNs);
  const [cs, cn] = t(st.ctimeNs);
  writeStruct(proc.mem, addr, l, {
    st_dev: st.dev, st_ino: st.ino, st_mode: st.mode, st_nlink: st.nlink, st_uid: st.uid, st_gid: st.gid,
    st_rdev: st.rdev, st_size: st.size, st_blksize: st.blksize, st_blocks: st.blocks,
    st_atime: as, st_atime_nsec: an, st_mtime: ms, st_mtime_nsec: mn, st_ctime: cs, st_ctime_nsec: cn,
  });
}

function newfstatat(proc: Process, [dirfd, pathAddr, buf, flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~(c.AT_SYMLINK_NOFOLLOW | c.AT_EMPTY_PATH | c.AT_NO_AUTOMOUNT)) return -E.EINVAL;
  const st = statAt(proc, dirfd, pathAddr, flags);
  if (typeof st === 'number') return st;
  writeStat(proc, buf, st);
  return 0;
}

function fstat(proc: Process, [fd, buf]: number[]): number {
  const f = proc.fds.get(fd | 0);
  if (!f) return -E.EBADF;
  writeStat(proc, buf, statFile(proc, f));
  return 0;
}

/** Linux dev_t encoding -> major/minor */
const major = (d: bigint) => Number(((d >> 8n) & 0xfffn) | ((d >> 32n) & ~0xfffn));
const minor = (d: bigint) => Number((d & 0xffn) | ((d >> 12n) & ~0xffn));

function statx(proc: Process, [dirfd, pathAddr, flags, mask, buf]: number[]): number {
  const c = archOf(proc).c;
  const l = archOf(proc).s.statx;
  if (flags & ~(c.AT_SYMLINK_NOFOLLOW | c.AT_EMPTY_PATH | c.AT_NO_AUTOMOUNT | c.AT_STATX_SYNC_TYPE)) return -E.EINVAL;
  if ((flags & c.AT_STATX_SYNC_TYPE) === c.AT_STATX_SYNC_TYPE) return -E.EINVAL;
  void mask;
  const st = statAt(proc, dirfd, pathAddr, flags);
  if (typeof st === 'number') return st;
  const sec = (ns: bigint) => ns / NS - (ns % NS < 0n ? 1n : 0n);
  const nsec = (ns: bigint) => ((ns % NS) + NS) % NS;
  const have = c.STATX_BASIC_STATS | (st.birthtimeNs > 0n ? c.STATX_BTIME : 0);
  writeStruct(proc.mem, buf, l, {
    stx_mask: have, stx_blksize: st.blksize, stx_nlink: st.nlink, stx_uid: st.uid, stx_gid: st.gid,
    stx_mode: st.mode, stx_ino: st.ino, stx_size: st.size, stx_blocks: st.blocks,
    'stx_atime.tv_sec': sec(st.atimeNs), 'stx_atime.tv_nsec': nsec(st.atimeNs),
    'stx_btime.tv_sec': sec(st.birthtimeNs), 'stx_btime.tv_nsec': nsec(st.birthtimeNs),
    'stx_ctime.tv_sec': sec(st.ctimeNs), 'stx_ctime.tv_nsec': nsec(st.ctimeNs),
    'stx_mtime.tv_sec': sec(st.mtimeNs), 'stx_mtime.tv_nsec': nsec(st.mtimeNs),
    stx_rdev_major: major(st.rdev), stx_rdev_minor: minor(st.rdev),
    stx_dev_major: major(st.dev), stx_dev_minor: minor(st.dev),
  });
  return 0;
}

export function writeStatfs(proc: Process, host: string, buf: number, l: Layout = archOf(proc).s.statfs): number {
  const s = fs.statfsSync(host, { bigint: true });
  writeStruct(proc.mem, buf, l, {
    f_type: s.type, f_bsize: s.bsize, f_blocks: s.blocks, f_bfree: s.bfree, f_bavail: s.bavail,
    f_files: s.files, f_ffree: s.ffree, f_namelen: 255, f_frsize: s.bsize,
  });
  return 0;
}

function statfs(proc: Process, [pathAddr, buf]: number[]): number {
  const p = readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  const host = resolveAt(proc, archOf(proc).c.AT_FDCWD, p);
  return typeof host === 'number' ? host : writeStatfs(proc, host, buf);
}

function fstatfs(proc: Process, [fd, buf]: number[]): number {
  const f = proc.fds.get(fd | 0);
  if (!f) return -E.EBADF;
  return writeStatfs(proc, f.path || os.tmpdir(), buf);
}

/** host path for a path syscall with no AT_EMPTY_PATH support */
function hostAt(proc: Process, dirfd: number, pathAddr: number): string | number {
  const p = readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  if (p === '') return -E.ENOENT;
  if (p.startsWith('/') && procSelf(proc, p) === 'exe') return proc.hostExePath;
  return resolveAt(proc, dirfd, p);
}

function faccessat2(proc: Process, [dirfd, pathAddr, mode, flags]: number[]): number {
  const c = archOf(proc).c;
  if (mode & ~7) return -E.EINVAL;
  if (flags & ~(c.AT_EACCESS | c.AT_SYMLINK_NOFOLLOW | c.AT_EMPTY_PATH)) return -E.EINVAL;
  const host = hostAt(proc, dirfd, pathAddr);
  if (typeof host === 'number') return host;
  fs.accessSync(host, mode);
  return 0;
}

function fchmodat(proc: Process, [dirfd, pathAddr, mode]: number[]): number {
  const host = hostAt(proc, dirfd, pathAddr);
  if (typeof host === 'number') return host;
  fs.chmodSync(host, mode & 0o7777);
  return 0;
}

function fchmod(proc: Process, [fd, mode]: number[]): number {
  const f = proc.fds.get(fd | 0);
  if (!f) return -E.EBADF;
  if (f.hostFd < 0) return -E.EINVAL;
  fs.fchmodSync(f.hostFd, mode & 0o7777);
  return 0;
}

const ugid = (v: number) => ((v >>> 0) === 0xffffffff ? -1 : v >>> 0);

function fchownat(proc: Process, [dirfd, pathAddr, uid, gid, flags]: number[]): number {
  const c = archOf(proc).c;
  const p = readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  if (p === '' && flags & c.AT_EMPTY_PATH) return fchown(proc, [dirfd, uid, gid]);
  const host = hostAt(proc, dirfd, pathAddr);
  if (typeof host === 'number') return host;
  if (flags & c.AT_SYMLINK_NOFOLLOW) fs.lchownSync(host, ugid(uid), ugid(gid));
  else fs.chownSync(host, ugid(uid), ugid(gid));
  return 0;
}

function fchown(proc: Process, [fd, uid, gid]: number[]): number {
  const f = proc.fds.get(fd | 0);
  if (!f) return -E.EBADF;
  if (f.hostFd < 0) return -E.EINVAL;
  fs.fchownSync(f.hostFd, ugid(uid), ugid(gid));
  return 0;
}

/**
 * utimensat with the times as `ts` ('old_timespec': the C library's struct timespec, whose
 * tv_sec is a long; 'timespec': __kernel_timespec, for utimensat_time64). The two are the
 * same struct on 64-bit targets.
 */
export function utimensatWith(ts: 'old_timespec' | 'timespec') {
  return (proc: Process, a: number[]): number => utimensatImpl(proc, a, ts);
}
const utimensat = utimensatWith('old_timespec');

function utimensatImpl(proc: Process, [dirfd, pathAddr, times, flags]: number[], ts: 'old_timespec' | 'timespec'): number {
  const a = archOf(proc);
  const c = a.c;
  if (flags & ~(c.AT_SYMLINK_NOFOLLOW | c.AT_EMPTY_PATH)) return -E.EINVAL;
  let target: TimesTarget;
  const p = pathAddr === 0 ? '' : readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  if (p === '') {
    // futimens (NULL path, a Linux extension) or AT_EMPTY_PATH: dirfd itself
    if (pathAddr !== 0 && !(flags & c.AT_EMPTY_PATH)) return -E.ENOENT;
    if (pathAddr === 0 && (dirfd | 0) === c.AT_FDCWD) return -E.EFAULT;
    const f = proc.fds.get(dirfd | 0);
    if (!f) return -E.EBADF;
    if (f.hostFd < 0) return -E.EINVAL;
    target = { fd: f.hostFd };
  } else {
    const host = hostAt(proc, dirfd, pathAddr);
    if (typeof host === 'number') return host;
    target = { path: host, nofollow: (flags & c.AT_SYMLINK_NOFOLLOW) !== 0 };
  }
  let at: TimeReq = 'now';
  let mt: TimeReq = 'now';
  if (times) {
    const l = a.s[ts];
    const ta = readStruct(proc.mem, times, l);
    const tm = readStruct(proc.mem, times + l.size, l);
    const bad = checkNsec(ta.tv_nsec, c.UTIME_NOW, c.UTIME_OMIT) || checkNsec(tm.tv_nsec, c.UTIME_NOW, c.UTIME_OMIT);
    if (bad) return bad;
    const req = (t: Record<string, number>): TimeReq =>
      t.tv_nsec === c.UTIME_NOW ? 'now' : t.tv_nsec === c.UTIME_OMIT ? 'omit' : BigInt(t.tv_sec) * 1000000000n + BigInt(t.tv_nsec);
    at = req(ta);
    mt = req(tm);
  }
  return setFileTimes(target, at, mt, process.hrtime.bigint() + proc.sys.realBaseNs);
}

function readlinkat(proc: Process, [dirfd, pathAddr, buf, size]: number[]): number {
  if ((size | 0) <= 0) return -E.EINVAL;
  const p = readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  if (p === '') return -E.ENOENT;
  let target: Uint8Array | undefined;
  const self = p.startsWith('/') ? procSelf(proc, p) : undefined;
  if (self === 'exe') target = Buffer.from(proc.exePath);
  else if (self === 'cwd') target = Buffer.from(proc.cwd);
  else if (self?.startsWith('fd/')) {
    const f = proc.fds.get(Number(self.slice(3)));
    if (!f) return -E.ENOENT;
    target = Buffer.from(f.kind === 'pipe' ? `pipe:[${f.pipe!.id}]` : f.special ? f.special.name : f.guestPath || f.path);
  } else {
    const host = resolveAt(proc, dirfd, p);
    if (typeof host === 'number') return host;
    target = fs.readlinkSync(host, { encoding: 'buffer' });
  }
  const n = Math.min(target.length, size >>> 0);
  proc.mem.writeBytes(buf, target.subarray(0, n));
  return n;
}

export const fsMetaSyscalls: SyscallDef[] = [
  sys('newfstatat', ['dirfd', 'path', 'ptr', 'atflags'], newfstatat),
  sys('fstatat64', ['dirfd', 'path', 'ptr', 'atflags'], newfstatat),
  sys('fstat', ['fd', 'ptr'], fstat),
  sys('fstat64', ['fd', 'ptr'], fstat),
  sys('statx', ['dirfd', 'path', 'statxflags', 'statxmask', 'ptr'], statx),
  sys('statfs', ['path', 'ptr'], statfs),
  sys('fstatfs', ['fd', 'ptr'], fstatfs),
  sys('faccessat', ['dirfd', 'path', 'access', 'atflags'], (p, [d, path, mode]) => faccessat2(p, [d, path, mode, 0])),
  sys('faccessat2', ['dirfd', 'path', 'access', 'atflags'], faccessat2),
  sys('fchmodat', ['dirfd', 'path', 'octal', 'hex'], fchmodat),
  sys('fchmod', ['fd', 'octal'], fchmod),
  sys('fchownat', ['dirfd', 'path', 'int', 'int', 'atflags'], fchownat),
  sys('fchown', ['fd', 'int', 'int'], fchown),
  sys('utimensat', ['dirfd', 'path', 'ptr', 'atflags'], utimensat),
  sys('readlinkat', ['dirfd', 'path', 'ptr', 'int'], readlinkat),
  // legacy forms
  sys('stat', ['path', 'ptr'], (p, [path, buf]) => newfstatat(p, [archOf(p).c.AT_FDCWD, path, buf, 0])),
  sys('lstat', ['path', 'ptr'], (p, [path, buf]) => newfstatat(p, [archOf(p).c.AT_FDCWD, path, buf, archOf(p).c.AT_SYMLINK_NOFOLLOW])),
  sys('stat64', ['path', 'ptr'], (p, [path, buf]) => newfstatat(p, [archOf(p).c.AT_FDCWD, path, buf, 0])),
  sys('lstat64', ['path', 'ptr'], (p, [path, buf]) => newfstatat(p, [archOf(p).c.AT_FDCWD, path, buf, archOf(p).c.AT_SYMLINK_NOFOLLOW])),
  sys('access', ['path', 'access'], (p, [path, mode]) => faccessat2(p, [archOf(p).c.AT_FDCWD, path, mode, 0])),
  sys('chmod', ['path', 'octal'], (p, [path, mode]) => fchmodat(p, [archOf(p).c.AT_FDCWD, path, mode])),
  sys('chown', ['path', 'int', 'int'], (p, [path, u, g]) => fchownat(p, [archOf(p).c.AT_FDCWD, path, u, g, 0])),
  sys('lchown', ['path', 'int', 'int'], (p, [path, u, g]) => fchownat(p, [archOf(p).c.AT_FDCWD, path, u, g, archOf(p).c.AT_SYMLINK_NOFOLLOW])),
  sys('readlink', ['path', 'ptr', 'int'], (p, [path, buf, n]) => readlinkat(p, [archOf(p).c.AT_FDCWD, path, buf, n])),
];
