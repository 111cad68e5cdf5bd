/**
 * The slow paths of generated loads and stores on the flat model (`F.r` / `F.w`, see
 * flat-emit.ts). Generated code calls them when the inline flag test of the access's first
 * page fails or when the access crosses into the next page. They check every page the access
 * touches, so a straddling store into a read-only or PROT_NONE page faults before any byte is
 * written; the fault names the first byte that may not be accessed (the start of the second
 * page when only it is protected). An access the architecture requires to be aligned (the IR
 * op's `align`) raises the alignment fault first, before any page is looked at.
 */
import type { ExitRequester, FaultHooks, WatchHook } from './model.js';
import { Access, alignFault, pageFault } from '../exceptions.js';
import { PAGE_CODE, PAGE_MAPPED, PAGE_SHIFT, PAGE_WATCH, PROT_R, PROT_W } from './pages.js';
import type { Memory } from './flat.js';

export function flatFaultHooks(mem: Memory, cpu: ExitRequester, onWatch?: WatchHook): FaultHooks {
  const perm = mem.perm;
  /** consume the CPU's exit request: true when the region must return at its next block boundary */
  const exit = (): boolean => {
    if (cpu.exitRequest === 0) return false;
    cpu.exitRequest = 0;
    return true;
  };
  return {
    r(addr: number, pc: number, size = 1, align = 0): boolean {
      if (align > 1 && addr & (align - 1)) throw alignFault(addr, Access.Read, pc);
      const first = addr >>> PAGE_SHIFT;
      const last = (addr + size - 1) >>> PAGE_SHIFT; // may be 2^20 past the top: no flags there
      let flags = 0;
      for (let p = first; p <= last; p++) {
        const f = perm[p] ?? 0;
        if (!(f & PROT_R)) throw pageFault(Math.max(addr, p << PAGE_SHIFT >>> 0), Access.Read, (f & PAGE_MAPPED) !== 0, pc);
        flags |= f;
      }
      if (flags & PAGE_WATCH) onWatch?.(addr, size, pc, false);
      return exit();
    },
    w(addr: number, pc: number, size: number, align = 0): boolean {
      if (align > 1 && addr & (align - 1)) throw alignFault(addr, Access.Write, pc);
      const first = addr >>> PAGE_SHIFT;
      const last = (addr + size - 1) >>> PAGE_SHIFT;
      let flags = 0;
      for (let p = first; p <= last; p++) {
        const f = perm[p] ?? 0;
        if (!(f & PROT_W)) throw pageFault(Math.max(addr, p << PAGE_SHIFT >>> 0), Access.Write, (f & PAGE_MAPPED) !== 0, pc);
        flags |= f;
      }
      if (flags & PAGE_WATCH) onWatch?.(addr, size, pc, true);
      let code = false;
      if (flags & PAGE_CODE) {
        for (let p = first; p <= last; p++) if (perm[p] & PAGE_CODE) { mem.onCodeWrite(p); code = true; }
      }
      return exit() || code;
    },
  };
}
