/**
 * FPU arithmetic, conversions and compares (S, D, W, L formats). Not translated yet: these
 * are reserved instructions until the FPU lands (issue 11, step 2).
 */
import type { TransTable } from './decoder.generated.js';
import type { MipsCtx } from './ctx.js';

type C = MipsCtx;
type Arith = Pick<TransTable<C>,
  | 'add_f' | 'sub_f' | 'mul_f' | 'div_f' | 'sqrt_f' | 'abs_f' | 'mov_f' | 'neg_f'
  | 'round_l' | 'trunc_l' | 'ceil_l' | 'floor_l' | 'round_w' | 'trunc_w' | 'ceil_w' | 'floor_w'
  | 'recip_f' | 'rsqrt_f' | 'cvt_s' | 'cvt_d' | 'cvt_w' | 'cvt_l' | 'movcf_f' | 'movz_f' | 'movn_f' | 'c_cond_f'
  | 'madd_s' | 'madd_d' | 'msub_s' | 'msub_d' | 'nmadd_s' | 'nmadd_d' | 'nmsub_s' | 'nmsub_d'>;

const no = (): boolean => false;

export const transFpuArith: Arith = {
  add_f: no, sub_f: no, mul_f: no, div_f: no, sqrt_f: no, abs_f: no, mov_f: no, neg_f: no,
  round_l: no, trunc_l: no, ceil_l: no, floor_l: no, round_w: no, trunc_w: no, ceil_w: no, floor_w: no,
  recip_f: no, rsqrt_f: no, cvt_s: no, cvt_d: no, cvt_w: no, cvt_l: no, movcf_f: no, movz_f: no, movn_f: no, c_cond_f: no,
  madd_s: no, madd_d: no, msub_s: no, msub_d: no, nmadd_s: no, nmadd_d: no, nmsub_s: no, nmsub_d: no,
};
