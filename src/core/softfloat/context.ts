/**
 * Shared definitions for the softfloat library: rounding modes, exception flags and the
 * per-CPU context object that carries accumulated flags, the high word of 64-bit results and
 * scratch buffers used to move between bit patterns and JS numbers.
 *
 * Values are raw IEEE-754 bit patterns: a binary32 is one int32; a binary64 is a (lo, hi) pair
 * of int32s. Functions returning a binary64 (or a 64-bit integer) return the low word and
 * leave the high word in `ctx.hi`.
 */

/** Rounding modes (numbered as in the RISC-V rm field). */
export const RNE = 0; // to nearest, ties to even
export const RTZ = 1; // toward zero
export const RDN = 2; // toward -infinity
export const RUP = 3; // toward +infinity
export const RMM = 4; // to nearest, ties away from zero

/** Exception flags (bit positions as in the RISC-V fflags CSR). */
export const NX = 1; // inexact
export const UF = 2; // underflow (tiny after rounding and inexact)
export const OF = 4; // overflow
export const DZ = 8; // divide by zero
export const NV = 16; // invalid operation

/** How NaN results are produced. */
export const NAN_DEFAULT = 0; // always the default NaN (RISC-V; ARM with FPSCR.DN)
export const NAN_PROPAGATE = 1; // first signalling NaN operand quieted, else first quiet NaN (ARM)

/** What a float -> integer conversion returns for NaN. */
export const INTNAN_MAX = 0; // largest integer (RISC-V)
export const INTNAN_ZERO = 1; // zero (ARM)
export const INTNAN_MIN = 2; // smallest integer, also for every out-of-range value (x86 "indefinite")

export class SoftFloat {
  /** accumulated exception flags (OR of NX/UF/OF/DZ/NV); callers clear it */
  flags = 0;
  /** high int32 of the last binary64 / 64-bit integer result */
  hi = 0;
  nanMode = NAN_DEFAULT;
  intNaN = INTNAN_MAX;
  /** default NaN patterns */
  defaultNaN32 = 0x7fc00000;
  defaultNaN64Hi = 0x7ff80000;
  defaultNaN64Lo = 0;
  /** scratch views over one 8-byte buffer (host little-endian, as the Cpu register file) */
  readonly d: Float64Array;
  readonly f: Float32Array;
  readonly i: Int32Array;
  constructor() {
    const buf = new ArrayBuffer(8);
    this.d = new Float64Array(buf);
    this.f = new Float32Array(buf);
    this.i = new Int32Array(buf);
  }
}

/** binary32 bits -> JS number (not meaningful for NaNs: their payload may change) */
export function f32ToNum(ctx: SoftFloat, x: number): number {
  ctx.i[0] = x;
  return ctx.f[0];
}
/** JS number that is exactly a binary32 value (not NaN) -> bits */
export function numToF32(ctx: SoftFloat, v: number): number {
  ctx.f[0] = v;
  return ctx.i[0];
}
/** binary64 bits -> JS number */
export function f64ToNum(ctx: SoftFloat, lo: number, hi: number): number {
  ctx.i[0] = lo;
  ctx.i[1] = hi;
  return ctx.d[0];
}
/** JS number (not NaN) -> binary64 bits: returns lo, ctx.hi = hi */
export function numToF64(ctx: SoftFloat, v: number): number {
  ctx.d[0] = v;
  ctx.hi = ctx.i[1];
  return ctx.i[0];
}
