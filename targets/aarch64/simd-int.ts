/**
 * Advanced SIMD integer arithmetic: three-same, three-different, two-register misc and
 * across-lanes groups (see simd.ts for the list of instructions).
 */
import { fpThreeSame, fpTwoMisc } from './simd-fp.js';
import { clearHi, copyOf, lanes, map2, mask, ones, rd, rd64, sext, wr, wr64, type Op } from './simd-lanes.js';

export function threeSame(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, u = (insn >>> 29) & 1, size = (insn >>> 22) & 3;
  const rm = (insn >>> 16) & 31, opc = (insn >>> 11) & 31, rn = (insn >>> 5) & 31, d = insn & 31;
  if (opc >= 0x18) return fpThreeSame(insn, false);
  const M = (f: (a: number, b: number, es: number) => number, f64?: (a: bigint, b: bigint) => bigint) => map2(q, size, d, rn, rm, f, f64);
  const U64 = (v: bigint) => BigInt.asUintN(64, v);
  const S64 = (v: bigint) => BigInt.asIntN(64, v);
  switch (opc) {
    case 0x10: return u ? M((a, b, es) => (a - b) & mask(es), (a, b) => U64(a - b)) : M((a, b, es) => (a + b) & mask(es), (a, b) => U64(a + b));
    case 0x11: return u ? M((a, b, es) => ones(a === b, es), (a, b) => (a === b ? U64(-1n) : 0n)) : M((a, b, es) => ones((a & b) !== 0, es), (a, b) => ((a & b) !== 0n ? U64(-1n) : 0n));
    case 0x06: return u ? M((a, b, es) => ones(a > b, es), (a, b) => (a > b ? U64(-1n) : 0n)) : M((a, b, es) => ones(sext(a, es) > sext(b, es), es), (a, b) => (S64(a) > S64(b) ? U64(-1n) : 0n));
    case 0x07: return u ? M((a, b, es) => ones(a >= b, es), (a, b) => (a >= b ? U64(-1n) : 0n)) : M((a, b, es) => ones(sext(a, es) >= sext(b, es), es), (a, b) => (S64(a) >= S64(b) ? U64(-1n) : 0n));
    case 0x03: {
      // logical: operate on bytes
      const f: Array<(a: number, b: number, dd: number) => number> = u
        ? [(a, b) => a ^ b, (a, b, dd) => (dd & a) | (~dd & b), (a, b, dd) => (dd & ~b) | (a & b), (a, b, dd) => (dd & b) | (a & ~b)]
        : [(a, b) => a & b, (a, b) => a & ~b, (a, b) => a | b, (a, b) => a | ~b];
      const g = f[size];
      return (cpu) => {
        const l = lanes(cpu);
        const A = copyOf(l, rn), B = copyOf(l, rm), D = copyOf(l, d);
        for (let i = 0; i < (q ? 16 : 8); i++) l.b[l.off(d) + i] = g(A[i], B[i], D[i]) & 0xff;
        clearHi(l, d, q);
      };
    }
    case 0x0e: case 0x0f: {
      // [SU]ABD, [SU]ABA
      if (size === 3) return undefined;
      const es = 1 << size, n = (q ? 16 : 8) / es, acc = opc === 0x0f;
      return (cpu) => {
        const l = lanes(cpu);
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const x = u ? rd(l, rn, i, es) : sext(rd(l, rn, i, es), es), y = u ? rd(l, rm, i, es) : sext(rd(l, rm, i, es), es);
          out.push(((acc ? rd(l, d, i, es) : 0) + Math.abs(x - y)) & mask(es));
        }
        for (let i = 0; i < n; i++) wr(l, d, i, es, out[i]! >>> 0);
        clearHi(l, d, q);
      };
    }
    case 0x0c: case 0x0d: {
      if (size === 3) return undefined;
      const max = opc === 0x0c;
      return M((a, b, es) => {
        const x = u ? a : sext(a, es), y = u ? b : sext(b, es);
        return (max ? (x > y ? a : b) : (x < y ? a : b));
      });
    }
    case 0x12: {
      if (size === 3) return undefined;
      const es = 1 << size;
      const n = (q ? 16 : 8) / es;
      return (cpu) => {
        const l = lanes(cpu);
        for (let i = 0; i < n; i++) {
          const p = Number(BigInt.asUintN(8 * es, BigInt(rd(l, rn, i, es)) * BigInt(rd(l, rm, i, es))));
          const acc = rd(l, d, i, es);
          wr(l, d, i, es, ((u ? acc - p : acc + p) & mask(es)) >>> 0);
        }
        clearHi(l, d, q);
      };
    }
    case 0x01: case 0x05: {
      // [SU]QADD / [SU]QSUB (saturating; sets FPSR.QC)
      const es = 1 << size;
      const bits = 8 * es;
      const lo = u ? 0n : -(1n << BigInt(bits - 1)), hi = u ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
      const n = (q ? 16 : 8) / es;
      if (size === 3 && !q) return undefined;
      return (cpu) => {
        const l = lanes(cpu);
        const val = (k: number, i: number) => {
          const v = size === 3 ? rd64(l, k, i) : BigInt(rd(l, k, i, es));
          return u ? v : BigInt.asIntN(bits, v);
        };
        const out: bigint[] = [];
        for (let i = 0; i < n; i++) {
          let r = opc === 1 ? val(rn, i) + val(rm, i) : val(rn, i) - val(rm, i);
          if (r > hi) { r = hi; cpu.fpsr |= 1 << 27; } else if (r < lo) { r = lo; cpu.fpsr |= 1 << 27; }
          out.push(BigInt.asUintN(bits, r));
        }
        out.forEach((v, i) => (size === 3 ? wr64(l, d, i, v) : wr(l, d, i, es, Number(v))));
        clearHi(l, d, q);
      };
    }
    case 0x00: case 0x02: case 0x04: {
      // [SU]HADD, [SU]RHADD, [SU]HSUB
      if (size === 3) return undefined;
      return M((a, b, es) => {
        const x = u ? a : sext(a, es), y = u ? b : sext(b, es);
        const r = opc === 0 ? x + y : opc === 2 ? x + y + 1 : x - y;
        return Math.floor(r / 2) & mask(es);
      });
    }
    case 0x08: {
      // SSHL/USHL: shift by the signed low byte of each rm lane (negative: right)
      const es = 1 << size;
      const bits = BigInt(8 * es);
      const sh = (a: bigint, b: bigint) => {
        const n = BigInt.asIntN(8, b);
        const v = u ? a : BigInt.asIntN(Number(bits), a);
        const r = n >= 0n ? (n >= bits ? 0n : v << n) : -n >= bits ? (u || v >= 0n ? 0n : -1n) : v >> -n;
        return BigInt.asUintN(Number(bits), r);
      };
      return M((a, b) => Number(sh(BigInt(a), BigInt(b))), sh);
    }
    case 0x13: if (u || size === 3) return undefined; return M((a, b, es) => Number(BigInt.asUintN(8 * es, BigInt(a) * BigInt(b))));
    case 0x17: case 0x14: case 0x15: {
      if (opc === 0x17 && u) return undefined;
      if (size === 3 && (opc !== 0x17 || !q)) return undefined;
      const es = 1 << size;
      const n = (q ? 16 : 8) / es;
      const pf = opc === 0x17 ? (a: number, b: number) => (a + b) & mask(es)
        : (a: number, b: number) => {
          const x = u ? a : sext(a, es), y = u ? b : sext(b, es);
          return opc === 0x14 ? (x > y ? a : b) : (x < y ? a : b);
        };
      return (cpu) => {
        const l = lanes(cpu);
        if (size === 3) {
          const r0 = BigInt.asUintN(64, rd64(l, rn, 0) + rd64(l, rn, 1));
          const r1 = BigInt.asUintN(64, rd64(l, rm, 0) + rd64(l, rm, 1));
          wr64(l, d, 0, r0); wr64(l, d, 1, r1);
          return;
        }
        const src: number[] = [];
        for (let i = 0; i < n; i++) src.push(rd(l, rn, i, es));
        for (let i = 0; i < n; i++) src.push(rd(l, rm, i, es));
        for (let i = 0; i < n; i++) wr(l, d, i, es, pf(src[2 * i], src[2 * i + 1]) >>> 0);
        clearHi(l, d, q);
      };
    }
    default: return undefined;
  }
}

function popcount8(v: number): number {
  v = v - ((v >> 1) & 0x55);
  v = (v & 0x33) + ((v >> 2) & 0x33);
  return (v + (v >> 4)) & 0x0f;
}

export function twoMisc(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, u = (insn >>> 29) & 1, size = (insn >>> 22) & 3;
  const opc = (insn >>> 12) & 31, rn = (insn >>> 5) & 31, d = insn & 31;
  const es = 1 << size;
  const n = (q ? 16 : 8) / es;
  if ((opc >= 0x0c && opc <= 0x0f && size >= 2) || opc >= 0x16) return fpTwoMisc(insn, false);
  const unary = (f: (a: number, es: number) => number): Op | undefined => (size === 3 ? undefined : (cpu) => {
    const l = lanes(cpu);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(f(rd(l, rn, i, es), es));
    for (let i = 0; i < n; i++) wr(l, d, i, es, out[i] >>> 0);
    clearHi(l, d, q);
  });
  if (size === 3) {
    if (!q) return undefined;
    const S64 = (v: bigint) => BigInt.asIntN(64, v);
    const M1 = BigInt.asUintN(64, -1n);
    let f: ((a: bigint) => bigint) | undefined;
    switch (opc) {
      case 0x09: f = u ? (a) => (S64(a) <= 0n ? M1 : 0n) : (a) => (a === 0n ? M1 : 0n); break;
      case 0x08: f = u ? (a) => (S64(a) >= 0n ? M1 : 0n) : (a) => (S64(a) > 0n ? M1 : 0n); break;
      case 0x0a: f = u ? undefined : (a) => (S64(a) < 0n ? M1 : 0n); break;
      case 0x0b: f = u ? (a) => BigInt.asUintN(64, -a) : (a) => BigInt.asUintN(64, S64(a) < 0n ? -a : a); break;
      default: break;
    }
    if (!f) return undefined;
    const g = f;
    return (cpu) => { const l = lanes(cpu); wr64(l, d, 0, g(rd64(l, rn, 0))); wr64(l, d, 1, g(rd64(l, rn, 1))); };
  }
  switch (opc) {
    case 0x09: return unary((a, e) => ones(u ? sext(a, e) <= 0 : a === 0, e));
    case 0x08: return unary((a, e) => ones(u ? sext(a, e) >= 0 : sext(a, e) > 0, e));
    case 0x0a: return u ? undefined : unary((a, e) => ones(sext(a, e) < 0, e));
    case 0x0b: return unary((a, e) => { const s = sext(a, e); return (u ? -s : Math.abs(s)) & mask(e); });
    case 0x05:
      if (!u && size === 0) return unary((a) => popcount8(a));
      if (u && size === 0) return unary((a) => ~a & 0xff);
      if (u && size === 1) return (cpu) => {
        const l = lanes(cpu);
        for (let i = 0; i < (q ? 16 : 8); i++) { let v = l.b[l.off(rn) + i], r = 0; for (let j = 0; j < 8; j++) { r = (r << 1) | (v & 1); v >>= 1; } l.b[l.off(d) + i] = r; }
        clearHi(l, d, q);
      };
      return undefined;
    case 0x04: return unary((a, e) => {
      const bits = 8 * e;
      if (u) return Math.clz32(a) - (32 - bits);
      const x = sext(a, e);
      return Math.clz32((x ^ (x >> 31)) & mask(e)) - (32 - bits) - 1;
    });
    case 0x02: case 0x06: {
      // [SU]ADDLP / [SU]ADALP: pairs of lanes added into lanes of twice the width
      if (size === 3) return undefined;
      const wb = 2 * es;
      return (cpu) => {
        const l = lanes(cpu);
        const out: bigint[] = [];
        for (let i = 0; i < n / 2; i++) {
          const a = rd(l, rn, 2 * i, es), b = rd(l, rn, 2 * i + 1, es);
          let v = BigInt(u ? a + b : sext(a, es) + sext(b, es));
          if (opc === 6) {
            let acc = 0n;
            const o = l.off(d) + i * wb;
            for (let j = wb - 1; j >= 0; j--) acc = (acc << 8n) | BigInt(l.b[o + j]);
            v += acc;
          }
          out.push(BigInt.asUintN(8 * wb, v));
        }
        out.forEach((v, i) => { for (let j = 0; j < wb; j++) l.b[l.off(d) + i * wb + j] = Number((v >> BigInt(8 * j)) & 0xffn); });
        clearHi(l, d, q);
      };
    }
    case 0x14: case 0x13:
    case 0x12: {
      if (size === 3) return undefined;
      if (opc === 0x13) {
        // SHLL/SHLL2: widen and shift left by the element width
        if (!u) return undefined;
        return (cpu) => {
          const l = lanes(cpu);
          const src: number[] = [];
          for (let i = 0; i < 8 / es; i++) src.push(rd(l, rn, i + (q ? 8 / es : 0), es));
          src.forEach((a, i) => {
            const v = BigInt(a) << BigInt(8 * es);
            for (let j = 0; j < 2 * es; j++) l.b[l.off(d) + i * 2 * es + j] = Number((v >> BigInt(8 * j)) & 0xffn);
          });
        };
      }
      if (opc === 0x14 || u) {
        // UQXTN (u, 0x14), SQXTN (!u, 0x14), SQXTUN (u, 0x12): saturating narrow
        const bits = 8 * es;
        const srcSigned = opc === 0x12 || !u;
        const lo = opc === 0x14 && u ? 0n : opc === 0x12 ? 0n : -(1n << BigInt(bits - 1));
        const hi = opc === 0x14 && !u ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
        return (cpu) => {
          const l = lanes(cpu);
          const out: number[] = [];
          for (let i = 0; i < 8 / es; i++) {
            const o = l.off(rn) + i * 2 * es;
            let v = 0n;
            for (let j = 2 * es - 1; j >= 0; j--) v = (v << 8n) | BigInt(l.b[o + j]);
            if (srcSigned) v = BigInt.asIntN(2 * bits, v);
            if (v > hi) { v = hi; cpu.fpsr |= 1 << 27; } else if (v < lo) { v = lo; cpu.fpsr |= 1 << 27; }
            out.push(Number(BigInt.asUintN(bits, v)));
          }
          for (let i = 0; i < out.length; i++) wr(l, d, i + (q ? 8 / es : 0), es, out[i]);
          clearHi(l, d, q);
        };
      }
      // XTN/XTN2: narrow 2*es lanes of rn into the low or high half of d
      return (cpu) => {
        const l = lanes(cpu);
        const out: number[] = [];
        for (let i = 0; i < 8 / es; i++) {
          const o = l.off(rn) + i * 2 * es;
          let v = 0;
          for (let j = es - 1; j >= 0; j--) v = v * 256 + l.b[o + j];
          out.push(v);
        }
        for (let i = 0; i < out.length; i++) wr(l, d, i + (q ? 8 / es : 0), es, out[i]);
        clearHi(l, d, q);
      };
    }
    case 0x00: case 0x01: {
      // REV64 (u=0, opc 0), REV32 (u=1, opc 0), REV16 (u=0, opc 1): reverse es-lanes in containers
      const cont = opc === 1 ? 2 : u ? 4 : 8;
      if (es >= cont || (opc === 1 && u)) return undefined;
      return (cpu) => {
        const l = lanes(cpu);
        const A = copyOf(l, rn);
        const per = cont / es;
        for (let i = 0; i < (q ? 16 : 8) / es; i++) {
          const base = i - (i % per);
          const src = base + (per - 1 - (i % per));
          for (let j = 0; j < es; j++) l.b[l.off(d) + i * es + j] = A[src * es + j];
        }
        clearHi(l, d, q);
      };
    }
    default: return undefined;
  }
}

export function acrossLanes(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, u = (insn >>> 29) & 1, size = (insn >>> 22) & 3;
  const opc = (insn >>> 12) & 31, rn = (insn >>> 5) & 31, d = insn & 31;
  if (size === 3 || (size === 2 && !q)) return undefined;
  const es = 1 << size;
  const n = (q ? 16 : 8) / es;
  let f: (acc: number, v: number) => number;
  const s = (v: number) => (u ? v : sext(v, es));
  if (opc === 0x03) {
    // [SU]ADDLV: the sum at twice the element width
    return (cpu) => {
      const l = lanes(cpu);
      let acc = 0;
      for (let i = 0; i < n; i++) acc += u ? rd(l, rn, i, es) : sext(rd(l, rn, i, es), es);
      l.b.fill(0, l.off(d), l.off(d) + 16);
      const v = BigInt.asUintN(16 * es, BigInt(acc));
      for (let j = 0; j < 2 * es; j++) l.b[l.off(d) + j] = Number((v >> BigInt(8 * j)) & 0xffn);
    };
  }
  if (opc === 0x1b && !u) f = (acc, v) => (acc + v) & mask(es);
  else if (opc === 0x0a) f = (acc, v) => (s(v) > s(acc) ? v : acc);
  else if (opc === 0x1a) f = (acc, v) => (s(v) < s(acc) ? v : acc);
  else return undefined;
  return (cpu) => {
    const l = lanes(cpu);
    let acc = rd(l, rn, 0, es);
    for (let i = 1; i < n; i++) acc = f(acc, rd(l, rn, i, es));
    l.b.fill(0, l.off(d), l.off(d) + 16);
    wr(l, d, 0, es, acc >>> 0);
  };
}

export function threeDiff(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, u = (insn >>> 29) & 1, size = (insn >>> 22) & 3;
  const rm = (insn >>> 16) & 31, opc = (insn >>> 12) & 15, rn = (insn >>> 5) & 31, d = insn & 31;
  if (size === 3) return undefined;
  const es = 1 << size;
  const wb = 2 * es;
  const n = 8 / es;
  let f: (a: bigint, b: bigint, acc: bigint) => bigint;
  switch (opc) {
    case 0x0: case 0x1: f = (a, b) => a + b; break; // [SU]ADDL, [SU]ADDW
    case 0x3: f = (a, b) => a - b; break; // [SU]SUBW
    case 0x2: f = (a, b) => a - b; break; // [SU]SUBL
    case 0x8: f = (a, b, acc) => acc + a * b; break; // [SU]MLAL
    case 0xa: f = (a, b, acc) => acc - a * b; break; // [SU]MLSL
    case 0xc: f = (a, b) => a * b; break; // [SU]MULL
    case 0x5: f = (a, b, acc) => acc + (a > b ? a - b : b - a); break; // [SU]ABAL
    case 0x7: f = (a, b) => (a > b ? a - b : b - a); break; // [SU]ABDL
    case 0x4: case 0x6: return highNarrow(insn); // (R)ADDHN, (R)SUBHN
    default: return undefined;
  }
  return (cpu) => {
    const l = lanes(cpu);
    const out: bigint[] = [];
    for (let i = 0; i < n; i++) {
      const ra = rd(l, rn, i + (q ? n : 0), es), rb = rd(l, rm, i + (q ? n : 0), es);
      let a = BigInt(u ? ra : sext(ra, es));
      const b = BigInt(u ? rb : sext(rb, es));
      if (opc === 1 || opc === 3) {
        // wide first operand: lane i of rn at the doubled width
        let w = 0n;
        const o = l.off(rn) + i * wb;
        for (let j = wb - 1; j >= 0; j--) w = (w << 8n) | BigInt(l.b[o + j]);
        a = u ? w : BigInt.asIntN(8 * wb, w);
      }
      let acc = 0n;
      const o = l.off(d) + i * wb;
      for (let j = wb - 1; j >= 0; j--) acc = (acc << 8n) | BigInt(l.b[o + j]);
      out.push(BigInt.asUintN(8 * wb, f(a, b, acc)));
    }
    out.forEach((v, i) => { for (let j = 0; j < wb; j++) l.b[l.off(d) + i * wb + j] = Number((v >> BigInt(8 * j)) & 0xffn); });
  };
}


/** ADDHN SUBHN RADDHN RSUBHN (and the "2" forms): the high half of each wide sum/difference */
function highNarrow(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, round = (insn >>> 29) & 1, size = (insn >>> 22) & 3;
  const rm = (insn >>> 16) & 31, sub = (insn >>> 13) & 1, rn = (insn >>> 5) & 31, d = insn & 31;
  if (size === 3) return undefined;
  const es = 1 << size, wb = 2 * es, n = 8 / es, bits = BigInt(8 * es);
  const bias = round ? 1n << (bits - 1n) : 0n;
  return (cpu) => {
    const l = lanes(cpu);
    const wide = (k: number, i: number) => {
      let w = 0n;
      const o = l.off(k) + i * wb;
      for (let j = wb - 1; j >= 0; j--) w = (w << 8n) | BigInt(l.b[o + j]);
      return w;
    };
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = wide(rn, i), b = wide(rm, i);
      out.push(Number(BigInt.asUintN(8 * es, ((sub ? a - b : a + b) + bias) >> bits)));
    }
    for (let i = 0; i < n; i++) wr(l, d, i + (q ? n : 0), es, out[i]!);
    clearHi(l, d, q);
  };
}
