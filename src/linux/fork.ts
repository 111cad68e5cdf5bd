/**
 * fork's copy of a process, in the same Node process: a fresh 4 GiB memory holding a copy of
 * every mapped page, a Cpu with the forking thread's registers, the fd table (sharing open
 * file descriptions, so in-process pipes join parent and child), signal dispositions, cwd,
 * umask, brk, auxv, limits. Not inherited, as on Linux: pending signals, interval timers.
 */
import { Memory, PAGE_CODE, PAGE_MAPPED, PAGE_SHIFT } from '../core/memory/flat.js';
import { nonZeroRuns, pageRuns, type MemoryPool } from './memory-pool.js';
import { Process } from './process.js';
import { FdTable } from '../../syscalls/fs/fdtable.js';
import { SysState } from '../../syscalls/state.js';
import type { CpuState } from '../core/cpu.js';
import { Task } from './task.js';
import { shmForked } from '../../syscalls/ipc/sysv-shm.js';

/**
 * Copy the mapped pages (contents and protection) of `src` into a new Memory (from `pool`
 * when given: see memory-pool.ts). The copy has no translated code of its own yet, so no
 * PAGE_CODE flags; its engine takes the parent's translations from the kernel's CodeStore
 * (src/core/engine/code-store.ts) and flags the pages as it does.
 */
export function copyMemory(src: Memory, pool?: MemoryPool): Memory {
  const dst = pool ? pool.take(src.littleEndian, src.wasm) : new Memory(src.littleEndian, src.wasm);
  const sp = src.perm;
  const dp = dst.perm;
  pageRuns(sp, PAGE_MAPPED, (a, b) => {
    for (let p = a >>> PAGE_SHIFT, q = (b - 1) >>> PAGE_SHIFT; p <= q; p++) dp[p] = sp[p] & ~PAGE_CODE;
    // dst is all zero: copy only pages holding something (the rest stay uncommitted)
    nonZeroRuns(src.u8, a, b, (x, y) => dst.u8.set(src.u8.subarray(x, y), x));
  });
  return dst;
}

/** A new fd table with the same descriptors, sharing their open file descriptions. */
export function copyFds(src: FdTable): FdTable {
  const t = new FdTable();
  for (const fd of [...t.fds()]) t.close(fd);
  for (const fd of src.fds()) {
    const e = src.entry(fd)!;
    t.install(fd, e.file, e.cloexec);
  }
  t.limit = src.limit;
  return t;
}

/** The syscall layer's state a child inherits (the rest starts fresh). */
function copySys(src: SysState): SysState {
  const s = new SysState();
  s.sharedMaps = src.sharedMaps.map((m) => ({ ...m }));
  s.altStack = { ...src.altStack };
  s.rlimits = new Map(src.rlimits);
  s.realBaseNs = src.realBaseNs;
  s.nextPipeId = src.nextPipeId;
  s.termios = new Map(src.termios);
  s.threadName = src.threadName;
  s.mapNames = src.mapNames.map((n) => ({ ...n }));
  return s;
}

/** Fields of Process that are copied as they are (primitive values). */
const SKIP = new Set(['pid', 'ppid', 'kernel', 'thread', 'sigmask']);

/**
 * A child of `parent` (whose current thread is the one forking) with registers `cpuState`
 * and pid `pid`. Its thread is child.thread (tid = pid).
 */
export function forkProcess(parent: Process, pid: number, cpuState: CpuState): Process {
  const mem = copyMemory(parent.mem, parent.kernel?.memories);
  const cpu = parent.target.createCpu(mem);
  cpu.restoreState(cpuState);
  const child = new Process(parent.target, mem, cpu, parent.log, parent.sysroot, parent.strace);
  const to = child as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(parent)) {
    if (SKIP.has(k) || (v !== null && typeof v === 'object') || typeof v === 'function') continue;
    try { to[k] = v; } catch { /* a getter-only field */ }
  }
  child.pid = pid;
  child.ppid = parent.pid;
  child.sigmask = parent.sigmask;
  child.argv = [...parent.argv];
  child.envp = [...parent.envp];
  child.auxv = parent.auxv.map(([t, v]) => [t, v] as [number, number]);
  for (const [sig, raw] of parent.sigactions) child.sigactions.set(sig, raw.slice());
  (child as { fds: FdTable }).fds = copyFds(parent.fds);
  (child as { sys: SysState }).sys = copySys(parent.sys);
  shmForked(child, parent.sys.shmAttach); // SEM_UNDO adjustments are not inherited, as on Linux
  // the child's one thread: tid = pid
  child.thread = new Task(pid, child);
  child.thread.clearChildTid = 0;
  return child;
}
