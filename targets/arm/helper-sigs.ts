/**
 * Signatures of the ARM helpers (src/core/helpers.ts). Most take and return i32; VFP and
 * NEON helpers take the instruction's condition (0/1) first, then an operation code and
 * register numbers; D-register transfers pass the value as i64.
 */
import { sigTable } from '../../src/core/helpers.js';

export const armHelperSigs = sigTable({
  'void()': 'arm_clrex',
  'i32()': 'arm_qflag arm_ge',
  'i32(i32)': 'arm_rbit',
  'i32(i32, i32)': 'arm_uxtb16 arm_sxtb16 arm_ssat arm_usat arm_ssat16 arm_usat16 arm_uadd8 arm_usub8 arm_usad8 arm_ldrex',
  'i32(i32, i32, i32)': 'arm_par arm_sel arm_qaddsub',
  'i32(i32, i32, i32, i32)':
    'arm_shc arm_smul arm_smla arm_smulw arm_smlaw arm_smmla arm_smmls arm_smlad arm_smladx arm_smlsd arm_smlsdx ' +
    'arm_strex arm_strexd',
  'i64(i32)': 'arm_ldrexd arm_ld64',
  'void(i32, i64)': 'arm_st64',
  'void(i32, i32, i32)': 'arm_neon_vldm',
  'void(i32, i32, i32, i32)': 'arm_vfp_fixed arm_vfp_f16 arm_neon_2misc arm_neon_shift arm_neon_dup arm_neon_ldst',
  'void(i32, i32, i32, i32, i32)': 'arm_vfp arm_neon_3same arm_neon_3diff arm_neon_scalar arm_neon_ext arm_neon_tbl',
});
