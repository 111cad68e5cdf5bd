/**
 * The syscall registry: one row per syscall NAME (names as in the kernel's unistd.h).
 * A target maps its numbers to these names with its generated tables/<target>.ts, so a new
 * target adds data, not handlers. Rows live with their handlers, grouped by area.
 */
import type { SyscallDef } from './def.js';
import { fsDirSyscalls } from './fs-dir.js';
import { fsMetaSyscalls } from './fs-meta.js';
import { fsSyscalls } from './fs.js';
import { mmSyscalls } from './mm.js';
import { processSyscalls } from './process.js';
import { signalSyscalls } from './signal.js';
import { timeSyscalls } from './time.js';
import { ttySyscalls } from './tty.js';
import { compat32Syscalls } from './compat32.js';
import { cloneSyscalls } from './clone.js';
import { childWaitSyscalls } from './wait.js';
import { killSyscalls } from './kill.js';
import { futexSyscalls } from './futex.js';
import { pollSyscalls } from './poll.js';
import { epollSyscalls } from './epoll.js';
import { eventfdSyscalls } from './eventfd.js';
import { netSyscalls } from './net.js';
import { execSyscalls } from './exec.js';
import { xattrSyscalls } from './xattr.js';
import { timerfdSyscalls } from './timerfd.js';
import { signalfdSyscalls } from './signalfd.js';
import { posixTimerSyscalls } from './posix-timers.js';
import { robustListSyscalls } from './robust-list.js';

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

export const registry = build([fsSyscalls, fsMetaSyscalls, fsDirSyscalls, ttySyscalls, mmSyscalls, timeSyscalls, processSyscalls, signalSyscalls, pollSyscalls, epollSyscalls, eventfdSyscalls, execSyscalls, netSyscalls, cloneSyscalls, childWaitSyscalls, killSyscalls, futexSyscalls, xattrSyscalls, timerfdSyscalls, signalfdSyscalls, posixTimerSyscalls, robustListSyscalls]);
/** rows only 32-bit ABIs have, built on the generic ones (compat32.ts); looked up after `registry` */
export const compatRegistry = build([compat32Syscalls(registry)]);
