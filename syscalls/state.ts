import type { SharedMapping } from './mm/shared-map.js';
import type { IpcNamespace } from './ipc/sysv.js';
import type { ShmAttach } from './ipc/sysv-shm.js';
import { NetState } from './net/sock.js';
import { SignalState } from './signal/state.js';

/** A named address range; `file`: a private file mapping's file, for MADV_DONTNEED (mm/mmap.ts) */
export interface MapName {
  start: number;
  end: number;
  name: string;
  file?: PrivateFile;
}

/** Where a private file mapping's bytes came from: host path, the offset of `start`, "dev:ino" */
export interface PrivateFile {
  path: string;
  off: number;
  id: string;
}

/** Per-process syscall state that has no better home (hangs off Process as `proc.sys`). */
export class SysState {
  /** MAP_SHARED file mappings (shared-map.ts) */
  sharedMaps: SharedMapping[] = [];
  /** signals raised while blocked or caught (delivery is the signal layer's job) */
  pendingSignals: number[] = [];
  /** delivery state: siginfo of pending signals, trampoline, timers (signal-state.ts) */
  readonly sig = new SignalState();
  /** sigaltstack: sp, flags, size (flags = SS_DISABLE when none) */
  altStack = { sp: 0, size: 0, disabled: true };
  /** setrlimit/prlimit64 values that differ from the defaults, by resource number */
  rlimits = new Map<number, [bigint, bigint]>();
  /** futex waiters (for when threads arrive): address -> wake callbacks */
  futexWaiters = new Map<number, Array<() => void>>();
  /** host hrtime (ns) when the process started */
  startNs = process.hrtime.bigint();
  /** CLOCK_REALTIME = hrtime + realBaseNs (ns resolution, steady between calls) */
  realBaseNs = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();
  /** ids for pipes (readlink /proc/self/fd/N shows pipe:[id]) */
  nextPipeId = 1000;
  /** termios set by TCSETS*, by host fd (we cannot change the host terminal's modes) */
  termios = new Map<number, Uint8Array>();
  /** set_tid_address / prctl(PR_SET_NAME) */
  threadName = '';
  /** names of address ranges for /proc/self/maps (the program, its interpreter, the stack) */
  mapNames: MapName[] = [];
  /** POSIX timers by id (posix-timers.ts): not inherited by fork, deleted by execve and exit */
  readonly posixTimers = new Map<number, { stop(): void }>();
  /** CPU time of this process and of its reaped children (rusage.ts) */
  readonly usage = {
    userUs: 0, sysUs: 0, childUserUs: 0, childSysUs: 0, maxRss: 0, childMaxRss: 0,
    /** process.cpuUsage() when the running turn began (undefined between turns) */
    turnStart: undefined as NodeJS.CpuUsage | undefined,
  };
  /** System V shared memory attachments (ipc/sysv-shm.ts) */
  shmAttach: ShmAttach[] = [];
  /** SEM_UNDO adjustments: semaphore set id -> semaphore -> amount put back at exit (ipc/sysv-sem.ts) */
  readonly semUndo = new Map<number, Map<number, number>>();
  /** the IPC namespace of a process that runs without a kernel (tests); see ipc/sysv.ts ipcOf */
  ipc: IpcNamespace | undefined;
  /** sockets: bound AF_UNIX names, socket ids (net-sock.ts) */
  readonly net = new NetState();

  /**
   * execve: forget what belonged to the old image (mappings, futex waiters on its memory,
   * the sigaltstack, the signal trampoline page). Pending signals, timers and the mask stay.
   */
  resetForExec(comm: string): void {
    this.sharedMaps = [];
    this.futexWaiters.clear();
    this.altStack = { sp: 0, size: 0, disabled: true };
    this.sig.trampoline = 0;
    this.sig.savedMask = undefined;
    this.threadName = comm.slice(0, 15);
    for (const t of this.posixTimers.values()) t.stop();
    this.posixTimers.clear();
  }
}
