/**
 * n64 signal frames (arch/mips/kernel/signal.c): only rt_sigframe = { rs_ass[4]; rs_pad[2];
 * siginfo; ucontext }, 8-byte aligned 32 bytes below sp as qemu places it; the sigcontext
 * holds $0..$31, the FP registers, HI, LO and pc as 64-bit values, then the FCSR and
 * used_math. A handler starts with a0 = signal, a1 = &info, a2 = &ucontext, sp = the frame,
 * ra = the return code (`li v0, __NR_rt_sigreturn; syscall`), t9 = pc = handler.
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { ContextIo, SignalAbi } from '../../target.js';
import { F0, FCSR, HI, LO, R_A0, R_RA, R_SP, R_T9 } from '../cpu.js';
import { mipsN64Syscalls } from './syscall-names-n64.generated.js';

function trampoline(): Uint8Array {
  const e = Object.entries(mipsN64Syscalls).find(([, n]) => n === 'rt_sigreturn');
  if (!e) throw new Error('mips64: no rt_sigreturn');
  const out = new Uint8Array(8);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, (0x24020000 | Number(e[0])) >>> 0, true);
  dv.setUint32(4, 0x0000000c, true);
  return out;
}

export const mipsN64Signal: SignalAbi = {
  trampoline: trampoline(),
  frame: { struct: 'rt_sigframe', info: 'rs_info', uc: 'rs_uc' },
  mcontext: { field: 'uc_mcontext', struct: 'sigcontext' },
  redZone: 32,
  align: 8,
  pc: 'sc_pc',
  regs: [
    ...Array.from({ length: 31 }, (_, i): [string, number] => [`sc_regs[${i + 1}]`, i + 1]),
    ['sc_mdhi', HI],
    ['sc_mdlo', LO],
    ...Array.from({ length: 32 }, (_, k): [string, number] => [`sc_fpregs[${k}]`, F0 + k]),
  ],
  saveExtra(cpu: Cpu, io: ContextIo) {
    io.set('sc_fpc_csr', BigInt(cpu.r[2 * FCSR] >>> 0));
    io.set('sc_used_math', 1n);
  },
  restoreExtra(cpu: Cpu, io: ContextIo) {
    cpu.r[2 * FCSR] = Number(io.get('sc_fpc_csr')) | 0;
  },
  enter(cpu, e) {
    cpu.setNum(2 * R_A0, e.sig);
    cpu.setNum(2 * (R_A0 + 1), e.info);
    cpu.setNum(2 * (R_A0 + 2), e.uc);
    cpu.setNum(2 * R_SP, e.sp);
    cpu.setNum(2 * R_RA, e.ret);
    cpu.setNum(2 * R_T9, e.handler);
  },
  frameAtReturn: (cpu) => cpu.getNum(2 * R_SP),
};
