import { ExitKind } from '../ir.js';
import type { Isa } from '../isa.js';
import { Access, Excp, FaultCause, GuestFault, recordException, recordFault } from '../exceptions.js';
import { compileRegion, regionArg, type CompiledRegion, type RegionEnv } from '../backend/region.js';
import { CodeCache } from './cache.js';
import { DEFAULT_LIMITS, formRegion, translateBlock, type RegionLimits } from './translate.js';
import { formatCpu, formatExec } from '../log/cpu.js';
import { debugSlice } from './debug-run.js';
import type { ExecContext } from './context.js';

/**
 * Blocks a tier-1 function must have run (entries plus its own loop iterations) before it is
 * recompiled as a region: compiling a region costs about as much as running a few thousand
 * blocks in tier 1, so only code that keeps running is worth it.
 */
const HOT = 4000;

/**
 * Compiled-function entries after which runSlice returns to run() even though the guest
 * only jumped, so that Node can run timers (SIGALRM) and host-signal listeners (Ctrl-C).
 */
const SLICE_ENTRIES = 8192;

export interface EngineOptions {
  limits?: Partial<RegionLimits>;
  /** blocks a compiled function may run before returning to the run loop */
  slice?: number;
}

/**
 * The run loop of one CPU: look up (or translate and compile) the region at cpu.pc, run it,
 * and return why it stopped — a time slice that ran out, or an architectural exception
 * (cpu.excp: a syscall, an illegal instruction, a page fault...) for the layer above to act
 * on. It knows no operating system: Linux user mode (src/linux/cpu-loop.ts) and a system-mode
 * board build the ExecContext it runs in and decide what each exception means.
 */
export class Engine {
  readonly cache: CodeCache;
  private readonly limits: RegionLimits;
  private readonly env: RegionEnv;
  private readonly slice: number;
  /** region entries left before runSlice returns to run() (see SLICE_ENTRIES) */
  private entries = SLICE_ENTRIES;

  constructor(readonly ctx: ExecContext, private readonly opts: EngineOptions = {}) {
    const { mem, cpu, isa, log } = ctx;
    const sharing = ctx.sharing;
    this.cache = new CodeCache(mem, sharing && { store: () => sharing.store(), env: () => this.env, target: isa });
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    // per-block logging needs one block per compiled function
    if (log.has('exec') || log.has('cpu')) this.limits.regionBlocks = 1;
    this.slice = opts.slice ?? 200_000;
    mem.onCodeWrite = (page) => {
      this.cache.invalidatePage(page);
      cpu.requestExit(); // a running region must return at its next block boundary
    };
    const faults = mem.faultHooks(cpu, (addr, size, pc, write) => ctx.debug?.access(addr, size, pc, write));
    this.env = { r: cpu.r, mem, faults, helpers: isa.helpers };
  }

  /**
   * Translate and compile code at pc (and log it as -d asks). Tier 1 is the single block at
   * pc, compiled the first time it runs; once it has run HOT blocks, tier 2
   * compiles the whole region around it (loops, calls and returns in one JS function).
   * Compiling big regions only for hot code keeps start-up cheap.
   */
  compile(pc: number, tier = 1, mode = this.modeNow()): CompiledRegion {
    const { isa: target, mem, log } = this.ctx;
    const limits = tier === 1 ? { ...this.limits, regionBlocks: 1 } : this.limits;
    const dbg = this.ctx.debug;
    const blocks = formRegion(target, mem, pc, limits, tier === 1 ? (b) => {
      if (log.has('in_asm')) log.inAsm(b);
      if (log.has('op')) log.op(b);
    } : undefined, log.has('in_asm'), (next) => this.cache.get(next, mode) !== undefined, dbg && ((a) => dbg.hasBreakpoint(a)), mode);
    const region = compileRegion(blocks, pc, target.regs, this.env, tier > 1, dbg?.watching);
    region.tier = tier;
    region.mode = mode;
    if (log.has('out_asm')) log.outAsm(pc, tier, blocks, region.source);
    this.cache.add(region);
    return region;
  }

  /**
   * Run compiled code until something other than a plain jump happens: an exception
   * (ExitKind.Exception, cpu.excp says which; a fault thrown by a helper or a memory slow path
   * is recorded there too) or the end of a time slice (ExitKind.Jump).
   */
  runSlice(): ExitKind {
    const dbg = this.ctx.debug;
    if (dbg) return debugSlice(this, dbg);
    const { cpu, log } = this.ctx;
    const trace = log.has('exec') || log.has('cpu');
    const arg = regionArg(this.env);
    const modeOf = this.ctx.isa.translationMode;
    for (;;) {
      const pc = cpu.pc;
      const mode = modeOf === undefined ? 0 : modeOf(cpu);
      const region = this.cache.get(pc, mode) ?? this.compile(pc, 1, mode);
      if (trace) this.trace(pc);
      cpu.budget = this.slice;
      let kind: number;
      try {
        kind = region.fn(cpu, arg);
        // promote hot code, translating it in the mode it runs in: the region may have left
        // that mode (a trap return), and the frontend fetches through the CPU's state now
        if (region.tier === 1 && (region.hits += this.slice - cpu.budget + 1) >= HOT && this.limits.regionBlocks > 1
          && (modeOf === undefined || modeOf(cpu) === mode)) {
          region.tier = 0; // promoted: never count it again
          this.compile(pc, 2, mode);
        }
      } catch (e) {
        if (this.fault(e)) return ExitKind.Exception;
        throw e;
      }
      if (kind !== ExitKind.Jump && kind !== ExitKind.Sync) return kind;
      // a time slice is over (the budget ran out, or enough region entries): back to run()
      if (cpu.budget <= 0 || --this.entries <= 0) {
        this.entries = SLICE_ENTRIES;
        return ExitKind.Jump;
      }
    }
  }

  /**
   * For the debugger's run loop (src/core/engine/debug-run.ts): run the code at cpu.pc once, at
   * most `budget` blocks of it (promoting hot tier-1 code as runSlice does); with `one`, only
   * the instruction at cpu.pc, compiled apart and not cached. Guest faults propagate.
   */
  enter(budget: number, one: boolean): number {
    const { cpu, isa: target, mem, log } = this.ctx;
    const pc = cpu.pc;
    if (log.has('exec') || log.has('cpu')) this.trace(pc);
    const watch = this.ctx.debug?.watching;
    const mode = this.modeNow();
    if (one) {
      const b = translateBlock(target, mem, pc, 1, false, undefined, mode);
      cpu.budget = 1;
      return compileRegion([b], pc, target.regs, this.env, false, watch).fn(cpu, regionArg(this.env));
    }
    const region = this.cache.get(pc, mode) ?? this.compile(pc, 1, mode);
    cpu.budget = budget;
    const kind = region.fn(cpu, regionArg(this.env));
    if (region.tier === 1 && (region.hits += budget - cpu.budget + 1) >= HOT && this.limits.regionBlocks > 1 && this.modeNow() === mode) {
      region.tier = 0;
      this.compile(pc, 2, mode);
    }
    return kind;
  }

  /** the CPU's translation mode now (Isa.translationMode) */
  private modeNow(): number {
    const { isa, cpu } = this.ctx;
    return isa.translationMode ? isa.translationMode(cpu) : 0;
  }

  /** blocks a time slice may run (EngineOptions.slice) */
  get sliceBlocks(): number {
    return this.slice;
  }

  /**
   * Record what compiled code threw as the CPU's exception, if it is a guest exception (a
   * GuestFault, or a typed-array access off the top of the 4 GiB space: a page fault at the
   * instruction). False for host errors, which the caller rethrows.
   */
  fault(e: unknown): boolean {
    const cpu = this.ctx.cpu;
    if (e instanceof GuestFault) {
      recordFault(cpu, e);
      return true;
    }
    if (e instanceof RangeError && /offset|bounds/i.test(e.message)) {
      recordException(cpu, Excp.PageFault, cpu.pc, Access.Read, FaultCause.Unmapped);
      return true;
    }
    return false;
  }

  private trace(pc: number): void {
    const { log, cpu, isa: target } = this.ctx;
    if (log.has('exec')) {
      const region = this.cache.get(pc);
      log.write(formatExec(target, {
        thread: this.ctx.threadTag?.() ?? 0, region: region?.entry ?? pc, pc,
        flags: target.name === 'arm' ? (pc & 1) << 5 : 0, tier: Math.max(region?.tier ?? 1, 1), symbol: log.symbolAt(pc & ~1),
      }));
    }
    if (log.has('cpu')) log.write(formatCpu(target, cpu, pc));
  }
}
