/**
 * Linux signal numbers (the generic numbering arm, aarch64 and riscv share) to the numbers
 * of gdb's remote protocol (gdb's own enum, include/gdb/signals.def) and back. They agree
 * for the classic ones only; the rest is this table.
 */

/** [linux, gdb] pairs where the numbers differ or matter; 1-6, 8, 9, 11, 13-15, 21, 22, 24-28 are equal */
const TABLE: Array<[number, number]> = [
  [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6],
  [7, 10], // SIGBUS
  [8, 8], [9, 9],
  [10, 30], // SIGUSR1
  [11, 11],
  [12, 31], // SIGUSR2
  [13, 13], [14, 14], [15, 15],
  [17, 20], // SIGCHLD
  [18, 19], // SIGCONT
  [19, 17], // SIGSTOP
  [20, 18], // SIGTSTP
  [21, 21], [22, 22],
  [23, 16], // SIGURG
  [24, 24], [25, 25], [26, 26], [27, 27], [28, 28],
  [29, 23], // SIGIO
  [30, 32], // SIGPWR
  [31, 12], // SIGSYS
  [32, 77], // SIGRTMIN: GDB_SIGNAL_REALTIME_32
  [64, 78], // GDB_SIGNAL_REALTIME_64
];
/** Linux 33..63 are gdb's REALTIME_33.. (45..75) */
const RT33 = 45;
/** gdb's "unknown signal" */
export const GDB_SIGNAL_UNKNOWN = 143;

export function linuxToGdbSignal(sig: number): number {
  if (sig === 0) return 0;
  if (sig >= 33 && sig <= 63) return RT33 + sig - 33;
  for (const [l, g] of TABLE) if (l === sig) return g;
  return GDB_SIGNAL_UNKNOWN;
}

/** 0 for a gdb signal with no Linux number (gdb asks to deliver nothing then) */
export function gdbToLinuxSignal(sig: number): number {
  if (sig === 0) return 0;
  if (sig >= RT33 && sig <= RT33 + 30) return sig - RT33 + 33;
  for (const [l, g] of TABLE) if (g === sig) return l;
  return 0;
}
