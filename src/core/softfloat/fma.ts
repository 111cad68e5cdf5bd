/**
 * Fused multiply-add a*b + c with a single rounding, binary32 and binary64.
 *
 * binary32, RNE: a*b is exact in a double; TwoSum gives p + c = s + err exactly; rounding s
 * to odd when err != 0 makes the final Math.fround correct (round-to-odd then round-to-nearest
 * is innocuous with 53 >= 24 + 2 bits).
 * binary64, RNE: Boldo & Melquiond's emulation: TwoProduct a*b = ph + pl, TwoSum ph + c =
 * sh + sl, v = round-to-odd(pl + sl), result = RN(sh + v); guarded to operands and results far
 * from overflow/underflow. Everything else uses the exact BigInt core.
 *
 * Callers build fmsub / fnmadd / fnmsub by flipping sign bits of the operands.
 */
import { NX, RNE, SoftFloat, f32ToNum, f64ToNum, numToF32, numToF64 } from './context.js';
import {
  F32, F64, Fmt, INF, QNAN, Unp, ZERO, invalid32, invalid64, nan32, nan64, packInf, packZero,
  roundPack, unpack32, unpack64, zeroSumSign,
} from './core.js';
import { addUnp } from './arith.js';
import { twoProdErr } from './eft.js';

const MIN_NORMAL32 = 1.1754943508222875e-38;
const LO = 2 ** -900;
const HI = 2 ** 900;

/** s with its last significand bit forced odd by moving toward s + err (err != 0, s != 0) */
function toOdd(ctx: SoftFloat, s: number, err: number): number {
  const i = ctx.i;
  ctx.d[0] = s;
  const lo = i[0];
  if ((lo & 1) !== 0) return s;
  if (s > 0 === err > 0) i[0] = lo + 1;
  else {
    if (lo === 0) i[1] = i[1] - 1;
    i[0] = lo - 1;
  }
  return ctx.d[0];
}

export function fmaUnp(ctx: SoftFloat, F: Fmt, a: Unp, b: Unp, c: Unp, rm: number): number {
  const ps = a.sign ^ b.sign;
  const invalid = () => (F === F32 ? invalid32(ctx) : invalid64(ctx));
  if (a.cls === INF || b.cls === INF) {
    if (a.cls === ZERO || b.cls === ZERO) return invalid();
    if (c.cls === INF && c.sign !== ps) return invalid();
    return packInf(ctx, F, ps);
  }
  if (c.cls === INF) return packInf(ctx, F, c.sign);
  if (a.cls === ZERO || b.cls === ZERO) {
    if (c.cls === ZERO) return packZero(ctx, F, ps === c.sign ? ps : zeroSumSign(rm));
    return roundPack(ctx, F, c.sign, c.m, c.e, rm);
  }
  return addUnp(ctx, F, { cls: 1, sign: ps, m: a.m * b.m, e: a.e + b.e }, c, rm);
}

/** NaN operand handling shared by both widths: true when some operand is a NaN */
function anyNaN(a: Unp, b: Unp, c: Unp): boolean {
  return a.cls >= QNAN || b.cls >= QNAN || c.cls >= QNAN;
}
const infTimesZero = (a: Unp, b: Unp) =>
  (a.cls === INF && b.cls === ZERO) || (a.cls === ZERO && b.cls === INF);

export function f32_mulAdd(ctx: SoftFloat, a: number, b: number, c: number, rm: number): number {
  if (rm === RNE) {
    const x = f32ToNum(ctx, a), y = f32ToNum(ctx, b), z = f32ToNum(ctx, c);
    const p = x * y;
    let s = p + z;
    if (s - s === 0) {
      const bb = s - p;
      const err = p - (s - bb) + (z - bb);
      if (err !== 0) s = toOdd(ctx, s, err);
      const r = Math.fround(s);
      if (r - r === 0) {
        const inexact = err !== 0 || r !== s;
        if (!inexact || Math.abs(s) >= MIN_NORMAL32) {
          if (inexact) ctx.flags |= NX;
          return numToF32(ctx, r);
        }
      }
    }
  }
  const A = unpack32(a), B = unpack32(b), C = unpack32(c);
  if (anyNaN(A, B, C)) {
    if (infTimesZero(A, B) && C.cls === QNAN) return invalid32(ctx);
    return nan32(ctx, a, b, c);
  }
  return fmaUnp(ctx, F32, A, B, C, rm);
}

/** RNE fused multiply-add on JS numbers; NaN = not handled (flags untouched) */
export function rneFma64(ctx: SoftFloat, x: number, y: number, z: number): number {
  const ax = Math.abs(x), ay = Math.abs(y), az = Math.abs(z);
  if (!(ax <= HI && ay <= HI && az <= HI)) return NaN; // inf, NaN, huge
  const p = x * y;
  if (x === 0 || y === 0) return z === 0 ? p + z : z; // exact
  const ap = Math.abs(p);
  if (!(ap >= LO && ap <= HI) || (z !== 0 && az < LO)) return NaN;
  const pl = twoProdErr(x, y, p);
  const sh = p + z;
  let bb = sh - p;
  const sl = p - (sh - bb) + (z - bb);
  const u = pl + sl;
  bb = u - pl;
  const e = pl - (u - bb) + (sl - bb);
  if (e === 0) {
    const r = sh + u;
    bb = r - sh;
    const err = sh - (r - bb) + (u - bb);
    const ar = Math.abs(r);
    if (ar >= LO) {
      if (err !== 0) ctx.flags |= NX;
      return r;
    }
    return r === 0 && err === 0 ? r : NaN;
  }
  const r = sh + toOdd(ctx, u, e);
  // inexact for sure when r and sh are within a factor of 2 (then r - sh would be exact,
  // so pl + sl = r - sh would be representable, contradicting e != 0)
  const ar = Math.abs(r), ash = Math.abs(sh);
  if (ar >= LO && r > 0 === sh > 0 && ash <= 2 * ar && ar <= 2 * ash) {
    ctx.flags |= NX;
    return r;
  }
  return NaN;
}

export function f64_mulAdd(
  ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, clo: number, chi: number, rm: number,
): number {
  if (rm === RNE) {
    const x = f64ToNum(ctx, alo, ahi), y = f64ToNum(ctx, blo, bhi), z = f64ToNum(ctx, clo, chi);
    const r = rneFma64(ctx, x, y, z);
    if (r === r) return numToF64(ctx, r);
  }
  const A = unpack64(alo, ahi), B = unpack64(blo, bhi), C = unpack64(clo, chi);
  if (anyNaN(A, B, C)) {
    if (infTimesZero(A, B) && C.cls === QNAN) return invalid64(ctx);
    return nan64(ctx, alo, ahi, blo, bhi, clo, chi);
  }
  return fmaUnp(ctx, F64, A, B, C, rm);
}
