/**
 * Advanced SIMD floating point (single 2S/4S and double 2D lanes, and the 32/64-bit scalar
 * forms) over src/core/softfloat, with FPCR rounding/DN and FPSR flags as in fp.ts. Implemented:
 * FADD FSUB FMUL FDIV FMAX FMIN FMAXNM FMINNM FMLA FMLS FABD FADDP FMAXP FMINP FCMEQ FCMGE
 * FCMGT FACGE FACGT (three-same); FABS FNEG FSQRT SCVTF UCVTF FCVTZS FCVTZU FCVT[NMPA][SU]
 * FRINT* FCMxx #0 FCVTL FCVTN (two-reg misc).
 */
import {
  I32, I64, MINMAX_NUM2008, MINMAX_PROPAGATE, RDN, RMM, RNE, RTZ, RUP, U32, U64,
  f32_add, f32_compare, f32_div, f32_minmax, f32_mul, f32_sqrt, f32_sub, f32_to_f64, f32_to_int,
  f64_add, f64_compare, f64_div, f64_minmax, f64_mul, f64_sqrt, f64_sub, f64_to_f32, f64_to_int,
  i32_to_f32, i64_to_f64, isNaN32, isNaN64, u32_to_f32, u64_to_f64, numToInt, numToF64, f32ToNum as f32v, f64ToNum as f64v, type SoftFloat,
} from '../../src/core/softfloat/index.js';
import { VBASE, type A64Cpu } from './cpu.js';
import { armFma32, armFma64, fpBegin, fpEnd, round32, round64 } from './fp.js';

type Op = (cpu: A64Cpu) => void;
const LESS = -1, EQUAL = 0, GREATER = 1;
const RM_OF: Record<string, number> = { n: RNE, p: RUP, m: RDN, z: RTZ, a: RMM };

/** lane op on single (bits) or double (lo, hi -> lo, sf.hi) values */
interface FOp { s(sf: SoftFloat, a: number, b: number, d: number, rm: number): number; d(sf: SoftFloat, al: number, ah: number, bl: number, bh: number, dl: number, dh: number, rm: number): number }

const cmpMask = (want: (c: number) => boolean) => ({
  s: (sf: SoftFloat, a: number, b: number, _d: number, _rm: number, sig = false) => (want(f32_compare(sf, a, b, sig)) ? -1 : 0),
  d: (sf: SoftFloat, al: number, ah: number, bl: number, bh: number, _dl: number, _dh: number, _rm: number, sig = false) => {
    const r = want(f64_compare(sf, al, ah, bl, bh, sig)) ? -1 : 0;
    sf.hi = r;
    return r;
  },
});
const absS = (a: number) => a & 0x7fffffff;
const negS = (a: number) => a ^ 0x80000000;

function fabd32(sf: SoftFloat, a: number, b: number, rm: number): number {
  const r = f32_sub(sf, a, b, rm);
  return isNaN32(r) ? r : absS(r);
}
function fabd64(sf: SoftFloat, al: number, ah: number, bl: number, bh: number, rm: number): number {
  const r = f64_sub(sf, al, ah, bl, bh, rm);
  if (!isNaN64(r, sf.hi)) sf.hi &= 0x7fffffff;
  return r;
}

/** three-same FP ops by (U, a, opcode) */
function threeOp(u: number, a: number, opc: number): { f: FOp; pair?: boolean; sig?: boolean } | undefined {
  const key = (u << 6) | (a << 5) | opc;
  const K = (uu: number, aa: number, o: number) => (uu << 6) | (aa << 5) | o;
  switch (key) {
    case K(0, 0, 0x1a): return { f: { s: (sf, x, y, _d, rm) => f32_add(sf, x, y, rm), d: (sf, al, ah, bl, bh, _l, _h, rm) => f64_add(sf, al, ah, bl, bh, rm) } };
    case K(0, 1, 0x1a): return { f: { s: (sf, x, y, _d, rm) => f32_sub(sf, x, y, rm), d: (sf, al, ah, bl, bh, _l, _h, rm) => f64_sub(sf, al, ah, bl, bh, rm) } };
    case K(1, 0, 0x1b): return { f: { s: (sf, x, y, _d, rm) => f32_mul(sf, x, y, rm), d: (sf, al, ah, bl, bh, _l, _h, rm) => f64_mul(sf, al, ah, bl, bh, rm) } };
    case K(1, 0, 0x1f): return { f: { s: (sf, x, y, _d, rm) => f32_div(sf, x, y, rm), d: (sf, al, ah, bl, bh, _l, _h, rm) => f64_div(sf, al, ah, bl, bh, rm) } };
    case K(0, 0, 0x1e): case K(1, 0, 0x1e): return { pair: u === 1, f: { s: (sf, x, y) => f32_minmax(sf, x, y, true, MINMAX_PROPAGATE), d: (sf, al, ah, bl, bh) => f64_minmax(sf, al, ah, bl, bh, true, MINMAX_PROPAGATE) } };
    case K(0, 1, 0x1e): case K(1, 1, 0x1e): return { pair: u === 1, f: { s: (sf, x, y) => f32_minmax(sf, x, y, false, MINMAX_PROPAGATE), d: (sf, al, ah, bl, bh) => f64_minmax(sf, al, ah, bl, bh, false, MINMAX_PROPAGATE) } };
    case K(0, 0, 0x18): case K(1, 0, 0x18): return { pair: u === 1, f: { s: (sf, x, y) => f32_minmax(sf, x, y, true, MINMAX_NUM2008), d: (sf, al, ah, bl, bh) => f64_minmax(sf, al, ah, bl, bh, true, MINMAX_NUM2008) } };
    case K(0, 1, 0x18): case K(1, 1, 0x18): return { pair: u === 1, f: { s: (sf, x, y) => f32_minmax(sf, x, y, false, MINMAX_NUM2008), d: (sf, al, ah, bl, bh) => f64_minmax(sf, al, ah, bl, bh, false, MINMAX_NUM2008) } };
    case K(1, 0, 0x1a): return { pair: true, f: { s: (sf, x, y, _d, rm) => f32_add(sf, x, y, rm), d: (sf, al, ah, bl, bh, _l, _h, rm) => f64_add(sf, al, ah, bl, bh, rm) } };
    case K(1, 1, 0x1a): return { f: { s: (sf, x, y, _d, rm) => fabd32(sf, x, y, rm), d: (sf, al, ah, bl, bh, _l, _h, rm) => fabd64(sf, al, ah, bl, bh, rm) } };
    case K(0, 0, 0x19): return { f: { s: (sf, x, y, d, rm) => armFma32(sf, x, y, d, rm), d: (sf, al, ah, bl, bh, dl, dh, rm) => armFma64(sf, al, ah, bl, bh, dl, dh, rm) } };
    case K(0, 1, 0x19): return { f: { s: (sf, x, y, d, rm) => armFma32(sf, negS(x), y, d, rm), d: (sf, al, ah, bl, bh, dl, dh, rm) => armFma64(sf, al, ah ^ 0x80000000, bl, bh, dl, dh, rm) } };
    case K(0, 0, 0x1c): return { f: cmpMask((c) => c === EQUAL) };
    case K(1, 0, 0x1c): return { f: cmpMask((c) => c === EQUAL || c === GREATER), sig: true };
    case K(1, 1, 0x1c): return { f: cmpMask((c) => c === GREATER), sig: true };
    case K(1, 0, 0x1d): { const m = cmpMask((c) => c === EQUAL || c === GREATER); return { sig: true, f: { s: (sf, x, y, d, rm) => m.s(sf, absS(x), absS(y), d, rm, true), d: (sf, al, ah, bl, bh, dl, dh, rm) => m.d(sf, al, ah & 0x7fffffff, bl, bh & 0x7fffffff, dl, dh, rm, true) } }; }
    case K(1, 1, 0x1d): { const m = cmpMask((c) => c === GREATER); return { sig: true, f: { s: (sf, x, y, d, rm) => m.s(sf, absS(x), absS(y), d, rm, true), d: (sf, al, ah, bl, bh, dl, dh, rm) => m.d(sf, al, ah & 0x7fffffff, bl, bh & 0x7fffffff, dl, dh, rm, true) } }; }
    default: return undefined;
  }
}

/** scalar: 1 lane; vector: q ? 4/2 : 2 lanes (double needs q) */
export function fpThreeSame(insn: number, scalar: boolean): Op | undefined {
  const q = (insn >>> 30) & 1, u = (insn >>> 29) & 1, a = (insn >>> 23) & 1, dbl = (insn >>> 22) & 1;
  const rm = (insn >>> 16) & 31, opc = (insn >>> 11) & 31, rn = (insn >>> 5) & 31, d = insn & 31;
  const t = threeOp(u, a, opc);
  if (!t || (dbl && !q && !scalar) || (scalar && t.pair)) return undefined;
  const { f, pair } = t;
  const sig = !!t.sig;
  const nl = scalar ? 1 : dbl ? 2 : q ? 4 : 2;
  return (cpu) => {
    const r = cpu.r;
    const sf = cpu.sf;
    const mode = fpBegin(cpu);
    const out: number[] = [];
    const N = VBASE + 4 * rn, M = VBASE + 4 * rm, D = VBASE + 4 * d;
    for (let i = 0; i < nl; i++) {
      let xa: number, xb: number, ya: number, yb: number;
      if (pair) {
        const j = 2 * i;
        const src = j < nl ? N : M;
        const k = j < nl ? j : j - nl;
        if (dbl) { xa = r[src + 2 * k]; xb = r[src + 2 * k + 1]; ya = r[src + 2 * k + 2]; yb = r[src + 2 * k + 3]; }
        else { xa = r[src + k]; ya = r[src + k + 1]; xb = yb = 0; }
      } else if (dbl) { xa = r[N + 2 * i]; xb = r[N + 2 * i + 1]; ya = r[M + 2 * i]; yb = r[M + 2 * i + 1]; }
      else { xa = r[N + i]; ya = r[M + i]; xb = yb = 0; }
      if (dbl) {
        const lo = f.d(sf, xa, xb, ya, yb, r[D + 2 * i], r[D + 2 * i + 1], mode);
        out.push(lo, sf.hi);
      } else out.push(f.s(sf, xa, ya, r[D + i], mode));
    }
    void sig;
    for (let i = 0; i < 4; i++) r[D + i] = i < out.length ? out[i] : 0;
    fpEnd(cpu);
  };
}

export function fpTwoMisc(insn: number, scalar: boolean): Op | undefined {
  const q = (insn >>> 30) & 1, u = (insn >>> 29) & 1, a = (insn >>> 23) & 1, dbl = (insn >>> 22) & 1;
  const opc = (insn >>> 12) & 31, rn = (insn >>> 5) & 31, d = insn & 31;
  if (!scalar && dbl && !q && opc !== 0x16 && opc !== 0x17) return undefined;
  const nl = scalar ? 1 : dbl ? 2 : q ? 4 : 2;
  type L = (sf: SoftFloat, lo: number, hi: number, rm: number) => number; // returns lo (single: the value), sf.hi
  let f: L | undefined;
  const K = (uu: number, aa: number, o: number) => (uu << 6) | (aa << 5) | o;
  const cvt = (rmode: number | null, unsigned: boolean): L => (sf, lo, hi, rm) => {
    const m = rmode ?? rm;
    if (dbl) return f64_to_int(sf, lo, hi, m, unsigned ? U64 : I64);
    const v = f32_to_int(sf, lo, m, unsigned ? U32 : I32);
    return v;
  };
  const cmpz = (want: (c: number) => boolean): L => (sf, lo, hi) => {
    const c = dbl ? f64_compare(sf, lo, hi, 0, 0, false) : f32_compare(sf, lo, 0, false);
    const r = want(c) ? -1 : 0;
    sf.hi = r;
    return r;
  };
  switch (K(u, a, opc)) {
    case K(0, 1, 0x0f): f = (sf, lo, hi) => (dbl ? ((sf.hi = hi & 0x7fffffff), lo) : absS(lo)); break;
    case K(1, 1, 0x0f): f = (sf, lo, hi) => (dbl ? ((sf.hi = hi ^ 0x80000000), lo) : negS(lo)); break;
    case K(1, 1, 0x1f): f = (sf, lo, hi, rm) => (dbl ? f64_sqrt(sf, lo, hi, rm) : f32_sqrt(sf, lo, rm)); break;
    case K(0, 0, 0x1d): f = (sf, lo, hi, rm) => (dbl ? i64_to_f64(sf, lo, hi, rm) : i32_to_f32(sf, lo, rm)); break;
    case K(1, 0, 0x1d): f = (sf, lo, hi, rm) => (dbl ? u64_to_f64(sf, lo, hi, rm) : u32_to_f32(sf, lo, rm)); break;
    case K(0, 1, 0x1b): f = cvt(RTZ, false); break;
    case K(1, 1, 0x1b): f = cvt(RTZ, true); break;
    case K(0, 0, 0x1a): f = cvt(RM_OF.n, false); break;
    case K(1, 0, 0x1a): f = cvt(RM_OF.n, true); break;
    case K(0, 0, 0x1b): f = cvt(RM_OF.m, false); break;
    case K(1, 0, 0x1b): f = cvt(RM_OF.m, true); break;
    case K(0, 1, 0x1a): f = cvt(RM_OF.p, false); break;
    case K(1, 1, 0x1a): f = cvt(RM_OF.p, true); break;
    case K(0, 0, 0x1c): f = cvt(RM_OF.a, false); break;
    case K(1, 0, 0x1c): f = cvt(RM_OF.a, true); break;
    case K(0, 0, 0x18): case K(0, 1, 0x18): case K(0, 0, 0x19): case K(0, 1, 0x19): case K(1, 0, 0x18): case K(1, 0, 0x19): case K(1, 1, 0x19): {
      const mode = u ? (opc === 0x18 ? RMM : a ? -1 : -2) : [RNE, RUP, RDN, RTZ][((opc & 1) << 1) | a];
      f = (sf, lo, hi, rm) => {
        const m = mode === -1 || mode === -2 ? rm : mode;
        return dbl ? round64(sf, lo, hi, m, mode === -2) : round32(sf, lo, m, mode === -2);
      };
      break;
    }
    case K(0, 1, 0x0c): f = cmpz((c) => c === GREATER); break;
    case K(1, 1, 0x0c): f = cmpz((c) => c === GREATER || c === EQUAL); break;
    case K(0, 1, 0x0d): f = cmpz((c) => c === EQUAL); break;
    case K(1, 1, 0x0d): f = cmpz((c) => c === LESS || c === EQUAL); break;
    case K(0, 1, 0x0e): f = cmpz((c) => c === LESS); break;
    case K(0, 0, 0x17): {
      // FCVTL/FCVTL2: single lanes (low or high half) to double
      if (!dbl || scalar) return undefined;
      return (cpu) => {
        const r = cpu.r, sf = cpu.sf, N = VBASE + 4 * rn, D = VBASE + 4 * d;
        fpBegin(cpu);
        const src = [r[N + 2 * q], r[N + 2 * q + 1]];
        const out = src.flatMap((s) => [f32_to_f64(sf, s), sf.hi]);
        for (let i = 0; i < 4; i++) r[D + i] = out[i];
        fpEnd(cpu);
      };
    }
    case K(0, 0, 0x16): {
      // FCVTN/FCVTN2: double lanes to single, into the low or high half
      if (!dbl || scalar) return undefined;
      return (cpu) => {
        const r = cpu.r, sf = cpu.sf, N = VBASE + 4 * rn, D = VBASE + 4 * d;
        const rm = fpBegin(cpu);
        const a0 = f64_to_f32(sf, r[N], r[N + 1], rm), a1 = f64_to_f32(sf, r[N + 2], r[N + 3], rm);
        if (q) { r[D + 2] = a0; r[D + 3] = a1; } else { r[D] = a0; r[D + 1] = a1; r[D + 2] = 0; r[D + 3] = 0; }
        fpEnd(cpu);
      };
    }
    default: return undefined;
  }
  const g = f;
  return (cpu) => {
    const r = cpu.r, sf = cpu.sf, N = VBASE + 4 * rn, D = VBASE + 4 * d;
    const mode = fpBegin(cpu);
    const out: number[] = [];
    for (let i = 0; i < nl; i++) {
      if (dbl) { const lo = g(sf, r[N + 2 * i], r[N + 2 * i + 1], mode); out.push(lo, sf.hi); }
      else out.push(g(sf, r[N + i], 0, mode));
    }
    for (let i = 0; i < 4; i++) r[D + i] = i < out.length ? out[i] : 0;
    fpEnd(cpu);
  };
}

/** SCVTF/UCVTF/FCVTZS/FCVTZU (vector or scalar, fixed point): shift-by-immediate opcodes 0x1c, 0x1f */
export function fpFixedVec(insn: number, scalar: boolean): Op | undefined {
  const q = (insn >>> 30) & 1, u = (insn >>> 29) & 1, immh = (insn >>> 19) & 15, immb = (insn >>> 16) & 7;
  const opc = (insn >>> 11) & 31, rn = (insn >>> 5) & 31, d = insn & 31;
  if (!(immh & 0xc)) return undefined;
  const dbl = (immh & 8) !== 0;
  if (dbl && !q && !scalar) return undefined;
  const fbits = (dbl ? 128 : 64) - ((immh << 3) | immb);
  const nl = scalar ? 1 : dbl ? 2 : q ? 4 : 2;
  const toInt = opc === 0x1f;
  if (!toInt && opc !== 0x1c) return undefined;
  const scale = 2 ** fbits;
  return (cpu) => {
    const r = cpu.r, sf = cpu.sf, N = VBASE + 4 * rn, D = VBASE + 4 * d;
    const rm = fpBegin(cpu);
    const out: number[] = [];
    for (let i = 0; i < nl; i++) {
      if (toInt) {
        const x = dbl ? (isNaN64(r[N + 2 * i], r[N + 2 * i + 1]) ? NaN : f64v(sf, r[N + 2 * i], r[N + 2 * i + 1]))
          : isNaN32(r[N + i]) ? NaN : f32v(sf, r[N + i]);
        const lo = numToInt(sf, x * scale, RTZ, dbl ? (u ? U64 : I64) : u ? U32 : I32);
        if (dbl) out.push(lo, sf.hi); else out.push(lo);
      } else if (dbl) {
        const lo = u ? u64_to_f64(sf, r[N + 2 * i], r[N + 2 * i + 1], rm) : i64_to_f64(sf, r[N + 2 * i], r[N + 2 * i + 1], rm);
        const v = numToF64(sf, f64v(sf, lo, sf.hi) / scale);
        out.push(v, sf.hi);
      } else {
        const v = u ? (r[N + i] >>> 0) : r[N + i];
        out.push(f64_to_f32(sf, numToF64(sf, v / scale), sf.hi, rm));
      }
    }
    for (let i = 0; i < 4; i++) r[D + i] = i < out.length ? out[i] : 0;
    fpEnd(cpu);
  };
}
