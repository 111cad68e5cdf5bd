/**
 * Runtime pieces the generated code calls for 64-bit work that is too long to inline.
 * i64 values are (lo, hi) int32 pairs; a function returning an i64 returns lo and leaves hi
 * in `out.rhi` (the Cpu). Everything here is pure number arithmetic except the rare BigInt
 * fallbacks for division of huge operands.
 */

export interface HiOut {
  rhi: number;
}

const TWO32 = 4294967296;

/** High 32 bits of the unsigned 64-bit product of two uint32 values. */
export function mulhu32(a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const lo = a0 * b0;
  const m1 = a1 * b0;
  const m2 = a0 * b1;
  const t = (lo >>> 16) + (m1 & 0xffff) + (m2 & 0xffff);
  return (a1 * b1 + (m1 >>> 16) + (m2 >>> 16) + (t >>> 16)) | 0;
}

/** Low 64 bits of a 64x64 product: lo returned, hi in out.rhi. */
export function mul64(out: HiOut, al: number, ah: number, bl: number, bh: number): number {
  out.rhi = (Math.imul(al, bh) + Math.imul(ah, bl) + mulhu32(al, bl)) | 0;
  return Math.imul(al, bl);
}

/** High 64 bits of the unsigned 128-bit product. */
export function mulhu64(out: HiOut, al: number, ah: number, bl: number, bh: number): number {
  const p0h = mulhu32(al, bl) >>> 0;
  const p1l = Math.imul(ah, bl) >>> 0, p1h = mulhu32(ah, bl) >>> 0;
  const p2l = Math.imul(al, bh) >>> 0, p2h = mulhu32(al, bh) >>> 0;
  const p3l = Math.imul(ah, bh) >>> 0, p3h = mulhu32(ah, bh) >>> 0;
  const carry1 = Math.floor((p0h + p1l + p2l) / TWO32);
  const s = p3l + p1h + p2h + carry1;
  out.rhi = (p3h + Math.floor(s / TWO32)) | 0;
  return s | 0;
}

/** High 64 bits of the signed x signed product. */
export function mulhs64(out: HiOut, al: number, ah: number, bl: number, bh: number): number {
  let lo = mulhu64(out, al, ah, bl, bh);
  let hi = out.rhi;
  if (ah < 0) { const l = (lo - bl) | 0; hi = (hi - bh - ((lo >>> 0) < (bl >>> 0) ? 1 : 0)) | 0; lo = l; }
  if (bh < 0) { const l = (lo - al) | 0; hi = (hi - ah - ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0; lo = l; }
  out.rhi = hi;
  return lo;
}

/** High 64 bits of the signed (a) x unsigned (b) product. */
export function mulhsu64(out: HiOut, al: number, ah: number, bl: number, bh: number): number {
  let lo = mulhu64(out, al, ah, bl, bh);
  let hi = out.rhi;
  if (ah < 0) { const l = (lo - bl) | 0; hi = (hi - bh - ((lo >>> 0) < (bl >>> 0) ? 1 : 0)) | 0; lo = l; }
  out.rhi = hi;
  return lo;
}

/** High 32 bits of a signed 32x32 product. */
export function mulhs32(a: number, b: number): number {
  let hi = mulhu32(a, b);
  if (a < 0) hi = (hi - b) | 0;
  if (b < 0) hi = (hi - a) | 0;
  return hi;
}
export function mulhsu32(a: number, b: number): number {
  let hi = mulhu32(a, b);
  if (a < 0) hi = (hi - b) | 0;
  return hi;
}


/**
 * Unsigned 64-bit division without BigInt: lo of the quotient (or remainder) returned, hi in
 * out.rhi. A double estimate of the quotient, lowered so it can only be too small, is fixed
 * up exactly with 64-bit integer arithmetic on the pairs.
 */
function udiv64(out: HiOut, al: number, ah: number, bl: number, bh: number, rem: boolean): number {
  if (bh === 0) {
    // divisor below 2^32: long division by 32-, 16- and 16-bit digits. Each partial dividend
    // is below 2^48, so a quotient digit from one double division is exact or one too big
    // or small; the remainder check fixes it. (JS `%` on such numbers calls fmod: slow.)
    const b = bl >>> 0;
    const xh = ah >>> 0;
    let qh = Math.floor(xh / b);
    let r = xh - qh * b;
    if (r < 0) { qh--; r += b; } else if (r >= b) { qh++; r -= b; }
    const x1 = r * 65536 + (al >>> 16);
    let q1 = Math.floor(x1 / b);
    r = x1 - q1 * b;
    if (r < 0) { q1--; r += b; } else if (r >= b) { q1++; r -= b; }
    const x0 = r * 65536 + (al & 0xffff);
    let q0 = Math.floor(x0 / b);
    r = x0 - q0 * b;
    if (r < 0) { q0--; r += b; } else if (r >= b) { q0++; r -= b; }
    if (rem) { out.rhi = 0; return r | 0; }
    out.rhi = qh | 0;
    return (q1 * 65536 + q0) | 0;
  }
  const A = (ah >>> 0) * TWO32 + (al >>> 0);
  const B = (bh >>> 0) * TWO32 + (bl >>> 0);
  if (bh < 0) { // divisor >= 2^63: the quotient is 0 or 1
    const ge = (ah >>> 0) > (bh >>> 0) || (ah === bh && (al >>> 0) >= (bl >>> 0));
    if (!ge) { if (rem) { out.rhi = ah; return al; } out.rhi = 0; return 0; }
    if (rem) { out.rhi = (ah - bh - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0; return (al - bl) | 0; }
    out.rhi = 0; return 1;
  }
  // 2^32 <= divisor < 2^63, so the quotient is below 2^32 and a double estimate is within
  // one of it. Make sure q*B does not wrap, bring q*B down to at most A, then step up.
  let q = Math.floor(A / B);
  if (q > 0 && q * B >= 18446744073709551616) q--;
  let pl = Math.imul(q, bl);
  let ph = (Math.imul(q, bh) + mulhu32(q, bl)) | 0;
  if ((ph >>> 0) > (ah >>> 0) || (ph === ah && (pl >>> 0) > (al >>> 0))) { // q*B > A
    const nl = (pl - bl) | 0;
    ph = (ph - bh - ((pl >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
    pl = nl; q--;
  }
  let rl = (al - pl) | 0;
  let rh = (ah - ph - ((al >>> 0) < (pl >>> 0) ? 1 : 0)) | 0;
  while ((rh >>> 0) > (bh >>> 0) || (rh === bh && (rl >>> 0) >= (bl >>> 0))) { // r >= B
    const nl = (rl - bl) | 0;
    rh = (rh - bh - ((rl >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
    rl = nl; q++;
  }
  if (rem) { out.rhi = rh; return rl; }
  out.rhi = 0;
  return q | 0;
}


/**
 * 64-bit division and remainder. kind: 0 divs, 1 divu, 2 rems, 3 remu.
 * Division by zero gives 0 (div) or the dividend (rem); overflow wraps. Frontends implement
 * their ISA's exact rules around this.
 */
export function div64(out: HiOut, al: number, ah: number, bl: number, bh: number, kind: number): number {
  const isRem = kind >= 2;
  if (bl === 0 && bh === 0) {
    if (isRem) { out.rhi = ah; return al; }
    out.rhi = 0; return 0;
  }
  if (kind === 1 || kind === 3) return udiv64(out, al, ah, bl, bh, isRem);
  // signed: divide the magnitudes and fix the signs (C truncation)
  const an = ah < 0, bn = bh < 0;
  let xl = al, xh = ah, yl = bl, yh = bh;
  if (an) { xl = (-al) | 0; xh = (~ah + (xl === 0 ? 1 : 0)) | 0; }
  if (bn) { yl = (-bl) | 0; yh = (~bh + (yl === 0 ? 1 : 0)) | 0; }
  let lo = udiv64(out, xl, xh, yl, yh, isRem);
  let hi = out.rhi;
  if (isRem ? an : an !== bn) { lo = (-lo) | 0; hi = (~hi + (lo === 0 ? 1 : 0)) | 0; }
  out.rhi = hi;
  return lo;
}

/** 32-bit division with the same conventions (kind as div64). */
export function div32(a: number, b: number, kind: number): number {
  if (b === 0) return kind >= 2 ? a : 0;
  switch (kind) {
    case 0: return (a / b) | 0;
    case 1: return ((a >>> 0) / (b >>> 0)) | 0;
    case 2: return (a % b) | 0;
    default: return ((a >>> 0) % (b >>> 0)) | 0;
  }
}

/** 64-bit shifts by a dynamic amount (masked to 0..63). kind: 0 shl, 1 shr, 2 sar. */
export function shift64(out: HiOut, al: number, ah: number, s: number, kind: number): number {
  s &= 63;
  if (s === 0) { out.rhi = ah; return al; }
  if (kind === 0) {
    if (s < 32) { out.rhi = (ah << s) | (al >>> (32 - s)); return al << s; }
    out.rhi = al << (s - 32); return 0;
  }
  if (s < 32) {
    out.rhi = kind === 1 ? (ah >>> s) | 0 : ah >> s;
    return (al >>> s) | (ah << (32 - s));
  }
  out.rhi = kind === 1 ? 0 : ah >> 31;
  return kind === 1 ? (ah >>> (s - 32)) | 0 : ah >> (s - 32);
}

/** Number of set bits of an int32. */
export function popcnt32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** 64-bit rotate left by a dynamic amount (masked to 0..63). */
export function rotl64(out: HiOut, al: number, ah: number, s: number): number {
  s &= 63;
  if (s >= 32) { const t = al; al = ah; ah = t; s -= 32; }
  if (s === 0) { out.rhi = ah; return al; }
  out.rhi = (ah << s) | (al >>> (32 - s));
  return (al << s) | (ah >>> (32 - s));
}

export const runtime = { popcnt32, rotl64, mulhu32, mulhs32, mulhsu32, mul64, mulhu64, mulhs64, mulhsu64, div64, div32, shift64 };
export type Runtime = typeof runtime;
