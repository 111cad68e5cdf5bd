/** Unit tests of src/core/softfloat against hand-computed IEEE-754 results. */
import { describe, expect, it } from 'vitest';
import {
  DZ, F32, F64, I32, I64, INTNAN_ZERO, MINMAX_NUM2008, MINMAX_NUMBER, MINMAX_PROPAGATE,
  NAN_PROPAGATE, NV, NX, OF, RDN, RMM, RNE, RTZ, RUP, SoftFloat, U32, U64, UF,
  f32_add, f32_classify, f32_div, f32_eq, f32_le, f32_lt, f32_minmax, f32_mul, f32_mulAdd,
  f32_sqrt, f32_sub, f32_to_f64, f32_to_int, f64_add, f64_classify, f64_div, f64_mul, f64_mulAdd,
  f64_sqrt, f64_to_f32, f64_to_int, i32_to_f32, i64_to_f64, roundPack, u64_to_f32,
} from '../../src/core/softfloat/index.js';

const ALL = [RNE, RTZ, RDN, RUP, RMM];

/** run f with a fresh context; returns [bits (hex), flags] */
function r32(f: (c: SoftFloat) => number): [string, number] {
  const c = new SoftFloat();
  const v = f(c);
  return [(v >>> 0).toString(16).padStart(8, '0'), c.flags];
}
function r64(f: (c: SoftFloat) => number): [string, number] {
  const c = new SoftFloat();
  const lo = f(c);
  return [(c.hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0'), c.flags];
}
const d = (h: string): [number, number] => [parseInt(h.slice(8), 16) | 0, parseInt(h.slice(0, 8), 16) | 0];

describe('binary32 rounding modes', () => {
  it('1 + 2^-24 (an exact tie)', () => {
    const want = ['3f800000', '3f800000', '3f800000', '3f800001', '3f800001'];
    ALL.forEach((rm, i) => expect(r32((c) => f32_add(c, 0x3f800000, 0x33800000, rm))).toEqual([want[i], NX]));
  });
  it('-1 - 2^-24', () => {
    const want = ['bf800000', 'bf800000', 'bf800001', 'bf800000', 'bf800001'];
    ALL.forEach((rm, i) => expect(r32((c) => f32_sub(c, 0xbf800000, 0x33800000, rm))).toEqual([want[i], NX]));
  });
  it('1 + 3*2^-25 (above the tie)', () => {
    const want = ['3f800001', '3f800000', '3f800000', '3f800001', '3f800001'];
    ALL.forEach((rm, i) => expect(r32((c) => f32_add(c, 0x3f800000, 0x33c00000, rm))).toEqual([want[i], NX]));
  });
  it('1/3', () => {
    const want = ['3eaaaaab', '3eaaaaaa', '3eaaaaaa', '3eaaaaab', '3eaaaaab'];
    ALL.forEach((rm, i) => expect(r32((c) => f32_div(c, 0x3f800000, 0x40400000, rm))).toEqual([want[i], NX]));
  });
  it('exact results raise nothing in any mode', () => {
    for (const rm of ALL) {
      expect(r32((c) => f32_mul(c, 0x40400000, 0x40400000, rm))).toEqual(['41100000', 0]);
      expect(r32((c) => f32_sqrt(c, 0x41100000, rm))).toEqual(['40400000', 0]);
    }
  });
  it('x - x is +0 except toward -inf', () => {
    for (const rm of ALL) expect(r32((c) => f32_sub(c, 0x3f800000, 0x3f800000, rm))).toEqual([rm === RDN ? '80000000' : '00000000', 0]);
  });
});

describe('overflow: infinity or the largest finite value by mode', () => {
  it('binary32 max * 2', () => {
    const pos = ['7f800000', '7f7fffff', '7f7fffff', '7f800000', '7f800000'];
    const neg = ['ff800000', 'ff7fffff', 'ff800000', 'ff7fffff', 'ff800000'];
    ALL.forEach((rm, i) => {
      expect(r32((c) => f32_mul(c, 0x7f7fffff, 0x40000000, rm))).toEqual([pos[i], OF | NX]);
      expect(r32((c) => f32_mul(c, 0xff7fffff, 0x40000000, rm))).toEqual([neg[i], OF | NX]);
    });
  });
  it('binary64 max + max', () => {
    const pos = ['7ff0000000000000', '7fefffffffffffff', '7fefffffffffffff', '7ff0000000000000', '7ff0000000000000'];
    ALL.forEach((rm, i) =>
      expect(r64((c) => f64_add(c, ...d('7fefffffffffffff'), ...d('7fefffffffffffff'), rm))).toEqual([pos[i], OF | NX]));
  });
  it('binary64 -> binary32 overflow', () => {
    expect(r32((c) => f64_to_f32(c, ...d('7e37e43c8800759c'), RNE))).toEqual(['7f800000', OF | NX]);
    expect(r32((c) => f64_to_f32(c, ...d('fe37e43c8800759c'), RTZ))).toEqual(['ff7fffff', OF | NX]);
  });
});

describe('subnormals and underflow (tininess after rounding)', () => {
  it('exact subnormal results raise nothing', () => {
    expect(r32((c) => f32_mul(c, 0x00800000, 0x3f000000, RNE))).toEqual(['00400000', 0]);
    expect(r64((c) => f64_mul(c, ...d('0010000000000000'), ...d('3fe0000000000000'), RNE))).toEqual(['0008000000000000', 0]);
  });
  it('half the smallest subnormal', () => {
    const want = ['00000000', '00000000', '00000000', '00000001', '00000001'];
    ALL.forEach((rm, i) => expect(r32((c) => f32_mul(c, 0x00000001, 0x3f000000, rm))).toEqual([want[i], UF | NX]));
  });
  it('2^-126 - 2^-150 rounds to 2^-126 yet is tiny after rounding', () => {
    // (2^-126) * (1 - 2^-24): exactly representable with an unbounded exponent -> tiny
    expect(r32((c) => f32_mul(c, 0x00800000, 0x3f7fffff, RNE))).toEqual(['00800000', UF | NX]);
  });
  it('2^-126 - 2^-172 is not tiny after rounding to nearest, is toward zero', () => {
    // (1 + 2^-23) * (2^-126 - 2^-149)
    expect(r32((c) => f32_mul(c, 0x3f800001, 0x007fffff, RNE))).toEqual(['00800000', NX]);
    expect(r32((c) => f32_mul(c, 0x3f800001, 0x007fffff, RTZ))).toEqual(['007fffff', UF | NX]);
    expect(r32((c) => f32_mul(c, 0x3f800001, 0x007fffff, RUP))).toEqual(['00800000', NX]);
  });
  it('binary64 min normal / 3', () => {
    expect(r64((c) => f64_div(c, ...d('0010000000000000'), ...d('4008000000000000'), RNE))).toEqual(['0005555555555555', UF | NX]);
    expect(r64((c) => f64_div(c, ...d('0010000000000000'), ...d('4008000000000000'), RUP))).toEqual(['0005555555555556', UF | NX]);
  });
  it('binary64 -> binary32 into the subnormal range', () => {
    expect(r32((c) => f64_to_f32(c, ...d('3730000000000000'), RNE))).toEqual(['00000200', 0]); // 2^-140, exact
    expect(r32((c) => f64_to_f32(c, ...d('3590000000000000'), RNE))).toEqual(['00000000', UF | NX]);
    expect(r32((c) => f64_to_f32(c, ...d('3590000000000000'), RUP))).toEqual(['00000001', UF | NX]);
  });
});

describe('fused multiply-add rounds once', () => {
  it('binary64 (1+2^-52)(1-2^-52) - 1 = -2^-104', () => {
    for (const rm of ALL)
      expect(r64((c) => f64_mulAdd(c, ...d('3ff0000000000001'), ...d('3feffffffffffffe'), ...d('bff0000000000000'), rm)))
        .toEqual(['b970000000000000', 0]);
  });
  it('binary32 (1+2^-23)(1-2^-23) - 1 = -2^-46', () => {
    expect(r32((c) => f32_mulAdd(c, 0x3f800001, 0x3f7ffffe, 0xbf800000, RNE))).toEqual(['a8800000', 0]);
  });
  it('binary64 product tie decided by a tiny addend', () => {
    // (1+2^-52)^2 = 1 + 2^-51 + 2^-104: a separate multiply gives 1 + 2^-51; adding
    // -2^-53 to it would round to even (1 + 2^-51 stays); fused: 1 + 2^-51 - 2^-53 + 2^-104
    // is above the midpoint between 1+2^-52 and 1+2^-51 -> 1+2^-51, inexact
    expect(r64((c) => f64_mulAdd(c, ...d('3ff0000000000001'), ...d('3ff0000000000001'), ...d('bca0000000000000'), RNE)))
      .toEqual(['3ff0000000000002', NX]);
    // (1+2^-52)^2 - 2^-52 = 1 + 2^-52 + 2^-104 -> 1+2^-52 (RNE), 1+2^-51 (RUP)
    expect(r64((c) => f64_mulAdd(c, ...d('3ff0000000000001'), ...d('3ff0000000000001'), ...d('bcb0000000000000'), RNE)))
      .toEqual(['3ff0000000000001', NX]);
    expect(r64((c) => f64_mulAdd(c, ...d('3ff0000000000001'), ...d('3ff0000000000001'), ...d('bcb0000000000000'), RUP)))
      .toEqual(['3ff0000000000002', NX]);
  });
  it('no double rounding: a*b is an exact tie that a tiny addend breaks', () => {
    // 3 * 0x3fd5555555555556 = 1 + 2^-53 exactly; + 2^-200 must round up to 1 + 2^-52
    expect(r64((c) => f64_mulAdd(c, ...d('4008000000000000'), ...d('3fd5555555555556'), ...d('3370000000000000'), RNE)))
      .toEqual(['3ff0000000000001', NX]);
    expect(r64((c) => f64_mulAdd(c, ...d('4008000000000000'), ...d('3fd5555555555556'), ...d('b370000000000000'), RNE)))
      .toEqual(['3ff0000000000000', NX]);
    expect(r64((c) => f64_mulAdd(c, ...d('4008000000000000'), ...d('3fd5555555555556'), ...d('0000000000000000'), RNE)))
      .toEqual(['3ff0000000000000', NX]);
    // binary32: 24929 * 673*2^-24 = 1 + 2^-24 exactly; + 2^-80 -> 1 + 2^-23
    expect(r32((c) => f32_mulAdd(c, 0x46c2c200, 0x38284000, 0x17800000, RNE))).toEqual(['3f800001', NX]);
    expect(r32((c) => f32_mulAdd(c, 0x46c2c200, 0x38284000, 0x97800000, RNE))).toEqual(['3f800000', NX]);
  });
  it('inf * 0 + qNaN is invalid; exact zero sums follow the mode', () => {
    expect(r32((c) => f32_mulAdd(c, 0x7f800000, 0, 0x7fc00000, RNE))).toEqual(['7fc00000', NV]);
    expect(r32((c) => f32_mulAdd(c, 0x3f800000, 0x3f800000, 0xbf800000, RNE))).toEqual(['00000000', 0]);
    expect(r32((c) => f32_mulAdd(c, 0x3f800000, 0x3f800000, 0xbf800000, RDN))).toEqual(['80000000', 0]);
    expect(r32((c) => f32_mulAdd(c, 0x80000000, 0x3f800000, 0x80000000, RNE))).toEqual(['80000000', 0]);
  });
});

describe('special operands', () => {
  it('NaNs, infinities, division by zero, sqrt of negatives', () => {
    expect(r32((c) => f32_div(c, 0x3f800000, 0, RNE))).toEqual(['7f800000', DZ]);
    expect(r32((c) => f32_div(c, 0, 0, RNE))).toEqual(['7fc00000', NV]);
    expect(r32((c) => f32_add(c, 0x7f800000, 0xff800000, RNE))).toEqual(['7fc00000', NV]);
    expect(r32((c) => f32_add(c, 0x7f800001, 0x3f800000, RNE))).toEqual(['7fc00000', NV]);
    expect(r32((c) => f32_add(c, 0xffc12345, 0x3f800000, RNE))).toEqual(['7fc00000', 0]);
    expect(r32((c) => f32_sqrt(c, 0xbf800000, RNE))).toEqual(['7fc00000', NV]);
    expect(r32((c) => f32_sqrt(c, 0x80000000, RNE))).toEqual(['80000000', 0]);
    expect(r64((c) => f64_sqrt(c, ...d('fff0000000000000'), RNE))).toEqual(['7ff8000000000000', NV]);
  });
  it('sqrt(2) in every mode', () => {
    const want = ['3ff6a09e667f3bcd', '3ff6a09e667f3bcc', '3ff6a09e667f3bcc', '3ff6a09e667f3bcd', '3ff6a09e667f3bcd'];
    ALL.forEach((rm, i) => expect(r64((c) => f64_sqrt(c, ...d('4000000000000000'), rm))).toEqual([want[i], NX]));
  });
  it('NaN propagation mode keeps payloads (signalling first)', () => {
    const c = new SoftFloat();
    c.nanMode = NAN_PROPAGATE;
    expect(f32_add(c, 0x7fc00005, 0x7f800001, RNE) >>> 0).toBe(0x7fc00001);
    expect(c.flags).toBe(NV);
    c.flags = 0;
    expect(f32_to_f64(c, 0xffc00001 | 0)).toBe(0x20000000);
    expect(c.hi >>> 0).toBe(0xfff80000);
  });
});

describe('min/max, compare, classify', () => {
  it('minimumNumber / minNum / minimum', () => {
    expect(r32((c) => f32_minmax(c, 0x7fc00000, 0x3f800000, false, MINMAX_NUMBER))).toEqual(['3f800000', 0]);
    expect(r32((c) => f32_minmax(c, 0x7f800001, 0x3f800000, false, MINMAX_NUMBER))).toEqual(['3f800000', NV]);
    expect(r32((c) => f32_minmax(c, 0x7f800001, 0x3f800000, false, MINMAX_NUM2008))).toEqual(['7fc00000', NV]);
    expect(r32((c) => f32_minmax(c, 0x7fc00000, 0x3f800000, true, MINMAX_NUM2008))).toEqual(['3f800000', 0]);
    expect(r32((c) => f32_minmax(c, 0x7fc00000, 0x3f800000, true, MINMAX_PROPAGATE))).toEqual(['7fc00000', 0]);
    expect(r32((c) => f32_minmax(c, 0, 0x80000000, false, MINMAX_NUMBER))).toEqual(['80000000', 0]);
    expect(r32((c) => f32_minmax(c, 0x80000000, 0, true, MINMAX_NUMBER))).toEqual(['00000000', 0]);
  });
  it('quiet equality, signalling order', () => {
    expect(r32((c) => f32_eq(c, 0x7fc00000, 0x7fc00000))).toEqual(['00000000', 0]);
    expect(r32((c) => f32_eq(c, 0x7f800001, 0x3f800000))).toEqual(['00000000', NV]);
    expect(r32((c) => f32_lt(c, 0x7fc00000, 0x3f800000))).toEqual(['00000000', NV]);
    expect(r32((c) => f32_le(c, 0x80000000, 0))).toEqual(['00000001', 0]);
    expect(r32((c) => f32_eq(c, 0x80000000, 0))).toEqual(['00000001', 0]);
  });
  it('classification masks', () => {
    const v32 = [0xff800000, 0xbf800000, 0x807fffff, 0x80000000, 0, 1, 0x3f800000, 0x7f800000, 0x7f800001, 0x7fc00000];
    v32.forEach((v, i) => expect(f32_classify(v | 0)).toBe(1 << i));
    expect(f64_classify(0, 0x7ff40000)).toBe(1 << 8);
    expect(f64_classify(1, 0x80000000 | 0)).toBe(1 << 2);
  });
});

describe('conversions', () => {
  const toI = (x: number, rm: number, kind: number, ctx = new SoftFloat()) => {
    const b = new Float64Array([x]);
    const w = new Int32Array(b.buffer);
    const lo = f64_to_int(ctx, w[0], w[1], rm, kind);
    return [((BigInt(ctx.hi) << 32n) | BigInt(lo >>> 0)).toString(16), ctx.flags];
  };
  it('saturate out-of-range values and NaN (RISC-V rules)', () => {
    expect(toI(2147483648, RTZ, I32)).toEqual(['7fffffff', NV]);
    expect(toI(-2147483649, RTZ, I32)).toEqual(['-80000000', NV]);
    expect(toI(-2147483648.5, RTZ, I32)).toEqual(['-80000000', NX]);
    expect(toI(-2147483648.5, RNE, I32)).toEqual(['-80000000', NX]);
    expect(toI(-2147483648.5, RDN, I32)).toEqual(['-80000000', NV]);
    expect(toI(NaN, RNE, I32)).toEqual(['7fffffff', NV]);
    expect(toI(-Infinity, RNE, I64)).toEqual(['-8000000000000000', NV]);
    expect(toI(2 ** 63, RNE, I64)).toEqual(['7fffffffffffffff', NV]);
    expect(toI(-0.5, RTZ, U32)).toEqual(['0', NX]);
    expect(toI(-1, RTZ, U32)).toEqual(['0', NV]);
    expect(toI(4294967296, RTZ, U32)).toEqual(['-1', NV]); // 0xffffffff sign-extended
    expect(toI(NaN, RTZ, U64)).toEqual(['-1', NV]);
    expect(toI(2 ** 64 - 2048, RTZ, U64)).toEqual(['-800', 0]);
    const arm = new SoftFloat();
    arm.intNaN = INTNAN_ZERO;
    expect(toI(NaN, RTZ, I32, arm)).toEqual(['0', NV]);
  });
  it('rounds to integers in every mode', () => {
    const want = [[2, -2], [2, -2], [2, -3], [3, -2], [3, -3]];
    ALL.forEach((rm, i) => {
      expect(toI(2.5, rm, I32)).toEqual([want[i][0].toString(16), NX]);
      expect(toI(-2.5, rm, I64)).toEqual([want[i][1].toString(16), NX]);
    });
    expect(r32((c) => f32_to_int(c, 0x3fc00000, RNE, I32))).toEqual(['00000002', NX]);
  });
  it('integers to floats', () => {
    expect(r32((c) => i32_to_f32(c, 0x1000001, RNE))).toEqual(['4b800000', NX]);
    expect(r32((c) => i32_to_f32(c, 0x1000001, RUP))).toEqual(['4b800001', NX]);
    expect(r32((c) => i32_to_f32(c, -0x1000001, RDN))).toEqual(['cb800001', NX]);
    expect(r64((c) => i64_to_f64(c, 1, 0x200000, RNE))).toEqual(['4340000000000000', NX]);
    expect(r64((c) => i64_to_f64(c, 1, 0x200000, RUP))).toEqual(['4340000000000001', NX]);
    expect(r32((c) => u64_to_f32(c, -1, -1, RNE))).toEqual(['5f800000', NX]);
    expect(r32((c) => u64_to_f32(c, -1, -1, RTZ))).toEqual(['5f7fffff', NX]);
  });
  it('binary64 -> binary32 ties', () => {
    const want = ['3f800000', '3f800000', '3f800000', '3f800001', '3f800001'];
    ALL.forEach((rm, i) => expect(r32((c) => f64_to_f32(c, ...d('3ff0000010000000'), rm))).toEqual([want[i], NX]));
  });
});

describe('roundPack', () => {
  it('rounds an exact BigInt value', () => {
    expect(r32((c) => roundPack(c, F32, 0, 3n, -1, RNE))).toEqual(['3fc00000', 0]);
    expect(r64((c) => roundPack(c, F64, 1, (1n << 60n) + 1n, 0, RTZ))).toEqual(['c3b0000000000000', NX]);
  });
});
