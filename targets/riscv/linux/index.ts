/** The riscv64 Linux user-mode target: the RV64GC ISA, its ELF facts and its Linux ABI. */
import type { Target } from '../../target.js';
import { riscv64Isa } from '../index.js';
import { riscv64Abi } from './abi.js';

/** ELF e_flags bits (RISC-V psABI) */
export const EF_RISCV_RVC = 0x1;
export const EF_RISCV_FLOAT_ABI = 0x6;
export const EF_RISCV_FLOAT_ABI_SOFT = 0x0;
export const EF_RISCV_FLOAT_ABI_SINGLE = 0x2;
export const EF_RISCV_FLOAT_ABI_DOUBLE = 0x4;
export const EF_RISCV_FLOAT_ABI_QUAD = 0x6;
export const EF_RISCV_RVE = 0x8;

/**
 * The CPU runs RV64GC, so soft-float and single/double hard-float programs all run (a
 * single-float ABI only passes arguments in fewer FP registers). RVE (16 registers) and the
 * quad-float ABI (Q extension) are not supported.
 */
function checkElfFlags(flags: number): string | undefined {
  if (flags & EF_RISCV_RVE) return 'RV64E (EF_RISCV_RVE) binaries are not supported';
  if ((flags & EF_RISCV_FLOAT_ABI) === EF_RISCV_FLOAT_ABI_QUAD) return 'the quad-float ABI needs the Q extension, which is not supported';
  return undefined;
}

export const riscv64: Target = {
  ...riscv64Isa,
  elfMachine: 243,
  elfClass: 64,
  triplet: 'riscv64-linux-gnu',
  abi: riscv64Abi,
  checkElfFlags,
};
