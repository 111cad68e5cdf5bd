// Signal frames on riscv64: delivery builds the kernel's rt_sigframe, rt_sigreturn undoes it
// exactly; masks, flags, the alternate stack, pending sets, waiting and timers.
import { describe, expect, it } from 'vitest';
import { GuestExit } from '../../src/linux/errors.js';
import { PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import { readStruct } from '../../syscalls/layout.js';
import { deliverPending, deliverSignal } from '../../syscalls/signal/deliver.js';
import { postSignal, waitFor, waitSyscalls } from '../../syscalls/signal/wait.js';
import { A, SCRATCH, STACK_TOP, bit, c, sigHarness } from '../helpers/signals.js';

const HANDLER = 0x40000;
const HANDLER2 = 0x40100;

function exitOf(f: () => unknown): GuestExit {
  try {
    f();
  } catch (e) {
    if (e instanceof GuestExit) return e;
    throw e;
  }
  throw new Error('did not exit');
}

/** distinct 64-bit patterns for x1..x31 and f0..f31 */
const xval = (k: number) => BigInt.asIntN(64, 0x1000_0000_0000_0000n * BigInt(k % 7 + 1) + 0x0101_0101n * BigInt(k) + 0xabn);
const fval = (k: number) => BigInt.asIntN(64, 0x4000_0000_0000_0000n + 0x1234_5678_9an * BigInt(k + 1));

/** glibc's view of the riscv64 mcontext (pc, x1..x31, then f0..f31 and fcsr), independent of the layouts */
const MC = 176;
const greg = (k: number) => MC + 8 * k;
const freg = (k: number) => MC + 256 + 8 * k;
const FCSR = MC + 512;

describe('riscv64 signal frame', () => {
  it('delivery saves every register, sigreturn restores them all (a0 included)', () => {
    const h = sigHarness();
    const { cpu, mem, proc } = h;
    h.action(c.SIGUSR1, HANDLER, c.SA_SIGINFO, bit(c.SIGINT));
    const sp = STACK_TOP - 72; // not 16-byte aligned
    for (let k = 1; k < 32; k++) cpu.set64(2 * k, xval(k));
    cpu.setNum(4, sp);
    for (let k = 0; k < 32; k++) cpu.set64(2 * (32 + k), fval(k));
    cpu.frm = 3;
    cpu.fflags = 0x15;
    cpu.pc = 0x12344;
    proc.sigmask = bit(c.SIGUSR2);

    deliverSignal(proc, c.SIGUSR1, { signo: c.SIGUSR1, code: c.SI_TKILL, pid: 77, uid: 5 });

    const frame = h.sp();
    expect(frame % 16).toBe(0);
    expect(frame + A.s.rt_sigframe.size).toBeLessThanOrEqual(sp);
    expect(cpu.pc).toBe(HANDLER);
    expect(cpu.getNum(20)).toBe(c.SIGUSR1);
    const info = cpu.getNum(22);
    const uc = cpu.getNum(24);
    expect(info).toBe(frame + A.s.rt_sigframe.fields.info.off);
    expect(uc).toBe(frame + A.s.rt_sigframe.fields.uc.off);
    // ra: the trampoline page, `li a7, 139; ecall`, read+exec
    const tramp = cpu.getNum(2);
    expect(tramp).toBe(proc.sys.sig.trampoline);
    expect(mem.read32(tramp)).toBe(0x08b00893);
    expect(mem.read32(tramp + 4)).toBe(0x00000073);
    expect(mem.ok(tramp, 8, PROT_R | PROT_X)).toBe(true);
    expect(mem.ok(tramp, 1, PROT_W)).toBe(false);
    expect(readStruct(mem, info, A.s.siginfo)).toMatchObject({ si_signo: c.SIGUSR1, si_code: c.SI_TKILL, si_pid: 77, si_uid: 5 });
    // ucontext: no alternate stack, the old mask, and the registers where glibc reads them
    expect(mem.read32(uc + A.s.ucontext.fields['uc_stack.ss_flags'].off)).toBe(c.SS_DISABLE);
    expect(mem.read64(uc + A.s.ucontext.fields.uc_sigmask.off)).toBe(bit(c.SIGUSR2));
    expect(A.s.ucontext.fields.uc_mcontext.off).toBe(MC);
    expect(mem.read64(uc + greg(0))).toBe(0x12344n);
    for (let k = 1; k < 32; k++) expect(BigInt.asIntN(64, mem.read64(uc + greg(k))), `x${k}`).toBe(k === 2 ? BigInt(sp) : xval(k));
    for (let k = 0; k < 32; k++) expect(BigInt.asIntN(64, mem.read64(uc + freg(k))), `f${k}`).toBe(fval(k));
    expect(mem.read32(uc + FCSR)).toBe((3 << 5) | 0x15);
    // the handler runs with sa_mask and its own signal blocked
    expect(proc.sigmask).toBe(bit(c.SIGUSR2) | bit(c.SIGINT) | bit(c.SIGUSR1));

    // the handler clobbers everything, then returns through the trampoline with sp = frame
    for (let k = 1; k < 64; k++) cpu.set64(2 * k, -0x2152411021524111n);
    cpu.frm = 0;
    cpu.fflags = 0;
    cpu.setNum(4, frame);
    cpu.pc = tramp + 8;
    h.call('rt_sigreturn');

    expect(cpu.pc).toBe(0x12344);
    for (let k = 1; k < 32; k++) expect(cpu.get64(2 * k), `x${k}`).toBe(k === 2 ? BigInt(sp) : xval(k));
    for (let k = 0; k < 32; k++) expect(cpu.get64(2 * (32 + k)), `f${k}`).toBe(fval(k));
    expect([cpu.frm, cpu.fflags]).toEqual([3, 0x15]);
    expect(proc.sigmask).toBe(bit(c.SIGUSR2));
  });

  it('a handler that edits the saved context changes the resumed state', () => {
    const h = sigHarness();
    const { cpu, mem, proc } = h;
    h.action(c.SIGSEGV, HANDLER, c.SA_SIGINFO);
    cpu.pc = 0x10010;
    cpu.setNum(20, 1);
    deliverSignal(proc, c.SIGSEGV, { signo: c.SIGSEGV, code: c.SEGV_MAPERR, addr: 0x10 }, true);
    const info = cpu.getNum(22);
    const uc = cpu.getNum(24);
    expect(readStruct(mem, info, A.s.siginfo)).toMatchObject({ si_signo: c.SIGSEGV, si_code: c.SEGV_MAPERR, si_addr: 0x10 });
    mem.write64(uc + greg(0), 0x10014n);
    mem.write64(uc + greg(10), 1234n);
    mem.write64(uc + freg(10), 0x4004000000000000n); // 2.5
    mem.write32(uc + FCSR, 1 << 5);
    cpu.setNum(4, cpu.getNum(4)); // sp is still the frame
    h.call('rt_sigreturn');
    expect(cpu.pc).toBe(0x10014);
    expect(cpu.getNum(20)).toBe(1234);
    expect(cpu.f64[32 + 10]).toBe(2.5);
    expect(cpu.frm).toBe(1);
  });

  it('uses sa_restorer-less trampoline once per process', () => {
    const h = sigHarness();
    h.action(c.SIGUSR1, HANDLER);
    deliverSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: 0 });
    const first = h.proc.sys.sig.trampoline;
    deliverSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: 0 });
    expect(h.proc.sys.sig.trampoline).toBe(first);
    expect(h.cpu.getNum(2)).toBe(first);
  });
});

describe('signal masks and flags', () => {
  it('sa_mask holds back a signal raised in the handler until it returns', () => {
    const h = sigHarness();
    const { cpu, proc } = h;
    h.action(c.SIGUSR1, HANDLER, 0, bit(c.SIGUSR2));
    h.action(c.SIGUSR2, HANDLER2);
    cpu.pc = 0x10020;
    h.call('tgkill', proc.pid, proc.pid, c.SIGUSR1);
    expect(cpu.pc).toBe(HANDLER); // delivered as tgkill returned
    const frame1 = h.sp();
    h.call('tgkill', proc.pid, proc.pid, c.SIGUSR2);
    expect(cpu.pc).toBe(HANDLER); // blocked by sa_mask
    expect(proc.sys.pendingSignals).toEqual([c.SIGUSR2]);
    cpu.setNum(4, frame1);
    h.call('rt_sigreturn');
    // the handler's mask is gone: SIGUSR2 runs now, and will return to where USR1 interrupted
    expect(cpu.pc).toBe(HANDLER2);
    expect(proc.sys.pendingSignals).toEqual([]);
    expect(h.mem.read64(cpu.getNum(24) + greg(0))).toBe(0x10020n);
  });

  it('without sa_mask a signal raised in the handler nests at once', () => {
    const h = sigHarness();
    h.action(c.SIGUSR1, HANDLER);
    h.action(c.SIGUSR2, HANDLER2);
    h.call('tgkill', h.proc.pid, h.proc.pid, c.SIGUSR1);
    const frame1 = h.sp();
    h.call('tgkill', h.proc.pid, h.proc.pid, c.SIGUSR2);
    expect(h.cpu.pc).toBe(HANDLER2);
    expect(h.sp()).toBeLessThan(frame1);
    expect(h.proc.sigmask).toBe(bit(c.SIGUSR1) | bit(c.SIGUSR2));
  });

  it('SA_NODEFER leaves the signal unblocked; SA_RESETHAND puts back SIG_DFL', () => {
    const h = sigHarness();
    h.action(c.SIGUSR1, HANDLER, c.SA_NODEFER);
    deliverSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: 0 });
    expect(h.proc.sigmask).toBe(0n);
    h.action(c.SIGUSR2, HANDLER, c.SA_RESETHAND);
    deliverSignal(h.proc, c.SIGUSR2, { signo: c.SIGUSR2, code: 0 });
    expect(h.cpu.pc).toBe(HANDLER);
    expect(h.proc.sigmask & bit(c.SIGUSR2)).toBe(bit(c.SIGUSR2));
    expect(exitOf(() => deliverSignal(h.proc, c.SIGUSR2, { signo: c.SIGUSR2, code: 0 })).signal).toBe(c.SIGUSR2);
  });

  it('a standard signal pends once per set: thread (tgkill) and process (kill)', () => {
    const h = sigHarness();
    const { proc } = h;
    h.action(c.SIGUSR1, HANDLER, c.SA_NODEFER);
    proc.sigmask = bit(c.SIGUSR1);
    for (let i = 0; i < 2; i++) {
      h.call('tgkill', proc.pid, proc.pid, c.SIGUSR1);
      h.call('kill', proc.pid, c.SIGUSR1);
    }
    expect(proc.sys.pendingSignals).toEqual([c.SIGUSR1, c.SIGUSR1]);
    h.mem.write64(SCRATCH, 0n);
    h.call('rt_sigprocmask', c.SIG_SETMASK, SCRATCH, 0, 8);
    expect(proc.sys.pendingSignals).toEqual([]);
    // two frames: the thread's (SI_TKILL) first, the process's (SI_USER) on top of it
    expect(readStruct(h.mem, h.cpu.getNum(22), A.s.siginfo).si_code).toBe(c.SI_USER);
    const top = h.sp();
    const below = top + A.s.rt_sigframe.size;
    expect(readStruct(h.mem, below + A.s.rt_sigframe.fields.info.off, A.s.siginfo).si_code).toBe(c.SI_TKILL);
  });

  it('unblocking a pending fatal signal ends the process when sigprocmask returns', () => {
    const h = sigHarness({ strace: true });
    const { proc } = h;
    proc.sigmask = bit(c.SIGTERM);
    expect(h.call('kill', proc.pid, c.SIGTERM)).toBe(0);
    h.mem.write64(SCRATCH, 0n);
    const e = exitOf(() => h.call('rt_sigprocmask', c.SIG_SETMASK, SCRATCH, 0, 8));
    expect(e.signal).toBe(c.SIGTERM);
    const out = h.log.pieces.join('');
    expect(out).toContain(`rt_sigprocmask(SIG_SETMASK,0x0000000000900000,NULL) = 0\n--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=${proc.pid}, si_uid=`);
  });

  it('ignored and default-ignored signals are dropped, blocked ones wait', () => {
    const h = sigHarness();
    const { proc } = h;
    h.call('kill', proc.pid, c.SIGCHLD);
    h.call('kill', proc.pid, c.SIGWINCH);
    expect(proc.sys.pendingSignals).toEqual([]);
    h.action(c.SIGUSR1, 1); // SIG_IGN
    h.call('kill', proc.pid, c.SIGUSR1);
    expect(proc.sys.pendingSignals).toEqual([]);
    proc.sigmask = bit(c.SIGUSR2);
    h.call('kill', proc.pid, c.SIGUSR2);
    expect(proc.sys.pendingSignals).toEqual([c.SIGUSR2]);
    h.action(c.SIGUSR2, 1); // setting SIG_IGN discards it
    expect(proc.sys.pendingSignals).toEqual([]);
  });
});

describe('synchronous faults', () => {
  it('kill when blocked or ignored, and reset the handler', () => {
    const h = sigHarness();
    h.action(c.SIGSEGV, HANDLER);
    h.proc.sigmask = bit(c.SIGSEGV);
    expect(exitOf(() => deliverSignal(h.proc, c.SIGSEGV, { signo: c.SIGSEGV, code: 1, addr: 0 }, true)).signal).toBe(c.SIGSEGV);
    expect(h.proc.sigactions.has(c.SIGSEGV)).toBe(false);
    h.action(c.SIGILL, 1);
    expect(exitOf(() => deliverSignal(h.proc, c.SIGILL, { signo: c.SIGILL, code: 1, addr: 0 }, true)).signal).toBe(c.SIGILL);
  });

  it('a frame that cannot be written kills with SIGSEGV', () => {
    const h = sigHarness();
    h.action(c.SIGUSR1, HANDLER);
    h.cpu.setNum(4, 0x300000); // unmapped
    expect(exitOf(() => deliverSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: 0 })).signal).toBe(c.SIGSEGV);
  });

  it('-strace shows the siginfo as qemu does', () => {
    const h = sigHarness({ strace: true });
    h.action(c.SIGSEGV, HANDLER, c.SA_SIGINFO);
    h.log.lines.length = 0;
    deliverSignal(h.proc, c.SIGSEGV, { signo: c.SIGSEGV, code: 2, addr: 0x4000807b }, true);
    expect(h.log.lines).toEqual(['--- SIGSEGV {si_signo=SIGSEGV, si_code=2, si_addr=0x000000004000807b} ---']);
  });
});

describe('sigaltstack', () => {
  const ALT = SCRATCH + 0x1000;
  const setAlt = (h: ReturnType<typeof sigHarness>, size: number) => {
    const l = A.s.stack_t;
    const at = SCRATCH + 0x9000;
    h.mem.write64(at + l.fields.ss_sp.off, BigInt(ALT));
    h.mem.write32(at + l.fields.ss_flags.off, 0);
    h.mem.write64(at + l.fields.ss_size.off, BigInt(size));
    const sp = h.sp();
    expect(h.call('sigaltstack', at, 0)).toBe(0);
    h.cpu.setNum(4, sp);
  };

  it('SA_ONSTACK frames go on the alternate stack; a nested one stays on it', () => {
    const h = sigHarness();
    setAlt(h, 0x4000);
    h.action(c.SIGUSR1, HANDLER, c.SA_ONSTACK | c.SA_NODEFER);
    deliverSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: 0 });
    const f1 = h.sp();
    expect(f1).toBeGreaterThanOrEqual(ALT);
    expect(f1 + A.s.rt_sigframe.size).toBeLessThanOrEqual(ALT + 0x4000);
    const uc1 = h.cpu.getNum(24);
    expect(h.mem.read32(uc1 + A.s.ucontext.fields['uc_stack.ss_flags'].off)).toBe(0);
    // sigaltstack reports SS_ONSTACK, and refuses changes, while on it
    const l = A.s.stack_t;
    expect(h.call('sigaltstack', 0, SCRATCH + 0xa000)).toBe(0);
    expect(readStruct(h.mem, SCRATCH + 0xa000, l).ss_flags).toBe(c.SS_ONSTACK);
    h.cpu.setNum(4, f1);
    deliverSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: 0 });
    const f2 = h.sp();
    expect(f2).toBeLessThan(f1);
    expect(f2).toBeGreaterThanOrEqual(ALT);
    expect(h.mem.read32(h.cpu.getNum(24) + A.s.ucontext.fields['uc_stack.ss_flags'].off)).toBe(c.SS_ONSTACK);
  });

  it('overflowing the alternate stack is a SIGSEGV', () => {
    const h = sigHarness();
    setAlt(h, c.MINSIGSTKSZ);
    h.action(c.SIGUSR1, HANDLER, c.SA_ONSTACK | c.SA_NODEFER);
    deliverSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: 0 });
    expect(exitOf(() => deliverSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: 0 })).signal).toBe(c.SIGSEGV);
  });
});

describe('waiting for signals', () => {
  it('rt_sigsuspend waits, returns EINTR, and the frame restores the old mask', async () => {
    const h = sigHarness();
    const { proc, cpu } = h;
    h.action(c.SIGUSR1, HANDLER);
    proc.sigmask = bit(c.SIGUSR1) | bit(c.SIGUSR2);
    h.mem.write64(SCRATCH, bit(c.SIGUSR2));
    const r = h.callAsync('rt_sigsuspend', SCRATCH, 8);
    await Promise.resolve();
    expect(cpu.pc).not.toBe(HANDLER);
    postSignal(proc, c.SIGUSR1, { signo: c.SIGUSR1, code: c.SI_KERNEL, shared: true });
    await r;
    expect(cpu.pc).toBe(HANDLER);
    const uc = cpu.getNum(24);
    expect(h.mem.read64(uc + A.s.ucontext.fields.uc_sigmask.off)).toBe(bit(c.SIGUSR1) | bit(c.SIGUSR2));
    expect(BigInt.asIntN(64, h.mem.read64(uc + greg(10)))).toBe(-4n); // -EINTR in the saved a0
    expect(proc.sigmask).toBe(bit(c.SIGUSR1) | bit(c.SIGUSR2));
  });

  it('rt_sigtimedwait takes a pending signal, or answers EAGAIN at once', () => {
    const h = sigHarness();
    const { proc } = h;
    proc.sigmask = bit(c.SIGUSR2);
    h.call('tgkill', proc.pid, proc.pid, c.SIGUSR2);
    h.mem.write64(SCRATCH, bit(c.SIGUSR2));
    h.mem.writeBytes(SCRATCH + 0x100, new Uint8Array(16)); // timeout {0, 0}
    expect(h.call('rt_sigtimedwait', SCRATCH, SCRATCH + 0x200, SCRATCH + 0x100, 8)).toBe(c.SIGUSR2);
    expect(readStruct(h.mem, SCRATCH + 0x200, A.s.siginfo)).toMatchObject({ si_signo: c.SIGUSR2, si_code: c.SI_TKILL });
    expect(proc.sys.pendingSignals).toEqual([]);
    expect(h.call('rt_sigtimedwait', SCRATCH, 0, SCRATCH + 0x100, 8)).toBe(-11);
  });

  it('setitimer queues SIGALRM from a Node timer; getitimer then shows it disarmed', async () => {
    const h = sigHarness();
    const { proc } = h;
    proc.sigmask = bit(c.SIGALRM);
    const l = A.s.itimerval;
    h.mem.writeBytes(SCRATCH, new Uint8Array(l.size));
    h.mem.write64(SCRATCH + l.fields['it_value.tv_usec'].off, 5000n);
    expect(h.call('setitimer', c.ITIMER_REAL, SCRATCH, 0)).toBe(0);
    expect(await waitFor(proc, () => proc.sys.pendingSignals.includes(c.SIGALRM))).toBe(true);
    expect(h.call('getitimer', c.ITIMER_REAL, SCRATCH + 0x100)).toBe(0);
    expect(readStruct(h.mem, SCRATCH + 0x100, l)).toMatchObject({ 'it_value.tv_sec': 0, 'it_value.tv_usec': 0 });
    // unblocked: the default action of SIGALRM ends the process
    h.mem.write64(SCRATCH + 0x200, 0n);
    expect(exitOf(() => h.call('rt_sigprocmask', c.SIG_SETMASK, SCRATCH + 0x200, 0, 8)).signal).toBe(c.SIGALRM);
  });

  it('setitimer gives back the time left of the previous value', () => {
    const h = sigHarness();
    const l = A.s.itimerval;
    h.mem.writeBytes(SCRATCH, new Uint8Array(l.size));
    h.mem.write64(SCRATCH + l.fields['it_value.tv_sec'].off, 5n);
    h.call('setitimer', c.ITIMER_REAL, SCRATCH, 0);
    h.mem.writeBytes(SCRATCH, new Uint8Array(l.size));
    h.call('setitimer', c.ITIMER_REAL, SCRATCH, SCRATCH + 0x100);
    const old = readStruct(h.mem, SCRATCH + 0x100, l);
    expect(old['it_value.tv_sec'] * 1e6 + old['it_value.tv_usec']).toBeGreaterThan(4e6);
    expect(old['it_value.tv_sec'] * 1e6 + old['it_value.tv_usec']).toBeLessThanOrEqual(5e6);
  });

  it('alarm (targets that have it) answers the whole seconds left, rounded', () => {
    const h = sigHarness();
    const alarm = waitSyscalls.find((d) => d.name === 'alarm')!; // (x86 and MIPS o32 have it)
    expect(alarm.fn(h.proc, [5])).toBe(0);
    expect(alarm.fn(h.proc, [0])).toBe(5);
    expect(alarm.fn(h.proc, [0])).toBe(0);
  });

  it('deliverPending delivers lowest-numbered first and leaves blocked ones', () => {
    const h = sigHarness();
    const { proc } = h;
    h.action(c.SIGUSR1, HANDLER);
    h.action(c.SIGUSR2, HANDLER2);
    proc.sigmask = bit(c.SIGUSR1) | bit(c.SIGUSR2) | bit(c.SIGTERM);
    for (const s of [c.SIGUSR2, c.SIGTERM, c.SIGUSR1]) postSignal(proc, s, { signo: s, code: 0, shared: true });
    proc.sigmask = bit(c.SIGTERM);
    deliverPending(proc);
    // USR1 (10) got the first frame, USR2 (12) the one on top: USR2's handler runs first
    expect(h.cpu.pc).toBe(HANDLER2);
    expect(proc.sys.pendingSignals).toEqual([c.SIGTERM]);
  });
});
