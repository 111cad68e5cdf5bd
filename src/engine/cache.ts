import type { CompiledRegion } from '../backend/region.js';
import { PAGE_CODE, PAGE_SHIFT, type Memory } from '../memory.js';

/**
 * Translated regions by entry pc, and which regions cover each guest page, so a write to a
 * page holding code (or an munmap/mprotect of it) drops exactly the regions built from it.
 */
export class CodeCache {
  private readonly byPc = new Map<number, CompiledRegion>();
  private readonly byPage = new Map<number, Set<number>>();
  private readonly pagesOf = new Map<number, number[]>();
  /** counts for -d page and tests */
  translations = 0;
  invalidations = 0;

  constructor(private readonly mem: Memory) {}

  get(pc: number): CompiledRegion | undefined {
    return this.byPc.get(pc);
  }

  add(region: CompiledRegion): void {
    const pages = new Set<number>();
    for (const b of region.blocks) {
      const last = Math.max(b.pc, b.end - 1) >>> PAGE_SHIFT;
      for (let p = b.pc >>> PAGE_SHIFT; p <= last; p++) pages.add(p);
    }
    this.drop(region.entry);
    this.byPc.set(region.entry, region);
    this.pagesOf.set(region.entry, [...pages]);
    for (const p of pages) {
      let s = this.byPage.get(p);
      if (!s) this.byPage.set(p, (s = new Set()));
      s.add(region.entry);
      this.mem.perm[p] |= PAGE_CODE;
    }
    this.translations++;
  }

  private drop(entry: number): void {
    const pages = this.pagesOf.get(entry);
    if (!pages) return;
    for (const p of pages) this.byPage.get(p)?.delete(entry);
    this.pagesOf.delete(entry);
    this.byPc.delete(entry);
  }

  /** Drop every region built from code on `page` and clear the page's code flag. */
  invalidatePage(page: number): void {
    const s = this.byPage.get(page);
    this.mem.perm[page] &= ~PAGE_CODE;
    if (!s) return;
    for (const entry of [...s]) this.drop(entry);
    this.byPage.delete(page);
    this.invalidations++;
  }

  clear(): void {
    for (const p of this.byPage.keys()) this.mem.perm[p] &= ~PAGE_CODE;
    this.byPc.clear();
    this.byPage.clear();
    this.pagesOf.clear();
  }
}
