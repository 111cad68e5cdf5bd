/**
 * A guest thread (a Linux "task"). All threads of a process share its Process (memory, fd
 * table, signal dispositions) and its one Cpu object: the scheduler copies a thread's
 * registers into the Cpu when the thread is switched in, and out when another thread of the
 * same process is (see Kernel.switchTo). The per-thread parts of the signal state (mask,
 * thread-directed pending signals, sigaltstack, sigsuspend's saved mask) and the thread's
 * own fields (clear_child_tid, name) are swapped the same way, so that the
 * syscall and signal code keeps reading them from the Process: the process always shows the
 * thread that runs.
 */
import type { CpuState } from '../core/cpu.js';
import type { Process } from './process.js';
import type { SigInfo } from '../../syscalls/signal/state.js';

/** Thrown by exit(2): the calling thread ends; the process ends with its last thread. */
export class ThreadExit extends Error {
  constructor(readonly status: number) {
    super(`thread exit ${status}`);
  }
}

export type TaskState = 'runnable' | 'parked' | 'dead';

/** What a thread keeps while another thread of its process is switched in. */
export interface ThreadContext {
  cpu: CpuState;
  sigmask: bigint;
  /** thread-directed pending signals (tgkill, faults), in queue order */
  pending: Array<[number, SigInfo]>;
  altStack: { sp: number; size: number; disabled: boolean };
  savedMask: bigint | undefined;
  threadName: string;
}

export class Task {
  state: TaskState = 'runnable';
  /** saved context while switched out (undefined while its registers are in proc.cpu) */
  ctx: ThreadContext | undefined;
  /**
   * A blocking syscall's completion: runs in the thread's context when it is next
   * scheduled (writes the result, prints -strace, delivers signals).
   */
  completion: (() => void) | undefined;
  /** abandon the parked syscall (a fatal signal, exit_group of another thread) */
  cancelWait: (() => void) | undefined;
  /** set_tid_address / CLONE_CHILD_CLEARTID: zeroed and futex-woken when the thread exits */
  clearChildTid = 0;
  /** set_robust_list: the thread's struct robust_list_head, walked when it ends (0: none) */
  robustList = 0;
  /** guest CPU time of this thread's turns so far (rusage.ts), in microseconds */
  userUs = 0;
  sysUs = 0;
  /** sched_yield asked to let the other threads run */
  yieldNow = false;
  /** vfork: this (parent) thread waits until `vforkChild` execs or exits */
  vforkChild: Process | undefined;

  constructor(
    readonly tid: number,
    public proc: Process,
  ) {}
}
