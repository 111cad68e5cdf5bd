/** Helpers the RISC-V frontend calls (besides the FPU helpers in fpu.ts; traps: src/core/frontend/trap.ts). */
import type { Helper } from '../target.js';
import { amoHelpers } from './helpers-a.js';
import { csrHelpers } from './helpers-csr.js';

export const rvHelpers: Record<string, Helper> = {
  ...amoHelpers,
  ...csrHelpers,
};
