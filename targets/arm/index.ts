/**
 * The arm target (32-bit ARM EABI Linux user mode: A32, Thumb-2, VFPv4-D32). It runs both
 * Debian armhf (ARMv7-A, hard float) and armel (ARMv5TE, soft float, ARM state) programs.
 */
import { coreHelpers, coreHelperSigs } from '../../src/core/frontend/trap.js';
import { defineHelpers } from '../../src/core/helpers.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Memory } from '../../src/core/memory/flat.js';
import type { RegInfo, Target } from '../target.js';
import { armAbi } from './linux/abi.js';
import { armGdb } from './gdb.js';
import { ArmCpu, D0_INDEX, FPSCR, GE, NF, QF, TPIDRURO } from './cpu.js';
import { armHelpers } from './helpers.js';
import { armHelperSigs } from './helper-sigs.js';
import { translateArm } from './translate.js';

export const EF_ARM_EABIMASK = 0xff000000;
export const EF_ARM_EABI_VER5 = 0x05000000;
export const EF_ARM_ABI_FLOAT_SOFT = 0x200;
export const EF_ARM_ABI_FLOAT_HARD = 0x400;

const GPR = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'fp', 'ip', 'sp', 'lr', 'pc'];

export const armRegs: RegInfo[] = [
  ...GPR.map((name, n): RegInfo => ({ name, ty: 'i32', index: n, cached: true })),
  ...['NF', 'ZF', 'CF', 'VF', 'QF', 'GE'].map((name, k): RegInfo => ({ name, ty: 'i32', index: NF + k, cached: true })),
  { name: 'tpidruro', ty: 'i32', index: TPIDRURO, cached: false },
  { name: 'fpscr', ty: 'i32', index: FPSCR, cached: false },
  ...Array.from({ length: 32 }, (_, k): RegInfo => ({ name: `d${k}`, ty: 'i64', index: D0_INDEX + 2 * k, cached: false })),
  ...Array.from({ length: 32 }, (_, j): RegInfo => ({ name: `s${j}`, ty: 'i32', index: D0_INDEX + j, cached: false })),
];
void QF; void GE;

/** EABI version 5 only (what every current toolchain emits); the float ABI flags are both fine. */
function checkElfFlags(flags: number): string | undefined {
  const ver = flags & EF_ARM_EABIMASK;
  if (ver !== EF_ARM_EABI_VER5 && ver !== 0x04000000) return `ARM EABI version ${ver >>> 24} binaries are not supported (only EABI 4/5)`;
  return undefined;
}

/**
 * Debian has two ABIs on this target: armhf (arm-linux-gnueabihf, VFP argument passing) and
 * armel (arm-linux-gnueabi, ARMv5TE soft float). The ELF's float-ABI flag picks the sysroot;
 * a file that sets neither flag (old tools, -nostdlib objects) gets armhf.
 */
function tripletFor(flags: number): string {
  return (flags & EF_ARM_ABI_FLOAT_SOFT) && !(flags & EF_ARM_ABI_FLOAT_HARD) ? 'arm-linux-gnueabi' : 'arm-linux-gnueabihf';
}

/** every helper generated code may call, with its signature (src/core/helpers.ts) */
const HELPERS = defineHelpers(['core_', 'arm_'], { ...coreHelpers, ...armHelpers }, { ...coreHelperSigs, ...armHelperSigs });

export const arm: Target = {
  name: 'arm',
  elfMachine: 40,
  elfClass: 32,
  littleEndian: true,
  triplet: 'arm-linux-gnueabihf',
  tripletFor,
  regs: armRegs,
  createCpu: (mem: Memory) => new ArmCpu(mem),
  translateBlock(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): void {
    translateArm(b, mem, pc, maxInsns);
  },
  helpers: HELPERS.fns,
  helperSigs: HELPERS.sigs,
  abi: armAbi,
  gdb: armGdb,
  checkElfFlags,
};
