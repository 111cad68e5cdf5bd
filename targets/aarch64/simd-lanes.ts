/** Lane access on the V registers (a byte view of cpu.r) shared by the Advanced SIMD helpers. */
import { VBASE, type A64Cpu } from './cpu.js';

export type Op = (cpu: A64Cpu) => void;

export interface Lanes { b: Uint8Array; off: (k: number) => number }
export function lanes(cpu: A64Cpu): Lanes {
  const b = new Uint8Array(cpu.r.buffer, cpu.r.byteOffset, cpu.r.byteLength);
  return { b, off: (k) => (VBASE + 4 * k) * 4 };
}
/** read lane i (esize bytes) of register k as an unsigned number (64-bit lanes as bigint-free pairs: only <= 32 here) */
export function rd(l: Lanes, k: number, i: number, es: number): number {
  const o = l.off(k) + i * es;
  const b = l.b;
  if (es === 1) return b[o];
  if (es === 2) return b[o] | (b[o + 1] << 8);
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
export function wr(l: Lanes, k: number, i: number, es: number, v: number): void {
  const o = l.off(k) + i * es;
  for (let j = 0; j < es; j++) l.b[o + j] = (v / 2 ** (8 * j)) & 0xff;
}
export function rd64(l: Lanes, k: number, i: number): bigint {
  const dv = new DataView(l.b.buffer, l.b.byteOffset, l.b.byteLength);
  return dv.getBigUint64(l.off(k) + i * 8, true);
}
export function wr64(l: Lanes, k: number, i: number, v: bigint): void {
  new DataView(l.b.buffer, l.b.byteOffset, l.b.byteLength).setBigUint64(l.off(k) + i * 8, BigInt.asUintN(64, v), true);
}
export function copyOf(l: Lanes, k: number): Uint8Array {
  return l.b.slice(l.off(k), l.off(k) + 16);
}
export function clearHi(l: Lanes, k: number, q: number): void {
  if (!q) l.b.fill(0, l.off(k) + 8, l.off(k) + 16);
}
export const sext = (v: number, es: number) => (es === 4 ? v | 0 : es === 2 ? (v << 16) >> 16 : (v << 24) >> 24);
export const mask = (es: number) => (es === 4 ? 0xffffffff : (1 << (8 * es)) - 1);

/** element-wise over lanes: f gets unsigned lanes (64-bit lanes as bigint via f64) */
export function map2(q: number, size: number, rdn: number, rn: number, rm: number, f: (a: number, b: number, es: number) => number,
  f64?: (a: bigint, b: bigint) => bigint): Op | undefined {
  const es = 1 << size;
  const n = (q ? 16 : 8) / es;
  if (size === 3) {
    if (!f64 || !q) return undefined;
    return (cpu) => {
      const l = lanes(cpu);
      const a0 = rd64(l, rn, 0), a1 = rd64(l, rn, 1), b0 = rd64(l, rm, 0), b1 = rd64(l, rm, 1);
      wr64(l, rdn, 0, f64(a0, b0));
      wr64(l, rdn, 1, f64(a1, b1));
    };
  }
  return (cpu) => {
    const l = lanes(cpu);
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = f(rd(l, rn, i, es), rd(l, rm, i, es), es);
    for (let i = 0; i < n; i++) wr(l, rdn, i, es, out[i] >>> 0);
    clearHi(l, rdn, q);
  };
}

export const ones = (c: boolean, es: number) => (c ? mask(es) : 0);

