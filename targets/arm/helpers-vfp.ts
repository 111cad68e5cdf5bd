/**
 * The `vfp` helper: VFP arithmetic, comparisons and conversions on the register file, over
 * the target-independent softfloat library with ARM conventions: rounding from FPSCR.RMode,
 * NaN propagation (first signalling NaN quieted, else the first quiet NaN) unless FPSCR.DN
 * asks for the default NaN, NaN -> 0 for float-to-integer conversions, cumulative exception
 * flags in FPSCR[4:0]. Flush-to-zero (FPSCR.FZ) is not implemented (glibc leaves it off).
 *
 * vfp(cond, code, d, n, m): nothing happens when cond is 0; code = Vop | 64 for double
 * precision; d, n, m are cpu.r indices (an S register's word, or a D register's low word).
 */
import {
  I32, NAN_DEFAULT, NAN_PROPAGATE, INTNAN_ZERO, RDN, RNE, RTZ, RUP, type SoftFloat, U32,
  f32_add, f32_compare, f32_div, f32_mul, f32_mulAdd, f32_sqrt, f32_sub, f32_to_f64,
  f64_add, f64_compare, f64_div, f64_mul, f64_mulAdd, f64_sqrt, f64_sub, f64_to_f32,
  i32_to_f32, i32_to_f64, u32_to_f32, u32_to_f64, numToInt, f32ToNum, f64ToNum,
  NX, UF, OF, DZ, NV, LESS, EQUAL, GREATER,
} from '../../src/softfloat/index.js';
import type { Helper } from '../target.js';
import { type ArmCpu, FPSCR } from './cpu.js';
import { Vop } from './vfp-ops.js';

/** FPSCR.RMode -> softfloat rounding mode */
const RMODE = [RNE, RUP, RDN, RTZ];
const NEG32 = -0x80000000;

function setup(cpu: ArmCpu): SoftFloat {
  const sf = cpu.sf;
  const fpscr = cpu.r[FPSCR];
  sf.nanMode = fpscr & (1 << 25) ? NAN_DEFAULT : NAN_PROPAGATE;
  sf.intNaN = INTNAN_ZERO;
  sf.flags = 0;
  return sf;
}

function flush(cpu: ArmCpu, sf: SoftFloat): void {
  const f = sf.flags;
  if (f === 0) return;
  let b = 0;
  if (f & NV) b |= 1;
  if (f & DZ) b |= 2;
  if (f & OF) b |= 4;
  if (f & UF) b |= 8;
  if (f & NX) b |= 16;
  cpu.r[FPSCR] |= b;
  sf.flags = 0;
}

function setNzcv(cpu: ArmCpu, rel: number): void {
  const nzcv = rel === EQUAL ? 0x6 : rel === LESS ? 0x8 : rel === GREATER ? 0x2 : 0x3;
  cpu.r[FPSCR] = (cpu.r[FPSCR] & 0x0fffffff) | (nzcv << 28);
}

function single(cpu: ArmCpu, sf: SoftFloat, op: Vop, d: number, n: number, m: number, rm: number): void {
  const r = cpu.r;
  const a = r[n], b = r[m], acc = r[d];
  switch (op) {
    case Vop.MLA: r[d] = f32_add(sf, acc, f32_mul(sf, a, b, rm), rm); break;
    case Vop.MLS: r[d] = f32_add(sf, acc, f32_mul(sf, a, b, rm) ^ NEG32, rm); break;
    case Vop.NMLA: r[d] = f32_add(sf, acc ^ NEG32, f32_mul(sf, a, b, rm) ^ NEG32, rm); break;
    case Vop.NMLS: r[d] = f32_add(sf, acc ^ NEG32, f32_mul(sf, a, b, rm), rm); break;
    case Vop.MUL: r[d] = f32_mul(sf, a, b, rm); break;
    case Vop.NMUL: r[d] = f32_mul(sf, a, b, rm) ^ NEG32; break;
    case Vop.ADD: r[d] = f32_add(sf, a, b, rm); break;
    case Vop.SUB: r[d] = f32_sub(sf, a, b, rm); break;
    case Vop.DIV: r[d] = f32_div(sf, a, b, rm); break;
    case Vop.FMA: r[d] = f32_mulAdd(sf, a, b, acc, rm); break;
    case Vop.FMS: r[d] = f32_mulAdd(sf, a ^ NEG32, b, acc, rm); break;
    case Vop.FNMA: r[d] = f32_mulAdd(sf, a ^ NEG32, b, acc ^ NEG32, rm); break;
    case Vop.FNMS: r[d] = f32_mulAdd(sf, a, b, acc ^ NEG32, rm); break;
    case Vop.MOV: r[d] = b; break;
    case Vop.ABS: r[d] = b & 0x7fffffff; break;
    case Vop.NEG: r[d] = b ^ NEG32; break;
    case Vop.SQRT: r[d] = f32_sqrt(sf, b, rm); break;
    case Vop.CMP: case Vop.CMPE: setNzcv(cpu, f32_compare(sf, a, b, op === Vop.CMPE)); break;
    case Vop.CMP0: case Vop.CMPE0: setNzcv(cpu, f32_compare(sf, a, 0, op === Vop.CMPE0)); break;
    case Vop.CVT_FD: r[d] = f32_to_f64(sf, b); r[d + 1] = sf.hi; break;
    case Vop.FROM_U32: r[d] = u32_to_f32(sf, b, rm); break;
    case Vop.FROM_S32: r[d] = i32_to_f32(sf, b, rm); break;
    default: r[d] = toInt(sf, f32ToNum(sf, b), op, rm);
  }
}

function toInt(sf: SoftFloat, x: number, op: Vop, rm: number): number {
  const rz = op === Vop.TO_U32_RZ || op === Vop.TO_S32_RZ;
  const kind = op === Vop.TO_U32 || op === Vop.TO_U32_RZ ? U32 : I32;
  return numToInt(sf, x, rz ? RTZ : rm, kind);
}

function double(cpu: ArmCpu, sf: SoftFloat, op: Vop, d: number, n: number, m: number, rm: number): void {
  const r = cpu.r;
  const al = r[n], ah = r[n + 1], bl = r[m], bh = r[m + 1], cl = r[d], ch = r[d + 1];
  let lo: number;
  let hi: number;
  const mul = () => { const l = f64_mul(sf, al, ah, bl, bh, rm); return [l, sf.hi]; };
  switch (op) {
    case Vop.MLA: case Vop.MLS: case Vop.NMLA: case Vop.NMLS: {
      const [pl, ph0] = mul();
      const ph = op === Vop.MLS || op === Vop.NMLA ? ph0 ^ NEG32 : ph0;
      const xh = op === Vop.NMLA || op === Vop.NMLS ? ch ^ NEG32 : ch;
      lo = f64_add(sf, cl, xh, pl, ph, rm); hi = sf.hi; break;
    }
    case Vop.MUL: lo = f64_mul(sf, al, ah, bl, bh, rm); hi = sf.hi; break;
    case Vop.NMUL: lo = f64_mul(sf, al, ah, bl, bh, rm); hi = sf.hi ^ NEG32; break;
    case Vop.ADD: lo = f64_add(sf, al, ah, bl, bh, rm); hi = sf.hi; break;
    case Vop.SUB: lo = f64_sub(sf, al, ah, bl, bh, rm); hi = sf.hi; break;
    case Vop.DIV: lo = f64_div(sf, al, ah, bl, bh, rm); hi = sf.hi; break;
    case Vop.FMA: lo = f64_mulAdd(sf, al, ah, bl, bh, cl, ch, rm); hi = sf.hi; break;
    case Vop.FMS: lo = f64_mulAdd(sf, al, ah ^ NEG32, bl, bh, cl, ch, rm); hi = sf.hi; break;
    case Vop.FNMA: lo = f64_mulAdd(sf, al, ah ^ NEG32, bl, bh, cl, ch ^ NEG32, rm); hi = sf.hi; break;
    case Vop.FNMS: lo = f64_mulAdd(sf, al, ah, bl, bh, cl, ch ^ NEG32, rm); hi = sf.hi; break;
    case Vop.MOV: lo = bl; hi = bh; break;
    case Vop.ABS: lo = bl; hi = bh & 0x7fffffff; break;
    case Vop.NEG: lo = bl; hi = bh ^ NEG32; break;
    case Vop.SQRT: lo = f64_sqrt(sf, bl, bh, rm); hi = sf.hi; break;
    case Vop.CMP: case Vop.CMPE: setNzcv(cpu, f64_compare(sf, al, ah, bl, bh, op === Vop.CMPE)); return;
    case Vop.CMP0: case Vop.CMPE0: setNzcv(cpu, f64_compare(sf, al, ah, 0, 0, op === Vop.CMPE0)); return;
    case Vop.CVT_FD: r[d] = f64_to_f32(sf, bl, bh, rm); return;
    case Vop.FROM_U32: lo = u32_to_f64(sf, r[m]); hi = sf.hi; break;
    case Vop.FROM_S32: lo = i32_to_f64(sf, r[m]); hi = sf.hi; break;
    default: r[d] = toInt(sf, f64ToNum(sf, bl, bh), op, rm); return;
  }
  r[d] = lo;
  r[d + 1] = hi;
}

export const vfpHelpers: Record<string, Helper> = {
  vfp(cpu: ArmCpu, cond: number, code: number, d: number, n: number, m: number) {
    if (cond === 0) return;
    const sf = setup(cpu);
    const rm = RMODE[(cpu.r[FPSCR] >>> 22) & 3];
    if (code & 64) double(cpu, sf, code & 63, d, n, m, rm);
    else single(cpu, sf, code & 63, d, n, m, rm);
    flush(cpu, sf);
  },
};
