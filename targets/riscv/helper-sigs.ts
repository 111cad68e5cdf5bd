/**
 * Signatures of the RISC-V helpers (src/core/helpers.ts): arguments and result, i32 or i64.
 * The FPU helpers take register numbers and the rounding mode as i32 and x-register values
 * as i64; the A extension takes the address as i32 (see trans-a.ts, trans-fd.ts).
 */
import { sigTable } from '../../src/core/helpers.js';

export const rvHelperSigs = sigTable({
  'i32(i32)': 'rv_lr_w',
  'i64(i32)': 'rv_lr_d rv_fp_fclass_s rv_fp_fclass_d rv_fp_fmv_x_w rv_fp_fmv_x_d',
  'i32(i32, i32)':
    'rv_sc_w rv_amoswap_w rv_amoadd_w rv_amoxor_w rv_amoand_w rv_amoor_w rv_amomin_w ' +
    'rv_amomax_w rv_amominu_w rv_amomaxu_w',
  'i32(i32, i64)': 'rv_sc_d',
  'i64(i32, i64)':
    'rv_amoswap_d rv_amoadd_d rv_amoxor_d rv_amoand_d rv_amoor_d rv_amomin_d rv_amomax_d ' +
    'rv_amominu_d rv_amomaxu_d',
  'i64(i32, i32, i64)': 'rv_csr_rw',
  'void(i32, i32, i32, i32, i32)':
    'rv_fp_fmadd_s rv_fp_fmsub_s rv_fp_fnmsub_s rv_fp_fnmadd_s rv_fp_fmadd_d rv_fp_fmsub_d ' +
    'rv_fp_fnmsub_d rv_fp_fnmadd_d',
  'void(i32, i32, i32, i32)':
    'rv_fp_fadd_s rv_fp_fsub_s rv_fp_fmul_s rv_fp_fdiv_s rv_fp_fadd_d rv_fp_fsub_d ' +
    'rv_fp_fmul_d rv_fp_fdiv_d',
  'void(i32, i32, i32)':
    'rv_fp_fsqrt_s rv_fp_fsqrt_d rv_fp_fcvt_s_d rv_fp_fcvt_d_s rv_fp_fsgnj_s rv_fp_fsgnjn_s ' +
    'rv_fp_fsgnjx_s rv_fp_fsgnj_d rv_fp_fsgnjn_d rv_fp_fsgnjx_d rv_fp_fmin_s rv_fp_fmax_s ' +
    'rv_fp_fmin_d rv_fp_fmax_d',
  'i64(i32, i32)':
    'rv_fp_feq_s rv_fp_flt_s rv_fp_fle_s rv_fp_feq_d rv_fp_flt_d rv_fp_fle_d rv_fp_fcvt_w_s ' +
    'rv_fp_fcvt_wu_s rv_fp_fcvt_l_s rv_fp_fcvt_lu_s rv_fp_fcvt_w_d rv_fp_fcvt_wu_d ' +
    'rv_fp_fcvt_l_d rv_fp_fcvt_lu_d',
  'void(i32, i64)': 'rv_fp_fmv_w_x rv_fp_fmv_d_x',
  'void(i32, i64, i32)':
    'rv_fp_fcvt_s_w rv_fp_fcvt_s_wu rv_fp_fcvt_s_l rv_fp_fcvt_s_lu rv_fp_fcvt_d_w ' +
    'rv_fp_fcvt_d_wu rv_fp_fcvt_d_l rv_fp_fcvt_d_lu',
});
