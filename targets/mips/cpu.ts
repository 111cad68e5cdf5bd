import { Cpu } from '../../src/core/cpu.js';
import type { GuestMemory } from '../../src/core/memory/model.js';
import { SoftFloat } from '../../src/core/softfloat/context.js';

/**
 * Register numbering shared by the MIPS frontend, helpers and ABIs. Every register has a
 * 64-bit slot (an int32 pair at index 2n) so one layout serves MIPS32 (i32 registers: the
 * low word) and MIPS64 (i64 registers):
 *   $0..$31   IR regs 0..31 (cached)
 *   HI, LO    IR regs 32, 33 (cached)
 *   ULR       IR reg 34: UserLocal, the TLS pointer rdhwr $29 reads (set_thread_area)
 *   FCSR      IR reg 35 (i32, uncached: FP helpers update it)
 *   $f0..$f31 IR regs 36..67 (i64, uncached). With FR=0 a single is the low word of its
 *             register and a double $f2n joins the low words of $f2n (low) and $f2n+1 (high),
 *             as qemu keeps them; with FR=1 every register holds a double.
 */
export const R_ZERO = 0;
export const R_V0 = 2;
export const R_V1 = 3;
export const R_A0 = 4;
export const R_A3 = 7;
export const R_T9 = 25;
export const R_GP = 28;
export const R_SP = 29;
export const R_FP = 30;
export const R_RA = 31;
export const HI = 32;
export const LO = 33;
export const ULR = 34;
export const FCSR = 35;
export const F0 = 36;
export const NREGS = F0 + 32;

export class MipsCpu extends Cpu {
  /** LL/SC reservation: address or -1, and the value LL read (lo, hi words) */
  llAddr = -1;
  llLo = 0;
  llHi = 0;
  /** Status.FR: 64-bit FP registers (FR=1) or even/odd pairs (FR=0), from the ELF's FP ABI */
  fr = 0;
  /** softfloat context: scratch, flags and NaN conventions for the FPU helpers */
  readonly sf = new SoftFloat();
  override clearExclusive(): void {
    this.llAddr = -1;
  }
  constructor(mem: GuestMemory) {
    // the core's Cpu is typed with the flat model; every model answers the same accessors
    super(mem as ConstructorParameters<typeof Cpu>[0], NREGS * 2);
  }
}
