/** Helper registration with signatures (src/core/helpers.ts) and the builder's call checks. */
import { describe, expect, it } from 'vitest';
import { IrBuilder } from '../../src/core/ir.js';
import { defineHelpers, parseSig, sigTable } from '../../src/core/helpers.js';
import { riscv64 } from '../../targets/riscv/linux/index.js';
import { aarch64 } from '../../targets/aarch64/linux/index.js';
import { arm } from '../../targets/arm/linux/index.js';

describe('helper signatures', () => {
  it('parses signatures and builds tables by signature', () => {
    expect(parseSig('i64(i32, i64)')).toEqual({ args: ['i32', 'i64'], ret: 'i64' });
    expect(parseSig('void()')).toEqual({ args: [], ret: null });
    expect(() => parseSig('f64(i32)')).toThrow(/types/);
    expect(() => parseSig('i32')).toThrow(/ret\(args\)/);
    expect(sigTable({ 'i32(i32)': 'x_a x_b', 'void()': 'x_c' })).toEqual({
      x_a: { args: ['i32'], ret: 'i32' }, x_b: { args: ['i32'], ret: 'i32' }, x_c: { args: [], ret: null },
    });
    expect(() => sigTable({ 'i32(i32)': 'x_a', 'void()': 'x_a' })).toThrow(/two signatures/);
  });

  it('registration checks prefixes, missing and extra signatures, and parameter counts', () => {
    const sigs = sigTable({ 'i32(i32, i64)': 'x_f' });
    const f = (_c: unknown, a: number, lo: number, hi: number) => a + lo + hi;
    expect(defineHelpers(['x_'], { x_f: f }, sigs).fns.x_f).toBe(f);
    expect(() => defineHelpers(['y_'], { x_f: f }, sigs)).toThrow(/must start with y_/);
    expect(() => defineHelpers(['x_'], { x_f: f, x_g: f }, sigs)).toThrow(/x_g has no signature/);
    expect(() => defineHelpers(['x_'], {}, sigs)).toThrow(/does not exist/);
    expect(() => defineHelpers(['x_'], { x_f: f }, sigTable({ 'i32(i32, i32)': 'x_f' }))).toThrow(/takes 3 numbers/);
  });

  it('the builder checks calls against the signatures', () => {
    const b = new IrBuilder();
    b.helperSigs = sigTable({ 'i64(i32, i64)': 'x_f' });
    const w = b.get(0, 'i32'), q = b.get(1, 'i64');
    expect(b.typeOf(b.call('x_f', 'i64', [w, q]))).toBe('i64');
    expect(() => b.call('x_f', 'i64', [w, w])).toThrow(/call x_f as i64\(i32, i32\), but its signature is i64\(i32, i64\)/);
    expect(() => b.call('x_f', 'i32', [w, q])).toThrow(/signature/);
    expect(() => b.call('x_f', 'i64', [w])).toThrow(/signature/);
    expect(() => b.call('x_g', null, [])).toThrow(/unknown helper x_g/);
  });

  it('every target registers its helpers with its prefix and a signature for each', () => {
    for (const [t, pre] of [[riscv64, 'rv_'], [aarch64, 'a64_'], [arm, 'arm_']] as const) {
      const names = Object.keys(t.helpers);
      expect(names.length).toBeGreaterThan(10);
      for (const n of names) {
        expect(n.startsWith(pre) || n.startsWith('core_'), n).toBe(true);
        expect(t.helperSigs[n], n).toBeDefined();
      }
    }
  });
});
