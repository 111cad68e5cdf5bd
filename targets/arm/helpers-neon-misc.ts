/**
 * NEON helpers, part 2: two registers miscellaneous (VREV, VPADDL, VCLS/VCLZ/VCNT, VQABS,
 * compares with zero, VABS/VNEG, VSWP/VTRN/VUZP/VZIP, narrowing moves, VRECPE/VRSQRTE,
 * VCVT), shifts by immediate, VEXT, VTBL/VTBX and VDUP (scalar). Conventions as in
 * helpers-neon.ts.
 */
import {
  f32_compare, f32ToNum, i32_to_f32, u32_to_f32, numToInt, numToF32, RNE, RTZ, I32, U32, NX, DZ, NV,
  EQUAL, GREATER, LESS, UNORDERED, type SoftFloat,
} from '../../src/core/softfloat/index.js';
import type { Helper } from '../../src/core/isa.js';
import { type ArmCpu, FPSCR } from './cpu.js';
import {
  QC, get, get64, getU, set, set64, readVec, sat, shiftNum, shiftBig, fpStart, fpEnd, ftzIn,
} from './helpers-neon-lanes.js';
import { neonLdstHelpers } from './helpers-neon-ldst.js';

const isNaN32 = (x: number) => (x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0;
const DEFAULT_NAN = 0x7fc00000;
const UFC = 1 << 3;

function clz(v: number, bits: number): number {
  return Math.clz32(v) - (32 - bits);
}

// ---- reciprocal estimates (the ARM pseudocode's integer algorithms) ----
function recipEstimate(a: number): number {
  const b = Math.floor((1 << 19) / (a * 2 + 1));
  return (b + 1) >> 1;
}
function rsqrtEstimate(a: number): number {
  a = a < 256 ? a * 2 + 1 : ((a >> 1) << 1) * 2 + 2;
  let b = 512;
  while (a * (b + 1) * (b + 1) < 2 ** 28) b++;
  return (b + 1) >> 1;
}
function recpeF32(cpu: ArmCpu, sf: SoftFloat, x: number): number {
  x = ftzIn(cpu, x);
  const sign = x & 0x80000000, exp = (x >>> 23) & 0xff, frac = x & 0x7fffff;
  if (isNaN32(x)) { if (!(x & 0x400000)) sf.flags |= NV; return DEFAULT_NAN; }
  if (exp === 0xff) return sign;
  if (exp === 0) { sf.flags |= DZ; return sign | 0x7f800000; }
  if (exp >= 253) { cpu.r[FPSCR] |= UFC; return sign; } // the result would be denormal: flushed (UFC)
  const est = recipEstimate(256 | (frac >>> 15));
  return sign | ((253 - exp) << 23) | ((est & 0xff) << 15);
}
function rsqrteF32(cpu: ArmCpu, sf: SoftFloat, x: number): number {
  x = ftzIn(cpu, x);
  const sign = x & 0x80000000, exp = (x >>> 23) & 0xff, frac = x & 0x7fffff;
  if (isNaN32(x)) { if (!(x & 0x400000)) sf.flags |= NV; return DEFAULT_NAN; }
  if (exp === 0 && frac === 0) { sf.flags |= DZ; return sign | 0x7f800000; }
  if (sign) { sf.flags |= NV; return DEFAULT_NAN; }
  if (exp === 0xff) return 0;
  const scaled = exp & 1 ? 128 | (frac >>> 16) : 256 | (frac >>> 15);
  const est = rsqrtEstimate(scaled);
  return (Math.trunc((380 - exp) / 2) << 23) | ((est & 0xff) << 15);
}

/** float compare with zero: op 0 gt, 1 ge, 2 eq, 3 le, 4 lt */
function fcmpz(sf: SoftFloat, x: number, op: number): number {
  const c = f32_compare(sf, x, 0, op !== 2);
  if (c === UNORDERED) return 0;
  const t = [c === GREATER, c !== LESS, c === EQUAL, c !== GREATER, c === LESS][op];
  return t ? -1 : 0;
}

/** code: a | b << 2 | size << 6 | q << 8 (q is bit 6 of the instruction) */
function misc(cpu: ArmCpu, code: number, d: number, m: number): void {
  const a = code & 3, b = (code >> 2) & 15, size = (code >> 6) & 3, q = (code >> 8) & 1;
  const r = cpu.r;
  const es = 1 << size, bits = 8 * es, bytes = q ? 16 : 8, cnt = bytes / es;
  if (a === 0) {
    if (b <= 2) {
      // VREV64 / VREV32 / VREV16: reverse the elements inside each 8/4/2-byte group
      const G = 8 >> b;
      const src = readVec(r, m, 1, bytes, false);
      for (let i = 0; i < bytes; i++) {
        const g = i - (i % G), o = i % G, e = Math.floor(o / es);
        set(r, d, i, 1, src[g + (G / es - 1 - e) * es + (o % es)]);
      }
      return;
    }
    if ((b & 14) === 4 || (b & 14) === 12) {
      // VPADDL / VPADAL
      const signed = (b & 1) === 0;
      const half = cnt / 2;
      if (es === 4) {
        for (let i = 0; i < half; i++) {
          let v = BigInt(get(r, m, 2 * i, 4, signed)) + BigInt(get(r, m, 2 * i + 1, 4, signed));
          if (b >= 12) v += get64(r, d, i, false);
          set64(r, d, i, v);
        }
        return;
      }
      const X = readVec(r, m, es, cnt, signed);
      for (let i = 0; i < half; i++) {
        const acc = b >= 12 ? getU(r, d, i, 2 * es) : 0;
        set(r, d, i, 2 * es, acc + X[2 * i] + X[2 * i + 1]);
      }
      return;
    }
    const signed = b === 8 || b >= 14;
    const X = readVec(r, m, es, cnt, signed);
    for (let i = 0; i < cnt; i++) {
      const x = X[i];
      let v: number;
      switch (b) {
        case 8: v = clz(x < 0 ? ~x & (2 ** bits - 1) : x, bits) - 1; break; // VCLS
        case 9: v = clz(x, bits); break;
        case 10: { let c = 0; for (let t = x; t; t &= t - 1) c++; v = c; break; } // VCNT
        case 11: v = ~x; break;
        case 14: v = sat(cpu, Math.abs(x), bits, true); break;
        case 15: v = sat(cpu, -x, bits, true); break;
        default: return;
      }
      set(r, d, i, es, v);
    }
    return;
  }
  if (a === 1) {
    const f = b >> 3, op = b & 7;
    if (f) {
      const sf = fpStart(cpu);
      for (let i = 0; i < cnt; i++) {
        const x = get(r, m, i, 4, true);
        let v: number;
        if (op === 6) v = x & 0x7fffffff;
        else if (op === 7) v = x ^ -0x80000000;
        else v = fcmpz(sf, ftzIn(cpu, x), op);
        set(r, d, i, 4, v);
      }
      fpEnd(cpu, sf);
      return;
    }
    const X = readVec(r, m, es, cnt, true);
    for (let i = 0; i < cnt; i++) {
      const x = X[i];
      const t = [x > 0, x >= 0, x === 0, x <= 0, x < 0][op];
      set(r, d, i, es, op === 6 ? Math.abs(x) : op === 7 ? -x : t ? -1 : 0);
    }
    return;
  }
  if (a === 2) {
    if (b <= 3) { permute(r, b, es, cnt, d, m); return; }
    if (b === 4 || b === 5) {
      // VMOVN, VQMOVUN (b 4, q 1), VQMOVN.S (b 5, q 0), VQMOVN.U (b 5, q 1)
      const srcSigned = !(b === 5 && q);
      const W = 2 * es, n = 8 / es;
      const X: number[] = [];
      for (let i = 0; i < n; i++) X.push(es === 4 ? Number(get64(r, m, i, srcSigned)) : get(r, m, i, W, srcSigned));
      for (let i = 0; i < n; i++) {
        let v = X[i];
        if (b === 4 && !q) {
          v = es === 4 ? Number(BigInt.asIntN(32, get64(r, m, i, false))) : v;
        } else v = sat(cpu, v, bits, b === 5 && !q);
        set(r, d, i, es, v);
      }
      return;
    }
    if (b === 6 && !q) {
      // VSHLL #esize
      const X = readVec(r, m, es, 8 / es, false);
      for (let i = 0; i < X.length; i++) {
        if (es === 4) set64(r, d, i, BigInt(X[i]) << 32n);
        else set(r, d, i, 2 * es, X[i] * 2 ** bits);
      }
      return;
    }
    return;
  }
  // a = 3: VRECPE, VRSQRTE, VCVT between f32 and 32-bit integers
  const sf = fpStart(cpu);
  const X = readVec(r, m, 4, cnt, false);
  for (let i = 0; i < cnt; i++) {
    const x = X[i];
    let v: number;
    switch (b) {
      case 8: v = x & 0x80000000 ? (recipEstimate(x >>> 23 & 511) << 23) : -1; break;
      case 9: v = x & 0xc0000000 ? rsqrtEstimate(x >>> 23) << 23 : -1; break;
      case 10: v = recpeF32(cpu, sf, x); break;
      case 11: v = rsqrteF32(cpu, sf, x); break;
      case 12: v = i32_to_f32(sf, x | 0, RNE); break;
      case 13: v = u32_to_f32(sf, x, RNE); break;
      case 14: v = numToInt(sf, f32ToNum(sf, ftzIn(cpu, x)), RTZ, I32); break;
      default: v = numToInt(sf, f32ToNum(sf, ftzIn(cpu, x)), RTZ, U32); break;
    }
    set(r, d, i, 4, v);
  }
  fpEnd(cpu, sf);
}

/** VSWP (0), VTRN (1), VUZP (2), VZIP (3) */
function permute(r: Int32Array, op: number, es: number, cnt: number, d: number, m: number): void {
  const D = readVec(r, d, es, cnt, false), M = readVec(r, m, es, cnt, false);
  let nd: number[], nm: number[];
  if (op === 0) { nd = M; nm = D; }
  else if (op === 1) {
    nd = D.slice(); nm = M.slice();
    for (let i = 0; i < cnt; i += 2) { nd[i + 1] = M[i]; nm[i] = D[i + 1]; }
  } else if (op === 2) {
    const z = D.concat(M);
    nd = z.filter((_, i) => i % 2 === 0); nm = z.filter((_, i) => i % 2 === 1);
  } else {
    const z: number[] = [];
    for (let i = 0; i < cnt; i++) z.push(D[i], M[i]);
    nd = z.slice(0, cnt); nm = z.slice(cnt);
  }
  for (let i = 0; i < cnt; i++) { set(r, d, i, es, nd[i]); set(r, m, i, es, nm[i]); }
}

/** shifts by immediate (code: opc | u << 4 | q << 5 | L:imm6 << 6) */
function shiftImm(cpu: ArmCpu, code: number, d: number, m: number): void {
  const opc = code & 15, u = (code >> 4) & 1, q = (code >> 5) & 1, limm = code >> 6;
  const esz = limm & 64 ? 64 : limm & 32 ? 32 : limm & 16 ? 16 : 8;
  const right = 2 * esz - limm, left = limm - esz;
  const r = cpu.r;
  const signed = u === 0;
  if (opc >= 14) {
    // VCVT between f32 and 32-bit fixed point, fbits = 64 - imm6
    const fbits = 64 - limm, sf = fpStart(cpu), cnt = q ? 4 : 2;
    const X = readVec(r, m, 4, cnt, false);
    for (let i = 0; i < cnt; i++) {
      let v: number;
      if (opc === 14) {
        const x = (u ? X[i] : X[i] | 0) / 2 ** fbits, f = Math.fround(x);
        if (f !== x) sf.flags |= NX;
        v = numToF32(sf, f);
      } else v = numToInt(sf, f32ToNum(sf, ftzIn(cpu, X[i])) * 2 ** fbits, RTZ, u ? U32 : I32);
      set(r, d, i, 4, v);
    }
    fpEnd(cpu, sf);
    return;
  }
  if (opc === 8 || opc === 9) {
    // narrowing: Q (2*esize) -> D (esize)
    const es = esz / 8, n = 8 / es, W = 2 * es;
    const srcSigned = opc === 8 ? u === 1 : signed;
    const round = q === 1;
    const res: number[] = [];
    for (let i = 0; i < n; i++) {
      if (es === 4) {
        const x = get64(r, m, i, srcSigned);
        let v = shiftBig(cpu, x, -right, srcSigned, round, false);
        if (opc === 8 && !u) v = BigInt.asIntN(32, v);
        res.push(opc === 8 && !u ? Number(v) : sat(cpu, Number(v), 32, opc === 9 && signed));
      } else {
        const x = get(r, m, i, W, srcSigned);
        const v = shiftNum(cpu, x, -right, 2 * esz, srcSigned, round, false);
        res.push(opc === 8 && !u ? v : sat(cpu, v, esz, opc === 9 && signed));
      }
    }
    for (let i = 0; i < n; i++) set(r, d, i, es, res[i]);
    return;
  }
  if (opc === 10) {
    // VSHLL / VMOVL: D (esize) -> Q (2*esize)
    const es = esz / 8, X = readVec(r, m, es, 8 / es, signed);
    for (let i = 0; i < X.length; i++) {
      if (es === 4) set64(r, d, i, BigInt(X[i]) << BigInt(left));
      else set(r, d, i, 2 * es, X[i] * 2 ** left);
    }
    return;
  }
  if (esz === 64) {
    for (let i = 0; i <= q; i++) {
      const x = get64(r, m, i, signed && opc !== 4 && opc !== 5 || opc === 6), acc = get64(r, d, i, false);
      let v: bigint;
      switch (opc) {
        case 0: case 1: case 2: case 3: v = shiftBig(cpu, x, -right, signed, opc >= 2, false); if (opc & 1) v += acc; break;
        case 4: { const mask = right >= 64 ? 0n : ((1n << 64n) - 1n) >> BigInt(right); v = (acc & ~mask) | (right >= 64 ? 0n : get64(r, m, i, false) >> BigInt(right)); break; }
        case 5:
          if (!u) { v = x << BigInt(left); break; }
          { const mask = BigInt.asUintN(64, ((1n << 64n) - 1n) << BigInt(left)); v = (acc & ~mask) | BigInt.asUintN(64, get64(r, m, i, false) << BigInt(left)); }
          break;
        case 6: v = shiftBig(cpu, x, left, false, false, true); if (x < 0n) { v = 0n; r[FPSCR] |= QC; } break;
        default: v = shiftBig(cpu, x, left, signed, false, true); break;
      }
      set64(r, d, i, v);
    }
    return;
  }
  const es = esz / 8, cnt = (q ? 16 : 8) / es;
  const X = readVec(r, m, es, cnt, opc === 6 ? true : signed && opc !== 4 && opc !== 5);
  const A = readVec(r, d, es, cnt, false);
  const ones = 2 ** esz - 1;
  for (let i = 0; i < cnt; i++) {
    const x = X[i];
    let v: number;
    switch (opc) {
      case 0: case 1: case 2: case 3:
        v = shiftNum(cpu, x, -right, esz, signed, opc >= 2, false);
        if (opc & 1) v += A[i];
        break;
      case 4: {
        // VSRI: keep the top `right` bits of the destination
        if (right >= esz) { v = A[i]; break; }
        const mask = Math.floor(ones / 2 ** right);
        v = (A[i] - (A[i] % (mask + 1))) + Math.floor(x / 2 ** right);
        break;
      }
      case 5:
        if (!u) { v = x * 2 ** left; break; }
        v = (A[i] % 2 ** left) + ((x * 2 ** left) % 2 ** esz); // VSLI
        break;
      case 6: // VQSHLU: signed in, unsigned saturation
        if (x < 0) { r[FPSCR] |= QC; v = 0; } else v = sat(cpu, x * 2 ** left, esz, false);
        break;
      default: v = sat(cpu, x * 2 ** left, esz, signed); break;
    }
    set(r, d, i, es, v);
  }
}

export const neonMiscHelpers: Record<string, Helper> = {
  arm_neon_2misc(cpu: ArmCpu, cond: number, code: number, d: number, m: number) {
    if (cond) misc(cpu, code, d, m);
  },
  arm_neon_shift(cpu: ArmCpu, cond: number, code: number, d: number, m: number) {
    if (cond) shiftImm(cpu, code, d, m);
  },
  /** VEXT (code: imm | q << 4) */
  arm_neon_ext(cpu: ArmCpu, cond: number, code: number, d: number, n: number, m: number) {
    if (!cond) return;
    const r = cpu.r, bytes = code & 16 ? 16 : 8, imm = code & 15;
    const z = readVec(r, n, 1, bytes, false).concat(readVec(r, m, 1, bytes, false));
    for (let i = 0; i < bytes; i++) set(r, d, i, 1, z[imm + i]);
  },
  /** VTBL / VTBX (code: len | op << 2) */
  arm_neon_tbl(cpu: ArmCpu, cond: number, code: number, d: number, n: number, m: number) {
    if (!cond) return;
    const r = cpu.r, regs = (code & 3) + 1, tbx = (code & 4) !== 0;
    const table: number[] = [];
    for (let k = 0; k < regs; k++) table.push(...readVec(r, (n + k) & 31, 1, 8, false));
    const idx = readVec(r, m, 1, 8, false);
    for (let i = 0; i < 8; i++) {
      if (idx[i] < table.length) set(r, d, i, 1, table[idx[i]]);
      else if (!tbx) set(r, d, i, 1, 0);
    }
  },
  /** VDUP (scalar) (code: imm4 | q << 4) */
  arm_neon_dup(cpu: ArmCpu, cond: number, code: number, d: number, m: number) {
    if (!cond) return;
    const r = cpu.r, imm = code & 15;
    const es = imm & 1 ? 1 : imm & 2 ? 2 : 4;
    const v = getU(r, m, imm >> (es === 1 ? 1 : es === 2 ? 2 : 3), es);
    const cnt = (code & 16 ? 16 : 8) / es;
    for (let i = 0; i < cnt; i++) set(r, d, i, es, v);
  },
  ...neonLdstHelpers,
};
