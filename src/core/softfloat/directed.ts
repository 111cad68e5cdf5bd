/**
 * Fast paths for the directed rounding modes (RTZ, RDN, RUP) on results in the normal range:
 * compute the round-to-nearest result with native doubles plus the exact sign of its error
 * (TwoSum, TwoProduct, or a remainder), then step one ulp when round-to-nearest went the
 * wrong way. RMM ties, zero sums, and anything near overflow/underflow return NaN ("not
 * handled"), leaving them to the exact core.
 */
import { NX, RDN, RMM, RTZ, SoftFloat } from './context.js';
import { twoProdErr } from './eft.js';

const MIN64 = 2 ** -1020;
const MAX64 = 2 ** 1023;
const TINY = 2 ** -960;
const HUGE = 2 ** 995;
const MIN32 = 2 ** -125;
const MAX32 = 2 ** 127;

/** true when the result must be moved away from s in the direction of err */
function mustStep(s: number, err: number, rm: number): boolean {
  const down = rm === RDN || (rm === RTZ && s > 0); // want the value <= exact
  return down ? err < 0 : err > 0;
}

/** binary64 result s with error err (exact - s, only its sign matters) under rm */
function fix64(ctx: SoftFloat, s: number, err: number, rm: number): number {
  if (err === 0) return s;
  const a = Math.abs(s);
  if (rm === RMM || !(a >= MIN64 && a < MAX64)) return NaN;
  ctx.flags |= NX;
  if (!mustStep(s, err, rm)) return s;
  // one ulp toward err: magnitude up when err has the sign of s
  const i = ctx.i;
  ctx.d[0] = s;
  const up = s > 0 === err > 0;
  const lo = i[0];
  if (up) {
    if (lo === -1) i[1] = i[1] + 1;
    i[0] = lo + 1;
  } else {
    if (lo === 0) i[1] = i[1] - 1;
    i[0] = lo - 1;
  }
  return ctx.d[0];
}

export function dirAdd64(ctx: SoftFloat, x: number, y: number, rm: number): number {
  const s = x + y;
  if (s - s !== 0 || s === 0) return NaN;
  const bb = s - x;
  return fix64(ctx, s, x - (s - bb) + (y - bb), rm);
}

export function dirMul64(ctx: SoftFloat, x: number, y: number, rm: number): number {
  const p = x * y;
  const ap = Math.abs(p);
  if (!(ap >= TINY && ap <= HUGE) || Math.abs(x) > HUGE || Math.abs(y) > HUGE) return NaN;
  return fix64(ctx, p, twoProdErr(x, y, p), rm);
}

export function dirDiv64(ctx: SoftFloat, x: number, y: number, rm: number): number {
  const q = x / y;
  const aq = Math.abs(q), ax = Math.abs(x), ay = Math.abs(y);
  if (!(aq >= MIN64 && aq <= HUGE && ay <= HUGE && ax >= TINY && ax <= HUGE)) return NaN;
  const p = q * y;
  const rem = x - p - twoProdErr(q, y, p); // x - q*y, sign exact
  return fix64(ctx, q, y > 0 ? rem : -rem, rm);
}

export function dirSqrt64(ctx: SoftFloat, x: number, rm: number): number {
  if (!(x >= TINY && x <= HUGE)) return NaN;
  const q = Math.sqrt(x);
  const p = q * q;
  return fix64(ctx, q, x - p - twoProdErr(q, q, p), rm);
}

/** binary32 result r (a float held in a double) with error err under rm -> bits, or NaN */
export function fix32(ctx: SoftFloat, r: number, err: number, rm: number): number {
  const a = Math.abs(r);
  if (err !== 0) {
    if (rm === RMM || !(a >= MIN32 && a < MAX32)) return NaN;
    ctx.flags |= NX;
  }
  ctx.f[0] = r;
  const b = ctx.i[0];
  if (err === 0 || !mustStep(r, err, rm)) return b;
  return r > 0 === err > 0 ? b + 1 : b - 1;
}
