/**
 * Advanced SIMD translation: element moves between general and vector registers (UMOV, SMOV,
 * DUP general, INS general) and LD1/ST1 are IR; everything else is one a64_simd helper call
 * per instruction, after simdDecode accepted it at translation time.
 */
import type { TransTable } from './decoder.generated.js';
import type { A64Ctx } from './ctx.js';
import { simdDecode } from './simd.js';

type C = A64Ctx;

/** the element size (log2 bytes) from imm5's lowest set bit, or -1 */
const sizeOf5 = (imm5: number) => (imm5 & 1 ? 0 : imm5 & 2 ? 1 : imm5 & 4 ? 2 : imm5 & 8 ? 3 : -1);

function laneAddrBytes(k: number, idx: number, es: number): [number, number] {
  // word j and byte offset in it
  const byte = idx * es;
  return [k * 4 + (byte >> 2), byte & 3];
}

function elemGet(c: C, rn: number, idx: number, size: number): number {
  if (size === 3) return idx ? c.vhi(rn) : c.vd(rn);
  const [w, off] = laneAddrBytes(rn, idx, 1 << size);
  const word = c.vw(w >> 2, w & 3);
  const v = off ? c.b.bin('shr', word, c.k32(off * 8)) : word;
  return size === 2 ? v : c.b.zextb(v, 8 << size);
}
function elemSet(c: C, rd: number, idx: number, size: number, v64: number): void {
  if (size === 3) {
    if (idx) c.setVhi(rd, v64);
    else c.setVd(rd, v64);
    return;
  }
  const v = c.b.trunc(v64);
  const [w, off] = laneAddrBytes(rd, idx, 1 << size);
  if (size === 2) {
    c.setVw(w >> 2, w & 3, v);
    return;
  }
  const bits = 8 << size;
  const m = ((1 << bits) - 1) << (off * 8);
  const cur = c.vw(w >> 2, w & 3);
  const ins = c.b.bin('shl', c.b.zextb(v, bits), c.k32(off * 8));
  c.setVw(w >> 2, w & 3, c.b.or(c.b.and(cur, c.k32(~m)), ins));
}

function simdCopyGpr(c: C, insn: number): boolean | undefined {
  const q = (insn >>> 30) & 1, op = (insn >>> 29) & 1, imm5 = (insn >>> 16) & 31, imm4 = (insn >>> 11) & 15;
  const rn = (insn >>> 5) & 31, rd = insn & 31;
  if ((insn & 0x9fe08400) >>> 0 !== 0x0e000400 || op) return undefined;
  const size = sizeOf5(imm5);
  if (size < 0) return false;
  const idx = imm5 >> (size + 1);
  switch (imm4) {
    case 7: case 5: {
      // UMOV / SMOV
      if (imm4 === 7 && (q ? size !== 3 : size === 3)) return false;
      if (imm4 === 5 && (size === 3 || (size === 2 && !q))) return false;
      let v = elemGet(c, rn, idx, size);
      if (size === 3) { c.setW(rd, v); return true; }
      if (imm4 === 5) {
        v = c.b.sextb(v, 8 << size);
        c.setW(rd, q ? c.b.sext(v) : v);
      } else c.setW(rd, v);
      return true;
    }
    case 1: {
      // DUP (general)
      if (size === 3 && !q) return false;
      const x = c.x(rn);
      for (let i = 0; i < (q ? 16 : 8) >> size; i++) elemSet(c, rd, i, size, x);
      if (!q) c.setVhi(rd, c.k64(0));
      return true;
    }
    case 3:
      if (!q) return false;
      elemSet(c, rd, idx, size, c.x(rn));
      return true;
    default: return undefined;
  }
}

/** LD1/ST1 (multiple structures, 1-4 registers) */
function ldstMulti(c: C, insn: number): boolean {
  const q = (insn >>> 30) & 1, l = (insn >>> 22) & 1, post = (insn >>> 23) & 1, rm = (insn >>> 16) & 31;
  const opc = (insn >>> 12) & 15, rn = (insn >>> 5) & 31, rt = insn & 31;
  if (!post && rm !== 0) return false;
  const inter = ({ 0: 4, 4: 3, 8: 2 } as Record<number, number>)[opc];
  if (inter) return ldstInterleaved(c, insn, inter);
  const nregs = ({ 7: 1, 10: 2, 6: 3, 2: 4 } as Record<number, number>)[opc];
  if (!nregs) return false;
  const base = c.xsp(rn);
  const addr = c.b.trunc(base);
  const bytes = q ? 16 : 8;
  const vals: number[] = [];
  for (let i = 0; i < nregs; i++) {
    const r = (rt + i) & 31;
    const a = c.op('add', addr, c.k32(i * bytes));
    if (l) {
      vals.push(c.b.load('i64', 8, false, a));
      vals.push(q ? c.b.load('i64', 8, false, c.op('add', a, c.k32(8))) : c.k64(0));
    } else {
      c.b.store(8, a, c.vd(r));
      if (q) c.b.store(8, c.op('add', a, c.k32(8)), c.vhi(r));
    }
  }
  for (let i = 0; i < vals.length / 2; i++) {
    const r = (rt + i) & 31;
    c.setVd(r, vals[2 * i]);
    c.setVhi(r, vals[2 * i + 1]);
  }
  if (post) c.b.set(rn, c.op('add', base, rm === 31 ? c.k64(nregs * bytes) : c.x(rm)));
  return true;
}

/** LD2/LD3/LD4 and ST2/ST3/ST4 (multiple structures): element i of register j at (i*n + j) */
function ldstInterleaved(c: C, insn: number, n: number): boolean {
  const q = (insn >>> 30) & 1, l = (insn >>> 22) & 1, post = (insn >>> 23) & 1, rm = (insn >>> 16) & 31;
  const size = (insn >>> 10) & 3, rn = (insn >>> 5) & 31, rt = insn & 31;
  if (size === 3 && !q) return false;
  const es = 1 << size;
  const lanesN = (q ? 16 : 8) / es;
  const base = c.xsp(rn);
  const addr = c.b.trunc(base);
  if (l) {
    const vals: number[] = [];
    for (let i = 0; i < lanesN; i++) for (let j = 0; j < n; j++) vals.push(c.b.load('i64', es, false, c.op('add', addr, c.k32((i * n + j) * es))));
    for (let i = 0; i < lanesN; i++) for (let j = 0; j < n; j++) elemSet(c, (rt + j) & 31, i, size, vals[i * n + j]);
    if (!q) for (let j = 0; j < n; j++) c.setVhi((rt + j) & 31, c.k64(0));
  } else {
    for (let i = 0; i < lanesN; i++) for (let j = 0; j < n; j++) {
      c.b.store(es, c.op('add', addr, c.k32((i * n + j) * es)), elemGet(c, (rt + j) & 31, i, size));
    }
  }
  if (post) c.b.set(rn, c.op('add', base, rm === 31 ? c.k64(n * lanesN * es) : c.x(rm)));
  return true;
}

/** LD1/ST1 (single structure) and LD1R */
function ldstSingle(c: C, insn: number): boolean {
  const q = (insn >>> 30) & 1, l = (insn >>> 22) & 1, r = (insn >>> 21) & 1, post = (insn >>> 23) & 1, rm = (insn >>> 16) & 31;
  const opc = (insn >>> 13) & 7, s = (insn >>> 12) & 1, size = (insn >>> 10) & 3, rn = (insn >>> 5) & 31, rt = insn & 31;
  if (r || (!post && rm !== 0)) return false;
  const base = c.xsp(rn);
  const addr = c.b.trunc(base);
  let es: number;
  if (opc === 6) {
    // LD1R
    if (!l || s) return false;
    es = size;
    const v = c.b.load('i64', 1 << es, false, addr);
    for (let i = 0; i < (q ? 16 : 8) >> es; i++) elemSet(c, rt, i, es, v);
    if (!q) c.setVhi(rt, c.k64(0));
  } else {
    let idx: number;
    if (opc === 0) { es = 0; idx = (q << 3) | (s << 2) | size; }
    else if (opc === 2) { if (size & 1) return false; es = 1; idx = (q << 2) | (s << 1) | (size >> 1); }
    else if (opc === 4 && size === 0) { es = 2; idx = (q << 1) | s; }
    else if (opc === 4 && size === 1 && !s) { es = 3; idx = q; }
    else return false;
    if (l) elemSet(c, rt, idx, es, c.b.load('i64', 1 << es, false, addr));
    else {
      const v = elemGet(c, rt, idx, es);
      c.b.store(1 << es, addr, v);
    }
  }
  if (post) c.b.set(rn, c.op('add', base, rm === 31 ? c.k64(1 << es) : c.x(rm)));
  return true;
}

export const transSimd = {
  simd(c, a) {
    const g = simdCopyGpr(c, a.insn);
    if (g !== undefined) return g;
    if (!simdDecode(a.insn)) return false;
    c.call('a64_simd', null, [c.k32(a.insn)]);
    return true;
  },
  simd_scalar(c, a) {
    if (!simdDecode(a.insn)) return false;
    c.call('a64_simd', null, [c.k32(a.insn)]);
    return true;
  },
  simd_ldst_multi: (c, a) => ldstMulti(c, a.insn),
  simd_ldst_single: (c, a) => ldstSingle(c, a.insn),
} satisfies Partial<TransTable<A64Ctx>>;
