/**
 * DSP helpers of the ARM frontend beside helpers.ts: saturating add/subtract (QADD & co.),
 * halfword saturation (SSAT16/USAT16) and the sum of absolute byte differences (USAD8).
 * Saturation leaves its Q contribution in cpu.qTmp, read back by arm_qflag.
 */
import type { Helper } from '../../src/core/isa.js';
import type { ArmCpu } from './cpu.js';

const MIN = -0x80000000;
const MAX = 0x7fffffff;

function sat32(cpu: ArmCpu, v: number): number {
  if (v > MAX) { cpu.qTmp = 1; return MAX; }
  if (v < MIN) { cpu.qTmp = 1; return MIN; }
  return v;
}

function satRange(cpu: ArmCpu, v: number, lo: number, hi: number): number {
  if (v < lo) { cpu.qTmp = 1; return lo; }
  if (v > hi) { cpu.qTmp = 1; return hi; }
  return v;
}

export const dspHelpers: Record<string, Helper> = {
  /** op 0 QADD (m + n), 1 QSUB (m - n), 2 QDADD (m + sat(2n)), 3 QDSUB (m - sat(2n)) */
  arm_qaddsub(cpu: ArmCpu, m: number, n: number, op: number) {
    cpu.qTmp = 0;
    const x = op & 2 ? sat32(cpu, 2 * n) : n;
    return sat32(cpu, op & 1 ? m - x : m + x) | 0;
  },
  arm_usad8(_cpu: ArmCpu, n: number, m: number) {
    let s = 0;
    for (let i = 0; i < 32; i += 8) s += Math.abs(((n >>> i) & 0xff) - ((m >>> i) & 0xff));
    return s;
  },
  arm_ssat16(cpu: ArmCpu, v: number, bits: number) {
    cpu.qTmp = 0;
    const lo = -(2 ** (bits - 1)), hi = 2 ** (bits - 1) - 1;
    const a = satRange(cpu, (v << 16) >> 16, lo, hi), b = satRange(cpu, v >> 16, lo, hi);
    return ((a & 0xffff) | (b << 16)) | 0;
  },
  arm_usat16(cpu: ArmCpu, v: number, bits: number) {
    cpu.qTmp = 0;
    const hi = 2 ** bits - 1;
    const a = satRange(cpu, (v << 16) >> 16, 0, hi), b = satRange(cpu, v >> 16, 0, hi);
    return (a | (b << 16)) | 0;
  },
};
