/**
 * Advanced SIMD shifts by immediate, modified immediates, element copies, permutes, EXT and
 * TBL/TBX (see simd.ts for the list of instructions).
 */
import { fpFixedVec } from './simd-fp.js';
import { clearHi, copyOf, lanes, map2, mask, ones, rd, rd64, sext, wr, wr64, type Op } from './simd-lanes.js';

export function shiftImm(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, u = (insn >>> 29) & 1, immh = (insn >>> 19) & 15, immb = (insn >>> 16) & 7;
  const opc = (insn >>> 11) & 31, rn = (insn >>> 5) & 31, d = insn & 31;
  if (!immh) return undefined;
  if (opc === 0x1c || opc === 0x1f) return fpFixedVec(insn, false);
  const size = 31 - Math.clz32(immh);
  const es = 1 << size;
  const ebits = 8 * es;
  const immv = (immh << 3) | immb;
  const shr = 2 * ebits - immv;
  const shl = immv - ebits;
  if (size === 3) {
    if (!q) return undefined;
    const op64 = opc === 0x00 ? (v: bigint) => (u ? v >> BigInt(shr) : BigInt.asUintN(64, BigInt.asIntN(64, v) >> BigInt(shr)))
      : opc === 0x0a && !u ? (v: bigint) => BigInt.asUintN(64, v << BigInt(shl)) : undefined;
    if (!op64) return undefined;
    return (cpu) => { const l = lanes(cpu); wr64(l, d, 0, op64(rd64(l, rn, 0))); wr64(l, d, 1, op64(rd64(l, rn, 1))); };
  }
  const n = (q ? 16 : 8) / es;
  const each = (f: (a: number) => number): Op => (cpu) => {
    const l = lanes(cpu);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(f(rd(l, rn, i, es)));
    for (let i = 0; i < n; i++) wr(l, d, i, es, out[i] >>> 0);
    clearHi(l, d, q);
  };
  switch (opc) {
    case 0x00: return each((a) => (u ? (shr >= ebits ? 0 : a >>> shr) : (sext(a, es) >> Math.min(shr, ebits - 1)) & mask(es)));
    case 0x0a: {
      if (!u) return each((a) => Number(BigInt.asUintN(ebits, BigInt(a) << BigInt(shl))));
      // SLI: insert left-shifted bits, keeping the low shl bits of the destination
      return (cpu) => {
        const l = lanes(cpu);
        for (let i = 0; i < n; i++) {
          const m = BigInt.asUintN(ebits, ((1n << BigInt(ebits)) - 1n) << BigInt(shl));
          const v = (BigInt(rd(l, d, i, es)) & ~m) | (BigInt.asUintN(ebits, BigInt(rd(l, rn, i, es)) << BigInt(shl)));
          wr(l, d, i, es, Number(BigInt.asUintN(ebits, v)));
        }
        clearHi(l, d, q);
      };
    }
    case 0x02: case 0x04: case 0x06: case 0x08: {
      if (opc === 0x08 && !u) return undefined;
      const round = opc === 0x04 || opc === 0x06;
      const acc = opc === 0x02 || opc === 0x06;
      return (cpu) => {
        const l = lanes(cpu);
        for (let i = 0; i < n; i++) {
          const a = BigInt(u ? rd(l, rn, i, es) : sext(rd(l, rn, i, es), es));
          let r = round ? (a + (1n << BigInt(shr - 1))) >> BigInt(shr) : a >> BigInt(shr);
          const cur = BigInt(rd(l, d, i, es));
          if (opc === 0x08) {
            // SRI: insert right-shifted bits, keeping the high shr bits of the destination
            const m = shr >= ebits ? 0n : ((1n << BigInt(ebits)) - 1n) >> BigInt(shr);
            r = (cur & ~m) | (r & m);
          } else if (acc) r += cur;
          wr(l, d, i, es, Number(BigInt.asUintN(ebits, r)));
        }
        clearHi(l, d, q);
      };
    }
    case 0x10: {
      if (u) return undefined;
      // SHRN: 2*es source lanes shifted right by shr (1..ebits), narrowed
      const sb = es * 2;
      return (cpu) => {
        const l = lanes(cpu);
        const out: number[] = [];
        for (let i = 0; i < 8 / es; i++) {
          const o = l.off(rn) + i * sb;
          let v = 0n;
          for (let j = sb - 1; j >= 0; j--) v = (v << 8n) | BigInt(l.b[o + j]);
          out.push(Number(BigInt.asUintN(ebits, v >> BigInt(shr))));
        }
        for (let i = 0; i < out.length; i++) wr(l, d, i + (q ? 8 / es : 0), es, out[i]);
        clearHi(l, d, q);
      };
    }
    case 0x14: {
      // SSHLL/USHLL (shift within the widened lanes)
      if (size === 3) return undefined;
      return (cpu) => {
        const l = lanes(cpu);
        const src: number[] = [];
        for (let i = 0; i < 8 / es; i++) src.push(rd(l, rn, i + (q ? 8 / es : 0), es));
        const wb = es * 2;
        src.forEach((a, i) => {
          const v = BigInt.asUintN(8 * wb, BigInt(u ? a : sext(a, es)) << BigInt(shl));
          for (let j = 0; j < wb; j++) l.b[l.off(d) + i * wb + j] = Number((v >> BigInt(8 * j)) & 0xffn);
        });
      };
    }
    default: return undefined;
  }
}

export function modImm(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, op = (insn >>> 29) & 1, cmode = (insn >>> 12) & 15, o2 = (insn >>> 11) & 1;
  const imm8 = (((insn >>> 16) & 7) << 5) | ((insn >>> 5) & 31);
  const d = insn & 31;
  if (o2) return undefined;
  let lane: bigint; // the 64-bit pattern
  let kind: 'mov' | 'orr' | 'bic' = 'mov';
  const rep = (v: bigint, bits: number) => { let r = 0n; for (let i = 0; i < 64; i += bits) r |= v << BigInt(i); return r; };
  const I = BigInt(imm8);
  if (cmode < 8) {
    const sh = BigInt(8 * ((cmode >> 1) & 3));
    lane = rep(I << sh, 32);
    if (cmode & 1) kind = op ? 'bic' : 'orr';
    else if (op) lane = BigInt.asUintN(64, ~lane);
  } else if (cmode < 12) {
    const sh = BigInt(8 * ((cmode >> 1) & 1));
    lane = rep(I << sh, 16);
    if (cmode & 1) kind = op ? 'bic' : 'orr';
    else if (op) lane = BigInt.asUintN(64, ~rep(I << sh, 16)) ;
  } else if (cmode < 14) {
    const v = cmode === 12 ? (I << 8n) | 0xffn : (I << 16n) | 0xffffn;
    lane = rep(v, 32);
    if (op) lane = BigInt.asUintN(64, ~lane);
  } else if (cmode === 14 && !op) {
    lane = rep(I, 8);
  } else if (cmode === 14) {
    let v = 0n;
    for (let i = 0; i < 8; i++) if ((imm8 >> i) & 1) v |= 0xffn << BigInt(8 * i);
    lane = v;
  } else if (!op) {
    // FMOV (vector, single)
    const b6 = (imm8 >> 6) & 1;
    const exp = ((b6 ^ 1) << 7) | (b6 ? 0x7c : 0) | ((imm8 >> 4) & 3);
    lane = rep(BigInt((((imm8 >> 7) << 31) | (exp << 23) | ((imm8 & 0xf) << 19)) >>> 0), 32);
  } else {
    if (!q) return undefined;
    const b6 = (imm8 >> 6) & 1;
    const exp = ((b6 ^ 1) << 10) | (b6 ? 0x3fc : 0) | ((imm8 >> 4) & 3);
    lane = BigInt((((imm8 >> 7) << 31) | (exp << 20) | ((imm8 & 0xf) << 16)) >>> 0) << 32n;
  }
  const L = lane;
  return (cpu) => {
    const l = lanes(cpu);
    for (let i = 0; i < (q ? 2 : 1); i++) {
      const cur = rd64(l, d, i);
      wr64(l, d, i, kind === 'mov' ? L : kind === 'orr' ? cur | L : cur & ~L);
    }
    if (!q) wr64(l, d, 1, 0n);
  };
}

export function copy(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, op = (insn >>> 29) & 1, imm5 = (insn >>> 16) & 31, imm4 = (insn >>> 11) & 15;
  const rn = (insn >>> 5) & 31, d = insn & 31;
  const size = imm5 & 1 ? 0 : imm5 & 2 ? 1 : imm5 & 4 ? 2 : imm5 & 8 ? 3 : -1;
  if (size < 0) return undefined;
  const es = 1 << size;
  const idx = imm5 >> (size + 1);
  if (op === 1) {
    if (!q) return undefined;
    const src = imm4 >> size;
    return (cpu) => {
      const l = lanes(cpu);
      const v = l.b.slice(l.off(rn) + src * es, l.off(rn) + src * es + es);
      l.b.set(v, l.off(d) + idx * es);
    };
  }
  if (imm4 === 0) {
    if (size === 3 && !q) return undefined;
    return (cpu) => {
      const l = lanes(cpu);
      const v = l.b.slice(l.off(rn) + idx * es, l.off(rn) + idx * es + es);
      for (let i = 0; i < (q ? 16 : 8) / es; i++) l.b.set(v, l.off(d) + i * es);
      clearHi(l, d, q);
    };
  }
  return undefined;
}

export function permute(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, size = (insn >>> 22) & 3, rm = (insn >>> 16) & 31, opc = (insn >>> 12) & 7;
  const rn = (insn >>> 5) & 31, d = insn & 31;
  if (size === 3 && !q) return undefined;
  const es = 1 << size;
  const n = (q ? 16 : 8) / es;
  const part = opc >> 2;
  const kind = opc & 3;
  if (kind === 0) return undefined;
  return (cpu) => {
    const l = lanes(cpu);
    const A = copyOf(l, rn), B = copyOf(l, rm);
    const el = (S: Uint8Array, i: number) => S.subarray(i * es, i * es + es);
    const out = new Uint8Array(16);
    for (let i = 0; i < n; i++) {
      let src: Uint8Array;
      if (kind === 1) { const j = 2 * i + part; src = j < n ? el(A, j) : el(B, j - n); } // UZP
      else if (kind === 2) { const j = (i & ~1) + part; src = i & 1 ? el(B, j) : el(A, j); } // TRN
      else { const j = (part * n) / 2 + (i >> 1); src = i & 1 ? el(B, j) : el(A, j); } // ZIP
      out.set(src, i * es);
    }
    l.b.set(out.subarray(0, q ? 16 : 8), l.off(d));
    clearHi(l, d, q);
  };
}

export function ext(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, rm = (insn >>> 16) & 31, imm4 = (insn >>> 11) & 15, rn = (insn >>> 5) & 31, d = insn & 31;
  if (!q && imm4 >= 8) return undefined;
  const len = q ? 16 : 8;
  return (cpu) => {
    const l = lanes(cpu);
    const cat = new Uint8Array(32);
    cat.set(copyOf(l, rn).subarray(0, len), 0);
    cat.set(copyOf(l, rm).subarray(0, len), len);
    l.b.set(cat.subarray(imm4, imm4 + len), l.off(d));
    clearHi(l, d, q);
  };
}

export function tbl(insn: number): Op | undefined {
  const q = (insn >>> 30) & 1, rm = (insn >>> 16) & 31, len = ((insn >>> 13) & 3) + 1, tbx = (insn >>> 12) & 1;
  const rn = (insn >>> 5) & 31, d = insn & 31;
  return (cpu) => {
    const l = lanes(cpu);
    const table = new Uint8Array(16 * len);
    for (let i = 0; i < len; i++) table.set(copyOf(l, (rn + i) & 31), 16 * i);
    const idx = copyOf(l, rm), cur = copyOf(l, d);
    for (let i = 0; i < (q ? 16 : 8); i++) l.b[l.off(d) + i] = idx[i] < 16 * len ? table[idx[i]] : tbx ? cur[i] : 0;
    clearHi(l, d, q);
  };
}


