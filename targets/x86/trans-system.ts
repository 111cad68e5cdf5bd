/**
 * System instructions: syscall and int 0x80 (architectural syscall exceptions; the Linux
 * layer decides what they mean), int3, cpuid, rdtsc, xgetbv, hints and fences that have
 * nothing to do here, and the privileged ones a user program cannot run.
 */
import { Excp } from '../../src/core/exceptions.js';
import type { X86Ctx } from './ctx.js';
import type { Handler } from './trans-alu.js';

const nothing: Handler = () => true;

/** syscall: rcx = the next rip and r11 = rflags, as the CPU leaves them for the kernel */
const syscall: Handler = (c) => {
  const b = c.b;
  b.set(1, b.k64(c.next));
  b.set(11, b.zext(b.or(c.flags().eflags(), b.k32(0x202))));
  b.exception(Excp.Syscall, c.next);
  return true;
};

/** int n: 0x80 is the i386 syscall gate; any other vector is a #GP for a user program */
const int: Handler = (c, i) => {
  const n = i.ops[0].k === 'imm' ? Number(i.ops[0].imm) : -1;
  if (n === 0x80) c.b.exception(Excp.Syscall, c.next, 0x80);
  else c.b.exception(Excp.Trap, c.pc, 0x0d, 0);
  return true;
};

/** a privileged instruction: #GP, which Linux reports as SIGSEGV (si_addr 0) */
const privileged: Handler = (c) => {
  c.b.exception(Excp.Trap, c.pc, 0x0d, 0);
  return true;
};

const cpuid: Handler = (c) => {
  const b = c.b;
  const leaf = c.reg(4, 0), sub = c.reg(4, 1);
  const r = [0, 1, 2, 3].map((k) => b.call('x86_cpuid', 'i32', [leaf, sub, b.k32(k)]));
  // eax ebx ecx edx
  c.setReg(4, 0, r[0]); c.setReg(4, 3, r[1]); c.setReg(4, 1, r[2]); c.setReg(4, 2, r[3]);
  return true;
};

const rdtsc: Handler = (c) => {
  const b = c.b;
  const t = b.call('x86_rdtsc', 'i64', []);
  c.setReg(4, 0, b.trunc(t));
  c.setReg(4, 2, b.trunc(b.bin('shr', t, b.k32(32))));
  return true;
};

export const transSystem: Record<string, Handler> = {
  syscall, int, cpuid, rdtsc,
  int3: (c: X86Ctx) => { c.raise(Excp.Breakpoint); return true; },
  ud2: (c: X86Ctx) => { c.illegal(); return true; },
  hlt: privileged, cli: privileged, sti: privileged,
  nop: nothing, pause: nothing, endbr64: nothing, endbr32: nothing, fwait: nothing, emms: (c: X86Ctx) => { c.b.call('x86_emms', null, []); return true; },
  lfence: nothing, mfence: nothing, sfence: nothing,
  prefetcht0: nothing, prefetcht1: nothing, prefetcht2: nothing, prefetchnta: nothing, prefetch: nothing, prefetchw: nothing,
  clflush: nothing, rdsspd: nothing, rdsspq: nothing,
};
