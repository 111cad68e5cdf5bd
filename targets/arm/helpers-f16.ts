/**
 * VCVTB / VCVTT between single and half precision (VFPv3 half-precision extension), as the
 * `vfp_f16` helper: IEEE half precision, or ARM's alternative format when FPSCR.AHP is set
 * (no infinities or NaNs, exponent 31 is a normal binade: NaN converts to zero and infinity
 * to the largest number, both Invalid; overflow saturates, Invalid). Rounding follows
 * FPSCR.RMode, tininess is detected before rounding; a half-precision input is never flushed,
 * a single-precision input is under FPSCR.FZ (IDC), as qemu does. NaNs: a signalling NaN is
 * quieted (Invalid), FPSCR.DN gives the default NaN.
 *
 * vfp_f16(cond, code, d, m): code bit 0 = to half (else from half), bit 1 = top half (VCVTT);
 * d and m are cpu.r indices of S registers.
 */
import type { Helper } from '../../src/core/isa.js';
import { type ArmCpu, FPSCR } from './cpu.js';

const IOC = 1, OFC = 4, UFC = 8, IXC = 16, IDC = 0x80;
const AHP = 1 << 26, DN = 1 << 25, FZ = 1 << 24;

/** round sign * m * 2^e (m a non-negative integer below 2^53) to half precision */
function roundHalf(fl: { f: number }, sign: number, m: number, e: number, rmode: number, ahp: boolean): number {
  const s = sign << 15;
  if (m === 0) return s;
  let top = 0;
  while (2 ** (top + 1) <= m) top++;
  const E = e + top; // exponent of the leading bit
  const tiny = E < -14;
  let q = Math.max(E, -14) - 10; // exponent of the last significand bit
  const sh = q - e;
  let r: number;
  let inexact = false;
  if (sh <= 0) r = m * 2 ** -sh;
  else {
    const unit = 2 ** sh;
    r = Math.floor(m / unit);
    const rem = m - r * unit;
    inexact = rem !== 0;
    const half = unit / 2;
    if (inexact) {
      if (rmode === 0) { if (rem > half || (rem === half && r % 2 === 1)) r++; }
      else if (rmode === 1) { if (!sign) r++; }
      else if (rmode === 2) { if (sign) r++; }
    }
  }
  if (r === 2048) { r = 1024; q++; }
  const bexp = r >= 1024 ? q + 10 + 15 : 0;
  if (ahp ? bexp > 31 : bexp >= 31) {
    if (ahp) { fl.f |= IOC; return s | 0x7fff; }
    fl.f |= OFC | IXC;
    const toInf = rmode === 0 || (rmode === 1 && !sign) || (rmode === 2 && sign);
    return s | (toInf ? 0x7c00 : 0x7bff);
  }
  if (inexact) fl.f |= IXC | (tiny ? UFC : 0);
  return s | (bexp << 10) | (r & 0x3ff);
}

function toHalf(fpscr: number, fl: { f: number }, x: number): number {
  const sign = x >>> 31, exp = (x >>> 23) & 0xff, frac = x & 0x7fffff;
  const ahp = (fpscr & AHP) !== 0;
  if (exp === 0xff) {
    if (frac === 0) {
      if (ahp) { fl.f |= IOC; return (sign << 15) | 0x7fff; }
      return (sign << 15) | 0x7c00;
    }
    if (!(frac & 0x400000) || ahp) fl.f |= IOC;
    if (ahp) return sign << 15;
    if (fpscr & DN) return 0x7e00;
    return (sign << 15) | 0x7e00 | (frac >>> 13);
  }
  if (exp === 0) {
    if (frac !== 0 && fpscr & FZ) { fl.f |= IDC; return sign << 15; }
    return roundHalf(fl, sign, frac, -149, (fpscr >>> 22) & 3, ahp);
  }
  return roundHalf(fl, sign, frac | 0x800000, exp - 150, (fpscr >>> 22) & 3, ahp);
}

function fromHalf(cpu: ArmCpu, fpscr: number, fl: { f: number }, h: number): number {
  const sign = (h >>> 15) & 1, exp = (h >>> 10) & 31, frac = h & 0x3ff;
  if (exp === 31 && !(fpscr & AHP)) {
    if (frac === 0) return (sign << 31) | 0x7f800000;
    if (!(frac & 0x200)) fl.f |= IOC;
    if (fpscr & DN) return 0x7fc00000;
    return (sign << 31) | 0x7fc00000 | (frac << 13);
  }
  const v = (exp === 0 ? frac * 2 ** -24 : (1024 + frac) * 2 ** (exp - 25)) * (sign ? -1 : 1);
  const sf = cpu.sf;
  sf.f[0] = sign && v === 0 ? -0 : v; // exact in single precision
  return sf.i[0];
}

export const f16Helpers: Record<string, Helper> = {
  arm_vfp_f16(cpu: ArmCpu, cond: number, code: number, d: number, m: number) {
    if (cond === 0) return;
    const r = cpu.r;
    const fpscr = r[FPSCR];
    const fl = { f: 0 };
    const top = (code & 2) !== 0;
    if (code & 1) {
      const h = toHalf(fpscr, fl, r[m]);
      r[d] = top ? (r[d] & 0xffff) | (h << 16) : (r[d] & ~0xffff) | h;
    } else {
      r[d] = fromHalf(cpu, fpscr, fl, top ? r[m] >>> 16 : r[m] & 0xffff);
    }
    r[FPSCR] |= fl.f;
  },
};
