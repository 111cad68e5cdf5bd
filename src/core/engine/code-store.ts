/**
 * Translated code shared by every execution context of one machine (in Linux user mode: every process of one Kernel: fork children, the parent after a
 * fork, and images that execve loads again: a shell forking and exec'ing /bin/busybox over
 * and over). A region is kept with a copy of the guest bytes it was translated from and the
 * execute permission of the pages its fetches saw; another process takes it only when its own
 * memory holds the same bytes with the same permissions there, so nothing needs to be told
 * when a process writes its code: the content check answers for every process at the moment
 * it asks. Translation reads nothing else (targets' translateBlock sees only `mem` and pc),
 * so equal bytes give an equal translation.
 *
 * Functions that take their environment as an argument (tier 1) are shared as they are;
 * functions that close over a process (tier 2, register caching) are bound again to the new
 * process's registers and memory (CompiledRegion.bind): a closure, no compile.
 */
import type { CompiledRegion, RegionEnv } from '../backend/region.js';
import { regionKey } from './cache.js';
import { PAGE_SHIFT } from '../memory/pages.js';
import { Access } from '../exceptions.js';
import type { MemoryModel } from '../memory/model.js';
import type { Isa } from '../isa.js';

/** Guest bytes one block was translated from. */
interface Span {
  start: number;
  bytes: Uint8Array;
}

/**
 * A region as every process can use it: the parts that do not belong to the process that
 * compiled it (a tier-2 function closes over that process's memory; keeping it here would
 * keep a dead process's 4 GiB buffer alive).
 */
interface Shared {
  region: Pick<CompiledRegion, 'entry' | 'mode' | 'source' | 'blocks' | 'bind'> & { fn?: CompiledRegion['fn'] };
  target: Isa;
  spans: Span[];
  /** pages a fetch may have looked at, and whether each was executable then */
  pages: number[];
  exec: boolean[];
}

/** Most versions of the code at one pc kept (self-modifying code makes new ones). */
const VERSIONS = 4;

/** Entry pcs kept at most; beyond, the store starts again empty. */
const MAX_PCS = 200_000;

/** A fetch of the instruction at a block's end may reach this far past it (Thumb-2, RVC). */
const FETCH_REACH = 4;

export class CodeStore {
  private readonly byPc = new Map<number, Shared[]>();
  /** regions kept, and regions another translation found here (for tests and -d page) */
  stored = 0;
  reused = 0;

  /** Keep `region`, translated just now from `mem` by `target`. */
  put(region: CompiledRegion, mem: MemoryModel, target: Isa): void {
    const spans: Span[] = [];
    const pages = new Set<number>();
    for (const b of region.blocks) {
      const start = (b.pc & ~1) >>> 0;
      const end = Math.max((b.end & ~1) >>> 0, start + 2);
      if (end + FETCH_REACH > 2 ** 32) return;
      const bytes = mem.peek(start, end - start);
      if (!bytes) return;
      spans.push({ start, bytes: bytes.slice() });
      const last = (end + FETCH_REACH - 1) >>> PAGE_SHIFT;
      for (let p = start >>> PAGE_SHIFT; p <= last; p++) pages.add(p);
    }
    const pageList = [...pages];
    const exec = pageList.map((p) => executable(mem, p));
    if (this.byPc.size >= MAX_PCS) this.byPc.clear(); // a long-lived kernel running many programs
    const key = regionKey(region.entry, region.mode);
    const list = this.byPc.get(key) ?? [];
    // the IR is not needed again (only where each block lies), nor kept alive by the store
    const { entry, mode, source, bind } = region;
    const blocks = region.blocks.map(({ pc, end, ninsns }) => ({ pc, end, ninsns, ops: [], temps: [], asm: [] }));
    const shared = { entry, mode, source, blocks, bind, fn: bind ? undefined : region.fn };
    list.unshift({ region: shared, target, spans, pages: pageList, exec }); // the newest first
    if (list.length > VERSIONS) list.length = VERSIONS;
    this.byPc.set(key, list);
    this.stored++;
  }

  /**
   * A region for `pc` that fits `mem` as it is now, bound to `env` (a new CompiledRegion of
   * the caller's own), or undefined. The highest tier that fits wins.
   */
  take(pc: number, mode: number, mem: MemoryModel, target: Isa, env: RegionEnv): CompiledRegion | undefined {
    const list = this.byPc.get(regionKey(pc, mode));
    if (!list) return undefined;
    // (closing over a process = register caching = tier 2)
    const tier = (s: Shared) => (s.region.bind ? 2 : 1);
    let best: Shared | undefined;
    for (const s of list) {
      if (s.target !== target || (best && tier(best) >= tier(s)) || !fits(s, mem)) continue;
      best = s;
    }
    if (!best) return undefined;
    const r = best.region;
    this.reused++;
    return { entry: r.entry, mode: r.mode, tier: tier(best), hits: 0, fn: r.bind ? r.bind(env) : r.fn!, source: r.source, blocks: r.blocks, bind: r.bind };
  }
}

/** Does `mem` hold the bytes and execute permissions `s` was translated from? */
function fits(s: Shared, mem: MemoryModel): boolean {
  for (let i = 0; i < s.pages.length; i++) if (executable(mem, s.pages[i]) !== s.exec[i]) return false;
  for (const { start, bytes } of s.spans) {
    const now = mem.peek(start, bytes.length);
    if (!now) return false;
    for (let i = 0; i < bytes.length; i++) if (now[i] !== bytes[i]) return false;
  }
  return true;
}

const executable = (mem: MemoryModel, page: number) => mem.allows((page << PAGE_SHIFT) >>> 0, 1, Access.Fetch);
