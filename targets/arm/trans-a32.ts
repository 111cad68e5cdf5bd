/** A32 instructions (handlers named after the patterns in insns-a32.spec.ts). */
import { Excp } from '../../src/core/exceptions.js';
import { ExitKind } from '../../src/core/ir.js';
import { R_LR, R_PC } from './cpu.js';
import { type ArmCtx, Dp } from './ctx.js';
import type { TransTable } from './decoder-a32.generated.js';
import * as ops from './ops.js';
import { translateCop } from './trans-vfp.js';
import { translateNeon } from './trans-neon.js';

/** handlers allowed with cond = 1111 (the unconditional space) */
export const A32_UNCONDITIONAL = new Set(['blx_imm', 'barrier', 'pld', 'neon', 'neon_ls']);

const isTest = (op: number) => op >= 8 && op <= 11;

export const transA32: TransTable<ArmCtx> = {
  blx_imm(c, a) {
    c.setReg(R_LR, c.k32(c.next));
    c.branch(((c.pcValue + a.imm + (a.h << 1)) | 1) >>> 0);
    return true;
  },
  barrier(c, a) {
    if (a.op === 1) return ops.clrex(c);
    return a.op >= 4 && a.op <= 6;
  },
  pld: () => true,
  /** SWP / SWPB: load and store in one block step, so no other guest thread runs between */
  swp(c, a) {
    if (a.rt === R_PC || a.rt2 === R_PC || a.rn === R_PC || a.rn === a.rt || a.rn === a.rt2) return false;
    const size = a.b ? 1 : 4;
    const addr = c.reg(a.rn);
    // SWP needs a word-aligned address (alignment fault otherwise, as qemu-user does)
    const old = c.load(size, false, addr, size === 4);
    c.store(size, addr, c.reg(a.rt2), size === 4);
    c.setReg(a.rt, old);
    return true;
  },
  neon: (c) => translateNeon(c, c.raw),
  neon_ls: (c) => translateNeon(c, c.raw),
  mul(c, a) {
    const s = (a.op & 1) === 1;
    switch (a.op >> 1) {
      case 0: return ops.mul32(c, a.rd, a.rm, a.rs, -1, false, s);
      case 1: return ops.mul32(c, a.rd, a.rm, a.rs, a.ra, false, s);
      case 2: return a.op === 4 && ops.mul64(c, false, 'umaal', a.ra, a.rd, a.rm, a.rs, false);
      case 3: return a.op === 6 && ops.mul32(c, a.rd, a.rm, a.rs, a.ra, true, false);
      case 4: return ops.mul64(c, false, 'none', a.ra, a.rd, a.rm, a.rs, s);
      case 5: return ops.mul64(c, false, 'add', a.ra, a.rd, a.rm, a.rs, s);
      case 6: return ops.mul64(c, true, 'none', a.ra, a.rd, a.rm, a.rs, s);
      default: return ops.mul64(c, true, 'add', a.ra, a.rd, a.rm, a.rs, s);
    }
  },
  ex(c, a) {
    const size = [4, 8, 1, 2][a.op];
    if (a.l) return ops.ldrex(c, size, a.rd, a.rd + 1, a.rn, 0);
    return ops.strex(c, size, a.rd, a.rm, a.rm + 1, a.rn, 0);
  },
  xls(c, a) {
    if (a.op === 0) return false;
    const off = a.i ? c.k32((a.hi << 4) | a.rm) : c.reg(a.rm);
    const p = a.p === 1, u = a.u === 1, w = a.w === 1 && p;
    if (a.op === 1) c.ldst(a.l === 1, 2, false, a.rt, a.rn, off, p, u, w);
    else if (a.l) c.ldst(true, a.op === 2 ? 1 : 2, true, a.rt, a.rn, off, p, u, w);
    else {
      if (a.rt & 1) return false;
      c.ldstd(a.op === 2, a.rt, a.rt + 1, a.rn, off, p, u, w);
    }
    return true;
  },
  bx(c, a) {
    c.writePc(c.reg(a.rm), true);
    return true;
  },
  blx_reg(c, a) {
    const t = c.reg(a.rm);
    c.setReg(R_LR, c.k32(c.next));
    c.writePc(t, true);
    return true;
  },
  clz: (c, a) => ops.unary(c, 'clz', a.rd, a.rm),
  rev: (c, a) => ops.unary(c, 'rev', a.rd, a.rm),
  rev16: (c, a) => ops.unary(c, 'rev16', a.rd, a.rm),
  rbit: (c, a) => ops.unary(c, 'rbit', a.rd, a.rm),
  revsh: (c, a) => ops.unary(c, 'revsh', a.rd, a.rm),
  mrs: (c, a) => ops.mrs(c, a.rd),
  msr: (c, a) => ops.msr(c, a.rn, a.mask),
  bkpt(c) {
    c.raise(Excp.Breakpoint);
    return true;
  },
  dspmul(c, a) {
    const x = a.xy & 1, y = a.xy >> 1;
    switch (a.op) {
      case 0: return ops.dspMul(c, 'smla', a.rd, a.rn, a.rm, a.ra, x, y);
      case 1: return x ? ops.dspMul(c, 'smulw', a.rd, a.rn, a.rm, -1, 0, y) : ops.dspMul(c, 'smlaw', a.rd, a.rn, a.rm, a.ra, 0, y);
      case 2: return ops.dspMulLong(c, a.ra, a.rd, a.rn, a.rm, [[x, y, 1]]); // SMLALxy
      default: return ops.dspMul(c, 'smul', a.rd, a.rn, a.rm, -1, x, y);
    }
  },
  hint: () => true,
  movw(c, a) {
    c.writeReg(a.rd, c.k32(a.imm), true);
    return a.rd !== R_PC;
  },
  movt(c, a) {
    if (a.rd === R_PC) return false;
    c.setReg(a.rd, c.op('or', c.op('and', c.reg(a.rd), c.k32(0xffff)), c.k32(a.imm << 16)));
    return true;
  },
  dp_rs(c, a) {
    if (isTest(a.op) && !a.s) return false;
    if (a.rd === R_PC || a.rn === R_PC || a.rm === R_PC || a.rs === R_PC) return false;
    c.dp(a.op, a.s === 1, a.rd, a.rn, c.shiftReg(c.reg(a.rm), a.type, c.reg(a.rs), a.s === 1));
    return true;
  },
  dp_is(c, a) {
    if (isTest(a.op) && !a.s) return false;
    c.dp(a.op, a.s === 1, a.rd, a.rn, c.shiftImm(c.reg(a.rm), a.type, a.imm, a.s === 1));
    return true;
  },
  dp_i(c, a) {
    if (isTest(a.op) && !a.s) return false;
    const r = a.rot * 2;
    const v = r ? ((a.imm >>> r) | (a.imm << (32 - r))) | 0 : a.imm;
    if (a.op === Dp.ADD && a.rn === R_PC) { c.writeReg(a.rd, c.k32(c.pcValue + v), true); return !a.s; } // ADR
    if (a.op === Dp.SUB && a.rn === R_PC) { c.writeReg(a.rd, c.k32(c.pcValue - v), true); return !a.s; }
    c.dp(a.op, a.s === 1, a.rd, a.rn, c.immCarry(v, r !== 0, a.s === 1));
    return true;
  },
  par(c, a) {
    // A32: op1 (22:20) 001 S, 010 Q, 011 SH, 101 U, 110 UQ, 111 UH; op2 (7:5) ADD16 ASX SAX SUB16 ADD8 - - SUB8
    const kind = [-1, 0, 1, 2, -1, 4, 5, 6][a.op1];
    const op = [1, 2, 6, 5, 0, -1, -1, 4][a.op2];
    if (kind < 0 || op < 0) return false;
    return ops.parallelOp(c, op, kind, a.rd, a.rn, a.rm);
  },
  sel: (c, a) => ops.parallel(c, 'sel', a.rd, a.rn, a.rm),
  pkh(c, a) {
    const sh = c.shiftImm(c.reg(a.rm), a.tb ? 2 : 0, a.imm, false).v;
    const n = c.reg(a.rn);
    const r = a.tb ? c.op('or', c.op('and', n, c.k32(0xffff0000)), c.op('and', sh, c.k32(0xffff)))
      : c.op('or', c.op('and', n, c.k32(0xffff)), c.op('and', sh, c.k32(0xffff0000)));
    c.setReg(a.rd, r);
    return true;
  },
  ssat: (c, a) => ops.sat(c, false, a.rd, a.rn, a.sat + 1, a.sh, a.imm),
  usat: (c, a) => ops.sat(c, true, a.rd, a.rn, a.sat, a.sh, a.imm),
  ssat16: (c, a) => ops.sat16(c, false, a.rd, a.rn, a.sat + 1),
  usat16: (c, a) => ops.sat16(c, true, a.rd, a.rn, a.sat),
  qadd: (c, a) => ops.qaddsub(c, [0, 1, 2, 3][a.op], a.rd, a.rn, a.rm),
  usad8: (c, a) => a.op === 0 && a.op2 === 0 && ops.usad8(c, a.rd, a.rn, a.rm, a.ra),
  extend(c, a) {
    const kinds = ['b16', null, 'b', 'h'] as const;
    const k = kinds[a.op & 3];
    if (!k) return false;
    return ops.extend(c, (a.op & 4) !== 0, k, a.rd, a.rn, a.rot, a.rm);
  },
  sdiv: (c, a) => ops.div(c, true, a.rd, a.rn, a.rm),
  udiv: (c, a) => ops.div(c, false, a.rd, a.rn, a.rm),
  smm(c, a) {
    if (a.op === 5 && a.op2 < 2) return ops.dspMul(c, 'smmla', a.rd, a.rn, a.rm, a.ra, a.op2 & 1, 0);
    if (a.op === 5 && a.op2 >= 6) return ops.dspMul(c, 'smmls', a.rd, a.rn, a.rm, a.ra, a.op2 & 1, 0);
    if (a.op === 0 && a.op2 < 4) return ops.dspMul(c, ['smlad', 'smladx', 'smlsd', 'smlsdx'][a.op2], a.rd, a.rn, a.rm, a.ra, 0, 0);
    if (a.op === 4 && a.op2 < 4) return ops.dspMulLong(c, a.ra, a.rd, a.rn, a.rm, ops.dualTerms(a.op2)); // SMLALD SMLSLD
    return false;
  },
  sbfx: (c, a) => ops.bitfield(c, 'sbfx', a.rd, a.rn, a.lsb, a.w),
  bfi: (c, a) => ops.bitfield(c, 'bfi', a.rd, a.rn, a.lsb, a.w),
  ubfx: (c, a) => ops.bitfield(c, 'ubfx', a.rd, a.rn, a.lsb, a.w),
  udf(c) {
    c.illegal();
    return true;
  },
  ls_i(c, a) {
    const p = a.p === 1;
    c.ldst(a.l === 1, a.b ? 1 : 4, false, a.rt, a.rn, c.k32(a.imm), p, a.u === 1, p && a.w === 1);
    return true;
  },
  ls_r(c, a) {
    const p = a.p === 1;
    const off = c.shiftImm(c.reg(a.rm), a.type, a.imm, false).v;
    c.ldst(a.l === 1, a.b ? 1 : 4, false, a.rt, a.rn, off, p, a.u === 1, p && a.w === 1);
    return true;
  },
  ldm: (c, a) => c.ldm(a.l === 1, a.rn, a.list, a.u === 1, a.p === 1, a.w === 1),
  b(c, a) {
    c.branch(c.pcValue + a.imm);
    return true;
  },
  bl(c, a) {
    c.setReg(R_LR, c.k32(c.next));
    c.branch(c.pcValue + a.imm);
    return true;
  },
  mrc(c, a) {
    if (!a.l) return false;
    return ops.mrc(c, 15, a.opc1, a.crn, a.rt, a.opc2, a.crm);
  },
  svc(c) {
    if (c.cond >= 0) return false;
    c.b.exception(Excp.Syscall, c.next);
    return true;
  },
  cop: (c) => translateCop(c, c.raw),
};
