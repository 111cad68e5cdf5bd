/**
 * VFP instructions, shared by A32 and T32 (handlers named after the patterns in
 * insns-vfp.spec.ts). Transfers and loads/stores are IR on the S/D registers; arithmetic,
 * comparisons and conversions call the `vfp` helper (helpers-vfp.ts) with the condition,
 * an operation code and the cpu.r indices of the operands, so conditional execution and
 * FPSCR (rounding, cumulative flags) stay in one place.
 */
import { CF, D0, D0_INDEX, FPSCR, NF, R_PC, VF, ZF } from './cpu.js';
import type { ArmCtx } from './ctx.js';
import { decodeVfp, type TransTable } from './decoder-vfp.generated.js';
import { Vop } from './vfp-ops.js';
import { mrc } from './ops.js';
import { neonDupCore, neonMovScalar } from './trans-neon.js';

/** IR register of S0 (S registers alias the halves of D0..D15) */
export const S0 = D0 + 32;

const sreg = (v: number, bit: number) => (v << 1) | bit;
const dreg = (v: number, bit: number) => (bit << 4) | v;

export function s(c: ArmCtx, j: number): number {
  return c.b.get(S0 + j, 'i32');
}
export function setS(c: ArmCtx, j: number, v: number): void {
  if (c.cond >= 0) v = c.b.select(c.cond, v, c.b.get(S0 + j, 'i32'));
  c.b.set(S0 + j, v);
}

/** cpu.r index of an S or D register */
const sIdx = (j: number) => D0_INDEX + j;
const dIdx = (k: number) => D0_INDEX + 2 * k;

function vfpCall(c: ArmCtx, op: Vop, dbl: boolean, d: number, n: number, m: number): void {
  const cond = c.cond >= 0 ? c.cond : c.k32(1);
  c.b.call('arm_vfp', null, [cond, c.k32(op | (dbl ? 64 : 0)), c.k32(d), c.k32(n), c.k32(m)]);
}

/** VFPExpandImm */
function expandImm(imm8: number, dbl: boolean): bigint {
  const sign = BigInt(imm8 >> 7);
  const b6 = (imm8 >> 6) & 1;
  const cd = BigInt((imm8 >> 4) & 3);
  const efgh = BigInt(imm8 & 15);
  if (!dbl) {
    return (sign << 31n) | (BigInt(b6 ^ 1) << 30n) | (b6 ? 0x1fn << 25n : 0n) | (cd << 23n) | (efgh << 19n);
  }
  return (sign << 63n) | (BigInt(b6 ^ 1) << 62n) | (b6 ? 0xffn << 54n : 0n) | (cd << 52n) | (efgh << 48n);
}

export const transVfp: TransTable<ArmCtx> = {
  vmov_imm(c, a) {
    const imm = expandImm((a.hi << 4) | a.lo, a.sz === 1);
    if (a.sz) c.setD(dreg(a.vd, a.d), c.b.const64(imm));
    else setS(c, sreg(a.vd, a.d), c.k32(Number(BigInt.asIntN(32, imm))));
    return true;
  },
  vdp(c, a) {
    const dbl = a.sz === 1;
    const r = (v: number, bit: number) => (dbl ? dIdx(dreg(v, bit)) : sIdx(sreg(v, bit)));
    const D = r(a.vd, a.d), N = r(a.vn, a.n), M = r(a.vm, a.m);
    const opc = (a.o1 << 2) | a.o2;
    const simple: Record<number, [Vop, Vop]> = {
      0: [Vop.MLA, Vop.MLS], 1: [Vop.NMLS, Vop.NMLA], 2: [Vop.MUL, Vop.NMUL], 3: [Vop.ADD, Vop.SUB],
      4: [Vop.DIV, -1 as Vop], 5: [Vop.FNMS, Vop.FNMA], 6: [Vop.FMA, Vop.FMS],
    };
    if (opc !== 7) {
      const op = simple[opc & 7][a.o3];
      if (op === undefined || op < 0) return false;
      vfpCall(c, op, dbl, D, N, M);
      return true;
    }
    if (!a.o3) return false;
    const opc3 = (a.n << 1) | a.o3;
    switch (a.vn) {
      case 0: vfpCall(c, a.n ? Vop.ABS : Vop.MOV, dbl, D, 0, M); return true;
      case 1: vfpCall(c, a.n ? Vop.SQRT : Vop.NEG, dbl, D, 0, M); return true;
      case 4: vfpCall(c, a.n ? Vop.CMPE : Vop.CMP, dbl, 0, D, M); return true;
      case 5: if (a.vm || a.m) return false; vfpCall(c, a.n ? Vop.CMPE0 : Vop.CMP0, dbl, 0, D, 0); return true;
      case 2: case 3:
        // VCVTB/VCVTT between single and half precision (a.n: top half); sz = 1 is ARMv8's double form
        if (dbl) return false;
        c.b.call('arm_vfp_f16', null, [c.cond >= 0 ? c.cond : c.k32(1), c.k32((a.vn & 1) | (a.n << 1)), c.k32(sIdx(sreg(a.vd, a.d))), c.k32(sIdx(sreg(a.vm, a.m)))]);
        return true;
      case 7:
        if (opc3 !== 3) return false;
        // double -> single (sz = 1) or single -> double
        vfpCall(c, Vop.CVT_FD, dbl, dbl ? sIdx(sreg(a.vd, a.d)) : dIdx(dreg(a.vd, a.d)), 0, M);
        return true;
      case 8:
        vfpCall(c, a.n ? Vop.FROM_S32 : Vop.FROM_U32, dbl, D, 0, sIdx(sreg(a.vm, a.m)));
        return true;
      case 10: case 11: case 14: case 15: {
        // VCVT between floating point and fixed point (in place): sx = a.n (32-bit), imm4:i
        const bits = a.n ? 32 : 16;
        const fbits = bits - ((a.vm << 1) | a.m);
        if (fbits < 0) return false;
        const code = (dbl ? 1 : 0) | (a.vn >= 14 ? 2 : 0) | (a.vn & 1 ? 4 : 0) | (a.n ? 8 : 0);
        c.b.call('arm_vfp_fixed', null, [c.cond >= 0 ? c.cond : c.k32(1), c.k32(code), c.k32(D), c.k32(fbits)]);
        return true;
      }
      case 12: case 13: {
        const signed = a.vn === 13;
        const op = signed ? (a.n ? Vop.TO_S32_RZ : Vop.TO_S32) : (a.n ? Vop.TO_U32_RZ : Vop.TO_U32);
        vfpCall(c, op, dbl, sIdx(sreg(a.vd, a.d)), 0, M);
        return true;
      }
      default: return false;
    }
  },
  vmov_sr(c, a) {
    const j = sreg(a.vn, a.n);
    if (a.l) c.writeReg(a.rt, s(c, j), false);
    else setS(c, j, c.reg(a.rt));
    return true;
  },
  vmrs(c, a) {
    const v = c.b.get(FPSCR, 'i32');
    if (a.rt !== R_PC) { c.setReg(a.rt, v); return true; }
    const bit = (n: number) => c.op('and', c.op('shr', v, c.k32(n)), c.k32(1));
    c.setFlag(NF, bit(31)); c.setFlag(ZF, bit(30)); c.setFlag(CF, bit(29)); c.setFlag(VF, bit(28));
    return true;
  },
  vmsr(c, a) {
    // the trap enables (IDE, IXE..IOE) are RAZ/WI (no trapping, as in qemu), reserved bits RES0
    let v = c.op('and', c.reg(a.rt), c.k32(0xffff009f));
    if (c.cond >= 0) v = c.b.select(c.cond, v, c.b.get(FPSCR, 'i32'));
    c.b.set(FPSCR, v);
    return true;
  },
  vdup: (c, a) => neonDupCore(c, a),
  vmov_scalar(c, a) {
    // the 32-bit forms here (opc1 = 0x, opc2 = 00: the index is opc1 bit 0), 8/16-bit in trans-neon.ts
    if ((a.opc1 & 2) || a.opc2) return neonMovScalar(c, a);
    const j = 2 * dreg(a.vn, a.n) + (a.opc1 & 1);
    if (j >= 32) {
      // D16..D31 halves are not S registers: go through the i64 register
      const k = j >> 1, hi = j & 1;
      const dv = c.d(k);
      if (a.l) {
        c.writeReg(a.rt, c.b.trunc(hi ? c.b.bin('shr', dv, c.k32(32)) : dv), false);
      } else {
        const x = c.b.zext(c.reg(a.rt));
        const nv = hi ? c.b.or(c.b.and(dv, c.b.const64(0xffffffffn)), c.b.bin('shl', x, c.k32(32)))
          : c.b.or(c.b.and(dv, c.b.const64(0xffffffff00000000n)), x);
        c.setD(k, nv);
      }
      return true;
    }
    if (a.l) c.writeReg(a.rt, s(c, j), false);
    else {
      if (a.u) return false;
      setS(c, j, c.reg(a.rt));
    }
    return true;
  },
  vmov_2(c, a) {
    if (a.sz) {
      const k = dreg(a.vm, a.m);
      if (a.l) {
        const v = c.d(k);
        c.setReg(a.rt, c.b.trunc(v));
        c.setReg(a.rt2, c.b.trunc(c.b.bin('shr', v, c.k32(32))));
      } else {
        const v = c.b.or(c.b.zext(c.reg(a.rt)), c.b.bin('shl', c.b.zext(c.reg(a.rt2)), c.k32(32)));
        c.setD(k, v);
      }
      return true;
    }
    const j = sreg(a.vm, a.m);
    if (j === 31) return false;
    if (a.l) {
      const v1 = s(c, j), v2 = s(c, j + 1);
      c.setReg(a.rt, v1);
      c.setReg(a.rt2, v2);
    } else {
      setS(c, j, c.reg(a.rt));
      setS(c, j + 1, c.reg(a.rt2));
    }
    return true;
  },
  vldr(c, a) {
    const base = a.rn === R_PC ? c.pcAligned() : c.reg(a.rn);
    const addr = c.op(a.u ? 'add' : 'sub', base, c.k32(a.imm << 2));
    if (a.sz) {
      const k = dreg(a.vd, a.d);
      if (a.l) c.setD(k, c.load64(addr));
      else c.store64(addr, c.d(k));
    } else {
      const j = sreg(a.vd, a.d);
      if (a.l) setS(c, j, c.load(4, false, addr, true));
      else c.store(4, addr, s(c, j), true);
    }
    return true;
  },
  vldm(c, a) {
    // IA (P=0 U=1), IA! (W=1), DB! (P=1 U=0 W=1); other combinations are undefined
    if (a.p === a.u || (a.p && !a.w)) return false;
    const words = a.imm;
    const n = a.sz ? words >> 1 : words;
    if (n === 0) return false;
    const first = a.sz ? dreg(a.vd, a.d) : sreg(a.vd, a.d);
    if (first + n > 32) return false;
    const base = c.reg(a.rn);
    const start = a.u ? base : c.op('sub', base, c.k32(words * 4));
    for (let i = 0; i < n; i++) {
      const addr = c.op('add', start, c.k32(i * (a.sz ? 8 : 4)));
      if (a.sz) {
        if (a.l) c.setD(first + i, c.load64(addr));
        else c.store64(addr, c.d(first + i));
      } else if (a.l) setS(c, first + i, c.load(4, false, addr, true));
      else c.store(4, addr, s(c, first + i), true);
    }
    if (a.w) c.setReg(a.rn, c.op(a.u ? 'add' : 'sub', base, c.k32(words * 4)));
    return true;
  },
};

/** A coprocessor-space instruction (A32 cond != 1111, or T32 with top nibble 1110). */
export function translateCop(c: ArmCtx, insn: number): boolean {
  if (c.thumb && ((insn >>> 28) & 1) === 1) return false; // T32 1111 11..: NEON / coprocessor 2
  if (((insn >>> 24) & 15) === 14 && ((insn >>> 8) & 15) === 15 && (insn & 0x100010) === 0x100010) {
    // MRC p15 (T32 shares the A32 layout below the top nibble)
    return mrc(c, 15, (insn >>> 21) & 7, (insn >>> 16) & 15, (insn >>> 12) & 15, (insn >>> 5) & 7, insn & 15);
  }
  const d = decodeVfp(insn);
  if (!d) return false;
  const h = transVfp[d.name] as (c: ArmCtx, a: unknown) => boolean;
  return h(c, d.args);
}
