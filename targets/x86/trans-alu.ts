/**
 * Integer arithmetic, logic, shifts and rotates, multiply and divide. Every flag-setting
 * instruction records its operation lazily (ctx.setCc, flags.ts); nothing computes EFLAGS.
 */
import type { X86Ctx } from './ctx.js';
import type { Insn } from './decode.js';
import { CcOp, CF, OF } from './flags.js';

export type Handler = (c: X86Ctx, i: Insn) => boolean;

function arith(kind: 'add' | 'sub' | 'adc' | 'sbb' | 'cmp'): Handler {
  return (c, i) => {
    const b = c.b;
    const [d, s] = i.ops;
    const size = d.size;
    const { v: a, put } = c.rmw(d);
    const x = c.fit(size, c.read(s));
    if (kind === 'adc' || kind === 'sbb') {
      const cin = c.fit(size, c.flags().cf());
      const r = c.fit(size, kind === 'adc' ? b.add(b.add(a, x), cin) : b.sub(b.sub(a, x), cin));
      put(r);
      c.setCc(kind === 'adc' ? CcOp.ADC : CcOp.SBB, size, r, x, cin);
      return true;
    }
    const r = c.fit(size, kind === 'add' ? b.add(a, x) : b.sub(a, x));
    if (kind !== 'cmp') put(r);
    if (kind === 'add') c.setCc(CcOp.ADD, size, r, x);
    else c.setCc(CcOp.SUB, size, r, x, a);
    return true;
  };
}

function logic(op: 'and' | 'or' | 'xor' | 'test'): Handler {
  return (c, i) => {
    const [d, s] = i.ops;
    const size = d.size;
    const xorSelf = op === 'xor' && d.k === 'reg' && s.k === 'reg' && d.reg === s.reg && !d.high === !s.high;
    const { v: a, put } = xorSelf ? { v: c.k(size, 0), put: (v: number) => c.write(d, v) } : c.rmw(d);
    const x = c.fit(size, c.read(s));
    const r = xorSelf ? c.k(size, 0) : c.b.bin(op === 'test' ? 'and' : op, a, x);
    if (op !== 'test') put(r);
    c.setCc(CcOp.LOGIC, size, r);
    return true;
  };
}

function incdec(inc: boolean): Handler {
  return (c, i) => {
    const d = i.ops[0];
    const { v: a, put } = c.rmw(d);
    const cf = c.fit(d.size, c.flags().cf());
    const r = c.fit(d.size, inc ? c.b.add(a, c.k(d.size, 1)) : c.b.sub(a, c.k(d.size, 1)));
    put(r);
    c.setCc(inc ? CcOp.INC : CcOp.DEC, d.size, r, cf);
    return true;
  };
}

/** the shift count operand, masked as the CPU masks it (i32) */
function count(c: X86Ctx, i: Insn, at = 1): number {
  const s = i.ops[at];
  const n = s.k === 'one' ? c.b.k32(1) : c.fit(4, c.read(s));
  return c.b.and(n, c.b.k32(i.ops[0].size === 8 ? 63 : 31));
}

/**
 * Record new flags unless the count is zero (then the flags stay as they were): a constant
 * count decides at translate time; otherwise each CC register is a select on the count.
 */
function shiftFlags(c: X86Ctx, n: number, op: CcOp, size: number, dst: number, src: number): void {
  const b = c.b;
  const kn = b.constValue(n);
  if (kn !== undefined) { if (kn !== 0n) c.setCc(op, size, dst, src); return; }
  const old = c.flags().eflags();
  const zero = b.cmp('eq', n, b.k32(0));
  c.setCc(op, size, dst, src);
  const now = c.flags().eflags();
  c.setEflags(b.select(zero, old, now));
}

function shift(kind: 'shl' | 'shr' | 'sar'): Handler {
  return (c, i) => {
    const b = c.b;
    const d = i.ops[0];
    const size = d.size, bits = size * 8;
    const n = count(c, i);
    if (b.constValue(n) === 0n) return true;
    const { v: a, put } = c.rmw(d);
    const n1 = b.sub(n, b.k32(1));
    let r: number, src: number;
    if (kind === 'shl') { r = c.fit(size, b.bin('shl', a, n)); src = c.fit(size, b.bin('shl', a, n1)); }
    else if (kind === 'shr') { r = b.bin('shr', a, n); src = b.bin('shr', a, n1); }
    else {
      const sa = size < 4 ? b.sextb(a, bits) : a;
      r = c.fit(size, b.bin('sar', sa, n)); src = c.fit(size, b.bin('sar', sa, n1));
    }
    put(r);
    shiftFlags(c, n, kind === 'shl' ? CcOp.SHL : CcOp.SAR, size, r, src);
    return true;
  };
}

function rotate(left: boolean): Handler {
  return (c, i) => {
    const b = c.b;
    const d = i.ops[0];
    const size = d.size, bits = size * 8;
    const n0 = count(c, i);
    if (b.constValue(n0) === 0n) return true;
    const n = size < 4 ? b.bin('remu', n0, b.k32(bits)) : n0;
    const { v: a, put } = c.rmw(d);
    let r: number;
    if (size >= 4) r = b.bin(left ? 'rotl' : 'rotr', a, n);
    else {
      const back = b.sub(b.k32(bits), n);
      r = c.fit(size, left ? b.or(b.bin('shl', a, n), b.bin('shr', a, back)) : b.or(b.bin('shr', a, n), b.bin('shl', a, back)));
    }
    put(r);
    const f = c.flags();
    const msb = f.bit(r, bits - 1);
    const cf = left ? f.bit(r, 0) : msb;
    const of = left ? b.xor(msb, cf) : b.xor(msb, f.bit(r, bits - 2));
    const old = f.eflags();
    const now = b.or(b.and(old, b.k32(~(CF | OF))), b.or(cf, b.bin('shl', of, b.k32(11))));
    c.setEflags(b.constValue(n0) !== undefined ? now : b.select(b.cmp('eq', n0, b.k32(0)), old, now));
    return true;
  };
}

/** shld/shrd: shift the destination, filling from the source register */
function dshift(left: boolean): Handler {
  return (c, i) => {
    const b = c.b;
    const [d, s] = i.ops;
    const size = d.size, bits = size * 8;
    const n = count(c, i, 2);
    if (b.constValue(n) === 0n) return true;
    const { v: a, put } = c.rmw(d);
    const x = c.read(s);
    // in a double-width value: left = (a:x) << n, top half; right = (x:a) >> n, bottom half
    const wide = (hi: number, lo: number) => (size === 8 ? -1 : b.or(b.bin('shl', b.zext(c.fit(4, hi)), b.k32(bits)), b.zext(c.fit(4, lo))));
    let r: number, src: number;
    const n1 = b.sub(n, b.k32(1));
    if (size === 8) {
      const back = b.sub(b.k32(64), n);
      const nz = b.cmp('ne', n, b.k32(0));
      r = left ? b.or(b.bin('shl', a, n), b.select(nz, b.bin('shr', x, back), b.k64(0)))
        : b.or(b.bin('shr', a, n), b.select(nz, b.bin('shl', x, back), b.k64(0)));
      src = left ? b.bin('shl', a, n1) : b.bin('shr', a, n1);
      if (!left) src = b.or(src, b.select(b.cmp('ne', n1, b.k32(0)), b.bin('shl', x, b.sub(b.k32(64), n1)), b.k64(0)));
      else src = b.or(src, b.select(b.cmp('ne', n1, b.k32(0)), b.bin('shr', x, b.sub(b.k32(64), n1)), b.k64(0)));
    } else {
      const w = left ? wide(a, x) : wide(x, a);
      if (left) {
        r = c.fit(size, b.trunc(b.bin('shr', b.bin('shl', w, n), b.k32(bits))));
        src = c.fit(size, b.trunc(b.bin('shr', b.bin('shl', w, n1), b.k32(bits))));
      } else {
        r = c.fit(size, b.trunc(b.bin('shr', w, n)));
        src = c.fit(size, b.trunc(b.bin('shr', w, n1)));
      }
    }
    put(r);
    shiftFlags(c, n, left ? CcOp.SHL : CcOp.SAR, size, r, src);
    return true;
  };
}

const neg: Handler = (c, i) => {
  const d = i.ops[0];
  const { v: a, put } = c.rmw(d);
  const z = c.k(d.size, 0);
  const r = c.fit(d.size, c.b.sub(z, a));
  put(r);
  c.setCc(CcOp.SUB, d.size, r, a, z);
  return true;
};

const not: Handler = (c, i) => {
  const d = i.ops[0];
  const { v: a, put } = c.rmw(d);
  put(c.fit(d.size, c.b.not(a)));
  return true;
};

/** widening multiply of a and x (sized): [low, high] halves, sized */
function mulWide(c: X86Ctx, size: number, a: number, x: number, signed: boolean): [number, number] {
  const b = c.b;
  if (size === 8) return [b.bin('mul', a, x), b.bin(signed ? 'mulhs' : 'mulhu', a, x)];
  const ext = (v: number) => (signed ? c.sext(size, v, 8) : c.zext(size, v, 8));
  const p = b.bin('mul', ext(a), ext(x));
  const bits = size * 8;
  return [c.fit(size, p), c.fit(size, b.bin('shr', p, b.k32(bits)))];
}

/** one-operand mul/imul: rDX:rAX (AX for bytes) = rAX * operand */
function mul1(signed: boolean): Handler {
  return (c, i) => {
    const b = c.b;
    const s = i.ops[0];
    const size = s.size;
    const x = c.read(s);
    const a = c.reg(size, 0);
    const [lo, hi] = mulWide(c, size, a, x, signed);
    if (size === 1) c.setReg(2, 0, b.or(lo, b.bin('shl', hi, b.k32(8))));
    else { c.setReg(size, 0, lo); c.setReg(size, 2, hi); }
    const over = signed ? b.cmp('ne', hi, c.fit(size, b.bin('sar', size < 4 ? b.sextb(lo, size * 8) : lo, b.k32(size * 8 - 1)))) : b.cmp('ne', hi, c.k(size, 0));
    c.setCc(CcOp.MUL, size, lo, c.fit(size, over));
    return true;
  };
}

/** imul with two or three operands: a truncated signed product */
const imulN: Handler = (c, i) => {
  const b = c.b;
  const d = i.ops[0];
  const size = d.size;
  const x = c.read(i.ops[1]);
  const y = i.ops.length > 2 ? c.fit(size, c.read(i.ops[2])) : c.read(d);
  const [lo, hi] = mulWide(c, size, x, y, true);
  c.write(d, lo);
  const sign = c.fit(size, b.bin('sar', size < 4 ? b.sextb(lo, size * 8) : lo, b.k32(size * 8 - 1)));
  c.setCc(CcOp.MUL, size, lo, c.fit(size, b.cmp('ne', hi, sign)));
  return true;
};

/** div/idiv: the quotient from a helper (it raises #DE), the remainder from it */
function div(signed: boolean): Handler {
  return (c, i) => {
    const b = c.b;
    const s = i.ops[0];
    const size = s.size;
    const x = c.zext(size, c.read(s), 8);
    let hi: number, lo: number;
    if (size === 1) { const ax = c.reg(2, 0); hi = b.k64(0); lo = c.zext(2, ax, 8); }
    else { hi = c.zext(size, c.reg(size, 2), 8); lo = c.zext(size, c.reg(size, 0), 8); }
    const q = b.call('x86_div', 'i64', [b.k32(size * 2 + (signed ? 1 : 0)), hi, lo, x]);
    // remainder = dividend - q * divisor (exact in the low bits)
    const dividendLo = size === 8 ? lo : size === 1 ? lo : b.or(b.bin('shl', hi, b.k32(size * 8)), lo);
    const rem = b.sub(dividendLo, b.bin('mul', q, x));
    if (size === 1) c.setReg(2, 0, b.or(c.fit(1, q), b.bin('shl', c.fit(1, rem), b.k32(8))));
    else { c.setReg(size, 0, c.fit(size, q)); c.setReg(size, 2, c.fit(size, rem)); }
    return true;
  };
}

export const transAlu: Record<string, Handler> = {
  add: arith('add'), sub: arith('sub'), adc: arith('adc'), sbb: arith('sbb'), cmp: arith('cmp'),
  and: logic('and'), or: logic('or'), xor: logic('xor'), test: logic('test'),
  inc: incdec(true), dec: incdec(false), neg, not,
  shl: shift('shl'), shr: shift('shr'), sar: shift('sar'), rol: rotate(true), ror: rotate(false),
  shld: dshift(true), shrd: dshift(false),
  mul: mul1(false), imul: (c, i) => (i.ops.length === 1 ? mul1(true)(c, i) : imulN(c, i)),
  div: div(false), idiv: div(true),
};
