/**
 * The `vfp` helper: VFP arithmetic, comparisons and conversions on the register file, over
 * the target-independent softfloat library with ARM conventions: rounding from FPSCR.RMode,
 * NaN propagation (first signalling NaN quieted, else the first quiet NaN) unless FPSCR.DN
 * asks for the default NaN, NaN -> 0 for float-to-integer conversions, cumulative exception
 * flags in FPSCR[4:0]. Flush-to-zero (FPSCR.FZ): denormal operands read as zero and set IDC,
 * results tiny after rounding become zero and set UFC only (qemu and the ARM ARM judge
 * tininess before rounding: a result that rounds up to the smallest normal differs).
 *
 * vfp(cond, code, d, n, m): nothing happens when cond is 0; code = Vop | 64 for double
 * precision; d, n, m are cpu.r indices (an S register's word, or a D register's low word).
 */
import {
  I32, NAN_DEFAULT, NAN_PROPAGATE, INTNAN_ZERO, RDN, RNE, RTZ, RUP, type SoftFloat, U32,
  f32_add, f32_compare, f32_div, f32_mul, f32_mulAdd, f32_sqrt, f32_sub, f32_to_f64,
  f64_add, f64_compare, f64_div, f64_mul, f64_mulAdd, f64_sqrt, f64_sub, f64_to_f32,
  i32_to_f32, i32_to_f64, u32_to_f32, u32_to_f64, numToInt, f32ToNum, f64ToNum, numToF64, isNaN32, isNaN64,
  isSNaN32, isSNaN64,
  NX, UF, OF, DZ, NV, LESS, EQUAL, GREATER,
} from '../../src/core/softfloat/index.js';
import { invalid32, invalid64 } from '../../src/core/softfloat/core.js';
import type { Helper } from '../../src/core/isa.js';
import { type ArmCpu, FPSCR } from './cpu.js';
import { Vop } from './vfp-ops.js';

/** FPSCR.RMode -> softfloat rounding mode */
const RMODE = [RNE, RUP, RDN, RTZ];
const NEG32 = -0x80000000;

function setup(cpu: ArmCpu): SoftFloat {
  const sf = cpu.sf;
  const fpscr = cpu.r[FPSCR];
  sf.nanMode = fpscr & (1 << 25) ? NAN_DEFAULT : NAN_PROPAGATE;
  sf.intNaN = INTNAN_ZERO;
  sf.flags = 0;
  return sf;
}

/** merge the accumulated softfloat flags into FPSCR's cumulative bits (VFP and NEON) */
export function fpEnd(cpu: ArmCpu, sf: SoftFloat): void {
  const f = sf.flags;
  if (f === 0) return;
  let b = 0;
  if (f & NV) b |= 1;
  if (f & DZ) b |= 2;
  if (f & OF) b |= 4;
  if (f & UF) b |= 8;
  if (f & NX) b |= 16;
  cpu.r[FPSCR] |= b;
  sf.flags = 0;
}

function setNzcv(cpu: ArmCpu, rel: number): void {
  const nzcv = rel === EQUAL ? 0x6 : rel === LESS ? 0x8 : rel === GREATER ? 0x2 : 0x3;
  cpu.r[FPSCR] = (cpu.r[FPSCR] & 0x0fffffff) | (nzcv << 28);
}

/** FPSCR.FZ: denormal inputs read as zero (IDC), tiny results become zero (UFC, not IXC) */
const FZ = 1 << 24;
const IDC = 0x80;

const infZero = (ah: number, al: number, bh: number, bl: number, inf: number) => {
  const ia = (ah & 0x7fffffff) === inf && al === 0, za = (ah & 0x7fffffff) === 0 && al === 0;
  const ib = (bh & 0x7fffffff) === inf && bl === 0, zb = (bh & 0x7fffffff) === 0 && bl === 0;
  return (ia && zb) || (za && ib);
};

/**
 * Fused multiply-add with ARM's NaN choice (FPProcessNaNs3 takes the addend first, then the
 * factors; 0 * inf + qNaN is the default NaN and Invalid).
 */
/** FPProcessNaNs3 on (addend, op1, op2): the first signalling NaN quieted, else the first quiet one */
function nan3_32(sf: SoftFloat, c: number, a: number, b: number): number {
  const ops = [c, a, b];
  const sn = ops.find(isSNaN32);
  if (sn !== undefined) sf.flags |= NV;
  if (sf.nanMode === NAN_DEFAULT) return sf.defaultNaN32;
  return sn !== undefined ? sn | 0x400000 : ops.find(isNaN32)!;
}
function nan3_64(sf: SoftFloat, cl: number, ch: number, al: number, ah: number, bl: number, bh: number): number {
  const ops: Array<[number, number]> = [[cl, ch], [al, ah], [bl, bh]];
  const sn = ops.find(([l, h]) => isSNaN64(l, h));
  if (sn) sf.flags |= NV;
  if (sf.nanMode === NAN_DEFAULT) { sf.hi = sf.defaultNaN64Hi; return sf.defaultNaN64Lo; }
  const [l, h] = sn ?? ops.find(([x, y]) => isNaN64(x, y))!;
  sf.hi = h | 0x80000;
  return l;
}

function fma32(sf: SoftFloat, a: number, b: number, c: number, rm: number): number {
  if (isNaN32(a) || isNaN32(b) || isNaN32(c)) {
    if (isNaN32(c) && !isSNaN32(c) && infZero(a, 0, b, 0, 0x7f800000)) return invalid32(sf);
    return nan3_32(sf, c, a, b);
  }
  return f32_mulAdd(sf, a, b, c, rm);
}
function fma64(sf: SoftFloat, al: number, ah: number, bl: number, bh: number, cl: number, ch: number, rm: number): number {
  if (isNaN64(al, ah) || isNaN64(bl, bh) || isNaN64(cl, ch)) {
    if (isNaN64(cl, ch) && !isSNaN64(cl, ch) && infZero(ah, al, bh, bl, 0x7ff00000)) return invalid64(sf);
    return nan3_64(sf, cl, ch, al, ah, bl, bh);
  }
  return f64_mulAdd(sf, al, ah, bl, bh, cl, ch, rm);
}

/**
 * A single-precision result f(rm) with ARM's underflow: tininess is judged before rounding (a
 * result rounded up to the smallest normal is tiny when rounding toward zero gives a
 * subnormal: UFC), and under FZ a tiny result becomes a signed zero (UFC, not IXC).
 */
function out32(sf: SoftFloat, fz: boolean, rm: number, f: (mode: number) => number): number {
  const x = f(rm);
  let tiny = (x & 0x7f800000) === 0 && ((x & 0x7fffff) !== 0 || (sf.flags & UF) !== 0);
  if (!tiny && (x & 0x7fffffff) === 0x00800000 && sf.flags & NX && rm !== RTZ) {
    const saved = sf.flags;
    tiny = (f(RTZ) & 0x7f800000) === 0;
    sf.flags = tiny && !fz ? saved | UF : saved;
  }
  if (!fz || !tiny) return x;
  sf.flags = (sf.flags & ~NX) | UF;
  return x & NEG32;
}

function single(cpu: ArmCpu, sf: SoftFloat, op: Vop, d: number, n: number, m: number, rm: number): void {
  const r = cpu.r;
  const fz = (r[FPSCR] & FZ) !== 0;
  const i = (x: number) => {
    if (!fz || (x & 0x7f800000) !== 0 || (x & 0x7fffff) === 0) return x;
    r[FPSCR] |= IDC;
    return x & NEG32;
  };
  const o = (f: (mode: number) => number) => out32(sf, fz, rm, f);
  const ins = (k: number) => (k === 0 ? 0 : i(r[k === 1 ? n : k === 2 ? m : d]));
  switch (op) {
    case Vop.MOV: r[d] = r[m]; return;
    case Vop.ABS: r[d] = r[m] & 0x7fffffff; return;
    case Vop.NEG: r[d] = r[m] ^ NEG32; return;
    case Vop.FROM_U32: r[d] = u32_to_f32(sf, r[m], rm); return;
    case Vop.FROM_S32: r[d] = i32_to_f32(sf, r[m], rm); return;
    default:
  }
  const usesAB = op <= Vop.FMS || op === Vop.CMP || op === Vop.CMPE;
  const a = usesAB || op === Vop.CMP0 || op === Vop.CMPE0 ? ins(1) : 0;
  const b = usesAB || op === Vop.SQRT || op === Vop.CVT_FD || op >= Vop.TO_U32 ? ins(2) : 0;
  const acc = op <= Vop.NMLS || (op >= Vop.FNMA && op <= Vop.FMS) ? ins(3) : 0;
  switch (op) {
    case Vop.MLA: r[d] = o((m) => f32_add(sf, acc, o((m) => f32_mul(sf, a, b, m)), m)); break;
    case Vop.MLS: r[d] = o((m) => f32_add(sf, acc, o((m) => f32_mul(sf, a, b, m)) ^ NEG32, m)); break;
    case Vop.NMLA: r[d] = o((m) => f32_add(sf, acc ^ NEG32, o((m) => f32_mul(sf, a, b, m)) ^ NEG32, m)); break;
    case Vop.NMLS: r[d] = o((m) => f32_add(sf, acc ^ NEG32, o((m) => f32_mul(sf, a, b, m)), m)); break;
    case Vop.MUL: r[d] = o((m) => f32_mul(sf, a, b, m)); break;
    case Vop.NMUL: r[d] = o((m) => f32_mul(sf, a, b, m)) ^ NEG32; break;
    case Vop.ADD: r[d] = o((m) => f32_add(sf, a, b, m)); break;
    case Vop.SUB: r[d] = o((m) => f32_sub(sf, a, b, m)); break;
    case Vop.DIV: r[d] = o((m) => f32_div(sf, a, b, m)); break;
    case Vop.FMA: r[d] = o((m) => fma32(sf, a, b, acc, m)); break;
    case Vop.FMS: r[d] = o((m) => fma32(sf, a ^ NEG32, b, acc, m)); break;
    case Vop.FNMA: r[d] = o((m) => fma32(sf, a ^ NEG32, b, acc ^ NEG32, m)); break;
    case Vop.FNMS: r[d] = o((m) => fma32(sf, a, b, acc ^ NEG32, m)); break;
    case Vop.SQRT: r[d] = o((m) => f32_sqrt(sf, b, m)); break;
    case Vop.CMP: case Vop.CMPE: setNzcv(cpu, f32_compare(sf, a, b, op === Vop.CMPE)); break;
    case Vop.CMP0: case Vop.CMPE0: setNzcv(cpu, f32_compare(sf, a, 0, op === Vop.CMPE0)); break;
    case Vop.CVT_FD: r[d] = f32_to_f64(sf, b); r[d + 1] = sf.hi; break;
    default: r[d] = toInt(sf, f32ToNum(sf, b), op, rm);
  }
}

function toInt(sf: SoftFloat, x: number, op: Vop, rm: number): number {
  const rz = op === Vop.TO_U32_RZ || op === Vop.TO_S32_RZ;
  const kind = op === Vop.TO_U32 || op === Vop.TO_U32_RZ ? U32 : I32;
  return numToInt(sf, x, rz ? RTZ : rm, kind);
}

function double(cpu: ArmCpu, sf: SoftFloat, op: Vop, d: number, n: number, m: number, rm: number): void {
  const r = cpu.r;
  const fz = (r[FPSCR] & FZ) !== 0;
  /** operand k (1 n, 2 m, 3 d) as [lo, hi], flushed under FZ */
  const ins = (k: number): [number, number] => {
    const x = k === 1 ? n : k === 2 ? m : d;
    const lo = r[x], hi = r[x + 1];
    if (!fz || (hi & 0x7ff00000) !== 0 || ((hi & 0xfffff) | lo) === 0) return [lo, hi];
    r[FPSCR] |= IDC;
    return [0, hi & NEG32];
  };
  /** a result (lo, sf.hi) with ARM's underflow and FZ; returns lo, leaves hi in sf.hi */
  const o = (f: (mode: number) => number): number => {
    const lo = f(rm);
    const hi = sf.hi;
    let tiny = (hi & 0x7ff00000) === 0 && (((hi & 0xfffff) | lo) !== 0 || (sf.flags & UF) !== 0);
    if (!tiny && (hi & 0x7fffffff) === 0x00100000 && lo === 0 && sf.flags & NX && rm !== RTZ) {
      // rounded up to the smallest normal: tiny before rounding when rounding toward zero is not normal
      const saved = sf.flags;
      f(RTZ);
      tiny = (sf.hi & 0x7ff00000) === 0;
      sf.flags = tiny && !fz ? saved | UF : saved;
      sf.hi = hi;
    }
    if (!fz || !tiny) return lo;
    sf.flags = (sf.flags & ~NX) | UF;
    sf.hi = hi & NEG32;
    return 0;
  };
  switch (op) {
    case Vop.MOV: r[d] = r[m]; r[d + 1] = r[m + 1]; return;
    case Vop.ABS: r[d] = r[m]; r[d + 1] = r[m + 1] & 0x7fffffff; return;
    case Vop.NEG: r[d] = r[m]; r[d + 1] = r[m + 1] ^ NEG32; return;
    case Vop.FROM_U32: r[d] = u32_to_f64(sf, r[m]); r[d + 1] = sf.hi; return;
    case Vop.FROM_S32: r[d] = i32_to_f64(sf, r[m]); r[d + 1] = sf.hi; return;
    default:
  }
  const usesAB = op <= Vop.FMS || op === Vop.CMP || op === Vop.CMPE;
  const [al, ah] = usesAB || op === Vop.CMP0 || op === Vop.CMPE0 ? ins(1) : [0, 0];
  const [bl, bh] = usesAB || op === Vop.SQRT || op === Vop.CVT_FD || op >= Vop.TO_U32 ? ins(2) : [0, 0];
  const [cl, ch] = op <= Vop.NMLS || (op >= Vop.FNMA && op <= Vop.FMS) ? ins(3) : [0, 0];
  let lo: number;
  let hi: number;
  switch (op) {
    case Vop.MLA: case Vop.MLS: case Vop.NMLA: case Vop.NMLS: {
      const pl = o((m) => f64_mul(sf, al, ah, bl, bh, m));
      const ph = op === Vop.MLS || op === Vop.NMLA ? sf.hi ^ NEG32 : sf.hi;
      const xh = op === Vop.NMLA || op === Vop.NMLS ? ch ^ NEG32 : ch;
      lo = o((m) => f64_add(sf, cl, xh, pl, ph, m)); hi = sf.hi; break;
    }
    case Vop.MUL: lo = o((m) => f64_mul(sf, al, ah, bl, bh, m)); hi = sf.hi; break;
    case Vop.NMUL: lo = o((m) => f64_mul(sf, al, ah, bl, bh, m)); hi = sf.hi ^ NEG32; break;
    case Vop.ADD: lo = o((m) => f64_add(sf, al, ah, bl, bh, m)); hi = sf.hi; break;
    case Vop.SUB: lo = o((m) => f64_sub(sf, al, ah, bl, bh, m)); hi = sf.hi; break;
    case Vop.DIV: lo = o((m) => f64_div(sf, al, ah, bl, bh, m)); hi = sf.hi; break;
    case Vop.FMA: lo = o((m) => fma64(sf, al, ah, bl, bh, cl, ch, m)); hi = sf.hi; break;
    case Vop.FMS: lo = o((m) => fma64(sf, al, ah ^ NEG32, bl, bh, cl, ch, m)); hi = sf.hi; break;
    case Vop.FNMA: lo = o((m) => fma64(sf, al, ah ^ NEG32, bl, bh, cl, ch ^ NEG32, m)); hi = sf.hi; break;
    case Vop.FNMS: lo = o((m) => fma64(sf, al, ah, bl, bh, cl, ch ^ NEG32, m)); hi = sf.hi; break;
    case Vop.SQRT: lo = o((m) => f64_sqrt(sf, bl, bh, m)); hi = sf.hi; break;
    case Vop.CMP: case Vop.CMPE: setNzcv(cpu, f64_compare(sf, al, ah, bl, bh, op === Vop.CMPE)); return;
    case Vop.CMP0: case Vop.CMPE0: setNzcv(cpu, f64_compare(sf, al, ah, 0, 0, op === Vop.CMPE0)); return;
    case Vop.CVT_FD: r[d] = out32(sf, fz, rm, (mode) => f64_to_f32(sf, bl, bh, mode)); return;
    default: r[d] = toInt(sf, f64ToNum(sf, bl, bh), op, rm); return;
  }
  r[d] = lo;
  r[d + 1] = hi;
}

/** FPToFixed with round toward zero: NaN gives 0, out of range saturates (Invalid, not Inexact) */
function toFixed(sf: SoftFloat, x: number, fbits: number, bits: number, unsigned: boolean): number {
  if (Number.isNaN(x)) { sf.flags |= NV; return 0; }
  const v = x * 2 ** fbits; // exact: a power of two scale
  const t = Math.trunc(v);
  const lo = unsigned ? 0 : -(2 ** (bits - 1)), hi = unsigned ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
  if (t < lo) { sf.flags |= NV; return lo; }
  if (t > hi) { sf.flags |= NV; return hi; }
  if (t !== v) sf.flags |= NX;
  return t;
}

/**
 * VCVT between floating point and fixed point, in place on register d (cpu.r index):
 * code bit 0 double, bit 1 to fixed (else from fixed), bit 2 unsigned, bit 3 32-bit fixed
 * (else 16-bit). To fixed rounds toward zero, from fixed to nearest (whatever FPSCR.RMode says).
 */
function vfpFixed(cpu: ArmCpu, code: number, d: number, fbits: number): void {
  const sf = setup(cpu);
  const r = cpu.r;
  const dbl = (code & 1) !== 0, unsigned = (code & 4) !== 0, bits = code & 8 ? 32 : 16;
  if (code & 2) {
    let x = dbl ? f64ToNum(sf, r[d], r[d + 1]) : f32ToNum(sf, r[d]);
    if (r[FPSCR] & FZ && x !== 0 && Math.abs(x) < (dbl ? 2 ** -1022 : 2 ** -126)) { r[FPSCR] |= IDC; x = 0; }
    const t = toFixed(sf, x, fbits, bits, unsigned);
    r[d] = t | 0;
    if (dbl) r[d + 1] = t < 0 ? -1 : 0;
  } else {
    const raw = r[d];
    const n = bits === 16 ? (unsigned ? raw & 0xffff : (raw << 16) >> 16) : unsigned ? raw >>> 0 : raw | 0;
    const lo = numToF64(sf, n / 2 ** fbits); // exact: at most 32 significant bits
    const hi = sf.hi;
    if (dbl) { r[d] = lo; r[d + 1] = hi; } else r[d] = f64_to_f32(sf, lo, hi, RNE); // FixedToFP rounds to nearest in VFP
  }
  fpEnd(cpu, sf);
}

export const vfpHelpers: Record<string, Helper> = {
  arm_vfp_fixed(cpu: ArmCpu, cond: number, code: number, d: number, fbits: number) {
    if (cond !== 0) vfpFixed(cpu, code, d, fbits);
  },
  arm_vfp(cpu: ArmCpu, cond: number, code: number, d: number, n: number, m: number) {
    if (cond === 0) return;
    const sf = setup(cpu);
    const rm = RMODE[(cpu.r[FPSCR] >>> 22) & 3];
    if (code & 64) double(cpu, sf, code & 63, d, n, m, rm);
    else single(cpu, sf, code & 63, d, n, m, rm);
    fpEnd(cpu, sf);
  },
};
