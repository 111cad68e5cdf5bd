/**
 * arm signal frames as the kernel builds them (arch/arm/kernel/signal.c): rt_sigframe =
 * { siginfo; ucontext; retcode[] } at an 8-byte aligned sp; uc_mcontext is struct sigcontext
 * (r0..r10, fp, ip, sp, lr, pc, cpsr) and uc_regspace starts with the VFP record (magic
 * 0x56465001, D0..D31, FPSCR). The "mcontext" layout (tools/gen-layouts.ts) spans ucontext
 * from uc_mcontext to the VFP record, so one struct covers every saved register.
 * The handler gets r0 = signal, r1 = &info, r2 = &uc, lr = the restorer or our trampoline
 * (ARM state: `mov r7, #__NR_rt_sigreturn; svc 0`). A handler without SA_SIGINFO gets the
 * kernel's sigframe instead ({ ucontext; retcode[] }: no siginfo, r1 and r2 untouched) and
 * returns through sigreturn (`mov r7, #__NR_sigreturn; svc 0`). It runs in Thumb state when its address
 * has bit 0 set (the pc keeps that bit, as for any interworking branch). The saved pc has no
 * Thumb bit: the saved CPSR's T bit carries it.
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { ContextIo, SignalAbi } from '../../target.js';
import { armSyscalls } from './syscall-names.generated.js';
import { type ArmCpu, D0, FPSCR, R_LR, R_SP } from '../cpu.js';

const VFP_MAGIC = 0x56465001n;
const VFP_SIZE = 288n;
const GPR_FIELDS = 'r0 r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 fp ip sp lr'.split(' ').map((r) => `sc.arm_${r}`);

const nrOf = (name: string): number => {
  const e = Object.entries(armSyscalls).find(([, n]) => n === name);
  if (!e) throw new Error(`arm: no syscall ${name}`);
  return Number(e[0]);
};

/** ARM-state return code: rt_sigreturn at 0, sigreturn (handlers without SA_SIGINFO) at 8 */
function trampoline(): Uint8Array {
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  ['rt_sigreturn', 'sigreturn'].forEach((name, i) => {
    dv.setUint32(8 * i, (0xe3a07000 | nrOf(name)) >>> 0, true); // mov r7, #nr
    dv.setUint32(8 * i + 4, 0xef000000, true); // svc 0
  });
  return out;
}

export const armSignal: SignalAbi = {
  trampoline: trampoline(),
  frame: { struct: 'rt_sigframe', info: 'info', uc: 'uc' },
  plainFrame: { struct: 'sigframe', uc: 'uc', retOffset: 8 },
  mcontext: { field: 'uc_mcontext', struct: 'mcontext' },
  redZone: 0,
  align: 8,
  pc: 'sc.arm_pc',
  regs: [
    ...GPR_FIELDS.map((f, i): [string, number] => [f, i]),
    ...Array.from({ length: 32 }, (_, k): [string, number, number] => ['vfp.ufp.fpregs', D0 + k, k]),
  ],
  saveExtra(cpu: Cpu, io: ContextIo) {
    const c = cpu as ArmCpu;
    io.set('sc.arm_pc', BigInt((cpu.pc & ~1) >>> 0));
    io.set('sc.arm_cpsr', BigInt(c.cpsr));
    io.set('vfp.magic', VFP_MAGIC);
    io.set('vfp.size', VFP_SIZE);
    io.set('vfp.ufp.fpscr', BigInt(cpu.r[FPSCR] >>> 0));
  },
  restoreExtra(cpu: Cpu, io: ContextIo) {
    const c = cpu as ArmCpu;
    const cpsr = Number(io.get('sc.arm_cpsr'));
    c.setFlagsFrom(cpsr);
    if (io.get('vfp.magic') === VFP_MAGIC) cpu.r[FPSCR] = Number(io.get('vfp.ufp.fpscr')) | 0;
    // the pc field is applied after this hook: leave the Thumb state for it in the field
    const pc = Number(io.get('sc.arm_pc'));
    io.set('sc.arm_pc', BigInt((cpsr & 0x20 ? pc | 1 : pc & ~1) >>> 0));
  },
  enter(cpu, e) {
    cpu.r[0] = e.sig;
    if (e.info) { // only handlers with SA_SIGINFO get these (setup_rt_frame)
      cpu.r[1] = e.info;
      cpu.r[2] = e.uc;
    }
    cpu.r[R_SP] = e.sp;
    cpu.r[R_LR] = e.ret;
  },
  frameAtReturn: (cpu) => cpu.r[R_SP] >>> 0,
};
