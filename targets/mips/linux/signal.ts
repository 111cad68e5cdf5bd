/**
 * o32 signal frames as the kernel builds them (arch/mips/kernel/signal.c): rt_sigframe =
 * { rs_ass[4]; rs_pad[2]; siginfo; ucontext } and, for handlers without SA_SIGINFO, sigframe =
 * { sf_ass[4]; sf_pad[2]; sigcontext; sigset } (from its sigcontext on it is laid out like a
 * ucontext from uc_mcontext on, so its "ucontext" starts at the frame: sf_ass). The frame is
 * 8-byte aligned 32 bytes below sp, as qemu places it. sigcontext holds pc, $0..$31, HI, LO
 * and the FP registers as 64-bit slots (32-bit values zero-extended, as qemu stores them),
 * the FCSR and used_math = 1.
 *
 * A handler starts with a0 = signal, a1 = &info (0 without SA_SIGINFO), a2 = &ucontext (the
 * sigcontext without SA_SIGINFO), sp = the frame, ra = the return code, t9 = pc = handler.
 * The return code is `li v0, __NR_rt_sigreturn; syscall` (sigreturn 8 bytes on).
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { ContextIo, SignalAbi } from '../../target.js';
import { F0, FCSR, HI, LO, R_A0, R_RA, R_SP, R_T9 } from '../cpu.js';
import { mipsO32Syscalls } from './syscall-names-o32.generated.js';

const nrOf = (name: string): number => {
  const e = Object.entries(mipsO32Syscalls).find(([, n]) => n === name);
  if (!e) throw new Error(`mips: no syscall ${name}`);
  return Number(e[0]);
};

/** rt_sigreturn at 0, sigreturn at 8: `addiu v0, zero, nr; syscall`, in the target's byte order */
function trampoline(little: boolean): Uint8Array {
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  ['rt_sigreturn', 'sigreturn'].forEach((name, i) => {
    dv.setUint32(8 * i, (0x24020000 | nrOf(name)) >>> 0, little);
    dv.setUint32(8 * i + 4, 0x0000000c, little);
  });
  return out;
}

function o32Signal(little: boolean): SignalAbi {
  return {
    trampoline: trampoline(little),
    frame: { struct: 'rt_sigframe', info: 'rs_info', uc: 'rs_uc' },
    plainFrame: { struct: 'sigframe', uc: 'sf_ass', retOffset: 8 },
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
      cpu.r[2 * R_A0] = e.sig;
      cpu.r[2 * (R_A0 + 1)] = e.info;
      cpu.r[2 * (R_A0 + 2)] = e.info ? e.uc : e.mc;
      cpu.r[2 * R_SP] = e.sp;
      cpu.r[2 * R_RA] = e.ret;
      cpu.r[2 * R_T9] = e.handler;
    },
    frameAtReturn: (cpu) => cpu.r[2 * R_SP] >>> 0,
  };
}

export const mipsO32Signal = o32Signal(true);
export const mipsO32SignalBE = o32Signal(false);
