/**
 * Advanced SIMD (NEON) instructions, shared by A32 and T32 (handlers named after the patterns
 * in insns-neon.spec.ts; T32 encodings arrive rewritten into the A32 layout, see
 * translateNeon). Bitwise operations, immediates and core <-> scalar moves are inline IR on
 * the 64-bit D registers; VLD1/VST1 of whole registers is one neon_vldm call; lane arithmetic calls the
 * neon_* helpers (helpers-neon*.ts) with the condition, a packed operation code and D
 * register numbers.
 */
import type { ArmCtx } from './ctx.js';
import { decodeNeon, type TransTable } from './decoder-neon.generated.js';
import { ldstAlign, ldstShape } from './helpers-neon-ldst.js';

const M64 = (1n << 64n) - 1n;

function cond(c: ArmCtx): number {
  return c.cond >= 0 ? c.cond : c.k32(1);
}
function call(c: ArmCtx, name: string, ...args: number[]): true {
  c.b.call(name, null, [cond(c), ...args.map((v) => c.k32(v))]);
  return true;
}
/** Q-register operands must be even D register numbers */
const odd = (...ks: number[]) => ks.some((k) => (k & 1) !== 0);

/** AdvSIMDExpandImm; undefined for the reserved cmode = 1111, op = 1 */
function expandImm(op: number, cmode: number, imm8: number): bigint | undefined {
  const rep32 = (v: number) => { const x = BigInt(v >>> 0); return (x << 32n) | x; };
  const rep16 = (v: number) => rep32(((v & 0xffff) << 16) | (v & 0xffff));
  switch (cmode >> 1) {
    case 0: return rep32(imm8);
    case 1: return rep32(imm8 << 8);
    case 2: return rep32(imm8 << 16);
    case 3: return rep32(imm8 << 24);
    case 4: return rep16(imm8);
    case 5: return rep16(imm8 << 8);
    case 6: return rep32(cmode & 1 ? (imm8 << 16) | 0xffff : (imm8 << 8) | 0xff);
    default:
      if (!(cmode & 1)) {
        if (!op) return rep32(imm8 * 0x01010101);
        let v = 0n;
        for (let i = 0; i < 8; i++) if (imm8 & (1 << i)) v |= 0xffn << BigInt(8 * i);
        return v;
      }
      if (op) return undefined;
      {
        const b6 = (imm8 >> 6) & 1;
        const f = ((imm8 >> 7) << 31) | ((b6 ^ 1) << 30) | (b6 ? 0x1f << 25 : 0) | ((imm8 & 0x3f) << 19);
        return rep32(f);
      }
  }
}

/** the bitwise 3-same group (VAND..VBIF) on one D register */
function logic(c: ArmCtx, op: number, d: number, n: number, m: number): void {
  const b = c.b;
  const x = c.d(n), y = c.d(m);
  const ones = b.const64(M64);
  const not = (v: number) => b.xor(v, ones);
  let v: number;
  switch (op) {
    case 0: v = b.and(x, y); break;
    case 1: v = b.and(x, not(y)); break;
    case 2: v = n === m ? x : b.or(x, y); break;
    case 3: v = b.or(x, not(y)); break;
    case 4: v = b.xor(x, y); break;
    case 5: { const dd = c.d(d); v = b.or(b.and(dd, x), b.and(not(dd), y)); break; } // VBSL
    case 6: { const dd = c.d(d); v = b.or(b.and(x, y), b.and(dd, not(y))); break; } // VBIT
    default: { const dd = c.d(d); v = b.or(b.and(dd, y), b.and(x, not(y))); break; } // VBIF
  }
  c.setD(d, v);
}

export const transNeon: TransTable<ArmCtx> = {
  v3same(c, a) {
    if (a.q && odd(a.vd, a.vn, a.vm)) return false;
    const { opc, b, u, size } = a;
    if (opc === 1 && b) {
      for (let i = 0; i <= a.q; i++) logic(c, u * 4 + size, a.vd + i, a.vn + i, a.vm + i);
      return true;
    }
    const float = opc >= 13 || (opc === 12 && b);
    if (float && (size & 1)) return false;
    if (opc === 12 && !b) return false; // SHA (crypto extension)
    if (!float && size === 3 && ![0, 2, 4, 5].includes(opc) && !(opc === 8 && !b)) return false;
    if ((opc === 10 || (opc === 11 && b) || (opc === 15 && !b && u) || (opc === 13 && !b && u && !(size & 2))) && a.q) return false;
    if (opc === 11 && !b && (size === 0 || size === 3)) return false;
    if (opc === 9 && b && u && size !== 0) return false;
    const code = opc | (b << 4) | (u << 5) | (size << 6) | (a.q << 8);
    return call(c, 'arm_neon_3same', code, a.vd, a.vn, a.vm);
  },
  v3diff(c, a) {
    if (a.size === 3) return false;
    const narrow = a.opc === 4 || a.opc === 6;
    const wide = a.opc === 1 || a.opc === 3;
    if (a.opc === 15) return false;
    if (narrow ? odd(a.vn, a.vm) : odd(a.vd) || (wide && odd(a.vn))) return false;
    if ((a.opc === 9 || a.opc === 11 || a.opc === 13) && (a.u || a.size === 0)) return false;
    if (a.opc === 14 && (a.u || a.size !== 0)) return false;
    return call(c, 'arm_neon_3diff', a.opc | (a.u << 4) | (a.size << 5), a.vd, a.vn, a.vm);
  },
  v2scalar(c, a) {
    if (a.size === 0 || a.size === 3) return false;
    const long = [2, 3, 6, 7, 10, 11].includes(a.opc);
    if (a.opc === 14 || a.opc === 15) return false;
    if (long ? odd(a.vd) : a.u && odd(a.vd, a.vn)) return false;
    if ((a.opc & 1) && a.opc < 10 && !long && a.size !== 2) return false;
    if ((a.opc === 3 || a.opc === 7 || a.opc === 11) && a.u) return false;
    const m = a.size === 1 ? (a.vm & 7) | ((a.vm >> 3) << 5) : (a.vm & 15) | ((a.vm >> 4) << 5);
    return call(c, 'arm_neon_scalar', a.opc | (a.u << 4) | (a.size << 5), a.vd, a.vn, m);
  },
  v1imm(c, a) {
    if (a.q && odd(a.vd)) return false;
    const imm = expandImm(a.op, a.cmode, a.imm);
    if (imm === undefined) return false;
    const b = c.b;
    const orr = a.cmode < 12 && (a.cmode & 1) === 1;
    const inverted = a.op === 1 && a.cmode !== 14;
    for (let i = 0; i <= a.q; i++) {
      const k = a.vd + i;
      if (!orr) c.setD(k, b.const64(inverted ? imm ^ M64 : imm));
      else if (!a.op) c.setD(k, b.or(c.d(k), b.const64(imm)));
      else c.setD(k, b.and(c.d(k), b.const64(imm ^ M64)));
    }
    return true;
  },
  vshift(c, a) {
    const { opc, u, q, limm } = a;
    if (opc === 8 || opc === 9) {
      if (limm & 64 || odd(a.vm)) return false;
    } else if (opc === 10) {
      if (q || limm & 64 || odd(a.vd)) return false;
    } else if (opc >= 14) {
      if (!(limm & 32) || limm & 64 || (q && odd(a.vd, a.vm))) return false;
    } else {
      if (opc >= 11 || (opc === 4 && !u) || (opc === 6 && !u)) return false;
      if (q && odd(a.vd, a.vm)) return false;
    }
    return call(c, 'arm_neon_shift', opc | (u << 4) | (q << 5) | (limm << 6), a.vd, a.vm);
  },
  v2misc(c, a) {
    const { size, b, q } = a;
    const A = a.a;
    if (A === 2 && (b === 4 || b === 5)) {
      if (size === 3 || odd(a.vm)) return false;
    } else if (A === 2 && b === 6) {
      if (q || size === 3 || odd(a.vd)) return false;
    } else {
      if (q && odd(a.vd, a.vm)) return false;
      if (size === 3) return false;
      if (A === 0 && ((b === 3 || b === 7) || (b <= 2 && b + size > 2) || (b === 10 && size !== 0) || (b === 11 && size !== 0))) return false;
      if (A === 1 && ((b & 7) === 5 || (b >= 8 && size !== 2))) return false;
      if (A === 2 && (b > 3 || (b >= 2 && !q && size === 2))) return false;
      if (A === 3 && (b < 8 || size !== 2)) return false;
    }
    return call(c, 'arm_neon_2misc', A | (b << 2) | (size << 6) | (q << 8), a.vd, a.vm);
  },
  vext(c, a) {
    if ((!a.q && a.imm > 7) || (a.q && odd(a.vd, a.vn, a.vm))) return false;
    return call(c, 'arm_neon_ext', a.imm | (a.q << 4), a.vd, a.vn, a.vm);
  },
  vtbl(c, a) {
    if (a.vn + a.len + 1 > 32) return false;
    return call(c, 'arm_neon_tbl', a.len | (a.op << 2), a.vd, a.vn, a.vm);
  },
  vdup_scalar(c, a) {
    if ((a.imm & 7) === 0 || (a.q && odd(a.vd))) return false;
    return call(c, 'arm_neon_dup', a.imm | (a.q << 4), a.vd, a.vm);
  },
  vldst_multi: (c, a) => ldst(c, 0, a.l, a.rn, a.vd, a.type, a.idx, a.rm),
  vldst_single: (c, a) => ldst(c, 1, a.l, a.rn, a.vd, a.type, a.idx, a.rm),
};

function ldst(c: ArmCtx, A: number, l: number, rn: number, d: number, type: number, idx: number, rm: number): boolean {
  const s = ldstShape(A, l, type, idx, d);
  if (!s || rn === 15) return false;
  const base = c.reg(rn);
  const align = Math.log2(ldstAlign(A, type, idx));
  if (s.kind === 0 && s.n === 1) {
    // VLD1 / VST1 of whole registers: the bytes in memory order are the registers' bytes,
    // one helper call for all of them (helpers-neon-ldst.ts says why not inline loads)
    c.b.call('arm_neon_vldm', null, [cond(c), base, c.k32(d | (s.regs << 5) | (l << 10) | (align << 11))]);
  } else {
    const code = (type << 4) | idx | (A << 8) | (l << 9) | (align << 10);
    c.b.call('arm_neon_ldst', null, [cond(c), c.k32(code), c.k32(d), base]);
  }
  if (rm !== 15) c.setReg(rn, c.op('add', base, rm === 13 ? c.k32(s.bytes) : c.reg(rm)));
  return true;
}

/**
 * Translate an Advanced SIMD data-processing or element load/store instruction. `insn` is
 * in the A32 layout (translateNeonT32 rewrites T32 encodings); false = undefined.
 */
export function translateNeon(c: ArmCtx, insn: number): boolean {
  const d = decodeNeon(insn);
  if (!d) return false;
  return (transNeon[d.name] as (c: ArmCtx, a: unknown) => boolean)(c, d.args);
}

/** the A32 form of a T32 NEON encoding (111U 1111 -> 1111 001U, 1111 1001 -> 1111 0100), or -1 */
export function neonFromT32(insn: number): number {
  if ((insn & 0xef000000) === (0xef000000 | 0)) return (0xf2000000 | ((insn >>> 28) & 1) << 24 | (insn & 0xffffff)) >>> 0;
  if ((insn & 0xff100000) === (0xf9000000 | 0)) return (0xf4000000 | (insn & 0xffffff)) >>> 0;
  return -1;
}

// ---- NEON transfers in the VFP space (8/16-bit VMOV scalar, VDUP from a core register) ----

/** VDUP (ARM core register): b:e selects 32 (00), 16 (01) or 8 (10) bits */
export function neonDupCore(c: ArmCtx, a: { b: number; q: number; vd: number; rt: number; d: number; e: number }): boolean {
  const k = (a.d << 4) | a.vd;
  const be = (a.b << 1) | a.e;
  if (be === 3 || (a.q && (k & 1)) || a.rt === 15) return false;
  const b = c.b;
  let x = c.reg(a.rt);
  if (be === 2) x = c.op('and', x, c.k32(0xff)), x = c.op('or', x, c.op('shl', x, c.k32(8)));
  if (be >= 1) x = c.op('and', x, c.k32(0xffff)), x = c.op('or', x, c.op('shl', x, c.k32(16)));
  const z = b.zext(x);
  const v = b.or(z, b.bin('shl', z, c.k32(32)));
  for (let i = 0; i <= a.q; i++) c.setD(k + i, v);
  return true;
}

/** VMOV between a core register and an 8- or 16-bit scalar (the 32-bit forms stay in trans-vfp.ts) */
export function neonMovScalar(c: ArmCtx, a: { u: number; opc1: number; l: number; vn: number; rt: number; n: number; opc2: number }): boolean {
  const k = (a.n << 4) | a.vn;
  let es: number, index: number;
  if (a.opc1 & 2) { es = 8; index = ((a.opc1 & 1) << 2) | a.opc2; }
  else if (a.opc2 & 1) { es = 16; index = ((a.opc1 & 1) << 1) | (a.opc2 >> 1); }
  else return false;
  if (a.rt === 15 || (!a.l && a.u)) return false;
  const b = c.b;
  const shift = index * es;
  const dv = c.d(k);
  if (a.l) {
    let v = b.trunc(shift ? b.bin('shr', dv, c.k32(shift)) : dv);
    v = a.u ? b.zextb(v, es) : b.sextb(v, es);
    c.writeReg(a.rt, v, false);
  } else {
    const mask = ((1n << BigInt(es)) - 1n) << BigInt(shift);
    const x = b.zext(c.op('and', c.reg(a.rt), c.k32(es === 8 ? 0xff : 0xffff)));
    c.setD(k, b.or(b.and(dv, b.const64(mask ^ M64)), shift ? b.bin('shl', x, c.k32(shift)) : x));
  }
  return true;
}
