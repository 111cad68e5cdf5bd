/**
 * Lazy condition flags. A flag-setting instruction does not compute EFLAGS: it records what
 * it did in four registers of the CPU state — CC_OP (the operation and its size), CC_DST (the
 * result), CC_SRC and CC_SRC2 (operands, as each operation needs) — and the flags are
 * computed only where something reads them. Within a block the translator also remembers the
 * same facts as IR temps (`CcState`), so `cmp; jl` becomes one signed compare of the
 * operands; the backend's block pass (src/core/backend/opt.ts) drops the CC stores a later
 * instruction overwrites. A block that reads flags it did not set computes them from the
 * registers with the helper x86_eflags (helpers-flags.ts).
 *
 * What each operation records (values zero-extended to the operation's size):
 *   ADD   dst = a + b, src = b                SUB  dst = a - b, src = b, src2 = a
 *   ADC   dst = a + b + c, src = b, src2 = c  SBB  dst = a - b - c, src = b, src2 = c
 *   LOGIC dst (CF = OF = 0)                   INC/DEC dst, src = the CF that was before
 *   SHL   dst, src = the value shifted by count - 1 (CF = its top bit)
 *   SAR   dst, src = the value shifted by count - 1 (CF = its low bit; also SHR)
 *   MUL   dst = low half, src = nonzero when the product overflowed (CF = OF)
 *   BMI   (tzcnt/lzcnt/popcnt...) dst for ZF, src = CF (OF = SF = 0 as Intel gives for popcnt)
 *   EFLAGS src = the flags themselves (after popf, sahf, ucomisd, bt, ...)
 */
import type { IrBuilder } from '../../src/core/ir.js';

export const enum CcOp {
  EFLAGS = 0, ADD = 1, SUB = 2, ADC = 3, SBB = 4, LOGIC = 5, INC = 6, DEC = 7, SHL = 8, SAR = 9, MUL = 10, BMI = 11,
}
/** CC_OP holds op * 4 + log2(size) */
export const ccCode = (op: CcOp, size: number) => op * 4 + (size === 1 ? 0 : size === 2 ? 1 : size === 4 ? 2 : 3);

export const CF = 0x1, PF = 0x4, AF = 0x10, ZF = 0x40, SF = 0x80, OF = 0x800;

/** What the translator knows about the flags in the current block (temps of the sized type). */
export interface CcState {
  op: CcOp;
  size: number;
  dst: number;
  src: number;
  src2: number;
}

/** conditions in encoding order (jcc/setcc/cmovcc low nibble) */
export const enum Cond { O = 0, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G }

/** Flag evaluation over a known CcState: each returns an i32 0/1 temp. */
export class FlagEval {
  constructor(private readonly b: IrBuilder, private readonly s: CcState) {}
  private get bits() { return this.s.size * 8; }
  private k(v: number | bigint) { return this.s.size === 8 ? this.b.k64(v) : this.b.k32(Number(v)); }
  /** mask an i32 result of a size-1/2 operation to its size */
  private fit(v: number): number { return this.s.size < 4 ? this.b.zextb(v, this.bits) : v; }
  bit(v: number, n: number): number {
    const e = this.b.extract(v, n, 1);
    return this.b.typeOf(e) === 'i64' ? this.b.trunc(e) : e;
  }
  /** the first operand of ADD/ADC/SUB/SBB */
  a(): number {
    const { op, dst, src, src2 } = this.s;
    switch (op) {
      case CcOp.SUB: return src2;
      case CcOp.ADD: return this.fit(this.b.sub(dst, src));
      case CcOp.ADC: return this.fit(this.b.sub(this.b.sub(dst, src), src2));
      case CcOp.SBB: return this.fit(this.b.add(this.b.add(dst, src), src2));
      default: throw new Error('x86 flags: a() of a non-arithmetic op');
    }
  }
  cf(): number {
    const { b } = this;
    const { op, dst, src, src2 } = this.s;
    switch (op) {
      case CcOp.ADD: return b.cmp('ltu', dst, src);
      case CcOp.SUB: return b.cmp('ltu', src2, src);
      case CcOp.ADC: return b.or(b.cmp('ltu', dst, src), b.and(this.cin(), b.cmp('eq', dst, src)));
      case CcOp.SBB: { const a = this.a(); return b.or(b.cmp('ltu', a, src), b.and(this.cin(), b.cmp('eq', a, src))); }
      case CcOp.LOGIC: return b.k32(0);
      case CcOp.INC: case CcOp.DEC: case CcOp.BMI: return this.i32(src);
      case CcOp.SHL: return this.bit(src, this.bits - 1);
      case CcOp.SAR: return this.bit(src, 0);
      case CcOp.MUL: return b.cmp('ne', src, this.k(0));
      case CcOp.EFLAGS: return this.bit(src, 0);
    }
  }
  private i32(v: number): number { return this.b.typeOf(v) === 'i64' ? this.b.trunc(v) : v; }
  private cin(): number { return this.i32(this.s.src2); }
  zf(): number {
    if (this.s.op === CcOp.EFLAGS) return this.bit(this.s.src, 6);
    return this.b.cmp('eq', this.s.dst, this.k(0));
  }
  sf(): number {
    if (this.s.op === CcOp.EFLAGS) return this.bit(this.s.src, 7);
    if (this.s.op === CcOp.BMI) return this.b.k32(0);
    return this.bit(this.s.dst, this.bits - 1);
  }
  of(): number {
    const { b } = this;
    const { op, dst, src } = this.s;
    const top = this.bits - 1;
    switch (op) {
      case CcOp.ADD: case CcOp.ADC: { const a = this.a(); return this.bit(b.and(b.xor(a, dst), b.xor(src, dst)), top); }
      case CcOp.SUB: case CcOp.SBB: { const a = this.a(); return this.bit(b.and(b.xor(a, src), b.xor(a, dst)), top); }
      case CcOp.LOGIC: case CcOp.BMI: return b.k32(0);
      case CcOp.INC: return b.cmp('eq', dst, this.k(1n << BigInt(top)));
      case CcOp.DEC: return b.cmp('eq', dst, this.k((1n << BigInt(top)) - 1n));
      case CcOp.SHL: return b.xor(this.bit(dst, top), this.bit(src, top));
      case CcOp.SAR: return this.bit(b.xor(src, dst), top);
      case CcOp.MUL: return b.cmp('ne', src, this.k(0));
      case CcOp.EFLAGS: return this.bit(src, 11);
    }
  }
  pf(): number {
    const { b } = this;
    if (this.s.op === CcOp.EFLAGS) return this.bit(this.s.src, 2);
    if (this.s.op === CcOp.BMI) return b.k32(0);
    const low = b.and(this.i32(this.s.dst), b.k32(0xff));
    return b.xor(b.and(b.popcnt(low), b.k32(1)), b.k32(1));
  }
  /** condition cc (jcc/setcc/cmov low nibble) as i32 0/1 */
  cond(cc: number): number {
    const { b } = this;
    const neg = (cc & 1) !== 0;
    let v: number;
    const sub = this.s.op === CcOp.SUB;
    switch (cc >> 1) {
      case 0: v = this.of(); break;
      case 1: v = this.cf(); break;
      case 2: v = this.zf(); break;
      case 3: v = sub ? b.cmp('leu', this.s.src2, this.s.src) : b.or(this.cf(), this.zf()); break;
      case 4: v = this.sf(); break;
      case 5: v = this.pf(); break;
      case 6: v = sub ? b.cmp('lts', this.sx(this.s.src2), this.sx(this.s.src)) : b.xor(this.sf(), this.of()); break;
      default: v = sub ? b.cmp('les', this.sx(this.s.src2), this.sx(this.s.src)) : b.or(this.zf(), b.xor(this.sf(), this.of())); break;
    }
    return neg ? b.xor(v, b.k32(1)) : v;
  }
  /** sign-extend a sized value to its temp type (for signed compares of 8/16-bit values) */
  private sx(v: number): number { return this.s.size < 4 ? this.b.sextb(v, this.bits) : v; }
  /** CF|PF|AF|ZF|SF|OF as an i32 (AF only where cheap: ADD/SUB families, else 0) */
  eflags(): number {
    const { b } = this;
    if (this.s.op === CcOp.EFLAGS) return this.i32(this.s.src);
    const sh = (v: number, n: number) => (n ? b.bin('shl', v, b.k32(n)) : v);
    let f = b.or(b.or(this.cf(), sh(this.pf(), 2)), b.or(sh(this.zf(), 6), sh(this.sf(), 7)));
    f = b.or(f, sh(this.of(), 11));
    const { op } = this.s;
    if (op === CcOp.ADD || op === CcOp.SUB || op === CcOp.ADC || op === CcOp.SBB) {
      f = b.or(f, b.and(this.i32(b.xor(b.xor(this.a(), this.s.src), this.s.dst)), b.k32(AF)));
    } else if (op === CcOp.INC || op === CcOp.DEC) {
      const before = op === CcOp.INC ? b.sub(this.s.dst, this.k(1)) : b.add(this.s.dst, this.k(1));
      f = b.or(f, b.and(this.i32(b.xor(before, this.s.dst)), b.k32(AF)));
    }
    return f;
  }
}

/** EFLAGS (arithmetic bits) from the recorded operation, in plain JS (the helper's half). */
export function computeEflags(code: number, dst: bigint, src: bigint, src2: bigint): number {
  const op = code >> 2 as CcOp;
  const bits = 8 << (code & 3);
  const mask = (1n << BigInt(bits)) - 1n;
  const top = (v: bigint) => Number((v >> BigInt(bits - 1)) & 1n);
  const d = dst & mask, s = src & mask, s2 = src2 & mask;
  let cf = 0, of = 0, af = 0;
  switch (op) {
    case CcOp.EFLAGS: return Number(src & 0xffffffffn) | 0;
    case CcOp.ADD: { const a = (d - s) & mask; cf = +(d < s); of = top((a ^ d) & (s ^ d)); af = Number((a ^ s ^ d) & 16n); break; }
    case CcOp.ADC: { const a = (d - s - s2) & mask; cf = +(d < s || (s2 !== 0n && d === s)); of = top((a ^ d) & (s ^ d)); af = Number((a ^ s ^ d) & 16n); break; }
    case CcOp.SUB: { const a = s2; cf = +(a < s); of = top((a ^ s) & (a ^ d)); af = Number((a ^ s ^ d) & 16n); break; }
    case CcOp.SBB: { const a = (d + s + s2) & mask; cf = +(a < s || (s2 !== 0n && a === s)); of = top((a ^ s) & (a ^ d)); af = Number((a ^ s ^ d) & 16n); break; }
    case CcOp.LOGIC: break;
    case CcOp.INC: cf = Number(s & 1n); of = +(d === 1n << BigInt(bits - 1)); af = Number((((d - 1n) & mask) ^ d) & 16n); break;
    case CcOp.DEC: cf = Number(s & 1n); of = +(d === (1n << BigInt(bits - 1)) - 1n); af = Number((((d + 1n) & mask) ^ d) & 16n); break;
    case CcOp.SHL: cf = top(s); of = top(d) ^ cf; break;
    case CcOp.SAR: cf = Number(s & 1n); of = top(s ^ d); break;
    case CcOp.MUL: cf = of = +(s !== 0n); break;
    case CcOp.BMI: cf = Number(s & 1n); return cf | (d === 0n ? ZF : 0);
  }
  let p = Number(d & 0xffn);
  p ^= p >> 4; p ^= p >> 2; p ^= p >> 1;
  const pf = (p & 1) ? 0 : PF;
  return cf | pf | af | (d === 0n ? ZF : 0) | (top(d) ? SF : 0) | (of ? OF : 0);
}
