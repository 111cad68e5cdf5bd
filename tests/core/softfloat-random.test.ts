/**
 * The native-double fast paths (TwoSum / TwoProduct exactness checks, round-to-odd fma)
 * must agree bit for bit, flags included, with the exact BigInt paths. Seeded random operands
 * biased toward cancellation, ties, and the overflow / underflow edges.
 */
import { describe, expect, it } from 'vitest';
import {
  F32, F64, RNE, SoftFloat, addUnp, divUnp, f32_add, f32_div, f32_mul, f32_mulAdd, f32_sqrt,
  f64_add, f64_div, f64_mul, f64_mulAdd, f64_sqrt, f64_to_f32, fmaUnp, isNaN32, isNaN64, mulUnp,
  roundPack, sqrtUnp, unpack32, unpack64,
} from '../../src/core/softfloat/index.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** random binary64 (lo, hi): exponent near `e` (biased) or anywhere, significand often short */
function gen64(r: () => number, e?: number): [number, number] {
  const k = r() % 8;
  let ex = e !== undefined ? e + (r() % 7) - 3 : k === 0 ? r() % 4 : k === 1 ? 2046 - (r() % 4) : 1023 - 60 + (r() % 120);
  ex = Math.max(0, Math.min(2046, ex));
  let hi = r() & 0xfffff, lo = r() | 0;
  if (r() & 1) { // few significant bits -> exact results and ties
    const drop = r() % 52;
    if (drop >= 32) { lo = 0; hi &= ~((1 << (drop - 32)) - 1); } else lo &= ~((1 << drop) - 1);
  }
  return [lo, (r() & 0x80000000) | (ex << 20) | hi];
}
function gen32(r: () => number, e?: number): number {
  const k = r() % 8;
  let ex = e !== undefined ? e + (r() % 7) - 3 : k === 0 ? r() % 4 : k === 1 ? 254 - (r() % 4) : 127 - 30 + (r() % 60);
  ex = Math.max(0, Math.min(254, ex));
  let m = r() & 0x7fffff;
  if (r() & 1) m &= ~((1 << (r() % 23)) - 1);
  return (r() & 0x80000000) | (ex << 23) | m;
}
const exp64 = (hi: number) => (hi >>> 20) & 0x7ff;
const exp32 = (x: number) => (x >>> 23) & 0xff;

function both(fast: (c: SoftFloat) => number, slow: (c: SoftFloat) => number): [string, string] {
  const a = new SoftFloat(), b = new SoftFloat();
  const x = fast(a), y = slow(b);
  return [`${a.hi} ${x} ${a.flags}`, `${b.hi} ${y} ${b.flags}`];
}

const N = 4000;

describe('fast paths agree with the exact core (all rounding modes)', () => {
  it('binary64 add/mul/div/sqrt', () => {
    const r = rng(1);
    const bad: string[] = [];
    for (let i = 0; i < N; i++) {
      const rm = i % 5;
      const [alo, ahi] = gen64(r);
      const mode = r() % 3;
      const [blo, bhi] = mode === 0 ? gen64(r) : mode === 1 ? gen64(r, exp64(ahi)) : gen64(r, 2046 - exp64(ahi) + (r() % 2 ? 0 : 60));
      if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) continue;
      const A = unpack64(alo, ahi), B = unpack64(blo, bhi);
      const cases: [string, (c: SoftFloat) => number, (c: SoftFloat) => number][] = [
        ['add', (c) => f64_add(c, alo, ahi, blo, bhi, rm), (c) => addUnp(c, F64, A, B, rm)],
        ['mul', (c) => f64_mul(c, alo, ahi, blo, bhi, rm), (c) => mulUnp(c, F64, A, B, rm)],
        ['div', (c) => f64_div(c, alo, ahi, blo, bhi, rm), (c) => divUnp(c, F64, A, B, rm)],
        ['sqrt', (c) => f64_sqrt(c, alo, ahi, rm), (c) => sqrtUnp(c, F64, A, rm)],
      ];
      for (const [name, f, s] of cases) {
        const [x, y] = both(f, s);
        if (x !== y && bad.length < 10) bad.push(`${name} ${ahi} ${alo} ${bhi} ${blo}: ${x} vs ${y}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('binary64 fused multiply-add', () => {
    const r = rng(2);
    const bad: string[] = [];
    const c0 = new SoftFloat();
    for (let i = 0; i < N; i++) {
      const rm = i % 5;
      const [alo, ahi] = gen64(r);
      const [blo, bhi] = gen64(r, r() % 2 ? exp64(ahi) : 2046 - exp64(ahi));
      let [clo, chi] = gen64(r);
      if (i % 3 === 0) {
        // near-cancelling addend: -(a*b) rounded, nudged
        clo = f64_mul(c0, alo, ahi, blo, bhi, RNE);
        chi = c0.hi ^ 0x80000000;
        clo = (clo + (r() % 5) - 2) | 0;
      } else if (i % 3 === 1) {
        [clo, chi] = gen64(r, exp64(ahi) + exp64(bhi) - 1023 + (r() % 120) - 60);
      }
      if (isNaN64(alo, ahi) || isNaN64(blo, bhi) || isNaN64(clo, chi)) continue;
      const [x, y] = both(
        (c) => f64_mulAdd(c, alo, ahi, blo, bhi, clo, chi, rm),
        (c) => fmaUnp(c, F64, unpack64(alo, ahi), unpack64(blo, bhi), unpack64(clo, chi), rm),
      );
      if (x !== y && bad.length < 10) bad.push(`${ahi} ${alo} ${bhi} ${blo} ${chi} ${clo}: ${x} vs ${y}`);
    }
    expect(bad).toEqual([]);
  });

  it('binary32 add/mul/div/sqrt/fma and binary64 -> binary32', () => {
    const r = rng(3);
    const bad: string[] = [];
    for (let i = 0; i < N; i++) {
      const rm = i % 5;
      const a = gen32(r);
      const mode = r() % 3;
      const b = mode === 0 ? gen32(r) : mode === 1 ? gen32(r, exp32(a)) : gen32(r, 254 - exp32(a) + (r() % 2 ? 0 : 30));
      let c = gen32(r, r() % 2 ? exp32(a) + exp32(b) - 127 : undefined);
      if (i % 4 === 0) c = (f32_mul(new SoftFloat(), a, b, RNE) ^ 0x80000000) + (r() % 5) - 2;
      if (isNaN32(a) || isNaN32(b) || isNaN32(c)) continue;
      const A = unpack32(a), B = unpack32(b), C = unpack32(c);
      const [dlo, dhi] = gen64(r, 1023 - 126 + (r() % 8) - 4);
      const D = unpack64(dlo, dhi);
      const cases: [string, (c: SoftFloat) => number, (c: SoftFloat) => number][] = [
        ['add', (x) => f32_add(x, a, b, rm), (x) => addUnp(x, F32, A, B, rm)],
        ['mul', (x) => f32_mul(x, a, b, rm), (x) => mulUnp(x, F32, A, B, rm)],
        ['div', (x) => f32_div(x, a, b, rm), (x) => divUnp(x, F32, A, B, rm)],
        ['sqrt', (x) => f32_sqrt(x, a, rm), (x) => sqrtUnp(x, F32, A, rm)],
        ['fma', (x) => f32_mulAdd(x, a, b, c, rm), (x) => fmaUnp(x, F32, A, B, C, rm)],
        ['cvt', (x) => f64_to_f32(x, dlo, dhi, rm), (x) => (D.cls === 1 ? roundPack(x, F32, D.sign, D.m, D.e, rm) : f64_to_f32(x, dlo, dhi, rm))],
      ];
      for (const [name, f, s] of cases) {
        const [x, y] = both(f, s);
        if (x !== y && bad.length < 10) bad.push(`${name} ${a} ${b} ${c}: ${x} vs ${y}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
