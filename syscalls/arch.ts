/**
 * Per-target syscall data, prepared once at load: layouts and constants (generated), the
 * generic -> target errno map, and guest <-> host open-flag translation. Adding a target
 * means generating its syscall-names table (targets/<arch>/linux/) and layouts/ file and adding one line to ARCHS.
 */
import * as fs from 'node:fs';
import type { Process } from '../src/linux/process.js';
import type { ArchData, Layout } from './layout.js';
import { riscv64Arch } from './layouts/riscv64.js';
import { armArch } from './layouts/arm.js';
import { aarch64Arch } from './layouts/aarch64.js';
import { mipselArch } from './layouts/mipsel.js';
import { mipsArch } from './layouts/mips.js';
import { mips64elArch } from './layouts/mips64el.js';
import { x86_64Arch } from './layouts/x86_64.js';
import { i386Arch } from './layouts/i386.js';
import { E } from './tables/errno.js';

export interface Arch extends ArchData {
  /** shorthand for consts */
  c: Record<string, number>;
  s: Record<string, Layout>;
  /** bytes in a guest long/pointer */
  wordSize: number;
  /** generic errno number -> target errno number */
  errno: Int32Array;
  /** target errno number -> generic (for decoding) */
  errnoGeneric: Int32Array;
  /** [guest bit, host bit] pairs for open(2) flags other than the access mode */
  openFlags: Array<[number, number]>;
  /** signal name by target number, and number by name */
  sigName: Record<number, string>;
  /** the struct used by fstat/newfstatat ('stat', or 'stat64' on 32-bit targets) */
  statStruct: Layout;
}

/** open(2) flags passed on to the host (by name); O_CLOEXEC and O_LARGEFILE are ours. */
const HOST_OPEN_FLAGS = ['O_CREAT', 'O_EXCL', 'O_NOCTTY', 'O_TRUNC', 'O_APPEND', 'O_NONBLOCK', 'O_DSYNC', 'O_DIRECT', 'O_DIRECTORY', 'O_NOFOLLOW', 'O_NOATIME', 'O_SYNC'];

function prepare(d: ArchData): Arch {
  const c = d.consts;
  const errno = new Int32Array(4096);
  const errnoGeneric = new Int32Array(4096);
  for (let i = 0; i < 4096; i++) { errno[i] = i; errnoGeneric[i] = i; }
  for (const [name, gen] of Object.entries(E)) {
    const t = c[name];
    if (t !== undefined) { errno[gen] = t; errnoGeneric[t] = gen; }
  }
  const hostC = fs.constants as unknown as Record<string, number | undefined>;
  const openFlags: Array<[number, number]> = [];
  for (const n of HOST_OPEN_FLAGS) {
    const g = c[n];
    const h = hostC[n];
    if (g !== undefined && h !== undefined) openFlags.push([g, h]);
  }
  const sigName: Record<number, string> = {};
  for (const [n, v] of Object.entries(c)) {
    if (/^SIG[A-Z]+[0-9]*$/.test(n) && !['SIGRTMIN', 'SIGRTMAX', 'SIGSTKSZ', 'SIGIOT', 'SIGPOLL'].includes(n) && !(v in sigName)) sigName[v] = n;
  }
  const wordSize = d.structs.iovec.fields.iov_len.size;
  return {
    ...d, c, s: d.structs, errno, errnoGeneric, openFlags, sigName,
    wordSize,
    statStruct: d.structs.stat64 ?? d.structs.stat,
  };
}

const ARCHS: Readonly<Record<string, Arch>> = Object.freeze({
  riscv64: prepare(riscv64Arch),
  arm: prepare(armArch),
  aarch64: prepare(aarch64Arch),
  mipsel: prepare(mipselArch),
  mips: prepare(mipsArch),
  mips64el: prepare(mips64elArch),
  x86_64: prepare(x86_64Arch),
  i386: prepare(i386Arch),
});

export function archByName(name: string): Arch {
  const a = ARCHS[name];
  if (!a) throw new Error(`no syscall data for target ${name}`);
  return a;
}

export const archOf = (proc: Process): Arch => archByName(proc.target.name);
