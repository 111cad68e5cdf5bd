/**
 * riscv64 signal frames as the kernel builds them (arch/riscv/kernel/signal.c): the frame
 * is { siginfo_t info; struct ucontext uc; } at a 16-byte aligned sp below the interrupted
 * one (no red zone); uc_mcontext is struct sigcontext = user_regs_struct (pc, then x1..x31)
 * and the D-extension state (f0..f31 as 64-bit words, then fcsr). The handler gets
 * a0 = signal, a1 = &info, a2 = &uc, and ra = the sigreturn trampoline (Linux uses its
 * vDSO; qemu and polyemu map a page holding `li a7, __NR_rt_sigreturn; ecall`). Offsets
 * come from the generated layouts; this file only says which register goes where.
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { ContextIo, SignalAbi } from '../../target.js';
import { riscv64Syscalls } from './syscall-names.generated.js';
import type { RiscvCpu } from '../cpu.js';
import { F0 } from '../cpu.js';

const RA = 1;
const SP = 2;
const A0 = 10;
const A7 = 17;

/** user_regs_struct member names of x1..x31 (the ABI names, in register order) */
const GPR_FIELDS = 'ra sp gp tp t0 t1 t2 s0 s1 a0 a1 a2 a3 a4 a5 a6 a7 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11 t3 t4 t5 t6'.split(' ');

const nrOf = (name: string): number => {
  const e = Object.entries(riscv64Syscalls).find(([, n]) => n === name);
  if (!e) throw new Error(`riscv64: no syscall ${name}`);
  return Number(e[0]);
};

/** addi rd, x0, imm (li) and ecall, little-endian */
function trampoline(): Uint8Array {
  const li = ((nrOf('rt_sigreturn') & 0xfff) << 20) | (A7 << 7) | 0x13;
  const out = new Uint8Array(8);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, li >>> 0, true);
  dv.setUint32(4, 0x00000073, true); // ecall
  return out;
}

const FCSR = 'sc_fpregs.d.fcsr';

export const riscv64Signal: SignalAbi = {
  trampoline: trampoline(),
  frame: { struct: 'rt_sigframe', info: 'info', uc: 'uc' },
  mcontext: { field: 'uc_mcontext', struct: 'sigcontext' },
  redZone: 0,
  align: 16,
  pc: 'sc_regs.pc',
  regs: [
    ...GPR_FIELDS.map((f, i): [string, number] => [`sc_regs.${f}`, i + 1]),
    ...Array.from({ length: 32 }, (_, k): [string, number, number] => ['sc_fpregs.d.f', F0 + k, k]),
  ],
  saveExtra(cpu: Cpu, io: ContextIo) {
    const c = cpu as RiscvCpu;
    io.set(FCSR, BigInt((c.frm << 5) | c.fflags));
  },
  restoreExtra(cpu: Cpu, io: ContextIo) {
    const c = cpu as RiscvCpu;
    const v = Number(io.get(FCSR));
    c.fflags = v & 0x1f;
    c.frm = (v >> 5) & 7;
  },
  enter(cpu, e) {
    cpu.setNum(2 * A0, e.sig);
    cpu.setNum(2 * (A0 + 1), e.info);
    cpu.setNum(2 * (A0 + 2), e.uc);
    cpu.setNum(2 * SP, e.sp);
    cpu.setNum(2 * RA, e.ret);
  },
  frameAtReturn: (cpu) => cpu.getNum(2 * SP),
};
