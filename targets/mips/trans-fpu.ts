/**
 * COP1: moves between GPRs and FP registers, FP loads and stores, FCSR (cfc1/ctc1), and the
 * branches and conditional moves on the FCSR condition codes. The FP register model depends
 * on Status.FR (ctx.fr, a translation mode): with FR=1 each $fN is 64 bits; with FR=0 a
 * single is the low word of $fN and a double $f2n is the low words of $f2n (low half) and
 * $f2n+1 (high half). Writing a single leaves the register's upper word as it was.
 *
 * FCSR condition code n is bit 23 (n = 0) or bit 24 + n.
 */
import type {
  Args_cc_imm_tf, Args_cc_rd_rs_tf, Args_fs_rt, Args_ft_imm_rs, Args_fd_rs_rt, Args_fs_rs_rt, TransTable,
} from './decoder.generated.js';
import type { MipsCtx } from './ctx.js';
import { FCSR } from './cpu.js';
import { branch } from './trans-branch.js';
import { transFpuArith } from './trans-fpu-arith.js';

type C = MipsCtx;

/** the low word of $fN (a single, or half of an FR=0 double) */
export function fpr32(c: C, n: number): number {
  return c.b.trunc(c.f(n));
}
/** write the low word of $fN, keeping its upper word */
export function setFpr32(c: C, n: number, v: number): void {
  c.setF(n, c.b.deposit(c.f(n), v, 0, 32));
}
/** the double in $fN (FR=0: the pair $fN, $fN+1; N must be even) */
export function fpr64(c: C, n: number): number {
  if (c.fr) return c.f(n);
  const lo = c.b.zext(fpr32(c, n & ~1));
  const hi = c.b.zext(fpr32(c, n | 1));
  return c.op('or', lo, c.op('shl', hi, c.k32(32)));
}
export function setFpr64(c: C, n: number, v: number): void {
  if (c.fr) return c.setF(n, v);
  setFpr32(c, n & ~1, c.b.trunc(v));
  setFpr32(c, n | 1, c.b.trunc(c.op('shr', v, c.k32(32))));
}
/** FCSR condition code cc as i32 0/1 */
export function fcc(c: C, cc: number): number {
  const bit = cc === 0 ? 23 : 24 + cc;
  return c.b.extract(c.b.get(FCSR, 'i32'), bit, 1);
}

function fload(size: 4 | 8, indexed: boolean) {
  return (c: C, a: Args_ft_imm_rs | Args_fd_rs_rt): boolean => {
    const addr = indexed ? c.op('add', c.g32(a.rs), c.g32((a as Args_fd_rs_rt).rt)) : c.addr(a.rs, (a as Args_ft_imm_rs).imm);
    const reg = indexed ? (a as Args_fd_rs_rt).fd : (a as Args_ft_imm_rs).ft;
    if (size === 4) setFpr32(c, reg, c.b.load('i32', 4, false, addr, 4));
    else {
      if (!c.fr && reg & 1) return false;
      setFpr64(c, reg, c.b.load('i64', 8, false, addr, 8));
    }
    return true;
  };
}
function fstore(size: 4 | 8, indexed: boolean) {
  return (c: C, a: Args_ft_imm_rs | Args_fs_rs_rt): boolean => {
    const addr = indexed ? c.op('add', c.g32(a.rs), c.g32((a as Args_fs_rs_rt).rt)) : c.addr(a.rs, (a as Args_ft_imm_rs).imm);
    const reg = indexed ? (a as Args_fs_rs_rt).fs : (a as Args_ft_imm_rs).ft;
    if (size === 4) c.b.store(4, addr, fpr32(c, reg), 4);
    else {
      if (!c.fr && reg & 1) return false;
      c.b.store(8, addr, fpr64(c, reg), 8);
    }
    return true;
  };
}

type Moves = Pick<TransTable<C>,
  | 'mfc1' | 'mtc1' | 'mfhc1' | 'mthc1' | 'dmfc1' | 'dmtc1' | 'cfc1' | 'ctc1'
  | 'lwc1' | 'ldc1' | 'lwxc1' | 'ldxc1' | 'luxc1' | 'swc1' | 'sdc1' | 'swxc1' | 'sdxc1' | 'suxc1'
  | 'prefx' | 'bc1' | 'bc1l' | 'movci'>;

export const transFpu: Moves & typeof transFpuArith = {
  ...transFpuArith,
  mfc1(c, a: Args_fs_rt) { c.set32(a.rt, fpr32(c, a.fs)); return true; },
  mtc1(c, a: Args_fs_rt) { setFpr32(c, a.fs, c.g32(a.rt)); return true; },
  mfhc1(c, a: Args_fs_rt) {
    c.set32(a.rt, c.fr ? c.b.trunc(c.op('shr', c.f(a.fs), c.k32(32))) : fpr32(c, a.fs | 1));
    return true;
  },
  mthc1(c, a: Args_fs_rt) {
    if (c.fr) c.setF(a.fs, c.b.deposit(c.f(a.fs), c.g32(a.rt), 32, 32));
    else setFpr32(c, a.fs | 1, c.g32(a.rt));
    return true;
  },
  dmfc1(c, a: Args_fs_rt) {
    if (!c.is64) return false;
    c.set(a.rt, c.f(a.fs));
    return true;
  },
  dmtc1(c, a: Args_fs_rt) {
    if (!c.is64) return false;
    c.setF(a.fs, c.g(a.rt));
    return true;
  },
  cfc1(c, a: Args_fs_rt) {
    c.set32(a.rt, c.call('mips_cfc1', 'i32', [c.k32(a.fs)]));
    return true;
  },
  ctc1(c, a: Args_fs_rt) {
    c.call('mips_ctc1', null, [c.k32(a.fs), c.g32(a.rt)]);
    return true;
  },
  lwc1: fload(4, false),
  ldc1: fload(8, false),
  lwxc1: fload(4, true),
  ldxc1: fload(8, true),
  luxc1(c, a: Args_fd_rs_rt) {
    const addr = c.op('and', c.op('add', c.g32(a.rs), c.g32(a.rt)), c.k32(~7));
    setFpr64(c, a.fd, c.b.load('i64', 8, false, addr, 8));
    return true;
  },
  swc1: fstore(4, false),
  sdc1: fstore(8, false),
  swxc1: fstore(4, true),
  sdxc1: fstore(8, true),
  suxc1(c, a: Args_fs_rs_rt) {
    const addr = c.op('and', c.op('add', c.g32(a.rs), c.g32(a.rt)), c.k32(~7));
    c.b.store(8, addr, fpr64(c, a.fs), 8);
    return true;
  },
  prefx: () => true,
  bc1(c, a: Args_cc_imm_tf) {
    const v = fcc(c, a.cc);
    return branch(c, a.tf ? v : c.op('xor', v, c.k32(1)), { pc: (c.pc + 4 + a.imm * 4) >>> 0 });
  },
  bc1l(c, a: Args_cc_imm_tf) {
    const v = fcc(c, a.cc);
    return branch(c, a.tf ? v : c.op('xor', v, c.k32(1)), { pc: (c.pc + 4 + a.imm * 4) >>> 0 }, true);
  },
  movci(c, a: Args_cc_rd_rs_tf) {
    const v = fcc(c, a.cc);
    const cond = a.tf ? v : c.op('xor', v, c.k32(1));
    c.set(a.rd, c.b.select(cond, c.g(a.rs), c.g(a.rd)));
    return true;
  },
};
