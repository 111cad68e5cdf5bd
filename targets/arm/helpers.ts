/**
 * Helpers the ARM frontend calls from generated code (besides `vfp`, helpers-vfp.ts):
 * traps, the shifter carry of register shifts, bit and byte
 * operations, DSP multiplies, saturation, parallel byte arithmetic and the exclusive monitor.
 */
import { Access, alignFault } from '../../src/core/exceptions.js';
import type { Helper } from '../../src/core/isa.js';
import type { ArmCpu } from './cpu.js';
import { vfpHelpers } from './helpers-vfp.js';
import { neonHelpers } from './helpers-neon.js';
import { dspHelpers } from './helpers-dsp.js';
import { f16Helpers } from './helpers-f16.js';


/** a load: code = size | 8 for signed | 16 when the address must be word-aligned */
function ld(cpu: ArmCpu, addr: number, code: number): number {
  const m = cpu.mem;
  addr >>>= 0;
  if (code & 16 && addr & 3) throw alignFault(addr, Access.Read);
  switch (code & 7) {
    case 1: return code & 8 ? (m.read8(addr) << 24) >> 24 : m.read8(addr);
    case 2: return code & 8 ? (m.read16(addr) << 16) >> 16 : m.read16(addr);
    default: return m.read32(addr) | 0;
  }
}
/** a store: size | 16 when the address must be word-aligned (both pages checked, code invalidated) */
function st(cpu: ArmCpu, addr: number, v: number, size: number): void {
  const m = cpu.mem;
  addr >>>= 0;
  if (size & 16 && addr & 3) throw alignFault(addr, Access.Write);
  switch (size & 7) {
    case 1: m.write8(addr, v & 0xff); break;
    case 2: m.write16(addr, v & 0xffff); break;
    default: m.write32(addr, v);
  }
}

function aligned(addr: number, size: number, write: boolean): number {
  addr >>>= 0;
  if (addr & (size - 1)) throw alignFault(addr, write ? Access.Write : Access.Read);
  return addr;
}

const sat = (v: number, lo: number, hi: number, cpu: ArmCpu) => {
  if (v < lo) { cpu.qTmp = 1; return lo; }
  if (v > hi) { cpu.qTmp = 1; return hi; }
  return v;
};
const half = (v: number, top: number) => (top ? v >> 16 : (v << 16) >> 16);

export const armHelpers: Record<string, Helper> = {
  /** carry out of a register-specified shift (amt = Rs[7:0]); c = the old C flag */
  arm_shc(_cpu: ArmCpu, v: number, type: number, amt: number, c: number) {
    if (amt === 0) return c;
    switch (type) {
      case 0: return amt < 32 ? (v >>> (32 - amt)) & 1 : amt === 32 ? v & 1 : 0;
      case 1: return amt < 32 ? (v >>> (amt - 1)) & 1 : amt === 32 ? (v >>> 31) & 1 : 0;
      case 2: return amt < 32 ? (v >>> (amt - 1)) & 1 : (v >>> 31) & 1;
      default: {
        const r = amt & 31;
        return r === 0 ? (v >>> 31) & 1 : (v >>> (r - 1)) & 1;
      }
    }
  },
  arm_rbit(_cpu: ArmCpu, v: number) {
    let r = 0;
    for (let i = 0; i < 32; i++) r |= ((v >>> i) & 1) << (31 - i);
    return r | 0;
  },
  arm_uxtb16: (_cpu: ArmCpu, v: number, n: number) =>
    ((((n & 0xffff) + (v & 0xff)) & 0xffff) | ((((n >>> 16) + ((v >>> 16) & 0xff)) & 0xffff) << 16)) | 0,
  arm_sxtb16: (_cpu: ArmCpu, v: number, n: number) =>
    ((((n & 0xffff) + ((v << 24) >> 24)) & 0xffff) | ((((n >>> 16) + ((v << 8) >> 24)) & 0xffff) << 16)) | 0,
  /** SMULxy / SMLAxy: flags = x | y << 1 | 4 (no accumulate) */
  arm_smul: (_cpu: ArmCpu, n: number, m: number, _a: number, f: number) => Math.imul(half(n, f & 1), half(m, f & 2)),
  arm_smla(cpu: ArmCpu, n: number, m: number, a: number, f: number) {
    const r = Math.imul(half(n, f & 1), half(m, f & 2)) + a;
    cpu.qTmp = r > 0x7fffffff || r < -0x80000000 ? 1 : 0;
    return r | 0;
  },
  arm_smulw: (_cpu: ArmCpu, n: number, m: number, _a: number, f: number) => Math.floor((n * half(m, f & 2)) / 65536) | 0,
  arm_smlaw(cpu: ArmCpu, n: number, m: number, a: number, f: number) {
    const r = Math.floor((n * half(m, f & 2)) / 65536) + a;
    cpu.qTmp = r > 0x7fffffff || r < -0x80000000 ? 1 : 0;
    return r | 0;
  },
  /** SMMUL/SMMLA (f & 1: rounded; f & 4: no accumulator) */
  arm_smmla(_cpu: ArmCpu, n: number, m: number, a: number, f: number) {
    let p = BigInt(n) * BigInt(m);
    if (!(f & 4)) p += BigInt(a) << 32n;
    if (f & 1) p += 0x80000000n;
    return Number(BigInt.asIntN(32, p >> 32n));
  },
  arm_smmls(_cpu: ArmCpu, n: number, m: number, a: number, f: number) {
    let p = (BigInt(a) << 32n) - BigInt(n) * BigInt(m);
    if (f & 1) p += 0x80000000n;
    return Number(BigInt.asIntN(32, p >> 32n));
  },
  arm_smlad: (cpu: ArmCpu, n: number, m: number, a: number) => dual(cpu, n, m, a, false, false),
  arm_smladx: (cpu: ArmCpu, n: number, m: number, a: number) => dual(cpu, n, m, a, true, false),
  arm_smlsd: (cpu: ArmCpu, n: number, m: number, a: number) => dual(cpu, n, m, a, false, true),
  arm_smlsdx: (cpu: ArmCpu, n: number, m: number, a: number) => dual(cpu, n, m, a, true, true),
  arm_qflag(cpu: ArmCpu) {
    const q = cpu.qTmp;
    cpu.qTmp = 0;
    return q;
  },
  arm_ssat: (cpu: ArmCpu, v: number, bits: number) => sat(v, -(2 ** (bits - 1)), 2 ** (bits - 1) - 1, cpu),
  arm_usat: (cpu: ArmCpu, v: number, bits: number) => sat(v, 0, 2 ** bits - 1, cpu),
  arm_uadd8(cpu: ArmCpu, n: number, m: number) {
    let r = 0, ge = 0;
    for (let i = 0; i < 4; i++) {
      const s = ((n >>> (8 * i)) & 0xff) + ((m >>> (8 * i)) & 0xff);
      if (s > 0xff) ge |= 1 << i;
      r |= (s & 0xff) << (8 * i);
    }
    cpu.geTmp = ge;
    return r | 0;
  },
  arm_usub8(cpu: ArmCpu, n: number, m: number) {
    let r = 0, ge = 0;
    for (let i = 0; i < 4; i++) {
      const s = ((n >>> (8 * i)) & 0xff) - ((m >>> (8 * i)) & 0xff);
      if (s >= 0) ge |= 1 << i;
      r |= (s & 0xff) << (8 * i);
    }
    cpu.geTmp = ge;
    return r | 0;
  },
  /**
   * Parallel add/subtract: code = op | kind << 3 with op 0 ADD8, 1 ADD16, 2 ASX, 4 SUB8,
   * 5 SUB16, 6 SAX and kind 0 signed (sets GE), 1 signed saturating, 2 signed halving,
   * 4 unsigned (sets GE), 5 unsigned saturating, 6 unsigned halving.
   */
  arm_par(cpu: ArmCpu, n: number, m: number, code: number) {
    const op = code & 7, kind = code >> 3;
    const unsigned = kind >= 4;
    const k = kind & 3;
    const bytes = op === 0 || op === 4;
    const lanes = bytes ? 4 : 2, w = bytes ? 8 : 16, mask = bytes ? 0xff : 0xffff;
    const lane = (v: number, i: number) => {
      const x = (v >>> (w * i)) & mask;
      return unsigned ? x : (x << (32 - w)) >> (32 - w);
    };
    let r = 0, ge = 0;
    for (let i = 0; i < lanes; i++) {
      let x: number;
      const a = lane(n, i);
      switch (op) {
        case 0: case 1: x = a + lane(m, i); break;
        case 4: case 5: x = a - lane(m, i); break;
        case 2: x = i === 0 ? a - lane(m, 1) : a + lane(m, 0); break; // ASX
        default: x = i === 0 ? a + lane(m, 1) : a - lane(m, 0); break; // SAX
      }
      if (k === 0) {
        if (unsigned ? x > mask || (x >= 0 && (op === 4 || op === 5 || (op === 2 && i === 0) || (op === 6 && i === 1))) : x >= 0) {
          ge |= (bytes ? 1 : 3) << (bytes ? i : 2 * i);
        }
      }
      if (k === 1) {
        const lo = unsigned ? 0 : -(1 << (w - 1)), hi = unsigned ? mask : (1 << (w - 1)) - 1;
        x = x < lo ? lo : x > hi ? hi : x;
      } else if (k === 2) x >>= 1;
      r |= (x & mask) << (w * i);
    }
    if (k === 0) {
      if (unsigned) {
        // unsigned: GE = carry for additions, no borrow for subtractions
        ge = 0;
        for (let i = 0; i < lanes; i++) {
          const a = (n >>> (w * i)) & mask;
          let x: number;
          let add: boolean;
          if (op === 0 || op === 1) { x = a + ((m >>> (w * i)) & mask); add = true; }
          else if (op === 4 || op === 5) { x = a - ((m >>> (w * i)) & mask); add = false; }
          else if (op === 2) { add = i === 1; x = add ? a + (m & mask) : a - ((m >>> w) & mask); }
          else { add = i === 0; x = add ? a + ((m >>> w) & mask) : a - (m & mask); }
          if (add ? x > mask : x >= 0) ge |= (bytes ? 1 : 3) << (bytes ? i : 2 * i);
        }
      }
      cpu.geTmp = ge;
    }
    return r | 0;
  },
  arm_ge: (cpu: ArmCpu) => cpu.geTmp,
  arm_sel(_cpu: ArmCpu, n: number, m: number, ge: number) {
    let r = 0;
    for (let i = 0; i < 4; i++) r |= ((ge >> i) & 1 ? n : m) & (0xff << (8 * i));
    return r | 0;
  },
  /** LDREX{B,H}: size 1, 2 or 4 */
  arm_ldrex(cpu: ArmCpu, addr: number, size: number) {
    addr = aligned(addr, size, false);
    const v = ld(cpu, addr, size);
    cpu.exAddr = addr;
    cpu.exSize = size;
    cpu.exLo = v;
    return v;
  },
  arm_ldrexd(cpu: ArmCpu, addr: number) {
    addr = aligned(addr, 8, false);
    const lo = ld(cpu, addr, 4), hi = ld(cpu, addr + 4, 4);
    cpu.exAddr = addr;
    cpu.exSize = 8;
    cpu.exLo = lo;
    cpu.exHi = hi;
    cpu.rhi = hi;
    return lo;
  },
  /** STREX{B,H}: 0 on success, 1 when the monitor was lost (memory changed or no LDREX) */
  arm_strex(cpu: ArmCpu, cond: number, addr: number, v: number, size: number) {
    if (!cond) return 0;
    addr = aligned(addr, size, true);
    cpu.mem.probe(addr, size, Access.Write);
    cpu.mem.probe(addr, size, Access.Read);
    const ok = cpu.exAddr === addr && cpu.exSize === size && ld(cpu, addr, size) === cpu.exLo;
    cpu.exAddr = -1;
    if (!ok) return 1;
    st(cpu, addr, v, size);
    return 0;
  },
  arm_strexd(cpu: ArmCpu, cond: number, addr: number, lo: number, hi: number) {
    if (!cond) return 0;
    addr = aligned(addr, 8, true);
    cpu.mem.probe(addr, 8, Access.Write);
    cpu.mem.probe(addr, 8, Access.Read);
    const ok = cpu.exAddr === addr && cpu.exSize === 8 && ld(cpu, addr, 4) === cpu.exLo && ld(cpu, addr + 4, 4) === cpu.exHi;
    cpu.exAddr = -1;
    if (!ok) return 1;
    st(cpu, addr, lo, 4);
    st(cpu, addr + 4, hi, 4);
    return 0;
  },
  arm_clrex(cpu: ArmCpu) {
    cpu.exAddr = -1;
  },
  ...vfpHelpers,
  ...neonHelpers,
  ...dspHelpers,
  ...f16Helpers,
};

function dual(cpu: ArmCpu, n: number, m: number, a: number, swap: boolean, sub: boolean): number {
  const m1 = swap ? m >> 16 : (m << 16) >> 16;
  const m2 = swap ? (m << 16) >> 16 : m >> 16;
  const p1 = ((n << 16) >> 16) * m1;
  const p2 = (n >> 16) * m2;
  const r = (sub ? p1 - p2 : p1 + p2) + a;
  cpu.qTmp = r > 0x7fffffff || r < -0x80000000 ? 1 : 0;
  return r | 0;
}
