/**
 * signalfd/signalfd4: an fd that reads pending signals of a mask as 128-byte
 * struct signalfd_siginfo records (the same layout on every target). A read takes the lowest
 * pending signal of the mask (the reading thread's own first, then the process's), as many
 * as fit, and waits — interruptibly — while none is pending, unless the fd is non-blocking;
 * poll/select/epoll see POLLIN while one is. Calling signalfd again on the same fd replaces
 * its mask. Signals meant for the fd are usually blocked; unblocked ones are delivered as
 * usual by whoever gets there first, as on Linux.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { CLD } from '../process/clone-flags.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { OpenFile, type SpecialFile } from '../fs/fdtable.js';
import { installFile } from '../fs/files.js';
import { POLLIN, type Readiness } from '../fs/ready.js';
import { dequeueSignal, pendingIn, readSigset, unblockable } from './deliver.js';
import type { SigInfo } from './state.js';

const SIGINFO_SIZE = 128;
/** struct signalfd_siginfo offsets (include/uapi/linux/signalfd.h) */
const OFF = {
  signo: 0, errno: 4, code: 8, pid: 12, uid: 16, fd: 20, tid: 24, band: 28, overrun: 32, trapno: 36,
  status: 40, int: 44, ptr: 48, utime: 56, stime: 64, addr: 72,
} as const;

/** signals whose siginfo carries a fault address when si_code > 0 */
const FAULTS = ['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGTRAP'];

export class SignalFd implements SpecialFile, Readiness {
  readonly name = 'anon_inode:[signalfd]';

  constructor(private readonly proc: Process, public mask: bigint) {}

  poll(): number { return pendingIn(this.proc, this.mask) ? POLLIN : 0; }

  subscribe(cb: () => void): () => void {
    // signals queued from outside (kill, timers, children) wake the process's waiters
    const waiters = this.proc.sys.sig.waiters;
    const once = (): void => { waiters.delete(once); cb(); };
    waiters.add(once);
    return () => { waiters.delete(once); };
  }

  readNow(buf: Uint8Array, reader?: Process): number | undefined {
    const proc = reader ?? this.proc;
    if (buf.length < SIGINFO_SIZE) return -E.EINVAL;
    let n = 0;
    while (n + SIGINFO_SIZE <= buf.length) {
      const sig = pendingIn(proc, this.mask);
      if (!sig) break;
      encode(proc, buf.subarray(n, n + SIGINFO_SIZE), dequeueSignal(proc, sig));
      n += SIGINFO_SIZE;
    }
    return n || undefined;
  }
}

/** Fill one signalfd_siginfo from a queued siginfo, as Linux's signalfd_copyinfo does. */
function encode(proc: Process, out: Uint8Array, info: SigInfo): void {
  const a = archOf(proc);
  const le = proc.mem.littleEndian;
  const dv = new DataView(out.buffer, out.byteOffset, SIGINFO_SIZE);
  out.fill(0);
  let { pid, uid, value, addr } = info;
  let code = info.code;
  let errno = info.errno ?? 0;
  if (info.raw) {
    // sigqueueinfo: the guest's own siginfo bytes
    const l = a.s.siginfo.fields;
    const raw = info.raw;
    const rd = (f: { off: number; size: number; signed?: boolean }): number => {
      const v = new DataView(raw.buffer, raw.byteOffset + f.off, f.size);
      if (f.size === 8) return Number(v.getBigUint64(0, le));
      return f.signed ? v.getInt32(0, le) : v.getUint32(0, le);
    };
    code = rd(l.si_code);
    errno = rd(l.si_errno);
    pid = rd(l.si_pid);
    uid = rd(l.si_uid);
    value = rd(l.si_ptr);
  }
  dv.setUint32(OFF.signo, info.signo, le);
  dv.setInt32(OFF.errno, errno, le);
  dv.setInt32(OFF.code, code, le);
  const sigName = a.sigName[info.signo];
  if (code > 0 && FAULTS.includes(sigName)) {
    dv.setBigUint64(OFF.addr, BigInt(addr ?? 0), le);
    return;
  }
  if (code > 0 && info.signo === a.c.SIGCHLD && code <= CLD.DUMPED + 3) {
    dv.setUint32(OFF.pid, pid ?? 0, le);
    dv.setUint32(OFF.uid, uid ?? 0, le);
    dv.setInt32(OFF.status, value ?? 0, le);
    return;
  }
  if (code === a.c.SI_TIMER) {
    dv.setUint32(OFF.tid, pid ?? 0, le);
    dv.setUint32(OFF.overrun, uid ?? 0, le);
  } else {
    dv.setUint32(OFF.pid, pid ?? 0, le);
    dv.setUint32(OFF.uid, uid ?? 0, le);
  }
  const v = BigInt(value ?? 0);
  dv.setBigUint64(OFF.ptr, BigInt.asUintN(64, v), le);
  dv.setInt32(OFF.int, Number(BigInt.asIntN(32, v)), le);
}

function signalfd4(proc: Process, [fd, maskAddr, size, flags]: number[]): number {
  const a = archOf(proc);
  const c = a.c;
  if (flags & ~(c.O_NONBLOCK | c.O_CLOEXEC)) return -E.EINVAL;
  if (size !== (c._NSIG ?? 64) / 8) return -E.EINVAL;
  const mask = readSigset(proc, maskAddr) & ~unblockable(a);
  fd |= 0;
  if (fd !== -1) {
    const f = proc.fds.get(fd);
    if (!f) return -E.EBADF;
    if (!(f.special instanceof SignalFd)) return -E.EINVAL;
    f.special.mask = mask;
    return fd;
  }
  const s = new SignalFd(proc, mask);
  const f = new OpenFile('special', -1, 2 | (flags & c.O_NONBLOCK), '', s.name);
  f.pos = null;
  f.special = s;
  f.ready = s;
  return installFile(proc, f, (flags & c.O_CLOEXEC) !== 0);
}

export const signalfdSyscalls: SyscallDef[] = [
  sys('signalfd4', ['fd', 'ptr', 'uint', 'hex'], signalfd4),
  sys('signalfd', ['fd', 'ptr', 'uint'], (p, [fd, m, size]) => signalfd4(p, [fd, m, size, 0])),
];
