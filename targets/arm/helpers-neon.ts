/**
 * NEON helpers, part 1: three registers of the same length (integer and float), three
 * registers of different lengths (long, wide, narrow) and the by-scalar forms. Each helper
 * gets the condition (0: do nothing; T32 NEON in an IT block), a packed operation code made
 * by trans-neon.ts and D register numbers; it works on the register file (helpers-neon-lanes.ts).
 */
import {
  f32_add, f32_sub, f32_mul, f32_mulAdd, f32_compare, RNE, EQUAL, GREATER, UNORDERED, type SoftFloat,
} from '../../src/core/softfloat/index.js';
import type { Helper } from '../../src/core/isa.js';
import { type ArmCpu, D0_INDEX, FPSCR } from './cpu.js';
import {
  QC, get, get64, set, set64, readVec, sat, sat64, shiftNum, shiftBig, fpStart, fpEnd, ftzIn, ftzOut, fmulZ, faddZ, fsubZ,
} from './helpers-neon-lanes.js';
import { neonMiscHelpers } from './helpers-neon-misc.js';

const NEG = -0x80000000;
const isNaN32Bits = (x: number) => (x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0;
const TWO = 0x40000000, THREE_HALVES = 0x3fc00000, DEFAULT_NAN = 0x7fc00000;

/** polynomial (carry-less) multiply of two bytes, low 16 bits of the product */
function pmul8(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r ^= a << i;
  return r;
}

/** one integer lane of a 3-same operation (opc, b, u as encoded); a = Vn, b = Vm elements */
function intLane(cpu: ArmCpu, opc: number, bb: number, u: number, bits: number, x: number, y: number, acc: number): number {
  const signed = u === 0;
  switch (opc) {
    case 0: return bb ? sat(cpu, x + y, bits, signed) : Math.floor((x + y) / 2);
    case 1: return Math.floor((x + y + 1) / 2);
    case 2: return bb ? sat(cpu, x - y, bits, signed) : Math.floor((x - y) / 2);
    case 3: return (bb ? x >= y : x > y) ? -1 : 0;
    // shifts by register: the value is Vm (y), the amount the signed low byte of Vn (x)
    case 4: return shiftNum(cpu, y, (x << 24) >> 24, bits, signed, false, bb === 1);
    case 5: return shiftNum(cpu, y, (x << 24) >> 24, bits, signed, true, bb === 1);
    case 6: return bb ? Math.min(x, y) : Math.max(x, y);
    case 7: return bb ? acc + Math.abs(x - y) : Math.abs(x - y);
    case 8:
      if (!bb) return u ? x - y : x + y;
      return u ? (x === y ? -1 : 0) : (x & y) !== 0 ? -1 : 0;
    case 9:
      if (!bb) return u ? acc - Math.imul(x, y) : acc + Math.imul(x, y);
      return u ? pmul8(x, y) : Math.imul(x, y);
    case 11: {
      // VQDMULH / VQRDMULH
      const round = u === 1;
      if (bits === 16) return sat(cpu, Math.floor((2 * x * y + (round ? 0x8000 : 0)) / 65536), 16, true);
      const p = (2n * BigInt(x) * BigInt(y) + (round ? 1n << 31n : 0n)) >> 32n;
      return sat(cpu, Number(p), 32, true);
    }
    default: return 0;
  }
}

function same64(cpu: ArmCpu, opc: number, bb: number, u: number, q: number, d: number, n: number, m: number): void {
  const r = cpu.r;
  const signed = u === 0;
  for (let i = 0; i <= q; i++) {
    const x = get64(r, n, i, signed), y = get64(r, m, i, signed);
    let v: bigint;
    switch (opc) {
      case 0: v = sat64(cpu, x + y, signed); break; // VQADD (64-bit VHADD is undefined)
      case 2: v = sat64(cpu, x - y, signed); break;
      case 4: v = shiftBig(cpu, y, Number(BigInt.asIntN(8, x)), signed, false, bb === 1); break;
      case 5: v = shiftBig(cpu, y, Number(BigInt.asIntN(8, x)), signed, true, bb === 1); break;
      case 8: v = u ? x - y : x + y; break;
      default: return;
    }
    set64(r, d, i, v);
  }
}

/** float comparison result as a lane mask */
function fcmp(sf: SoftFloat, x: number, y: number, how: number): number {
  // how: 0 eq (quiet), 1 ge, 2 gt (signalling)
  const c = f32_compare(sf, x, y, how !== 0);
  if (c === UNORDERED) return 0;
  if (how === 0) return c === EQUAL ? -1 : 0;
  if (how === 1) return c === GREATER || c === EQUAL ? -1 : 0;
  return c === GREATER ? -1 : 0;
}
function fminmax(sf: SoftFloat, x: number, y: number, max: boolean): number {
  if (isNaN32Bits(x) || isNaN32Bits(y)) {
    return f32_add(sf, x, y, RNE); // the default NaN, with Invalid for a signalling NaN
  }
  const c = f32_compare(sf, x, y, false);
  if (c === EQUAL) return max ? x & y : x | y;
  return (c === GREATER) === max ? x : y;
}
/** VRECPS: 2 - x*y; VRSQRTS: (3 - x*y) / 2; infinity times zero gives exactly 2 / 1.5 */
function recipStep(cpu: ArmCpu, sf: SoftFloat, x: number, y: number, rsqrt: boolean): number {
  const inf = (v: number) => (v & 0x7fffffff) === 0x7f800000;
  const zero = (v: number) => (v & 0x7f800000) === 0; // zero or denormal, before flushing
  if ((inf(x) && zero(y)) || (zero(x) && inf(y))) return rsqrt ? THREE_HALVES : TWO;
  x = ftzIn(cpu, x);
  y = ftzIn(cpu, y);
  if (!rsqrt) return f32_sub(sf, TWO, f32_mul(sf, x, y, RNE), RNE);
  const t = f32_sub(sf, 0x40400000, f32_mul(sf, x, y, RNE), RNE);
  if (isNaN32Bits(t)) return DEFAULT_NAN;
  // halve: exact unless t is tiny (flushed below anyway) or infinite
  return (t & 0x7f800000) === 0x7f800000 || (t & 0x7fffffff) === 0 ? t : t - 0x00800000;
}

function floatLane(cpu: ArmCpu, sf: SoftFloat, opc: number, bb: number, u: number, hi: number, x: number, y: number, acc: number): number {
  switch (opc) {
    case 12: return hi ? f32_mulAdd(sf, x ^ NEG, y, acc, RNE) : f32_mulAdd(sf, x, y, acc, RNE);
    case 13:
      if (!bb) {
        if (!u) return hi ? fsubZ(cpu, sf, x, y) : faddZ(cpu, sf, x, y);
        return f32_sub(sf, x, y, RNE) & 0x7fffffff; // VABD
      }
      if (u) return fmulZ(cpu, sf, x, y);
      {
        const p = fmulZ(cpu, sf, x, y);
        return hi ? fsubZ(cpu, sf, acc, p) : faddZ(cpu, sf, acc, p);
      }
    case 14:
      if (!bb) return fcmp(sf, x, y, u ? (hi ? 2 : 1) : 0);
      return fcmp(sf, x & 0x7fffffff, y & 0x7fffffff, hi ? 2 : 1); // VACGE / VACGT
    default:
      if (!bb) return fminmax(sf, x, y, !hi);
      return recipStep(cpu, sf, x, y, hi === 1);
  }
}

function sameFloat(cpu: ArmCpu, opc: number, bb: number, u: number, hi: number, q: number, d: number, n: number, m: number): void {
  const r = cpu.r;
  const sf = fpStart(cpu);
  const cnt = q ? 4 : 2;
  // VRECPS/VRSQRTS flush their inputs themselves (after their infinity * zero check)
  const flush = opc === 15 && bb ? (v: number) => v : (v: number) => ftzIn(cpu, v);
  const X = readVec(r, n, 4, cnt, true).map(flush);
  const Y = readVec(r, m, 4, cnt, true).map(flush);
  // only VFMA/VFMS and VMLA/VMLS read the destination (flushing it may set FPSCR.IDC)
  const A = opc === 12 || (opc === 13 && bb && !u) ? readVec(r, d, 4, cnt, true).map(flush) : X;
  // pairwise: VPADD (opc 13, u, !hi) and VPMAX/VPMIN (opc 15, u)
  const pairwise = !bb && u === 1 && ((opc === 13 && !hi) || opc === 15);
  for (let i = 0; i < cnt; i++) {
    let v: number;
    const f0 = sf.flags;
    if (pairwise) {
      const src = i < cnt / 2 ? X : Y, j = 2 * (i % (cnt / 2));
      v = opc === 13 ? f32_add(sf, src[j], src[j + 1], RNE) : fminmax(sf, src[j], src[j + 1], !hi);
    } else v = floatLane(cpu, sf, opc, bb, u, hi, X[i], Y[i], A[i]);
    set(r, d, i, 4, opc === 14 ? v : ftzOut(cpu, v, sf, f0));
  }
  fpEnd(cpu, sf);
}

/**
 * VADD/VSUB/VCEQ/VTST on 8/16/32-bit lanes word by word (SIMD within a register), without
 * reading lanes one at a time: the hot instructions of glibc's NEON memchr and of most
 * vectorised integer loops. False when the operation is not one of these.
 */
function sameWords(r: Int32Array, opc: number, bb: number, u: number, size: number, q: number, d: number, n: number, m: number): boolean {
  if (opc !== 8) return false;
  const H = size === 0 ? 0x80808080 | 0 : size === 1 ? 0x80008000 | 0 : NEG;
  const L = ~H;
  const ones = size === 0 ? 0xff : size === 1 ? 0xffff : 0;
  const base = D0_INDEX;
  const words = q ? 4 : 2;
  for (let w = 0; w < words; w++) {
    const a = r[base + 2 * n + w], b = r[base + 2 * m + w];
    let v: number;
    if (!bb) v = u ? ((a | H) - (b & L)) ^ ((a ^ ~b) & H) : ((a & L) + (b & L)) ^ ((a ^ b) & H);
    else {
      const x = u ? a ^ b : a & b;
      if (size === 2) v = (u ? x === 0 : x !== 0) ? -1 : 0;
      else {
        const t = ((x & L) + L) | x; // top bit of each lane: lane != 0
        const hit = (u ? ~t : t) & H;
        v = ((hit >>> (8 * (1 << size) - 1)) * ones) | 0;
      }
    }
    r[base + 2 * d + w] = v;
  }
  return true;
}

/** VHADD..VQRDMULH, VADD.F32..VRSQRTS (code: opc | b << 4 | u << 5 | size << 6 | q << 8) */
function same(cpu: ArmCpu, code: number, d: number, n: number, m: number): void {
  const opc = code & 15, bb = (code >> 4) & 1, u = (code >> 5) & 1, size = (code >> 6) & 3, q = (code >> 8) & 1;
  if (opc >= 13 || (opc === 12 && bb)) { sameFloat(cpu, opc, bb, u, size >> 1, q, d, n, m); return; }
  if (size === 3) { same64(cpu, opc, bb, u, q, d, n, m); return; }
  const r = cpu.r;
  if (sameWords(r, opc, bb, u, size, q, d, n, m)) return;
  const es = 1 << size, bits = 8 * es, cnt = (q ? 16 : 8) / es;
  // VMUL.P8 is unsigned, VQDMULH/VQRDMULH (u = rounding) signed
  const signed = (u === 0 && !(opc === 9 && bb)) || (opc === 11 && !bb);
  const X = readVec(r, n, es, cnt, signed), Y = readVec(r, m, es, cnt, signed);
  if (opc === 10 || (opc === 11 && bb)) {
    // VPMAX / VPMIN / VPADD: the pairs of Vn, then the pairs of Vm
    const half = cnt / 2;
    for (let i = 0; i < cnt; i++) {
      const src = i < half ? X : Y, j = 2 * (i % half);
      const a = src[j], b = src[j + 1];
      set(r, d, i, es, opc === 11 ? a + b : bb ? Math.min(a, b) : Math.max(a, b));
    }
    return;
  }
  const A = opc === 7 || opc === 9 ? readVec(r, d, es, cnt, false) : X;
  for (let i = 0; i < cnt; i++) set(r, d, i, es, intLane(cpu, opc, bb, u, bits, X[i], Y[i], A[i]));
}

// ---- three registers of different lengths, and by-scalar ----

/**
 * VADDL..VMULL (code: opc | u << 4 | size << 5). Long results (2*es) are computed exactly
 * (as bigints when 64 bits wide); narrow results take the high half.
 */
function diff(cpu: ArmCpu, code: number, d: number, n: number, m: number): void {
  const opc = code & 15, u = (code >> 4) & 1, size = (code >> 5) & 3;
  const r = cpu.r;
  const es = 1 << size, bits = 8 * es, cnt = 8 / es;
  const signed = u === 0 && opc !== 14;
  if (opc === 4 || opc === 6) {
    // VADDHN / VRADDHN / VSUBHN / VRSUBHN: Q + Q -> D, high halves
    const W = 2 * es;
    const res: number[] = [];
    for (let i = 0; i < cnt; i++) {
      let v: bigint;
      const x = es === 4 ? get64(r, n, i, false) : BigInt(get(r, n, i, W, false));
      const y = es === 4 ? get64(r, m, i, false) : BigInt(get(r, m, i, W, false));
      v = opc === 4 ? x + y : x - y;
      if (u) v += 1n << BigInt(bits - 1);
      res.push(Number(BigInt.asUintN(bits, v >> BigInt(bits))));
    }
    for (let i = 0; i < cnt; i++) set(r, d, i, es, res[i]);
    return;
  }
  const wide = opc === 1 || opc === 3;
  const X: bigint[] = [], Y: bigint[] = [], A: bigint[] = [];
  for (let i = 0; i < cnt; i++) {
    X.push(wide ? (es === 4 ? get64(r, n, i, signed) : BigInt(get(r, n, i, 2 * es, signed))) : BigInt(get(r, n, i, es, signed)));
    Y.push(BigInt(get(r, m, i, es, signed)));
    A.push(es === 4 ? get64(r, d, i, true) : BigInt(get(r, d, i, 2 * es, true)));
  }
  for (let i = 0; i < cnt; i++) {
    const v = longLane(cpu, opc, bits, X[i], Y[i], A[i], signed);
    if (v === undefined) continue;
    if (es === 4) set64(r, d, i, v);
    else set(r, d, i, 2 * es, Number(BigInt.asIntN(32, v)));
  }
}

function pmul8Long(a: bigint, b: bigint): bigint {
  return BigInt(pmul8(Number(a), Number(b)));
}

/** one lane of a long operation; acc is the destination's wide element */
function longLane(cpu: ArmCpu, opc: number, bits: number, x: bigint, y: bigint, acc: bigint, signed: boolean): bigint | undefined {
  const W = 2 * bits;
  const satW = (v: bigint) => {
    const lo = -(1n << BigInt(W - 1)), hi = (1n << BigInt(W - 1)) - 1n;
    if (v < lo) { cpu.r[FPSCR] |= QC; return lo; }
    if (v > hi) { cpu.r[FPSCR] |= QC; return hi; }
    return v;
  };
  const abs = (v: bigint) => (v < 0n ? -v : v);
  switch (opc) {
    case 0: case 1: return x + y;
    case 2: case 3: return x - y;
    case 5: return acc + abs(x - y);
    case 7: return abs(x - y);
    case 8: return acc + x * y;
    case 10: return acc - x * y;
    case 12: return x * y;
    case 14: return bits === 8 ? pmul8Long(x, y) : undefined;
    // saturating doubling (signed only)
    case 9: return signed ? satW(BigInt.asIntN(W, acc) + satW(2n * x * y)) : undefined;
    case 11: return signed ? satW(BigInt.asIntN(W, acc) - satW(2n * x * y)) : undefined;
    case 13: return signed ? satW(2n * x * y) : undefined;
    default: return undefined;
  }
}

/**
 * By scalar (code: opc | q << 4 | size << 5 | f << 7 with the scalar register s and lane
 * index x packed as m = s | x << 5): VMLA/VMLS/VMUL (integer or float), the long forms
 * VMLAL/VMLSL/VMULL/VQDMLAL/VQDMLSL/VQDMULL and VQDMULH/VQRDMULH. u is bit 24, which for
 * the long forms is the signedness (they are D-only) and otherwise Q.
 */
function scalar(cpu: ArmCpu, code: number, d: number, n: number, m: number): void {
  const opc = code & 15, u = (code >> 4) & 1, size = (code >> 5) & 3;
  const r = cpu.r;
  const es = 1 << size;
  const sreg = m & 31, sidx = m >> 5;
  const long = opc === 2 || opc === 3 || opc === 6 || opc === 7 || opc === 10 || opc === 11;
  if (long) {
    const signed = u === 0;
    const s = BigInt(get(r, sreg, sidx, es, signed));
    const cnt = 8 / es;
    const X: bigint[] = [], A: bigint[] = [];
    for (let i = 0; i < cnt; i++) {
      X.push(BigInt(get(r, n, i, es, signed)));
      A.push(es === 4 ? get64(r, d, i, true) : BigInt(get(r, d, i, 2 * es, true)));
    }
    const map: Record<number, number> = { 2: 8, 3: 9, 6: 10, 7: 11, 10: 12, 11: 13 };
    for (let i = 0; i < cnt; i++) {
      const v = longLane(cpu, map[opc], 8 * es, X[i], s, A[i], signed);
      if (v === undefined) continue;
      if (es === 4) set64(r, d, i, v);
      else set(r, d, i, 2 * es, Number(BigInt.asIntN(32, v)));
    }
    return;
  }
  const cnt = (u ? 16 : 8) / es;
  const float = (opc & 1) === 1 && opc < 10;
  if (float) {
    const sf = fpStart(cpu);
    const s = ftzIn(cpu, get(r, sreg, sidx, 4, true));
    const X = readVec(r, n, 4, cnt, true), A = readVec(r, d, 4, cnt, true);
    for (let i = 0; i < cnt; i++) {
      const p = fmulZ(cpu, sf, ftzIn(cpu, X[i]), s);
      const v = opc === 1 ? faddZ(cpu, sf, ftzIn(cpu, A[i]), p) : opc === 5 ? fsubZ(cpu, sf, ftzIn(cpu, A[i]), p) : p;
      set(r, d, i, 4, v);
    }
    fpEnd(cpu, sf);
    return;
  }
  const signed = opc >= 12;
  const s = get(r, sreg, sidx, es, signed);
  const X = readVec(r, n, es, cnt, signed), A = readVec(r, d, es, cnt, false);
  for (let i = 0; i < cnt; i++) {
    let v: number;
    switch (opc) {
      case 0: v = A[i] + Math.imul(X[i], s); break;
      case 4: v = A[i] - Math.imul(X[i], s); break;
      case 8: v = Math.imul(X[i], s); break;
      default: v = intLane(cpu, 11, 0, opc === 13 ? 1 : 0, 8 * es, X[i], s, 0); break;
    }
    set(r, d, i, es, v);
  }
}

export const neonHelpers: Record<string, Helper> = {
  arm_neon_3same(cpu: ArmCpu, cond: number, code: number, d: number, n: number, m: number) {
    if (cond) same(cpu, code, d, n, m);
  },
  arm_neon_3diff(cpu: ArmCpu, cond: number, code: number, d: number, n: number, m: number) {
    if (cond) diff(cpu, code, d, n, m);
  },
  arm_neon_scalar(cpu: ArmCpu, cond: number, code: number, d: number, n: number, m: number) {
    if (cond) scalar(cpu, code, d, n, m);
  },
  ...neonMiscHelpers,
};
