import { ExitKind } from '../ir.js';
import { GuestFault } from '../memory/flat.js';
import { flatFaultHooks } from '../memory/flat-hooks.js';
import type { Process } from '../../linux/process.js';
import { compileRegion, regionArg, type CompiledRegion, type RegionEnv } from '../backend/region.js';
import { CodeCache, sharingFor } from './cache.js';
import { DEFAULT_LIMITS, formRegion, translateBlock, type RegionLimits } from './translate.js';
import { deliverSignal } from '../../../syscalls/signal/deliver.js';
import { Kernel } from '../../linux/kernel.js';
import { formatCpu, formatExec } from '../log/cpu.js';
import { debugSlice } from './debug-run.js';

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

export interface ExitStatus {
  /** exit status (0-255) when the guest exited normally */
  status: number;
  /** terminating signal number, or 0 */
  signal: number;
  /** a debugger ended the run (StopAction.kill): then status 0, signal 9 */
  killed?: boolean;
}

export interface EngineOptions {
  limits?: Partial<RegionLimits>;
  /** blocks a compiled function may run before returning to the run loop */
  slice?: number;
}

/**
 * The run loop: look up (or translate and compile) the region at cpu.pc, run it, and act on
 * why it returned — a jump elsewhere, a syscall, a trap. Guest faults become guest signals.
 */
export class Engine {
  readonly cache: CodeCache;
  private readonly limits: RegionLimits;
  private readonly env: RegionEnv;
  private readonly slice: number;
  /** region entries left before runSlice returns to run() (see SLICE_ENTRIES) */
  private entries = SLICE_ENTRIES;

  constructor(readonly proc: Process, private readonly opts: EngineOptions = {}) {
    const { mem, cpu, target, log } = proc;
    this.cache = new CodeCache(mem, sharingFor(proc, () => this.env));
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    // per-block logging needs one block per compiled function
    if (log.has('exec') || log.has('cpu')) this.limits.regionBlocks = 1;
    this.slice = opts.slice ?? 200_000;
    mem.onCodeWrite = (page) => {
      this.cache.invalidatePage(page);
      cpu.requestExit(); // a running region must return at its next block boundary
    };
    const faults = flatFaultHooks(mem, cpu, (addr, size, pc, write) => proc.debug?.access(addr, size, pc, write));
    this.env = { r: cpu.r, mem, faults, helpers: target.helpers };
  }

  /**
   * Translate and compile code at pc (and log it as -d asks). Tier 1 is the single block at
   * pc, compiled the first time it runs; once it has run HOT blocks, tier 2
   * compiles the whole region around it (loops, calls and returns in one JS function).
   * Compiling big regions only for hot code keeps start-up cheap.
   */
  compile(pc: number, tier = 1): CompiledRegion {
    const { target, mem, log } = this.proc;
    const limits = tier === 1 ? { ...this.limits, regionBlocks: 1 } : this.limits;
    const dbg = this.proc.debug;
    const blocks = formRegion(target, mem, pc, limits, tier === 1 ? (b) => {
      if (log.has('in_asm')) log.inAsm(b);
      if (log.has('op')) log.op(b);
    } : undefined, log.has('in_asm'), (next) => this.cache.get(next) !== undefined, dbg && ((a) => dbg.hasBreakpoint(a)));
    const region = compileRegion(blocks, pc, target.regs, target.littleEndian, this.env, tier > 1, dbg?.watching);
    region.tier = tier;
    if (log.has('out_asm')) log.outAsm(pc, tier, blocks, region.source);
    this.cache.add(region);
    return region;
  }

  /**
   * Run until the guest exits or is killed: the process, with the threads and child
   * processes it creates, under a new Kernel (src/linux/kernel.ts: tables and the scheduler). An
   * execve that replaced the image (ImageReplaced) goes on with a new Engine (code cache,
   * memory views) made with these options.
   */
  run(): Promise<ExitStatus> {
    return new Kernel(this.proc, (p) => new Engine(p, this.opts), this).run();
  }

  /** Run compiled code until something other than a plain jump happens. */
  runSlice(): ExitKind {
    if (this.proc.debug) return debugSlice(this, this.proc.debug);
    const { cpu, log } = this.proc;
    const trace = log.has('exec') || log.has('cpu');
    const arg = regionArg(this.env);
    for (;;) {
      const pc = cpu.pc;
      const region = this.cache.get(pc) ?? this.compile(pc);
      if (trace) this.trace(pc);
      cpu.budget = this.slice;
      let kind: number;
      try {
        kind = region.fn(cpu, arg);
        if (region.tier === 1 && (region.hits += this.slice - cpu.budget + 1) >= HOT && this.limits.regionBlocks > 1) {
          region.tier = 0; // promoted: never count it again
          this.compile(pc, 2);
        }
      } catch (e) {
        if (e instanceof GuestFault) {
          if (e.pc === -1) e.pc = cpu.pc; // thrown by a helper: generated code set cpu.pc before the call
          cpu.pc = e.pc >>> 0;
          this.signal(e.sig, e.code, e.addr, e.pc);
          continue;
        }
        if (e instanceof RangeError && /offset|bounds/i.test(e.message)) {
          this.signal(11, 1, cpu.pc, cpu.pc); // an access running off the top of the 4 GiB space
          continue;
        }
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
    const { cpu, target, mem, log } = this.proc;
    const pc = cpu.pc;
    if (log.has('exec') || log.has('cpu')) this.trace(pc);
    const watch = this.proc.debug?.watching;
    if (one) {
      const b = translateBlock(target, mem, pc, 1);
      cpu.budget = 1;
      return compileRegion([b], pc, target.regs, target.littleEndian, this.env, false, watch).fn(cpu, regionArg(this.env));
    }
    const region = this.cache.get(pc) ?? this.compile(pc);
    cpu.budget = budget;
    const kind = region.fn(cpu, regionArg(this.env));
    if (region.tier === 1 && (region.hits += budget - cpu.budget + 1) >= HOT && this.limits.regionBlocks > 1) {
      region.tier = 0;
      this.compile(pc, 2);
    }
    return kind;
  }

  /** blocks a time slice may run (EngineOptions.slice) */
  get sliceBlocks(): number {
    return this.slice;
  }

  /**
   * A synchronous fault of the instruction at pc (cpu.pc is already there): the guest's
   * handler gets it (execution goes on there; a handler that returns runs the instruction
   * again), or the process ends by it (GuestExit), also when it is blocked or ignored.
   */
  signal(sig: number, code: number, addr: number, _pc: number): void {
    deliverSignal(this.proc, sig, { signo: sig, code, addr }, true);
  }

  private trace(pc: number): void {
    const { log, cpu, target } = this.proc;
    if (log.has('exec')) {
      const region = this.cache.get(pc);
      log.write(formatExec(target, {
        thread: this.proc.thread.tid - this.proc.pid, region: region?.entry ?? pc, pc,
        flags: target.name === 'arm' ? (pc & 1) << 5 : 0, tier: Math.max(region?.tier ?? 1, 1), symbol: log.symbolAt(pc & ~1),
      }));
    }
    if (log.has('cpu')) log.write(formatCpu(target, cpu, pc));
  }
}
