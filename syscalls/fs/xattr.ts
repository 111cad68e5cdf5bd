/**
 * Extended attributes. Node has no xattr API, so polyemu presents every file as having no
 * extended attributes and a filesystem that refuses new ones: the get/remove calls answer
 * ENODATA (what Linux says for an attribute a file does not have), the list calls an empty
 * list, the set calls EOPNOTSUPP. The file itself is still looked up first, so a missing path
 * is ENOENT and a bad fd EBADF, as the kernel checks them before the attribute. `ls -l`
 * (coreutils asks for ACLs and SELinux labels) then shows no `+`/`.` marker, like on a host
 * file without attributes.
 */
import * as fs from 'node:fs';
import type { Process } from '../../src/linux/process.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { readPath, resolveAt } from './paths.js';
import { archOf } from '../arch.js';

const XATTR_NAME_MAX = 255;

/** 0 when the path (following symlinks or not) names a file, else -errno. */
function lookPath(proc: Process, addr: number, follow: boolean): number {
  const p = readPath(proc, addr);
  if (typeof p === 'number') return p;
  if (p === '') return -E.ENOENT;
  const host = resolveAt(proc, archOf(proc).c.AT_FDCWD, p);
  if (typeof host === 'number') return host;
  if (follow) fs.statSync(host);
  else fs.lstatSync(host);
  return 0;
}

function lookFd(proc: Process, fd: number): number {
  return proc.fds.get(fd | 0) ? 0 : -E.EBADF;
}

/** the attribute name must be readable, non-empty and at most XATTR_NAME_MAX bytes */
function checkName(proc: Process, addr: number): number {
  const name = proc.mem.readCString(addr, XATTR_NAME_MAX + 2);
  if (name === '' || Buffer.byteLength(name) > XATTR_NAME_MAX) return -E.ERANGE;
  return 0;
}

type Target = (proc: Process, a: number) => number;
const byPath = (follow: boolean): Target => (proc, a) => lookPath(proc, a, follow);
const targets: Array<[string, Target, 'path' | 'fd']> = [['', byPath(true), 'path'], ['l', byPath(false), 'path'], ['f', lookFd, 'fd']];

export const xattrSyscalls: SyscallDef[] = targets.flatMap(([pre, look, kind]) => [
  sys(`${pre}getxattr`, [kind, 'path', 'buf', 'uint'], (p, [t, name]) => look(p, t) || checkName(p, name) || -E.ENODATA),
  sys(`${pre}listxattr`, [kind, 'buf', 'uint'], (p, [t]) => look(p, t) || 0),
  sys(`${pre}setxattr`, [kind, 'path', 'buf', 'uint', 'hex'], (p, [t, name]) => look(p, t) || checkName(p, name) || -E.EOPNOTSUPP),
  sys(`${pre}removexattr`, [kind, 'path'], (p, [t, name]) => look(p, t) || checkName(p, name) || -E.ENODATA),
]);
