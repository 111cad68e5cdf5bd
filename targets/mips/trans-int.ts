/**
 * Integer instructions: arithmetic, logic, shifts and rotates, HI/LO multiply and divide
 * (and the SPECIAL2 multiply-accumulate forms), bitfields and byte shuffles, conditional
 * moves, traps, syscall/break, sync and rdhwr. The 64-bit d* forms are MIPS64 only.
 *
 * The 32-bit operations work on the low words and write sign-extended results, so the same
 * handlers serve MIPS32 (i32 registers) and MIPS64 (i64). add/addi/sub and their d* forms
 * trap on signed overflow (an arithmetic exception, cause MIPS_INTOVF). Division by zero
 * and MIN / -1 are unpredictable on MIPS; the results are qemu's (LO = the dividend, HI = 0).
 */
import { Excp } from '../../src/core/exceptions.js';
import type { BinOp, CmpOp } from '../../src/core/ir.js';
import type {
  Args_code, Args_hi_rd_rt_sa, Args_imm_rs, Args_imm_rs_rt, Args_lsb_msb_rs_rt, Args_add_lsb_msb_rs_rt,
  Args_rd, Args_rd_rs, Args_rd_rs_rt, Args_rd_rt, Args_rd_rt_sa, Args_rs, Args_rs_rt, Args_code_rs_rt, TransTable,
} from './decoder.generated.js';
import type { MipsCtx } from './ctx.js';
import { HI, LO, ULR } from './cpu.js';
import { MIPS_INTOVF, TRAP_SIGNED_IMM } from './exceptions.js';

type C = MipsCtx;
type Ints = Pick<TransTable<C>,
  | 'add' | 'addu' | 'sub' | 'subu' | 'and' | 'or' | 'xor' | 'nor' | 'slt' | 'sltu'
  | 'addi' | 'addiu' | 'slti' | 'sltiu' | 'andi' | 'ori' | 'xori' | 'lui'
  | 'dadd' | 'daddu' | 'dsub' | 'dsubu' | 'daddi' | 'daddiu'
  | 'sll' | 'srl' | 'sra' | 'rotr' | 'sllv' | 'srlv' | 'srav' | 'rotrv'
  | 'dsll' | 'dsrl' | 'dsra' | 'drotr' | 'dsllv' | 'dsrlv' | 'dsrav' | 'drotrv'
  | 'mfhi' | 'mflo' | 'mthi' | 'mtlo' | 'mult' | 'multu' | 'div' | 'divu'
  | 'dmult' | 'dmultu' | 'ddiv' | 'ddivu' | 'madd' | 'maddu' | 'msub' | 'msubu' | 'mul'
  | 'clz' | 'clo' | 'dclz' | 'dclo' | 'ext' | 'ins' | 'dext' | 'dins'
  | 'wsbh' | 'seb' | 'seh' | 'dsbh' | 'dshd' | 'movz' | 'movn'
  | 'tge' | 'tgeu' | 'tlt' | 'tltu' | 'teq' | 'tne' | 'tgei' | 'tgeiu' | 'tlti' | 'tltiu' | 'teqi' | 'tnei'
  | 'syscall' | 'break' | 'sdbbp' | 'sync' | 'rdhwr'>;

/** raise an arithmetic overflow (or a trap) at run time when cond (i32) is non-zero */
function trapIf(c: C, cond: number, kind: Excp, code: number): void {
  if (c.cv(cond) === 0n) return;
  c.call('mips_trap', null, [cond, c.k32(kind), c.k32(code)]);
}

/** signed overflow of r = a + b (sub: a - b), as i32 0/1 */
function overflow(c: C, a: number, b: number, r: number, sub: boolean): number {
  const x = sub ? c.op('and', c.op('xor', a, b), c.op('xor', a, r)) : c.op('and', c.op('xor', a, r), c.op('xor', b, r));
  const zero = c.b.typeOf(x) === 'i64' ? c.b.k64(0) : c.k32(0);
  return c.cmp('lts', x, zero);
}

function add32(kind: 'add' | 'sub', trap: boolean) {
  return (c: C, a: Args_rd_rs_rt): boolean => {
    const x = c.g32(a.rs), y = c.g32(a.rt);
    const r = c.op(kind, x, y);
    if (trap) trapIf(c, overflow(c, x, y, r, kind === 'sub'), Excp.Arith, MIPS_INTOVF);
    c.set32(a.rd, r);
    return true;
  };
}
function add64(kind: 'add' | 'sub', trap: boolean) {
  return (c: C, a: Args_rd_rs_rt): boolean => {
    if (!c.is64) return false;
    const x = c.g(a.rs), y = c.g(a.rt);
    const r = c.op(kind, x, y);
    if (trap) trapIf(c, overflow(c, x, y, r, kind === 'sub'), Excp.Arith, MIPS_INTOVF);
    c.set(a.rd, r);
    return true;
  };
}
function addi(trap: boolean, wide: boolean) {
  return (c: C, a: Args_imm_rs_rt): boolean => {
    if (wide && !c.is64) return false;
    const x = wide ? c.g(a.rs) : c.g32(a.rs);
    const y = wide ? c.b.k64(a.imm) : c.k32(a.imm);
    const r = c.op('add', x, y);
    if (trap) trapIf(c, overflow(c, x, y, r, false), Excp.Arith, MIPS_INTOVF);
    if (wide) c.set(a.rt, r);
    else c.set32(a.rt, r);
    return true;
  };
}
/** full-width logic (the upper word of MIPS64 registers takes part) */
function logic(op: BinOp, invert = false) {
  return (c: C, a: Args_rd_rs_rt): boolean => {
    const r = c.op(op, c.g(a.rs), c.g(a.rt));
    c.set(a.rd, invert ? c.b.not(r) : r);
    return true;
  };
}
function logicImm(op: BinOp) {
  return (c: C, a: Args_imm_rs_rt): boolean => {
    c.set(a.rt, c.op(op, c.g(a.rs), c.kw(a.imm)));
    return true;
  };
}
function setLess(op: CmpOp, imm: boolean) {
  return (c: C, a: Args_rd_rs_rt | Args_imm_rs_rt): boolean => {
    const y = imm ? c.kw((a as Args_imm_rs_rt).imm) : c.g((a as Args_rd_rs_rt).rt);
    const d = imm ? (a as Args_imm_rs_rt).rt : (a as Args_rd_rs_rt).rd;
    const r = c.cmp(op, c.g(a.rs), y);
    c.set(d, c.is64 ? c.b.zext(r) : r);
    return true;
  };
}
function shiftImm(op: BinOp) {
  return (c: C, a: Args_rd_rt_sa): boolean => {
    c.set32(a.rd, c.op(op, c.g32(a.rt), c.k32(a.sa)));
    return true;
  };
}
function shiftVar(op: BinOp) {
  return (c: C, a: Args_rd_rs_rt): boolean => {
    c.set32(a.rd, c.op(op, c.g32(a.rt), c.op('and', c.g32(a.rs), c.k32(31))));
    return true;
  };
}
function dshiftImm(op: BinOp) {
  return (c: C, a: Args_hi_rd_rt_sa): boolean => {
    if (!c.is64) return false;
    c.set(a.rd, c.op(op, c.g(a.rt), c.k32(a.sa + a.hi)));
    return true;
  };
}
function dshiftVar(op: BinOp) {
  return (c: C, a: Args_rd_rs_rt): boolean => {
    if (!c.is64) return false;
    c.set(a.rd, c.op(op, c.g(a.rt), c.op('and', c.g32(a.rs), c.k32(63))));
    return true;
  };
}

/** HI:LO as one i64 (from their low words) */
function acc(c: C): number {
  const lo = c.b.zext(c.is64 ? c.b.trunc(c.reg(LO)) : c.reg(LO));
  const hi = c.b.zext(c.is64 ? c.b.trunc(c.reg(HI)) : c.reg(HI));
  return c.op('or', lo, c.op('shl', hi, c.k32(32)));
}
/** split an i64 into HI (upper word) and LO (lower word), each sign-extended on MIPS64 */
function setAcc(c: C, v: number): void {
  c.b.set(LO, c.w(c.b.trunc(v)));
  c.b.set(HI, c.w(c.b.trunc(c.op('shr', v, c.k32(32)))));
}
function mult(signed: boolean) {
  return (c: C, a: Args_rs_rt): boolean => {
    const x = c.g32(a.rs), y = c.g32(a.rt);
    c.b.set(LO, c.w(c.op('mul', x, y)));
    c.b.set(HI, c.w(c.op(signed ? 'mulhs' : 'mulhu', x, y)));
    return true;
  };
}
function macc(signed: boolean, sub: boolean) {
  return (c: C, a: Args_rs_rt): boolean => {
    const ext = (v: number) => (signed ? c.b.sext(v) : c.b.zext(v));
    const p = c.op('mul', ext(c.g32(a.rs)), ext(c.g32(a.rt)));
    setAcc(c, c.op(sub ? 'sub' : 'add', acc(c), p));
    return true;
  };
}
/** divisor with qemu's substitutes: 1 for x / 0 and (signed) MIN / -1 */
function safeDivisor(c: C, x: number, y: number, signed: boolean, bits: 32 | 64): number {
  const k = (v: bigint) => (bits === 64 ? c.b.k64(v) : c.k32(Number(v)));
  let bad = c.cmp('eq', y, k(0n));
  if (signed) bad = c.op('or', bad, c.op('and', c.cmp('eq', x, k(-(1n << BigInt(bits - 1)))), c.cmp('eq', y, k(-1n))));
  return c.b.select(bad, k(1n), y);
}
function div(signed: boolean) {
  return (c: C, a: Args_rs_rt): boolean => {
    const x = c.g32(a.rs);
    const y = safeDivisor(c, x, c.g32(a.rt), signed, 32);
    c.b.set(LO, c.w(c.op(signed ? 'divs' : 'divu', x, y)));
    c.b.set(HI, c.w(c.op(signed ? 'rems' : 'remu', x, y)));
    return true;
  };
}
function dmult(signed: boolean) {
  return (c: C, a: Args_rs_rt): boolean => {
    if (!c.is64) return false;
    const x = c.g(a.rs), y = c.g(a.rt);
    c.b.set(LO, c.op('mul', x, y));
    c.b.set(HI, c.op(signed ? 'mulhs' : 'mulhu', x, y));
    return true;
  };
}
function ddiv(signed: boolean) {
  return (c: C, a: Args_rs_rt): boolean => {
    if (!c.is64) return false;
    const x = c.g(a.rs);
    const y = safeDivisor(c, x, c.g(a.rt), signed, 64);
    c.b.set(LO, c.op(signed ? 'divs' : 'divu', x, y));
    c.b.set(HI, c.op(signed ? 'rems' : 'remu', x, y));
    return true;
  };
}
function count(ones: boolean, wide: boolean) {
  return (c: C, a: Args_rd_rs_rt): boolean => {
    if (wide && !c.is64) return false;
    let v = wide ? c.g(a.rs) : c.g32(a.rs);
    if (ones) v = c.b.not(v);
    const n = c.b.clz(v);
    c.set(a.rd, wide ? n : c.is64 ? c.b.sext(n) : n);
    return true;
  };
}
function movCond(ifZero: boolean) {
  return (c: C, a: Args_rd_rs_rt): boolean => {
    const t = c.g(a.rt);
    const cond = c.cmp(ifZero ? 'eq' : 'ne', t, c.kw(0));
    c.set(a.rd, c.b.select(cond, c.g(a.rs), c.g(a.rd)));
    return true;
  };
}
function trap(op: CmpOp, negate: boolean) {
  return (c: C, a: Args_code_rs_rt): boolean => {
    let cond = c.cmp(op, c.g(a.rs), c.g(a.rt));
    if (negate) cond = c.op('xor', cond, c.k32(1));
    trapIf(c, cond, Excp.Trap, a.code);
    return true;
  };
}
function trapImm(op: CmpOp, negate: boolean) {
  return (c: C, a: Args_imm_rs): boolean => {
    let cond = c.cmp(op, c.g(a.rs), c.kw(a.imm));
    if (negate) cond = c.op('xor', cond, c.k32(1));
    trapIf(c, cond, Excp.Trap, TRAP_SIGNED_IMM);
    return true;
  };
}
/** swap the bytes inside each halfword of a 32-bit value */
function swapHalves(c: C, v: number, bits: 32 | 64): number {
  const k = (m: bigint) => (bits === 64 ? c.b.k64(m) : c.k32(Number(BigInt.asIntN(32, m))));
  const m = bits === 64 ? 0x00ff00ff00ff00ffn : 0x00ff00ffn;
  const eight = c.k32(8);
  return c.op('or', c.op('and', c.op('shr', v, eight), k(m)), c.op('shl', c.op('and', v, k(m)), eight));
}

export const transInt: Ints = {
  add: add32('add', true),
  addu: add32('add', false),
  sub: add32('sub', true),
  subu: add32('sub', false),
  dadd: add64('add', true),
  daddu: add64('add', false),
  dsub: add64('sub', true),
  dsubu: add64('sub', false),
  addi: addi(true, false),
  addiu: addi(false, false),
  daddi: addi(true, true),
  daddiu: addi(false, true),
  and: logic('and'),
  or: logic('or'),
  xor: logic('xor'),
  nor: logic('or', true),
  andi: logicImm('and'),
  ori: logicImm('or'),
  xori: logicImm('xor'),
  slt: setLess('lts', false),
  sltu: setLess('ltu', false),
  slti: setLess('lts', true),
  sltiu: setLess('ltu', true),
  lui(c, a) {
    c.set(a.rt, c.kw((a.imm << 16) | 0));
    return true;
  },
  sll: shiftImm('shl'),
  srl: shiftImm('shr'),
  sra: shiftImm('sar'),
  rotr: shiftImm('rotr'),
  sllv: shiftVar('shl'),
  srlv: shiftVar('shr'),
  srav: shiftVar('sar'),
  rotrv: shiftVar('rotr'),
  dsll: dshiftImm('shl'),
  dsrl: dshiftImm('shr'),
  dsra: dshiftImm('sar'),
  drotr: dshiftImm('rotr'),
  dsllv: dshiftVar('shl'),
  dsrlv: dshiftVar('shr'),
  dsrav: dshiftVar('sar'),
  drotrv: dshiftVar('rotr'),
  mfhi(c, a: Args_rd) { c.set(a.rd, c.reg(HI)); return true; },
  mflo(c, a: Args_rd) { c.set(a.rd, c.reg(LO)); return true; },
  mthi(c, a: Args_rs) { c.b.set(HI, c.g(a.rs)); return true; },
  mtlo(c, a: Args_rs) { c.b.set(LO, c.g(a.rs)); return true; },
  mult: mult(true),
  multu: mult(false),
  div: div(true),
  divu: div(false),
  dmult: dmult(true),
  dmultu: dmult(false),
  ddiv: ddiv(true),
  ddivu: ddiv(false),
  madd: macc(true, false),
  maddu: macc(false, false),
  msub: macc(true, true),
  msubu: macc(false, true),
  mul(c, a) {
    c.set32(a.rd, c.op('mul', c.g32(a.rs), c.g32(a.rt)));
    return true;
  },
  clz: count(false, false),
  clo: count(true, false),
  dclz: count(false, true),
  dclo: count(true, true),
  ext(c, a: Args_lsb_msb_rs_rt) {
    // msb holds size - 1
    if (a.lsb + a.msb + 1 > 32) return true; // unpredictable: leave rt
    c.set32(a.rt, c.b.extract(c.g32(a.rs), a.lsb, a.msb + 1));
    return true;
  },
  ins(c, a: Args_lsb_msb_rs_rt) {
    // msb holds the field's top bit position
    if (a.msb < a.lsb) return true; // unpredictable: leave rt
    c.set32(a.rt, c.b.deposit(c.g32(a.rt), c.g32(a.rs), a.lsb, a.msb - a.lsb + 1));
    return true;
  },
  dext(c, a: Args_add_lsb_msb_rs_rt) {
    if (!c.is64) return false;
    // dext: size-1 in msb, dextm: size-33, dextu: lsb-32 (add 64 marks dextu)
    const lsb = a.add === 64 ? a.lsb + 32 : a.lsb;
    const size = a.msb + 1 + (a.add === 32 ? 32 : 0);
    if (lsb + size > 64) return true;
    c.set(a.rt, c.b.extract(c.g(a.rs), lsb, size));
    return true;
  },
  dins(c, a: Args_add_lsb_msb_rs_rt) {
    if (!c.is64) return false;
    // dins: msb = pos+size-1; dinsm: msb = pos+size-33; dinsu: both +32
    const lsb = a.add === 64 ? a.lsb + 32 : a.lsb;
    const msb = a.msb + (a.add === 0 ? 0 : 32);
    if (msb < lsb) return true;
    c.set(a.rt, c.b.deposit(c.g(a.rt), c.g(a.rs), lsb, msb - lsb + 1));
    return true;
  },
  wsbh(c, a: Args_rd_rt) { c.set32(a.rd, swapHalves(c, c.g32(a.rt), 32)); return true; },
  seb(c, a: Args_rd_rt) { c.set32(a.rd, c.b.sextb(c.g32(a.rt), 8)); return true; },
  seh(c, a: Args_rd_rt) { c.set32(a.rd, c.b.sextb(c.g32(a.rt), 16)); return true; },
  dsbh(c, a: Args_rd_rt) {
    if (!c.is64) return false;
    c.set(a.rd, swapHalves(c, c.g(a.rt), 64));
    return true;
  },
  dshd(c, a: Args_rd_rt) {
    if (!c.is64) return false;
    // swap the halfwords of the doubleword: rotate each 32-bit half, then swap the halves
    const v = c.g(a.rt);
    const sw = c.op('rotr', v, c.k32(32));
    const m = c.b.k64(0x0000ffff0000ffffn);
    const s16 = c.k32(16);
    c.set(a.rd, c.op('or', c.op('and', c.op('shr', sw, s16), m), c.op('shl', c.op('and', sw, m), s16)));
    return true;
  },
  movz: movCond(true),
  movn: movCond(false),
  tge: trap('lts', true),
  tgeu: trap('ltu', true),
  tlt: trap('lts', false),
  tltu: trap('ltu', false),
  teq: trap('eq', false),
  tne: trap('ne', false),
  tgei: trapImm('lts', true),
  tgeiu: trapImm('ltu', true),
  tlti: trapImm('lts', false),
  tltiu: trapImm('ltu', false),
  teqi: trapImm('eq', false),
  tnei: trapImm('ne', false),
  syscall(c, _a: Args_code) {
    if (c.inDelay) return false;
    c.b.exception(Excp.Syscall, (c.pc + 4) >>> 0);
    return true;
  },
  break(c, a: Args_code) {
    c.raise(Excp.Breakpoint, a.code);
    return true;
  },
  sdbbp: () => false,
  sync: () => true,
  rdhwr(c, a: Args_rd_rt) {
    switch (a.rd) {
      case 29: c.set(a.rt, c.reg(ULR)); return true;
      case 0: c.set(a.rt, c.kw(0)); return true; // CPUNum
      case 1: c.set(a.rt, c.kw(32)); return true; // SYNCI_Step
      case 2: c.set(a.rt, c.w(c.call('mips_rdhwr_cc', 'i32', []))); return true; // CC
      case 3: c.set(a.rt, c.kw(2)); return true; // CCRes
      default: return false;
    }
  },
};
