/**
 * FPU arithmetic, conversions and compares (S, D, W, L formats). Arithmetic, conversions and
 * compares are helper calls by register number (fpu-ops.ts: exact rounding and flags);
 * mov/abs/neg and the conditional moves are bit operations in the IR (legacy MIPS abs/neg
 * only flip the sign bit, without exceptions). With FR=0 a double in an odd register is a
 * reserved instruction.
 */
import type {
  Args_cc_cond_fmt_fs_ft, Args_cc_fd_fmt_fs_tf, Args_fd_fmt_fs, Args_fd_fmt_fs_ft, Args_fd_fmt_fs_rt, Args_fd_fr_fs_ft, TransTable,
} from './decoder.generated.js';
import type { MipsCtx } from './ctx.js';
import { FMT_D, FMT_L, FMT_S, FMT_W, OP } from './fpu-ops.js';
import { fcc, fpr32, fpr64, setFpr32, setFpr64 } from './trans-fpu.js';

type C = MipsCtx;
type Arith = Pick<TransTable<C>,
  | 'add_f' | 'sub_f' | 'mul_f' | 'div_f' | 'sqrt_f' | 'abs_f' | 'mov_f' | 'neg_f'
  | 'round_l' | 'trunc_l' | 'ceil_l' | 'floor_l' | 'round_w' | 'trunc_w' | 'ceil_w' | 'floor_w'
  | 'recip_f' | 'rsqrt_f' | 'cvt_s' | 'cvt_d' | 'cvt_w' | 'cvt_l' | 'movcf_f' | 'movz_f' | 'movn_f' | 'c_cond_f'
  | 'madd_s' | 'madd_d' | 'msub_s' | 'msub_d' | 'nmadd_s' | 'nmadd_d' | 'nmsub_s' | 'nmsub_d'>;

/** a 64-bit operand register that FR=0 cannot name (odd) */
const badPair = (c: C, ...regs: number[]) => !c.fr && regs.some((r) => r & 1);
const is64fmt = (fmt: number) => fmt === FMT_D || fmt === FMT_L;

function bin(op: number) {
  return (c: C, a: Args_fd_fmt_fs_ft): boolean => {
    if (a.fmt !== FMT_S && a.fmt !== FMT_D) return false;
    if (a.fmt === FMT_D && badPair(c, a.fd, a.fs, a.ft)) return false;
    c.call('mips_fp_bin', null, [c.k32(op), c.k32(a.fmt), c.k32(a.fd), c.k32(a.fs), c.k32(a.ft)]);
    return true;
  };
}
/** one-operand operations; `from`: the source formats allowed, `to64`: the result is 64-bit */
function un(op: number, from: number[], to64: boolean | undefined) {
  return (c: C, a: Args_fd_fmt_fs): boolean => {
    if (!from.includes(a.fmt)) return false;
    const dst64 = to64 ?? is64fmt(a.fmt);
    if (badPair(c, ...(is64fmt(a.fmt) ? [a.fs] : []), ...(dst64 ? [a.fd] : []))) return false;
    c.call('mips_fp_un', null, [c.k32(op), c.k32(a.fmt), c.k32(a.fd), c.k32(a.fs)]);
    return true;
  };
}
const SD = [FMT_S, FMT_D];

/** mov/abs/neg: copy with the sign bit kept, cleared or flipped */
function signOp(kind: 'mov' | 'abs' | 'neg') {
  return (c: C, a: Args_fd_fmt_fs): boolean => {
    if (a.fmt === FMT_S) {
      const v = fpr32(c, a.fs);
      setFpr32(c, a.fd, kind === 'mov' ? v : kind === 'abs' ? c.op('and', v, c.k32(0x7fffffff)) : c.op('xor', v, c.k32(0x80000000 | 0)));
      return true;
    }
    if (a.fmt !== FMT_D || badPair(c, a.fd, a.fs)) return false;
    const v = fpr64(c, a.fs);
    const sign = c.b.k64(0x8000000000000000n);
    setFpr64(c, a.fd, kind === 'mov' ? v : kind === 'abs' ? c.op('and', v, c.b.not(sign)) : c.op('xor', v, sign));
    return true;
  };
}
/** conditional FP moves: fd = cond ? fs : fd */
function condMove(c: C, fmt: number, fd: number, fs: number, cond: number): boolean {
  if (fmt === FMT_S) {
    setFpr32(c, fd, c.b.select(cond, fpr32(c, fs), fpr32(c, fd)));
    return true;
  }
  if (fmt !== FMT_D || badPair(c, fd, fs)) return false;
  setFpr64(c, fd, c.b.select(cond, fpr64(c, fs), fpr64(c, fd)));
  return true;
}
/** madd/msub/nmadd/nmsub: kind bit 0 = subtract, bit 1 = negate */
function madd(kind: number, double: boolean) {
  return (c: C, a: Args_fd_fr_fs_ft): boolean => {
    if (double && badPair(c, a.fd, a.fr, a.fs, a.ft)) return false;
    c.call('mips_fp_madd', null, [c.k32(kind), c.k32(double ? 1 : 0), c.k32(a.fd), c.k32(a.fr), c.k32(a.fs), c.k32(a.ft)]);
    return true;
  };
}

export const transFpuArith: Arith = {
  add_f: bin(OP.add),
  sub_f: bin(OP.sub),
  mul_f: bin(OP.mul),
  div_f: bin(OP.div),
  sqrt_f: un(OP.sqrt, SD, undefined),
  recip_f: un(OP.recip, SD, undefined),
  rsqrt_f: un(OP.rsqrt, SD, undefined),
  round_w: un(OP.round_w, SD, false),
  trunc_w: un(OP.trunc_w, SD, false),
  ceil_w: un(OP.ceil_w, SD, false),
  floor_w: un(OP.floor_w, SD, false),
  cvt_w: un(OP.cvt_w, SD, false),
  round_l: un(OP.round_l, SD, true),
  trunc_l: un(OP.trunc_l, SD, true),
  ceil_l: un(OP.ceil_l, SD, true),
  floor_l: un(OP.floor_l, SD, true),
  cvt_l: un(OP.cvt_l, SD, true),
  cvt_s: un(OP.cvt_s, [FMT_D, FMT_W, FMT_L], false),
  cvt_d: un(OP.cvt_d, [FMT_S, FMT_W, FMT_L], true),
  mov_f: signOp('mov'),
  abs_f: signOp('abs'),
  neg_f: signOp('neg'),
  movcf_f(c, a: Args_cc_fd_fmt_fs_tf) {
    const v = fcc(c, a.cc);
    return condMove(c, a.fmt, a.fd, a.fs, a.tf ? v : c.op('xor', v, c.k32(1)));
  },
  movz_f(c, a: Args_fd_fmt_fs_rt) {
    return condMove(c, a.fmt, a.fd, a.fs, c.cmp('eq', c.g(a.rt), c.kw(0)));
  },
  movn_f(c, a: Args_fd_fmt_fs_rt) {
    return condMove(c, a.fmt, a.fd, a.fs, c.cmp('ne', c.g(a.rt), c.kw(0)));
  },
  c_cond_f(c, a: Args_cc_cond_fmt_fs_ft) {
    if (a.fmt !== FMT_S && a.fmt !== FMT_D) return false;
    if (a.fmt === FMT_D && badPair(c, a.fs, a.ft)) return false;
    c.call('mips_fp_cmp', null, [c.k32(a.fmt), c.k32(a.cond), c.k32(a.cc), c.k32(a.fs), c.k32(a.ft)]);
    return true;
  },
  madd_s: madd(0, false),
  madd_d: madd(0, true),
  msub_s: madd(1, false),
  msub_d: madd(1, true),
  nmadd_s: madd(2, false),
  nmadd_d: madd(2, true),
  nmsub_s: madd(3, false),
  nmsub_d: madd(3, true),
};
