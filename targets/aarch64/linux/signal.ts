/**
 * aarch64 signal frames as the kernel builds them (arch/arm64/kernel/signal.c): at a 16-byte
 * aligned sp below the interrupted one, { siginfo_t info; struct ucontext uc; } and a frame
 * record { fp, lr } that x29 points at. uc_mcontext is struct sigcontext (fault_address,
 * x0..x30, sp, pc, pstate) whose __reserved[] holds the fpsimd_context record (magic
 * 0x46508001, size 528: fpsr, fpcr, V0..V31) and then the null terminator record. The
 * handler gets x0 = signal, x1 = &info, x2 = &uc, x30 = the trampoline
 * (`mov x8, #139; svc #0`) unless SA_RESTORER gives one. Offsets come from the generated
 * layouts (syscalls/layouts/aarch64.ts, struct `mcontext` restates sigcontext's records).
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { ContextIo, SignalAbi } from '../../target.js';
import { aarch64Syscalls } from './syscall-names.generated.js';
import { type A64Cpu, CF, NF, SP, VBASE, VF, ZF } from '../cpu.js';

const FPSIMD_MAGIC = 0x46508001;
const FPSIMD_SIZE = 528;
/** the frame record follows the ucontext: rt_sigframe.fp - rt_sigframe.uc */
const FP_FROM_UC = 4688 - 128;

const nrOf = (name: string): number => {
  const e = Object.entries(aarch64Syscalls).find(([, n]) => n === name);
  if (!e) throw new Error(`aarch64: no syscall ${name}`);
  return Number(e[0]);
};

function trampoline(): Uint8Array {
  const out = new Uint8Array(8);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, (0xd2800000 | (nrOf('rt_sigreturn') << 5) | 8) >>> 0, true); // movz x8, #nr
  dv.setUint32(4, 0xd4000001, true); // svc #0
  return out;
}

const pstateOf = (cpu: Cpu) =>
  BigInt((cpu.r[2 * NF] << 31) | (cpu.r[2 * ZF] << 30) | (cpu.r[2 * CF] << 29) | (cpu.r[2 * VF] << 28)) & 0xf0000000n;

export const aarch64Signal: SignalAbi = {
  trampoline: trampoline(),
  frame: { struct: 'rt_sigframe', info: 'info', uc: 'uc' },
  mcontext: { field: 'uc_mcontext', struct: 'mcontext' },
  redZone: 0,
  align: 16,
  pc: 'pc',
  regs: [
    ...Array.from({ length: 31 }, (_, i): [string, number, number] => ['regs', i, i]),
    ['sp', SP],
  ],
  saveExtra(cpu: Cpu, io: ContextIo) {
    const c = cpu as A64Cpu;
    io.set('pstate', pstateOf(cpu));
    io.set('fpsimd.magic', BigInt(FPSIMD_MAGIC));
    io.set('fpsimd.size', BigInt(FPSIMD_SIZE));
    io.set('fpsimd.fpsr', BigInt(c.fpsr >>> 0));
    io.set('fpsimd.fpcr', BigInt(c.fpcr >>> 0));
    for (let k = 0; k < 64; k++) io.set('fpsimd.v', c.get64(VBASE + 2 * k), k);
    io.set('end_magic', 0n);
    io.set('end_size', 0n);
  },
  restoreExtra(cpu: Cpu, io: ContextIo) {
    const c = cpu as A64Cpu;
    const ps = Number(io.get('pstate'));
    c.r[2 * NF] = (ps >>> 31) & 1;
    c.r[2 * ZF] = (ps >>> 30) & 1;
    c.r[2 * CF] = (ps >>> 29) & 1;
    c.r[2 * VF] = (ps >>> 28) & 1;
    if (Number(io.get('fpsimd.magic')) === FPSIMD_MAGIC) {
      c.fpsr = Number(io.get('fpsimd.fpsr')) | 0;
      c.fpcr = Number(io.get('fpsimd.fpcr')) | 0;
      for (let k = 0; k < 64; k++) c.set64(VBASE + 2 * k, io.get('fpsimd.v', k));
    }
  },
  enter(cpu, e) {
    // the frame record {fp, lr} after the ucontext, as the kernel writes it
    const rec = e.uc + FP_FROM_UC;
    cpu.mem.write64(rec, cpu.get64(2 * 29));
    cpu.mem.write64(rec + 8, cpu.get64(2 * 30));
    cpu.setNum(0, e.sig);
    cpu.setNum(2, e.info);
    cpu.setNum(4, e.uc);
    cpu.setNum(2 * 29, rec);
    cpu.setNum(2 * SP, e.sp);
    cpu.setNum(2 * 30, e.ret);
  },
  frameAtReturn: (cpu) => cpu.getNum(2 * SP),
};
