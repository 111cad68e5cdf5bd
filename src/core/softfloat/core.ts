/**
 * The exact (BigInt) core of the softfloat library: unpacking bit patterns into
 * sign / integer significand / exponent, NaN results, and rounding an exact value
 * (-1)^sign * m * 2^e to a format under any rounding mode with IEEE flags
 * (tininess detected after rounding). The fast paths in the other files fall back to this
 * whenever native double arithmetic cannot give a provably exact answer.
 */
import { NAN_DEFAULT, NV, NX, OF, RDN, RMM, RNE, RTZ, RUP, SoftFloat, UF } from './context.js';

export interface Fmt {
  /** precision including the hidden bit */
  readonly p: number;
  readonly emin: number;
  readonly emax: number;
  readonly bias: number;
}
export const F32: Fmt = Object.freeze({ p: 24, emin: -126, emax: 127, bias: 127 });
export const F64: Fmt = Object.freeze({ p: 53, emin: -1022, emax: 1023, bias: 1023 });

/** operand classes */
export const ZERO = 0;
export const FIN = 1; // finite nonzero (normal or subnormal)
export const INF = 2;
export const QNAN = 3;
export const SNAN = 4;

/** An unpacked operand: value (-1)^sign * m * 2^e when cls is FIN. */
export interface Unp {
  cls: number;
  sign: number;
  m: bigint;
  e: number;
}

export function unpack32(x: number): Unp {
  const sign = x >>> 31;
  const ex = (x >>> 23) & 0xff;
  const fr = x & 0x7fffff;
  if (ex === 0xff) return { cls: fr === 0 ? INF : fr & 0x400000 ? QNAN : SNAN, sign, m: 0n, e: 0 };
  if (ex === 0) return fr === 0 ? { cls: ZERO, sign, m: 0n, e: 0 } : { cls: FIN, sign, m: BigInt(fr), e: -149 };
  return { cls: FIN, sign, m: BigInt(fr | 0x800000), e: ex - 150 };
}

export function unpack64(lo: number, hi: number): Unp {
  const sign = hi >>> 31;
  const ex = (hi >>> 20) & 0x7ff;
  const frHi = hi & 0xfffff;
  const fr = frHi * 4294967296 + (lo >>> 0);
  if (ex === 0x7ff) return { cls: fr === 0 ? INF : frHi & 0x80000 ? QNAN : SNAN, sign, m: 0n, e: 0 };
  if (ex === 0) return fr === 0 ? { cls: ZERO, sign, m: 0n, e: 0 } : { cls: FIN, sign, m: BigInt(fr), e: -1074 };
  return { cls: FIN, sign, m: BigInt(fr + 4503599627370496), e: ex - 1075 };
}

export const isNaN32 = (x: number) => (x & 0x7fffffff) > 0x7f800000;
export const isSNaN32 = (x: number) => (x & 0x7fc00000) === 0x7f800000 && (x & 0x3fffff) !== 0;
export const isNaN64 = (lo: number, hi: number) =>
  (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) !== 0 || lo !== 0);
export const isSNaN64 = (lo: number, hi: number) =>
  (hi & 0x7ff80000) === 0x7ff00000 && ((hi & 0x7ffff) !== 0 || lo !== 0);

/**
 * NaN result of an operation on binary32 operands a, b, c (any may be non-NaN; pass c = 0
 * when absent). Raises NV for a signalling NaN operand.
 */
export function nan32(ctx: SoftFloat, a: number, b: number, c = 0): number {
  const sa = isSNaN32(a), sb = isSNaN32(b), sc = isSNaN32(c);
  if (sa || sb || sc) ctx.flags |= NV;
  if (ctx.nanMode === NAN_DEFAULT) return ctx.defaultNaN32;
  if (sa) return a | 0x400000;
  if (sb) return b | 0x400000;
  if (sc) return c | 0x400000;
  if (isNaN32(a)) return a;
  if (isNaN32(b)) return b;
  if (isNaN32(c)) return c;
  return ctx.defaultNaN32;
}

/** The same for binary64 operands (lo/hi pairs); returns lo, ctx.hi = hi. */
export function nan64(
  ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, clo = 0, chi = 0,
): number {
  const sa = isSNaN64(alo, ahi), sb = isSNaN64(blo, bhi), sc = isSNaN64(clo, chi);
  if (sa || sb || sc) ctx.flags |= NV;
  if (ctx.nanMode !== NAN_DEFAULT) {
    if (sa || (!sb && !sc && isNaN64(alo, ahi))) return (ctx.hi = ahi | 0x80000), alo;
    if (sb || (!sc && !isNaN64(clo, chi) && isNaN64(blo, bhi))) return (ctx.hi = bhi | 0x80000), blo;
    if (sc || isNaN64(clo, chi)) return (ctx.hi = chi | 0x80000), clo;
  }
  ctx.hi = ctx.defaultNaN64Hi;
  return ctx.defaultNaN64Lo;
}

/** default NaN plus NV (invalid operation on non-NaN operands) */
export function invalid32(ctx: SoftFloat): number {
  ctx.flags |= NV;
  return ctx.defaultNaN32;
}
export function invalid64(ctx: SoftFloat): number {
  ctx.flags |= NV;
  ctx.hi = ctx.defaultNaN64Hi;
  return ctx.defaultNaN64Lo;
}

/** Pack sign / biased exponent / fraction field (fraction a Number below 2^(p-1)). */
export function pack(ctx: SoftFloat, F: Fmt, sign: number, bexp: number, frac: number): number {
  if (F.p === 24) return (sign << 31) | (bexp << 23) | frac;
  ctx.hi = (sign << 31) | (bexp << 20) | Math.floor(frac / 4294967296);
  return frac | 0;
}
export const packZero = (ctx: SoftFloat, F: Fmt, sign: number) => pack(ctx, F, sign, 0, 0);
export const packInf = (ctx: SoftFloat, F: Fmt, sign: number) => pack(ctx, F, sign, 2 * F.bias + 1, 0);

/** Overflow result for a rounding mode: infinity or the largest finite value. */
export function packOverflow(ctx: SoftFloat, F: Fmt, sign: number, rm: number): number {
  ctx.flags |= OF | NX;
  const toInf = rm === RNE || rm === RMM || (rm === RDN && sign === 1) || (rm === RUP && sign === 0);
  if (toInf) return packInf(ctx, F, sign);
  return pack(ctx, F, sign, 2 * F.bias, 2 ** (F.p - 1) - 1);
}

/** sign of an exact zero sum of opposite-signed values */
export const zeroSumSign = (rm: number) => (rm === RDN ? 1 : 0);

export function bitLen(m: bigint): number {
  // m > 0; the hex string length gives it within 4 bits
  const s = m.toString(16);
  const top = parseInt(s[0], 16);
  return (s.length - 1) * 4 + (32 - Math.clz32(top));
}

function roundsUp(rm: number, sign: number, M: bigint, rem: bigint, half: bigint): boolean {
  switch (rm) {
    case RNE: return rem > half || (rem === half && (M & 1n) === 1n);
    case RTZ: return false;
    case RDN: return sign === 1;
    case RUP: return sign === 0;
    default: return rem >= half; // RMM
  }
}

/**
 * Round the exact nonzero value (-1)^sign * m * 2^e into format F under rm, raising NX/UF/OF.
 * An inexact input may be represented with a sticky bit ORed into m's lowest bit as long as
 * m carries at least two bits below the final rounding position.
 * Returns the bits (binary32) or the low word with ctx.hi (binary64).
 */
export function roundPack(ctx: SoftFloat, F: Fmt, sign: number, m: bigint, e: number, rm: number): number {
  const p = F.p;
  const E = e + bitLen(m) - 1; // exponent of the leading bit
  if (E > F.emax + 1) return packOverflow(ctx, F, sign, rm);
  const qmin = F.emin - p + 1;
  let q = E - p + 1;
  if (q < qmin) q = qmin;
  const k = q - e;
  let M: bigint;
  let inexact = false;
  if (k <= 0) {
    M = m << BigInt(-k);
  } else {
    const K = BigInt(k);
    M = m >> K;
    const rem = m & ((1n << K) - 1n);
    if (rem !== 0n) {
      inexact = true;
      if (roundsUp(rm, sign, M, rem, 1n << (K - 1n))) M += 1n;
    }
  }
  if (inexact) {
    let flags = NX;
    if (E < F.emin) {
      let tiny = true;
      if (E === F.emin - 1 && k > 1) {
        // would rounding with an unbounded exponent range reach 2^emin?
        const K2 = BigInt(k - 1);
        let M2 = m >> K2;
        const rem2 = m & ((1n << K2) - 1n);
        if (rem2 !== 0n && roundsUp(rm, sign, M2, rem2, 1n << (K2 - 1n))) M2 += 1n;
        tiny = M2 < 1n << BigInt(p);
      }
      if (tiny) flags |= UF;
    }
    ctx.flags |= flags;
  }
  const hidden = 1n << BigInt(p - 1);
  if (M === hidden << 1n) {
    M = hidden;
    q++;
  }
  if (M < hidden) return pack(ctx, F, sign, 0, Number(M)); // subnormal or zero
  const bexp = q + p - 1 + F.bias;
  if (bexp > 2 * F.bias) return packOverflow(ctx, F, sign, rm);
  return pack(ctx, F, sign, bexp, Number(M - hidden));
}

/** integer square root (floor) of n >= 0 */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // start above the root, then Newton down
  let x = 1n << BigInt((bitLen(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
