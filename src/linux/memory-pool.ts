/**
 * Guest memories of ended processes, cleared and kept for the next fork. Every new 4 GiB
 * buffer makes V8 run a full garbage collection at once ("external memory pressure": it
 * counts the whole reservation, committed or not), which cost 30-110 ms per fork of a
 * shell loop, more than the fork itself. A few ended processes' buffers, zeroed where they
 * held anything, serve instead. One pool per Kernel (no module state).
 */
import { Memory, PAGE_DIRTY, PAGE_MAPPED, PAGE_SHIFT, PAGE_SIZE } from '../core/memory/flat.js';

/** Buffers kept (each holds the host pages its last process touched). */
const KEEP = 4;

export class MemoryPool {
  private readonly free: Memory[] = [];

  /** A clear memory (no page mapped, all zero). */
  take(littleEndian: boolean, wasm = false): Memory {
    const i = this.free.findIndex((m) => m.littleEndian === littleEndian && m.wasm === wasm);
    if (i < 0) return new Memory(littleEndian, wasm);
    return this.free.splice(i, 1)[0];
  }

  /**
   * `mem` is no longer used by anyone (its process ended with no I/O still pending into it):
   * clear it and keep it for a later take().
   */
  give(mem: Memory): void {
    if (this.free.length >= KEEP || this.free.includes(mem)) return;
    // only mapped or once-writable pages can hold non-zero bytes (Memory keeps the rest zero)
    // (and of those only the ones that do: filling never-touched pages would commit them)
    pageRuns(mem.perm, PAGE_MAPPED | PAGE_DIRTY, (a, b) => nonZeroRuns(mem.u8, a, b, (x, y) => mem.u8.fill(0, x, y)));
    mem.perm.fill(0);
    mem.resetRegAreas();
    mem.onCodeWrite = () => {};
    this.free.push(mem);
  }
}

/**
 * Call `fn(start, end)` with the byte range of every run of pages whose flags have a bit of
 * `mask` set. Skips empty parts of the 1 Mi-entry table (unmapped pages have flags 0) a
 * PAGE_SIZE-entry chunk at a time (a native compare), then four pages at a time.
 */
export function pageRuns(perm: Uint8Array, mask: number, fn: (start: number, end: number) => void): void {
  const n = perm.length;
  const words = new Uint32Array(perm.buffer, perm.byteOffset, n >>> 2);
  const wmask = (mask * 0x01010101) >>> 0;
  for (let p = 0; p < n;) {
    if ((p & (PAGE_SIZE - 1)) === 0 && p + PAGE_SIZE <= n &&
      Buffer.compare(perm.subarray(p, p + PAGE_SIZE), ZERO_PAGE) === 0) { p += PAGE_SIZE; continue; }
    if ((p & 3) === 0 && !(words[p >>> 2] & wmask)) { p += 4; continue; }
    if (!(perm[p] & mask)) { p++; continue; }
    let q = p + 1;
    while (q < n && perm[q] & mask) q++;
    fn(p << PAGE_SHIFT >>> 0, q === n ? 2 ** 32 : q << PAGE_SHIFT >>> 0);
    p = q;
  }
}

/** A page of zeros to compare with (never written). */
const ZERO_PAGE = new Uint8Array(PAGE_SIZE);

/**
 * Call `fn(start, end)` for every run of pages in [a, b) (page aligned) holding a non-zero
 * byte. Untouched parts of a lazily committed buffer (most of a stack) read as zeros.
 */
export function nonZeroRuns(u8: Uint8Array, a: number, b: number, fn: (start: number, end: number) => void): void {
  let run = -1;
  for (let x = a; x < b; x += PAGE_SIZE) {
    const zero = Buffer.compare(u8.subarray(x, x + PAGE_SIZE), ZERO_PAGE) === 0;
    if (!zero && run < 0) run = x;
    else if (zero && run >= 0) { fn(run, x); run = -1; }
  }
  if (run >= 0) fn(run, b);
}
