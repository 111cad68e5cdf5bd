/** Helpers the RISC-V frontend calls (besides the FPU's fp_* helpers in fpu.ts). */
import type { Helper } from '../../src/core/isa.js';
import { amoHelpers } from './helpers-a.js';
import { csrHelpers } from './helpers-csr.js';

export const rvHelpers: Record<string, Helper> = {
  ...amoHelpers,
  ...csrHelpers,
};
