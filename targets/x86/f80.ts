/**
 * 80-bit extended precision (the x87 register format) on exact BigInt arithmetic: a value is
 * sign, biased exponent (15 bits) and a 64-bit significand with an explicit integer bit.
 * Results are rounded once, to the precision and rounding mode the x87 control word selects
 * (or to binary32/binary64 when stored), with denormals and overflow as IEEE 754 defines.
 */

export interface F80 { sign: number; exp: number; mant: bigint }

export const EXP_MAX = 0x7fff;
const BIAS = 16383;
const TOP = 1n << 63n;
export const QNAN_BIT = 1n << 62n;
/** the default NaN (x87 "real indefinite") */
export const INDEFINITE: F80 = { sign: 1, exp: EXP_MAX, mant: TOP | QNAN_BIT };

export const isNaN80 = (a: F80) => a.exp === EXP_MAX && (a.mant & ~TOP) !== 0n;
export const isInf80 = (a: F80) => a.exp === EXP_MAX && (a.mant & ~TOP) === 0n;
export const isZero80 = (a: F80) => a.exp === 0 && a.mant === 0n;
export const zero80 = (sign: number): F80 => ({ sign, exp: 0, mant: 0n });
export const inf80 = (sign: number): F80 => ({ sign, exp: EXP_MAX, mant: TOP });
export const quiet = (a: F80): F80 => ({ ...a, mant: a.mant | QNAN_BIT | TOP });

/** a binary format: precision (with the leading bit), exponent range */
interface Fmt { p: number; emin: number; emax: number }
const FMT80 = (p: number): Fmt => ({ p, emin: 1 - BIAS, emax: BIAS });
const FMT64: Fmt = { p: 53, emin: -1022, emax: 1023 };
const FMT32: Fmt = { p: 24, emin: -126, emax: 127 };

export const bitLen = (m: bigint) => m.toString(2).length;

/** rounding control: 0 nearest even, 1 down, 2 up, 3 toward zero */
interface Rounded { sign: number; m: bigint; e: number; inf?: boolean; zero?: boolean; inexact: boolean }

/** round sign * m * 2^e (m > 0) to the format: the significand m and the exponent of its lsb */
function round(sign: number, m: bigint, e: number, f: Fmt, rc: number): Rounded {
  if (m === 0n) return { sign, m: 0n, e: 0, zero: true, inexact: false };
  const L = bitLen(m);
  const lead = e + L - 1;
  const lsb = Math.max(lead - (f.p - 1), f.emin - (f.p - 1));
  let shift = lsb - e;
  let q = m, inexact = false;
  if (shift > 0) {
    const sh = BigInt(shift);
    q = m >> sh;
    const rem = m & ((1n << sh) - 1n);
    if (rem !== 0n) {
      inexact = true;
      const half = 1n << (sh - 1n);
      const up = rc === 0 ? rem > half || (rem === half && (q & 1n) === 1n) : rc === 1 ? sign === 1 : rc === 2 ? sign === 0 : false;
      if (up) q += 1n;
    }
  } else { q = m << BigInt(-shift); shift = 0; }
  let e2 = lsb;
  if (bitLen(q) > f.p) { q >>= 1n; e2 += 1; }
  if (q === 0n) return { sign, m: 0n, e: 0, zero: true, inexact };
  if (e2 + bitLen(q) - 1 > f.emax) {
    const toInf = rc === 0 || (rc === 1 && sign === 1) || (rc === 2 && sign === 0);
    if (toInf) return { sign, m: 0n, e: 0, inf: true, inexact: true };
    return { sign, m: (1n << BigInt(f.p)) - 1n, e: f.emax - (f.p - 1), inexact: true };
  }
  return { sign, m: q, e: e2, inexact };
}

/** sign, significand and lsb exponent of a finite nonzero value */
function parts(a: F80): { m: bigint; e: number } {
  return { m: a.mant, e: (a.exp === 0 ? 1 : a.exp) - BIAS - 63 };
}

function pack80(r: Rounded): F80 {
  if (r.zero) return zero80(r.sign);
  if (r.inf) return inf80(r.sign);
  const lead = r.e + bitLen(r.m) - 1;
  if (lead < 1 - BIAS) return { sign: r.sign, exp: 0, mant: r.m << BigInt(r.e - (1 - BIAS - 63)) };
  return { sign: r.sign, exp: lead + BIAS, mant: r.m << BigInt(63 - (bitLen(r.m) - 1)) };
}

/** precision control (x87 control word bits 8-9): 24, 53 or 64 bits */
export const precOf = (cw: number) => [24, 24, 53, 64][(cw >> 8) & 3];

export interface Ctx { rc: number; prec: number; flags: number }
/** x87 status flags: IE 1, DE 2, ZE 4, OE 8, UE 16, PE 32 */
export const IE = 1, ZE = 4, PE = 32;

function result(ctx: Ctx, sign: number, m: bigint, e: number): F80 {
  const r = round(sign, m, e, FMT80(ctx.prec), ctx.rc);
  if (r.inexact) ctx.flags |= PE;
  return pack80(r);
}

function nanResult(ctx: Ctx, a: F80, b?: F80): F80 {
  const snan = (x?: F80) => x !== undefined && isNaN80(x) && (x.mant & QNAN_BIT) === 0n;
  if (snan(a) || snan(b)) ctx.flags |= IE;
  if (isNaN80(a) && b && isNaN80(b)) return quiet(a.mant >= b.mant ? a : b);
  return quiet(isNaN80(a) ? a : b!);
}

export function add80(ctx: Ctx, a: F80, b: F80, negB = false): F80 {
  if (negB) b = { ...b, sign: b.sign ^ 1 };
  if (isNaN80(a) || isNaN80(b)) return nanResult(ctx, a, b);
  if (isInf80(a) || isInf80(b)) {
    if (isInf80(a) && isInf80(b) && a.sign !== b.sign) { ctx.flags |= IE; return INDEFINITE; }
    return isInf80(a) ? a : b;
  }
  if (isZero80(a) && isZero80(b)) return zero80(a.sign === b.sign ? a.sign : ctx.rc === 1 ? 1 : 0);
  if (isZero80(a)) return result(ctx, b.sign, parts(b).m, parts(b).e);
  if (isZero80(b)) return result(ctx, a.sign, parts(a).m, parts(a).e);
  const pa = parts(a), pb = parts(b);
  const e = Math.min(pa.e, pb.e);
  const ma = (a.sign ? -1n : 1n) * (pa.m << BigInt(pa.e - e));
  const mb = (b.sign ? -1n : 1n) * (pb.m << BigInt(pb.e - e));
  const s = ma + mb;
  if (s === 0n) return zero80(ctx.rc === 1 ? 1 : 0);
  return result(ctx, s < 0n ? 1 : 0, s < 0n ? -s : s, e);
}

export function mul80(ctx: Ctx, a: F80, b: F80): F80 {
  const sign = a.sign ^ b.sign;
  if (isNaN80(a) || isNaN80(b)) return nanResult(ctx, a, b);
  if (isInf80(a) || isInf80(b)) {
    if (isZero80(a) || isZero80(b)) { ctx.flags |= IE; return INDEFINITE; }
    return inf80(sign);
  }
  if (isZero80(a) || isZero80(b)) return zero80(sign);
  const pa = parts(a), pb = parts(b);
  return result(ctx, sign, pa.m * pb.m, pa.e + pb.e);
}

export function div80(ctx: Ctx, a: F80, b: F80): F80 {
  const sign = a.sign ^ b.sign;
  if (isNaN80(a) || isNaN80(b)) return nanResult(ctx, a, b);
  if (isInf80(a)) { if (isInf80(b)) { ctx.flags |= IE; return INDEFINITE; } return inf80(sign); }
  if (isInf80(b)) return zero80(sign);
  if (isZero80(b)) {
    if (isZero80(a)) { ctx.flags |= IE; return INDEFINITE; }
    ctx.flags |= ZE;
    return inf80(sign);
  }
  if (isZero80(a)) return zero80(sign);
  const pa = parts(a), pb = parts(b);
  const k = 140n;
  const n = pa.m << k;
  let q = n / pb.m;
  if (q * pb.m !== n) q = (q << 1n) | 1n; else q <<= 1n; // sticky bit
  return result(ctx, sign, q, pa.e - pb.e - Number(k) - 1);
}

export function sqrt80(ctx: Ctx, a: F80): F80 {
  if (isNaN80(a)) return nanResult(ctx, a);
  if (isZero80(a)) return a;
  if (a.sign) { ctx.flags |= IE; return INDEFINITE; }
  if (isInf80(a)) return a;
  let { m, e } = parts(a);
  if (e & 1) { m <<= 1n; e -= 1; }
  const k = 140n;
  const n = m << k;
  let r = isqrt(n);
  r = r * r === n ? r << 1n : (r << 1n) | 1n;
  return result(ctx, 0, r, (e - Number(k)) / 2 - 1);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) { if (x * x > n) { x -= 1n; continue; } if ((x + 1n) * (x + 1n) <= n) { x += 1n; continue; } return x; }
    x = y;
  }
}

/** round to an integer in the current rounding mode (frndint) */
export function rndint80(ctx: Ctx, a: F80): F80 {
  if (isNaN80(a)) return nanResult(ctx, a);
  if (isInf80(a) || isZero80(a)) return a;
  const { m, e } = parts(a);
  if (e >= 0) return a;
  const sh = BigInt(-e);
  let q = m >> sh;
  const rem = m & ((1n << sh) - 1n);
  if (rem !== 0n) {
    ctx.flags |= PE;
    const half = 1n << (sh - 1n);
    const up = ctx.rc === 0 ? rem > half || (rem === half && (q & 1n) === 1n) : ctx.rc === 1 ? a.sign === 1 : ctx.rc === 2 ? a.sign === 0 : false;
    if (up) q += 1n;
  }
  if (q === 0n) return zero80(a.sign);
  return result({ ...ctx, prec: 64 }, a.sign, q, 0);
}

/** a * 2^trunc(b) (fscale) */
export function scale80(ctx: Ctx, a: F80, b: F80): F80 {
  if (isNaN80(a) || isNaN80(b)) return nanResult(ctx, a, b);
  if (isZero80(a) || isInf80(a)) return a;
  const n = Math.trunc(toNumber(b));
  const { m, e } = parts(a);
  return result(ctx, a.sign, m, e + Math.max(-100000, Math.min(100000, n)));
}

/** the exact value as a JS number (for comparisons and integer conversions of small values) */
export function toNumber(a: F80): number {
  if (isNaN80(a)) return NaN;
  if (isInf80(a)) return a.sign ? -Infinity : Infinity;
  if (isZero80(a)) return a.sign ? -0 : 0;
  const { m, e } = parts(a);
  const r = round(a.sign, m, e, FMT64, 0);
  const v = r.inf ? Infinity : Number(r.m) * 2 ** r.e;
  return a.sign ? -v : v;
}

/** compare: -1 less, 0 equal, 1 greater, 2 unordered */
export function cmp80(a: F80, b: F80): number {
  if (isNaN80(a) || isNaN80(b)) return 2;
  // infinities first (a finite value's scaled significand can be any size)
  if (isInf80(a) || isInf80(b)) {
    const v = (x: F80) => (isInf80(x) ? (x.sign ? -2 : 2) : 0);
    const fa = isInf80(a) ? v(a) : isZero80(a) ? 0 : a.sign ? -1 : 1;
    const fb = isInf80(b) ? v(b) : isZero80(b) ? 0 : b.sign ? -1 : 1;
    if (isInf80(a) && isInf80(b)) return fa === fb ? 0 : fa < fb ? -1 : 1;
    return isInf80(a) ? (fa < 0 ? -1 : 1) : (fb < 0 ? 1 : -1);
  }
  const key = (x: F80): [number, bigint] => {
    if (isZero80(x)) return [0, 0n];
    const { m, e } = parts(x);
    return [x.sign ? -1 : 1, m << BigInt(e + 16500)];
  };
  const [sa, ma] = key(a), [sb, mb] = key(b);
  const va = sa < 0 ? -ma : ma, vb = sb < 0 ? -mb : mb;
  return va < vb ? -1 : va > vb ? 1 : 0;
}

// ---- conversions
export function fromF64(lo: number, hi: number): F80 {
  const sign = hi >>> 31;
  const be = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo >>> 0);
  if (be === 0x7ff) return { sign, exp: EXP_MAX, mant: TOP | (frac << 11n) };
  if (be === 0) {
    if (frac === 0n) return zero80(sign);
    return pack80({ sign, m: frac, e: -1074, inexact: false });
  }
  return { sign, exp: be - 1023 + BIAS, mant: TOP | (frac << 11n) };
}
export function fromF32(v: number): F80 {
  const sign = v >>> 31;
  const be = (v >>> 23) & 0xff;
  const frac = BigInt(v & 0x7fffff);
  if (be === 0xff) return { sign, exp: EXP_MAX, mant: TOP | (frac << 40n) };
  if (be === 0) return frac === 0n ? zero80(sign) : pack80({ sign, m: frac, e: -149, inexact: false });
  return { sign, exp: be - 127 + BIAS, mant: TOP | (frac << 40n) };
}
export function fromInt(v: bigint): F80 {
  if (v === 0n) return zero80(0);
  const sign = v < 0n ? 1 : 0;
  return pack80({ sign, m: sign ? -v : v, e: 0, inexact: false });
}

/** to binary64 bits (lo, hi) */
export function toF64(ctx: Ctx, a: F80): [number, number] {
  if (isNaN80(a)) {
    if ((a.mant & QNAN_BIT) === 0n) ctx.flags |= IE;
    const frac = (a.mant >> 11n) & ((1n << 52n) - 1n) | (1n << 51n);
    return [Number(frac & 0xffffffffn) | 0, (a.sign << 31) | 0x7ff00000 | Number(frac >> 32n)];
  }
  if (isInf80(a)) return [0, (a.sign << 31) | 0x7ff00000];
  if (isZero80(a)) return [0, a.sign << 31];
  const { m, e } = parts(a);
  const r = round(a.sign, m, e, FMT64, ctx.rc);
  if (r.inexact) ctx.flags |= PE;
  if (r.zero) return [0, a.sign << 31];
  if (r.inf) return [0, (a.sign << 31) | 0x7ff00000];
  const lead = r.e + bitLen(r.m) - 1;
  let bits: bigint;
  if (lead < -1022) bits = r.m << BigInt(r.e + 1074);
  else bits = (BigInt(lead + 1023) << 52n) | ((r.m << BigInt(53 - bitLen(r.m))) & ((1n << 52n) - 1n));
  return [Number(bits & 0xffffffffn) | 0, (a.sign << 31) | Number(bits >> 32n)];
}
export function toF32(ctx: Ctx, a: F80): number {
  if (isNaN80(a)) {
    if ((a.mant & QNAN_BIT) === 0n) ctx.flags |= IE;
    return (a.sign << 31) | 0x7fc00000 | Number((a.mant >> 40n) & 0x3fffffn);
  }
  if (isInf80(a)) return (a.sign << 31) | 0x7f800000;
  if (isZero80(a)) return a.sign << 31;
  const { m, e } = parts(a);
  const r = round(a.sign, m, e, FMT32, ctx.rc);
  if (r.inexact) ctx.flags |= PE;
  if (r.zero) return a.sign << 31;
  if (r.inf) return (a.sign << 31) | 0x7f800000;
  const lead = r.e + bitLen(r.m) - 1;
  const bits = lead < -126 ? Number(r.m << BigInt(r.e + 149)) : ((lead + 127) << 23) | Number((r.m << BigInt(24 - bitLen(r.m))) & 0x7fffffn);
  return (a.sign << 31) | bits;
}
/** to an integer of `bits` bits in the rounding mode (truncating with trunc); overflow: the integer indefinite */
export function toInt(ctx: Ctx, a: F80, bits: number, trunc: boolean): bigint {
  const indefinite = -(1n << BigInt(bits - 1));
  if (isNaN80(a) || isInf80(a)) { ctx.flags |= IE; return indefinite; }
  if (isZero80(a)) return 0n;
  const { m, e } = parts(a);
  let q: bigint;
  if (e >= 0) q = m << BigInt(e);
  else {
    const sh = BigInt(-e);
    q = m >> sh;
    const rem = m & ((1n << sh) - 1n);
    if (rem !== 0n) {
      ctx.flags |= PE;
      const rc = trunc ? 3 : ctx.rc;
      const half = 1n << (sh - 1n);
      const up = rc === 0 ? rem > half || (rem === half && (q & 1n) === 1n) : rc === 1 ? a.sign === 1 : rc === 2 ? a.sign === 0 : false;
      if (up) q += 1n;
    }
  }
  const v = a.sign ? -q : q;
  if (v < indefinite || v > -indefinite - 1n) { ctx.flags |= IE; return indefinite; }
  return v;
}

/** the 80-bit memory image: significand (64 bits) and sign+exponent (16 bits) */
export function fromBits(mant: bigint, se: number): F80 {
  return { sign: (se >> 15) & 1, exp: se & 0x7fff, mant: BigInt.asUintN(64, mant) };
}
