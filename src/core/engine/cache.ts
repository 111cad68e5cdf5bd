import type { CompiledRegion, RegionEnv } from '../backend/region.js';
import { PAGE_CODE, PAGE_SHIFT, type Memory } from '../memory/flat.js';
import type { Process } from '../../linux/process.js';
import type { Isa } from '../isa.js';
import type { CodeStore } from './code-store.js';

/** How a process's cache reaches the code its kernel's other processes translated. */
export interface CodeSharing {
  /** the store to use now, or undefined (no kernel, a debugger, per-translation logs) */
  store(): CodeStore | undefined;
  /** the process's registers and memory, for binding shared functions */
  env(): RegionEnv;
  target: Isa;
}

/**
 * Sharing for `proc`'s engine: through its kernel's CodeStore, except while a debugger is
 * attached (breakpoints and watchpoints change the code) or the log wants every translation.
 */
export function sharingFor(proc: Process, env: () => RegionEnv): CodeSharing {
  const { log } = proc;
  const logged = log.has('in_asm') || log.has('op') || log.has('out_asm');
  return {
    store: () => (logged || proc.debug ? undefined : proc.kernel?.codeStore),
    env,
    target: proc.target,
  };
}

/**
 * Translated regions of one process by entry pc, and which regions cover each guest page, so
 * a write to a page holding code (or an munmap/mprotect of it) drops exactly the regions built
 * from it. A miss asks the kernel's CodeStore (code-store.ts) for a region another process
 * (or this one, earlier) translated from the same bytes: fork children and re-exec'd images
 * then compile almost nothing. The store is never invalidated: it checks content.
 */
export class CodeCache {
  private readonly byPc = new Map<number, CompiledRegion>();
  private readonly byPage = new Map<number, Set<number>>();
  private readonly pagesOf = new Map<number, number[]>();
  /** counts for -d page and tests */
  translations = 0;
  invalidations = 0;

  /** regions taken from the store instead of translated */
  shared = 0;

  constructor(private readonly mem: Memory, private readonly sharing?: CodeSharing) {}

  get(pc: number): CompiledRegion | undefined {
    return this.byPc.get(pc) ?? this.fromStore(pc);
  }

  /** Add a region just translated from this process's memory (and offer it to the store). */
  add(region: CompiledRegion): void {
    this.insert(region);
    this.translations++;
    if (this.sharing) this.sharing.store()?.put(region, this.mem, this.sharing.target);
  }

  private fromStore(pc: number): CompiledRegion | undefined {
    const sh = this.sharing;
    const store = sh?.store();
    if (!store) return undefined;
    const region = store.take(pc, this.mem, sh!.target, sh!.env());
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
    this.drop(region.entry);
    this.byPc.set(region.entry, region);
    this.pagesOf.set(region.entry, [...pages]);
    for (const p of pages) {
      let s = this.byPage.get(p);
      if (!s) this.byPage.set(p, (s = new Set()));
      s.add(region.entry);
      this.mem.perm[p] |= PAGE_CODE;
    }
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
