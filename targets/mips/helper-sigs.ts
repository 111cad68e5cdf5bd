/** Signatures of the MIPS helpers (src/core/helpers.ts): arguments and result, i32 or i64. */
import { sigTable } from '../../src/core/helpers.js';

export const mipsHelperSigs = sigTable({
  'void(i32, i32, i32)': 'mips_trap',
  'i32()': 'mips_rdhwr_cc',
  'i32(i32)': 'mips_ll',
  'i32(i32, i32)': 'mips_sc',
  'i64(i32)': 'mips_lld',
  'i32(i32, i64)': 'mips_scd',
});

export const mipsFpuHelperSigs = sigTable({
  'i32(i32)': 'mips_cfc1',
  'void(i32, i32)': 'mips_ctc1',
  'void(i32, i32, i32, i32, i32)': 'mips_fp_bin mips_fp_cmp',
  'void(i32, i32, i32, i32)': 'mips_fp_un',
  'void(i32, i32, i32, i32, i32, i32)': 'mips_fp_madd',
});
