/**
 * Rows for calls only 32-bit ABIs have, built on the generic handlers: 64-bit arguments
 * split over an aligned register pair (EABI: the pair starts at an even register), _llseek,
 * the 16/32-bit uid families' *32 names, the *_time64 names of calls whose handlers already
 * use the 64-bit timespec, and arm's private calls (set_tls, cacheflush). Which calls
 * exist on a target is decided by its number table: rows for names a target lacks are never
 * reached.
 */
import type { Process } from '../src/linux/process.js';
import { TPIDRURO } from '../targets/arm/cpu.js';
import { sys, type SyscallDef } from './def.js';
import { E } from './errno.js';
import * as os from 'node:os';
import { archOf } from './arch.js';
import { utimensatWith, writeStatfs } from './fs/meta.js';
import { readPath, resolveAt } from './fs/paths.js';

/** A 64-bit value from a (lo, hi) register pair, as a JS number. */
const pair = (lo: number, hi: number): number => (hi | 0) * 4294967296 + (lo >>> 0);
/** the pair in registers a[i], a[i + 1]: low word first, or high word first (big-endian o32) */
const pairAt = (a: number[], i: number, hiFirst: boolean): number => (hiFirst ? pair(a[i + 1], a[i]) : pair(a[i], a[i + 1]));

/** name -> [base call, raw register index -> base argument mapper] */
type Remap = (a: number[], hiFirst: boolean) => number[];
const PAIRS: Array<[string, string, Remap]> = [
  // fd, buf, count, (pad), lo, hi
  ['pread64', 'pread64', (a, h) => [a[0], a[1], a[2], pairAt(a, 4, h)]],
  ['pwrite64', 'pwrite64', (a, h) => [a[0], a[1], a[2], pairAt(a, 4, h)]],
  // path/fd, (pad), lo, hi
  ['truncate64', 'truncate', (a, h) => [a[0], pairAt(a, 2, h)]],
  ['ftruncate64', 'ftruncate', (a, h) => [a[0], pairAt(a, 2, h)]],
  // fd, mode, off lo/hi, len lo/hi
  ['fallocate', 'fallocate', (a, h) => [a[0], a[1], pairAt(a, 2, h), pairAt(a, 4, h)]],
];

/** calls that succeed without doing anything here (advice and cache maintenance) */
const NOOPS = ['arm_fadvise64_64', 'fadvise64_64', 'arm_sync_file_range', 'sync_file_range2', 'readahead', 'arm_cacheflush', 'cacheflush'];

const ALIASES: Array<[string, string]> = [
  ['getuid32', 'getuid'], ['geteuid32', 'geteuid'], ['getgid32', 'getgid'], ['getegid32', 'getegid'],
  ['setuid32', 'setuid'], ['setgid32', 'setgid'], ['setreuid32', 'setreuid'], ['setregid32', 'setregid'],
  ['setresuid32', 'setresuid'], ['getresuid32', 'getresuid'], ['setresgid32', 'setresgid'], ['getresgid32', 'getresgid'],
  ['getgroups32', 'getgroups'], ['setgroups32', 'setgroups'], ['fchown32', 'fchown'], ['setfsuid32', 'setfsuid'], ['setfsgid32', 'setfsgid'],
  ['futex_time64', 'futex'], ['ppoll_time64', 'ppoll'], ['pselect6_time64', 'pselect6'],
];

/** The compat rows for the calls `base` (the generic registry) can serve. */
export function compat32Syscalls(base: Readonly<Record<string, SyscallDef>>): SyscallDef[] {
  const out: SyscallDef[] = [];
  const taken = (n: string) => base[n] !== undefined;
  for (const [name, to, remap] of PAIRS) {
    const b = base[to];
    if (!b) continue;
    if (taken(name) && name === to) {
      // same name on 64-bit targets: keep the base row there, remap only when registers are 32-bit
      continue;
    }
    out.push(sys(name, undefined, (p, a) => b.fn(p, remap(a, p.target.abi.pairHiFirst === true))));
  }
  for (const n of NOOPS) if (!taken(n)) out.push(sys(n, undefined, () => 0));
  for (const [name, to] of ALIASES) {
    const b = base[to];
    if (b && !taken(name)) out.push({ ...b, name });
  }
  const ut = base.utimensat;
  if (ut && !taken('utimensat_time64')) out.push({ ...ut, name: 'utimensat_time64', fn: utimensatWith('timespec') });
  const lseek = base.lseek;
  if (lseek && !taken('_llseek')) {
    out.push(sys('_llseek', ['fd', 'int', 'int', 'ptr', 'whence'], (p: Process, [fd, hi, lo, result, whence]) => {
      const r = lseek.fn(p, [fd, pair(lo, hi), whence]);
      if (typeof r !== 'number') return -E.EINVAL;
      if (r < 0 && r > -4096) return r;
      p.mem.write64(result >>> 0, BigInt(r));
      return 0;
    }));
  }
  // statfs64(path, sizeof(struct statfs64), buf) and fstatfs64(fd, size, buf)
  if (!taken('statfs64')) {
    out.push(sys('statfs64', ['path', 'int', 'ptr'], (p, [pathAddr, size, buf]) => {
      const l = archOf(p).s.statfs64;
      if (!l || size < l.size) return -E.EINVAL; // arm EABI glibc passes 88 for the 84-byte struct
      const path = readPath(p, pathAddr);
      if (typeof path === 'number') return path;
      const host = resolveAt(p, archOf(p).c.AT_FDCWD, path);
      return typeof host === 'number' ? host : writeStatfs(p, host, buf, l);
    }));
    out.push(sys('fstatfs64', ['fd', 'int', 'ptr'], (p, [fd, size, buf]) => {
      const l = archOf(p).s.statfs64;
      if (!l || size < l.size) return -E.EINVAL; // arm EABI glibc passes 88 for the 84-byte struct
      const f = p.fds.get(fd | 0);
      if (!f) return -E.EBADF;
      return writeStatfs(p, f.path || os.tmpdir(), buf, l);
    }));
  }
  out.push(sys('arm_set_tls', ['ptr'], (p, [v]) => {
    p.cpu.r[TPIDRURO] = v | 0;
    return 0;
  }));
  out.push(sys('arm_get_tls', [], (p) => p.cpu.r[TPIDRURO] >>> 0));
  out.push(sys('arm_breakpoint', [], () => -E.ENOSYS));
  // MIPS: set_thread_area(tls) sets UserLocal (the target's tlsReg), read by `rdhwr $29`;
  // named apart from i386's set_thread_area (a struct user_desc) in the MIPS tables
  out.push(sys('mips_set_thread_area', ['ptr'], (p, [v]) => {
    const reg = p.target.abi.tlsReg;
    if (reg === undefined) return -E.ENOSYS;
    const r = p.target.regs[reg];
    if (r.ty === 'i64') p.cpu.setNum(r.index, v);
    else p.cpu.r[r.index] = v | 0;
    return 0;
  }));
  return out;
}

/**
 * The registers of 64-bit arguments that sit in aligned pairs, for the same-name calls the
 * generic handlers take as one argument (pread64 and pwrite64 on 32-bit targets).
 */
export const PAIR_REMAP_32: Readonly<Record<string, Remap>> = Object.fromEntries(
  PAIRS.filter(([name, to]) => name === to).map(([name, , f]) => [name, f]),
);
