/** Linux signal names by number (generic numbering, shared by riscv, arm, aarch64, x86). */
const NAMES: Record<number, [string, string]> = {
  1: ['SIGHUP', 'Hangup'], 2: ['SIGINT', 'Interrupt'], 3: ['SIGQUIT', 'Quit'],
  4: ['SIGILL', 'Illegal instruction'], 5: ['SIGTRAP', 'Trace/breakpoint trap'],
  6: ['SIGABRT', 'Aborted'], 7: ['SIGBUS', 'Bus error'], 8: ['SIGFPE', 'Floating point exception'],
  9: ['SIGKILL', 'Killed'], 10: ['SIGUSR1', 'User defined signal 1'], 11: ['SIGSEGV', 'Segmentation fault'],
  12: ['SIGUSR2', 'User defined signal 2'], 13: ['SIGPIPE', 'Broken pipe'], 14: ['SIGALRM', 'Alarm clock'],
  15: ['SIGTERM', 'Terminated'], 17: ['SIGCHLD', 'Child exited'], 31: ['SIGSYS', 'Bad system call'],
};

export const signalName = (sig: number): string => NAMES[sig]?.[0] ?? `SIG${sig}`;
export const signalText = (sig: number): string => NAMES[sig]?.[1] ?? `Unknown signal ${sig}`;

/** Signals whose default action dumps core (qemu reports them as "core dumped"). */
export const CORE_SIGNALS = new Set([3, 4, 5, 6, 7, 8, 11, 24, 25, 31]);
