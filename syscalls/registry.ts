/**
 * The syscall registry: one row per syscall NAME (names as in the kernel's unistd.h).
 * A target maps its numbers to these names with its generated table (targets/<arch>/linux/syscall-names.generated.ts), so a new
 * target adds data, not handlers. Rows live with their handlers, grouped by area.
 */
import type { SyscallDef } from './def.js';
import { fsDirSyscalls } from './fs/dir.js';
import { fsMetaSyscalls } from './fs/meta.js';
import { fsSyscalls } from './fs/files.js';
import { mmSyscalls } from './mm/mmap.js';
import { processSyscalls } from './process/sys.js';
import { signalSyscalls } from './signal/sigaction.js';
import { timeSyscalls } from './time/clock.js';
import { ttySyscalls } from './fs/tty.js';
import { compat32Syscalls } from './compat32.js';
import { cloneSyscalls } from './process/clone.js';
import { childWaitSyscalls } from './process/wait.js';
import { killSyscalls } from './signal/kill.js';
import { futexSyscalls } from './ipc/futex.js';
import { pollSyscalls } from './fs/poll.js';
import { epollSyscalls } from './fs/epoll.js';
import { eventfdSyscalls } from './ipc/eventfd.js';
import { netSyscalls } from './net/calls.js';
import { execSyscalls } from './process/exec.js';
import { xattrSyscalls } from './fs/xattr.js';
import { timerfdSyscalls } from './time/timerfd.js';
import { signalfdSyscalls } from './signal/signalfd.js';
import { posixTimerSyscalls } from './time/posix-timers.js';
import { robustListSyscalls } from './process/robust-list.js';
import { shmSyscalls } from './ipc/sysv-shm.js';
import { semSyscalls } from './ipc/sysv-sem.js';
import { msgSyscalls } from './ipc/sysv-msg.js';

export type { ArgKind, Handler, RetKind, SyscallDef } from './def.js';

function build(groups: SyscallDef[][]): Readonly<Record<string, SyscallDef>> {
  const out: Record<string, SyscallDef> = {};
  for (const g of groups) {
    for (const d of g) {
      if (out[d.name]) throw new Error(`syscall ${d.name} registered twice`);
      out[d.name] = d;
    }
  }
  return Object.freeze(out);
}

export const registry = build([fsSyscalls, fsMetaSyscalls, fsDirSyscalls, ttySyscalls, mmSyscalls, timeSyscalls, processSyscalls, signalSyscalls, pollSyscalls, epollSyscalls, eventfdSyscalls, execSyscalls, netSyscalls, cloneSyscalls, childWaitSyscalls, killSyscalls, futexSyscalls, xattrSyscalls, timerfdSyscalls, signalfdSyscalls, posixTimerSyscalls, robustListSyscalls, shmSyscalls, semSyscalls, msgSyscalls]);
/** rows only 32-bit ABIs have, built on the generic ones (compat32.ts); looked up after `registry` */
export const compatRegistry = build([compat32Syscalls(registry)]);
