/**
 * F and D translation. Loads and stores are IR memory ops on the f registers (IR regs 32+k,
 * i64 bit patterns; FLW NaN-boxes). Every other F/D instruction is ONE call to the FPU
 * helper 'fp_' + mnemonic ('.' -> '_'), implemented in fpu.ts, with this contract:
 *   args: operands in assembly order: an f register as its number (i32 const), an x source
 *         as its i64 value; an x destination is not passed: the helper returns it (i64) and
 *         it is written here unless rd is x0 (the call is made anyway, for the flags);
 *         then the rm field (0..7, 7 = dynamic) when the instruction has one.
 *   f-register results are written by the helper into cpu.r directly.
 * A static rounding mode of 5 or 6 is reserved: illegal instruction.
 */
import type {
  Args_imm_rd_rs1, Args_imm_rs1_rs2, Args_rd_rm_rs1, Args_rd_rm_rs1_rs2, Args_rd_rm_rs1_rs2_rs3,
  Args_rd_rs1, Args_rd_rs1_rs2, TransTable,
} from './decoder.generated.js';
import type { RvCtx } from './ctx.js';

type C = RvCtx;

const rmOk = (rm: number) => rm !== 5 && rm !== 6;
const helperName = (mnemonic: string) => 'rv_fp_' + mnemonic;

/** f rd <- f rs1, f rs2, f rs3, rm */
function ffff(n: string) {
  return (c: C, a: Args_rd_rm_rs1_rs2_rs3): boolean => {
    if (!rmOk(a.rm)) return false;
    c.call(helperName(n), null, [c.k32(a.rd), c.k32(a.rs1), c.k32(a.rs2), c.k32(a.rs3), c.k32(a.rm)]);
    return true;
  };
}
/** f rd <- f rs1, f rs2, rm */
function fffRm(n: string) {
  return (c: C, a: Args_rd_rm_rs1_rs2): boolean => {
    if (!rmOk(a.rm)) return false;
    c.call(helperName(n), null, [c.k32(a.rd), c.k32(a.rs1), c.k32(a.rs2), c.k32(a.rm)]);
    return true;
  };
}
/** f rd <- f rs1, f rs2 */
function fff(n: string) {
  return (c: C, a: Args_rd_rs1_rs2): boolean => {
    c.call(helperName(n), null, [c.k32(a.rd), c.k32(a.rs1), c.k32(a.rs2)]);
    return true;
  };
}
/** f rd <- f rs1, rm */
function ffRm(n: string) {
  return (c: C, a: Args_rd_rm_rs1): boolean => {
    if (!rmOk(a.rm)) return false;
    c.call(helperName(n), null, [c.k32(a.rd), c.k32(a.rs1), c.k32(a.rm)]);
    return true;
  };
}
/** x rd <- f rs1, f rs2 */
function xff(n: string) {
  return (c: C, a: Args_rd_rs1_rs2): boolean => {
    c.setX(a.rd, c.call(helperName(n), 'i64', [c.k32(a.rs1), c.k32(a.rs2)]));
    return true;
  };
}
/** x rd <- f rs1 */
function xf(n: string) {
  return (c: C, a: Args_rd_rs1): boolean => {
    c.setX(a.rd, c.call(helperName(n), 'i64', [c.k32(a.rs1)]));
    return true;
  };
}
/** x rd <- f rs1, rm */
function xfRm(n: string) {
  return (c: C, a: Args_rd_rm_rs1): boolean => {
    if (!rmOk(a.rm)) return false;
    c.setX(a.rd, c.call(helperName(n), 'i64', [c.k32(a.rs1), c.k32(a.rm)]));
    return true;
  };
}
/** f rd <- x rs1, rm */
function fxRm(n: string) {
  return (c: C, a: Args_rd_rm_rs1): boolean => {
    if (!rmOk(a.rm)) return false;
    c.call(helperName(n), null, [c.k32(a.rd), c.x(a.rs1), c.k32(a.rm)]);
    return true;
  };
}
/** f rd <- x rs1 */
function fx(n: string) {
  return (c: C, a: Args_rd_rs1): boolean => {
    c.call(helperName(n), null, [c.k32(a.rd), c.x(a.rs1)]);
    return true;
  };
}

const NAN_BOX = -(1n << 32n); // 0xffffffff00000000

export const transFd = {
  flw(c: C, a: Args_imm_rd_rs1) {
    const v = c.b.load('i64', 4, false, c.addr(a.rs1, a.imm));
    c.setF(a.rd, c.b.or(v, c.k64(NAN_BOX)));
    return true;
  },
  fld(c: C, a: Args_imm_rd_rs1) {
    c.setF(a.rd, c.b.load('i64', 8, false, c.addr(a.rs1, a.imm)));
    return true;
  },
  fsw(c: C, a: Args_imm_rs1_rs2) {
    const addr = c.addr(a.rs1, a.imm);
    c.b.store(4, addr, c.b.trunc(c.f(a.rs2)));
    return true;
  },
  fsd(c: C, a: Args_imm_rs1_rs2) {
    const addr = c.addr(a.rs1, a.imm);
    c.b.store(8, addr, c.f(a.rs2));
    return true;
  },

  fmadd_s: ffff('fmadd_s'), fmsub_s: ffff('fmsub_s'), fnmsub_s: ffff('fnmsub_s'), fnmadd_s: ffff('fnmadd_s'),
  fmadd_d: ffff('fmadd_d'), fmsub_d: ffff('fmsub_d'), fnmsub_d: ffff('fnmsub_d'), fnmadd_d: ffff('fnmadd_d'),
  fadd_s: fffRm('fadd_s'), fsub_s: fffRm('fsub_s'), fmul_s: fffRm('fmul_s'), fdiv_s: fffRm('fdiv_s'),
  fadd_d: fffRm('fadd_d'), fsub_d: fffRm('fsub_d'), fmul_d: fffRm('fmul_d'), fdiv_d: fffRm('fdiv_d'),
  fsqrt_s: ffRm('fsqrt_s'), fsqrt_d: ffRm('fsqrt_d'),
  fcvt_s_d: ffRm('fcvt_s_d'), fcvt_d_s: ffRm('fcvt_d_s'),
  fsgnj_s: fff('fsgnj_s'), fsgnjn_s: fff('fsgnjn_s'), fsgnjx_s: fff('fsgnjx_s'),
  fsgnj_d: fff('fsgnj_d'), fsgnjn_d: fff('fsgnjn_d'), fsgnjx_d: fff('fsgnjx_d'),
  fmin_s: fff('fmin_s'), fmax_s: fff('fmax_s'), fmin_d: fff('fmin_d'), fmax_d: fff('fmax_d'),
  feq_s: xff('feq_s'), flt_s: xff('flt_s'), fle_s: xff('fle_s'),
  feq_d: xff('feq_d'), flt_d: xff('flt_d'), fle_d: xff('fle_d'),
  fclass_s: xf('fclass_s'), fclass_d: xf('fclass_d'),
  fmv_x_w: xf('fmv_x_w'), fmv_x_d: xf('fmv_x_d'),
  fmv_w_x: fx('fmv_w_x'), fmv_d_x: fx('fmv_d_x'),
  fcvt_w_s: xfRm('fcvt_w_s'), fcvt_wu_s: xfRm('fcvt_wu_s'), fcvt_l_s: xfRm('fcvt_l_s'), fcvt_lu_s: xfRm('fcvt_lu_s'),
  fcvt_w_d: xfRm('fcvt_w_d'), fcvt_wu_d: xfRm('fcvt_wu_d'), fcvt_l_d: xfRm('fcvt_l_d'), fcvt_lu_d: xfRm('fcvt_lu_d'),
  fcvt_s_w: fxRm('fcvt_s_w'), fcvt_s_wu: fxRm('fcvt_s_wu'), fcvt_s_l: fxRm('fcvt_s_l'), fcvt_s_lu: fxRm('fcvt_s_lu'),
  fcvt_d_w: fxRm('fcvt_d_w'), fcvt_d_wu: fxRm('fcvt_d_wu'), fcvt_d_l: fxRm('fcvt_d_l'), fcvt_d_lu: fxRm('fcvt_d_lu'),
} satisfies Partial<TransTable<RvCtx>>;

/** Every FPU helper name the frontend calls (the FPU helper's fpuHelpers must provide them). */
export const FP_HELPER_NAMES: readonly string[] = Object.keys(transFd)
  .filter((k) => !/^f(l|s)[wd]$/.test(k))
  .map(helperName);
