/** Signatures of the x86 helpers (src/core/helpers.ts). */
import { sigTable } from '../../src/core/helpers.js';

export const x86HelperSigs = sigTable({
  'i32(i32, i64, i64, i64)': 'x86_eflags',
  'i64(i32, i64, i64, i64)': 'x86_div',
  'i32(i32, i32, i32)': 'x86_cpuid',
  'i64()': 'x86_rdtsc',
  'i32(i32)': 'x86_get_seg',
  'void(i32, i32)': 'x86_set_seg',
  'void(i32)': 'x86_set_eflags_sys',
});
