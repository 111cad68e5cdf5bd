/** The riscv64 target (RV64GC Linux user mode). */
import { coreHelpers, coreHelperSigs } from '../../src/core/frontend/trap.js';
import { defineHelpers } from '../../src/core/helpers.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Memory } from '../../src/core/memory/flat.js';
import type { RegInfo, Target } from '../target.js';
import { riscv64Abi } from './linux/abi.js';
import { riscv64Gdb } from './gdb.js';
import { F0, RiscvCpu } from './cpu.js';
import { FNAMES, XNAMES } from './disasm.js';
import { fpuHelpers } from './fpu.js';
import { rvHelpers } from './helpers.js';
import { rvHelperSigs } from './helper-sigs.js';
import { translateRiscv } from './translate.js';

/** ELF e_flags bits (RISC-V psABI) */
export const EF_RISCV_RVC = 0x1;
export const EF_RISCV_FLOAT_ABI = 0x6;
export const EF_RISCV_FLOAT_ABI_SOFT = 0x0;
export const EF_RISCV_FLOAT_ABI_SINGLE = 0x2;
export const EF_RISCV_FLOAT_ABI_DOUBLE = 0x4;
export const EF_RISCV_FLOAT_ABI_QUAD = 0x6;
export const EF_RISCV_RVE = 0x8;

const regs: RegInfo[] = [
  ...XNAMES.map((name, n): RegInfo => ({ name, ty: 'i64', index: 2 * n, cached: true, ...(n === 0 ? { zero: true } : {}) })),
  ...FNAMES.map((name, k): RegInfo => ({ name, ty: 'i64', index: 2 * (F0 + k), cached: false })),
];

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

/** every helper generated code may call, with its signature (src/core/helpers.ts) */
const HELPERS = defineHelpers(['core_', 'rv_'], { ...coreHelpers, ...rvHelpers, ...fpuHelpers }, { ...coreHelperSigs, ...rvHelperSigs });

export const riscv64: Target = {
  name: 'riscv64',
  elfMachine: 243,
  elfClass: 64,
  littleEndian: true,
  triplet: 'riscv64-linux-gnu',
  regs,
  createCpu: (mem: Memory) => new RiscvCpu(mem),
  translateBlock(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): void {
    translateRiscv(b, mem, pc, maxInsns);
  },
  helpers: HELPERS.fns,
  helperSigs: HELPERS.sigs,
  abi: riscv64Abi,
  gdb: riscv64Gdb,
  checkElfFlags,
};
