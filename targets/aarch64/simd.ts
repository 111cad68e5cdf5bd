/**
 * Advanced SIMD as helpers on the V registers in cpu.r: `simdDecode(insn)` returns the
 * operation of a vector or scalar SIMD instruction (undefined when it is not implemented: the
 * frontend then raises SIGILL at translation), and helper a64_simd(insn) runs it (decoded
 * once per cpu and instruction word). Implemented:
 * - simd-int.ts: ADD SUB MUL MLA MLS CMEQ CMTST CMGT CMHI CMGE CMHS AND BIC ORR ORN EOR BSL BIT
 *   BIF ADDP [SU]MAX(P) [SU]MIN(P) [SU]QADD [SU]QSUB [SU](R)HADD [SU]HSUB [SU]SHL; [SU]ADDL(2)
 *   [SU]ADDW [SU]SUBL [SU]SUBW [SU]MULL [SU]MLAL [SU]MLSL; CMxx #0 ABS NEG CNT NOT RBIT CLZ CLS
 *   XTN SQXTN UQXTN SQXTUN SHLL REV16/32/64 [SU]ADDLP [SU]ADALP; ADDV [SU]MAXV [SU]MINV [SU]ADDLV
 * - simd-perm.ts: SHL USHR SSHR USRA SSRA URSHR SRSHR URSRA SRSRA SRI SLI SHRN [SU]SHLL, MOVI MVNI
 *   ORR/BIC (immediate) FMOV (vector immediate), DUP/INS (element), UZP ZIP TRN EXT TBL TBX
 * - simd-fp.ts: vector and scalar FP arithmetic, compares, conversions and rounding
 * - here: scalar forms (64-bit lanes of three-same and two-reg misc, DUP element, ADDP)
 * UMOV/SMOV/DUP/INS with general registers and the loads/stores are IR (trans-simd.ts).
 */
import type { Helper } from '../../src/core/isa.js';
import { VBASE, type A64Cpu } from './cpu.js';
import { fpFixedVec, fpThreeSame, fpTwoMisc } from './simd-fp.js';
import { acrossLanes, threeDiff, threeSame, twoMisc } from './simd-int.js';
import { lanes, rd64, wr64, type Op } from './simd-lanes.js';
import { copy, ext, modImm, permute, shiftImm, tbl } from './simd-perm.js';

/** the operation of an Advanced SIMD data-processing instruction, or undefined */
export function simdDecode(insn: number): Op | undefined {
  insn >>>= 0;
  if ((insn & 0xc0000000) === 0x40000000 && ((insn >>> 25) & 0xf) === 0xf) {
    // scalar ADDP (d <- v.2d)
    if ((insn & 0xff3ffc00) === 0x5e31b800 && ((insn >>> 22) & 3) === 3) {
      const rn = (insn >>> 5) & 31, d = insn & 31;
      return (cpu) => { const l = lanes(cpu); const s = BigInt.asUintN(64, rd64(l, rn, 0) + rd64(l, rn, 1)); wr64(l, d, 0, s); wr64(l, d, 1, 0n); };
    }
    // 64-bit scalar forms of three-same, two-reg misc and shift by immediate: the vector
    // operation on lane 0 (run as a 2D vector op, then the upper half cleared)
    const vec = ((insn & ~(1 << 28)) | (1 << 30)) >>> 0;
    const fpThree = (insn & (1 << 21)) && (insn & (1 << 10)) && ((insn >>> 11) & 31) >= 0x18;
    const mop = (insn >>> 12) & 31;
    const fpMisc = ((insn >>> 17) & 0x1f) === 0x10 && ((insn >>> 10) & 3) === 2 &&
      ((mop >= 0x0c && mop <= 0x0f && (insn & (1 << 23))) || mop >= 0x18);
    if (((insn >>> 24) & 0x1f) === 0x1e && fpThree) return fpThreeSame(insn, true);
    if (((insn >>> 24) & 0x1f) === 0x1e && fpMisc) return fpTwoMisc(insn, true);
    const three = (insn & (1 << 21)) && (insn & (1 << 10)) && ((insn >>> 22) & 3) === 3;
    const misc = ((insn >>> 17) & 0x1f) === 0x10 && ((insn >>> 10) & 3) === 2 && ((insn >>> 22) & 3) === 3;
    const shf = ((insn >>> 23) & 3) === 2 && (insn & (1 << 22)) && (insn & (1 << 10));
    if (((insn >>> 24) & 0x1f) === 0x1e && (three || misc)) {
      const f = three ? threeSame(vec) : twoMisc(vec);
      const d = insn & 31;
      if (f) return (cpu) => { f(cpu); cpu.r.fill(0, VBASE + 4 * d + 2, VBASE + 4 * d + 4); };
    }
    if (((insn >>> 24) & 0x1f) === 0x1f && ((insn >>> 23) & 3) === 2 && (insn & (1 << 10)) && [0x1c, 0x1f].includes((insn >>> 11) & 31)) {
      return fpFixedVec(insn, true);
    }
    if ((insn & 0xdfe0fc00) === 0x5e000400) {
      // DUP (element, scalar) = MOV s/d/h/b, v.t[i]
      const imm5 = (insn >>> 16) & 31, rn = (insn >>> 5) & 31, d = insn & 31;
      const size = imm5 & 1 ? 0 : imm5 & 2 ? 1 : imm5 & 4 ? 2 : imm5 & 8 ? 3 : -1;
      if (size < 0) return undefined;
      const es = 1 << size;
      const idx = imm5 >> (size + 1);
      return (cpu) => {
        const l = lanes(cpu);
        const v = l.b.slice(l.off(rn) + idx * es, l.off(rn) + idx * es + es);
        l.b.fill(0, l.off(d), l.off(d) + 16);
        l.b.set(v, l.off(d));
      };
    }
    if (((insn >>> 24) & 0x1f) === 0x1f && shf) {
      const f = shiftImm(vec);
      const d = insn & 31;
      if (f) return (cpu) => { f(cpu); cpu.r.fill(0, VBASE + 4 * d + 2, VBASE + 4 * d + 4); };
    }
    return undefined;
  }
  if (insn & 0x80000000) return undefined;
  const b2824 = (insn >>> 24) & 0x1f;
  if (b2824 === 0x0e && (insn & (1 << 21)) && (insn & (1 << 10))) return threeSame(insn);
  if (b2824 === 0x0e && (insn & (1 << 21)) && ((insn >>> 10) & 3) === 0) return threeDiff(insn);
  if (b2824 === 0x0e && ((insn >>> 17) & 0x1f) === 0x10 && ((insn >>> 10) & 3) === 2) return twoMisc(insn);
  if (b2824 === 0x0e && ((insn >>> 17) & 0x1f) === 0x18 && ((insn >>> 10) & 3) === 2) return acrossLanes(insn);
  if (b2824 === 0x0f && (insn & (1 << 10)) && !(insn & (1 << 23))) {
    return ((insn >>> 19) & 15) === 0 ? modImm(insn) : shiftImm(insn);
  }
  if (b2824 === 0x0e && ((insn >>> 21) & 7) === 0 && (insn & (1 << 10)) && !(insn & (1 << 15))) return copy(insn);
  if (b2824 === 0x0e && !(insn & (1 << 29)) && !(insn & (1 << 21)) && !(insn & (1 << 15)) && ((insn >>> 10) & 3) === 2) return permute(insn);
  if (b2824 === 0x0e && !(insn & (1 << 29)) && ((insn >>> 21) & 7) === 0 && !(insn & (1 << 15)) && ((insn >>> 10) & 3) === 0) return tbl(insn);
  if (b2824 === 0x0e && (insn & (1 << 29)) && ((insn >>> 21) & 7) === 0 && !(insn & (1 << 15)) && !(insn & (1 << 10))) return ext(insn);
  return undefined;
}

export const simdHelpers: Record<string, Helper> = {
  a64_simd(cpu: A64Cpu, insn: number) {
    const cache = (cpu as A64Cpu & { simdOps?: Map<number, Op> });
    let m = cache.simdOps;
    if (!m) m = cache.simdOps = new Map();
    let f = m.get(insn);
    if (!f) {
      f = simdDecode(insn)!;
      m.set(insn, f);
    }
    f(cpu);
  },
};

