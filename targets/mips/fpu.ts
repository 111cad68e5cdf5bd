/**
 * FPU control registers (cfc1/ctc1): FIR (0), the FCSR (31) and its views FCCR (25: the
 * condition codes), FEXR (26: cause and flags) and FENR (28: enables, FS, rounding mode).
 */
import { illegalInsn } from '../../src/core/exceptions.js';
import type { Helper } from '../../src/core/isa.js';
import { FCSR, type MipsCpu } from './cpu.js';

/** FIR as qemu-mipsel reports it (its default 24Kf CPU): F64, L, W, D, S; processor id 0x93 */
export const FIR_24KF = 0x00739300;
/** FCSR bits software may write (the cause, enable, flag, FS, condition and RM fields) */
const FCSR_WRITABLE = 0xff83ffff;

export const fpuHelpers: Record<string, Helper> = {
  mips_cfc1(cpu: MipsCpu, reg: number): number {
    const f = cpu.r[FCSR * 2];
    switch (reg) {
      case 0: return FIR_24KF;
      case 25: return ((f >>> 24) & 0xfe) | ((f >>> 23) & 1);
      case 26: return f & 0x0003f07c;
      case 28: return (f & 0x00000f83) | ((f >>> 22) & 4);
      case 31: return f;
      default: throw illegalInsn();
    }
  },
  mips_ctc1(cpu: MipsCpu, reg: number, v: number): void {
    const i = FCSR * 2;
    const f = cpu.r[i];
    switch (reg) {
      case 25: cpu.r[i] = (f & ~0xfe800000) | ((v & 0xfe) << 24) | ((v & 1) << 23); break;
      case 26: cpu.r[i] = (f & ~0x0003f07c) | (v & 0x0003f07c); break;
      case 28: cpu.r[i] = (f & ~0x01000f83) | (v & 0xf83) | ((v & 4) << 22); break;
      case 31: cpu.r[i] = v & FCSR_WRITABLE; break;
      default: throw illegalInsn();
    }
  },
};
