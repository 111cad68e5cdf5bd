/**
 * The Linux side of the debugging core (src/core/engine/debug.ts): a debugged Process shows
 * its threads (Tasks) and their registers to the Debugger. Threads switched out keep their
 * registers in a saved context (src/linux/task.ts); the debugger sees them through views whose
 * writes go back into that context when the stop resolves.
 */
import type { Cpu } from '../core/cpu.js';
import type { DebugHost, Debugger } from '../core/engine/debug.js';
import type { Process } from './process.js';
import type { Task } from './task.js';

/** A Debugger whose threads are Linux tasks. */
export type LinuxDebugger = Debugger<Task>;

export function debugHost(proc: Process): DebugHost<Task> {
  /** register views of switched-out threads handed out during the current stop */
  const views = new Map<Task, Cpu>();
  return {
    get mem() {
      return proc.mem;
    },
    threads: () => proc.kernel?.liveThreads(proc) ?? (proc.thread.state !== 'dead' ? [proc.thread] : []),
    cpuOf(task: Task): Cpu {
      const p = task.proc;
      if (p.thread === task || !task.ctx) return p.cpu;
      let v = views.get(task);
      if (v) return v;
      const live = p.cpu;
      const st = task.ctx.cpu;
      v = Object.assign(Object.create(Object.getPrototypeOf(live) as object) as Cpu, live);
      const w = v as unknown as Record<string, unknown>;
      w.r = st.r;
      w.f64 = new Float64Array(st.r.buffer, st.r.byteOffset, st.r.byteLength >> 3);
      for (const [k, x] of Object.entries(st.fields)) w[k] = x;
      v.pc = st.pc;
      views.set(task, v);
      return v;
    },
    flushViews(): void {
      for (const [task, v] of views) {
        const st = task.ctx?.cpu;
        if (!st) continue;
        st.pc = v.pc;
        const w = v as unknown as Record<string, number>;
        for (const k of Object.keys(st.fields)) st.fields[k] = w[k];
      }
      views.clear();
    },
  };
}
