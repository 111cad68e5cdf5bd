import { Cpu } from '../../src/core/cpu.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { INTNAN_ZERO, NAN_PROPAGATE, SoftFloat } from '../../src/core/softfloat/context.js';

/**
 * AArch64 register numbering (IR register numbers; int32 indices into cpu.r in brackets):
 *   0..30  x0..x30  i64 cached  [2n]
 *   31     sp       i64 cached  [62]
 *   32..35 N Z C V  i32 cached (0/1 values) [64..67]
 *   36+2k  Vk bits 0..63   i64 uncached [68+4k]    (the D view; f64 index 34+2k)
 *   37+2k  Vk bits 64..127 i64 uncached [70+4k]
 *   100+4k+j  Vk 32-bit word j, i32 uncached [68+4k+j]
 *   228    TPIDR_EL0 i64 uncached [196]
 * The D, Q-half and word views overlap; none is cached, so they stay coherent.
 */
export const SP = 31;
export const NF = 32;
export const ZF = 33;
export const CF = 34;
export const VF = 35;
export const VD0 = 36;
export const VW0 = 100;
export const TPIDR = 228;
export const NREGS = 229;
/** int32 index of V0 word 0 in cpu.r */
export const VBASE = 68;
export const TPIDR_INDEX = 196;
const NINT32 = 198;

export class A64Cpu extends Cpu {
  fpcr = 0;
  /** FPSR cumulative flags (ARM bit layout: IOC=1 DZC=2 OFC=4 UFC=8 IXC=16, QC=1<<27) */
  fpsr = 0;
  /** exclusive monitor: address or -1, size, and the value(s) read */
  exAddr = -1;
  exSize = 0;
  exLo = 0;
  exHi = 0;
  exLo2 = 0;
  exHi2 = 0;
  readonly sf = new SoftFloat();
  override clearExclusive(): void {
    this.exAddr = -1;
  }
  constructor(mem: Memory) {
    super(mem, NINT32);
    this.sf.nanMode = NAN_PROPAGATE;
    this.sf.intNaN = INTNAN_ZERO;
  }
}
