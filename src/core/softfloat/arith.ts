/**
 * add, sub, mul, div, sqrt for binary32 and binary64.
 *
 * Fast path (RNE, finite operands and results away from the overflow/underflow edges): native
 * double arithmetic, which rounds correctly for binary64 and — rounded again with Math.fround —
 * for binary32 too (53 >= 2*24+2). Inexactness is detected exactly with error-free
 * transformations (TwoSum, Dekker's TwoProduct) or a back-multiplication. Everything else goes
 * through the exact BigInt core; directed.ts holds the directed-rounding fast paths.
 *
 * The `rne*64` functions work on JS numbers for callers that hold doubles (e.g. a register
 * file viewed as a Float64Array): they return the result and OR NX into ctx.flags, or return
 * NaN meaning "not handled, use the bit-level function" (flags untouched in that case).
 */
import { DZ, NX, RNE, SoftFloat, f32ToNum, f64ToNum, numToF32, numToF64 } from './context.js';
import { dirAdd64, dirDiv64, dirMul64, dirSqrt64, fix32 } from './directed.js';
import { twoProdErr } from './eft.js';

export { twoProdErr };
import {
  F32, F64, Fmt, INF, Unp, ZERO, bitLen, invalid32, invalid64, isNaN32, isNaN64, isqrt,
  nan32, nan64, packInf, packZero, roundPack, unpack32, unpack64, zeroSumSign,
} from './core.js';

const MIN_NORMAL32 = 1.1754943508222875e-38; // 2^-126
const TINY = 2 ** -960; // below this, TwoProduct error terms might not be representable
const HUGE = 2 ** 995; // above this, Veltkamp splitting might overflow

// ---------------------------------------------------------------- JS-number fast paths (RNE)

export function rneAdd64(ctx: SoftFloat, x: number, y: number): number {
  const s = x + y;
  if (s - s !== 0) return NaN;
  if (s - x !== y || s - y !== x) ctx.flags |= NX;
  return s;
}

export function rneMul64(ctx: SoftFloat, x: number, y: number): number {
  const p = x * y;
  if (p - p !== 0) return NaN;
  const ap = Math.abs(p);
  if (ap < TINY) return p === 0 && (x === 0 || y === 0) ? p : NaN;
  if (Math.abs(x) > HUGE || Math.abs(y) > HUGE) return NaN;
  if (twoProdErr(x, y, p) !== 0) ctx.flags |= NX;
  return p;
}

export function rneDiv64(ctx: SoftFloat, x: number, y: number): number {
  const q = x / y;
  if (q - q !== 0) return NaN;
  if (x === 0) return y === 0 ? NaN : q;
  const aq = Math.abs(q), ay = Math.abs(y), ax = Math.abs(x);
  if (aq < 2.2250738585072014e-308 || aq > HUGE || ay > HUGE || ax < TINY) return NaN;
  const p = q * y;
  if (p !== x || twoProdErr(q, y, p) !== 0) ctx.flags |= NX;
  return q;
}

export function rneSqrt64(ctx: SoftFloat, x: number): number {
  if (x === 0) return x;
  if (!(x >= TINY && x <= HUGE)) return NaN;
  const q = Math.sqrt(x);
  const p = q * q;
  if (p !== x || twoProdErr(q, q, p) !== 0) ctx.flags |= NX;
  return q;
}

// ---------------------------------------------------------------- exact slow paths

const invalid = (ctx: SoftFloat, F: Fmt) => (F === F32 ? invalid32(ctx) : invalid64(ctx));

/** a + b for non-NaN unpacked operands */
export function addUnp(ctx: SoftFloat, F: Fmt, a: Unp, b: Unp, rm: number): number {
  if (a.cls === INF) {
    if (b.cls === INF && a.sign !== b.sign) return invalid(ctx, F);
    return packInf(ctx, F, a.sign);
  }
  if (b.cls === INF) return packInf(ctx, F, b.sign);
  if (a.cls === ZERO) {
    if (b.cls === ZERO) return packZero(ctx, F, a.sign === b.sign ? a.sign : zeroSumSign(rm));
    return roundPack(ctx, F, b.sign, b.m, b.e, rm);
  }
  if (b.cls === ZERO) return roundPack(ctx, F, a.sign, a.m, a.e, rm);
  const e = Math.min(a.e, b.e);
  const ma = a.m << BigInt(a.e - e), mb = b.m << BigInt(b.e - e);
  const s = (a.sign ? -ma : ma) + (b.sign ? -mb : mb);
  if (s === 0n) return packZero(ctx, F, zeroSumSign(rm));
  return s < 0n ? roundPack(ctx, F, 1, -s, e, rm) : roundPack(ctx, F, 0, s, e, rm);
}

export function mulUnp(ctx: SoftFloat, F: Fmt, a: Unp, b: Unp, rm: number): number {
  const sign = a.sign ^ b.sign;
  if (a.cls === INF || b.cls === INF) {
    if (a.cls === ZERO || b.cls === ZERO) return invalid(ctx, F);
    return packInf(ctx, F, sign);
  }
  if (a.cls === ZERO || b.cls === ZERO) return packZero(ctx, F, sign);
  return roundPack(ctx, F, sign, a.m * b.m, a.e + b.e, rm);
}

export function divUnp(ctx: SoftFloat, F: Fmt, a: Unp, b: Unp, rm: number): number {
  const sign = a.sign ^ b.sign;
  if (a.cls === INF) return b.cls === INF ? invalid(ctx, F) : packInf(ctx, F, sign);
  if (b.cls === INF) return packZero(ctx, F, sign);
  if (b.cls === ZERO) {
    if (a.cls === ZERO) return invalid(ctx, F);
    ctx.flags |= DZ;
    return packInf(ctx, F, sign);
  }
  if (a.cls === ZERO) return packZero(ctx, F, sign);
  const K = F.p + 3 + bitLen(b.m);
  const n = a.m << BigInt(K);
  let q = n / b.m;
  if (q * b.m !== n) q |= 1n;
  return roundPack(ctx, F, sign, q, a.e - b.e - K, rm);
}

/** sqrt for a non-NaN operand */
export function sqrtUnp(ctx: SoftFloat, F: Fmt, a: Unp, rm: number): number {
  if (a.cls === ZERO) return packZero(ctx, F, a.sign);
  if (a.sign) return invalid(ctx, F);
  if (a.cls === INF) return packInf(ctx, F, 0);
  let m = a.m, e = a.e;
  if (e & 1) {
    m <<= 1n;
    e -= 1;
  }
  const K = F.p + 3;
  const n = m << BigInt(2 * K);
  let r = isqrt(n);
  if (r * r !== n) r |= 1n;
  return roundPack(ctx, F, 0, r, e / 2 - K, rm);
}

// ---------------------------------------------------------------- binary32

export function f32_add(ctx: SoftFloat, a: number, b: number, rm: number): number {
  if (rm === RNE) {
    const x = f32ToNum(ctx, a), y = f32ToNum(ctx, b);
    const s = x + y, r = Math.fround(s);
    if (r - r === 0) {
      if (r !== s || s - x !== y || s - y !== x) ctx.flags |= NX;
      return numToF32(ctx, r);
    }
  } else {
    const x = f32ToNum(ctx, a), y = f32ToNum(ctx, b);
    const s = x + y, r = Math.fround(s);
    if (r - r === 0 && s !== 0 && s - x === y && s - y === x) {
      const v = fix32(ctx, r, s - r, rm);
      if (v === v) return v;
    }
  }
  if (isNaN32(a) || isNaN32(b)) return nan32(ctx, a, b);
  return addUnp(ctx, F32, unpack32(a), unpack32(b), rm);
}

export function f32_sub(ctx: SoftFloat, a: number, b: number, rm: number): number {
  if (isNaN32(a) || isNaN32(b)) return nan32(ctx, a, b);
  return f32_add(ctx, a, b ^ 0x80000000, rm);
}

export function f32_mul(ctx: SoftFloat, a: number, b: number, rm: number): number {
  if (rm === RNE) {
    const x = f32ToNum(ctx, a), y = f32ToNum(ctx, b);
    const p = x * y, r = Math.fround(p);
    if (r - r === 0 && (r === p || Math.abs(p) >= MIN_NORMAL32)) {
      if (r !== p) ctx.flags |= NX;
      return numToF32(ctx, r);
    }
  } else {
    const p = f32ToNum(ctx, a) * f32ToNum(ctx, b), r = Math.fround(p);
    if (r - r === 0) {
      const v = fix32(ctx, r, p - r, rm);
      if (v === v) return v;
    }
  }
  if (isNaN32(a) || isNaN32(b)) return nan32(ctx, a, b);
  return mulUnp(ctx, F32, unpack32(a), unpack32(b), rm);
}

export function f32_div(ctx: SoftFloat, a: number, b: number, rm: number): number {
  if (rm === RNE) {
    const x = f32ToNum(ctx, a), y = f32ToNum(ctx, b);
    const q = x / y, r = Math.fround(q);
    if (r - r === 0 && y !== 0 && y - y === 0) {
      const exact = r === q && q * y === x;
      if (exact || Math.abs(q) >= MIN_NORMAL32) {
        if (!exact) ctx.flags |= NX;
        return numToF32(ctx, r);
      }
    }
  } else {
    const x = f32ToNum(ctx, a), y = f32ToNum(ctx, b);
    const q = x / y, r = Math.fround(q);
    if (r - r === 0 && y !== 0 && y - y === 0) {
      const v = fix32(ctx, r, r !== q ? q - r : y > 0 ? x - q * y : q * y - x, rm);
      if (v === v) return v;
    }
  }
  if (isNaN32(a) || isNaN32(b)) return nan32(ctx, a, b);
  return divUnp(ctx, F32, unpack32(a), unpack32(b), rm);
}

export function f32_sqrt(ctx: SoftFloat, a: number, rm: number): number {
  if (rm === RNE) {
    const x = f32ToNum(ctx, a);
    if (x > 0 && x - x === 0) {
      const q = Math.sqrt(x), r = Math.fround(q);
      if (r !== q || r * r !== x) ctx.flags |= NX;
      return numToF32(ctx, r);
    }
  } else {
    const x = f32ToNum(ctx, a);
    if (x > 0 && x - x === 0) {
      const q = Math.sqrt(x), r = Math.fround(q);
      const v = fix32(ctx, r, r !== q ? q - r : x - q * q, rm);
      if (v === v) return v;
    }
  }
  if (isNaN32(a)) return nan32(ctx, a, a);
  return sqrtUnp(ctx, F32, unpack32(a), rm);
}

// ---------------------------------------------------------------- binary64 (lo, hi pairs)

export function f64_add(ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, rm: number): number {
  if (rm === RNE) {
    const r = rneAdd64(ctx, f64ToNum(ctx, alo, ahi), f64ToNum(ctx, blo, bhi));
    if (r === r) return numToF64(ctx, r);
  } else {
    const r = dirAdd64(ctx, f64ToNum(ctx, alo, ahi), f64ToNum(ctx, blo, bhi), rm);
    if (r === r) return numToF64(ctx, r);
  }
  if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) return nan64(ctx, alo, ahi, blo, bhi);
  return addUnp(ctx, F64, unpack64(alo, ahi), unpack64(blo, bhi), rm);
}

export function f64_sub(ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, rm: number): number {
  if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) return nan64(ctx, alo, ahi, blo, bhi);
  return f64_add(ctx, alo, ahi, blo, bhi ^ 0x80000000, rm);
}

export function f64_mul(ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, rm: number): number {
  if (rm === RNE) {
    const r = rneMul64(ctx, f64ToNum(ctx, alo, ahi), f64ToNum(ctx, blo, bhi));
    if (r === r) return numToF64(ctx, r);
  } else {
    const r = dirMul64(ctx, f64ToNum(ctx, alo, ahi), f64ToNum(ctx, blo, bhi), rm);
    if (r === r) return numToF64(ctx, r);
  }
  if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) return nan64(ctx, alo, ahi, blo, bhi);
  return mulUnp(ctx, F64, unpack64(alo, ahi), unpack64(blo, bhi), rm);
}

export function f64_div(ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, rm: number): number {
  if (rm === RNE) {
    const r = rneDiv64(ctx, f64ToNum(ctx, alo, ahi), f64ToNum(ctx, blo, bhi));
    if (r === r) return numToF64(ctx, r);
  } else {
    const r = dirDiv64(ctx, f64ToNum(ctx, alo, ahi), f64ToNum(ctx, blo, bhi), rm);
    if (r === r) return numToF64(ctx, r);
  }
  if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) return nan64(ctx, alo, ahi, blo, bhi);
  return divUnp(ctx, F64, unpack64(alo, ahi), unpack64(blo, bhi), rm);
}

export function f64_sqrt(ctx: SoftFloat, alo: number, ahi: number, rm: number): number {
  if (rm === RNE) {
    const r = rneSqrt64(ctx, f64ToNum(ctx, alo, ahi));
    if (r === r) return numToF64(ctx, r);
  } else {
    const r = dirSqrt64(ctx, f64ToNum(ctx, alo, ahi), rm);
    if (r === r) return numToF64(ctx, r);
  }
  if (isNaN64(alo, ahi)) return nan64(ctx, alo, ahi, alo, ahi);
  return sqrtUnp(ctx, F64, unpack64(alo, ahi), rm);
}
