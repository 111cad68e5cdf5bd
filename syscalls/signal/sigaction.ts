/**
 * Signal syscalls: rt_sigaction (the guest's struct kept as raw bytes in proc.sigactions,
 * layout per target), rt_sigprocmask, rt_sigpending, sigaltstack, kill/tgkill/tkill and
 * rt_(tg)sigqueueinfo to ourselves, rt_sigreturn. A signal raised here either acts at once
 * (ignored, or a default action that ends the process) or is queued; queued signals reach
 * their handlers through signal-deliver.ts when the syscall returns to the guest. Waiting
 * for signals and timers are in signal-wait.ts.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { readStruct, writeStruct } from '../layout.js';
import { fmtArg } from '../strace.js';
import {
  SIG_DFL, SIG_IGN, type SigInfo, defaultAction, fmtSiginfo, isBlocked, nsig, onAltStack, queueSignal,
  readSigset, sigDisposition, sigreturn, unblockable, writeSigset,
} from './deliver.js';
import { syncHostSignals } from './host.js';
import { waitSyscalls } from './wait.js';

export { sigDisposition } from './deliver.js';

const uid = () => process.getuid?.() ?? 0;

/**
 * siginfo of a signal this process sends itself: kill (SI_USER, to the process) by default,
 * tgkill/tkill (SI_TKILL, to the thread) with `code`.
 */
export function selfInfo(proc: Process, sig: number, code = archOf(proc).c.SI_USER ?? 0): SigInfo {
  return { signo: sig, code, pid: proc.pid, uid: uid(), shared: code !== archOf(proc).c.SI_TKILL };
}

/**
 * Raise `sig` in this process from a syscall: dropped when it would be ignored, else queued;
 * doSyscall delivers it (handler or default action) as the call returns, like Linux.
 */
export function raiseSignal(proc: Process, sig: number, info: SigInfo = selfInfo(proc, sig)): void {
  const a = archOf(proc);
  if (sig !== a.c.SIGKILL && !isBlocked(proc, sig)) {
    const disp = sigDisposition(proc, sig);
    if (disp === SIG_IGN || (disp === SIG_DFL && defaultAction(a, sig) === 'ignore')) return;
  }
  queueSignal(proc, sig, info);
}

/** SIGPIPE for a write to a pipe/socket with no reader: -EPIPE unless it kills the process. */
export function brokenPipe(proc: Process): number {
  raiseSignal(proc, archOf(proc).c.SIGPIPE);
  return -E.EPIPE;
}

function rtSigaction(proc: Process, [sig, act, oact, setsize]: number[]): number {
  const a = archOf(proc);
  const l = a.s.sigaction;
  if (setsize !== nsig(proc) / 8) return -E.EINVAL;
  if (sig < 1 || sig > nsig(proc)) return -E.EINVAL;
  if (act && (sig === a.c.SIGKILL || sig === a.c.SIGSTOP)) return -E.EINVAL;
  let newRaw: Uint8Array | undefined;
  if (act) newRaw = proc.mem.readBytes(act, l.size);
  if (oact) {
    const old = proc.sigactions.get(sig);
    if (old) proc.mem.writeBytes(oact, old);
    else writeStruct(proc.mem, oact, l, {});
  }
  if (newRaw) {
    proc.sigactions.set(sig, newRaw);
    // POSIX: setting SIG_IGN (or SIG_DFL for a default-ignored signal) discards it if pending
    const disp = sigDisposition(proc, sig);
    if (disp === SIG_IGN || (disp === SIG_DFL && defaultAction(a, sig) === 'ignore')) {
      proc.sys.pendingSignals = proc.sys.pendingSignals.filter((s) => s !== sig);
      proc.sys.sig.info.delete(sig);
    }
    syncHostSignals(proc);
  }
  return 0;
}

function rtSigprocmask(proc: Process, [how, set, oset, setsize]: number[]): number {
  const a = archOf(proc);
  if (setsize !== nsig(proc) / 8) return -E.EINVAL;
  let next = proc.sigmask;
  if (set) {
    const s = readSigset(proc, set);
    if (how === a.c.SIG_BLOCK) next |= s;
    else if (how === a.c.SIG_UNBLOCK) next &= ~s;
    else if (how === a.c.SIG_SETMASK) next = s;
    else return -E.EINVAL;
  }
  if (oset) writeSigset(proc, oset, proc.sigmask);
  proc.sigmask = next & ~unblockable(a);
  return 0;
}

function sigaltstack(proc: Process, [ss, oss]: number[]): number {
  const a = archOf(proc);
  const l = a.s.stack_t;
  const st = proc.sys.altStack;
  const onStack = onAltStack(proc, proc.target.abi.getSp(proc.cpu));
  let next: typeof st | undefined;
  if (ss) {
    const v = readStruct(proc.mem, ss, l);
    if (onStack) return -E.EPERM;
    const flags = v.ss_flags & ~(a.c.SS_AUTODISARM ?? 0);
    if (flags !== 0 && flags !== a.c.SS_DISABLE && flags !== a.c.SS_ONSTACK) return -E.EINVAL;
    if (flags === a.c.SS_DISABLE) next = { sp: 0, size: 0, disabled: true };
    else if (v.ss_size < a.c.MINSIGSTKSZ) return -E.ENOMEM;
    else next = { sp: v.ss_sp, size: v.ss_size, disabled: false };
  }
  if (oss) {
    const flags = st.disabled ? a.c.SS_DISABLE : onStack ? a.c.SS_ONSTACK : 0;
    writeStruct(proc.mem, oss, l, { ss_sp: st.sp, ss_size: st.size, ss_flags: flags });
  }
  if (next) proc.sys.altStack = next;
  return 0;
}

/** rt_sigqueueinfo / rt_tgsigqueueinfo to ourselves: the guest's own siginfo bytes */
function queueInfo(proc: Process, sig: number, uinfo: number, shared: boolean): number {
  const a = archOf(proc);
  if (sig < 0 || sig > nsig(proc)) return -E.EINVAL;
  const raw = proc.mem.readBytes(uinfo, a.s.siginfo.size);
  if (!sig) return 0;
  const f = a.s.siginfo.fields;
  const dv = new DataView(raw.buffer);
  const code = dv.getInt32(f.si_code.off, proc.mem.littleEndian);
  const pid = dv.getInt32(f.si_pid.off, proc.mem.littleEndian);
  const uidv = dv.getUint32(f.si_uid.off, proc.mem.littleEndian);
  const value = dv.getInt32(f.si_int.off, proc.mem.littleEndian);
  raiseSignal(proc, sig, { signo: sig, code, pid, uid: uidv, value, raw, shared });
  return 0;
}

/** a guest siginfo as qemu's -strace shows it */
function showInfo(proc: Process, addr: number): string {
  const l = archOf(proc).s.siginfo;
  try {
    const v = readStruct(proc.mem, addr, l);
    return fmtSiginfo(proc, { signo: v.si_signo, code: v.si_code, pid: v.si_pid, uid: v.si_uid, addr: v.si_addr, value: v.si_int });
  } catch {
    return fmtArg(proc, 'ptr', addr);
  }
}

function rtSigpending(proc: Process, [set, setsize]: number[]): number {
  if (setsize > nsig(proc) / 8) return -E.EINVAL;
  let v = 0n;
  for (const s of proc.sys.pendingSignals) v |= 1n << BigInt(s - 1);
  writeSigset(proc, set, v & proc.sigmask);
  return 0;
}

function rtSigreturn(proc: Process): number {
  sigreturn(proc);
  return 0;
}

export const signalSyscalls: SyscallDef[] = [
  sys('rt_sigaction', ['signal', 'ptr', 'ptr'], rtSigaction),
  sys('rt_sigprocmask', ['sighow', 'ptr', 'ptr'], rtSigprocmask),
  sys('rt_sigpending', undefined, rtSigpending),
  sys('sigaltstack', ['nilptr', 'nilptr'], sigaltstack),
  sys('rt_sigqueueinfo', ['int', 'signal', 'ptr'], (proc, [tgid, sig, uinfo]) =>
    (tgid | 0) === proc.pid ? queueInfo(proc, sig, uinfo, true) : -E.ESRCH, {
    show: (proc, [tgid, sig, uinfo]) => `${tgid | 0},${fmtArg(proc, 'signal', sig)},${showInfo(proc, uinfo)}`,
  }),
  sys('rt_tgsigqueueinfo', ['int', 'int', 'signal', 'ptr'], (proc, [tgid, tid, sig, uinfo]) =>
    (tgid | 0) === proc.pid && (tid | 0) === proc.pid ? queueInfo(proc, sig, uinfo, false) : -E.ESRCH),
  // qemu -strace shows its internal "do not touch the registers" code as the result
  sys('rt_sigreturn', undefined, rtSigreturn, { setsRegs: ' = -1 errno=513 (Successful exit from sigreturn)' }),
  // 32-bit arm: the return from a handler without SA_SIGINFO (its frame has no siginfo)
  sys('sigreturn', undefined, (proc) => (sigreturn(proc, true), 0), { setsRegs: ' = -1 errno=513 (Successful exit from sigreturn)' }),
  ...waitSyscalls,
];

