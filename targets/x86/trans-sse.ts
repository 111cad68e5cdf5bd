/**
 * SSE and SSE2: moves and 64-bit-lane logic inline on the two i64 halves of an xmm register;
 * lane-wise integer work, shuffles and floating point through helpers (helpers-sse.ts) that
 * take register numbers. A memory source is first loaded into a scratch register (XTMP).
 * 128-bit memory operands must be 16-byte aligned except for the unaligned moves.
 */
import { XMM0, XTMP } from './cpu.js';
import type { X86Ctx } from './ctx.js';
import type { Insn, Operand } from './decode.js';
import type { Handler } from './trans-alu.js';

const LO = (k: number) => XMM0 + 2 * k;
const HI = (k: number) => XMM0 + 2 * k + 1;
const UNALIGNED = new Set(['movdqu', 'movups', 'movupd', 'lddqu']);

/** the two halves of a 128-bit (or 64/32-bit, zero-extended) source operand */
function halves(c: X86Ctx, i: Insn, o: Operand): [number, number] {
  const b = c.b;
  if (o.k === 'xmm') return [b.get(LO(o.reg), 'i64'), b.get(HI(o.reg), 'i64')];
  if (o.k !== 'mem') throw new Error(`x86 sse: operand ${o.k}`);
  const a = c.ea(o.mem);
  if (o.size === 16) {
    const lo = b.load('i64', 8, false, a, UNALIGNED.has(i.mnem) ? 0 : 16);
    return [lo, b.load('i64', 8, false, b.add(a, b.k32(8)))];
  }
  const v = o.size === 8 ? b.load('i64', 8, false, a) : b.zext(b.load('i32', o.size, false, a));
  return [v, b.k64(0)];
}

/** an xmm register number holding the source (memory goes to the scratch register) */
function src(c: X86Ctx, i: Insn, o: Operand, scratch = XTMP): number {
  if (o.k === 'xmm') return o.reg;
  const [lo, hi] = halves(c, i, o);
  c.b.set(LO(scratch), lo);
  c.b.set(HI(scratch), hi);
  return scratch;
}

function setX(c: X86Ctx, k: number, lo: number, hi: number): void {
  c.b.set(LO(k), lo);
  c.b.set(HI(k), hi);
}

function store128(c: X86Ctx, i: Insn, o: Operand, lo: number, hi: number): void {
  const b = c.b;
  if (o.k !== 'mem') throw new Error('x86 sse: store to a non-memory operand');
  const a = c.ea(o.mem);
  b.store(8, a, lo, UNALIGNED.has(i.mnem) ? 0 : 16);
  b.store(8, b.add(a, b.k32(8)), hi);
}

const mov128: Handler = (c, i) => {
  const [d, s] = i.ops;
  const [lo, hi] = halves(c, i, s);
  if (d.k === 'xmm') setX(c, d.reg, lo, hi);
  else store128(c, i, d, lo, hi);
  return true;
};

/** movq xmm, xmm/m64 (zero the top) and movq xmm/m64, xmm */
const movq: Handler = (c, i) => {
  const b = c.b;
  const [d, s] = i.ops;
  if (d.k === 'reg' || s.k === 'reg') return movdq(c, i);
  if (d.k === 'xmm') {
    const lo = s.k === 'xmm' ? b.get(LO(s.reg), 'i64') : halves(c, i, s)[0];
    setX(c, d.reg, lo, b.k64(0));
    return true;
  }
  if (s.k !== 'xmm') return false;
  if (d.k === 'mem') { b.store(8, c.ea(d.mem), b.get(LO(s.reg), 'i64')); return true; }
  c.write(d, b.get(LO(s.reg), 'i64'));
  return true;
};

/** movd/movq between a general register or memory and an xmm register */
const movdq: Handler = (c, i) => {
  const b = c.b;
  const [d, s] = i.ops;
  if (d.k === 'xmm') {
    setX(c, d.reg, c.zext(s.size, c.read(s), 8), b.k64(0));
    return true;
  }
  if (s.k !== 'xmm') return false;
  const lo = b.get(LO(s.reg), 'i64');
  c.write(d, d.size === 8 ? lo : b.trunc(lo));
  return true;
};

/** movss/movsd: a load zeroes the rest, a register move keeps it */
function movScalar(bytes: 4 | 8): Handler {
  return (c, i) => {
    const b = c.b;
    const [d, s] = i.ops;
    if (d.k === 'xmm' && s.k === 'mem') {
      const v = bytes === 8 ? b.load('i64', 8, false, c.ea(s.mem)) : b.zext(b.load('i32', 4, false, c.ea(s.mem)));
      setX(c, d.reg, v, b.k64(0));
      return true;
    }
    if (s.k !== 'xmm') return false;
    const v = b.get(LO(s.reg), 'i64');
    if (d.k === 'mem') { b.store(bytes, c.ea(d.mem), bytes === 8 ? v : b.trunc(v)); return true; }
    if (d.k !== 'xmm') return false;
    b.set(LO(d.reg), bytes === 8 ? v : b.deposit(b.get(LO(d.reg), 'i64'), b.trunc(v), 0, 32));
    return true;
  };
}

/** movlps/movlpd/movhps/movhpd (memory), movhlps/movlhps (registers) */
function movHalf(high: boolean): Handler {
  return (c, i) => {
    const b = c.b;
    const [d, s] = i.ops;
    const half = high ? HI : LO;
    if (d.k === 'xmm' && s.k === 'mem') { b.set(half(d.reg), b.load('i64', 8, false, c.ea(s.mem))); return true; }
    if (d.k === 'mem' && s.k === 'xmm') { b.store(8, c.ea(d.mem), b.get(half(s.reg), 'i64')); return true; }
    return false;
  };
}
const movhlps: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (d.k !== 'xmm' || s.k !== 'xmm') return false;
  c.b.set(LO(d.reg), c.b.get(HI(s.reg), 'i64'));
  return true;
};
const movlhps: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (d.k !== 'xmm' || s.k !== 'xmm') return false;
  c.b.set(HI(d.reg), c.b.get(LO(s.reg), 'i64'));
  return true;
};

/** bitwise and 64-bit-lane arithmetic, inline on the halves */
function logic(op: 'and' | 'or' | 'xor' | 'andn' | 'add' | 'sub'): Handler {
  return (c, i) => {
    const b = c.b;
    const [d, s] = i.ops;
    if (d.k !== 'xmm') return false;
    if (op === 'xor' && s.k === 'xmm' && s.reg === d.reg) { setX(c, d.reg, b.k64(0), b.k64(0)); return true; }
    const [slo, shi] = halves(c, i, s);
    const f = (x: number, y: number) => (op === 'andn' ? b.and(b.not(x), y) : b.bin(op, x, y));
    setX(c, d.reg, f(b.get(LO(d.reg), 'i64'), slo), f(b.get(HI(d.reg), 'i64'), shi));
    return true;
  };
}

const punpcklqdq: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (d.k !== 'xmm') return false;
  const [slo] = halves(c, i, s);
  c.b.set(HI(d.reg), slo);
  return true;
};
const punpckhqdq: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (d.k !== 'xmm') return false;
  const [, shi] = halves(c, i, s);
  c.b.set(LO(d.reg), c.b.get(HI(d.reg), 'i64'));
  c.b.set(HI(d.reg), shi);
  return true;
};

/** a helper x86_<name>(dst, src) (name defaults to the mnemonic) */
function helper2(name?: string): Handler {
  return (c, i) => {
    const [d, s] = i.ops;
    if (d.k !== 'xmm') return false;
    const k = src(c, i, s);
    c.b.call(`x86_${name ?? i.mnem}`, null, [c.b.k32(d.reg), c.b.k32(k)]);
    return true;
  };
}
/** a helper x86_<mnemonic>(dst, src, imm) */
const helperImm: Handler = (c, i) => {
  const [d, s, n] = i.ops;
  if (d.k !== 'xmm' || n.k !== 'imm') return false;
  const k = src(c, i, s);
  c.b.call(`x86_${i.mnem}`, null, [c.b.k32(d.reg), c.b.k32(k), c.b.k32(Number(n.imm) & 0xff)]);
  return true;
};

/** psrlw/psraw/psllw, d, q: an immediate (group 12-14) or xmm/m128 count; kind w 0, d 1, q 2 */
function pshift(kind: number, op: number): Handler {
  return (c, i) => {
    const b = c.b;
    const [d, s] = i.ops;
    if (d.k !== 'xmm') return false;
    const count = s.k === 'imm' ? b.k32(Number(s.imm) & 0xff) : b.call('x86_xmm_count', 'i32', [b.k32(src(c, i, s))]);
    b.call('x86_pshift', null, [b.k32(d.reg), b.k32(kind), b.k32(op), count]);
    return true;
  };
}
function byteShift(name: string): Handler {
  return (c, i) => {
    const [d, n] = i.ops;
    if (d.k !== 'xmm' || n.k !== 'imm') return false;
    c.b.call(`x86_${name}`, null, [c.b.k32(d.reg), c.b.k32(Math.min(Number(n.imm) & 0xff, 16))]);
    return true;
  };
}

/** pmovmskb/movmskps/movmskpd into a general register */
const movmsk: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (s.k !== 'xmm') return false;
  c.write(d, c.b.call(`x86_${i.mnem}`, 'i32', [c.b.k32(s.reg)]));
  return true;
};

const pextrw: Handler = (c, i) => {
  const [d, s, n] = i.ops;
  if (s.k !== 'xmm' || n.k !== 'imm') return false;
  c.write(d, c.b.call('x86_pextrw', 'i32', [c.b.k32(s.reg), c.b.k32(Number(n.imm))]));
  return true;
};
const pinsrw: Handler = (c, i) => {
  const [d, s, n] = i.ops;
  if (d.k !== 'xmm' || n.k !== 'imm') return false;
  const v = s.k === 'mem' ? c.load(2, c.ea(s.mem)) : c.read(s);
  c.b.call('x86_pinsrw', null, [c.b.k32(d.reg), v, c.b.k32(Number(n.imm))]);
  return true;
};

/** cmpps/cmppd/cmpss/cmpsd with their predicate */
const fcmp: Handler = (c, i) => {
  const [d, s, p] = i.ops;
  if (d.k !== 'xmm' || p.k !== 'imm') return false;
  const k = src(c, i, s);
  const suffix = i.mnem.slice(-2);
  const kind = (suffix === 'ps' ? 4 : suffix === 'pd' ? 2 : 1) * 2 + (suffix.endsWith('d') ? 1 : 0);
  c.b.call('x86_fcmp', null, [c.b.k32(d.reg), c.b.k32(k), c.b.k32(kind), c.b.k32(Number(p.imm) & 7)]);
  return true;
};

/** ucomiss/ucomisd/comiss/comisd: ZF PF CF from the comparison, OF SF AF cleared */
const ucomi: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (d.k !== 'xmm') return false;
  const k = src(c, i, s);
  c.setEflags(c.b.call('x86_ucomi', 'i32', [c.b.k32(d.reg), c.b.k32(k), c.b.k32(i.mnem.endsWith('d') ? 1 : 0)]));
  return true;
};

const cvtsi2f: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (d.k !== 'xmm') return false;
  const v = c.sext(s.size, c.read(s), 8);
  c.b.call('x86_cvt_i2f', null, [c.b.k32(d.reg), v, c.b.k32((s.size === 8 ? 1 : 0) | (i.mnem.endsWith('sd') ? 2 : 0))]);
  return true;
};
const cvtf2si: Handler = (c, i) => {
  const [d, s] = i.ops;
  const k = src(c, i, s);
  const kind = (d.size === 8 ? 1 : 0) | (i.mnem.includes('sd2') ? 2 : 0) | (i.mnem.startsWith('cvtt') ? 4 : 0);
  const r = c.b.call('x86_cvt_f2i', 'i64', [c.b.k32(k), c.b.k32(kind)]);
  c.write(d, d.size === 8 ? r : c.b.trunc(r));
  return true;
};
function cvtPacked(name: string, trunc?: number): Handler {
  return (c, i) => {
    const [d, s] = i.ops;
    if (d.k !== 'xmm') return false;
    const k = src(c, i, s);
    const args = [c.b.k32(d.reg), c.b.k32(k)];
    if (trunc !== undefined) args.push(c.b.k32(trunc));
    c.b.call(`x86_${name}`, null, args);
    return true;
  };
}

const ldmxcsr: Handler = (c, i) => {
  const m = i.ops[0];
  if (m.k !== 'mem') return false;
  c.b.call('x86_ldmxcsr', null, [c.load(4, c.ea(m.mem))]);
  return true;
};
const stmxcsr: Handler = (c, i) => {
  const m = i.ops[0];
  if (m.k !== 'mem') return false;
  c.store(4, c.ea(m.mem), c.b.call('x86_stmxcsr', 'i32', []));
  return true;
};

const LANE_OPS = ['paddb', 'paddw', 'paddd', 'psubb', 'psubw', 'psubd', 'paddusb', 'paddusw', 'psubusb', 'psubusw', 'paddsb', 'paddsw',
  'psubsb', 'psubsw', 'pcmpeqb', 'pcmpeqw', 'pcmpeqd', 'pcmpgtb', 'pcmpgtw', 'pcmpgtd', 'pminub', 'pmaxub', 'pminsw', 'pmaxsw',
  'pavgb', 'pavgw', 'pmullw', 'pmulhuw', 'pmulhw', 'punpcklbw', 'punpckhbw', 'punpcklwd', 'punpckhwd', 'punpckldq', 'punpckhdq',
  'unpcklps', 'unpckhps', 'packsswb', 'packuswb', 'packssdw', 'pmuludq', 'pmaddwd', 'psadbw'];
const FP_OPS = ['add', 'sub', 'mul', 'div', 'sqrt', 'min', 'max'].flatMap((n) => ['ps', 'pd', 'ss', 'sd'].map((s) => n + s));

export const transSse: Record<string, Handler> = {
  ...Object.fromEntries(['movdqa', 'movdqu', 'movaps', 'movups', 'movapd', 'movupd', 'lddqu', 'movntdq', 'movntps', 'movntpd'].map((n) => [n, mov128])),
  movq, movd: movdq, movss: movScalar(4), movsd: movScalar(8),
  movlps: movHalf(false), movlpd: movHalf(false), movhps: movHalf(true), movhpd: movHalf(true), movhlps, movlhps,
  pxor: logic('xor'), por: logic('or'), pand: logic('and'), pandn: logic('andn'),
  xorps: logic('xor'), xorpd: logic('xor'), orps: logic('or'), orpd: logic('or'), andps: logic('and'), andpd: logic('and'),
  andnps: logic('andn'), andnpd: logic('andn'), paddq: logic('add'), psubq: logic('sub'),
  punpcklqdq, punpckhqdq, unpcklpd: punpcklqdq, unpckhpd: punpckhqdq,
  ...Object.fromEntries([...LANE_OPS, ...FP_OPS].map((n) => [n, helper2()])),
  pshufd: helperImm, pshuflw: helperImm, pshufhw: helperImm, shufps: helperImm, shufpd: helperImm,
  psrlw: pshift(0, 1), psrld: pshift(1, 1), psrlq: pshift(2, 1), psraw: pshift(0, 2), psrad: pshift(1, 2),
  psllw: pshift(0, 0), pslld: pshift(1, 0), psllq: pshift(2, 0),
  psrldq: byteShift('psrldq'), pslldq: byteShift('pslldq'),
  pmovmskb: movmsk, movmskps: movmsk, movmskpd: movmsk, pextrw, pinsrw,
  cmpps: fcmp, cmppd: fcmp, cmpss: fcmp, cmpsd: fcmp,
  ucomiss: ucomi, ucomisd: ucomi, comiss: ucomi, comisd: ucomi,
  cvtsi2sd: cvtsi2f, cvtsi2ss: cvtsi2f, cvttsd2si: cvtf2si, cvtsd2si: cvtf2si, cvttss2si: cvtf2si, cvtss2si: cvtf2si,
  cvtss2sd: cvtPacked('cvtss2sd'), cvtsd2ss: cvtPacked('cvtsd2ss'), cvtps2pd: cvtPacked('cvtps2pd'), cvtpd2ps: cvtPacked('cvtpd2ps'),
  cvtdq2pd: cvtPacked('cvtdq2pd'), cvtdq2ps: cvtPacked('cvtdq2ps'), cvtps2dq: cvtPacked('cvtps2dq', 0), cvttps2dq: cvtPacked('cvtps2dq', 1),
  cvtpd2dq: cvtPacked('cvtpd2dq', 0), cvttpd2dq: cvtPacked('cvtpd2dq', 1),
  ldmxcsr, stmxcsr,
};
