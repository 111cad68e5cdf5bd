/** Operation codes of the `vfp` helper (helpers-vfp.ts); bit 6 of the code selects double. */
export const enum Vop {
  MLA = 0, MLS, NMLA, NMLS, MUL, NMUL, ADD, SUB, DIV, FNMA, FNMS, FMA, FMS,
  MOV, ABS, NEG, SQRT, CMP, CMPE, CMP0, CMPE0, CVT_FD, FROM_U32, FROM_S32,
  TO_U32, TO_U32_RZ, TO_S32, TO_S32_RZ,
}
