/**
 * The x87 unit: an 8-register stack of 80-bit values (f80.ts) in X86Cpu.fpm/fpe with TOP,
 * tags, control and status words. Every x87 instruction is one helper call; memory operands
 * are loaded and stored by the IR (fnstenv/fldenv, fxsave/fxrstor reach memory themselves).
 * Transcendental instructions (fsin, fyl2x, ...) go through binary64, not exact 80-bit.
 */
import type { X86Cpu } from './cpu.js';
import { xmmIndex } from './cpu.js';
import {
  add80, cmp80, div80, fromBits, fromF32, fromF64, fromInt, inf80, isInf80, isNaN80, isZero80, mul80, precOf, rndint80,
  scale80, sqrt80, toF32, toF64, toInt, toNumber, INDEFINITE, IE, type Ctx, type F80,
} from './f80.js';

const C0 = 0x100, C1 = 0x200, C2 = 0x400, C3 = 0x4000;

function ctx(cpu: X86Cpu): Ctx {
  return { rc: (cpu.fpuc >> 10) & 3, prec: precOf(cpu.fpuc), flags: 0 };
}
function done(cpu: X86Cpu, c: Ctx): void {
  cpu.fpus |= c.flags;
  if (cpu.fpus & ~cpu.fpuc & 0x3f) cpu.fpus |= 0x80; // ES: an unmasked exception is pending
}
const phys = (cpu: X86Cpu, i: number) => (cpu.fptop + i) & 7;
export function st(cpu: X86Cpu, i: number): F80 {
  const p = phys(cpu, i);
  if (cpu.fptags & (1 << p)) { cpu.fpus |= IE | 0x40; return INDEFINITE; } // stack underflow
  return fromBits(BigInt.asUintN(64, (BigInt(cpu.fpm[2 * p + 1]) << 32n) | BigInt(cpu.fpm[2 * p] >>> 0)), cpu.fpe[p]);
}
export function setSt(cpu: X86Cpu, i: number, v: F80): void {
  const p = phys(cpu, i);
  cpu.fpm[2 * p] = Number(v.mant & 0xffffffffn) | 0;
  cpu.fpm[2 * p + 1] = Number(v.mant >> 32n) | 0;
  cpu.fpe[p] = (v.sign << 15) | v.exp;
  cpu.fptags &= ~(1 << p);
}
export function push(cpu: X86Cpu, v: F80): void {
  cpu.fptop = (cpu.fptop - 1) & 7;
  if (!(cpu.fptags & (1 << cpu.fptop))) cpu.fpus |= IE | 0x40 | C1; // stack overflow
  setSt(cpu, 0, v);
}
function pop(cpu: X86Cpu): void {
  cpu.fptags |= 1 << cpu.fptop;
  cpu.fptop = (cpu.fptop + 1) & 7;
}
const big = (lo: number, hi: number) => (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
const ret64 = (cpu: X86Cpu, v: bigint) => { cpu.rhi = Number(BigInt.asIntN(32, v >> 32n)); return Number(BigInt.asIntN(32, v)); };

/** op: 0 add, 1 mul, 4 sub (d - s), 5 subr (s - d), 6 div (d / s), 7 divr (s / d) */
function arith(c: Ctx, op: number, d: F80, s: F80): F80 {
  switch (op) {
    case 0: return add80(c, d, s);
    case 1: return mul80(c, d, s);
    case 4: return add80(c, d, s, true);
    case 5: return add80(c, s, d, true);
    case 6: return div80(c, d, s);
    default: return div80(c, s, d);
  }
}

function compare(cpu: X86Cpu, a: F80, b: F80, unordered: boolean): void {
  const r = cmp80(a, b);
  if (r === 2 && (!unordered || (isNaN80(a) && !(a.mant & (1n << 62n))) || (isNaN80(b) && !(b.mant & (1n << 62n))))) cpu.fpus |= IE;
  cpu.fpus = (cpu.fpus & ~(C0 | C1 | C2 | C3)) | (r === -1 ? C0 : r === 0 ? C3 : r === 2 ? C0 | C2 | C3 : 0);
}
const eflagsOfCmp = (r: number) => (r === -1 ? 1 : r === 0 ? 0x40 : r === 2 ? 0x45 : 0);

const CONSTS: Array<() => F80> = [
  () => fromInt(1n),
  () => ({ sign: 0, exp: 0x4000, mant: 0xd49a784bcd1b8afen }), // log2(10)
  () => ({ sign: 0, exp: 0x3fff, mant: 0xb8aa3b295c17f0bcn }), // log2(e)
  () => ({ sign: 0, exp: 0x4000, mant: 0xc90fdaa22168c235n }), // pi
  () => ({ sign: 0, exp: 0x3ffd, mant: 0x9a209a84fbcff799n }), // log10(2)
  () => ({ sign: 0, exp: 0x3ffe, mant: 0xb17217f7d1cf79acn }), // ln(2)
  () => fromInt(0n),
];

function fromNumber(v: number): F80 {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, v, true);
  return fromF64(b.getInt32(0, true), b.getInt32(4, true));
}

/** the tag word of fnstenv/fsave (2 bits per physical register) */
function fullTags(cpu: X86Cpu): number {
  let t = 0;
  for (let p = 0; p < 8; p++) {
    let tag = 3;
    if (!(cpu.fptags & (1 << p))) {
      const v = fromBits(big(cpu.fpm[2 * p], cpu.fpm[2 * p + 1]), cpu.fpe[p]);
      tag = isZero80(v) ? 1 : v.exp === 0x7fff || v.exp === 0 || !(v.mant >> 63n) ? 2 : 0;
    }
    t |= tag << (2 * p);
  }
  return t;
}
const statusWord = (cpu: X86Cpu) => ((cpu.fpus & ~0x3800) | (cpu.fptop << 11)) & 0xffff;

export const x87Helpers: Record<string, (cpu: X86Cpu, ...a: number[]) => number | void> = {
  x86_fld_f64(cpu, lo, hi) { push(cpu, fromF64(lo, hi)); },
  x86_fld_f32(cpu, v) { push(cpu, fromF32(v)); },
  x86_fld_f80(cpu, lo, hi, se) { push(cpu, fromBits(big(lo, hi), se)); },
  x86_fild(cpu, lo, hi) { push(cpu, fromInt(BigInt.asIntN(64, big(lo, hi)))); },
  x86_fld_st(cpu, i) { push(cpu, st(cpu, i)); },
  x86_fld_const(cpu, k) { push(cpu, CONSTS[k]()); },
  /** st(0) as binary64 bits; pop when asked */
  x86_fst_f64(cpu, popIt) {
    const c = ctx(cpu);
    const [lo, hi] = toF64(c, st(cpu, 0));
    done(cpu, c);
    if (popIt) pop(cpu);
    cpu.rhi = hi;
    return lo;
  },
  x86_fst_f32(cpu, popIt) {
    const c = ctx(cpu);
    const v = toF32(c, st(cpu, 0));
    done(cpu, c);
    if (popIt) pop(cpu);
    return v;
  },
  /** the significand of st(0) (the memory image's low 8 bytes) */
  x86_fst_f80_mant(cpu) { return ret64(cpu, st(cpu, 0).mant); },
  /** its sign and exponent; pop when asked */
  x86_fst_f80_se(cpu, popIt) {
    const v = st(cpu, 0);
    if (popIt) pop(cpu);
    return (v.sign << 15) | v.exp;
  },
  /** st(0) to an integer: kind = bits | 0x100 pop | 0x200 truncate */
  x86_fist(cpu, kind) {
    const c = ctx(cpu);
    const v = toInt(c, st(cpu, 0), kind & 0xff, (kind & 0x200) !== 0);
    done(cpu, c);
    if (kind & 0x100) pop(cpu);
    return ret64(cpu, v);
  },
  x86_fst_st(cpu, i, popIt) { setSt(cpu, i, st(cpu, 0)); if (popIt) pop(cpu); },
  /** dst = dst op src on stack registers (op as in arith); pop after when asked */
  x86_farith(cpu, op, d, s, popIt) {
    const c = ctx(cpu);
    setSt(cpu, d, arith(c, op, st(cpu, d), st(cpu, s)));
    done(cpu, c);
    if (popIt) pop(cpu);
  },
  /** st(0) = st(0) op memory operand: kind 0 f32, 1 f64, 2 integer */
  x86_farith_m(cpu, op, kind, lo, hi) {
    const c = ctx(cpu);
    const m = kind === 0 ? fromF32(lo) : kind === 1 ? fromF64(lo, hi) : fromInt(BigInt.asIntN(64, big(lo, hi)));
    setSt(cpu, 0, arith(c, op, st(cpu, 0), m));
    done(cpu, c);
  },
  /** fcom/fucom st(i): kind bit0 pop, bit1 pop twice, bit2 unordered */
  x86_fcom(cpu, i, kind) {
    compare(cpu, st(cpu, 0), st(cpu, i), (kind & 4) !== 0);
    if (kind & 3) pop(cpu);
    if (kind & 2) pop(cpu);
  },
  /** fcom with memory: kind 0 f32, 1 f64, 2 integer; pop when asked */
  x86_fcom_m(cpu, kind, lo, hi, popIt) {
    const m = kind === 0 ? fromF32(lo) : kind === 1 ? fromF64(lo, hi) : fromInt(BigInt.asIntN(64, big(lo, hi)));
    compare(cpu, st(cpu, 0), m, false);
    if (popIt) pop(cpu);
  },
  /** fcomi/fucomi: EFLAGS; pop when asked */
  x86_fcomi(cpu, i, popIt) {
    const r = cmp80(st(cpu, 0), st(cpu, i));
    cpu.fpus &= ~C1;
    if (popIt) pop(cpu);
    return eflagsOfCmp(r);
  },
  x86_fcmov(cpu, i, cond) { if (cond) setSt(cpu, 0, st(cpu, i)); },
  x86_fxch(cpu, i) { const a = st(cpu, 0), b = st(cpu, i); setSt(cpu, 0, b); setSt(cpu, i, a); },
  /** one-operand operations on st(0): D9 E0-FF by low byte */
  x86_fun(cpu, code) {
    const c = ctx(cpu);
    const a = st(cpu, 0);
    switch (code) {
      case 0xe0: setSt(cpu, 0, { ...a, sign: a.sign ^ 1 }); break; // fchs
      case 0xe1: setSt(cpu, 0, { ...a, sign: 0 }); break; // fabs
      case 0xe4: compare(cpu, a, fromInt(0n), false); break; // ftst
      case 0xe5: { // fxam
        const empty = (cpu.fptags >> cpu.fptop) & 1;
        const cls = empty ? C3 | C0 : isNaN80(a) ? C0 : isInf80(a) ? C2 | C0 : isZero80(a) ? C3 : a.exp === 0 ? C3 | C2 : C2;
        cpu.fpus = (cpu.fpus & ~(C0 | C1 | C2 | C3)) | cls | (a.sign ? C1 : 0);
        break;
      }
      case 0xfa: setSt(cpu, 0, sqrt80(c, a)); break; // fsqrt
      case 0xfc: setSt(cpu, 0, rndint80(c, a)); break; // frndint
      case 0xfd: setSt(cpu, 0, scale80(c, a, st(cpu, 1))); break; // fscale
      case 0xf0: setSt(cpu, 0, fromNumber(2 ** toNumber(a) - 1)); break; // f2xm1
      case 0xf1: { const v = toNumber(st(cpu, 1)) * Math.log2(toNumber(a)); pop(cpu); setSt(cpu, 0, fromNumber(v)); break; } // fyl2x
      case 0xf9: { const v = toNumber(st(cpu, 1)) * Math.log2(1 + toNumber(a)); pop(cpu); setSt(cpu, 0, fromNumber(v)); break; } // fyl2xp1
      case 0xf2: setSt(cpu, 0, fromNumber(Math.tan(toNumber(a)))); push(cpu, fromInt(1n)); cpu.fpus &= ~C2; break; // fptan
      case 0xf3: { const v = Math.atan2(toNumber(st(cpu, 1)), toNumber(a)); pop(cpu); setSt(cpu, 0, fromNumber(v)); break; } // fpatan
      case 0xfe: setSt(cpu, 0, fromNumber(Math.sin(toNumber(a)))); cpu.fpus &= ~C2; break; // fsin
      case 0xff: setSt(cpu, 0, fromNumber(Math.cos(toNumber(a)))); cpu.fpus &= ~C2; break; // fcos
      case 0xfb: { const x = toNumber(a); setSt(cpu, 0, fromNumber(Math.sin(x))); push(cpu, fromNumber(Math.cos(x))); cpu.fpus &= ~C2; break; } // fsincos
      case 0xf4: { // fxtract
        if (isZero80(a)) { c.flags |= 4; setSt(cpu, 0, inf80(1)); push(cpu, a); break; }
        const e = a.exp - 16383;
        setSt(cpu, 0, fromInt(BigInt(e)));
        push(cpu, { ...a, exp: 16383 });
        break;
      }
      case 0xf8: case 0xf5: { // fprem, fprem1: the exact remainder (C2 = 0: complete)
        const b = st(cpu, 1);
        const x = toNumber(a), y = toNumber(b);
        const q = code === 0xf8 ? Math.trunc(x / y) : Math.round(x / y);
        const r = x - q * y;
        setSt(cpu, 0, fromNumber(Number.isFinite(r) ? r : NaN));
        const qi = Math.abs(q) % 8;
        cpu.fpus = (cpu.fpus & ~(C0 | C1 | C2 | C3)) | (qi & 1 ? C1 : 0) | (qi & 2 ? C3 : 0) | (qi & 4 ? C0 : 0);
        break;
      }
      case 0xf6: cpu.fptop = (cpu.fptop - 1) & 7; break; // fdecstp
      case 0xf7: cpu.fptop = (cpu.fptop + 1) & 7; break; // fincstp
      default: break; // fnop
    }
    done(cpu, c);
  },
  x86_ffree(cpu, i) { cpu.fptags |= 1 << phys(cpu, i); },
  x86_fninit(cpu) { cpu.fpuc = 0x37f; cpu.fpus = 0; cpu.fptop = 0; cpu.fptags = 0xff; },
  x86_fnclex(cpu) { cpu.fpus &= ~0x80ff; },
  x86_fldcw(cpu, v) { cpu.fpuc = v & 0xffff; },
  x86_fnstcw: (cpu) => cpu.fpuc,
  x86_fnstsw: (cpu) => statusWord(cpu),
  /** fnstenv/fldenv: the 28-byte protected-mode environment at addr */
  x86_fnstenv(cpu, a) {
    a >>>= 0; // an i32 argument: addresses above 2 GiB arrive negative
    const m = cpu.mem;
    m.write32(a, cpu.fpuc | 0xffff0000); m.write32(a + 4, statusWord(cpu) | 0xffff0000); m.write32(a + 8, fullTags(cpu) | 0xffff0000);
    for (let k = 12; k < 28; k += 4) m.write32(a + k, 0);
    cpu.fpuc |= 0x3f; // fnstenv masks all exceptions
  },
  x86_fldenv(cpu, a) {
    a >>>= 0; // an i32 argument: addresses above 2 GiB arrive negative
    const m = cpu.mem;
    cpu.fpuc = m.read32(a) & 0xffff;
    const sw = m.read32(a + 4) & 0xffff;
    cpu.fpus = sw & ~0x3800; cpu.fptop = (sw >> 11) & 7;
    const t = m.read32(a + 8);
    cpu.fptags = 0;
    for (let p = 0; p < 8; p++) if (((t >> (2 * p)) & 3) === 3) cpu.fptags |= 1 << p;
  },
  /** fxsave/fxrstor: the 512-byte image (x87, MXCSR, xmm0-15) */
  x86_fxsave(cpu, a) {
    a >>>= 0; // an i32 argument: addresses above 2 GiB arrive negative
    const m = cpu.mem;
    m.write16(a, cpu.fpuc); m.write16(a + 2, statusWord(cpu));
    let ftw = 0;
    for (let p = 0; p < 8; p++) if (!(cpu.fptags & (1 << p))) ftw |= 1 << p;
    m.write8(a + 4, ftw); m.write8(a + 5, 0); m.write16(a + 6, 0);
    for (let k = 8; k < 24; k += 4) m.write32(a + k, 0);
    m.write32(a + 24, cpu.mxcsr); m.write32(a + 28, 0xffff);
    for (let i = 0; i < 8; i++) { // st(i) in stack order
      const p = phys(cpu, i);
      m.write32(a + 32 + 16 * i, cpu.fpm[2 * p]); m.write32(a + 36 + 16 * i, cpu.fpm[2 * p + 1]);
      m.write16(a + 40 + 16 * i, cpu.fpe[p]); m.write16(a + 42 + 16 * i, 0); m.write32(a + 44 + 16 * i, 0);
    }
    for (let k = 0; k < 16; k++) for (let w = 0; w < 4; w++) m.write32(a + 160 + 16 * k + 4 * w, cpu.r[xmmIndex(k) + w]);
  },
  x86_fxrstor(cpu, a) {
    a >>>= 0; // an i32 argument: addresses above 2 GiB arrive negative
    const m = cpu.mem;
    cpu.fpuc = m.read16(a);
    const sw = m.read16(a + 2);
    cpu.fpus = sw & ~0x3800; cpu.fptop = (sw >> 11) & 7;
    const ftw = m.read8(a + 4);
    cpu.fptags = (~ftw) & 0xff;
    cpu.mxcsr = m.read32(a + 24);
    for (let i = 0; i < 8; i++) {
      const p = phys(cpu, i);
      cpu.fpm[2 * p] = m.read32(a + 32 + 16 * i); cpu.fpm[2 * p + 1] = m.read32(a + 36 + 16 * i);
      cpu.fpe[p] = m.read16(a + 40 + 16 * i);
    }
    for (let k = 0; k < 16; k++) for (let w = 0; w < 4; w++) cpu.r[xmmIndex(k) + w] = m.read32(a + 160 + 16 * k + 4 * w);
  },
};

export const x87Sigs: Record<string, string> = {
  'void(i64)': 'x86_fld_f64 x86_fild',
  'void(i32)': 'x86_fld_f32 x86_fld_st x86_fld_const x86_fun x86_ffree x86_fldcw x86_fnstenv x86_fldenv x86_fxsave x86_fxrstor x86_fxch',
  'void(i64, i32)': 'x86_fld_f80',
  'i64(i32)': 'x86_fst_f64 x86_fist',
  'i32(i32)': 'x86_fst_f32 x86_fst_f80_se',
  'i64()': 'x86_fst_f80_mant',
  'void(i32, i32)': 'x86_fst_st x86_fcom x86_fcmov',
  'void(i32, i32, i32, i32)': 'x86_farith',
  'void(i32, i32, i64)': 'x86_farith_m',
  'void(i32, i64, i32)': 'x86_fcom_m',
  'i32(i32, i32)': 'x86_fcomi',
  'void()': 'x86_fninit x86_fnclex',
  'i32()': 'x86_fnstcw x86_fnstsw',
};
