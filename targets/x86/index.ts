/** The x86-64 and i386 instruction sets; their Linux user-mode targets are in ./linux/. */
import { defineHelpers } from '../../src/core/helpers.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { Isa, RegInfo } from '../../src/core/isa.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { CC_DST, CC_OP, CC_SRC, CC_SRC2, DF, FS_BASE, GS_BASE, X86Cpu, XMM0 } from './cpu.js';
import { GPR_NAMES } from './disasm.js';
import { x86Helpers } from './helpers.js';
import { sseHelpers } from './helpers-sse.js';
import { x87Helpers } from './helpers-x87.js';
import { mmxHelpers } from './helpers-mmx.js';
import { x86HelperSigs } from './helper-sigs.js';
import { translateX86 } from './translate.js';

const regs: RegInfo[] = [
  ...GPR_NAMES.map((name, n): RegInfo => ({ name, ty: 'i64', index: 2 * n, cached: true })),
  { name: 'cc_op', ty: 'i32', index: 2 * CC_OP, cached: true },
  { name: 'cc_dst', ty: 'i64', index: 2 * CC_DST, cached: true },
  { name: 'cc_src', ty: 'i64', index: 2 * CC_SRC, cached: true },
  { name: 'cc_src2', ty: 'i64', index: 2 * CC_SRC2, cached: true },
  { name: 'df', ty: 'i32', index: 2 * DF, cached: true },
  { name: 'fs_base', ty: 'i64', index: 2 * FS_BASE, cached: true },
  { name: 'gs_base', ty: 'i64', index: 2 * GS_BASE, cached: true },
  ...Array.from({ length: 36 }, (_, k): RegInfo => ({ name: `xmm${k >> 1}.${k & 1 ? 'hi' : 'lo'}`, ty: 'i64', index: 2 * (XMM0 + k), cached: false })),
];

const HELPERS = defineHelpers(['x86_'], { ...x86Helpers, ...sseHelpers, ...x87Helpers, ...mmxHelpers }, x86HelperSigs);

function isa(name: string, bits: 32 | 64): Isa {
  return {
    name,
    bits,
    littleEndian: true,
    regs,
    createCpu: (mem: Memory) => new X86Cpu(mem, bits),
    translateBlock(b: IrBuilder, mem: Memory, pc: number, maxInsns: number): void {
      translateX86(b, mem, pc, maxInsns, bits);
    },
    helpers: HELPERS.fns,
    helperSigs: HELPERS.sigs,
  };
}

export const x86_64Isa: Isa = isa('x86_64', 64);
export const i386Isa: Isa = isa('i386', 32);
