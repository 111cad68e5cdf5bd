/**
 * Signal delivery, the same for every target: act on a signal's disposition (default
 * action, ignore, or a guest handler), build the kernel's rt_sigframe on the guest stack
 * (or the sigaltstack), and undo it in rt_sigreturn. What differs per target — frame
 * composition, which register goes where, the trampoline's machine code, how a handler is
 * entered — is data in the target's LinuxAbi.signal (targets/<arch>/signal.ts) and its
 * generated layouts (rt_sigframe, ucontext, the mcontext struct, siginfo).
 *
 * Synchronous faults come from the run loop (Engine.signal); everything else is queued in
 * proc.sys.pendingSignals (with its siginfo in proc.sys.sig.info) and delivered by
 * deliverPending on the way back to the guest: after each syscall and each time slice.
 */
import { GuestExit } from '../../src/linux/errors.js';
import { PAGE_SIZE, PROT_R, PROT_X } from '../../src/core/memory/flat.js';
import { Access, GuestFault, pageFault } from '../../src/core/exceptions.js';
import type { Process } from '../../src/linux/process.js';
import { findFree } from '../../src/linux/mmap-placement.js';
import type { ContextIo, SignalAbi } from '../../targets/target.js';
import { type Arch, archOf } from '../arch.js';
import { type Field, type Layout, readField, readWord, writeField, writeStruct, writeWord } from '../layout.js';
import { flushSharedMappings } from '../mm/shared-map.js';
import type { SigInfo } from './state.js';

export type { SigInfo } from './state.js';

export const SIG_DFL = 0;
export const SIG_IGN = 1;

/** default action "ignore"; the stop signals too, as there is no job control here */
const DEFAULT_IGNORED = new Set(['SIGCHLD', 'SIGURG', 'SIGWINCH', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU']);
/** signals whose siginfo describes a fault (si_addr) when si_code > 0 */
const FAULT_SIGNALS = new Set(['SIGILL', 'SIGFPE', 'SIGSEGV', 'SIGBUS', 'SIGTRAP', 'SIGEMT']);
/** si_code values -strace shows by name (qemu shows fault codes as numbers) */
const SI_NAMES = ['SI_USER', 'SI_KERNEL', 'SI_QUEUE', 'SI_TIMER', 'SI_MESGQ', 'SI_ASYNCIO', 'SI_SIGIO', 'SI_TKILL'];

export const sigBit = (sig: number): bigint => 1n << BigInt(sig - 1);
export const isBlocked = (proc: Process, sig: number): boolean => (proc.sigmask & sigBit(sig)) !== 0n;
/** signals no mask can hold back */
export const unblockable = (a: Arch): bigint => sigBit(a.c.SIGKILL) | sigBit(a.c.SIGSTOP);

export const nsig = (proc: Process): number => archOf(proc).c._NSIG ?? 64;

/** Read a guest sigset (nsig bits as words of the target's long size). */
export function readSigset(proc: Process, addr: number): bigint {
  const w = archOf(proc).wordSize;
  let v = 0n;
  // 32-bit halves: a 64-bit word read as a Number would round (0xffff...ff became 2^64)
  const swap = w === 8 && !proc.mem.littleEndian ? 1 : 0;
  for (let i = 0; i < nsig(proc) / 32; i++) v |= BigInt(readWord(proc.mem, addr + (i ^ swap) * 4, 4)) << BigInt(i * 32);
  return v;
}
export function writeSigset(proc: Process, addr: number, v: bigint): void {
  const w = archOf(proc).wordSize;
  const bits = BigInt(w * 8);
  for (let i = 0; i < nsig(proc) / (8 * w); i++) writeWord(proc.mem, addr + i * w, w, (v >> (BigInt(i) * bits)) & ((1n << bits) - 1n));
}

/** A disposition as the guest's struct sigaction says it. */
export interface SigAction {
  /** SIG_DFL, SIG_IGN or the handler's address */
  handler: number;
  flags: number;
  mask: bigint;
  /** sa_restorer on targets that have it (SA_RESTORER), else 0 */
  restorer: number;
}

function rawField(proc: Process, raw: Uint8Array, f: Field): number {
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const le = proc.mem.littleEndian;
  return f.size === 8 ? Number(dv.getBigUint64(f.off, le)) : dv.getUint32(f.off, le);
}

export function readAction(proc: Process, sig: number): SigAction {
  const raw = proc.sigactions.get(sig);
  if (!raw) return { handler: SIG_DFL, flags: 0, mask: 0n, restorer: 0 };
  const l = archOf(proc).s.sigaction.fields;
  // sa_mask is an array of longs (arm: two 32-bit words), read whole: a Number loses bits past 2^53
  const w = archOf(proc).wordSize;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const le = proc.mem.littleEndian;
  let mask = 0n;
  for (let i = 0; i * w < l.sa_mask.size && i * w * 8 < nsig(proc); i++) {
    const at = l.sa_mask.off + i * w;
    mask |= (w === 8 ? dv.getBigUint64(at, le) : BigInt(dv.getUint32(at, le))) << BigInt(i * w * 8);
  }
  return {
    handler: rawField(proc, raw, l.sa_handler),
    flags: rawField(proc, raw, l.sa_flags),
    mask,
    restorer: l.sa_restorer ? rawField(proc, raw, l.sa_restorer) : 0,
  };
}

/** SIG_DFL (0), SIG_IGN (1) or the handler address for `sig`. */
export function sigDisposition(proc: Process, sig: number): number {
  return readAction(proc, sig).handler;
}

/** Put `sig` back to SIG_DFL (SA_RESETHAND, or a fault that cannot be handled). */
export function resetToDefault(proc: Process, sig: number): void {
  proc.sigactions.delete(sig);
  // (a host-signal listener stays until the next rt_sigaction: harmless, it queues the
  // signal and the run loop then takes the default action)
}

/** 'terminate' (with or without core: the same to us), or 'ignore' (stop included). */
export function defaultAction(a: Arch, sig: number): 'terminate' | 'ignore' {
  return DEFAULT_IGNORED.has(a.sigName[sig] ?? '') ? 'ignore' : 'terminate';
}

// ---- the pending queue --------------------------------------------------------------

/**
 * Add `sig` to the pending set. A standard signal already pending in the same set (thread
 * or process, see SigInfo.shared) is not queued again; real-time signals always queue.
 */
export function queueSignal(proc: Process, sig: number, info: SigInfo): void {
  const a = archOf(proc);
  const infos = proc.sys.sig.info;
  const q = infos.get(sig);
  const realtime = sig >= (a.c.SIGRTMIN ?? 32);
  if (!realtime && q?.some((i) => !i.shared === !info.shared)) return;
  proc.sys.pendingSignals.push(sig);
  if (q) q.push(info);
  else infos.set(sig, [info]);
}

/** Take one instance of `sig` off the pending set (the thread's first) and return its siginfo. */
export function dequeueSignal(proc: Process, sig: number): SigInfo {
  const pending = proc.sys.pendingSignals;
  const i = pending.indexOf(sig);
  if (i >= 0) pending.splice(i, 1);
  const q = proc.sys.sig.info.get(sig);
  let info: SigInfo | undefined;
  if (q) {
    const k = Math.max(0, q.findIndex((x) => !x.shared));
    info = q.splice(k, 1)[0];
    if (q.length === 0) proc.sys.sig.info.delete(sig);
  }
  return info ?? { signo: sig, code: archOf(proc).c.SI_USER ?? 0 };
}

/** The lowest pending signal in `set`, or 0. */
export function pendingIn(proc: Process, set: bigint): number {
  let best = 0;
  for (const s of proc.sys.pendingSignals) if ((set & sigBit(s)) !== 0n && (best === 0 || s < best)) best = s;
  return best;
}

/** The lowest pending signal the current mask lets through, or 0. */
export const nextDeliverable = (proc: Process): number => pendingIn(proc, ~proc.sigmask);

/** A pending, unblocked signal would end the process (a blocking syscall must give way). */
export function fatalPending(proc: Process): boolean {
  const a = archOf(proc);
  for (const s of proc.sys.pendingSignals) {
    if (isBlocked(proc, s) && s !== a.c.SIGKILL) continue;
    if (s === a.c.SIGKILL || (sigDisposition(proc, s) === SIG_DFL && defaultAction(a, s) === 'terminate')) return true;
  }
  return false;
}

// ---- delivery -----------------------------------------------------------------------

/** qemu's -strace text for a siginfo: {si_signo=SIGSEGV, si_code=1, si_addr=0x...} */
export function fmtSiginfo(proc: Process, info: SigInfo): string {
  const a = archOf(proc);
  const sig = info.signo;
  const name = a.sigName[sig] ?? String(sig);
  const code = SI_NAMES.find((n) => a.c[n] === info.code) ?? String(info.code);
  let rest: string;
  if (FAULT_SIGNALS.has(name) && info.code > 0) {
    rest = `si_addr=0x${(info.addr ?? 0).toString(16).padStart(a.wordSize * 2, '0')}`;
  } else {
    rest = `si_pid=${info.pid ?? 0}, si_uid=${info.uid ?? 0}`;
    if (info.code === a.c.SI_QUEUE || info.code === a.c.SI_MESGQ) rest += `, si_sigval=${info.value ?? 0}`;
  }
  return `{si_signo=${name}, si_code=${code}, ${rest}}`;
}

/** qemu's -strace line for a signal taken: --- SIGSEGV {si_signo=..., ...} --- */
function straceTaken(proc: Process, sig: number, info: SigInfo): void {
  if (!proc.strace) return;
  const a = archOf(proc);
  proc.log.write(`--- ${a.sigName[sig] ?? String(sig)} ${fmtSiginfo(proc, { ...info, signo: sig })} ---`);
}

/**
 * Act on `sig` now: its default action (throws GuestExit when that terminates), nothing
 * when ignored, or a frame that makes the guest continue in its handler. `sync` marks a
 * fault of the current instruction: if it is blocked or ignored, it kills (as on Linux).
 */
export function deliverSignal(proc: Process, sig: number, info: SigInfo, sync = false): void {
  const a = archOf(proc);
  if (proc.debug && sig !== a.c.SIGKILL) { // a debugger sees it first; the kernel delivers it after the stop
    const h = readAction(proc, sig).handler;
    const ignored = !sync && (h === SIG_IGN || (h === SIG_DFL && defaultAction(a, sig) === 'ignore'));
    if (proc.debug.interceptSignal(proc.thread, proc.cpu, sig, info, sync, ignored)) return;
  }
  if (proc.hooks?.signal) { // the embedding API (src/api) may drop or change it
    const to = proc.hooks.signal(proc, sig, info, sync) ?? sig;
    if (to === 0) return;
    if (to !== sig) info = { ...info, signo: (sig = to) };
  }
  let act = readAction(proc, sig);
  if (sig === a.c.SIGKILL || sig === a.c.SIGSTOP) act = { ...act, handler: SIG_DFL };
  if (sync && (act.handler === SIG_IGN || isBlocked(proc, sig))) {
    resetToDefault(proc, sig);
    proc.sigmask &= ~sigBit(sig);
    act = readAction(proc, sig);
  }
  if (act.handler === SIG_IGN) return;
  if (act.handler === SIG_DFL) {
    if (defaultAction(a, sig) === 'ignore') return;
    straceTaken(proc, sig, info);
    flushSharedMappings(proc); // the process ends here: MAP_SHARED stores reach their files
    throw new GuestExit(0, sig);
  }
  straceTaken(proc, sig, info);
  setupFrame(proc, sig, info, act);
}

/**
 * Deliver every pending signal the mask lets through, lowest number first (each handler gets
 * its own frame; the last one set up runs first, as on Linux). Called on every return to
 * the guest that may follow a change: at the end of each syscall (doSyscall) and after each
 * time slice (the run loop). Cheap when nothing is pending.
 */
export function deliverPending(proc: Process): void {
  const st = proc.sys.sig;
  const pending = proc.sys.pendingSignals;
  // a target without frame data keeps caught signals pending (default actions still act)
  const frames = proc.target.abi.signal !== undefined;
  while (pending.length) {
    let sig = 0;
    for (const s of pending) {
      if (isBlocked(proc, s) || (sig && s > sig)) continue;
      if (frames || readAction(proc, s).handler <= SIG_IGN) sig = s;
    }
    if (!sig) break;
    deliverSignal(proc, sig, dequeueSignal(proc, sig));
  }
  if (st.savedMask !== undefined) {
    // sigsuspend returned but no handler took over its mask: put the old one back
    proc.sigmask = st.savedMask;
    st.savedMask = undefined;
  }
}

/** Is `sp` inside the alternate signal stack? */
export function onAltStack(proc: Process, sp: number): boolean {
  const alt = proc.sys.altStack;
  return !alt.disabled && sp > alt.sp && sp - alt.sp <= alt.size;
}

/** The sigreturn trampoline page (mapped read+exec on first use, again if the guest dropped it). */
function trampoline(proc: Process, sa: SignalAbi): number {
  const mem = proc.mem;
  const st = proc.sys.sig;
  const code = sa.trampoline;
  const at = st.trampoline;
  if (at && mem.ok(at, code.length, PROT_R | PROT_X) && mem.u8.subarray(at, at + code.length).every((b, i) => b === code[i])) return at;
  const addr = findFree(proc, PAGE_SIZE);
  if (addr < 0) throw new GuestExit(0, archOf(proc).c.SIGSEGV);
  mem.map(addr, PAGE_SIZE, PROT_R | PROT_X);
  mem.poke(addr, code);
  st.trampoline = addr;
  return addr;
}

const fieldOf = (l: Layout, name: string): Field => {
  const f = l.fields[name];
  if (!f) throw new Error(`signal frame: no field ${name}`);
  return f;
};

/** Field access in a machine context at `base` (array elements of `size` bytes). */
function contextIo(proc: Process, base: number, l: Layout): ContextIo & { at(field: string, elem?: number, size?: number): [number, number] } {
  const mem = proc.mem;
  const at = (field: string, elem = 0, size?: number): [number, number] => {
    const f = fieldOf(l, field);
    const sz = size ?? (f.array ? archOf(proc).wordSize : f.size);
    return [base + f.off + elem * sz, sz];
  };
  return {
    at,
    get(field, elem) {
      const [addr, sz] = at(field, elem);
      return sz === 8 ? mem.read64(addr) : BigInt(readField(mem, addr, { off: 0, size: sz }));
    },
    set(field, v, elem) {
      const [addr, sz] = at(field, elem);
      writeField(mem, addr, { off: 0, size: sz }, sz === 8 ? BigInt.asUintN(64, v) : v);
    },
  };
}

const regBytes = (ty: string): number => (ty === 'i64' || ty === 'f64' ? 8 : 4);

/** Write the interrupted registers into the machine context at `addr`. */
export function saveContext(proc: Process, sa: SignalAbi, addr: number): void {
  const { cpu, mem } = proc;
  const l = archOf(proc).s[sa.mcontext.struct];
  const io = contextIo(proc, addr, l);
  io.set(sa.pc, BigInt(cpu.pc >>> 0));
  for (const [field, reg, elem] of sa.regs) {
    const r = proc.target.regs[reg];
    const [at, sz] = io.at(field, elem, elem === undefined ? undefined : regBytes(r.ty));
    if (sz === 8) mem.write64(at, regBytes(r.ty) === 8 ? cpu.get64(r.index) : BigInt(cpu.r[r.index] >>> 0));
    else mem.write32(at, cpu.r[r.index]);
  }
  sa.saveExtra?.(cpu, io);
}

/** Load the registers back from the machine context at `addr`. */
export function restoreContext(proc: Process, sa: SignalAbi, addr: number): void {
  const { cpu, mem } = proc;
  const l = archOf(proc).s[sa.mcontext.struct];
  const io = contextIo(proc, addr, l);
  for (const [field, reg, elem] of sa.regs) {
    const r = proc.target.regs[reg];
    if (r.zero) continue;
    const [at, sz] = io.at(field, elem, elem === undefined ? undefined : regBytes(r.ty));
    if (sz === 8 && regBytes(r.ty) === 8) cpu.set64(r.index, mem.read64(at));
    else cpu.r[r.index] = sz === 8 ? Number(BigInt.asIntN(32, mem.read64(at))) : mem.read32(at) | 0;
  }
  sa.restoreExtra?.(cpu, io);
  // read after restoreExtra, which may fold mode bits into it (arm: the CPSR's Thumb bit)
  const pc = io.get(sa.pc);
  cpu.pc = Number(BigInt.asUintN(32, pc));
}

/** The frame could not be written (or read back): SIGSEGV, which kills unless handled elsewhere. */
function forceSegv(proc: Process, sig: number): void {
  const a = archOf(proc);
  if (sig === a.c.SIGSEGV) resetToDefault(proc, sig);
  deliverSignal(proc, a.c.SIGSEGV, { signo: a.c.SIGSEGV, code: a.c.SI_KERNEL ?? 0x80 }, true);
}

function writeSiginfo(proc: Process, addr: number, info: SigInfo): void {
  const a = archOf(proc);
  const l = a.s.siginfo;
  if (info.raw) {
    proc.mem.writeBytes(addr, info.raw.subarray(0, l.size));
    writeField(proc.mem, addr, l.fields.si_signo, info.signo);
    return;
  }
  const v: Record<string, number> = { si_signo: info.signo, si_code: info.code };
  if (info.errno) v.si_errno = info.errno;
  if (info.addr !== undefined) v.si_addr = info.addr;
  if (info.pid !== undefined) v.si_pid = info.pid;
  if (info.uid !== undefined) v.si_uid = info.uid;
  if (info.value !== undefined) v.si_ptr = info.value;
  writeStruct(proc.mem, addr, l, v);
}

/** Build the frame for a handler of `sig` and point the cpu at the handler. */
function setupFrame(proc: Process, sig: number, info: SigInfo, act: SigAction): void {
  const a = archOf(proc);
  const sa = proc.target.abi.signal;
  if (!sa) throw new GuestExit(0, sig); // no frame layout for this target yet
  const { cpu, mem } = proc;
  const st = proc.sys.sig;
  // without SA_SIGINFO some targets build a frame without siginfo (returned from by sigreturn)
  const plain = act.flags & a.c.SA_SIGINFO ? undefined : sa.plainFrame;
  const frameL = a.s[plain?.struct ?? sa.frame.struct];
  const ucL = a.s.ucontext;
  const alt = proc.sys.altStack;
  const sp0 = proc.target.abi.getSp(cpu);
  const wasOnAlt = onAltStack(proc, sp0);
  let sp = sp0;
  if (act.flags & a.c.SA_ONSTACK && !alt.disabled && !wasOnAlt) sp = alt.sp + alt.size;
  let frame = sp - sa.redZone - frameL.size;
  frame -= ((frame % sa.align) + sa.align) % sa.align;
  // running off the bottom of the alternate stack is a fault, as on Linux
  const overflow = onAltStack(proc, sp) && !onAltStack(proc, frame);
  const infoAt = plain ? 0 : frame + fieldOf(frameL, sa.frame.info).off;
  const ucAt = frame + fieldOf(frameL, plain?.uc ?? sa.frame.uc).off;
  const oldMask = st.savedMask ?? proc.sigmask;
  try {
    if (overflow || frame < 0) throw pageFault(Math.max(frame, 0), Access.Write, false);
    mem.writeBytes(frame, new Uint8Array(frameL.size));
    if (!plain) writeSiginfo(proc, infoAt, info);
    writeField(mem, ucAt, fieldOf(ucL, 'uc_stack.ss_sp'), alt.sp);
    writeField(mem, ucAt, fieldOf(ucL, 'uc_stack.ss_size'), alt.size);
    writeField(mem, ucAt, fieldOf(ucL, 'uc_stack.ss_flags'), alt.disabled ? a.c.SS_DISABLE : wasOnAlt ? a.c.SS_ONSTACK : 0);
    writeSigset(proc, ucAt + fieldOf(ucL, 'uc_sigmask').off, oldMask);
    const mcAt = ucAt + fieldOf(ucL, sa.mcontext.field).off;
    saveContext(proc, sa, mcAt);
    for (const [field, member] of sa.pointers ?? []) {
      writeField(mem, mcAt, fieldOf(a.s[sa.mcontext.struct], field), frame + fieldOf(frameL, member).off);
    }
  } catch (e) {
    if (e instanceof GuestFault) return forceSegv(proc, sig);
    throw e;
  }
  st.savedMask = undefined;
  const ret = act.flags & (a.c.SA_RESTORER ?? 0) && act.restorer ? act.restorer : trampoline(proc, sa) + (plain?.retOffset ?? 0);
  let mask = proc.sigmask | act.mask;
  if (!(act.flags & a.c.SA_NODEFER)) mask |= sigBit(sig);
  proc.sigmask = mask & ~unblockable(a);
  if (act.flags & a.c.SA_RESETHAND) resetToDefault(proc, sig);
  sa.enter(cpu, { sig, info: infoAt, uc: ucAt, sp: frame, ret, handler: act.handler >>> 0, mc: ucAt + fieldOf(ucL, sa.mcontext.field).off });
  cpu.pc = act.handler >>> 0;
}

/**
 * rt_sigreturn: registers, FP state, signal mask and sigaltstack back from the frame the
 * handler returns through (`plain`: sigreturn, from the target's frame without siginfo).
 * The caller must not write a syscall result afterwards.
 */
export function sigreturn(proc: Process, plain = false): void {
  const a = archOf(proc);
  const sa = proc.target.abi.signal;
  if (!sa) throw new GuestExit(0, a.c.SIGSEGV);
  const { cpu, mem } = proc;
  const pf = plain ? sa.plainFrame : undefined;
  const frameL = a.s[pf?.struct ?? sa.frame.struct];
  const ucL = a.s.ucontext;
  const frame = sa.frameAtReturn(cpu);
  const ucAt = frame + fieldOf(frameL, pf?.uc ?? sa.frame.uc).off;
  try {
    mem.check(frame, frameL.size, PROT_R);
    const mask = readSigset(proc, ucAt + fieldOf(ucL, 'uc_sigmask').off);
    const ss = {
      sp: readField(mem, ucAt, fieldOf(ucL, 'uc_stack.ss_sp')),
      flags: readField(mem, ucAt, fieldOf(ucL, 'uc_stack.ss_flags')),
      size: readField(mem, ucAt, fieldOf(ucL, 'uc_stack.ss_size')),
    };
    restoreContext(proc, sa, ucAt + fieldOf(ucL, sa.mcontext.field).off);
    proc.sigmask = mask & ~unblockable(a);
    // like sigaltstack(&uc_stack): refused (silently) while running on the alternate stack
    if (!onAltStack(proc, proc.target.abi.getSp(cpu))) {
      const flags = ss.flags & ~(a.c.SS_AUTODISARM ?? 0);
      if (flags === a.c.SS_DISABLE) proc.sys.altStack = { sp: 0, size: 0, disabled: true };
      else if (flags === 0 && ss.size >= a.c.MINSIGSTKSZ) proc.sys.altStack = { sp: ss.sp, size: ss.size, disabled: false };
    }
  } catch (e) {
    if (!(e instanceof GuestFault)) throw e;
    deliverSignal(proc, a.c.SIGSEGV, { signo: a.c.SIGSEGV, code: a.c.SI_KERNEL ?? 0x80 }, true);
  }
}
