/**
 * The 32-bit ARM instruction set (A32, Thumb-2, VFPv4-D32, NEON); its Linux user-mode target
 * (EABI, armhf and armel) is ./linux/index.ts.
 */
import { defineHelpers } from '../../src/core/helpers.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Isa, RegInfo } from '../../src/core/isa.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { armGdb } from './gdb.js';
import { ArmCpu, D0_INDEX, FPSCR, NF, TPIDRURO } from './cpu.js';
import { armHelpers } from './helpers.js';
import { armHelperSigs } from './helper-sigs.js';
import { translateArm } from './translate.js';

const GPR = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'fp', 'ip', 'sp', 'lr', 'pc'];

export const armRegs: RegInfo[] = [
  ...GPR.map((name, n): RegInfo => ({ name, ty: 'i32', index: n, cached: true })),
  ...['NF', 'ZF', 'CF', 'VF', 'QF', 'GE'].map((name, k): RegInfo => ({ name, ty: 'i32', index: NF + k, cached: true })),
  { name: 'tpidruro', ty: 'i32', index: TPIDRURO, cached: false },
  { name: 'fpscr', ty: 'i32', index: FPSCR, cached: false },
  ...Array.from({ length: 32 }, (_, k): RegInfo => ({ name: `d${k}`, ty: 'i64', index: D0_INDEX + 2 * k, cached: false })),
  ...Array.from({ length: 32 }, (_, j): RegInfo => ({ name: `s${j}`, ty: 'i32', index: D0_INDEX + j, cached: false })),
];

/** every helper generated code may call, with its signature (src/core/helpers.ts) */
const HELPERS = defineHelpers(['arm_'], armHelpers, armHelperSigs);

export const armIsa: Isa = {
  name: 'arm',
  bits: 32,
  littleEndian: true,
  regs: armRegs,
  createCpu: (mem: Memory) => new ArmCpu(mem),
  translateBlock(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): void {
    translateArm(b, mem, pc, maxInsns);
  },
  helpers: HELPERS.fns,
  helperSigs: HELPERS.sigs,
  gdb: armGdb,
};
