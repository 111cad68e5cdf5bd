/**
 * RISC-V F and D instructions (everything except loads and stores) as helpers over the
 * target-independent softfloat library.
 *
 * Contract with the frontend: helper 'rv_fp_' + mnemonic with '.' -> '_'; arguments in assembly
 * order, an f register as its number, an x-register source as (lo, hi) int32s, an
 * x-register destination returned as i64 (lo returned, hi in cpu.rhi); then the rm field
 * for instructions that have one (7 = dynamic, cpu.frm). Reserved rounding modes raise
 * SIGILL. f register k is cpu.r[64+2k] (lo) / cpu.r[65+2k] (hi), cpu.f64[32+k] as a double.
 * binary32 values are NaN-boxed (hi word all ones); an unboxed input reads as the
 * canonical NaN. NaN results are canonical (the library's default NaN). Flags OR into
 * cpu.fflags.
 */
import { illegalInsn } from '../../src/core/exceptions.js';
import {
  I32, I64, MINMAX_NUMBER, dirAdd64, dirDiv64, dirMul64, dirSqrt64, RNE, SoftFloat, U32, U64,
  f32_add, f32_classify, f32_div, f32_eq, f32_le, f32_lt, f32_minmax, f32_mul, f32_mulAdd, f32_sqrt,
  f32_sub, f32_to_f64, f32_to_int, f64_add, f64_classify, f64_div, f64_eq, f64_le, f64_lt,
  f64_minmax, f64_mul, f64_mulAdd, f64_sqrt, f64_sub, f64_to_f32, i32_to_f32, i32_to_f64,
  i64_to_f32, i64_to_f64, numToInt, rneAdd64, rneDiv64, rneFma64, rneMul64, rneSqrt64, u32_to_f32,
  u32_to_f64, u64_to_f32, u64_to_f64,
} from '../../src/core/softfloat/index.js';
import type { Helper } from '../../src/core/isa.js';
import type { RiscvCpu } from './cpu.js';

const SIGN = -0x80000000;
const CANON32 = 0x7fc00000;

/** The softfloat context of a cpu (created on first use; RiscvCpu may declare `sf`). */
type FpuCpu = RiscvCpu & { sf?: SoftFloat };
function ctxOf(cpu: FpuCpu): SoftFloat {
  const c = cpu.sf;
  return c !== undefined ? c : (cpu.sf = new SoftFloat());
}

/** effective rounding mode; reserved ones are illegal instructions */
function rmOf(cpu: RiscvCpu, rm: number): number {
  const m = rm === 7 ? cpu.frm : rm;
  if (m > 4 || m < 0) throw illegalInsn();
  return m;
}

function flush(cpu: RiscvCpu, ctx: SoftFloat): void {
  if (ctx.flags !== 0) {
    cpu.fflags |= ctx.flags;
    ctx.flags = 0;
  }
}

/** binary32 operand of f register k (unboxed -> canonical NaN) */
const rs = (r: Int32Array, k: number) => (r[65 + 2 * k] === -1 ? r[64 + 2 * k] : CANON32);
/** write a binary32 result, NaN-boxed */
function ws(r: Int32Array, k: number, v: number): void {
  r[64 + 2 * k] = v;
  r[65 + 2 * k] = -1;
}
function wd(r: Int32Array, k: number, lo: number, hi: number): void {
  r[64 + 2 * k] = lo;
  r[65 + 2 * k] = hi;
}

// ---------------------------------------------------------------- makers

type Bin32 = (ctx: SoftFloat, a: number, b: number, rm: number) => number;
type Bin64 = (ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number, rm: number) => number;
type Fast64 = (ctx: SoftFloat, x: number, y: number) => number;
type Dir64 = (ctx: SoftFloat, x: number, y: number, rm: number) => number;

function binS(op: Bin32): Helper {
  return (cpu: RiscvCpu, rd: number, rs1: number, rs2: number, rm: number) => {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu), r = cpu.r;
    ws(r, rd, op(ctx, rs(r, rs1), rs(r, rs2), m));
    flush(cpu, ctx);
  };
}

function binD(fast: Fast64, dir: Dir64, op: Bin64): Helper {
  return (cpu: RiscvCpu, rd: number, rs1: number, rs2: number, rm: number) => {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu);
    const f = cpu.f64;
    const v = m === RNE ? fast(ctx, f[32 + rs1], f[32 + rs2]) : dir(ctx, f[32 + rs1], f[32 + rs2], m);
    if (v === v) {
      f[32 + rd] = v;
      return flush(cpu, ctx);
    }
    const r = cpu.r;
    const lo = op(ctx, r[64 + 2 * rs1], r[65 + 2 * rs1], r[64 + 2 * rs2], r[65 + 2 * rs2], m);
    wd(r, rd, lo, ctx.hi);
    flush(cpu, ctx);
  };
}

/** fused multiply-add family: negP negates the product, negC the addend */
function fmaS(negP: boolean, negC: boolean): Helper {
  const sa = negP ? SIGN : 0, sc = negC ? SIGN : 0;
  return (cpu: RiscvCpu, rd: number, rs1: number, rs2: number, rs3: number, rm: number) => {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu), r = cpu.r;
    ws(r, rd, f32_mulAdd(ctx, rs(r, rs1) ^ sa, rs(r, rs2), rs(r, rs3) ^ sc, m));
    flush(cpu, ctx);
  };
}
function fmaD(negP: boolean, negC: boolean): Helper {
  const sa = negP ? SIGN : 0, sc = negC ? SIGN : 0;
  const ka = negP ? -1 : 1, kc = negC ? -1 : 1;
  return (cpu: RiscvCpu, rd: number, rs1: number, rs2: number, rs3: number, rm: number) => {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu);
    if (m === RNE) {
      const f = cpu.f64;
      const v = rneFma64(ctx, ka * f[32 + rs1], f[32 + rs2], kc * f[32 + rs3]);
      if (v === v) {
        f[32 + rd] = v;
        return flush(cpu, ctx);
      }
    }
    const r = cpu.r;
    const lo = f64_mulAdd(ctx, r[64 + 2 * rs1], r[65 + 2 * rs1] ^ sa, r[64 + 2 * rs2], r[65 + 2 * rs2],
      r[64 + 2 * rs3], r[65 + 2 * rs3] ^ sc, m);
    wd(r, rd, lo, ctx.hi);
    flush(cpu, ctx);
  };
}

/** comparisons / classification: x-register results (0..1023), hi word 0 */
function cmpS(op: (ctx: SoftFloat, a: number, b: number) => number): Helper {
  return (cpu: RiscvCpu, rs1: number, rs2: number) => {
    const ctx = ctxOf(cpu), r = cpu.r;
    const v = op(ctx, rs(r, rs1), rs(r, rs2));
    flush(cpu, ctx);
    cpu.rhi = 0;
    return v;
  };
}
function cmpD(
  fast: (x: number, y: number) => boolean,
  op: (ctx: SoftFloat, alo: number, ahi: number, blo: number, bhi: number) => number,
): Helper {
  return (cpu: RiscvCpu, rs1: number, rs2: number) => {
    const x = cpu.f64[32 + rs1], y = cpu.f64[32 + rs2];
    cpu.rhi = 0;
    if (x === x && y === y) return fast(x, y) ? 1 : 0; // no NaN: no flags
    const ctx = ctxOf(cpu), r = cpu.r;
    const v = op(ctx, r[64 + 2 * rs1], r[65 + 2 * rs1], r[64 + 2 * rs2], r[65 + 2 * rs2]);
    flush(cpu, ctx);
    cpu.rhi = 0;
    return v;
  };
}

function minmaxS(max: boolean): Helper {
  return (cpu: RiscvCpu, rd: number, rs1: number, rs2: number) => {
    const ctx = ctxOf(cpu), r = cpu.r;
    ws(r, rd, f32_minmax(ctx, rs(r, rs1), rs(r, rs2), max, MINMAX_NUMBER));
    flush(cpu, ctx);
  };
}
function minmaxD(max: boolean): Helper {
  return (cpu: RiscvCpu, rd: number, rs1: number, rs2: number) => {
    const ctx = ctxOf(cpu), r = cpu.r;
    const lo = f64_minmax(ctx, r[64 + 2 * rs1], r[65 + 2 * rs1], r[64 + 2 * rs2], r[65 + 2 * rs2], max, MINMAX_NUMBER);
    wd(r, rd, lo, ctx.hi);
    flush(cpu, ctx);
  };
}

/** sign injection: mode 0 copy, 1 negated, 2 xor of the sign of rs2 into rs1 */
function sgnjS(mode: number): Helper {
  return (cpu: RiscvCpu, rd: number, rs1: number, rs2: number) => {
    const r = cpu.r;
    const a = rs(r, rs1), b = rs(r, rs2);
    ws(r, rd, mode === 0 ? (a & 0x7fffffff) | (b & SIGN) : mode === 1 ? (a & 0x7fffffff) | (~b & SIGN) : a ^ (b & SIGN));
  };
}
function sgnjD(mode: number): Helper {
  return (cpu: RiscvCpu, rd: number, rs1: number, rs2: number) => {
    const r = cpu.r;
    const a = r[65 + 2 * rs1], b = r[65 + 2 * rs2];
    wd(r, rd, r[64 + 2 * rs1], mode === 0 ? (a & 0x7fffffff) | (b & SIGN) : mode === 1 ? (a & 0x7fffffff) | (~b & SIGN) : a ^ (b & SIGN));
  };
}

/** float -> integer (x destination) */
function cvtToIntS(kind: number): Helper {
  return (cpu: RiscvCpu, rs1: number, rm: number) => {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu);
    const v = f32_to_int(ctx, rs(cpu.r, rs1), m, kind);
    cpu.rhi = ctx.hi;
    flush(cpu, ctx);
    return v;
  };
}
function cvtToIntD(kind: number): Helper {
  return (cpu: RiscvCpu, rs1: number, rm: number) => {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu);
    const v = numToInt(ctx, cpu.f64[32 + rs1], m, kind); // any NaN reads as NaN here
    cpu.rhi = ctx.hi;
    flush(cpu, ctx);
    return v;
  };
}

/** integer (x source as lo, hi) -> float */
function cvtFromIntS(op: (ctx: SoftFloat, lo: number, hi: number, rm: number) => number): Helper {
  return (cpu: RiscvCpu, rd: number, lo: number, hi: number, rm: number) => {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu);
    ws(cpu.r, rd, op(ctx, lo, hi, m));
    flush(cpu, ctx);
  };
}
function cvtFromIntD(op: (ctx: SoftFloat, lo: number, hi: number, rm: number) => number): Helper {
  return (cpu: RiscvCpu, rd: number, lo: number, hi: number, rm: number) => {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu);
    const rlo = op(ctx, lo, hi, m);
    wd(cpu.r, rd, rlo, ctx.hi);
    flush(cpu, ctx);
  };
}

// ---------------------------------------------------------------- the helpers

export const fpuHelpers: Record<string, Helper> = {
  rv_fp_fadd_s: binS(f32_add),
  rv_fp_fsub_s: binS(f32_sub),
  rv_fp_fmul_s: binS(f32_mul),
  rv_fp_fdiv_s: binS(f32_div),
  rv_fp_fsqrt_s(cpu: RiscvCpu, rd: number, rs1: number, rm: number) {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu), r = cpu.r;
    ws(r, rd, f32_sqrt(ctx, rs(r, rs1), m));
    flush(cpu, ctx);
  },
  rv_fp_fmin_s: minmaxS(false),
  rv_fp_fmax_s: minmaxS(true),
  rv_fp_fmadd_s: fmaS(false, false),
  rv_fp_fmsub_s: fmaS(false, true),
  rv_fp_fnmsub_s: fmaS(true, false),
  rv_fp_fnmadd_s: fmaS(true, true),
  rv_fp_fsgnj_s: sgnjS(0),
  rv_fp_fsgnjn_s: sgnjS(1),
  rv_fp_fsgnjx_s: sgnjS(2),
  rv_fp_feq_s: cmpS(f32_eq),
  rv_fp_flt_s: cmpS(f32_lt),
  rv_fp_fle_s: cmpS(f32_le),
  rv_fp_fclass_s(cpu: RiscvCpu, rs1: number) {
    cpu.rhi = 0;
    return f32_classify(rs(cpu.r, rs1));
  },
  rv_fp_fcvt_w_s: cvtToIntS(I32),
  rv_fp_fcvt_wu_s: cvtToIntS(U32),
  rv_fp_fcvt_l_s: cvtToIntS(I64),
  rv_fp_fcvt_lu_s: cvtToIntS(U64),
  rv_fp_fcvt_s_w: cvtFromIntS((ctx, lo, _hi, m) => i32_to_f32(ctx, lo, m)),
  rv_fp_fcvt_s_wu: cvtFromIntS((ctx, lo, _hi, m) => u32_to_f32(ctx, lo, m)),
  rv_fp_fcvt_s_l: cvtFromIntS(i64_to_f32),
  rv_fp_fcvt_s_lu: cvtFromIntS(u64_to_f32),
  rv_fp_fmv_x_w(cpu: RiscvCpu, rs1: number) {
    const v = cpu.r[64 + 2 * rs1];
    cpu.rhi = v >> 31;
    return v;
  },
  rv_fp_fmv_w_x(cpu: RiscvCpu, rd: number, lo: number) {
    ws(cpu.r, rd, lo);
  },

  rv_fp_fadd_d: binD(rneAdd64, dirAdd64, f64_add),
  rv_fp_fsub_d: binD((ctx, x, y) => rneAdd64(ctx, x, -y), (ctx, x, y, m) => dirAdd64(ctx, x, -y, m), f64_sub),
  rv_fp_fmul_d: binD(rneMul64, dirMul64, f64_mul),
  rv_fp_fdiv_d: binD(rneDiv64, dirDiv64, f64_div),
  rv_fp_fsqrt_d(cpu: RiscvCpu, rd: number, rs1: number, rm: number) {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu);
    const x = cpu.f64[32 + rs1];
    const v = m === RNE ? rneSqrt64(ctx, x) : dirSqrt64(ctx, x, m);
    if (v === v) {
      cpu.f64[32 + rd] = v;
      return flush(cpu, ctx);
    }
    const r = cpu.r;
    wd(r, rd, f64_sqrt(ctx, r[64 + 2 * rs1], r[65 + 2 * rs1], m), ctx.hi);
    flush(cpu, ctx);
  },
  rv_fp_fmin_d: minmaxD(false),
  rv_fp_fmax_d: minmaxD(true),
  rv_fp_fmadd_d: fmaD(false, false),
  rv_fp_fmsub_d: fmaD(false, true),
  rv_fp_fnmsub_d: fmaD(true, false),
  rv_fp_fnmadd_d: fmaD(true, true),
  rv_fp_fsgnj_d: sgnjD(0),
  rv_fp_fsgnjn_d: sgnjD(1),
  rv_fp_fsgnjx_d: sgnjD(2),
  rv_fp_feq_d: cmpD((x, y) => x === y, f64_eq),
  rv_fp_flt_d: cmpD((x, y) => x < y, f64_lt),
  rv_fp_fle_d: cmpD((x, y) => x <= y, f64_le),
  rv_fp_fclass_d(cpu: RiscvCpu, rs1: number) {
    cpu.rhi = 0;
    return f64_classify(cpu.r[64 + 2 * rs1], cpu.r[65 + 2 * rs1]);
  },
  rv_fp_fcvt_w_d: cvtToIntD(I32),
  rv_fp_fcvt_wu_d: cvtToIntD(U32),
  rv_fp_fcvt_l_d: cvtToIntD(I64),
  rv_fp_fcvt_lu_d: cvtToIntD(U64),
  rv_fp_fcvt_d_w: cvtFromIntD((ctx, lo) => i32_to_f64(ctx, lo)),
  rv_fp_fcvt_d_wu: cvtFromIntD((ctx, lo) => u32_to_f64(ctx, lo)),
  rv_fp_fcvt_d_l: cvtFromIntD(i64_to_f64),
  rv_fp_fcvt_d_lu: cvtFromIntD(u64_to_f64),
  rv_fp_fmv_x_d(cpu: RiscvCpu, rs1: number) {
    cpu.rhi = cpu.r[65 + 2 * rs1];
    return cpu.r[64 + 2 * rs1];
  },
  rv_fp_fmv_d_x(cpu: RiscvCpu, rd: number, lo: number, hi: number) {
    wd(cpu.r, rd, lo, hi);
  },

  rv_fp_fcvt_s_d(cpu: RiscvCpu, rd: number, rs1: number, rm: number) {
    const m = rmOf(cpu, rm), ctx = ctxOf(cpu), r = cpu.r;
    ws(r, rd, f64_to_f32(ctx, r[64 + 2 * rs1], r[65 + 2 * rs1], m));
    flush(cpu, ctx);
  },
  rv_fp_fcvt_d_s(cpu: RiscvCpu, rd: number, rs1: number, rm: number) {
    rmOf(cpu, rm);
    const ctx = ctxOf(cpu), r = cpu.r;
    wd(r, rd, f32_to_f64(ctx, rs(r, rs1)), ctx.hi);
    flush(cpu, ctx);
  },
};
