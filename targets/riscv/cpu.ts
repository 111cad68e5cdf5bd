import { Cpu } from '../../src/core/cpu.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { SoftFloat } from '../../src/core/softfloat/context.js';

/** Register numbering shared by the RISC-V frontend, FPU helpers and ABI. */
export const X0 = 0; // x0..x31 are regs 0..31, int32 index 2*n
export const F0 = 32; // f0..f31 are regs 32..63, int32 index 2*n (f64 index n)
export const NREGS = 64;

export class RiscvCpu extends Cpu {
  /** fcsr fields */
  frm = 0;
  fflags = 0;
  /** LR/SC reservation: address or -1 */
  resAddr = -1;
  resSize = 0;
  resLo = 0;
  resHi = 0;
  /** softfloat context: scratch, flags and NaN conventions for the FPU helpers */
  readonly sf = new SoftFloat();
  override clearExclusive(): void {
    this.resAddr = -1;
  }
  constructor(mem: Memory) {
    super(mem, NREGS * 2);
  }
}
