/**
 * Signal bookkeeping: rt_sigaction (the guest's struct kept as raw bytes in
 * proc.sigactions, layout per target), rt_sigprocmask, sigaltstack, kill/tgkill/tkill to
 * ourselves. Delivery to guest handlers is the signal-frame layer's job: a caught signal is
 * queued in proc.sys.pendingSignals; a signal whose default action kills ends the process.
 */
import { GuestExit } from '../src/errors.js';
import type { Process } from '../src/process.js';
import { archOf } from './arch.js';
import { type SyscallDef, sys } from './def.js';
import { E } from './errno.js';
import { readStruct, readWord, writeStruct, writeWord } from './layout.js';

const SIG_DFL = 0;
const SIG_IGN = 1;
/** default action "ignore" (stop signals too: there is no job control here) */
const DEFAULT_IGNORED = ['SIGCHLD', 'SIGURG', 'SIGWINCH', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU'];

/** SIG_DFL (0), SIG_IGN (1) or the handler address for `sig`. */
export function sigDisposition(proc: Process, sig: number): number {
  const raw = proc.sigactions.get(sig);
  if (!raw) return SIG_DFL;
  const a = archOf(proc);
  const f = a.s.sigaction.fields.sa_handler;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  return f.size === 8 ? Number(dv.getBigUint64(f.off, proc.mem.littleEndian)) : dv.getUint32(f.off, proc.mem.littleEndian);
}

const isBlocked = (proc: Process, sig: number) => ((proc.sigmask >> BigInt(sig - 1)) & 1n) === 1n;

/**
 * Raise `sig` in this process: ignored, queued (caught or blocked), or the default action
 * (terminate: throws GuestExit(0, sig)).
 */
export function raiseSignal(proc: Process, sig: number): void {
  const a = archOf(proc);
  const name = a.sigName[sig] ?? '';
  const disp = sig === a.c.SIGKILL || sig === a.c.SIGSTOP ? SIG_DFL : sigDisposition(proc, sig);
  if (disp === SIG_IGN) return;
  if (disp !== SIG_DFL || (isBlocked(proc, sig) && sig !== a.c.SIGKILL)) {
    if (!proc.sys.pendingSignals.includes(sig)) proc.sys.pendingSignals.push(sig);
    return;
  }
  if (DEFAULT_IGNORED.includes(name)) return;
  throw new GuestExit(0, sig);
}

/** SIGPIPE for a write to a pipe/socket with no reader: -EPIPE unless it kills the process. */
export function brokenPipe(proc: Process): number {
  raiseSignal(proc, archOf(proc).c.SIGPIPE);
  return -E.EPIPE;
}

function nsig(proc: Process): number {
  return archOf(proc).c._NSIG ?? 64;
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
  if (newRaw) proc.sigactions.set(sig, newRaw);
  return 0;
}

/** read a guest sigset (nsig bits as words of the target's long size) */
function readSigset(proc: Process, addr: number): bigint {
  const w = archOf(proc).wordSize;
  let v = 0n;
  for (let i = 0; i < nsig(proc) / (8 * w); i++) v |= BigInt(readWord(proc.mem, addr + i * w, w)) << BigInt(i * w * 8);
  return v;
}
function writeSigset(proc: Process, addr: number, v: bigint): void {
  const w = archOf(proc).wordSize;
  const bits = BigInt(w * 8);
  for (let i = 0; i < nsig(proc) / (8 * w); i++) writeWord(proc.mem, addr + i * w, w, (v >> (BigInt(i) * bits)) & ((1n << bits) - 1n));
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
  const unblockable = (1n << BigInt(a.c.SIGKILL - 1)) | (1n << BigInt(a.c.SIGSTOP - 1));
  proc.sigmask = next & ~unblockable;
  return 0;
}

function sigaltstack(proc: Process, [ss, oss]: number[]): number {
  const a = archOf(proc);
  const l = a.s.stack_t;
  const st = proc.sys.altStack;
  let next: typeof st | undefined;
  if (ss) {
    const v = readStruct(proc.mem, ss, l);
    const flags = v.ss_flags & ~(a.c.SS_AUTODISARM ?? 0);
    if (flags !== 0 && flags !== a.c.SS_DISABLE && flags !== a.c.SS_ONSTACK) return -E.EINVAL;
    if (flags === a.c.SS_DISABLE) next = { sp: 0, size: 0, disabled: true };
    else if (v.ss_size < a.c.MINSIGSTKSZ) return -E.ENOMEM;
    else next = { sp: v.ss_sp, size: v.ss_size, disabled: false };
  }
  if (oss) writeStruct(proc.mem, oss, l, { ss_sp: st.sp, ss_size: st.size, ss_flags: st.disabled ? a.c.SS_DISABLE : 0 });
  if (next) proc.sys.altStack = next;
  return 0;
}

function sendSignal(proc: Process, sig: number): number {
  if (sig < 0 || sig > nsig(proc)) return -E.EINVAL;
  if (sig) raiseSignal(proc, sig);
  return 0;
}

function kill(proc: Process, [pid, sig]: number[]): number {
  pid |= 0;
  if (pid !== proc.pid && pid !== 0 && pid !== -1 && pid !== -proc.pid) return -E.ESRCH;
  return sendSignal(proc, sig | 0);
}
function tgkill(proc: Process, [tgid, tid, sig]: number[]): number {
  if ((tgid | 0) <= 0 || (tid | 0) <= 0) return -E.EINVAL;
  if ((tgid | 0) !== proc.pid || (tid | 0) !== proc.pid) return -E.ESRCH;
  return sendSignal(proc, sig | 0);
}
function tkill(proc: Process, [tid, sig]: number[]): number {
  if ((tid | 0) <= 0) return -E.EINVAL;
  if ((tid | 0) !== proc.pid) return -E.ESRCH;
  return sendSignal(proc, sig | 0);
}

function rtSigpending(proc: Process, [set, setsize]: number[]): number {
  if (setsize > nsig(proc) / 8) return -E.EINVAL;
  let v = 0n;
  for (const s of proc.sys.pendingSignals) v |= 1n << BigInt(s - 1);
  writeSigset(proc, set, v & proc.sigmask);
  return 0;
}

export const signalSyscalls: SyscallDef[] = [
  sys('rt_sigaction', ['signal', 'ptr', 'ptr'], rtSigaction),
  sys('rt_sigprocmask', ['sighow', 'ptr', 'ptr'], rtSigprocmask),
  sys('rt_sigpending', ['ptr', 'int'], rtSigpending),
  sys('sigaltstack', ['nilptr', 'nilptr'], sigaltstack),
  sys('kill', ['int', 'signal'], kill),
  sys('tgkill', ['int', 'int', 'signal'], tgkill),
  sys('tkill', ['int', 'signal'], tkill),
];
