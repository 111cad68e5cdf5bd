/**
 * clone(2), wait(2) and SIGCHLD constants. Unlike most constants (syscalls/layouts/, per
 * target), these are the same on every Linux architecture: they come from the generic
 * uapi headers (linux/sched.h, linux/wait.h, asm-generic/siginfo.h).
 */
export const CLONE = {
  CSIGNAL: 0x000000ff,
  VM: 0x00000100,
  FS: 0x00000200,
  FILES: 0x00000400,
  SIGHAND: 0x00000800,
  PIDFD: 0x00001000,
  PTRACE: 0x00002000,
  VFORK: 0x00004000,
  PARENT: 0x00008000,
  THREAD: 0x00010000,
  NEWNS: 0x00020000,
  SYSVSEM: 0x00040000,
  SETTLS: 0x00080000,
  PARENT_SETTID: 0x00100000,
  CHILD_CLEARTID: 0x00200000,
  DETACHED: 0x00400000,
  UNTRACED: 0x00800000,
  CHILD_SETTID: 0x01000000,
} as const;

export const WAIT = {
  WNOHANG: 0x00000001,
  WUNTRACED: 0x00000002,
  WEXITED: 0x00000004,
  WCONTINUED: 0x00000008,
  WNOWAIT: 0x01000000,
  __WNOTHREAD: 0x20000000,
  __WALL: 0x40000000,
  __WCLONE: 0x80000000,
  P_ALL: 0,
  P_PID: 1,
  P_PGID: 2,
  P_PIDFD: 3,
} as const;

/** si_code of SIGCHLD */
export const CLD = { EXITED: 1, KILLED: 2, DUMPED: 3 } as const;

/**
 * Where clone's arguments are, by target: (flags, stack, parent_tid, tls, child_tid) is the
 * CLONE_BACKWARDS order riscv, arm and aarch64 use (x86-64 swaps tls and child_tid).
 */
export const CLONE_ARG_ORDER: Record<string, { flags: number; stack: number; ptid: number; tls: number; ctid: number }> = {
  default: { flags: 0, stack: 1, ptid: 2, tls: 3, ctid: 4 },
  x86_64: { flags: 0, stack: 1, ptid: 2, ctid: 3, tls: 4 },
};
