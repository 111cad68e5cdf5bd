/**
 * FPU arithmetic helpers (prefix mips_fp_): operations on the FP registers in the CPU, by
 * register number, with exact rounding (the FCSR's RM) and IEEE flags from src/core/softfloat.
 * After each operation the FCSR's cause field holds that operation's exceptions and its
 * flags field accumulates them (an enabled exception raises SIGFPE, as the FPU would trap).
 *
 * MIPS32r2/MIPS64r2 as Debian builds for them: legacy NaN encoding (a NaN operation's result
 * is the default NaN 0x7fbfffff / 0x7ff7ffffffffffff), unfused multiply-add (madd rounds the
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

/** an operand as a JS number-free pair for the arithmetic: [lo, hi] of fmt (S: hi unused) */
function binop(cpu: MipsCpu, op: number, fmt: number, fd: number, fs: number, ft: number): void {
  const s = ctx(cpu);
  const rm = rmOf(cpu);
  if (fmt === FMT_S) {
    const a = get32(cpu, fs), b = get32(cpu, ft);
    let r: number;
    switch (op) {
      case OP.add: r = sf.f32_add(s, a, b, rm); break;
      case OP.sub: r = sf.f32_sub(s, a, b, rm); break;
      case OP.mul: r = sf.f32_mul(s, a, b, rm); break;
      default: r = sf.f32_div(s, a, b, rm); break;
    }
    set32(cpu, fd, r);
  } else {
    const al = get64(cpu, fs), ah = cpu.rhi;
    const bl = get64(cpu, ft), bh = cpu.rhi;
    let r: number;
    switch (op) {
      case OP.add: r = sf.f64_add(s, al, ah, bl, bh, rm); break;
      case OP.sub: r = sf.f64_sub(s, al, ah, bl, bh, rm); break;
      case OP.mul: r = sf.f64_mul(s, al, ah, bl, bh, rm); break;
      default: r = sf.f64_div(s, al, ah, bl, bh, rm); break;
    }
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
        const r = op === OP.sqrt ? sf.f32_sqrt(s, a, rm) : op === OP.recip ? sf.f32_div(s, one, a, rm) : sf.f32_div(s, one, sf.f32_sqrt(s, a, rm), rm);
        set32(cpu, fd, r);
      } else {
        const al = get64(cpu, fs), ah = cpu.rhi;
        let r: number;
        if (op === OP.sqrt) r = sf.f64_sqrt(s, al, ah, rm);
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
      if (fmt === FMT_D) { const l = get64(cpu, fs); r = sf.f64_to_f32(s, l, cpu.rhi, rm); }
      else if (fmt === FMT_W) r = sf.i32_to_f32(s, get32(cpu, fs), rm);
      else if (fmt === FMT_L) { const l = get64(cpu, fs); r = i64_to_f32(s, l, cpu.rhi, rm); }
      else throw new GuestFault(Excp.Illegal, -1, Access.Fetch);
      set32(cpu, fd, r);
      break;
    }
    case OP.cvt_d: {
      let r: number;
      if (fmt === FMT_S) r = sf.f32_to_f64(s, get32(cpu, fs));
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
  if (fmt === FMT_S) c = sf.f32_compare(s, get32(cpu, fs), get32(cpu, ft), (cond & 8) !== 0);
  else {
    const al = get64(cpu, fs), ah = cpu.rhi;
    const bl = get64(cpu, ft);
    c = sf.f64_compare(s, al, ah, bl, cpu.rhi, (cond & 8) !== 0);
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
    const p = sf.f32_mul(s, get32(cpu, fs), get32(cpu, ft), rm);
    let r = sub ? sf.f32_sub(s, p, get32(cpu, fr), rm) : sf.f32_add(s, p, get32(cpu, fr), rm);
    if (neg) r ^= 0x80000000;
    set32(cpu, fd, r | 0);
  } else {
    const al = get64(cpu, fs), ah = cpu.rhi;
    const bl = get64(cpu, ft), bh = cpu.rhi;
    const cl = get64(cpu, fr), ch = cpu.rhi;
    const pl = sf.f64_mul(s, al, ah, bl, bh, rm);
    const ph = s.hi;
    const rl = sub ? sf.f64_sub(s, pl, ph, cl, ch, rm) : sf.f64_add(s, pl, ph, cl, ch, rm);
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
