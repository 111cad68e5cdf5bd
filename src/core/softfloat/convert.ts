/**
 * Conversions: binary32 <-> binary64, floating point <-> 32/64-bit signed/unsigned integers.
 *
 * Float -> integer rounds with the given mode, then saturates: out-of-range values give the
 * nearest representable integer and NV (NX is not raised then); NaN gives what ctx.intNaN
 * selects (RISC-V: the largest integer). 32-bit results are returned as an int32 bit pattern;
 * 64-bit ones as lo with ctx.hi.
 * Integer -> float takes a 32-bit integer as one number, a 64-bit one as a (lo, hi) pair.
 */
import { INTNAN_MIN, INTNAN_ZERO, NAN_DEFAULT, NV, NX, RDN, RNE, RTZ, RUP, SoftFloat,
  f32ToNum, f64ToNum, numToF32, numToF64 } from './context.js';
import { F32, F64, isNaN32, isNaN64, isSNaN32, isSNaN64, roundPack, unpack64 } from './core.js';

const MIN_NORMAL32 = 1.1754943508222875e-38;
const TWO32 = 4294967296;
const TWO52 = 4503599627370496;
const TWO63 = 9223372036854775808;

// ---------------------------------------------------------------- binary32 <-> binary64

/** binary32 -> binary64 (exact); returns lo, ctx.hi = hi */
export function f32_to_f64(ctx: SoftFloat, a: number): number {
  if (isNaN32(a)) {
    if (isSNaN32(a)) ctx.flags |= NV;
    if (ctx.nanMode === NAN_DEFAULT) {
      ctx.hi = ctx.defaultNaN64Hi;
      return ctx.defaultNaN64Lo;
    }
    ctx.hi = (a & 0x80000000) | 0x7ff80000 | ((a & 0x3fffff) >>> 3);
    return a << 29;
  }
  return numToF64(ctx, f32ToNum(ctx, a));
}

/** binary64 -> binary32 with rounding */
export function f64_to_f32(ctx: SoftFloat, lo: number, hi: number, rm: number): number {
  const x = f64ToNum(ctx, lo, hi);
  const r = Math.fround(x);
  if (r === x) return numToF32(ctx, r); // exact (also infinities and zeros)
  if (x !== x) {
    if (isSNaN64(lo, hi)) ctx.flags |= NV;
    if (ctx.nanMode === NAN_DEFAULT) return ctx.defaultNaN32;
    return (hi & 0x80000000) | 0x7fc00000 | ((hi & 0x7ffff) << 3) | (lo >>> 29);
  }
  if (rm === RNE && r - r === 0 && Math.abs(x) >= MIN_NORMAL32) {
    ctx.flags |= NX;
    return numToF32(ctx, r);
  }
  const u = unpack64(lo, hi);
  return roundPack(ctx, F32, u.sign, u.m, u.e, rm);
}

// ---------------------------------------------------------------- integer -> float

/** |v| * (-1)^sign for an integer magnitude given as a BigInt, rounded to F */
function fromBig(ctx: SoftFloat, single: boolean, sign: number, mag: bigint, rm: number): number {
  return roundPack(ctx, single ? F32 : F64, sign, mag, 0, rm);
}

/** integer-valued JS number |v| < 2^53 -> binary32 */
function numToF32Rounded(ctx: SoftFloat, v: number, rm: number): number {
  const r = Math.fround(v);
  if (r === v) return numToF32(ctx, r);
  if (rm === RNE) {
    ctx.flags |= NX;
    return numToF32(ctx, r);
  }
  return fromBig(ctx, true, v < 0 ? 1 : 0, BigInt(Math.abs(v)), rm);
}

export function i32_to_f32(ctx: SoftFloat, a: number, rm: number): number {
  return numToF32Rounded(ctx, a | 0, rm);
}
export function u32_to_f32(ctx: SoftFloat, a: number, rm: number): number {
  return numToF32Rounded(ctx, a >>> 0, rm);
}
export function i32_to_f64(ctx: SoftFloat, a: number): number {
  return numToF64(ctx, a | 0);
}
export function u32_to_f64(ctx: SoftFloat, a: number): number {
  return numToF64(ctx, a >>> 0);
}

function i64ToFloat(ctx: SoftFloat, single: boolean, lo: number, hi: number, signed: boolean, rm: number): number {
  const h = signed ? hi | 0 : hi >>> 0;
  const A = h * TWO32, B = lo >>> 0;
  if (h >= -2097152 && h < 2097152) {
    // exact as a double
    const v = A + B;
    return single ? numToF32Rounded(ctx, v, rm) : numToF64(ctx, v);
  }
  if (!single && rm === RNE) {
    const v = A + B; // one correctly rounded addition
    if (v - A !== B) ctx.flags |= NX;
    return numToF64(ctx, v);
  }
  let big = (BigInt(h) << 32n) | BigInt(B);
  const sign = big < 0n ? 1 : 0;
  if (sign) big = -big;
  return fromBig(ctx, single, sign, big, rm);
}

export const i64_to_f32 = (ctx: SoftFloat, lo: number, hi: number, rm: number) => i64ToFloat(ctx, true, lo, hi, true, rm);
export const u64_to_f32 = (ctx: SoftFloat, lo: number, hi: number, rm: number) => i64ToFloat(ctx, true, lo, hi, false, rm);
export const i64_to_f64 = (ctx: SoftFloat, lo: number, hi: number, rm: number) => i64ToFloat(ctx, false, lo, hi, true, rm);
export const u64_to_f64 = (ctx: SoftFloat, lo: number, hi: number, rm: number) => i64ToFloat(ctx, false, lo, hi, false, rm);

// ---------------------------------------------------------------- float -> integer

/** round a finite JS number to an integral value under rm (|x| >= 2^52 is already integral) */
export function roundToIntegral(x: number, rm: number): number {
  if (!(Math.abs(x) < TWO52)) return x;
  switch (rm) {
    case RNE: {
      const t = Math.abs(x) + TWO52 - TWO52;
      return x < 0 ? -t : t;
    }
    case RTZ: return Math.trunc(x);
    case RDN: return Math.floor(x);
    case RUP: return Math.ceil(x);
    default: {
      const t = Math.trunc(x);
      const f = x - t;
      return f >= 0.5 ? t + 1 : f <= -0.5 ? t - 1 : t;
    }
  }
}

/** integer kinds */
export const I32 = 0, U32 = 1, I64 = 2, U64 = 3;
const KMIN = [-2147483648, 0, -TWO63, 0];
const KMAX = [2147483647, 4294967295, TWO63, 2 * TWO63]; // I64/U64: exclusive bounds

function packInt(ctx: SoftFloat, t: number, kind: number): number {
  if (kind < I64) {
    const lo = t | 0;
    ctx.hi = lo >> 31;
    return lo;
  }
  const h = Math.floor(t / TWO32);
  ctx.hi = h | 0;
  return (t - h * TWO32) | 0;
}

function saturate(ctx: SoftFloat, neg: boolean, nan: boolean, kind: number): number {
  ctx.flags |= NV;
  const mode = ctx.intNaN;
  const useMin = mode === INTNAN_MIN ? true : nan ? false : neg;
  if (nan && mode === INTNAN_ZERO) return (ctx.hi = 0), 0;
  if (useMin) {
    if (kind === I32) return (ctx.hi = -1), -2147483648;
    if (kind === I64) return (ctx.hi = -2147483648), 0;
    return (ctx.hi = 0), 0;
  }
  if (kind === I32) return (ctx.hi = 0), 2147483647;
  if (kind === U32) return (ctx.hi = -1), -1;
  if (kind === I64) return (ctx.hi = 2147483647), -1;
  return (ctx.hi = -1), -1;
}

/**
 * A JS number (exact value of a binary32/binary64; NaN means a NaN operand) to an integer of
 * `kind`. Returns the low int32; ctx.hi holds the high word (the sign extension for 32-bit
 * kinds, for unsigned 32-bit results sign-extended from bit 31 as RISC-V keeps them).
 */
export function numToInt(ctx: SoftFloat, x: number, rm: number, kind: number): number {
  if (x !== x) return saturate(ctx, false, true, kind);
  const t = roundToIntegral(x, rm);
  const ok = kind < I64 ? t >= KMIN[kind] && t <= KMAX[kind] : t >= KMIN[kind] && t < KMAX[kind];
  if (!ok) return saturate(ctx, x < 0, false, kind);
  if (t !== x) ctx.flags |= NX;
  return packInt(ctx, t, kind);
}

export const f32_to_int = (ctx: SoftFloat, a: number, rm: number, kind: number) =>
  numToInt(ctx, isNaN32(a) ? NaN : f32ToNum(ctx, a), rm, kind);
export const f64_to_int = (ctx: SoftFloat, lo: number, hi: number, rm: number, kind: number) =>
  numToInt(ctx, isNaN64(lo, hi) ? NaN : f64ToNum(ctx, lo, hi), rm, kind);
