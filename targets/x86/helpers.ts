/**
 * Integer helpers: EFLAGS from the lazy-flag registers, division (#DE on a zero divisor or a
 * quotient that does not fit), cpuid, rdtsc, segment registers.
 */
import { Excp, GuestFault, Access } from '../../src/core/exceptions.js';
import type { X86Cpu } from './cpu.js';
import { computeEflags } from './flags.js';
import { cpuidLeaf } from './cpuid.js';

const big = (lo: number, hi: number) => (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);

function divideError(): GuestFault {
  return new GuestFault(Excp.Arith, -1, Access.Read);
}

export const x86Helpers = {
  x86_eflags(_cpu: X86Cpu, op: number, dl: number, dh: number, sl: number, sh: number, s2l: number, s2h: number): number {
    return computeEflags(op, big(dl, dh), big(sl, sh), big(s2l, s2h));
  },
  /** quotient of hi:lo / d at operand size (kind = size * 2 + signed) */
  x86_div(cpu: X86Cpu, kind: number, hl: number, hh: number, ll: number, lh: number, dl: number, dh: number): number {
    const size = kind >> 1, signed = (kind & 1) !== 0, bits = BigInt(size * 8);
    const mask = (1n << bits) - 1n;
    let n = size === 8 ? (BigInt.asUintN(64, big(hl, hh)) << 64n) | BigInt.asUintN(64, big(ll, lh))
      : (BigInt.asUintN(64, big(hl, hh)) << bits) | (BigInt.asUintN(64, big(ll, lh)) & mask);
    if (size === 1) n = BigInt.asUintN(64, big(ll, lh)) & 0xffffn;
    let d = BigInt.asUintN(64, big(dl, dh)) & mask;
    if (d === 0n) throw divideError();
    let q: bigint;
    if (signed) {
      const nb = size === 1 ? 16n : 2n * bits;
      n = BigInt.asIntN(Number(nb), n);
      d = BigInt.asIntN(Number(bits), d);
      q = n / d;
      if (q >= 1n << (bits - 1n) || q < -(1n << (bits - 1n))) throw divideError();
    } else {
      q = n / d;
      if (q > mask) throw divideError();
    }
    const v = BigInt.asUintN(64, q & mask);
    cpu.rhi = Number(v >> 32n) | 0;
    return Number(v & 0xffffffffn) | 0;
  },
  x86_cpuid(cpu: X86Cpu, leaf: number, sub: number, which: number): number {
    return cpuidLeaf(cpu.bits, leaf >>> 0, sub >>> 0)[which] | 0;
  },
  x86_rdtsc(cpu: X86Cpu): number {
    const t = process.hrtime.bigint() * 3n;
    cpu.rhi = Number(BigInt.asUintN(32, t >> 32n)) | 0;
    return Number(BigInt.asUintN(32, t)) | 0;
  },
  /** a segment register's selector (user code: the flat selectors Linux uses, or %fs/%gs as set) */
  x86_get_seg(cpu: X86Cpu, seg: number): number {
    const x64 = cpu.bits === 64;
    switch (seg) {
      case 1: return x64 ? 0x33 : 0x73;
      case 0: case 2: case 3: return x64 ? 0 : 0x7b;
      case 4: return cpu.fs;
      default: return cpu.gs;
    }
  },
  x86_set_seg(cpu: X86Cpu, seg: number, v: number): void {
    if (seg === 4) cpu.fs = v & 0xffff;
    else if (seg === 5) cpu.gs = v & 0xffff;
  },
  /** the base of the TLS descriptor a selector names (GDT entries 12-14), else 0 */
  x86_seg_base(cpu: X86Cpu, sel: number): number {
    const e = (sel >> 3) - 12;
    const base = e >= 0 && e < 3 && (sel & 4) === 0 ? cpu.tlsBase[e] : 0;
    cpu.rhi = 0;
    return base | 0;
  },
  /** popf: the bits besides the arithmetic flags and DF (ignored for a user program) */
  x86_set_eflags_sys(_cpu: X86Cpu, _v: number): void {},
};
