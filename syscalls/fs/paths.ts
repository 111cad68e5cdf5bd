/**
 * Guest paths -> host paths. Absolute paths are looked up under the sysroot first (when it
 * is set and the path exists there), else used as they are — what qemu-user's -L does.
 * Relative paths resolve against proc.cwd or a directory fd. /proc/self/... is ours.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { GuestFault } from '../../src/core/memory/flat.js';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { E } from '../errno.js';

export const PATH_MAX = 4096;

/** Read a guest path (NUL-terminated). Throws GuestFault (-> EFAULT); -ENAMETOOLONG when too long. */
export function readPath(proc: Process, addr: number): string | number {
  try {
    return proc.mem.readCString(addr, PATH_MAX);
  } catch (e) {
    if (e instanceof GuestFault && e.addr >= addr + PATH_MAX - 1) return -E.ENAMETOOLONG;
    throw e;
  }
}

/** Host path for an absolute guest path. */
export function sysrootPath(proc: Process, p: string): string {
  if (proc.sysroot && p.startsWith('/')) {
    const q = nodePath.join(proc.sysroot, p);
    if (fs.lstatSync(q, { throwIfNoEntry: false })) return q;
  }
  return p;
}

/** The part after /proc/self/ (or /proc/<our pid>/), or undefined for other paths. */
export function procSelf(proc: Process, p: string): string | undefined {
  const m = /^\/proc\/(self|\d+)\/(.*)$/.exec(nodePath.posix.normalize(p));
  if (!m || (m[1] !== 'self' && Number(m[1]) !== proc.pid)) return undefined;
  return m[2];
}

/**
 * Host path for guest path `p` relative to `dirfd` (AT_FDCWD or a directory fd);
 * a negative errno when dirfd is bad. An empty `p` is the caller's business (AT_EMPTY_PATH).
 */
export function resolveAt(proc: Process, dirfd: number, p: string): string | number {
  if (p.startsWith('/')) return procSelfHost(proc, p) ?? sysrootPath(proc, p);
  if ((dirfd | 0) === archOf(proc).c.AT_FDCWD) return nodePath.join(proc.cwd, p);
  const f = proc.fds.get(dirfd | 0);
  if (!f) return -E.EBADF;
  if (f.kind !== 'dir') return -E.ENOTDIR;
  const q = nodePath.join(f.path, p);
  return (q.startsWith('/proc/') && procSelfHost(proc, q)) || q;
}

/**
 * Host path for the parts of /proc/self that describe guest state Node's own /proc/self
 * would get wrong: fd/N (-> the host fd behind guest fd N) and cwd (-> the guest's cwd).
 * undefined for everything else; -ENOENT for a guest fd that is not open or has no host fd.
 */
export function procSelfHost(proc: Process, p: string): string | number | undefined {
  const self = procSelf(proc, p);
  if (self === undefined) return undefined;
  const fd = /^fd\/(\d+)(\/.*)?$/.exec(self);
  if (fd) {
    const f = proc.fds.get(Number(fd[1]));
    if (!f || f.hostFd < 0) return -E.ENOENT;
    return `/proc/self/fd/${f.hostFd}${fd[2] ?? ''}`;
  }
  if (self === 'cwd' || self.startsWith('cwd/')) return proc.cwd + self.slice(3);
  return undefined;
}

/** Whether host directory `dir` is our /proc/self/fd (listed from the guest's fd table). */
export function isProcFdDir(proc: Process, dir: string): boolean {
  return procSelf(proc, dir) === 'fd';
}

/** readPath + resolveAt: the usual first two steps of a path syscall. */
export function pathArg(proc: Process, dirfd: number, addr: number): string | number {
  const p = readPath(proc, addr);
  if (typeof p === 'number') return p;
  if (p === '') return -E.ENOENT;
  return resolveAt(proc, dirfd, p);
}
