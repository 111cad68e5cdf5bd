/**
 * Run translated code of one ISA on a bare Memory (no OS): regions compiled from cpu.pc with
 * the flat memory's own slow paths (src/core/memory/flat-hooks.ts), until something other than
 * a jump happens. Returns the exit kind, or the GuestFault a helper or slow path threw (with
 * its pc filled in as the engine does).
 */
import type { Cpu } from '../../src/core/cpu.js';
import { GuestFault } from '../../src/core/exceptions.js';
import { ExitKind } from '../../src/core/ir.js';
import type { Isa } from '../../src/core/isa.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { compileRegion } from '../../src/core/backend/region.js';
import { DEFAULT_LIMITS, formRegion } from '../../src/core/engine/translate.js';

export function runIsa(isa: Isa, mem: Memory, cpu: Cpu, maxRegions = 10000): number | GuestFault {
  const env = { r: cpu.r, mem, faults: mem.faultHooks(cpu), helpers: isa.helpers };
  for (let i = 0; i < maxRegions; i++) {
    const region = compileRegion(formRegion(isa, mem, cpu.pc, DEFAULT_LIMITS), cpu.pc, isa.regs, env);
    cpu.budget = 1000;
    try {
      const kind = region.fn(cpu);
      if (kind !== ExitKind.Jump && kind !== ExitKind.Sync) return kind;
    } catch (e) {
      if (e instanceof GuestFault) { if (e.pc === -1) e.pc = cpu.pc; return e; }
      throw e;
    }
  }
  throw new Error('guest did not stop');
}
