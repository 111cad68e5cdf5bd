/**
 * Helpers the A64 frontend calls (besides the FP and SIMD helpers): traps, system
 * registers, the exclusive monitor, DC ZVA, RBIT and REV16 (64-bit); the other bit
 * instructions are IR ops (clz, bswap, rotl).
 *
 * System registers read as qemu-user answers them: CTR_EL0 64-byte lines, DCZID_EL0 = 4
 * (DC ZVA zeroes 64 bytes), CNTFRQ_EL0 62.5 MHz with CNTVCT_EL0 counting from the host
 * clock, MIDR_EL1 = 0 (no CPUID hwcap is advertised), other ID registers 0.
 */
import { Access, alignFault, illegalInsn } from '../../src/core/exceptions.js';
import type { Helper } from '../../src/core/isa.js';
import type { A64Cpu } from './cpu.js';
import { sysreg } from './trans-sys.js';

const FPCR = sysreg(3, 4, 4, 0);
const FPSR = sysreg(3, 4, 4, 1);
const CNTFRQ = sysreg(3, 14, 0, 0);
const CNTVCT = sysreg(3, 14, 0, 2);
const CTR = sysreg(3, 0, 0, 1);
const DCZID = sysreg(3, 0, 0, 7);
const TPIDRRO = sysreg(3, 13, 0, 3);
const FREQ = 62500000;
export const ZVA_BYTES = 64;

function ret64(cpu: A64Cpu, v: bigint): number {
  cpu.rhi = Number(BigInt.asIntN(32, v >> 32n));
  return Number(BigInt.asIntN(32, v));
}

const rev8 = (x: number) => ((x >>> 24) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | (x << 24)) | 0;
const rev16 = (x: number) => (((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8)) | 0;
function rbit32(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  return rev8(x);
}

export const a64Helpers: Record<string, Helper> = {
  a64_mrs(cpu: A64Cpu, reg: number) {
    switch (reg) {
      case FPCR: return ret64(cpu, BigInt(cpu.fpcr >>> 0));
      case FPSR: return ret64(cpu, BigInt(cpu.fpsr >>> 0));
      case CNTFRQ: return ret64(cpu, BigInt(FREQ));
      case CNTVCT: return ret64(cpu, process.hrtime.bigint() / 16n);
      case CTR: return ret64(cpu, 0x8444c004n);
      case DCZID: return ret64(cpu, 4n);
      case TPIDRRO: return ret64(cpu, 0n);
      default:
        // MIDR_EL1 and the other ID registers (op1 0, CRn 0) read as 0; others are undefined
        if (((reg >> 7) & 0xf) === 0 && ((reg >> 11) & 7) === 0) return ret64(cpu, 0n);
        throw illegalInsn();
    }
  },
  a64_msr(cpu: A64Cpu, reg: number, lo: number) {
    if (reg === FPCR) cpu.fpcr = lo & 0x07ff9f00;
    else if (reg === FPSR) cpu.fpsr = lo & 0xf800009f;
    else throw illegalInsn();
  },
  a64_dczva(cpu: A64Cpu, addr: number) {
    const a = (addr >>> 0) & ~(ZVA_BYTES - 1);
    cpu.mem.writeBytes(a >>> 0, new Uint8Array(ZVA_BYTES));
  },
  a64_clrex(cpu: A64Cpu) {
    cpu.exAddr = -1;
  },
  /** LDXR/LDXP: remember the address and what memory held (checked by the store) */
  a64_monitor(cpu: A64Cpu, addr: number, bytes: number) {
    addr >>>= 0;
    if (addr & (bytes - 1)) throw alignFault(addr, Access.Read);
    const m = cpu.mem;
    m.probe(addr, bytes, Access.Read);
    cpu.exAddr = addr;
    cpu.exSize = bytes;
    cpu.exLo = bytes >= 4 ? m.read32(addr) | 0 : bytes === 2 ? m.read16(addr) : m.read8(addr);
    cpu.exHi = bytes >= 8 ? m.read32(addr + 4) | 0 : 0;
    cpu.exLo2 = bytes >= 16 ? m.read32(addr + 8) | 0 : 0;
    cpu.exHi2 = bytes >= 16 ? m.read32(addr + 12) | 0 : 0;
  },
  a64_stxr(cpu: A64Cpu, addr: number, bytes: number, lo: number, hi: number) {
    return storeExcl(cpu, addr >>> 0, bytes, bytes, [lo, hi]);
  },
  a64_stxp(cpu: A64Cpu, addr: number, bytes: number, lo1: number, hi1: number, lo2: number, hi2: number) {
    return storeExcl(cpu, addr >>> 0, bytes * 2, bytes, [lo1, hi1, lo2, hi2]);
  },
  a64_rbit32: (_c: A64Cpu, x: number) => rbit32(x),
  a64_rbit64(cpu: A64Cpu, lo: number, hi: number) { cpu.rhi = rbit32(lo); return rbit32(hi); },
  a64_rev1664(cpu: A64Cpu, lo: number, hi: number) { cpu.rhi = rev16(hi); return rev16(lo); },
};

function storeExcl(cpu: A64Cpu, addr: number, total: number, each: number, words: number[]): number {
  const m = cpu.mem;
  if (addr & (total - 1)) throw alignFault(addr, Access.Write);
  m.probe(addr, total, Access.Write);
  m.probe(addr, total, Access.Read);
  const ok = cpu.exAddr === addr && cpu.exSize === total && sameAsMonitor(cpu, addr, total);
  cpu.exAddr = -1;
  if (!ok) return 1;
  // aligned to the whole size: one page, checked above; the accessors invalidate translated code
  for (let i = 0; i < total / each; i++) {
    const a = addr + i * each;
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    if (each === 8) m.write64w(a >>> 0, lo, hi);
    else if (each === 4) m.write32(a, lo);
    else if (each === 2) m.write16(a, lo & 0xffff);
    else m.write8(a, lo & 0xff);
  }
  return 0;
}

function sameAsMonitor(cpu: A64Cpu, addr: number, bytes: number): boolean {
  const m = cpu.mem;
  const lo = bytes >= 4 ? m.read32(addr) | 0 : bytes === 2 ? m.read16(addr) : m.read8(addr);
  if (lo !== cpu.exLo) return false;
  if (bytes >= 8 && (m.read32(addr + 4) | 0) !== cpu.exHi) return false;
  if (bytes >= 16 && ((m.read32(addr + 8) | 0) !== cpu.exLo2 || (m.read32(addr + 12) | 0) !== cpu.exHi2)) return false;
  return true;
}
