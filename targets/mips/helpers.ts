/**
 * MIPS helpers called from generated code (prefix mips_): conditional traps, LL/SC and the
 * rdhwr cycle counter.
 *
 * LL/SC: the reservation is the address and the value LL read; SC succeeds (1) only when the
 * reservation matches and memory still holds that value, and every SC clears it. A failing
 * SC touches no memory. Misaligned addresses are address errors (SIGBUS).
 */
import { Access, alignFault, GuestFault, type Excp } from '../../src/core/exceptions.js';
import type { Helper } from '../../src/core/isa.js';
import type { MipsCpu } from './cpu.js';

function checked(cpu: MipsCpu, addr: number, size: number, write: boolean): number {
  addr >>>= 0;
  if (addr & (size - 1)) throw alignFault(addr, write ? Access.Write : Access.Read);
  cpu.mem.probe(addr, size, Access.Read);
  if (write) cpu.mem.probe(addr, size, Access.Write);
  return addr;
}

export const mipsHelpers: Record<string, Helper> = {
  /** raise exception `kind` (Excp) with `code` when cond is non-zero */
  mips_trap(_cpu: MipsCpu, cond: number, kind: number, code: number): void {
    if (cond) throw new GuestFault(kind as Excp, -1, Access.Fetch, -1, code);
  },
  /** rdhwr $2 (CC): qemu-user's count register, which nothing advances in user mode */
  mips_rdhwr_cc(): number {
    return 0;
  },
  mips_ll(cpu: MipsCpu, addr: number): number {
    const a = checked(cpu, addr, 4, false);
    const v = cpu.mem.read32(a) | 0;
    cpu.llAddr = a;
    cpu.llLo = v;
    return v;
  },
  mips_sc(cpu: MipsCpu, addr: number, v: number): number {
    const a = checked(cpu, addr, 4, true);
    const ok = cpu.llAddr === a && (cpu.mem.read32(a) | 0) === cpu.llLo;
    cpu.llAddr = -1;
    if (!ok) return 0;
    cpu.mem.write32(a, v);
    return 1;
  },
  mips_lld(cpu: MipsCpu, addr: number): number {
    const a = checked(cpu, addr, 8, false);
    const lo = cpu.mem.read64w(a, cpu);
    cpu.llAddr = a;
    cpu.llLo = lo;
    cpu.llHi = cpu.rhi;
    return lo;
  },
  mips_scd(cpu: MipsCpu, addr: number, lo: number, hi: number): number {
    const a = checked(cpu, addr, 8, true);
    let ok = cpu.llAddr === a;
    if (ok) {
      const ml = cpu.mem.read64w(a, cpu);
      ok = ml === cpu.llLo && cpu.rhi === cpu.llHi;
    }
    cpu.llAddr = -1;
    if (!ok) return 0;
    cpu.mem.write64w(a, lo, hi);
    return 1;
  },
};
