/**
 * The run loop of a CPU with a Debugger attached (Engine.runSlice hands over to it):
 * the plain loop plus, at each region entry, a breakpoint check, the instruction budget,
 * single steps and the stepping over of the breakpoint a thread resumes from. A stop is
 * queued on the Debugger (ctl.stops) and the slice returns at once; the host's scheduler reports it.
 *
 * Watchpoints: code compiled while one is set tests the page's PAGE_WATCH flag on each load
 * and store; a hit throws WatchHit before the access. The loop then runs that instruction
 * alone (compiled apart, with hits recorded instead of thrown) and reports the stop after it.
 */
import { ExitKind } from '../ir.js';
import { Excp } from '../exceptions.js';
import { insnAddr, WatchHit, type Debugger } from './debug.js';
import type { Engine } from './engine.js';

/** region entries before the slice returns to the host's scheduler (as runSlice's SLICE_ENTRIES) */
const ENTRIES = 8192;
/** most instructions in one block: budgets near insnLimit are counted in these */
const BLOCK_INSNS = 64;

export function debugSlice(e: Engine, dbg: Debugger<unknown>): ExitKind {
  const cpu = e.ctx.cpu;
  const ctl = dbg.ctl;
  // translated code the debugger's changes made stale
  if (ctl.flushAll) {
    e.cache.clear();
    ctl.flushAll = false;
    ctl.dirtyPages.clear();
  }
  for (const p of ctl.dirtyPages) e.cache.invalidatePage(p);
  ctl.dirtyPages.clear();
  if (dbg.watching) dbg.markPages(); // (the host's mapping changes rewrite page flags)
  const task = e.ctx.currentThread?.();
  if (ctl.stepAfterSyscall === task) {
    // the step went into a syscall that has now finished
    ctl.stepAfterSyscall = undefined;
    if (!ctl.stops.length) dbg.queue(task, { kind: 'step', pc: insnAddr(cpu.pc) });
    return ExitKind.Jump;
  }
  const start = cpu.icount;
  let blocks = e.sliceBlocks;
  try {
    for (let n = 0; n < ENTRIES && blocks > 0; n++) {
      if (ctl.stops.length) return ExitKind.Jump;
      const pc = cpu.pc;
      let one = false;
      let step = false;
      const r = n === 0 ? ctl.resumes.get(task) : undefined;
      if (r) {
        ctl.resumes.delete(task);
        if (ctl.stepTask === task) ctl.stepTask = undefined;
        step = r.step;
        one = step || (pc === r.pc && dbg.hasBreakpoint(pc));
      }
      if (!one) {
        if (dbg.hasBreakpoint(pc)) {
          dbg.queue(task, { kind: 'breakpoint', pc: insnAddr(pc) });
          return ExitKind.Jump;
        }
        const left = dbg.insnLimit - (ctl.icount + cpu.icount - start);
        if (left <= 0) {
          dbg.queue(task, { kind: 'budget' });
          return ExitKind.Jump;
        }
        const bud = Math.min(blocks, Math.max(1, Math.floor(left / BLOCK_INSNS)));
        let kind: number;
        try {
          kind = e.enter(bud, false);
        } catch (err) {
          if (err instanceof WatchHit) {
            cpu.pc = err.pc >>> 0;
            const k = runOne(e, dbg, task, false);
            if (k !== ExitKind.Jump && k !== ExitKind.Sync) return k;
            continue;
          }
          if (e.fault(err)) return ExitKind.Exception;
          throw err;
        }
        blocks -= Math.max(1, bud - cpu.budget);
        if (kind !== ExitKind.Jump && kind !== ExitKind.Sync) return kind;
        continue;
      }
      const k = runOne(e, dbg, task, step);
      blocks--;
      if (k !== ExitKind.Jump && k !== ExitKind.Sync) return k;
    }
    return ExitKind.Jump;
  } finally {
    ctl.icount += cpu.icount - start;
  }
}

/**
 * Run the instruction at cpu.pc alone, recording watch hits; queue the stop it ends in (a
 * watchpoint, or the step when `step`). Returns its exit kind (Exception when it faulted:
 * the layer above reports or delivers that).
 */
function runOne(e: Engine, dbg: Debugger<unknown>, task: unknown, step: boolean): number {
  const cpu = e.ctx.cpu;
  const ctl = dbg.ctl;
  const pc = cpu.pc;
  ctl.recording = true;
  ctl.hits.length = 0;
  let kind: number;
  try {
    kind = e.enter(1, true);
  } catch (err) {
    if (e.fault(err)) return ExitKind.Exception; // the instruction did not complete: its exception stops
    throw err;
  } finally {
    ctl.recording = false;
  }
  const syscall = kind === ExitKind.Exception && cpu.excp === Excp.Syscall;
  if (kind === ExitKind.Exception && !syscall) return kind; // the instruction did not complete: its exception stops
  const hit = ctl.hits[0];
  if (hit) {
    dbg.queue(task, { kind: 'watch', pc: insnAddr(pc), addr: hit.addr, access: hit.access });
  } else if (step) {
    if (syscall) ctl.stepAfterSyscall = task; // reported once the call is done
    else dbg.queue(task, { kind: 'step', pc: insnAddr(cpu.pc) });
  }
  return kind;
}
