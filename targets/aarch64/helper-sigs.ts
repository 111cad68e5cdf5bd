/**
 * Signatures of the A64 helpers (src/core/helpers.ts). 64-bit values travel as (lo, hi) i32
 * pairs (A64Ctx.pair) except where an argument is typed i64.
 */
import { sigTable } from '../../src/core/helpers.js';

export const a64HelperSigs = sigTable({
  'void(i32)': 'a64_dczva a64_fp a64_simd',
  'void()': 'a64_clrex',
  'i32(i32)': 'a64_fcmp a64_rbit32',
  'i32(i32, i32)': 'a64_fccmp',
  'void(i32, i32)': 'a64_fcsel a64_monitor',
  'i64(i32)': 'a64_fixed_to_int a64_fp_to_int a64_mrs',
  'void(i32, i32, i32)': 'a64_int_to_fixed a64_int_to_fp a64_msr',
  'i64(i32, i32)': 'a64_rbit64 a64_rev1664',
  'i32(i32, i32, i32, i32)': 'a64_stxr',
  'i32(i32, i32, i32, i32, i32, i32)': 'a64_stxp',
});
