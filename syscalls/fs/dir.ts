/**
 * Directories and names: getdents64, mkdirat, unlinkat, renameat(2), symlinkat, linkat,
 * getcwd, chdir, fchdir, and the legacy forms that delegate to them.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import type { DirEntry, OpenFile } from './fdtable.js';
import { writeField } from '../layout.js';
import { isProcFdDir, pathArg, procSelf, readPath } from './paths.js';
import { taskIds } from './procfs.js';

function direntType(proc: Process, d: fs.Dirent): number {
  const c = archOf(proc).c;
  if (d.isFile()) return c.DT_REG;
  if (d.isDirectory()) return c.DT_DIR;
  if (d.isSymbolicLink()) return c.DT_LNK;
  if (d.isFIFO()) return c.DT_FIFO;
  if (d.isSocket()) return c.DT_SOCK;
  if (d.isCharacterDevice()) return c.DT_CHR;
  if (d.isBlockDevice()) return c.DT_BLK;
  return c.DT_UNKNOWN;
}

function inode(p: string): bigint {
  return fs.lstatSync(p, { bigint: true, throwIfNoEntry: false })?.ino ?? 1n;
}

/** The directory's entries, "." and ".." first, as getdents64 returns them. */
function listDir(proc: Process, f: OpenFile): DirEntry[] {
  const DT_DIR = archOf(proc).c.DT_DIR;
  const out: DirEntry[] = [
    { name: '.', ino: inode(f.path), type: DT_DIR },
    { name: '..', ino: inode(nodePath.dirname(f.path)), type: DT_DIR },
  ];
  if (isProcFdDir(proc, f.path)) {
    // the guest's fds, not Node's
    for (const fd of proc.fds.fds()) out.push({ name: String(fd), ino: BigInt(1000 + fd), type: archOf(proc).c.DT_LNK });
    return out;
  }
  if (procSelf(proc, f.path) === 'task') {
    // the guest's threads, not Node's
    for (const tid of taskIds(proc)) out.push({ name: String(tid), ino: BigInt(tid), type: DT_DIR });
    return out;
  }
  // the host filesystem's own order, as the kernel returns it (readdirSync would sort the names)
  const dir = fs.opendirSync(f.path);
  try {
    for (let d = dir.readSync(); d; d = dir.readSync()) {
      out.push({ name: d.name, ino: inode(nodePath.join(f.path, d.name)), type: direntType(proc, d) });
    }
  } finally {
    dir.closeSync();
  }
  return out;
}

function getdents64(proc: Process, [fd, dirp, count]: number[]): number {
  const f = proc.fds.get(fd | 0);
  if (!f) return -E.EBADF;
  if (f.kind !== 'dir') return -E.ENOTDIR;
  const l = archOf(proc).s.linux_dirent64;
  const nameOff = l.fields.d_name.off;
  f.dirList ??= listDir(proc, f);
  let used = 0;
  while (f.dirPos < f.dirList.length) {
    const e = f.dirList[f.dirPos];
    const name = Buffer.from(e.name, 'utf8');
    const reclen = (nameOff + name.length + 1 + 7) & ~7;
    if (used + reclen > (count >>> 0)) {
      if (used === 0) return -E.EINVAL;
      break;
    }
    const rec = dirp + used;
    const bytes = new Uint8Array(reclen);
    bytes.set(name, nameOff);
    proc.mem.writeBytes(rec, bytes);
    writeField(proc.mem, rec, l.fields.d_ino, e.ino);
    writeField(proc.mem, rec, l.fields.d_off, f.dirPos + 1);
    writeField(proc.mem, rec, l.fields.d_reclen, reclen);
    writeField(proc.mem, rec, l.fields.d_type, e.type);
    used += reclen;
    f.dirPos++;
  }
  return used;
}

function mkdirat(proc: Process, [dirfd, pathAddr, mode]: number[]): number {
  const host = pathArg(proc, dirfd, pathAddr);
  if (typeof host === 'number') return host;
  fs.mkdirSync(host, { mode: mode & 0o7777 & ~proc.umask });
  return 0;
}

function unlinkat(proc: Process, [dirfd, pathAddr, flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~c.AT_REMOVEDIR) return -E.EINVAL;
  const host = pathArg(proc, dirfd, pathAddr);
  if (typeof host === 'number') return host;
  if (flags & c.AT_REMOVEDIR) fs.rmdirSync(host);
  else fs.unlinkSync(host);
  return 0;
}

function renameat2(proc: Process, [olddir, oldAddr, newdir, newAddr, flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~(c.RENAME_NOREPLACE | c.RENAME_EXCHANGE | c.RENAME_WHITEOUT)) return -E.EINVAL;
  if (flags & (c.RENAME_EXCHANGE | c.RENAME_WHITEOUT)) return -E.EINVAL;
  const from = pathArg(proc, olddir, oldAddr);
  if (typeof from === 'number') return from;
  const to = pathArg(proc, newdir, newAddr);
  if (typeof to === 'number') return to;
  if (flags & c.RENAME_NOREPLACE && fs.lstatSync(to, { throwIfNoEntry: false })) return -E.EEXIST;
  fs.renameSync(from, to);
  return 0;
}

function symlinkat(proc: Process, [targetAddr, dirfd, linkAddr]: number[]): number {
  const target = readPath(proc, targetAddr);
  if (typeof target === 'number') return target;
  if (target === '') return -E.ENOENT;
  const host = pathArg(proc, dirfd, linkAddr);
  if (typeof host === 'number') return host;
  fs.symlinkSync(target, host);
  return 0;
}

function linkat(proc: Process, [olddir, oldAddr, newdir, newAddr, flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~(c.AT_SYMLINK_FOLLOW | c.AT_EMPTY_PATH)) return -E.EINVAL;
  let from = pathArg(proc, olddir, oldAddr);
  if (typeof from === 'number') return from;
  const to = pathArg(proc, newdir, newAddr);
  if (typeof to === 'number') return to;
  if (flags & c.AT_SYMLINK_FOLLOW) from = fs.realpathSync(from);
  fs.linkSync(from, to);
  return 0;
}

function getcwd(proc: Process, [buf, size]: number[]): number {
  const b = Buffer.from(proc.cwd + '\0', 'utf8');
  if ((size >>> 0) < b.length) return -E.ERANGE;
  proc.mem.writeBytes(buf, b);
  return b.length;
}

function chdirTo(proc: Process, host: string): number {
  const st = fs.statSync(host);
  if (!st.isDirectory()) return -E.ENOTDIR;
  fs.accessSync(host, fs.constants.X_OK);
  proc.cwd = fs.realpathSync(host);
  return 0;
}

function chdir(proc: Process, [pathAddr]: number[]): number {
  const host = pathArg(proc, archOf(proc).c.AT_FDCWD, pathAddr);
  return typeof host === 'number' ? host : chdirTo(proc, host);
}

function fchdir(proc: Process, [fd]: number[]): number {
  const f = proc.fds.get(fd | 0);
  if (!f) return -E.EBADF;
  if (f.kind !== 'dir') return -E.ENOTDIR;
  return chdirTo(proc, f.path);
}

const cwdfd = (p: Process) => archOf(p).c.AT_FDCWD;

export const fsDirSyscalls: SyscallDef[] = [
  sys('getdents64', ['fd', 'buf', 'int'], getdents64),
  sys('mkdirat', ['dirfd', 'path', 'octal'], mkdirat),
  sys('unlinkat', ['dirfd', 'path', 'unlinkflags'], unlinkat),
  sys('renameat', ['dirfd', 'path', 'dirfd', 'path'], (p, [a, b, c, d]) => renameat2(p, [a, b, c, d, 0])),
  sys('renameat2', undefined, renameat2),
  sys('symlinkat', ['path', 'dirfd', 'path'], symlinkat),
  sys('linkat', ['dirfd', 'path', 'dirfd', 'path', 'atflags'], linkat),
  sys('getcwd', ['buf', 'int'], getcwd),
  sys('chdir', ['path'], chdir),
  sys('fchdir', ['fd'], fchdir),
  // legacy forms
  sys('mkdir', ['path', 'octal'], (p, [path, mode]) => mkdirat(p, [cwdfd(p), path, mode])),
  sys('rmdir', ['path'], (p, [path]) => unlinkat(p, [cwdfd(p), path, archOf(p).c.AT_REMOVEDIR])),
  sys('unlink', ['path'], (p, [path]) => unlinkat(p, [cwdfd(p), path, 0])),
  sys('rename', ['path', 'path'], (p, [a, b]) => renameat2(p, [cwdfd(p), a, cwdfd(p), b, 0])),
  sys('symlink', ['path', 'path'], (p, [a, b]) => symlinkat(p, [a, cwdfd(p), b])),
  sys('link', ['path', 'path'], (p, [a, b]) => linkat(p, [cwdfd(p), a, cwdfd(p), b, 0])),
];
