import { ExitKind, type Block } from '../ir.js';
import type { Isa } from '../isa.js';
import { Access, Excp, FaultCause, GuestFault, recordException, recordFault } from '../exceptions.js';
import { compileRegion, regionArg, type CompiledRegion, type RegionEnv } from '../backend/region.js';
import { interpretedRegion } from '../backend/interp.js';
import { compileWasmRegion } from '../backend/wasm/region.js';
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
 * Runs of an interpreted (tier 0) block before it is compiled (tier 1): compiling a block costs
 * about as much as interpreting it a few dozen times, and most start-up code runs only once.
 */
const WARM = 32;

/**
 * Compiled-function entries after which runSlice returns to run() even though the guest
 * only jumped, so that Node can run timers (SIGALRM) and host-signal listeners (Ctrl-C).
 */
const SLICE_ENTRIES = 8192;

export interface EngineOptions {
  limits?: Partial<RegionLimits>;
  /** blocks a compiled function may run before returning to the run loop */
  slice?: number;
  /** runs of a block interpreted before it is compiled (default WARM; 0: compile at once) */
  warm?: number;
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
  private readonly warm: number;
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
    this.warm = opts.warm ?? WARM;
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
  compile(pc: number, tier = this.firstTier(), mode = this.modeNow()): CompiledRegion {
    const { isa: target, mem, log } = this.ctx;
    const limits = tier <= 1 ? { ...this.limits, regionBlocks: 1 } : this.limits;
    const dbg = this.ctx.debug;
    const blocks = formRegion(target, mem, pc, limits, tier <= 1 ? (b) => {
      if (log.has('in_asm')) log.inAsm(b);
      if (log.has('op')) log.op(b);
    } : undefined, log.has('in_asm'), (next) => this.cache.get(next, mode) !== undefined, dbg && ((a) => dbg.hasBreakpoint(a)), mode);
    return this.build(blocks, pc, tier, mode);
  }

  /** Compile (or for tier 0, prepare to interpret) blocks already translated, and cache them. */
  private build(blocks: Block[], pc: number, tier: number, mode: number): CompiledRegion {
    const { isa: target, log } = this.ctx;
    const dbg = this.ctx.debug;
    // hot code goes to the wasm tier when the memory is made for it (and no debugger watches)
    const region = tier === 0 ? interpretedRegion(blocks[0], target.regs, this.env)
      : (tier > 1 && !dbg ? compileWasmRegion(blocks, pc, target.regs, this.env) : undefined) ??
        compileRegion(blocks, pc, target.regs, this.env, tier > 1, dbg?.watching);
    region.tier = tier;
    region.mode = mode;
    if (tier > 0 && log.has('out_asm')) log.outAsm(pc, tier, blocks, region.source);
    this.cache.add(region);
    return region;
  }

  /**
   * The tier code starts in: 0 (interpreted) unless every block must be compiled — a debugger
   * is attached (breakpoints and watchpoints live in compiled code) or -d out_asm asks to see it.
   */
  private firstTier(): number {
    return this.warm === 0 || this.ctx.debug || this.ctx.log.has('out_asm') ? 1 : 0;
  }

  /**
   * Count `blocks` runs of `region` (entered at pc) and promote it when they reach its tier's
   * threshold: an interpreted block is compiled from the IR it already has (WARM runs); a
   * compiled block grows into a region (HOT blocks). Each region is promoted once.
   */
  private count(region: CompiledRegion, blocks: number, pc: number, mode: number): void {
    // (an interpreted block runs once per entry, whatever an exit request did to the budget)
    if (region.tier > 1 || (region.hits += region.tier === 0 ? 1 : blocks) < (region.tier === 0 ? this.warm : HOT)) return;
    if (region.tier === 0) {
      region.hits = -Infinity; // promoted: never counted again
      this.build(region.blocks, pc, 1, mode); // (from the IR it has: nothing is fetched again)
    } else if (this.limits.regionBlocks > 1 && this.modeNow() === mode) {
      // a region is translated in the mode it runs in, and the frontend fetches through the
      // CPU's state now: when the code has left that mode (a trap return), wait for its next run
      region.hits = -Infinity;
      this.compile(pc, 2, mode);
    }
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
      const region = this.cache.get(pc, mode) ?? this.compile(pc, undefined, mode);
      if (trace) this.trace(pc);
      cpu.budget = this.slice;
      let kind: number;
      try {
        kind = region.fn(cpu, arg);
        this.count(region, this.slice - cpu.budget + 1, pc, mode);
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
    const region = this.cache.get(pc, mode) ?? this.compile(pc, undefined, mode);
    cpu.budget = budget;
    const kind = region.fn(cpu, regionArg(this.env));
    this.count(region, budget - cpu.budget + 1, pc, mode);
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
