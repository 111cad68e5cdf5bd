/**
 * SSE/SSE2 helpers on the xmm registers in cpu.r (register k's 16 bytes at xmmIndex(k)):
 * lane-wise integer operations from a table (element size and a function per lane), the
 * shuffles, packs and byte shifts, the masks, and IEEE scalar and packed floating point on
 * the raw bits (x86 NaN rules: the first NaN operand quieted, else the default NaN).
 * Each helper takes register numbers (a memory operand was loaded into a scratch register).
 */
import { Excp, GuestFault, Access } from '../../src/core/exceptions.js';
import { xmmIndex, type X86Cpu } from './cpu.js';

/** views of the register file (made once per cpu) */
interface Views { u8: Uint8Array; i8: Int8Array; u16: Uint16Array; i16: Int16Array; u32: Uint32Array; i32: Int32Array; f32: Float32Array; f64: Float64Array; u64: BigUint64Array }
const VIEWS = new WeakMap<ArrayBufferLike, Views>();
function views(cpu: X86Cpu): Views {
  const buf = cpu.r.buffer;
  let v = VIEWS.get(buf);
  if (!v) {
    v = { u8: new Uint8Array(buf), i8: new Int8Array(buf), u16: new Uint16Array(buf), i16: new Int16Array(buf), u32: new Uint32Array(buf),
      i32: new Int32Array(buf), f32: new Float32Array(buf), f64: new Float64Array(buf), u64: new BigUint64Array(buf) };
    VIEWS.set(buf, v);
  }
  return v;
}
/** byte offset of xmm k */
const at = (k: number) => xmmIndex(k) * 4;

type Kind = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32';
const ELEM: Record<Kind, number> = { u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4 };
const sat = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** lane-wise d = f(d, s) over lanes of kind */
const LANES: Record<string, [Kind, (a: number, b: number) => number]> = {
  paddb: ['u8', (a, b) => a + b], paddw: ['u16', (a, b) => a + b], paddd: ['u32', (a, b) => a + b],
  psubb: ['u8', (a, b) => a - b], psubw: ['u16', (a, b) => a - b], psubd: ['u32', (a, b) => a - b],
  paddusb: ['u8', (a, b) => sat(a + b, 0, 255)], paddusw: ['u16', (a, b) => sat(a + b, 0, 65535)],
  psubusb: ['u8', (a, b) => sat(a - b, 0, 255)], psubusw: ['u16', (a, b) => sat(a - b, 0, 65535)],
  paddsb: ['i8', (a, b) => sat(a + b, -128, 127)], paddsw: ['i16', (a, b) => sat(a + b, -32768, 32767)],
  psubsb: ['i8', (a, b) => sat(a - b, -128, 127)], psubsw: ['i16', (a, b) => sat(a - b, -32768, 32767)],
  pcmpeqb: ['u8', (a, b) => (a === b ? -1 : 0)], pcmpeqw: ['u16', (a, b) => (a === b ? -1 : 0)], pcmpeqd: ['u32', (a, b) => (a === b ? -1 : 0)],
  pcmpgtb: ['i8', (a, b) => (a > b ? -1 : 0)], pcmpgtw: ['i16', (a, b) => (a > b ? -1 : 0)], pcmpgtd: ['i32', (a, b) => (a > b ? -1 : 0)],
  pminub: ['u8', Math.min], pmaxub: ['u8', Math.max], pminsw: ['i16', Math.min], pmaxsw: ['i16', Math.max],
  pavgb: ['u8', (a, b) => (a + b + 1) >> 1], pavgw: ['u16', (a, b) => (a + b + 1) >> 1],
  pmullw: ['u16', (a, b) => Math.imul(a, b)], pmulhuw: ['u16', (a, b) => (a * b) >>> 16], pmulhw: ['i16', (a, b) => (a * b) >> 16],
};

function lanes(cpu: X86Cpu, d: number, s: number, kind: Kind, f: (a: number, b: number) => number): void {
  const v = views(cpu)[kind];
  const n = 16 / ELEM[kind];
  const di = at(d) / ELEM[kind], si = at(s) / ELEM[kind];
  for (let i = 0; i < n; i++) v[di + i] = f(v[di + i], v[si + i]);
}

/** copy of xmm s's 16 bytes (for operations whose source and destination may be the same register) */
function bytes(cpu: X86Cpu, s: number): Uint8Array {
  return views(cpu).u8.slice(at(s), at(s) + 16);
}
function words(cpu: X86Cpu, s: number, kind: Kind): ArrayLike<number> {
  const v = views(cpu)[kind];
  const e = ELEM[kind];
  return v.slice(at(s) / e, at(s) / e + 16 / e);
}

function unpack(cpu: X86Cpu, d: number, s: number, kind: Kind, high: boolean): void {
  const a = words(cpu, d, kind), b = words(cpu, s, kind);
  const n = 16 / ELEM[kind], half = n / 2, off = high ? half : 0;
  const v = views(cpu)[kind];
  const di = at(d) / ELEM[kind];
  for (let i = 0; i < half; i++) { v[di + 2 * i] = a[off + i]; v[di + 2 * i + 1] = b[off + i]; }
}

function pack(cpu: X86Cpu, d: number, s: number, from: Kind, lo: number, hi: number, to: Kind): void {
  const a = words(cpu, d, from), b = words(cpu, s, from);
  const v = views(cpu)[to];
  const di = at(d) / ELEM[to];
  const n = a.length;
  for (let i = 0; i < n; i++) { v[di + i] = sat(a[i], lo, hi); v[di + n + i] = sat(b[i], lo, hi); }
}

/** shift every lane by a count (from an xmm register's low 64 bits or an immediate) */
function shiftLanes(cpu: X86Cpu, d: number, count: number, kind: 'u16' | 'u32', op: 'l' | 'r' | 'a'): void {
  const v = views(cpu)[op === 'a' ? (kind === 'u16' ? 'i16' : 'i32') : kind];
  const bits = ELEM[kind] * 8;
  const di = at(d) / ELEM[kind];
  for (let i = 0; i < 16 / ELEM[kind]; i++) {
    const x = v[di + i];
    if (op === 'a') v[di + i] = x >> Math.min(count, bits - 1);
    else if (count >= bits) v[di + i] = 0;
    else v[di + i] = op === 'l' ? x << count : x >>> count;
  }
}
function shiftQ(cpu: X86Cpu, d: number, count: number, left: boolean): void {
  const v = views(cpu).u64;
  const di = at(d) / 8;
  for (let i = 0; i < 2; i++) v[di + i] = count > 63 ? 0n : BigInt.asUintN(64, left ? v[di + i] << BigInt(count) : v[di + i] >> BigInt(count));
}
/** the shift count of an xmm source (its low 64 bits, saturated) */
function xmmCount(cpu: X86Cpu, s: number): number {
  const v = views(cpu).u32;
  return v[at(s) / 4 + 1] !== 0 ? 1 << 30 : v[at(s) / 4] >>> 0;
}

// ---- floating point on raw bits
const QNAN_HI = 0xfff80000 | 0;
function f64op(cpu: X86Cpu, d: number, s: number, lane: number, f: (a: number, b: number) => number): void {
  const { f64, i32 } = views(cpu);
  const di = at(d) / 8 + lane, si = at(s) / 8 + lane;
  const a = f64[di], b = f64[si];
  const r = f(a, b);
  if (r === r) { f64[di] = r; return; }
  if (a !== a) { i32[2 * di + 1] |= 0x80000; return; }
  if (b !== b) { i32[2 * di] = i32[2 * si]; i32[2 * di + 1] = i32[2 * si + 1] | 0x80000; return; }
  i32[2 * di] = 0; i32[2 * di + 1] = QNAN_HI;
  cpu.mxcsr |= 1; // IE
}
function f32op(cpu: X86Cpu, d: number, s: number, lane: number, f: (a: number, b: number) => number): void {
  const { f32, i32 } = views(cpu);
  const di = at(d) / 4 + lane, si = at(s) / 4 + lane;
  const a = f32[di], b = f32[si];
  const r = Math.fround(f(a, b));
  if (r === r) { f32[di] = r; return; }
  if (a !== a) { i32[di] |= 0x400000; return; }
  if (b !== b) { i32[di] = i32[si] | 0x400000; return; }
  i32[di] = 0xffc00000 | 0;
  cpu.mxcsr |= 1;
}

const FOPS: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, div: (a, b) => a / b,
  sqrt: (_a, b) => Math.sqrt(b),
  // min/max: the second operand when either is NaN or both are zero (x86 rule)
  min: (a, b) => (a < b ? a : b), max: (a, b) => (a > b ? a : b),
};
const MINMAX = new Set(['min', 'max']);

function fp(name: string, lanesN: number, wide: boolean) {
  const f = FOPS[name];
  return (cpu: X86Cpu, d: number, s: number): void => {
    for (let l = 0; l < lanesN; l++) {
      if (MINMAX.has(name)) {
        // the second operand unless the first strictly wins (NaNs and equal zeros give the second)
        const v = views(cpu);
        if (wide) {
          const di = at(d) / 8 + l, si = at(s) / 8 + l;
          const a = v.f64[di], b = v.f64[si];
          if (!(name === 'min' ? a < b : a > b)) { v.i32[2 * di] = v.i32[2 * si]; v.i32[2 * di + 1] = v.i32[2 * si + 1]; }
        } else {
          const di = at(d) / 4 + l, si = at(s) / 4 + l;
          const a = v.f32[di], b = v.f32[si];
          if (!(name === 'min' ? a < b : a > b)) v.i32[di] = v.i32[si];
        }
        continue;
      }
      if (wide) f64op(cpu, d, s, l, f); else f32op(cpu, d, s, l, f);
    }
  };
}

/** the 8 compare predicates of cmpps/cmpsd */
function cmpPred(p: number, a: number, b: number): boolean {
  switch (p & 7) {
    case 0: return a === b;
    case 1: return a < b;
    case 2: return a <= b;
    case 3: return a !== a || b !== b;
    case 4: return !(a === b);
    case 5: return !(a < b);
    case 6: return !(a <= b);
    default: return a === a && b === b;
  }
}

function cvtInt(v: number, bits: 32 | 64, truncate: boolean, cpu: X86Cpu): bigint {
  const r = truncate ? Math.trunc(v) : roundMxcsr(v, cpu.mxcsr);
  const lim = bits === 32 ? 2 ** 31 : 2 ** 63;
  if (!(r >= -lim && r < lim)) { cpu.mxcsr |= 1; return bits === 32 ? 0x80000000n : 0x8000000000000000n; }
  return BigInt.asUintN(bits, BigInt(r));
}
function roundMxcsr(v: number, mxcsr: number): number {
  switch ((mxcsr >> 13) & 3) {
    case 0: { const f = Math.floor(v), d = v - f; return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f; }
    case 1: return Math.floor(v);
    case 2: return Math.ceil(v);
    default: return Math.trunc(v);
  }
}

export const sseHelpers: Record<string, (cpu: X86Cpu, ...a: number[]) => number | void> = {
  ...Object.fromEntries(Object.entries(LANES).map(([n, [k, f]]) => [`x86_${n}`, (cpu: X86Cpu, d: number, s: number) => lanes(cpu, d, s, k, f)])),
  x86_punpcklbw: (cpu, d, s) => unpack(cpu, d, s, 'u8', false), x86_punpckhbw: (cpu, d, s) => unpack(cpu, d, s, 'u8', true),
  x86_punpcklwd: (cpu, d, s) => unpack(cpu, d, s, 'u16', false), x86_punpckhwd: (cpu, d, s) => unpack(cpu, d, s, 'u16', true),
  x86_punpckldq: (cpu, d, s) => unpack(cpu, d, s, 'u32', false), x86_punpckhdq: (cpu, d, s) => unpack(cpu, d, s, 'u32', true),
  x86_unpcklps: (cpu, d, s) => unpack(cpu, d, s, 'u32', false), x86_unpckhps: (cpu, d, s) => unpack(cpu, d, s, 'u32', true),
  x86_packsswb: (cpu, d, s) => pack(cpu, d, s, 'i16', -128, 127, 'i8'),
  x86_packuswb: (cpu, d, s) => pack(cpu, d, s, 'i16', 0, 255, 'u8'),
  x86_packssdw: (cpu, d, s) => pack(cpu, d, s, 'i32', -32768, 32767, 'i16'),
  x86_pmovmskb(cpu, s) {
    const u8 = views(cpu).u8;
    let m = 0;
    for (let i = 0; i < 16; i++) m |= (u8[at(s) + i] >> 7) << i;
    return m;
  },
  x86_movmskps(cpu, s) {
    const u32 = views(cpu).u32;
    let m = 0;
    for (let i = 0; i < 4; i++) m |= (u32[at(s) / 4 + i] >>> 31) << i;
    return m;
  },
  x86_movmskpd(cpu, s) {
    const u32 = views(cpu).u32;
    return (u32[at(s) / 4 + 1] >>> 31) | ((u32[at(s) / 4 + 3] >>> 31) << 1);
  },
  x86_pshufd(cpu, d, s, imm) {
    const w = words(cpu, s, 'u32');
    const u32 = views(cpu).u32;
    for (let i = 0; i < 4; i++) u32[at(d) / 4 + i] = w[(imm >> (2 * i)) & 3];
  },
  x86_pshuflw(cpu, d, s, imm) {
    const w = words(cpu, s, 'u16');
    const u16 = views(cpu).u16;
    for (let i = 0; i < 4; i++) u16[at(d) / 2 + i] = w[(imm >> (2 * i)) & 3];
    for (let i = 4; i < 8; i++) u16[at(d) / 2 + i] = w[i];
  },
  x86_pshufhw(cpu, d, s, imm) {
    const w = words(cpu, s, 'u16');
    const u16 = views(cpu).u16;
    for (let i = 0; i < 4; i++) u16[at(d) / 2 + i] = w[i];
    for (let i = 0; i < 4; i++) u16[at(d) / 2 + 4 + i] = w[4 + ((imm >> (2 * i)) & 3)];
  },
  x86_shufps(cpu, d, s, imm) {
    const a = words(cpu, d, 'u32'), b = words(cpu, s, 'u32');
    const u32 = views(cpu).u32;
    const o = at(d) / 4;
    u32[o] = a[imm & 3]; u32[o + 1] = a[(imm >> 2) & 3]; u32[o + 2] = b[(imm >> 4) & 3]; u32[o + 3] = b[(imm >> 6) & 3];
  },
  x86_shufpd(cpu, d, s, imm) {
    const u64 = views(cpu).u64;
    const a = [u64[at(d) / 8], u64[at(d) / 8 + 1]], b = [u64[at(s) / 8], u64[at(s) / 8 + 1]];
    u64[at(d) / 8] = a[imm & 1]; u64[at(d) / 8 + 1] = b[(imm >> 1) & 1];
  },
  /** psrldq/pslldq: byte shifts of the whole register */
  x86_psrldq(cpu, d, n) {
    const b = bytes(cpu, d), u8 = views(cpu).u8;
    for (let i = 0; i < 16; i++) u8[at(d) + i] = i + n < 16 ? b[i + n] : 0;
  },
  x86_pslldq(cpu, d, n) {
    const b = bytes(cpu, d), u8 = views(cpu).u8;
    for (let i = 0; i < 16; i++) u8[at(d) + i] = i - n >= 0 ? b[i - n] : 0;
  },
  /** lane shifts: kind 0 w, 1 d, 2 q; op 0 left, 1 logical right, 2 arithmetic right; count */
  x86_pshift(cpu, d, kind, op, count) {
    if (kind === 2) { shiftQ(cpu, d, count >>> 0, op === 0); return; }
    shiftLanes(cpu, d, count >>> 0, kind === 0 ? 'u16' : 'u32', op === 0 ? 'l' : op === 1 ? 'r' : 'a');
  },
  x86_xmm_count: (cpu, s) => xmmCount(cpu, s),
  x86_pmuludq(cpu, d, s) {
    const u32 = views(cpu).u32, u64 = views(cpu).u64;
    for (let i = 0; i < 2; i++) u64[at(d) / 8 + i] = BigInt(u32[at(d) / 4 + 2 * i]) * BigInt(u32[at(s) / 4 + 2 * i]);
  },
  x86_pmaddwd(cpu, d, s) {
    const a = words(cpu, d, 'i16'), b = words(cpu, s, 'i16');
    const i32 = views(cpu).i32;
    for (let i = 0; i < 4; i++) i32[at(d) / 4 + i] = (a[2 * i] * b[2 * i] + a[2 * i + 1] * b[2 * i + 1]) | 0;
  },
  x86_psadbw(cpu, d, s) {
    const a = bytes(cpu, d), b = bytes(cpu, s);
    const u64 = views(cpu).u64;
    for (let h = 0; h < 2; h++) {
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Math.abs(a[8 * h + i] - b[8 * h + i]);
      u64[at(d) / 8 + h] = BigInt(sum);
    }
  },
  x86_pinsrw(cpu, d, v, imm) { views(cpu).u16[at(d) / 2 + (imm & 7)] = v; },
  x86_pextrw: (cpu, s, imm) => views(cpu).u16[at(s) / 2 + (imm & 7)],
  // floating point: <op><ps|pd|ss|sd>
  ...Object.fromEntries(Object.keys(FOPS).flatMap((n) => [
    [`x86_${n}ps`, fp(n, 4, false)], [`x86_${n}pd`, fp(n, 2, true)], [`x86_${n}ss`, fp(n, 1, false)], [`x86_${n}sd`, fp(n, 1, true)],
  ])),
  /** cmp<ps|pd|ss|sd>: kind = lanes * 2 + wide */
  x86_fcmp(cpu, d, s, kind, pred) {
    const v = views(cpu);
    const n = kind >> 1, wide = (kind & 1) !== 0;
    for (let l = 0; l < n; l++) {
      if (wide) {
        const r = cmpPred(pred, v.f64[at(d) / 8 + l], v.f64[at(s) / 8 + l]) ? -1 : 0;
        v.i32[at(d) / 4 + 2 * l] = r; v.i32[at(d) / 4 + 2 * l + 1] = r;
      } else v.i32[at(d) / 4 + l] = cmpPred(pred, v.f32[at(d) / 4 + l], v.f32[at(s) / 4 + l]) ? -1 : 0;
    }
  },
  /** ucomis/comis: EFLAGS (ZF PF CF) of comparing lane 0 */
  x86_ucomi(cpu, d, s, wide) {
    const v = views(cpu);
    const a = wide ? v.f64[at(d) / 8] : v.f32[at(d) / 4], b = wide ? v.f64[at(s) / 8] : v.f32[at(s) / 4];
    if (a !== a || b !== b) return 0x45;
    return a < b ? 0x1 : a === b ? 0x40 : 0;
  },
  /** conversions of lane 0: kind says which */
  x86_cvt_i2f(cpu, d, lo, hi, kind) {
    // kind: bit0 = 64-bit integer, bit1 = double result
    const v = views(cpu);
    const x = kind & 1 ? Number(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo >>> 0))) : lo | 0;
    if (kind & 2) v.f64[at(d) / 8] = kind & 1 ? Number(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo >>> 0))) : x;
    else v.f32[at(d) / 4] = kind & 1 ? Math.fround(Number(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo >>> 0)))) : Math.fround(x);
  },
  /** float lane 0 -> integer; kind: bit0 64-bit, bit1 double source, bit2 truncate */
  x86_cvt_f2i(cpu, s, kind) {
    const v = views(cpu);
    const x = kind & 2 ? v.f64[at(s) / 8] : v.f32[at(s) / 4];
    const r = cvtInt(x, kind & 1 ? 64 : 32, (kind & 4) !== 0, cpu);
    cpu.rhi = Number(r >> 32n) | 0;
    return Number(r & 0xffffffffn) | 0;
  },
  x86_cvtss2sd(cpu, d, s) { const v = views(cpu); v.f64[at(d) / 8] = v.f32[at(s) / 4]; },
  x86_cvtsd2ss(cpu, d, s) { const v = views(cpu); v.f32[at(d) / 4] = v.f64[at(s) / 8]; },
  x86_cvtps2pd(cpu, d, s) { const v = views(cpu); const a = v.f32[at(s) / 4], b = v.f32[at(s) / 4 + 1]; v.f64[at(d) / 8] = a; v.f64[at(d) / 8 + 1] = b; },
  x86_cvtpd2ps(cpu, d, s) { const v = views(cpu); const a = v.f64[at(s) / 8], b = v.f64[at(s) / 8 + 1]; v.f32[at(d) / 4] = a; v.f32[at(d) / 4 + 1] = b; v.u64[at(d) / 8 + 1] = 0n; },
  x86_cvtdq2pd(cpu, d, s) { const v = views(cpu); const a = v.i32[at(s) / 4], b = v.i32[at(s) / 4 + 1]; v.f64[at(d) / 8] = a; v.f64[at(d) / 8 + 1] = b; },
  x86_cvtdq2ps(cpu, d, s) { const v = views(cpu); for (let i = 0; i < 4; i++) v.f32[at(d) / 4 + i] = v.i32[at(s) / 4 + i]; },
  x86_cvtps2dq(cpu, d, s, trunc) {
    const v = views(cpu);
    for (let i = 0; i < 4; i++) v.u32[at(d) / 4 + i] = Number(cvtInt(v.f32[at(s) / 4 + i], 32, trunc !== 0, cpu));
  },
  x86_cvtpd2dq(cpu, d, s, trunc) {
    const v = views(cpu);
    const a = v.f64[at(s) / 8], b = v.f64[at(s) / 8 + 1];
    v.u32[at(d) / 4] = Number(cvtInt(a, 32, trunc !== 0, cpu)); v.u32[at(d) / 4 + 1] = Number(cvtInt(b, 32, trunc !== 0, cpu));
    v.u64[at(d) / 8 + 1] = 0n;
  },
  x86_ldmxcsr(cpu, v) {
    if (v & ~0xffff) throw new GuestFault(Excp.Trap, 0, Access.Read, -1, 0x0d);
    cpu.mxcsr = v;
  },
  x86_stmxcsr: (cpu) => cpu.mxcsr,
};

/** their signatures */
export const sseSigs: Record<string, string> = {
  'void(i32, i32)': [...Object.keys(LANES), 'punpcklbw', 'punpckhbw', 'punpcklwd', 'punpckhwd', 'punpckldq', 'punpckhdq', 'unpcklps', 'unpckhps',
    'packsswb', 'packuswb', 'packssdw', 'pmuludq', 'pmaddwd', 'psadbw', 'cvtss2sd', 'cvtsd2ss', 'cvtps2pd', 'cvtpd2ps', 'cvtdq2pd', 'cvtdq2ps',
    ...Object.keys(FOPS).flatMap((n) => [`${n}ps`, `${n}pd`, `${n}ss`, `${n}sd`]), 'psrldq', 'pslldq']
    .map((n) => `x86_${n}`).join(' '),
  'i32(i32)': 'x86_pmovmskb x86_movmskps x86_movmskpd x86_xmm_count',
  'void(i32, i32, i32)': 'x86_pshufd x86_pshuflw x86_pshufhw x86_shufps x86_shufpd x86_pinsrw x86_cvtps2dq x86_cvtpd2dq',
  'void(i32, i32, i32, i32)': 'x86_pshift x86_fcmp',
  'i32(i32, i32)': 'x86_pextrw',
  'i32(i32, i32, i32)': 'x86_ucomi',
  'void(i32, i64, i32)': 'x86_cvt_i2f',
  'i64(i32, i32)': 'x86_cvt_f2i',
  'void(i32)': 'x86_ldmxcsr',
  'i32()': 'x86_stmxcsr',
};
