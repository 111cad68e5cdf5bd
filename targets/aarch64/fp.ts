/**
 * A64 scalar floating point (single and double precision) as helpers over src/core/softfloat.
 * Helpers receive the raw instruction and read/write the V registers in cpu.r directly
 * (V registers are never cached); results that go to general registers or NZCV are returned
 * to the generated code. FPCR.RMode picks the rounding mode, FPCR.DN the default-NaN mode;
 * exceptions accumulate in FPSR (IOC DZC OFC UFC IXC = bits 0..4). Half precision is not
 * implemented (the frontend refuses type 11).
 */
import {
  I32, I64, MINMAX_NUM2008, MINMAX_PROPAGATE, NAN_DEFAULT, NAN_PROPAGATE, RDN, RMM, RNE, RTZ, RUP, U32, U64,
  f32_add, f32_compare, f32_div, f32_minmax, f32_mul, f32_mulAdd, f32_sqrt, f32_sub, f32_to_f64, f32_to_int,
  f32ToNum, f64_add, f64_compare, f64_div, f64_minmax, f64_mul, f64_mulAdd, f64_sqrt, f64_sub, f64_to_f32,
  f64_to_int, f64ToNum, i64_to_f32, i64_to_f64, isNaN32, isNaN64, numToF32, numToF64, roundToIntegral,
  u64_to_f32, u64_to_f64, numToInt, type SoftFloat,
} from '../../src/core/softfloat/index.js';
import { nan32, nan64 } from '../../src/core/softfloat/core.js';
import type { Helper } from '../../src/core/isa.js';
import { VBASE, type A64Cpu } from './cpu.js';

const NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16;
const RMODES = [RNE, RUP, RDN, RTZ];
const LESS = -1, EQUAL = 0, GREATER = 1;

/** prepare the softfloat context from FPCR; returns the rounding mode */
export function fpBegin(cpu: A64Cpu): number {
  const sf = cpu.sf;
  sf.flags = 0;
  sf.nanMode = cpu.fpcr & (1 << 25) ? NAN_DEFAULT : NAN_PROPAGATE;
  return RMODES[(cpu.fpcr >>> 22) & 3];
}
export const fpRm = (cpu: A64Cpu): number => RMODES[(cpu.fpcr >>> 22) & 3];
export function fpEnd(cpu: A64Cpu): void {
  const f = cpu.sf.flags;
  if (f) cpu.fpsr |= (f & NV ? 1 : 0) | (f & DZ ? 2 : 0) | (f & OF ? 4 : 0) | (f & UF ? 8 : 0) | (f & NX ? 16 : 0);
}

const S = (cpu: A64Cpu, k: number) => cpu.r[VBASE + 4 * k];
const Dlo = (cpu: A64Cpu, k: number) => cpu.r[VBASE + 4 * k];
const Dhi = (cpu: A64Cpu, k: number) => cpu.r[VBASE + 4 * k + 1];
export function setS(cpu: A64Cpu, k: number, v: number): void {
  const i = VBASE + 4 * k;
  cpu.r[i] = v; cpu.r[i + 1] = 0; cpu.r[i + 2] = 0; cpu.r[i + 3] = 0;
}
export function setD(cpu: A64Cpu, k: number, lo: number, hi: number): void {
  const i = VBASE + 4 * k;
  cpu.r[i] = lo; cpu.r[i + 1] = hi; cpu.r[i + 2] = 0; cpu.r[i + 3] = 0;
}

/** NZCV nibble of a comparison result */
function nzcvOf(cmp: number): number {
  return cmp === EQUAL ? 0x6 : cmp === LESS ? 0x8 : cmp === GREATER ? 0x2 : 0x3;
}

export function round32(sf: SoftFloat, a: number, rm: number, exact: boolean): number {
  if (isNaN32(a)) return nan32(sf, a, a);
  const x = f32ToNum(sf, a);
  if (!isFinite(x)) return a;
  const t = roundToIntegral(x, rm);
  if (exact && t !== x) sf.flags |= NX;
  return t === 0 ? (a & 0x80000000) | 0 : numToF32(sf, t);
}
export function round64(sf: SoftFloat, lo: number, hi: number, rm: number, exact: boolean): number {
  if (isNaN64(lo, hi)) return nan64(sf, lo, hi, lo, hi);
  const x = f64ToNum(sf, lo, hi);
  if (!isFinite(x)) return (sf.hi = hi), lo;
  const t = roundToIntegral(x, rm);
  if (exact && t !== x) sf.flags |= NX;
  if (t === 0) return (sf.hi = hi & 0x80000000), 0;
  return numToF64(sf, t);
}

/** VFPExpandImm */
function fpImm(imm8: number, dbl: boolean): [number, number] {
  const sign = imm8 >> 7;
  const b6 = (imm8 >> 6) & 1;
  const frac = imm8 & 0x3f;
  if (!dbl) {
    const exp = ((b6 ^ 1) << 7) | (b6 ? 0x7c : 0) | ((imm8 >> 4) & 3);
    return [((sign << 31) | (exp << 23) | ((frac & 0xf) << 19)) | 0, 0];
  }
  const exp = ((b6 ^ 1) << 10) | (b6 ? 0x3fc : 0) | ((imm8 >> 4) & 3);
  return [0, ((sign << 31) | (exp << 20) | ((frac & 0xf) << 16)) | 0];
}

function dp1(cpu: A64Cpu, insn: number, rm: number): void {
  const sf = cpu.sf;
  const dbl = ((insn >>> 22) & 3) === 1;
  const opc = (insn >>> 15) & 0x3f;
  const rn = (insn >>> 5) & 31;
  const rd = insn & 31;
  if (!dbl) {
    const a = S(cpu, rn);
    let r: number;
    switch (opc) {
      case 0: r = a; break;
      case 1: r = a & 0x7fffffff; break;
      case 2: r = a ^ 0x80000000; break;
      case 3: r = f32_sqrt(sf, a, rm); break;
      case 5: setD(cpu, rd, f32_to_f64(sf, a), sf.hi); return;
      case 8: r = round32(sf, a, RNE, false); break;
      case 9: r = round32(sf, a, RUP, false); break;
      case 10: r = round32(sf, a, RDN, false); break;
      case 11: r = round32(sf, a, RTZ, false); break;
      case 12: r = round32(sf, a, RMM, false); break;
      case 14: r = round32(sf, a, rm, true); break;
      case 15: r = round32(sf, a, rm, false); break;
      default: throw new Error('fp_dp1');
    }
    setS(cpu, rd, r);
    return;
  }
  const lo = Dlo(cpu, rn), hi = Dhi(cpu, rn);
  let r: number;
  switch (opc) {
    case 0: r = lo; sf.hi = hi; break;
    case 1: r = lo; sf.hi = hi & 0x7fffffff; break;
    case 2: r = lo; sf.hi = hi ^ 0x80000000; break;
    case 3: r = f64_sqrt(sf, lo, hi, rm); break;
    case 4: setS(cpu, rd, f64_to_f32(sf, lo, hi, rm)); return;
    case 8: r = round64(sf, lo, hi, RNE, false); break;
    case 9: r = round64(sf, lo, hi, RUP, false); break;
    case 10: r = round64(sf, lo, hi, RDN, false); break;
    case 11: r = round64(sf, lo, hi, RTZ, false); break;
    case 12: r = round64(sf, lo, hi, RMM, false); break;
    case 14: r = round64(sf, lo, hi, rm, true); break;
    case 15: r = round64(sf, lo, hi, rm, false); break;
    default: throw new Error('fp_dp1');
  }
  setD(cpu, rd, r, sf.hi);
}

/** the fp_dp1 opcodes implemented (for the frontend's validity check) */
export const DP1_OPS = new Set([0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 14, 15]);

function dp2(cpu: A64Cpu, insn: number, rm: number): void {
  const sf = cpu.sf;
  const dbl = ((insn >>> 22) & 3) === 1;
  const m = (insn >>> 16) & 31;
  const opc = (insn >>> 12) & 15;
  const n = (insn >>> 5) & 31;
  const d = insn & 31;
  if (!dbl) {
    const a = S(cpu, n), b = S(cpu, m);
    let r: number;
    switch (opc) {
      case 0: r = f32_mul(sf, a, b, rm); break;
      case 1: r = f32_div(sf, a, b, rm); break;
      case 2: r = f32_add(sf, a, b, rm); break;
      case 3: r = f32_sub(sf, a, b, rm); break;
      case 4: r = f32_minmax(sf, a, b, true, MINMAX_PROPAGATE); break;
      case 5: r = f32_minmax(sf, a, b, false, MINMAX_PROPAGATE); break;
      case 6: r = f32_minmax(sf, a, b, true, MINMAX_NUM2008); break;
      case 7: r = f32_minmax(sf, a, b, false, MINMAX_NUM2008); break;
      case 8: r = f32_mul(sf, a, b, rm) ^ 0x80000000; break;
      default: throw new Error('fp_dp2');
    }
    setS(cpu, d, r);
    return;
  }
  const al = Dlo(cpu, n), ah = Dhi(cpu, n), bl = Dlo(cpu, m), bh = Dhi(cpu, m);
  let r: number;
  switch (opc) {
    case 0: r = f64_mul(sf, al, ah, bl, bh, rm); break;
    case 1: r = f64_div(sf, al, ah, bl, bh, rm); break;
    case 2: r = f64_add(sf, al, ah, bl, bh, rm); break;
    case 3: r = f64_sub(sf, al, ah, bl, bh, rm); break;
    case 4: r = f64_minmax(sf, al, ah, bl, bh, true, MINMAX_PROPAGATE); break;
    case 5: r = f64_minmax(sf, al, ah, bl, bh, false, MINMAX_PROPAGATE); break;
    case 6: r = f64_minmax(sf, al, ah, bl, bh, true, MINMAX_NUM2008); break;
    case 7: r = f64_minmax(sf, al, ah, bl, bh, false, MINMAX_NUM2008); break;
    case 8: r = f64_mul(sf, al, ah, bl, bh, rm); sf.hi ^= 0x80000000; break;
    default: throw new Error('fp_dp2');
  }
  setD(cpu, d, r, sf.hi);
}

const isSNaN32 = (x: number) => (x & 0x7fc00000) === 0x7f800000 && (x & 0x3fffff) !== 0;
const isSNaN64 = (lo: number, hi: number) => (hi & 0x7ff80000) === 0x7ff00000 && ((hi & 0x7ffff) | lo) !== 0;
const isInfOrZero32 = (x: number): [boolean, boolean] => [(x & 0x7fffffff) === 0x7f800000, (x & 0x7fffffff) === 0];
const isInfOrZero64 = (lo: number, hi: number): [boolean, boolean] =>
  [(hi & 0x7fffffff) === 0x7ff00000 && lo === 0, (hi & 0x7fffffff) === 0 && lo === 0];

/**
 * FMADD-style n*m + a with ARM's NaN rules: NaN operands are taken in the order addend,
 * n, m (signalling ones first); a quiet-NaN addend with inf*0 gives the default NaN.
 */
export function armFma32(sf: SoftFloat, n: number, m: number, a: number, rm: number): number {
  if (isNaN32(a) || isNaN32(n) || isNaN32(m)) {
    const [in_, zn] = isInfOrZero32(n), [im, zm] = isInfOrZero32(m);
    if (isNaN32(a) && !isSNaN32(a) && ((in_ && zm) || (zn && im))) { sf.flags |= NV; return 0x7fc00000; }
    const ops = [a, n, m];
    const sn = ops.find(isSNaN32);
    if (sn !== undefined) sf.flags |= NV;
    if (sf.nanMode === NAN_DEFAULT) return 0x7fc00000;
    return sn !== undefined ? sn | 0x00400000 : ops.find(isNaN32)!;
  }
  return f32_mulAdd(sf, n, m, a, rm);
}
export function armFma64(sf: SoftFloat, nl: number, nh: number, ml: number, mh: number, al: number, ah: number, rm: number): number {
  if (isNaN64(al, ah) || isNaN64(nl, nh) || isNaN64(ml, mh)) {
    const [in_, zn] = isInfOrZero64(nl, nh), [im, zm] = isInfOrZero64(ml, mh);
    if (isNaN64(al, ah) && !isSNaN64(al, ah) && ((in_ && zm) || (zn && im))) { sf.flags |= NV; sf.hi = 0x7ff80000; return 0; }
    const ops: Array<[number, number]> = [[al, ah], [nl, nh], [ml, mh]];
    const sn = ops.find(([l, h]) => isSNaN64(l, h));
    if (sn !== undefined) sf.flags |= NV;
    if (sf.nanMode === NAN_DEFAULT) { sf.hi = 0x7ff80000; return 0; }
    if (sn !== undefined) { sf.hi = sn[1] | 0x00080000; return sn[0]; }
    const q = ops.find(([l, h]) => isNaN64(l, h))!;
    sf.hi = q[1];
    return q[0];
  }
  return f64_mulAdd(sf, nl, nh, ml, mh, al, ah, rm);
}

function dp3(cpu: A64Cpu, insn: number, rm: number): void {
  const sf = cpu.sf;
  const dbl = ((insn >>> 22) & 3) === 1;
  const o1 = (insn >>> 21) & 1, o0 = (insn >>> 15) & 1;
  const m = (insn >>> 16) & 31, ra = (insn >>> 10) & 31, n = (insn >>> 5) & 31, d = insn & 31;
  const negP = o1 !== o0; // FMSUB, FNMADD: -(n*m)
  const negA = o1 === 1; // FNMADD, FNMSUB: -a
  if (!dbl) {
    let a = S(cpu, n);
    let c = S(cpu, ra);
    if (negP) a ^= 0x80000000;
    if (negA) c ^= 0x80000000;
    setS(cpu, d, armFma32(sf, a, S(cpu, m), c, rm));
    return;
  }
  let ah = Dhi(cpu, n);
  let ch = Dhi(cpu, ra);
  if (negP) ah ^= 0x80000000;
  if (negA) ch ^= 0x80000000;
  const r = armFma64(sf, Dlo(cpu, n), ah, Dlo(cpu, m), Dhi(cpu, m), Dlo(cpu, ra), ch, rm);
  setD(cpu, d, r, sf.hi);
}

function compare(cpu: A64Cpu, insn: number): number {
  const sf = cpu.sf;
  const dbl = ((insn >>> 22) & 3) === 1;
  const m = (insn >>> 16) & 31, n = (insn >>> 5) & 31;
  const zero = (insn & 8) !== 0;
  const sig = (insn & 16) !== 0;
  if (!dbl) return nzcvOf(f32_compare(sf, S(cpu, n), zero ? 0 : S(cpu, m), sig));
  return nzcvOf(f64_compare(sf, Dlo(cpu, n), Dhi(cpu, n), zero ? 0 : Dlo(cpu, m), zero ? 0 : Dhi(cpu, m), sig));
}

export const fpHelpers: Record<string, Helper> = {
  a64_fp(cpu: A64Cpu, insn: number) {
    const rm = fpBegin(cpu);
    const top = (insn >>> 24) & 0xff;
    if (top === 0x1f) dp3(cpu, insn, rm);
    else if (((insn >>> 10) & 3) === 2) dp2(cpu, insn, rm);
    else if (((insn >>> 10) & 7) === 4) {
      const [lo, hi] = fpImm((insn >>> 13) & 0xff, ((insn >>> 22) & 3) === 1);
      if (((insn >>> 22) & 3) === 1) setD(cpu, insn & 31, lo, hi);
      else setS(cpu, insn & 31, lo);
    } else dp1(cpu, insn, rm);
    fpEnd(cpu);
  },
  /** FCMP/FCMPE: returns NZCV as bits 3..0 */
  a64_fcmp(cpu: A64Cpu, insn: number) {
    fpBegin(cpu);
    const r = compare(cpu, insn);
    fpEnd(cpu);
    return r;
  },
  /** FCCMP/FCCMPE: the comparison when cond holds, else the immediate nzcv */
  a64_fccmp(cpu: A64Cpu, insn: number, cond: number) {
    if (!cond) return insn & 15;
    fpBegin(cpu);
    const r = compare(cpu, insn & ~0x1f);
    if (insn & 16) {
      // FCCMPE signals on quiet NaNs too: redo as a signalling compare
      cpu.sf.flags = 0;
      compare(cpu, (insn & ~0x1f) | 16);
    }
    fpEnd(cpu);
    return r;
  },
  a64_fcsel(cpu: A64Cpu, insn: number, cond: number) {
    const dbl = ((insn >>> 22) & 3) === 1;
    const src = cond ? (insn >>> 5) & 31 : (insn >>> 16) & 31;
    if (dbl) setD(cpu, insn & 31, Dlo(cpu, src), Dhi(cpu, src));
    else setS(cpu, insn & 31, S(cpu, src));
  },
  /** FCVT[NPMZA][SU], FMOV to a general register: the result as i64 (lo, cpu.rhi) */
  a64_fp_to_int(cpu: A64Cpu, insn: number) {
    const is64 = insn >>> 31;
    const type = (insn >>> 22) & 3;
    const rmode = (insn >>> 19) & 3;
    const opc = (insn >>> 16) & 7;
    const n = (insn >>> 5) & 31;
    if (opc === 6) {
      if (type === 2) { cpu.rhi = cpu.r[VBASE + 4 * n + 3]; return cpu.r[VBASE + 4 * n + 2]; }
      cpu.rhi = is64 ? Dhi(cpu, n) : 0;
      return Dlo(cpu, n);
    }
    const sf = cpu.sf;
    fpBegin(cpu);
    const rm = opc >= 4 ? RMM : RMODES[rmode];
    const kind = is64 ? (opc & 1 ? U64 : I64) : opc & 1 ? U32 : I32;
    const lo = type === 1 ? f64_to_int(sf, Dlo(cpu, n), Dhi(cpu, n), rm, kind) : f32_to_int(sf, S(cpu, n), rm, kind);
    cpu.rhi = is64 ? sf.hi : 0;
    fpEnd(cpu);
    return lo;
  },
  /** FCVTZS/FCVTZU (fixed point, fbits = 64 - scale): the result as i64 */
  a64_fixed_to_int(cpu: A64Cpu, insn: number) {
    const is64 = insn >>> 31;
    const dbl = ((insn >>> 22) & 3) === 1;
    const unsigned = ((insn >>> 16) & 1) === 1;
    const fbits = 64 - ((insn >>> 10) & 63);
    const n = (insn >>> 5) & 31;
    const sf = cpu.sf;
    fpBegin(cpu);
    const x = dbl ? (isNaN64(Dlo(cpu, n), Dhi(cpu, n)) ? NaN : f64ToNum(sf, Dlo(cpu, n), Dhi(cpu, n)))
      : isNaN32(S(cpu, n)) ? NaN : f32ToNum(sf, S(cpu, n));
    const lo = numToInt(sf, x * 2 ** fbits, RTZ, is64 ? (unsigned ? U64 : I64) : unsigned ? U32 : I32);
    cpu.rhi = is64 ? sf.hi : 0;
    fpEnd(cpu);
    return lo;
  },
  /** SCVTF/UCVTF (fixed point) */
  a64_int_to_fixed(cpu: A64Cpu, insn: number, lo: number, hi: number) {
    const is64 = insn >>> 31;
    const dbl = ((insn >>> 22) & 3) === 1;
    const unsigned = ((insn >>> 16) & 1) === 1;
    const fbits = 64 - ((insn >>> 10) & 63);
    const d = insn & 31;
    const sf = cpu.sf;
    fpBegin(cpu);
    if (!is64) hi = unsigned ? 0 : lo >> 31;
    const v = unsigned ? (hi >>> 0) * 4294967296 + (lo >>> 0) : hi * 4294967296 + (lo >>> 0);
    // exact when |v| < 2^53; larger values go through the correctly rounded conversion
    if (Math.abs(v) < 2 ** 53) {
      const x = v / 2 ** fbits;
      if (dbl) { const l = numToF64(sf, x); setD(cpu, d, l, sf.hi); }
      else {
        const t = f64_to_f32(sf, numToF64(sf, x), sf.hi, fpRm(cpu));
        setS(cpu, d, t);
      }
    } else {
      const rm = fpRm(cpu);
      if (dbl) {
        let l = unsigned ? u64_to_f64(sf, lo, hi, rm) : i64_to_f64(sf, lo, hi, rm);
        const h = sf.hi;
        const x = f64ToNum(sf, l, h) / 2 ** fbits;
        l = numToF64(sf, x);
        setD(cpu, d, l, sf.hi);
      } else {
        const b = unsigned ? u64_to_f32(sf, lo, hi, rm) : i64_to_f32(sf, lo, hi, rm);
        setS(cpu, d, numToF32(sf, f32ToNum(sf, b) / 2 ** fbits));
      }
    }
    fpEnd(cpu);
  },
  /** SCVTF/UCVTF, FMOV from a general register */
  a64_int_to_fp(cpu: A64Cpu, insn: number, lo: number, hi: number) {
    const is64 = insn >>> 31;
    const type = (insn >>> 22) & 3;
    const opc = (insn >>> 16) & 7;
    const d = insn & 31;
    if (opc === 7) {
      if (type === 2) { cpu.r[VBASE + 4 * d + 2] = lo; cpu.r[VBASE + 4 * d + 3] = hi; return; }
      if (is64) setD(cpu, d, lo, hi);
      else setS(cpu, d, lo);
      return;
    }
    const sf = cpu.sf;
    const rm = fpBegin(cpu);
    if (!is64) hi = opc === 3 ? 0 : lo >> 31;
    const unsigned = opc === 3;
    if (type === 1) {
      const r = unsigned ? u64_to_f64(sf, lo, hi, rm) : i64_to_f64(sf, lo, hi, rm);
      setD(cpu, d, r, sf.hi);
    } else {
      setS(cpu, d, unsigned ? u64_to_f32(sf, lo, hi, rm) : i64_to_f32(sf, lo, hi, rm));
    }
    fpEnd(cpu);
  },
};
