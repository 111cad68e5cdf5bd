/**
 * Comparisons, min/max, classification and sign injection (binary32 bits; binary64 lo/hi).
 */
import { NV, SoftFloat, f32ToNum, f64ToNum } from './context.js';
import { isNaN32, isNaN64, isSNaN32, isSNaN64, nan32, nan64 } from './core.js';

/** comparison outcomes */
export const LESS = -1, EQUAL = 0, GREATER = 1, UNORDERED = 2;

/** Compare; NV for signalling NaNs, or for any NaN when `signaling`. */
export function f32_compare(ctx: SoftFloat, a: number, b: number, signaling: boolean): number {
  if (isNaN32(a) || isNaN32(b)) {
    if (signaling || isSNaN32(a) || isSNaN32(b)) ctx.flags |= NV;
    return UNORDERED;
  }
  const x = f32ToNum(ctx, a), y = f32ToNum(ctx, b);
  return x < y ? LESS : x > y ? GREATER : EQUAL;
}
export function f64_compare(ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, signaling: boolean): number {
  if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) {
    if (signaling || isSNaN64(alo, ahi) || isSNaN64(blo, bhi)) ctx.flags |= NV;
    return UNORDERED;
  }
  const x = f64ToNum(ctx, alo, ahi), y = f64ToNum(ctx, blo, bhi);
  return x < y ? LESS : x > y ? GREATER : EQUAL;
}

/** IEEE quiet equal / signalling less / signalling less-or-equal, as 0 or 1 */
export const f32_eq = (ctx: SoftFloat, a: number, b: number) => (f32_compare(ctx, a, b, false) === EQUAL ? 1 : 0);
export const f32_lt = (ctx: SoftFloat, a: number, b: number) => (f32_compare(ctx, a, b, true) === LESS ? 1 : 0);
export const f32_le = (ctx: SoftFloat, a: number, b: number) => {
  const c = f32_compare(ctx, a, b, true);
  return c === LESS || c === EQUAL ? 1 : 0;
};
export const f64_eq = (ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number) =>
  f64_compare(ctx, alo, ahi, blo, bhi, false) === EQUAL ? 1 : 0;
export const f64_lt = (ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number) =>
  f64_compare(ctx, alo, ahi, blo, bhi, true) === LESS ? 1 : 0;
export const f64_le = (ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number) => {
  const c = f64_compare(ctx, alo, ahi, blo, bhi, true);
  return c === LESS || c === EQUAL ? 1 : 0;
};

/**
 * min/max flavours. All order -0 below +0.
 *  MINMAX_NUMBER  IEEE 754-2019 minimumNumber/maximumNumber: a NaN operand is ignored
 *                 (NV if signalling); NaN only when both are NaN (RISC-V F/D v2.2).
 *  MINMAX_NUM2008 IEEE 754-2008 minNum/maxNum: a quiet NaN is ignored, a signalling NaN
 *                 gives NaN (and NV).
 *  MINMAX_PROPAGATE IEEE 754-2019 minimum/maximum: any NaN operand gives NaN.
 */
export const MINMAX_NUMBER = 0, MINMAX_NUM2008 = 1, MINMAX_PROPAGATE = 2;

function nanChoice(aNaN: boolean, bNaN: boolean, aS: boolean, bS: boolean, mode: number): number {
  // 0: result is a NaN; 1: result a; 2: result b
  if (mode === MINMAX_PROPAGATE || (aNaN && bNaN)) return 0;
  if (mode === MINMAX_NUM2008 && (aS || bS)) return 0;
  return aNaN ? 2 : 1;
}

export function f32_minmax(ctx: SoftFloat, a: number, b: number, max: boolean, mode: number): number {
  const aN = isNaN32(a), bN = isNaN32(b);
  if (aN || bN) {
    const ch = nanChoice(aN, bN, isSNaN32(a), isSNaN32(b), mode);
    if (ch === 0) return nan32(ctx, a, b);
    if (isSNaN32(a) || isSNaN32(b)) ctx.flags |= NV;
    return ch === 1 ? a : b;
  }
  const x = f32ToNum(ctx, a), y = f32ToNum(ctx, b);
  if (x === y) return max ? a & b : a | b; // only the sign bits can differ (±0)
  return x < y === max ? b : a;
}

export function f64_minmax(
  ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, max: boolean, mode: number,
): number {
  const aN = isNaN64(alo, ahi), bN = isNaN64(blo, bhi);
  if (aN || bN) {
    const ch = nanChoice(aN, bN, isSNaN64(alo, ahi), isSNaN64(blo, bhi), mode);
    if (ch === 0) return nan64(ctx, alo, ahi, blo, bhi);
    if (isSNaN64(alo, ahi) || isSNaN64(blo, bhi)) ctx.flags |= NV;
    return ch === 1 ? ((ctx.hi = ahi), alo) : ((ctx.hi = bhi), blo);
  }
  const x = f64ToNum(ctx, alo, ahi), y = f64ToNum(ctx, blo, bhi);
  if (x === y) return (ctx.hi = max ? ahi & bhi : ahi | bhi), alo;
  return x < y === max ? ((ctx.hi = bhi), blo) : ((ctx.hi = ahi), alo);
}

/**
 * Classification mask, bit layout of RISC-V fclass: 0 -inf, 1 -normal, 2 -subnormal, 3 -0,
 * 4 +0, 5 +subnormal, 6 +normal, 7 +inf, 8 signalling NaN, 9 quiet NaN.
 */
export function f32_classify(a: number): number {
  const neg = a >>> 31 === 1;
  const ex = (a >>> 23) & 0xff, fr = a & 0x7fffff;
  if (ex === 0xff) {
    if (fr === 0) return neg ? 1 : 1 << 7;
    return fr & 0x400000 ? 1 << 9 : 1 << 8;
  }
  if (ex === 0) return fr === 0 ? (neg ? 1 << 3 : 1 << 4) : neg ? 1 << 2 : 1 << 5;
  return neg ? 1 << 1 : 1 << 6;
}
export function f64_classify(lo: number, hi: number): number {
  const neg = hi >>> 31 === 1;
  const ex = (hi >>> 20) & 0x7ff, frz = (hi & 0xfffff) === 0 && lo === 0;
  if (ex === 0x7ff) {
    if (frz) return neg ? 1 : 1 << 7;
    return hi & 0x80000 ? 1 << 9 : 1 << 8;
  }
  if (ex === 0) return frz ? (neg ? 1 << 3 : 1 << 4) : neg ? 1 << 2 : 1 << 5;
  return neg ? 1 << 1 : 1 << 6;
}

/** sign injection (binary32 bits; for binary64 apply to the high words) */
export const sgnj32 = (a: number, b: number) => (a & 0x7fffffff) | (b & 0x80000000);
export const sgnjn32 = (a: number, b: number) => (a & 0x7fffffff) | (~b & 0x80000000);
export const sgnjx32 = (a: number, b: number) => a ^ (b & 0x80000000);

