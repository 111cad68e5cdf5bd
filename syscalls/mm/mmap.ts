/**
 * Memory management on the flat guest address space (src/core/memory/flat.ts): brk, mmap (anonymous
 * and file-backed, MAP_FIXED / MAP_FIXED_NOREPLACE / hint), munmap, mprotect, mremap,
 * madvise, msync, mlock*. Every guest address is below 4 GiB.
 *
 * MAP_SHARED file mappings are kept coherent with their file by shared-map.ts (written back
 * on msync/munmap/exit and around file I/O). MADV_DONTNEED drops private pages: a private
 * file mapping reads its file again (found by the path and dev:ino mmap noted; zeros when the
 * file is gone), anonymous memory reads zeros. Known simplification: growing a private file
 * mapping with mremap extends it with zeros, and a private file mapping mremap moved is
 * anonymous memory to MADV_DONTNEED.
 */
import { nameRange } from '../fs/procfs.js';
import * as fs from 'node:fs';
import { PAGE_CODE, PAGE_DIRTY, PAGE_MAPPED, PAGE_MASK, PAGE_SHIFT, PAGE_SIZE, pageUp, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import type { Process } from '../../src/linux/process.js';
import { findFree, isFree } from '../../src/linux/mmap-placement.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import type { OpenFile } from '../fs/fdtable.js';
import type { MapName, PrivateFile } from '../state.js';
import { addSharedMapping, beforeFileAccess, dropShared, moveShared, protectShared, syncRange, unmapShared } from './shared-map.js';

const LIMIT = 2 ** 32;
const ZERO_PAGE = new Uint8Array(PAGE_SIZE);

/** guest PROT_* -> Memory's PROT_R/W/X (PROT_READ implies nothing else; exec implies read on most hosts) */
function memProt(proc: Process, prot: number): number {
  const c = archOf(proc).c;
  return (prot & c.PROT_READ ? PROT_R : 0) | (prot & c.PROT_WRITE ? PROT_W : 0) | (prot & c.PROT_EXEC ? PROT_X : 0);
}

function brk(proc: Process, [addr]: number[]): number {
  if (addr === 0 || addr < proc.brkStart || addr >= LIMIT) return proc.brk;
  const mem = proc.mem;
  const oldTop = pageUp(proc.brk);
  const newTop = pageUp(addr);
  if (newTop > oldTop) {
    if (!isFree(proc, oldTop, newTop - oldTop)) return proc.brk;
    mem.map(oldTop, newTop - oldTop, PROT_R | PROT_W);
  } else if (newTop < oldTop) {
    mem.unmap(newTop, oldTop - newTop);
  }
  proc.brk = addr;
  return addr;
}

/** Pick where a new mapping of `len` bytes goes; -errno when nowhere. */
function place(proc: Process, addr: number, len: number, flags: number): number {
  const c = archOf(proc).c;
  const mem = proc.mem;
  if (flags & c.MAP_FIXED) {
    if (addr & PAGE_MASK) return -E.EINVAL;
    if (addr < 0 || addr + len > LIMIT) return -E.ENOMEM;
    if (addr < proc.mmapMin) return -E.EPERM;
    return addr;
  }
  if (c.MAP_FIXED_NOREPLACE && flags & c.MAP_FIXED_NOREPLACE) {
    if (addr & PAGE_MASK) return -E.EINVAL;
    if (addr < 0 || addr + len > LIMIT) return -E.ENOMEM;
    return isFree(proc, addr, len) ? addr : -E.EEXIST;
  }
  if (addr > 0 && addr + len <= LIMIT) {
    const hint = addr - (addr & PAGE_MASK);
    if (isFree(proc, hint, len)) return hint;
  }
  const found = findFree(proc, len);
  return found < 0 ? -E.ENOMEM : found;
}

function mmap(proc: Process, [addr, length, prot, flags, fd, off]: number[]): number {
  const c = archOf(proc).c;
  const mem = proc.mem;
  const type = flags & c.MAP_TYPE;
  if (type !== c.MAP_SHARED && type !== c.MAP_PRIVATE && type !== c.MAP_SHARED_VALIDATE) return -E.EINVAL;
  if (length === 0) return -E.EINVAL;
  // a length with the sign bit set (an 'int' argument: (size_t)-4, or 3 GiB on a 32-bit
  // target) is more than the address space holds: ENOMEM, as Linux, whose PAGE_ALIGN wraps
  // such a length to 0 or finds no room for it
  if (length < 0) return -E.ENOMEM;
  if (off < 0 || off & PAGE_MASK) return -E.EINVAL;
  const len = pageUp(length) || LIMIT;
  if (length > LIMIT - PAGE_SIZE) return -E.ENOMEM;
  const anon = (flags & c.MAP_ANONYMOUS) !== 0;
  let data: Uint8Array | undefined;
  if (!anon) {
    const f = proc.fds.get(fd | 0);
    if (!f) return -E.EBADF;
    if (f.kind === 'dir' || f.kind === 'pipe') return -E.ENODEV;
    if (!f.readable) return -E.EACCES;
    if (type !== c.MAP_PRIVATE && prot & c.PROT_WRITE && !f.writable) return -E.EACCES;
    if (f.kind === 'mem') data = f.data!.subarray(Math.min(off, f.data!.length), Math.min(off + len, f.data!.length));
    else {
      beforeFileAccess(proc, f); // the file must show what shared mappings of it hold
      // whole pages: the tail of the last page shows the file too, as far as it goes
      const buf = Buffer.alloc(len);
      let got = 0;
      for (;;) {
        const n = fs.readSync(f.hostFd, buf, got, len - got, off + got);
        if (n <= 0) break;
        got += n;
        if (got >= len) break;
      }
      data = buf.subarray(0, got);
    }
  }
  const at = place(proc, addr, len, flags);
  if (at < 0) return at;
  unmapShared(proc, at, len); // MAP_FIXED over a shared mapping: write it back first
  mem.map(at, len, memProt(proc, prot));
  // for /proc/self/maps, and MADV_DONTNEED of a private file mapping
  const file = anon ? undefined : proc.fds.get(fd | 0)!;
  nameRange(proc, at, len, file?.guestPath ?? '', file && type === c.MAP_PRIVATE ? privateFile(file, off) : undefined);
  if (data && data.length) mem.poke(at, data);
  if (!anon && type !== c.MAP_PRIVATE) {
    addSharedMapping(proc, at, len, proc.fds.get(fd | 0)!, off, (prot & c.PROT_WRITE) !== 0);
  }
  return at;
}

/** What MADV_DONTNEED needs to read a private file mapping's file again (undefined: not a host file). */
function privateFile(f: OpenFile, off: number): PrivateFile | undefined {
  if (f.kind !== 'host' || !f.path) return undefined;
  try {
    const st = fs.fstatSync(f.hostFd, { bigint: true });
    return st.isFile() ? { path: f.path, off, id: `${st.dev}:${st.ino}` } : undefined;
  } catch {
    return undefined;
  }
}

/** The page at `a` as the file of private mapping `m` holds it now (zeros past its end or when it is gone). */
function filePage(m: MapName & { file: PrivateFile }, a: number): Uint8Array {
  const page = new Uint8Array(PAGE_SIZE);
  let fd = -1;
  try {
    fd = fs.openSync(m.file.path, 'r');
    const st = fs.fstatSync(fd, { bigint: true });
    if (`${st.dev}:${st.ino}` === m.file.id) fs.readSync(fd, page, 0, PAGE_SIZE, m.file.off + (a - m.start));
  } catch {
    /* the file is gone: zeros */
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
  return page;
}

function munmap(proc: Process, [addr, length]: number[]): number {
  if (addr & PAGE_MASK || length <= 0 || addr < 0) return -E.EINVAL;
  const len = pageUp(length);
  if (addr + len > LIMIT) return -E.EINVAL;
  unmapShared(proc, addr, len);
  proc.mem.unmap(addr, len);
  nameRange(proc, addr, len, '');
  return 0;
}

function mprotect(proc: Process, [addr, length, prot]: number[]): number {
  const c = archOf(proc).c;
  if (addr & PAGE_MASK || addr < 0) return -E.EINVAL;
  if (prot & ~(c.PROT_READ | c.PROT_WRITE | c.PROT_EXEC | c.PROT_SEM | c.PROT_GROWSDOWN | c.PROT_GROWSUP)) return -E.EINVAL;
  if (length === 0) return 0;
  const len = pageUp(length);
  if (addr + len > LIMIT) return -E.ENOMEM;
  if (!proc.mem.protect(addr, len, memProt(proc, prot))) return -E.ENOMEM;
  protectShared(proc, addr, len, memProt(proc, prot));
  return 0;
}

/** Move a mapping's bytes and page protections to `to` (the caller checked the room). */
function move(proc: Process, from: number, oldLen: number, to: number, newLen: number, keepOld: boolean): void {
  const mem = proc.mem;
  const n = Math.min(oldLen, newLen);
  const bytes = mem.u8.slice(from, from + n);
  const perms = mem.perm.slice(from / PAGE_SIZE, (from + oldLen) / PAGE_SIZE);
  if (!keepOld) mem.unmap(from, oldLen);
  else mem.poke(from, new Uint8Array(oldLen)); // MREMAP_DONTUNMAP: old range reads as zero
  mem.map(to, newLen, perms[0] & 7);
  for (let i = 0; i < n >>> PAGE_SHIFT; i++) mem.perm[(to >>> PAGE_SHIFT) + i] = (perms[i] & ~PAGE_CODE) | PAGE_MAPPED;
  mem.poke(to, bytes);
}

function mremap(proc: Process, [old, oldLength, newLength, flags, newAddr]: number[]): number {
  const c = archOf(proc).c;
  const mem = proc.mem;
  if (old & PAGE_MASK || old < 0) return -E.EINVAL;
  if (flags & ~(c.MREMAP_MAYMOVE | c.MREMAP_FIXED | c.MREMAP_DONTUNMAP)) return -E.EINVAL;
  if (flags & c.MREMAP_FIXED && !(flags & c.MREMAP_MAYMOVE)) return -E.EINVAL;
  if (flags & c.MREMAP_DONTUNMAP && !(flags & c.MREMAP_MAYMOVE)) return -E.EINVAL;
  if (newLength <= 0 || oldLength <= 0) return -E.EINVAL;
  const oldLen = pageUp(oldLength);
  const newLen = pageUp(newLength);
  if (old + oldLen > LIMIT || newLen === 0 || newLength > LIMIT) return -E.ENOMEM;
  if (!mem.isMapped(old, oldLen)) return -E.EFAULT;
  const keepOld = (flags & c.MREMAP_DONTUNMAP) !== 0;
  if (flags & c.MREMAP_FIXED) {
    if (newAddr & PAGE_MASK || newAddr < proc.mmapMin) return -E.EINVAL;
    if (newAddr + newLen > LIMIT) return -E.ENOMEM;
    if (newAddr < old + oldLen && old < newAddr + newLen) return -E.EINVAL;
    unmapShared(proc, newAddr, newLen);
    mem.unmap(newAddr, newLen);
  }
  // shared file mappings in the old range are written back and follow the move
  const taken = unmapShared(proc, old, oldLen, true);
  const done = (to: number, len: number) => {
    moveShared(proc, taken, old, oldLen, to, len);
    return to;
  };
  if (flags & c.MREMAP_FIXED) {
    move(proc, old, oldLen, newAddr, newLen, keepOld);
    return done(newAddr, newLen);
  }
  if (!keepOld) {
    if (newLen <= oldLen) {
      if (newLen < oldLen) mem.unmap(old + newLen, oldLen - newLen);
      return done(old, newLen);
    }
    if (old + newLen <= LIMIT && isFree(proc, old + oldLen, newLen - oldLen)) {
      mem.map(old + oldLen, newLen - oldLen, mem.perm[(old + oldLen - 1) >>> PAGE_SHIFT] & 7);
      return done(old, newLen);
    }
  }
  const to = flags & c.MREMAP_MAYMOVE ? findFree(proc, newLen) : -1;
  if (to < 0) {
    done(old, oldLen); // unchanged: put the records back
    return -E.ENOMEM;
  }
  move(proc, old, oldLen, to, newLen, keepOld);
  return done(to, newLen);
}

function madvise(proc: Process, [addr, length, advice]: number[]): number {
  const c = archOf(proc).c;
  const mem = proc.mem;
  if (addr & PAGE_MASK || addr < 0 || length < 0) return -E.EINVAL;
  if (length === 0) return 0;
  const len = pageUp(length);
  if (addr + len > LIMIT) return -E.EINVAL;
  if (!mem.isMapped(addr, len)) return -E.ENOMEM;
  if (advice === c.MADV_DONTNEED || advice === c.MADV_FREE || advice === c.MADV_REMOVE) {
    // shared file pages read the file again, private file pages too (the private copy goes);
    // private anonymous memory reads back as zeros
    const shared = dropShared(proc, addr, len);
    const isShared = (a: number) => shared.some(([s, e]) => a >= s && a < e);
    const files = proc.sys.mapNames.filter((m): m is MapName & { file: PrivateFile } => !!m.file && m.start < addr + len && m.end > addr);
    for (let a = addr; a < addr + len; a += PAGE_SIZE) {
      if (isShared(a)) continue;
      const m = files.find((f) => a >= f.start && a < f.end);
      if (m) mem.poke(a, filePage(m, a));
      else if (mem.perm[a >>> PAGE_SHIFT] & PAGE_DIRTY) mem.poke(a, ZERO_PAGE);
    }
  }
  return 0;
}

function msync(proc: Process, [addr, length, flags]: number[]): number {
  const c = archOf(proc).c;
  if (addr & PAGE_MASK || flags & ~(c.MS_ASYNC | c.MS_SYNC | c.MS_INVALIDATE)) return -E.EINVAL;
  if ((flags & c.MS_ASYNC) && (flags & c.MS_SYNC)) return -E.EINVAL;
  const len = pageUp(length);
  if (len && !proc.mem.isMapped(addr, len)) return -E.ENOMEM;
  syncRange(proc, addr, len);
  return 0;
}

function mlockRange(proc: Process, [addr, length]: number[]): number {
  const start = addr - (addr & PAGE_MASK);
  const len = pageUp(length + (addr & PAGE_MASK));
  if (len && !proc.mem.isMapped(start, len)) return -E.ENOMEM;
  return 0;
}

function mincore(proc: Process, [addr, length, vec]: number[]): number {
  if (addr & PAGE_MASK) return -E.EINVAL;
  const n = pageUp(length) >>> PAGE_SHIFT;
  if (!proc.mem.isMapped(addr, n << PAGE_SHIFT)) return -E.ENOMEM;
  proc.mem.writeBytes(vec, new Uint8Array(n).fill(1));
  return 0;
}

export const mmSyscalls: SyscallDef[] = [
  sys('brk', ['ptr'], brk, { ret: 'ptr' }),
  sys('mmap', ['ptr', 'int', 'prot', 'mflags', 'int', 'hex'], mmap, { ret: 'ptr' }),
  sys('mmap2', ['ptr', 'int', 'prot', 'mflags', 'int', 'hex'], (p, a) => mmap(p, [a[0], a[1], a[2], a[3], a[4], a[5] * PAGE_SIZE]), { ret: 'ptr' }),
  sys('munmap', ['ptr', 'int'], munmap),
  sys('mprotect', ['ptr', 'int', 'prot'], mprotect),
  sys('mremap', undefined, mremap),
  sys('madvise', ['ptr', 'int', 'madv'], madvise),
  sys('msync', undefined, msync),
  sys('mlock', ['ptr', 'int'], mlockRange),
  sys('mlock2', ['ptr', 'int', 'hex'], mlockRange),
  sys('munlock', ['ptr', 'int'], mlockRange),
  sys('mlockall', ['hex'], () => 0),
  sys('munlockall', [], () => 0),
  sys('mincore', ['ptr', 'int', 'buf'], mincore),
];
