// Signals through the run loop: hand-assembled riscv64 code under Engine.run() — a fault
// handled and returned from, signals arriving during a busy loop (timers, host signals).
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess } from '../../src/linux/kernel.js';
import type { ExitStatus } from '../../src/linux/run.js';
import { postSignal } from '../../syscalls/signal/wait.js';
import { A, CODE, NR, SCRATCH, c, sigHarness } from '../helpers/signals.js';

// ---- a few RV64 encodings ----
const I = (op: number, rd: number, f3: number, rs1: number, imm: number) => (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
const S = (f3: number, rs1: number, rs2: number, imm: number) =>
  ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 0x1f) << 7) | 0x23) >>> 0;
const B = (f3: number, rs1: number, rs2: number, off: number) =>
  ((((off >> 12) & 1) << 31) | (((off >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (((off >> 1) & 0xf) << 8) | (((off >> 11) & 1) << 7) | 0x63) >>> 0;
const li = (rd: number, v: number) => I(0x13, rd, 0, 0, v);
const addi = (rd: number, rs1: number, v: number) => I(0x13, rd, 0, rs1, v);
const lui = (rd: number, hi: number) => ((hi << 12) | (rd << 7) | 0x37) >>> 0;
const lw = (rd: number, rs1: number, off: number) => I(0x03, rd, 2, rs1, off);
const ld = (rd: number, rs1: number, off: number) => I(0x03, rd, 3, rs1, off);
const sw = (rs2: number, rs1: number, off: number) => S(2, rs1, rs2, off);
const sd = (rs2: number, rs1: number, off: number) => S(3, rs1, rs2, off);
const beqz = (rs: number, off: number) => B(0, rs, 0, off);
const ECALL = 0x73;
const RET = 0x00008067;
const SPIN = 0x0000006f; // j .
const UNIMP = 0xc0001073; // csrrw x0, cycle, x0: illegal
const [T0, T1, T2, A0, A1, A2, A7] = [5, 6, 7, 10, 11, 12, 17];
const exit = (code: number) => [li(A0, code), li(A7, NR.exit_group), ECALL];

const HANDLER = CODE + 0x400;

function program(main: number[], handler: number[] = []) {
  const h = sigHarness();
  h.proc.hostSignals = true; // forward host signals, as the CLI asks (embedders do not)
  const words = new Uint8Array(0x1000);
  const dv = new DataView(words.buffer);
  main.forEach((w, i) => dv.setUint32(4 * i, w, true));
  handler.forEach((w, i) => dv.setUint32(0x400 + 4 * i, w, true));
  h.mem.poke(CODE, words);
  h.cpu.pc = CODE;
  return h;
}

const HOST = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const snapshot = () => HOST.map((sig) => new Set(process.listeners(sig)));
let before = snapshot();
/** the listener run() installed for `sig` */
const added = (sig: (typeof HOST)[number]) => {
  const fresh = process.listeners(sig).filter((f) => !before[HOST.indexOf(sig)].has(f));
  expect(fresh.length).toBe(1);
  return fresh[0] as () => void;
};
afterEach(() => {
  expect(snapshot()).toEqual(before); // run() removed what it installed
});

describe('signals in the run loop', () => {
  it('an illegal instruction goes to the handler, which skips it and returns', async () => {
    before = snapshot();
    const pcOff = A.s.ucontext.fields.uc_mcontext.off + A.s.sigcontext.fields['sc_regs.pc'].off;
    const h = program(
      [li(A1, 33), UNIMP, addi(A0, A1, 9), li(A7, NR.exit_group), ECALL],
      [ld(T0, A2, pcOff), addi(T0, T0, 4), sd(T0, A2, pcOff), li(A1, 7), RET],
    );
    h.action(c.SIGILL, HANDLER, c.SA_SIGINFO);
    const r = await runProcess(h.proc);
    // the handler's a1 = 7 is undone by sigreturn: 33 + 9
    expect(r).toEqual({ status: 42, signal: 0 });
  });

  it('an unhandled fault still ends the process by its signal', async () => {
    before = snapshot();
    const h = program([lw(A0, 0, 16), ...exit(0)]);
    expect(await runProcess(h.proc)).toEqual({ status: 0, signal: c.SIGSEGV });
  });

  it('a timer signal reaches a handler while the guest spins without syscalls', async () => {
    before = snapshot();
    // main: spin until the handler sets the flag, then exit with it
    const h = program(
      [lui(A1, SCRATCH >>> 12), lw(A0, A1, 0), beqz(A0, -4), ...exit(0).slice(1)],
      [lui(T1, SCRATCH >>> 12), li(T2, 7), sw(T2, T1, 0), RET],
    );
    h.action(c.SIGALRM, HANDLER);
    setTimeout(() => postSignal(h.proc, c.SIGALRM, { signo: c.SIGALRM, code: c.SI_KERNEL, shared: true }), 5);
    expect(await runProcess(h.proc)).toEqual({ status: 7, signal: 0 });
  });

  it('a fatal signal cuts short a syscall blocked on a pipe', async () => {
    before = snapshot();
    const SP = 2;
    const h = program([
      addi(A0, SP, -16), li(A1, 0), li(A7, NR.pipe2), ECALL,
      lw(A0, SP, -16), addi(A1, SP, -64), li(A2, 8), li(A7, NR.read), ECALL, // no writer ever writes
      ...exit(9),
    ]);
    setTimeout(() => postSignal(h.proc, c.SIGALRM, { signo: c.SIGALRM, code: c.SI_KERNEL, shared: true }), 5);
    expect(await runProcess(h.proc)).toEqual({ status: 0, signal: c.SIGALRM });
  });

  it('signals left at SIG_DFL get no listener (the host default ends polyemu by them)', async () => {
    before = snapshot();
    const h = program([SPIN], exit(5));
    h.action(c.SIGHUP, HANDLER);
    const done = runProcess(h.proc);
    expect(process.listeners('SIGINT').filter((f) => !before[0].has(f))).toEqual([]);
    expect(process.listeners('SIGTERM').filter((f) => !before[1].has(f))).toEqual([]);
    const hup = added('SIGHUP');
    setTimeout(() => hup(), 5);
    expect(await done).toEqual({ status: 5, signal: 0 });
  });

  it('a forwarded signal whose handler was reset meanwhile takes the default action', async () => {
    before = snapshot();
    const h = program([SPIN]);
    h.action(c.SIGHUP, HANDLER, c.SA_RESETHAND);
    const done = runProcess(h.proc);
    const hup = added('SIGHUP');
    setTimeout(() => {
      h.proc.sigactions.delete(c.SIGHUP);
      hup();
    }, 5);
    expect(await done).toEqual({ status: 0, signal: c.SIGHUP });
  });

  it('SIGINT is ignored by a guest that ignores it, and caught by a handler', async () => {
    before = snapshot();
    const h = program([SPIN], exit(3));
    h.action(c.SIGINT, 1); // SIG_IGN
    h.action(c.SIGTERM, HANDLER);
    const done = runProcess(h.proc);
    const int = added('SIGINT');
    const term = added('SIGTERM');
    setTimeout(() => int(), 2);
    setTimeout(() => term(), 10);
    expect(await done).toEqual({ status: 3, signal: 0 });
  });
});
