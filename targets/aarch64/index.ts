/** The aarch64 instruction set (A64: base ISA, scalar FP, Advanced SIMD subset); its Linux user-mode target is ./linux/index.ts. */
import { defineHelpers } from '../../src/core/helpers.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Isa, RegInfo } from '../../src/core/isa.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { aarch64Gdb } from './gdb.js';
import { A64Cpu, VBASE, TPIDR_INDEX } from './cpu.js';
import { fpHelpers } from './fp.js';
import { a64Helpers } from './helpers.js';
import { simdHelpers } from './simd.js';
import { a64HelperSigs } from './helper-sigs.js';
import { translateA64 } from './translate.js';

const regs: RegInfo[] = [
  ...Array.from({ length: 31 }, (_, n): RegInfo => ({ name: `x${n}`, ty: 'i64', index: 2 * n, cached: true })),
  { name: 'sp', ty: 'i64', index: 62, cached: true },
  ...['n', 'z', 'c', 'v'].map((name, i): RegInfo => ({ name, ty: 'i32', index: 64 + i, cached: true })),
  ...Array.from({ length: 64 }, (_, i): RegInfo => ({ name: `v${i >> 1}.d${i & 1}`, ty: 'i64', index: VBASE + 2 * i, cached: false })),
  ...Array.from({ length: 128 }, (_, i): RegInfo => ({ name: `v${i >> 2}.s${i & 3}`, ty: 'i32', index: VBASE + i, cached: false })),
  { name: 'tpidr_el0', ty: 'i64', index: TPIDR_INDEX, cached: false },
];

/** every helper generated code may call, with its signature (src/core/helpers.ts) */
const HELPERS = defineHelpers(['a64_'], { ...a64Helpers, ...fpHelpers, ...simdHelpers }, a64HelperSigs);

export const aarch64Isa: Isa = {
  name: 'aarch64',
  bits: 64,
  littleEndian: true,
  regs,
  createCpu: (mem: Memory) => new A64Cpu(mem),
  translateBlock(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): void {
    translateA64(b, mem, pc, maxInsns);
  },
  helpers: HELPERS.fns,
  helperSigs: HELPERS.sigs,
  gdb: aarch64Gdb,
};
