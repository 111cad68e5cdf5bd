/**
 * Per-process signal delivery state (hangs off proc.sys as `sig`): the siginfo of each
 * pending signal, the sigreturn trampoline's address, the mask sigsuspend will restore,
 * interval timers, and the callbacks of guests waiting for a signal (sigsuspend,
 * sigtimedwait, a blocking syscall that a fatal signal must cut short).
 */

/** What the guest's siginfo_t says (fields a kind of signal does not use stay unset). */
export interface SigInfo {
  signo: number;
  code: number;
  errno?: number;
  /** faults: the address */
  addr?: number;
  /** kill/tgkill/sigqueue: sender */
  pid?: number;
  uid?: number;
  /** sigqueue: the value (si_int / si_ptr share it) */
  value?: number;
  /** sigqueueinfo: the guest's own bytes, copied as they are */
  raw?: Uint8Array;
  /**
   * Process-directed (kill, sigqueue, timers, SIGPIPE, host signals) rather than sent to the
   * thread (tgkill, raise). Linux keeps the two pending sets apart, so a standard signal can
   * be pending once in each and is then delivered twice.
   */
  shared?: boolean;
}

export interface ITimer {
  /** host timer, when armed */
  timer?: NodeJS.Timeout;
  /** hrtime (ns) of the next expiry, 0 = disarmed */
  deadline: bigint;
  /** reload value in ns (0 = one-shot) */
  interval: bigint;
  /** ITIMER_VIRTUAL/PROF: the value the guest set (they never fire: no CPU-time accounting) */
  value?: bigint;
}

export class SignalState {
  /** siginfo for each entry of proc.sys.pendingSignals, by signal (a queue for real-time ones) */
  readonly info = new Map<number, SigInfo[]>();
  /** guest address of the sigreturn trampoline page, 0 until the first delivery maps it */
  trampoline = 0;
  /** rt_sigsuspend: the mask to put back once a handler is set up (or at once if none is) */
  savedMask: bigint | undefined;
  /** interval timers by ITIMER_* number */
  readonly itimers = new Map<number, ITimer>();
  /** called when a signal is queued from outside the guest (timers, host signals) */
  readonly waiters = new Set<() => void>();
  /** while the engine runs: the Node listeners forwarding host signals (signal-host.ts) */
  hostListeners: Map<NodeJS.Signals, () => void> | undefined;
}
