/**
 * NEON element and structure loads and stores (VLD1-4 / VST1-4): the shape of a transfer,
 * decoded once and shared by the translator (register checks, writeback amount) and the
 * `neon_ldst` helper that does the interleaved forms; and the whole-D-register transfers
 * (VLDR/VSTR, VLDM/VSTM, VLD1/VST1 of whole registers: arm_ld64, arm_st64, neon_vldm).
 *
 * Why whole-register transfers are helper calls and not inline IR loads (measured on the
 * `memory` benchmark, glibc's VFP memcpy: ~80 VLDR/VSTR per block): an inline 8-byte access
 * lowers to ~300 bytes of V8 bytecode, so such a region passes V8's limit for optimising
 * a function (about 60 KB of bytecode) and stays in the interpreter (33x qemu). A call is a
 * few bytes of bytecode; the memory accessor's aligned, same-page fast path is one typed-array
 * access per word.
 */
import { Access, alignFault } from '../../src/core/exceptions.js';
import type { Helper } from '../../src/core/isa.js';
import { type ArmCpu, D0_INDEX } from './cpu.js';
import { getU, set } from './helpers-neon-lanes.js';

export interface LdstShape {
  /** 0: multiple structures, 1: one lane, 2: all lanes (load and replicate) */
  kind: number;
  /** structure members (VLDn), registers per member group, register step, element bytes */
  n: number;
  regs: number;
  inc: number;
  es: number;
  /** the lane for kind 1 */
  index: number;
  /** bytes transferred (the post-increment when rm = 13) */
  bytes: number;
}

const MULTI: Record<number, [n: number, regs: number, inc: number]> = {
  7: [1, 1, 1], 10: [1, 2, 1], 6: [1, 3, 1], 2: [1, 4, 1],
  8: [2, 1, 1], 9: [2, 1, 2], 3: [2, 2, 2],
  4: [3, 1, 1], 5: [3, 1, 2],
  0: [4, 1, 1], 1: [4, 1, 2],
};

/** decode A (bit 23), L, type (bits 11:8) and bits 7:4; undefined for a reserved encoding */
export function ldstShape(a: number, l: number, type: number, idx: number, d: number): LdstShape | undefined {
  let s: LdstShape;
  if (!a) {
    const t = MULTI[type];
    if (!t) return undefined;
    const es = 1 << (idx >> 2);
    if (es === 8 && t[0] > 1) return undefined;
    s = { kind: 0, n: t[0], regs: t[1], inc: t[2], es, index: 0, bytes: 8 * t[0] * t[1] };
  } else if ((type >> 2) !== 3) {
    const size = type >> 2, es = 1 << size, n = (type & 3) + 1;
    const index = idx >> (size + 1);
    const inc = size > 0 && (idx >> size) & 1 && n > 1 ? 2 : 1;
    if (size === 2 && (idx & 4)) { if (n === 1) return undefined; }
    s = { kind: 1, n, regs: 1, inc, es, index, bytes: n * es };
  } else {
    if (!l) return undefined;
    const n = (type & 3) + 1, t = (idx >> 1) & 1;
    let es = 1 << (idx >> 2);
    if (es === 8) { if (n !== 4) return undefined; es = 4; }
    s = n === 1 ? { kind: 2, n, regs: t + 1, inc: 1, es, index: 0, bytes: es }
      : { kind: 2, n, regs: 1, inc: t + 1, es, index: 0, bytes: n * es };
  }
  const last = d + (s.n - 1) * s.inc + s.regs - 1;
  return last > 31 ? undefined : s;
}

/**
 * The alignment (bytes) the address of a VLDn/VSTn must have, from its alignment field
 * (`[rn:64]` and the like; 1 = none): a misaligned address is an alignment fault.
 */
export function ldstAlign(a: number, type: number, idx: number): number {
  // multiple structures: :64, :128, :256 (which qemu-user checks as 16 bytes: so do we)
  if (!a) return [1, 8, 16, 16][idx & 3];
  if ((type >> 2) !== 3) { // one lane
    const size = type >> 2, n = (type & 3) + 1;
    if (n === 1) return size === 0 ? 1 : size === 1 ? (idx & 1 ? 2 : 1) : ((idx & 3) === 3 ? 4 : 1);
    if (n === 2) return idx & 1 ? 2 << size : 1;
    if (n === 3) return 1;
    if (size < 2) return idx & 1 ? 4 << size : 1;
    return [1, 8, 16, 1][idx & 3];
  }
  // all lanes: size in bits 7:6 of idx, the a bit in bit 4
  const size = idx >> 2, n = (type & 3) + 1;
  if (!(idx & 1)) return 1;
  const es = 1 << Math.min(size, 2);
  return n === 1 ? es : n === 2 ? 2 * es : n === 4 ? (size >= 2 ? 16 : 4 * es) : 1;
}

const checkAlign = (addr: number, align: number, load: boolean) => {
  if (addr & (align - 1)) throw alignFault(addr >>> 0, load ? Access.Read : Access.Write);
};

function rd(cpu: ArmCpu, addr: number, es: number): number {
  const m = cpu.mem;
  addr >>>= 0;
  return es === 1 ? m.read8(addr) : es === 2 ? m.read16(addr) : m.read32(addr);
}
function wr(cpu: ArmCpu, addr: number, es: number, v: number): void {
  const m = cpu.mem;
  addr >>>= 0;
  if (es === 1) m.write8(addr, v);
  else if (es === 2) m.write16(addr, v);
  else m.write32(addr, v);
}

/** one transfer; es = 8 only reaches here for VLD1/VST1, moved as two words */
function ldst(cpu: ArmCpu, s: LdstShape, load: boolean, d: number, addr: number): void {
  const r = cpu.r;
  const es = s.es === 8 ? 4 : s.es;
  if (s.kind === 0) {
    const cnt = 8 / es;
    for (let g = 0; g < s.regs; g++) {
      for (let e = 0; e < cnt; e++) {
        for (let j = 0; j < s.n; j++) {
          const k = d + g + j * s.inc;
          if (load) set(r, k, e, es, rd(cpu, addr, es));
          else wr(cpu, addr, es, getU(r, k, e, es));
          addr += es;
        }
      }
    }
    return;
  }
  for (let j = 0; j < s.n; j++) {
    const k = d + j * s.inc;
    if (s.kind === 1) {
      if (load) set(r, k, s.index, es, rd(cpu, addr, es));
      else wr(cpu, addr, es, getU(r, k, s.index, es));
    } else {
      const v = rd(cpu, addr, es);
      for (let g = 0; g < s.regs; g++) for (let e = 0; e < 8 / es; e++) set(r, k + g, e, es, v);
    }
    addr += es;
  }
}

/** the 8 bytes at a word-aligned addr (VLDR/VLDM): the low word is returned, the high word left in cpu.rhi */
function ld64(cpu: ArmCpu, addr: number): number {
  return cpu.mem.read64w(addr >>> 0, cpu, 4);
}
/** store lo:hi as the 8 bytes at a word-aligned addr (both pages checked first; translated code invalidated) */
function st64(cpu: ArmCpu, addr: number, lo: number, hi: number): void {
  cpu.mem.write64w(addr >>> 0, lo, hi, 4);
}

export const neonLdstHelpers: Record<string, Helper> = {
  /** arm_ld64(addr): an unconditional 8-byte load (VLDR/VLDM of a D register); i64 result */
  arm_ld64: ld64,
  /** arm_st64(addr, lo, hi): an unconditional 8-byte store (VSTR/VSTM of a D register) */
  arm_st64: st64,
  /**
   * neon_vldm(cond, addr, code = d | count << 5 | L << 10 | log2(alignment) << 11): VLD1/VST1
   * of `count` whole consecutive D registers starting at Dd, at consecutive addresses, in
   * register order
   */
  arm_neon_vldm(cpu: ArmCpu, cond: number, addr: number, code: number) {
    if (!cond) return;
    const r = cpu.r;
    const d = code & 31, n = (code >> 5) & 31, load = (code >> 10) & 1;
    checkAlign(addr, 1 << (code >> 11), load === 1);
    for (let i = 0; i < n; i++) {
      const x = D0_INDEX + 2 * (d + i), a = (addr + 8 * i) | 0;
      // VLD1/VST1 need no alignment (hints aside): one 8-byte access per register, as qemu does
      if (load) {
        r[x] = cpu.mem.read64w(a >>> 0, cpu);
        r[x + 1] = cpu.rhi;
      } else cpu.mem.write64w(a >>> 0, r[x], r[x + 1]);
    }
  },
  /** neon_ldst(cond, code = bits 11:4 | A << 8 | L << 9 | log2(alignment) << 10, d, addr) */
  arm_neon_ldst(cpu: ArmCpu, cond: number, code: number, d: number, addr: number) {
    if (!cond) return;
    const s = ldstShape((code >> 8) & 1, (code >> 9) & 1, (code >> 4) & 15, code & 15, d);
    checkAlign(addr, 1 << (code >> 10), ((code >> 9) & 1) === 1);
    if (s) ldst(cpu, s, ((code >> 9) & 1) === 1, d, addr);
  },
};
