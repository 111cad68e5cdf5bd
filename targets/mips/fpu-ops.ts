/**
 * FPU arithmetic helpers (prefix mips_fp_): operations on the FP registers in the CPU, by
 * register number, with exact rounding (the FCSR's RM) and IEEE flags from src/core/softfloat.
 * After each operation the FCSR's cause field holds that operation's exceptions and its
 * flags field accumulates them (an enabled exception raises SIGFPE, as the FPU would trap).
 *
 * MIPS32r2/MIPS64r2 as Debian builds for them: legacy NaN encoding (signalling NaNs have the
 * top fraction bit set; a NaN operand gives the default NaN 0x7fbfffff / 0x7ff7ffffffffffff), unfused multiply-add (madd rounds the
 * product, as qemu does for pre-R6 CPUs), abs/neg flip the sign bit only, and a float ->
 * integer conversion that is invalid (NaN, out of range) gives 2^31 - 1 / 2^63 - 1.
 */
import { Excp, GuestFault, Access } from '../../src/core/exceptions.js';
import type { Helper } from '../../src/core/isa.js';
import * as sf from '../../src/core/softfloat/index.js';
import { I32, I64, f32_to_int, f64_to_int, i64_to_f32, i64_to_f64 } from '../../src/core/softfloat/convert.js';
import { F0, FCSR, type MipsCpu } from './cpu.js';

/** fmt field values */
export const FMT_S = 16, FMT_D = 17, FMT_W = 20, FMT_L = 21;
/** operations of mips_fp_op (the funct field of COP1 arithmetic) */
export const OP = {
  add: 0, sub: 1, mul: 2, div: 3, sqrt: 4, round_l: 8, trunc_l: 9, ceil_l: 10, floor_l: 11,
  round_w: 12, trunc_w: 13, ceil_w: 14, floor_w: 15, recip: 21, rsqrt: 22, cvt_s: 32, cvt_d: 33, cvt_w: 36, cvt_l: 37,
} as const;

/** FCSR RM (0 nearest, 1 zero, 2 +inf, 3 -inf) -> softfloat rounding mode */
const RM = [sf.RNE, sf.RTZ, sf.RUP, sf.RDN];
const DEFAULT_NAN32 = 0x7fbfffff;
const DEFAULT_NAN64_HI = 0x7ff7ffff;
const DEFAULT_NAN64_LO = -1;

function ctx(cpu: MipsCpu): sf.SoftFloat {
  const s = cpu.sf;
  s.nanMode = sf.NAN_DEFAULT;
  s.defaultNaN32 = DEFAULT_NAN32;
  s.defaultNaN64Hi = DEFAULT_NAN64_HI;
  s.defaultNaN64Lo = DEFAULT_NAN64_LO;
  s.flags = 0;
  return s;
}

// Legacy NaN encoding: a NaN whose top fraction bit is set is signalling, clear is quiet
// (the reverse of IEEE 754-2008, which softfloat follows), and an operation with a NaN
// operand gives the default NaN, raising invalid when one of them is signalling (what
// qemu-mips does for these CPUs). NaN operands are handled here; softfloat only sees
// numbers (its own NaN results are the default NaN set in ctx()).
const nan32 = (a: number) => (a & 0x7f800000) === 0x7f800000 && (a & 0x7fffff) !== 0;
const snan32 = (a: number) => nan32(a) && (a & 0x400000) !== 0;
const nan64 = (lo: number, hi: number) => (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0;
const snan64 = (lo: number, hi: number) => nan64(lo, hi) && (hi & 0x80000) !== 0;

/** the NaN result of a binary32 operation with a NaN operand (undefined: no NaN operand) */
function pickNaN32(s: sf.SoftFloat, a: number, b: number, two: boolean): number | undefined {
  if (!nan32(a) && !(two && nan32(b))) return undefined;
  if (snan32(a) || (two && snan32(b))) s.flags |= sf.NV;
  return DEFAULT_NAN32;
}
/** the same for binary64 (lo returned, hi in s.hi) */
function pickNaN64(s: sf.SoftFloat, al: number, ah: number, bl: number, bh: number, two: boolean): number | undefined {
  if (!nan64(al, ah) && !(two && nan64(bl, bh))) return undefined;
  if (snan64(al, ah) || (two && snan64(bl, bh))) s.flags |= sf.NV;
  s.hi = DEFAULT_NAN64_HI;
  return DEFAULT_NAN64_LO;
}

function arith32(s: sf.SoftFloat, op: number, a: number, b: number, rm: number): number {
  const n = pickNaN32(s, a, b, true);
  if (n !== undefined) return n;
  switch (op) {
    case OP.add: return sf.f32_add(s, a, b, rm);
    case OP.sub: return sf.f32_sub(s, a, b, rm);
    case OP.mul: return sf.f32_mul(s, a, b, rm);
    default: return sf.f32_div(s, a, b, rm);
  }
}
function arith64(s: sf.SoftFloat, op: number, al: number, ah: number, bl: number, bh: number, rm: number): number {
  const n = pickNaN64(s, al, ah, bl, bh, true);
  if (n !== undefined) return n;
  switch (op) {
    case OP.add: return sf.f64_add(s, al, ah, bl, bh, rm);
    case OP.sub: return sf.f64_sub(s, al, ah, bl, bh, rm);
    case OP.mul: return sf.f64_mul(s, al, ah, bl, bh, rm);
    default: return sf.f64_div(s, al, ah, bl, bh, rm);
  }
}

// register access with the FR rules (see cpu.ts)
const lo = (n: number) => 2 * (F0 + n);
function get32(cpu: MipsCpu, n: number): number {
  return cpu.r[lo(n)];
}
function set32(cpu: MipsCpu, n: number, v: number): void {
  cpu.r[lo(n)] = v;
}
/** a 64-bit register value: returns lo, hi in cpu.rhi */
function get64(cpu: MipsCpu, n: number): number {
  if (cpu.fr) {
    cpu.rhi = cpu.r[lo(n) + 1];
    return cpu.r[lo(n)];
  }
  cpu.rhi = cpu.r[lo(n | 1)];
  return cpu.r[lo(n & ~1)];
}
function set64(cpu: MipsCpu, n: number, l: number, h: number): void {
  if (cpu.fr) {
    cpu.r[lo(n)] = l;
    cpu.r[lo(n) + 1] = h;
  } else {
    cpu.r[lo(n & ~1)] = l;
    cpu.r[lo(n | 1)] = h;
  }
}

/** record the operation's exceptions in FCSR (cause, flags); an enabled one traps */
function finish(cpu: MipsCpu, flags: number): void {
  const i = 2 * FCSR;
  const f = cpu.r[i];
  const enables = (f >>> 7) & 0x1f;
  cpu.r[i] = (f & ~0x0003f000) | (flags << 12) | ((enables & flags) ? 0 : flags << 2);
  if (enables & flags) throw new GuestFault(Excp.Arith, -1, Access.Fetch, -1, 0x100 | flags);
}

const rmOf = (cpu: MipsCpu) => RM[cpu.r[2 * FCSR] & 3];

function binop(cpu: MipsCpu, op: number, fmt: number, fd: number, fs: number, ft: number): void {
  const s = ctx(cpu);
  const rm = rmOf(cpu);
  if (fmt === FMT_S) set32(cpu, fd, arith32(s, op, get32(cpu, fs), get32(cpu, ft), rm));
  else {
    const al = get64(cpu, fs), ah = cpu.rhi;
    const bl = get64(cpu, ft), bh = cpu.rhi;
    const r = arith64(s, op, al, ah, bl, bh, rm);
    set64(cpu, fd, r, s.hi);
  }
  finish(cpu, s.flags);
}

/** float -> integer with MIPS's invalid result (the largest integer) */
function toInt(cpu: MipsCpu, s: sf.SoftFloat, fmt: number, fs: number, rm: number, kind: number): number {
  const before = s.flags;
  s.flags = 0;
  let r: number;
  if (fmt === FMT_S) r = f32_to_int(s, get32(cpu, fs), rm, kind);
  else { const l = get64(cpu, fs); r = f64_to_int(s, l, cpu.rhi, rm, kind); }
  if (s.flags & sf.NV) {
    s.flags = (s.flags & ~sf.NX) | sf.NV;
    if (kind === I32) { s.hi = 0; r = 0x7fffffff; } else { s.hi = 0x7fffffff; r = -1; }
  }
  s.flags |= before;
  return r;
}

function unop(cpu: MipsCpu, op: number, fmt: number, fd: number, fs: number): void {
  const s = ctx(cpu);
  const rm = rmOf(cpu);
  switch (op) {
    case OP.sqrt: case OP.recip: case OP.rsqrt: {
      if (fmt === FMT_S) {
        const a = get32(cpu, fs);
        const one = 0x3f800000;
        const r = pickNaN32(s, a, 0, false) ??
          (op === OP.sqrt ? sf.f32_sqrt(s, a, rm) : op === OP.recip ? sf.f32_div(s, one, a, rm) : sf.f32_div(s, one, sf.f32_sqrt(s, a, rm), rm));
        set32(cpu, fd, r);
      } else {
        const al = get64(cpu, fs), ah = cpu.rhi;
        let r: number;
        const n = pickNaN64(s, al, ah, 0, 0, false);
        if (n !== undefined) r = n;
        else if (op === OP.sqrt) r = sf.f64_sqrt(s, al, ah, rm);
        else if (op === OP.recip) r = sf.f64_div(s, 0, 0x3ff00000, al, ah, rm);
        else { const ql = sf.f64_sqrt(s, al, ah, rm); r = sf.f64_div(s, 0, 0x3ff00000, ql, s.hi, rm); }
        set64(cpu, fd, r, s.hi);
      }
      break;
    }
    case OP.round_w: case OP.trunc_w: case OP.ceil_w: case OP.floor_w: case OP.cvt_w: {
      const m = op === OP.cvt_w ? rm : [sf.RNE, sf.RTZ, sf.RUP, sf.RDN][op - OP.round_w];
      set32(cpu, fd, toInt(cpu, s, fmt, fs, m, I32));
      break;
    }
    case OP.round_l: case OP.trunc_l: case OP.ceil_l: case OP.floor_l: case OP.cvt_l: {
      const m = op === OP.cvt_l ? rm : [sf.RNE, sf.RTZ, sf.RUP, sf.RDN][op - OP.round_l];
      const r = toInt(cpu, s, fmt, fs, m, I64);
      set64(cpu, fd, r, s.hi);
      break;
    }
    case OP.cvt_s: {
      let r: number;
      if (fmt === FMT_D) {
        const l = get64(cpu, fs), h = cpu.rhi;
        if (!nan64(l, h)) r = sf.f64_to_f32(s, l, h, rm);
        else if (snan64(l, h)) { s.flags |= sf.NV; r = DEFAULT_NAN32; }
        else r = DEFAULT_NAN32;
      }
      else if (fmt === FMT_W) r = sf.i32_to_f32(s, get32(cpu, fs), rm);
      else if (fmt === FMT_L) { const l = get64(cpu, fs); r = i64_to_f32(s, l, cpu.rhi, rm); }
      else throw new GuestFault(Excp.Illegal, -1, Access.Fetch);
      set32(cpu, fd, r);
      break;
    }
    case OP.cvt_d: {
      let r: number;
      if (fmt === FMT_S) {
        const a = get32(cpu, fs);
        if (!nan32(a)) r = sf.f32_to_f64(s, a);
        else if (snan32(a)) { s.flags |= sf.NV; s.hi = DEFAULT_NAN64_HI; r = DEFAULT_NAN64_LO; }
        else { s.hi = DEFAULT_NAN64_HI; r = DEFAULT_NAN64_LO; }
      }
      else if (fmt === FMT_W) r = sf.i32_to_f64(s, get32(cpu, fs));
      else if (fmt === FMT_L) { const l = get64(cpu, fs); r = i64_to_f64(s, l, cpu.rhi, rm); }
      else throw new GuestFault(Excp.Illegal, -1, Access.Fetch);
      set64(cpu, fd, r, s.hi);
      break;
    }
    default: throw new GuestFault(Excp.Illegal, -1, Access.Fetch);
  }
  finish(cpu, s.flags);
}

/** c.cond.fmt: condition code cc = the comparison (bit 3 of cond: signalling on quiet NaNs) */
function compare(cpu: MipsCpu, fmt: number, cond: number, cc: number, fs: number, ft: number): void {
  const s = ctx(cpu);
  let c: number;
  if (fmt === FMT_S) {
    const a = get32(cpu, fs), b = get32(cpu, ft);
    if (nan32(a) || nan32(b)) {
      if (cond & 8 || snan32(a) || snan32(b)) s.flags |= sf.NV;
      c = sf.UNORDERED;
    } else c = sf.f32_compare(s, a, b, false);
  } else {
    const al = get64(cpu, fs), ah = cpu.rhi;
    const bl = get64(cpu, ft), bh = cpu.rhi;
    if (nan64(al, ah) || nan64(bl, bh)) {
      if (cond & 8 || snan64(al, ah) || snan64(bl, bh)) s.flags |= sf.NV;
      c = sf.UNORDERED;
    } else c = sf.f64_compare(s, al, ah, bl, bh, false);
  }
  const t = (c === sf.UNORDERED && cond & 1) || (c === sf.EQUAL && cond & 2) || (c === sf.LESS && cond & 4) ? 1 : 0;
  finish(cpu, s.flags);
  const bit = cc === 0 ? 23 : 24 + cc;
  const i = 2 * FCSR;
  cpu.r[i] = t ? cpu.r[i] | (1 << bit) : cpu.r[i] & ~(1 << bit);
}

/** madd/msub/nmadd/nmsub: fd = +-(fs * ft +- fr), the product rounded first */
function multiplyAdd(cpu: MipsCpu, kind: number, double: number, fd: number, fr: number, fs: number, ft: number): void {
  const s = ctx(cpu);
  const rm = rmOf(cpu);
  const sub = kind & 1, neg = kind & 2;
  if (!double) {
    const p = arith32(s, OP.mul, get32(cpu, fs), get32(cpu, ft), rm);
    let r = arith32(s, sub ? OP.sub : OP.add, p, get32(cpu, fr), rm);
    if (neg) r ^= 0x80000000;
    set32(cpu, fd, r | 0);
  } else {
    const al = get64(cpu, fs), ah = cpu.rhi;
    const bl = get64(cpu, ft), bh = cpu.rhi;
    const cl = get64(cpu, fr), ch = cpu.rhi;
    const pl = arith64(s, OP.mul, al, ah, bl, bh, rm);
    const ph = s.hi;
    const rl = arith64(s, sub ? OP.sub : OP.add, pl, ph, cl, ch, rm);
    set64(cpu, fd, rl, neg ? s.hi ^ 0x80000000 : s.hi);
  }
  finish(cpu, s.flags);
}

export const fpuOpHelpers: Record<string, Helper> = {
  mips_fp_bin: binop as Helper,
  mips_fp_un: unop as Helper,
  mips_fp_cmp: compare as Helper,
  mips_fp_madd: multiplyAdd as Helper,
};
