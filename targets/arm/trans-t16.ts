/**
 * 16-bit Thumb instructions (handlers named after the patterns in insns-t16.spec.ts).
 * Most data-processing encodings set the flags only outside an IT block.
 */
import { Excp } from '../../src/core/exceptions.js';
import { ExitKind } from '../../src/core/ir.js';
import { R_LR, R_PC, R_SP } from './cpu.js';
import { type ArmCtx, Dp, Sh } from './ctx.js';
import type { TransTable } from './decoder-t16.generated.js';
import * as ops from './ops.js';

const outsideIt = (c: ArmCtx) => c.it === 0;
const reg = (c: ArmCtx, n: number) => ({ v: c.reg(n), c: -1 });

/** T16 data-processing opcode -> operation (shifts and MUL handled separately) */
const DP16: Array<Dp | null> = [Dp.AND, Dp.EOR, null, null, null, Dp.ADC, Dp.SBC, null, Dp.TST, Dp.RSB, Dp.CMP, Dp.CMN, Dp.ORR, null, Dp.BIC, Dp.MVN];

export const transT16: TransTable<ArmCtx> = {
  shift_imm(c, a) {
    const s = outsideIt(c);
    c.dp(Dp.MOV, s, a.rd, 0, c.shiftImm(c.reg(a.rm), a.op, a.imm, s));
    return true;
  },
  addsub_reg(c, a) {
    c.dp(a.sub ? Dp.SUB : Dp.ADD, outsideIt(c), a.rd, a.rn, reg(c, a.rm));
    return true;
  },
  addsub_imm(c, a) {
    c.dp(a.sub ? Dp.SUB : Dp.ADD, outsideIt(c), a.rd, a.rn, { v: c.k32(a.imm), c: -1 });
    return true;
  },
  imm8(c, a) {
    const op = [Dp.MOV, Dp.CMP, Dp.ADD, Dp.SUB][a.op];
    c.dp(op, op === Dp.CMP || outsideIt(c), a.rd, a.rd, { v: c.k32(a.imm), c: -1 });
    return true;
  },
  dp(c, a) {
    const s = outsideIt(c);
    const op = DP16[a.op];
    if (op !== null) {
      if (op === Dp.RSB) c.dp(Dp.RSB, s, a.rd, a.rm, { v: c.k32(0), c: -1 });
      else c.dp(op, s || op === Dp.TST || op === Dp.CMP || op === Dp.CMN, a.rd, a.rd, reg(c, a.rm));
      return true;
    }
    if (a.op === 13) { // MUL
      const r = c.b.bin('mul', c.reg(a.rd), c.reg(a.rm));
      if (s) c.setNZ(r);
      c.setReg(a.rd, r);
      return true;
    }
    const type = a.op === 2 ? Sh.LSL : a.op === 3 ? Sh.LSR : a.op === 4 ? Sh.ASR : Sh.ROR;
    c.dp(Dp.MOV, s, a.rd, 0, c.shiftReg(c.reg(a.rd), type, c.reg(a.rm), s));
    return true;
  },
  add_hi(c, a) {
    if (a.rd === R_PC && a.rm === R_PC) return false;
    c.dp(Dp.ADD, false, a.rd, a.rd, reg(c, a.rm));
    return true;
  },
  cmp_hi(c, a) {
    c.dp(Dp.CMP, true, 0, a.rd, reg(c, a.rm));
    return true;
  },
  mov_hi(c, a) {
    c.dp(Dp.MOV, false, a.rd, 0, reg(c, a.rm));
    return true;
  },
  bx(c, a) {
    c.writePc(c.reg(a.rm), true);
    return true;
  },
  blx(c, a) {
    if (a.rm === R_PC) return false;
    const t = c.reg(a.rm);
    c.setReg(R_LR, c.k32(c.next));
    c.writePc(t, true);
    return true;
  },
  ldr_lit(c, a) {
    c.ldst(true, 4, false, a.rt, R_PC, c.k32(a.imm << 2), true, true, false);
    return true;
  },
  ldst_reg(c, a) {
    // STR STRH STRB LDRSB LDR LDRH LDRB LDRSH
    const size = [4, 2, 1, 1, 4, 2, 1, 2][a.op];
    const load = a.op >= 3;
    const signed = a.op === 3 || a.op === 7;
    c.ldst(load, size, signed, a.rt, a.rn, c.reg(a.rm), true, true, false);
    return true;
  },
  ldst_imm(c, a) {
    c.ldst(a.load === 1, a.size, false, a.rt, a.rn, c.k32(a.imm * a.size), true, true, false);
    return true;
  },
  ldst_sp(c, a) {
    c.ldst(a.load === 1, 4, false, a.rt, R_SP, c.k32(a.imm << 2), true, true, false);
    return true;
  },
  adr(c, a) {
    const base = a.sp ? c.reg(R_SP) : c.pcAligned();
    c.setReg(a.rd, c.op('add', base, c.k32(a.imm << 2)));
    return true;
  },
  addsub_sp(c, a) {
    const sp = c.reg(R_SP);
    c.setReg(R_SP, c.op(a.sub ? 'sub' : 'add', sp, c.k32(a.imm << 2)));
    return true;
  },
  cbz(c, a) {
    if (c.it) return false;
    const z = c.b.cmp(a.nz ? 'ne' : 'eq', c.reg(a.rn), c.k32(0));
    c.b.br(z, ((c.pcValue + a.imm) | 1) >>> 0, c.next);
    return true;
  },
  extend(c, a) {
    // SXTH SXTB UXTH UXTB
    const v = c.reg(a.rm);
    const bits = a.op & 1 ? 8 : 16;
    c.setReg(a.rd, a.op < 2 ? c.b.sextb(v, bits) : c.b.zextb(v, bits));
    return true;
  },
  pushpop(c, a) {
    if (a.load) return c.ldm(true, R_SP, a.list | (a.m << R_PC), true, false, true);
    return c.ldm(false, R_SP, a.list | (a.m << R_LR), false, true, true);
  },
  rev(c, a) {
    if (a.op === 2) return false;
    return ops.unary(c, (['rev', 'rev16', '', 'revsh'] as const)[a.op] as 'rev' | 'rev16' | 'revsh', a.rd, a.rm);
  },
  bkpt(c) {
    c.raise(Excp.Breakpoint);
    return true;
  },
  hint() {
    return true; // NOP, YIELD, WFE, WFI, SEV
  },
  it(c, a) {
    if (c.it || a.firstcond === 15 || (a.firstcond === 14 && (a.mask & 7) !== 0 && a.mask !== 8)) return false;
    c.itNext = (a.firstcond << 4) | a.mask;
    return true;
  },
  ldm(c, a) {
    // LDMIA writes back unless rn is in the list; STMIA always writes back
    const wb = !a.load || !(a.list & (1 << a.rn));
    return c.ldm(a.load === 1, a.rn, a.list, true, false, wb);
  },
  udf(c) {
    c.illegal();
    return true;
  },
  svc(c) {
    if (c.cond >= 0) return false;
    c.b.exception(Excp.Syscall, c.next);
    return true;
  },
  bcond(c, a) {
    if (c.it) return false;
    const cond = c.condition(a.cond);
    c.b.br(cond, ((c.pcValue + a.imm) | 1) >>> 0, c.next);
    return true;
  },
  b(c, a) {
    c.branch(((c.pcValue + a.imm) | 1) >>> 0);
    return true;
  },
};
