/**
 * x86-64 signal frames as the kernel builds them (arch/x86/kernel/signal.c): the handler's
 * rsp points at pretcode (the return address: glibc's sa_restorer __restore_rt, which
 * calls rt_sigreturn), followed by the ucontext and the siginfo, and uc_mcontext.fpstate
 * points at the FP state in fxsave layout (x87 control/status, MXCSR, xmm0-15). The handler
 * gets rdi = signal, rsi = &info, rdx = &uc and rax = 0. Offsets come from the generated
 * layouts (tools/gen-layouts.ts: the frame from uc_mcontext on is `mcontext`).
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { ContextIo, SignalAbi } from '../../target.js';
import { CC_DST, CC_OP, CC_SRC, DF, XMM0, type X86Cpu } from '../cpu.js';
import { computeEflags } from '../flags.js';
import { x86_64Syscalls } from './syscall-names-x86_64.generated.js';

const GPRS = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];

const nr = Number(Object.entries(x86_64Syscalls).find(([, n]) => n === 'rt_sigreturn')![0]);
/** mov $__NR_rt_sigreturn, %eax; syscall */
const trampoline = new Uint8Array([0xb8, nr & 0xff, nr >> 8, 0, 0, 0x0f, 0x05]);

/** where pretcode is in the frame (after the 8 bytes of pad of gen-layouts' pe_rt_sigframe) */
const PRETCODE = 8;

export function eflagsOf(cpu: Cpu): number {
  const r = cpu.r;
  const arith = computeEflags(r[2 * CC_OP], cpu.get64(2 * CC_DST), cpu.get64(2 * CC_SRC), cpu.get64(2 * (CC_SRC + 1)));
  return (arith | 0x202 | (r[2 * DF] << 10)) >>> 0;
}

export const x86_64Signal: SignalAbi = {
  trampoline,
  frame: { struct: 'rt_sigframe', info: 'info', uc: 'uc' },
  mcontext: { field: 'uc_mcontext', struct: 'mcontext' },
  redZone: 128,
  align: 64,
  pc: 'sc.rip',
  pointers: [['sc.fpstate', 'fp']],
  regs: [
    ...GPRS.map((n, i): [string, number] => [`sc.${n}`, i]),
    ...Array.from({ length: 32 }, (_, k): [string, number, number] => ['fp.xmm_space', XMM0 + k, k]),
  ],
  saveExtra(cpu: Cpu, io: ContextIo) {
    const c = cpu as X86Cpu;
    io.set('sc.eflags', BigInt(eflagsOf(cpu)));
    io.set('sc.cs', 0x33n);
    io.set('fp.cwd', BigInt(c.fpuc));
    io.set('fp.swd', BigInt((c.fpus & ~0x3800) | (c.fptop << 11)));
    io.set('fp.mxcsr', BigInt(c.mxcsr));
    io.set('fp.mxcsr_mask', 0xffffn);
  },
  restoreExtra(cpu: Cpu, io: ContextIo) {
    const c = cpu as X86Cpu;
    const fl = Number(io.get('sc.eflags'));
    cpu.r[2 * CC_OP] = 0; // CcOp.EFLAGS
    cpu.set64(2 * CC_SRC, BigInt(fl & 0x8d5));
    cpu.r[2 * DF] = (fl >> 10) & 1;
    c.fpuc = Number(io.get('fp.cwd'));
    const sw = Number(io.get('fp.swd'));
    c.fpus = sw & ~0x3800;
    c.fptop = (sw >> 11) & 7;
    c.mxcsr = Number(io.get('fp.mxcsr')) & 0xffff;
  },
  enter(cpu, e) {
    const frame = e.sp;
    cpu.mem.write64(frame + PRETCODE, BigInt(e.ret));
    cpu.setNum(2 * 7, e.sig);
    cpu.setNum(2 * 6, e.info);
    cpu.setNum(2 * 2, e.uc);
    cpu.setNum(0, 0);
    cpu.setNum(2 * 4, frame + PRETCODE);
  },
  // the handler's ret popped pretcode
  frameAtReturn: (cpu) => cpu.getNum(2 * 4) - 8 - PRETCODE,
};
