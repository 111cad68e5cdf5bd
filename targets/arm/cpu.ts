import { Cpu } from '../../src/core/cpu.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { SoftFloat } from '../../src/core/softfloat/context.js';

/**
 * Register numbering shared by the ARM frontend, helpers and ABI. Every integer register is
 * one int32 in cpu.r (IR reg n = cpu.r[n] for n < 24):
 *   r0..r15   IR regs 0..15 (cached; r15 is never read or written by generated code: the
 *             frontend turns pc reads into constants and pc writes into branches)
 *   N Z C V Q IR regs 16..20, each 0 or 1 (cached); GE (4 bits) IR reg 21 (cached)
 *   TPIDRURO  IR reg 22 (uncached), FPSCR IR reg 23 (uncached: FP helpers update it)
 *   D0..D31   IR regs 24..55 (i64, uncached) at int32 index 24 + 2k (f64 view index 12 + k);
 *             Q0..Q15 are the pairs D2n, D2n+1, S0..S31 the halves of D0..D15.
 * The Thumb state is bit 0 of cpu.pc (as the interworking branches give it), so the
 * translation cache keeps ARM and Thumb code apart without knowing either.
 */
export const R_SP = 13;
export const R_LR = 14;
export const R_PC = 15;
export const NF = 16;
export const ZF = 17;
export const CF = 18;
export const VF = 19;
export const QF = 20;
export const GE = 21;
export const TPIDRURO = 22;
export const FPSCR = 23;
/** IR register of D0 */
export const D0 = 24;
/** int32 index of D0 in cpu.r */
export const D0_INDEX = 24;
export const NINT32 = D0_INDEX + 64;

export class ArmCpu extends Cpu {
  /** exclusive monitor: address or -1, access size and the value LDREX read */
  exAddr = -1;
  exSize = 0;
  exLo = 0;
  exHi = 0;
  /** Q and GE results of the last saturating / parallel helper (read by arm_qflag, arm_ge) */
  qTmp = 0;
  geTmp = 0;
  /** softfloat context for the VFP helpers */
  readonly sf = new SoftFloat();
  override clearExclusive(): void {
    this.exAddr = -1;
  }
  constructor(mem: Memory) {
    super(mem, NINT32);
  }
  /** the CPSR as user code sees it (N Z C V Q, GE, T) */
  get cpsr(): number {
    const r = this.r;
    return ((r[NF] << 31) | (r[ZF] << 30) | (r[CF] << 29) | (r[VF] << 28) | (r[QF] << 27) |
      ((r[GE] & 15) << 16) | ((this.pc & 1) << 5) | 0x10) >>> 0;
  }
  setFlagsFrom(cpsr: number): void {
    const r = this.r;
    r[NF] = (cpsr >>> 31) & 1;
    r[ZF] = (cpsr >>> 30) & 1;
    r[CF] = (cpsr >>> 29) & 1;
    r[VF] = (cpsr >>> 28) & 1;
    r[QF] = (cpsr >>> 27) & 1;
    r[GE] = (cpsr >>> 16) & 15;
  }
}
