/**
 * Where the Linux layer puts new mappings (mmap without MAP_FIXED, mremap that moves, the
 * ELF interpreter, the sigreturn trampoline): Linux's policy, not the memory model's. The
 * bounds live on the process (`mmapMin`, `mmapTop`: plain numbers, so fork copies them and
 * execve takes the new image's); the pages are asked of its memory through the memory
 * interface (`isMapped`).
 */
import { PAGE_SHIFT, PAGE_SIZE, pageUp, type Memory } from '../core/memory/flat.js';

/** What placement needs of a process (Process has these). */
export interface Placement {
  readonly mem: Memory;
  /** lowest address mmap hands out without a hint (Linux's vm.mmap_min_addr) */
  mmapMin: number;
  /** where the top-down search starts (the loader puts it below the stack's guard gap) */
  mmapTop: number;
}

/** Defaults before the loader sets the top. */
export const MMAP_MIN = 0x10000;
export const MMAP_TOP = 0xf0000000;

/** Is [addr, addr+len) inside the address space, at or above mmapMin and wholly unmapped? */
export function isFree(p: Placement, addr: number, len: number): boolean {
  if (addr + len > 2 ** 32 || addr < p.mmapMin) return false;
  const first = addr >>> PAGE_SHIFT;
  const last = (addr + len - 1) >>> PAGE_SHIFT;
  for (let pg = first; pg <= last; pg++) if (p.mem.isMapped(pg << PAGE_SHIFT >>> 0, 1)) return false;
  return true;
}

/** A free page-aligned range of `len` bytes, searching down from mmapTop; -1 if none. */
export function findFree(p: Placement, len: number): number {
  const n = pageUp(len) >>> PAGE_SHIFT;
  const mem = p.mem;
  let run = 0;
  for (let pg = (p.mmapTop >>> PAGE_SHIFT) - 1; pg >= p.mmapMin >>> PAGE_SHIFT; pg--) {
    if (mem.isMapped(pg * PAGE_SIZE, 1)) run = 0;
    else if (++run === n) return pg << PAGE_SHIFT >>> 0;
  }
  return -1;
}
