/** 32-bit Thumb-2 instructions (handlers named after the patterns in insns-t32.spec.ts). */
import { R_LR, R_PC } from './cpu.js';
import { type ArmCtx, Dp } from './ctx.js';
import type { TransTable } from './decoder-t32.generated.js';
import * as ops from './ops.js';
import { translateCop } from './trans-vfp.js';

/** ThumbExpandImm: the value and whether it was rotated (which sets the carry) */
export function thumbExpandImm(imm12: number): { v: number; rot: boolean } {
  const imm8 = imm12 & 0xff;
  if ((imm12 >> 10) === 0) {
    switch ((imm12 >> 8) & 3) {
      case 0: return { v: imm8, rot: false };
      case 1: return { v: (imm8 << 16) | imm8, rot: false };
      case 2: return { v: (imm8 << 24) | (imm8 << 8), rot: false };
      default: return { v: (imm8 << 24) | (imm8 << 16) | (imm8 << 8) | imm8, rot: false };
    }
  }
  const un = 0x80 | (imm12 & 0x7f);
  const r = (imm12 >> 7) & 31;
  return { v: ((un >>> r) | (un << (32 - r))) | 0, rot: true };
}

/** T32 data-processing op field -> operation; test forms when rd = pc with S */
function t32Op(c: ArmCtx, op: number, s: number, rn: number, rd: number): Dp | null {
  switch (op) {
    case 0: return rd === R_PC && s ? Dp.TST : Dp.AND;
    case 1: return Dp.BIC;
    case 2: return rn === R_PC ? Dp.MOV : Dp.ORR;
    case 3: return rn === R_PC ? Dp.MVN : Dp.ORN;
    case 4: return rd === R_PC && s ? Dp.TEQ : Dp.EOR;
    case 8: return rd === R_PC && s ? Dp.CMN : Dp.ADD;
    case 10: return Dp.ADC;
    case 11: return Dp.SBC;
    case 13: return rd === R_PC && s ? Dp.CMP : Dp.SUB;
    case 14: return Dp.RSB;
    default: void c; return null;
  }
}

function branchTarget(a: { s: number; j1: number; j2: number; hi: number; lo: number }): number {
  const i1 = (a.j1 ^ a.s) ^ 1;
  const i2 = (a.j2 ^ a.s) ^ 1;
  const v = (a.s << 24) | (i1 << 23) | (i2 << 22) | (a.hi << 12) | (a.lo << 1);
  return (v << 7) >> 7;
}

export const transT32: TransTable<ArmCtx> = {
  dp_imm(c, a) {
    const op = t32Op(c, a.op, a.s, a.rn, a.rd);
    if (op === null) return false;
    const e = thumbExpandImm(a.imm);
    c.dp(op, a.s === 1, a.rd, a.rn, c.immCarry(e.v, e.rot, a.s === 1));
    return true;
  },
  addw(c, a) {
    const base = a.rn === R_PC ? c.pcAligned() : c.reg(a.rn);
    c.setReg(a.rd, c.op('add', base, c.k32(a.imm)));
    return true;
  },
  subw(c, a) {
    const base = a.rn === R_PC ? c.pcAligned() : c.reg(a.rn);
    c.setReg(a.rd, c.op('sub', base, c.k32(a.imm)));
    return true;
  },
  movw(c, a) {
    c.setReg(a.rd, c.k32(a.imm));
    return true;
  },
  movt(c, a) {
    c.setReg(a.rd, c.op('or', c.op('and', c.reg(a.rd), c.k32(0xffff)), c.k32(a.imm << 16)));
    return true;
  },
  // sh = 1 with a zero shift is SSAT16/USAT16 (saturate to sat_imm[3:0])
  ssat: (c, a) => (a.sh && !a.imm ? (a.sat & 16) === 0 && ops.sat16(c, false, a.rd, a.rn, a.sat + 1) : ops.sat(c, false, a.rd, a.rn, a.sat + 1, a.sh, a.imm)),
  usat: (c, a) => (a.sh && !a.imm ? (a.sat & 16) === 0 && ops.sat16(c, true, a.rd, a.rn, a.sat) : ops.sat(c, true, a.rd, a.rn, a.sat, a.sh, a.imm)),
  sbfx: (c, a) => ops.bitfield(c, 'sbfx', a.rd, a.rn, a.lsb, a.w),
  ubfx: (c, a) => ops.bitfield(c, 'ubfx', a.rd, a.rn, a.lsb, a.w),
  bfi: (c, a) => ops.bitfield(c, 'bfi', a.rd, a.rn, a.lsb, a.w),
  hint: () => true,
  barrier(c, a) {
    if (a.op === 2) return ops.clrex(c);
    return a.op >= 4 && a.op <= 6;
  },
  mrs: (c, a) => ops.mrs(c, a.rd),
  msr: (c, a) => ops.msr(c, a.rn, a.mask),
  b_w(c, a) {
    c.branch((c.pcValue + branchTarget(a)) | 1);
    return true;
  },
  bl(c, a) {
    c.setReg(R_LR, c.k32(c.next));
    c.branch((c.pcValue + branchTarget(a)) | 1);
    return true;
  },
  blx_imm(c, a) {
    if (a.lo & 1) return false;
    c.setReg(R_LR, c.k32(c.next));
    c.branch(((c.pcValue & ~3) + branchTarget(a)) & ~3);
    return true;
  },
  bcond_w(c, a) {
    if (c.it || a.cond >= 14) return false;
    c.b.br(c.condition(a.cond), ((c.pcValue + a.imm) | 1) >>> 0, c.next);
    return true;
  },
  strex: (c, a) => ops.strex(c, 4, a.rd, a.rt, -1, a.rn, a.imm << 2),
  ldrex: (c, a) => ops.ldrex(c, 4, a.rt, -1, a.rn, a.imm << 2),
  tb(c, a) {
    const base = c.reg(a.rn);
    const idx = c.reg(a.rm);
    const addr = a.h ? c.op('add', base, c.op('shl', idx, c.k32(1))) : c.op('add', base, idx);
    const off = c.load(a.h ? 2 : 1, false, addr);
    c.writePc(c.op('add', c.k32(c.pcValue), c.op('shl', off, c.k32(1))), false);
    return true;
  },
  exbhd(c, a) {
    const size = [1, 2, 0, 8][a.op & 3];
    if ((a.op >> 2) !== 1 || size === 0) return false;
    if (a.l) return ops.ldrex(c, size, a.rt, a.rt2, a.rn, 0);
    return ops.strex(c, size, a.rd, a.rt, a.rt2, a.rn, 0);
  },
  ldrd(c, a) {
    if (!a.p && !a.w) return false;
    c.ldstd(a.l === 1, a.rt, a.rt2, a.rn, c.k32(a.imm << 2), a.p === 1, a.u === 1, a.w === 1);
    return true;
  },
  ldm(c, a) {
    if (a.op === 0 || a.op === 3) return false;
    return c.ldm(a.l === 1, a.rn, a.list, a.op === 1, a.op === 2, a.w === 1);
  },
  dp_reg(c, a) {
    if (a.op === 6) { // PKHBT / PKHTB
      const tb = (a.type & 2) !== 0;
      const sh = c.shiftImm(c.reg(a.rm), tb ? 2 : 0, a.imm, false).v;
      const n = c.reg(a.rn);
      const r = tb ? c.op('or', c.op('and', n, c.k32(0xffff0000)), c.op('and', sh, c.k32(0xffff)))
        : c.op('or', c.op('and', n, c.k32(0xffff)), c.op('and', sh, c.k32(0xffff0000)));
      c.setReg(a.rd, r);
      return true;
    }
    const op = t32Op(c, a.op, a.s, a.rn, a.rd);
    if (op === null) return false;
    c.dp(op, a.s === 1, a.rd, a.rn, c.shiftImm(c.reg(a.rm), a.type, a.imm, a.s === 1));
    return true;
  },
  cop: (c) => translateCop(c, c.raw),
  ld_lit(c, a) {
    if (!a.l) return false;
    if (a.rt === R_PC && a.size !== 2) return true; // PLD/PLI literal
    c.ldst(true, 1 << a.size, a.sgn === 1, a.rt, R_PC, c.k32(a.imm), true, a.u === 1, false);
    return true;
  },
  ldst_imm12(c, a) {
    if (a.size === 3 || (a.sgn && !a.l)) return false;
    if (a.l && a.rt === R_PC && a.size !== 2) return true; // PLD/PLI
    c.ldst(a.l === 1, 1 << a.size, a.sgn === 1, a.rt, a.rn, c.k32(a.imm), true, true, false);
    return true;
  },
  ldst_imm8(c, a) {
    if (a.size === 3 || (a.sgn && !a.l)) return false;
    const p = (a.puw >> 2) & 1, u = (a.puw >> 1) & 1, w = a.puw & 1;
    if (!p && !w) return false;
    if (a.l && a.rt === R_PC && a.size !== 2 && a.puw === 4) return true; // PLD/PLI (negative offset)
    c.ldst(a.l === 1, 1 << a.size, a.sgn === 1, a.rt, a.rn, c.k32(a.imm), p === 1, u === 1, w === 1);
    return true;
  },
  ldst_reg(c, a) {
    if (a.size === 3 || (a.sgn && !a.l)) return false;
    if (a.l && a.rt === R_PC && a.size !== 2) return true; // PLD/PLI
    const off = c.op('shl', c.reg(a.rm), c.k32(a.imm));
    c.ldst(a.l === 1, 1 << a.size, a.sgn === 1, a.rt, a.rn, off, true, true, false);
    return true;
  },
  shift_reg(c, a) {
    c.dp(Dp.MOV, a.s === 1, a.rd, 0, c.shiftReg(c.reg(a.rn), a.type, c.reg(a.rm), a.s === 1));
    return true;
  },
  extend(c, a) {
    // SXTAH UXTAH SXTAB16 UXTAB16 SXTAB UXTAB
    const kinds = ['h', 'h', 'b16', 'b16', 'b', 'b'] as const;
    if (a.op > 5) return false;
    return ops.extend(c, (a.op & 1) === 1, kinds[a.op], a.rd, a.rn, a.rot, a.rm);
  },
  parallel(c, a) {
    // op1 (bits 22:20): ADD8 ADD16 ASX - SUB8 SUB16 SAX; bits 7:4: kind (U Q/H)
    if (a.op2 & 8) return false;
    return ops.parallelOp(c, a.op1, a.op2 & 7, a.rd, a.rn, a.rm);
  },
  misc(c, a) {
    if (a.op1 === 1) return ops.unary(c, (['rev', 'rev16', 'rbit', 'revsh'] as const)[a.op2], a.rd, a.rm);
    if (a.op1 === 2 && a.op2 === 0) return ops.parallel(c, 'sel', a.rd, a.rn, a.rm);
    if (a.op1 === 3 && a.op2 === 0) return ops.unary(c, 'clz', a.rd, a.rm);
    if (a.op1 === 0) return ops.qaddsub(c, [0, 2, 1, 3][a.op2], a.rd, a.rn, a.rm); // QADD QDADD QSUB QDSUB
    return false;
  },
  mul(c, a) {
    switch (a.op1) {
      case 0:
        if (a.op2 === 0) return ops.mul32(c, a.rd, a.rn, a.rm, a.ra === R_PC ? -1 : a.ra, false, false);
        if (a.op2 === 1) return ops.mul32(c, a.rd, a.rn, a.rm, a.ra, true, false);
        return false;
      case 1: return ops.dspMul(c, a.ra === R_PC ? 'smul' : 'smla', a.rd, a.rn, a.rm, a.ra, (a.op2 >> 1) & 1, a.op2 & 1);
      case 2: return a.op2 < 2 ? ops.dspMul(c, a.op2 ? 'smladx' : 'smlad', a.rd, a.rn, a.rm, a.ra, 0, 0) : false;
      case 3: return a.op2 < 2 ? ops.dspMul(c, a.ra === R_PC ? 'smulw' : 'smlaw', a.rd, a.rn, a.rm, a.ra, 0, a.op2 & 1) : false;
      case 4: return a.op2 < 2 ? ops.dspMul(c, a.op2 ? 'smlsdx' : 'smlsd', a.rd, a.rn, a.rm, a.ra, 0, 0) : false;
      case 5: return a.op2 < 2 ? ops.dspMul(c, 'smmla', a.rd, a.rn, a.rm, a.ra, a.op2, 0) : false;
      case 6: return a.op2 < 2 ? ops.dspMul(c, 'smmls', a.rd, a.rn, a.rm, a.ra, a.op2, 0) : false;
      case 7: return a.op2 === 0 && ops.usad8(c, a.rd, a.rn, a.rm, a.ra);
      default: return false;
    }
  },
  lmul(c, a) {
    switch (a.op1) {
      case 0: return a.op2 === 0 && ops.mul64(c, true, 'none', a.lo, a.hi, a.rn, a.rm, false);
      case 1: return a.op2 === 15 && ops.div(c, true, a.hi, a.rn, a.rm);
      case 2: return a.op2 === 0 && ops.mul64(c, false, 'none', a.lo, a.hi, a.rn, a.rm, false);
      case 3: return a.op2 === 15 && ops.div(c, false, a.hi, a.rn, a.rm);
      case 4:
        if (a.op2 === 0) return ops.mul64(c, true, 'add', a.lo, a.hi, a.rn, a.rm, false);
        if ((a.op2 & 12) === 8) return ops.dspMulLong(c, a.lo, a.hi, a.rn, a.rm, [[(a.op2 >> 1) & 1, a.op2 & 1, 1]]); // SMLALxy
        return (a.op2 & 14) === 12 && ops.dspMulLong(c, a.lo, a.hi, a.rn, a.rm, ops.dualTerms(a.op2 & 1)); // SMLALD
      case 5: return (a.op2 & 14) === 12 && ops.dspMulLong(c, a.lo, a.hi, a.rn, a.rm, ops.dualTerms(2 | (a.op2 & 1))); // SMLSLD
      case 6:
        if (a.op2 === 0) return ops.mul64(c, false, 'add', a.lo, a.hi, a.rn, a.rm, false);
        return a.op2 === 6 && ops.mul64(c, false, 'umaal', a.lo, a.hi, a.rn, a.rm, false);
      default: return false;
    }
  },
};
