/** Shared setup for the signal tests: a riscv64 Process (the real target), syscalls, actions. */
import { Memory, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import { Process } from '../../src/linux/process.js';
import { archByName } from '../../syscalls/arch.js';
import { doSyscall } from '../../syscalls/index.js';
import { riscv64Syscalls } from '../../targets/riscv/linux/syscall-names.generated.js';
import type { RiscvCpu } from '../../targets/riscv/cpu.js';
import { riscv64 } from '../../targets/riscv/linux/index.js';
import { CaptureLog } from './syscalls.js';

export const A = archByName('riscv64');
export const c = A.c;
export const bit = (s: number): bigint => 1n << BigInt(s - 1);
export const NR = Object.fromEntries(Object.entries(riscv64Syscalls).map(([n, name]) => [name, Number(n)]));

export const STACK_LO = 0x700000;
export const STACK_TOP = 0x800000;
export const SCRATCH = 0x900000;
export const CODE = 0x10000;

export interface SigHarness {
  proc: Process;
  mem: Memory;
  cpu: RiscvCpu;
  log: CaptureLog;
  /** run syscall `name` the way the run loop does (a7 = number, a0..a5 = args); returns a0 */
  call(name: string, ...args: number[]): number;
  callAsync(name: string, ...args: number[]): Promise<number>;
  /** rt_sigaction(sig, {handler, flags, mask}) */
  action(sig: number, handler: number, flags?: number, mask?: bigint): void;
  sp(): number;
}

export function sigHarness(opts: { strace?: boolean } = {}): SigHarness {
  const mem = new Memory(true);
  const cpu = riscv64.createCpu(mem) as RiscvCpu;
  const log = new CaptureLog(opts.strace ? ['strace'] : []);
  const proc = new Process(riscv64, mem, cpu, log, '', opts.strace ?? false);
  mem.map(STACK_LO, STACK_TOP - STACK_LO, PROT_R | PROT_W);
  mem.map(SCRATCH, 0x10000, PROT_R | PROT_W);
  mem.map(CODE, 0x1000, PROT_R | PROT_X);
  cpu.setNum(2 * 2, STACK_TOP - 64);
  const setup = (name: string, args: number[]) => {
    const nr = NR[name];
    if (nr === undefined) throw new Error(`no syscall ${name}`);
    cpu.setNum(2 * 17, nr);
    for (let i = 0; i < 6; i++) cpu.setNum(2 * (10 + i), args[i] ?? 0);
  };
  const h: SigHarness = {
    proc, mem, cpu, log,
    call(name, ...args) {
      setup(name, args);
      const r = doSyscall(proc);
      if (r) throw new Error(`${name} returned a Promise`);
      return cpu.getNum(20);
    },
    async callAsync(name, ...args) {
      setup(name, args);
      await doSyscall(proc);
      return cpu.getNum(20);
    },
    action(sig, handler, flags = 0, mask = 0n) {
      const l = A.s.sigaction;
      const at = SCRATCH + 0x8000;
      mem.writeBytes(at, new Uint8Array(l.size));
      mem.write64(at + l.fields.sa_handler.off, BigInt(handler));
      mem.write64(at + l.fields.sa_flags.off, BigInt(flags >>> 0));
      mem.write64(at + l.fields.sa_mask.off, mask);
      const sp = cpu.getNum(4);
      const saved = [10, 11, 12, 13, 17].map((r) => cpu.get64(2 * r));
      const r = h.call('rt_sigaction', sig, at, 0, 8);
      [10, 11, 12, 13, 17].forEach((reg, i) => cpu.set64(2 * reg, saved[i]));
      cpu.setNum(4, sp);
      if (r !== 0) throw new Error(`rt_sigaction(${sig}) = ${r}`);
    },
    sp: () => cpu.getNum(4),
  };
  return h;
}
