import type { CompiledRegion, RegionEnv } from '../backend/region.js';
import { PAGE_SHIFT } from '../memory/pages.js';
import type { MemoryModel } from '../memory/model.js';
import type { Isa } from '../isa.js';
import type { CodeStore } from './code-store.js';

/** How a cache reaches code other contexts translated (ExecContext.sharing). */
export interface CodeSharing {
  /** the store to use now, or undefined (none, a debugger, per-translation logs) */
  store(): CodeStore | undefined;
  /** this context's registers and memory, for binding shared functions */
  env(): RegionEnv;
  target: Isa;
}

/**
 * Translated regions of one execution context (a Linux process, a hart) by entry pc, and which regions cover each guest page, so
 * a write to a page holding code (or an munmap/mprotect of it) drops exactly the regions built
 * from it. A miss asks the shared CodeStore (code-store.ts) for a region another context
 * (or this one, earlier) translated from the same bytes: fork children and re-exec'd images
 * then compile almost nothing. The store is never invalidated: it checks content.
 */
/** The cache key of code at pc translated in `mode`: the pc itself in mode 0 (a Smi-friendly key). */
export const regionKey = (pc: number, mode: number): number => (mode === 0 ? pc : pc + mode * 4294967296);

/** Slots of the jump cache (a power of two). */
const JUMP_SLOTS = 4096;
const jumpSlot = (pc: number) => ((pc >>> 1) ^ (pc >>> 13)) & (JUMP_SLOTS - 1);

export class CodeCache {
  /**
   * The jump cache: a direct-mapped array in front of byPc, indexed by a hash of the pc, so
   * that the run loop finds the next region with an array load and two compares instead of a
   * Map lookup (pcs above 2^31 are not small integers: they hash slowly). Every region dropped
   * from byPc is dropped here too.
   */
  private readonly jump: (CompiledRegion | undefined)[] = new Array(JUMP_SLOTS).fill(undefined);
  /** regions by regionKey(entry pc, mode) */
  private readonly byPc = new Map<number, CompiledRegion>();
  private readonly byPage = new Map<number, Set<number>>();
  private readonly pagesOf = new Map<number, number[]>();
  /** counts for -d page and tests */
  translations = 0;
  invalidations = 0;

  /** regions taken from the store instead of translated */
  shared = 0;

  constructor(private readonly mem: MemoryModel, private readonly sharing?: CodeSharing) {}

  get(pc: number, mode = 0): CompiledRegion | undefined {
    const slot = jumpSlot(pc);
    const j = this.jump[slot];
    if (j !== undefined && j.entry === pc && j.mode === mode) return j;
    const r = this.byPc.get(regionKey(pc, mode)) ?? this.fromStore(pc, mode);
    if (r !== undefined) this.jump[slot] = r;
    return r;
  }

  /** Add a region just translated from this context's memory (and offer it to the store). */
  add(region: CompiledRegion): void {
    this.insert(region);
    this.translations++;
    // (interpreted blocks stay private: only compiled code is worth sharing)
    if (this.sharing && region.tier > 0) this.sharing.store()?.put(region, this.mem, this.sharing.target);
  }

  private fromStore(pc: number, mode: number): CompiledRegion | undefined {
    const sh = this.sharing;
    const store = sh?.store();
    if (!store) return undefined;
    const region = store.take(pc, mode, this.mem, sh!.target, sh!.env());
    if (!region) return undefined;
    this.insert(region);
    this.shared++;
    return region;
  }

  private insert(region: CompiledRegion): void {
    const pages = new Set<number>();
    for (const b of region.blocks) {
      const last = Math.max(b.pc, b.end - 1) >>> PAGE_SHIFT;
      for (let p = b.pc >>> PAGE_SHIFT; p <= last; p++) pages.add(p);
    }
    const key = regionKey(region.entry, region.mode);
    this.drop(key);
    this.byPc.set(key, region);
    this.pagesOf.set(key, [...pages]);
    for (const p of pages) {
      let s = this.byPage.get(p);
      if (!s) this.byPage.set(p, (s = new Set()));
      s.add(key);
      this.mem.markCode(p, true);
    }
  }

  private drop(key: number): void {
    const pages = this.pagesOf.get(key);
    if (!pages) return;
    for (const p of pages) this.byPage.get(p)?.delete(key);
    this.pagesOf.delete(key);
    const r = this.byPc.get(key);
    if (r !== undefined && this.jump[jumpSlot(r.entry)] === r) this.jump[jumpSlot(r.entry)] = undefined;
    this.byPc.delete(key);
  }

  /** Drop every region built from code on `page` and clear the page's code flag. */
  invalidatePage(page: number): void {
    const s = this.byPage.get(page);
    this.mem.markCode(page, false);
    if (!s) return;
    for (const key of [...s]) this.drop(key);
    this.byPage.delete(page);
    this.invalidations++;
  }

  clear(): void {
    for (const p of this.byPage.keys()) this.mem.markCode(p, false);
    this.byPc.clear();
    this.jump.fill(undefined);
    this.byPage.clear();
    this.pagesOf.clear();
  }
}
