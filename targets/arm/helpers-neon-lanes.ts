/**
 * Lane access and the arithmetic shared by the NEON helpers (helpers-neon*.ts).
 *
 * A vector is named by the D register it starts at: D<k> is cpu.r[D0_INDEX + 2k .. +1], and
 * a Q register (Q<k/2>) is D<k>, D<k+1>, four consecutive int32s, so element i of size `es`
 * bytes sits at byte i*es from D<k> whether the vector is a D or a Q register. Elements are
 * read as JS numbers (unsigned, or sign-extended) for es <= 4 and as bigints for es = 8.
 *
 * Floating-point lanes use the "standard FPSCR value" Advanced SIMD requires: round to
 * nearest, default NaN, flush-to-zero (denormal inputs and results become signed zeros);
 * the exceptions still accumulate in FPSCR like VFP's, and saturation sets FPSCR.QC.
 */
import {
  NAN_DEFAULT, INTNAN_ZERO, RNE, f32_add, f32_sub, f32_mul, f32ToNum, type SoftFloat,
} from '../../src/core/softfloat/index.js';
import { type ArmCpu, D0_INDEX, FPSCR } from './cpu.js';
/** the NEON helpers merge their flags into FPSCR the way VFP's do */
export { fpEnd } from './helpers-vfp.js';

export const QC = 1 << 27;
/** FPSCR.IDC (input denormal) and UFC */
const IDC = 1 << 7;
const UFC = 1 << 3;

/** unsigned element i (es bytes) of the vector at D register k */
export function getU(r: Int32Array, k: number, i: number, es: number): number {
  const byte = i * es;
  const w = r[D0_INDEX + 2 * k + (byte >> 2)];
  if (es === 4) return w >>> 0;
  const sh = (byte & 3) << 3;
  return es === 1 ? (w >>> sh) & 0xff : (w >>> sh) & 0xffff;
}
/** element i, sign-extended when `signed` */
export function get(r: Int32Array, k: number, i: number, es: number, signed: boolean): number {
  const v = getU(r, k, i, es);
  if (!signed) return v;
  return es === 4 ? v | 0 : es === 2 ? (v << 16) >> 16 : (v << 24) >> 24;
}
/** store the low es bytes of v (any integer-valued number: taken modulo 2^32) */
export function set(r: Int32Array, k: number, i: number, es: number, v: number): void {
  const byte = i * es;
  const idx = D0_INDEX + 2 * k + (byte >> 2);
  if (es === 4) { r[idx] = v; return; }
  const sh = (byte & 3) << 3;
  const mask = (es === 1 ? 0xff : 0xffff) << sh;
  r[idx] = (r[idx] & ~mask) | ((v << sh) & mask);
}
/** 64-bit element i of the vector at D register k (D<k+i>) */
export function get64(r: Int32Array, k: number, i: number, signed: boolean): bigint {
  const idx = D0_INDEX + 2 * (k + i);
  const v = (BigInt(r[idx + 1] >>> 0) << 32n) | BigInt(r[idx] >>> 0);
  return signed ? BigInt.asIntN(64, v) : v;
}
export function set64(r: Int32Array, k: number, i: number, v: bigint): void {
  const idx = D0_INDEX + 2 * (k + i);
  r[idx] = Number(BigInt.asIntN(32, v));
  r[idx + 1] = Number(BigInt.asIntN(32, v >> 32n));
}

/** all elements of a vector (read before any result is written: operands may overlap it) */
export function readVec(r: Int32Array, k: number, es: number, n: number, signed: boolean): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = get(r, k, i, es, signed);
  return out;
}

export const minOf = (bits: number, signed: boolean) => (signed ? -(2 ** (bits - 1)) : 0);
export const maxOf = (bits: number, signed: boolean) => (signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1);

/** saturate v to `bits` (signed or unsigned), setting FPSCR.QC when it clamps */
export function sat(cpu: ArmCpu, v: number, bits: number, signed: boolean): number {
  const lo = minOf(bits, signed), hi = maxOf(bits, signed);
  if (v < lo) { cpu.r[FPSCR] |= QC; return lo; }
  if (v > hi) { cpu.r[FPSCR] |= QC; return hi; }
  return v;
}
export function sat64(cpu: ArmCpu, v: bigint, signed: boolean): bigint {
  const lo = signed ? -(1n << 63n) : 0n, hi = signed ? (1n << 63n) - 1n : (1n << 64n) - 1n;
  if (v < lo) { cpu.r[FPSCR] |= QC; return lo; }
  if (v > hi) { cpu.r[FPSCR] |= QC; return hi; }
  return v;
}

/**
 * Integer shift by a signed amount (VSHL/VRSHL/VQSHL/VQRSHL by register, and the immediate
 * shifts): positive shifts left, negative right; `round` adds the rounding constant of a
 * right shift; `saturate` clamps the result to `bits` (FPSCR.QC on clamping).
 */
export function shiftNum(cpu: ArmCpu, a: number, s: number, bits: number, signed: boolean, round: boolean, saturate: boolean): number {
  if (s >= 0) {
    if (a === 0) return 0;
    const v = a * 2 ** Math.min(s, 2 * bits);
    if (saturate) return sat(cpu, v, bits, signed);
    return s >= bits ? 0 : v;
  }
  let n = -s;
  if (round) {
    n = Math.min(n, bits + 1);
    return Math.floor((a + 2 ** (n - 1)) / 2 ** n);
  }
  return Math.floor(a / 2 ** Math.min(n, bits + 1));
}
export function shiftBig(cpu: ArmCpu, a: bigint, s: number, signed: boolean, round: boolean, saturate: boolean): bigint {
  if (s >= 0) {
    if (a === 0n) return 0n;
    const v = a << BigInt(Math.min(s, 128));
    if (saturate) return sat64(cpu, v, signed);
    return BigInt.asUintN(64, v);
  }
  const n = BigInt(Math.min(-s, 65));
  if (round) return (a + (1n << (n - 1n))) >> n;
  return a >> n;
}

// ---- floating point with the standard FPSCR value ----

/** set up the cpu's softfloat context for Advanced SIMD (default NaN, zero for NaN -> int) */
export function fpStart(cpu: ArmCpu): SoftFloat {
  const sf = cpu.sf;
  sf.nanMode = NAN_DEFAULT;
  sf.intNaN = INTNAN_ZERO;
  sf.flags = 0;
  return sf;
}
/** flush a denormal input to a signed zero (FPSCR.IDC) */
export function ftzIn(cpu: ArmCpu, x: number): number {
  if ((x & 0x7f800000) === 0 && (x & 0x7fffff) !== 0) {
    cpu.r[FPSCR] |= IDC;
    return x & 0x80000000;
  }
  return x;
}
/**
 * flush a denormal result to a signed zero: FPSCR.UFC only, as qemu-arm does (the operation's
 * own Underflow/Inexact are dropped: `before` is sf.flags from before the operation)
 */
export function ftzOut(cpu: ArmCpu, x: number, sf?: SoftFloat, before = 0): number {
  if ((x & 0x7f800000) === 0 && (x & 0x7fffff) !== 0) {
    if (sf) sf.flags = before;
    cpu.r[FPSCR] |= UFC;
    return x & 0x80000000;
  }
  return x;
}

/**
 * Flush-to-zero happens when the result is tiny before rounding (a product or sum that rounds
 * up to the smallest normal is flushed too): `exact` is the unrounded result as a double
 * (exact for products and, near the tiny range, for sums of two binary32 values).
 */
function flushTiny(cpu: ArmCpu, sf: SoftFloat, before: number, v: number, exact: number): number {
  if (exact !== 0 && Math.abs(exact) < 2 ** -126) {
    sf.flags = before;
    cpu.r[FPSCR] |= UFC;
    return exact < 0 ? -0x80000000 : 0;
  }
  return ftzOut(cpu, v, sf, before);
}
export function fmulZ(cpu: ArmCpu, sf: SoftFloat, x: number, y: number): number {
  const f0 = sf.flags;
  return flushTiny(cpu, sf, f0, f32_mul(sf, x, y, RNE), f32ToNum(sf, x) * f32ToNum(sf, y));
}
export function faddZ(cpu: ArmCpu, sf: SoftFloat, x: number, y: number): number {
  const f0 = sf.flags;
  return flushTiny(cpu, sf, f0, f32_add(sf, x, y, RNE), f32ToNum(sf, x) + f32ToNum(sf, y));
}
export function fsubZ(cpu: ArmCpu, sf: SoftFloat, x: number, y: number): number {
  const f0 = sf.flags;
  return flushTiny(cpu, sf, f0, f32_sub(sf, x, y, RNE), f32ToNum(sf, x) - f32ToNum(sf, y));
}
