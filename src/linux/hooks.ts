/**
 * Contract C: the hooks the embedding API puts on a Process (`proc.hooks`). The syscall layer
 * calls them at three points — before a system call runs, after it ran, and when a signal is
 * about to be acted on — and nothing else calls them. A Process without hooks pays one
 * property test per syscall and per signal. Results use Linux's generic numbering: an error
 * is -errno (-2 for ENOENT), as every supported target numbers them.
 */
import type { Process } from './process.js';
import type { SigInfo } from '../../syscalls/signal/state.js';

export interface GuestHooks {
  /**
   * A system call is about to run (`args` as the handler sees them). Return a number to skip
   * the call and make that its result; undefined lets it run.
   */
  syscallEntry?(proc: Process, name: string, args: number[]): number | undefined | void;
  /** A system call returned `result`; return a number to make the guest see that instead. */
  syscallExit?(proc: Process, name: string, args: number[], result: number): number | undefined | void;
  /**
   * Signal `sig` is about to be acted on (a handler, its default action, or ignored); `sync`
   * marks a fault of the current instruction. Return another signal number to act on that
   * one instead, 0 to drop it, undefined to go on.
   */
  signal?(proc: Process, sig: number, info: SigInfo, sync: boolean): number | undefined | void;
}
