/** Helpers the RISC-V frontend calls (besides the FPU's fp_* helpers in fpu.ts). */
import type { Helper } from '../../src/core/isa.js';
import type { RiscvCpu } from './cpu.js';
import { amoHelpers } from './helpers-a.js';
import { csrHelpers } from './helpers-csr.js';

export const rvHelpers: Record<string, Helper> = {
  /** rv_trap(sig, code, addr): record a synchronous trap; the block then exits with Trap */
  rv_trap(cpu: RiscvCpu, sig: number, code: number, addr: number) {
    cpu.trapSig = sig;
    cpu.trapCode = code;
    cpu.trapAddr = addr >>> 0;
  },
  ...amoHelpers,
  ...csrHelpers,
};
