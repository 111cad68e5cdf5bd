/**
 * Pages and the flag bits of a page table (the flat model's `perm` table, and the bits a
 * software TLB keeps per entry). 4 KiB pages on every machine polyemu emulates.
 */
export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 1 << PAGE_SHIFT;
export const PAGE_MASK = PAGE_SIZE - 1;

/** Page flags. CODE marks a page holding translated code (writes must invalidate it). */
export const PROT_R = 1;
export const PROT_W = 2;
export const PROT_X = 4;
export const PAGE_CODE = 8;
/** the page is mapped at all (it may still have no access, PROT_NONE) */
export const PAGE_MAPPED = 16;
/** the page has been writable at some point, so it may hold non-zero bytes */
export const PAGE_DIRTY = 32;
/**
 * the page holds a byte a debugger watches (src/core/engine/debug.ts): code compiled while a
 * watchpoint is set sends loads and stores on such pages to the slow path
 */
export const PAGE_WATCH = 128;

export const pageUp = (n: number) => ((n + PAGE_MASK) & ~PAGE_MASK) >>> 0;
