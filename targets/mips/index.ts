/**
 * The MIPS instruction sets: MIPS32r2 little- and big-endian (mipsel, mips) and MIPS64r2
 * (mips64el) from one frontend; the Linux user-mode targets (o32, n64) are ./linux/. The byte
 * order is the guest memory's (the ELF header's), the width the Isa's.
 */
import { defineHelpers } from '../../src/core/helpers.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Isa, RegInfo } from '../../src/core/isa.js';
import type { GuestMemory } from '../../src/core/memory/model.js';
import { F0, FCSR, HI, LO, MipsCpu, ULR } from './cpu.js';
import { GPR_NAMES } from './disasm.js';
import { fpuHelpers } from './fpu.js';
import { fpuOpHelpers } from './fpu-ops.js';
import { mipsHelpers } from './helpers.js';
import { mipsFpuHelperSigs, mipsHelperSigs } from './helper-sigs.js';
import { translateMips } from './translate.js';

function regs(ty: 'i32' | 'i64'): RegInfo[] {
  return [
    ...GPR_NAMES.map((name, n): RegInfo => ({ name, ty, index: 2 * n, cached: true, ...(n === 0 ? { zero: true } : {}) })),
    { name: 'hi', ty, index: 2 * HI, cached: true },
    { name: 'lo', ty, index: 2 * LO, cached: true },
    { name: 'ulr', ty, index: 2 * ULR, cached: false },
    { name: 'fcsr', ty: 'i32', index: 2 * FCSR, cached: false },
    ...Array.from({ length: 32 }, (_, k): RegInfo => ({ name: `f${k}`, ty: 'i64', index: 2 * (F0 + k), cached: false })),
  ];
}

const HELPERS = defineHelpers(['mips_'], { ...mipsHelpers, ...fpuHelpers, ...fpuOpHelpers }, { ...mipsHelperSigs, ...mipsFpuHelperSigs });

function mipsIsa(name: string, bits: 32 | 64, littleEndian: boolean): Isa {
  return {
    name,
    bits,
    littleEndian,
    regs: regs(bits === 64 ? 'i64' : 'i32'),
    createCpu: (mem: GuestMemory) => new MipsCpu(mem),
    translateBlock(b: IrBuilder, mem: GuestMemory, pc: number, maxInsns: number, mode = 0): void {
      translateMips(b, mem, pc, maxInsns, bits === 64, mode & 1);
    },
    // Status.FR changes how FP registers pair up: code is cached per FR
    translationMode: (cpu) => (cpu as MipsCpu).fr,
    helpers: HELPERS.fns,
    helperSigs: HELPERS.sigs,
  };
}

export const mipselIsa = mipsIsa('mipsel', 32, true);
export const mipsIsa32be = mipsIsa('mips', 32, false);
export const mips64elIsa = mipsIsa('mips64el', 64, true);
