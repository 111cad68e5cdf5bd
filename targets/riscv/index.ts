/** The riscv64 instruction set (RV64GC); its Linux user-mode target is ./linux/index.ts. */
import { defineHelpers } from '../../src/core/helpers.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Isa, RegInfo } from '../../src/core/isa.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { riscv64Gdb } from './gdb.js';
import { F0, RiscvCpu } from './cpu.js';
import { FNAMES, XNAMES } from './disasm.js';
import { fpuHelpers } from './fpu.js';
import { rvHelpers } from './helpers.js';
import { rvHelperSigs } from './helper-sigs.js';
import { translateRiscv } from './translate.js';

const regs: RegInfo[] = [
  ...XNAMES.map((name, n): RegInfo => ({ name, ty: 'i64', index: 2 * n, cached: true, ...(n === 0 ? { zero: true } : {}) })),
  ...FNAMES.map((name, k): RegInfo => ({ name, ty: 'i64', index: 2 * (F0 + k), cached: false })),
];

/** every helper generated code may call, with its signature (src/core/helpers.ts) */
const HELPERS = defineHelpers(['rv_'], { ...rvHelpers, ...fpuHelpers }, rvHelperSigs);

export const riscv64Isa: Isa = {
  name: 'riscv64',
  bits: 64,
  littleEndian: true,
  regs,
  createCpu: (mem: Memory) => new RiscvCpu(mem),
  translateBlock(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): void {
    translateRiscv(b, mem, pc, maxInsns);
  },
  helpers: HELPERS.fns,
  helperSigs: HELPERS.sigs,
  gdb: riscv64Gdb,
};
