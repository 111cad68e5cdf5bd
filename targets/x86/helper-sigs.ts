/** Signatures of the x86 helpers (src/core/helpers.ts). */
import { sigTable } from '../../src/core/helpers.js';
import { sseSigs } from './helpers-sse.js';
import { x87Sigs } from './helpers-x87.js';
import { mmxSigs } from './helpers-mmx.js';

const base: Record<string, string> = {
  'i32(i32, i64, i64, i64)': 'x86_eflags',
  'i64(i32, i64, i64, i64)': 'x86_div',
  'i32(i32, i32, i32)': 'x86_cpuid',
  'i64()': 'x86_rdtsc',
  'i32(i32)': 'x86_get_seg',
  'i64(i32)': 'x86_seg_base',
  'void(i32, i32)': 'x86_set_seg',
  'void(i32)': 'x86_set_eflags_sys',
};

/** the tables by signature, merged */
function merge(...tables: Array<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tables) for (const [sig, names] of Object.entries(t)) out[sig] = out[sig] ? `${out[sig]} ${names}` : names;
  return out;
}

export const x86HelperSigs = sigTable(merge(base, sseSigs, x87Sigs, mmxSigs));
