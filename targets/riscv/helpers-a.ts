/**
 * A extension helpers: LR/SC and AMOs on guest memory, called from generated code.
 *
 * Signatures (see trans-a.ts; every name has the prefix rv_): lr_w(addr) -> i32, lr_d(addr) -> i64,
 * sc_w(addr, v:i32) -> 0|1, sc_d(addr, vlo, vhi) -> 0|1, amo*_w(addr, v:i32) -> old i32,
 * amo*_d(addr, vlo, vhi) -> old i64 (lo returned, hi in cpu.rhi).
 *
 * Misaligned addresses raise SIGBUS/BUS_ADRALN like Linux. The reservation is the address,
 * size and the value LR read; SC succeeds only when the reservation matches and memory still
 * holds that value (a store by anyone that changed it breaks the reservation), and every SC
 * clears it. A failing SC touches no memory.
 */
import { Access, alignFault } from '../../src/core/exceptions.js';
import type { Helper } from '../../src/core/isa.js';
import type { RiscvCpu } from './cpu.js';


/** the checked, aligned address of an LR/SC/AMO (aligned, so on one page) */
function access(cpu: RiscvCpu, addr: number, size: number, write: boolean): number {
  addr >>>= 0;
  if (addr & (size - 1)) throw alignFault(addr, write ? Access.Write : Access.Read);
  if (write) cpu.mem.probe(addr, size, Access.Write);
  cpu.mem.probe(addr, size, Access.Read);
  return addr;
}

type Op32 = (old: number, v: number) => number;
const ops32: Record<string, Op32> = {
  swap: (_o, v) => v,
  add: (o, v) => (o + v) | 0,
  xor: (o, v) => o ^ v,
  and: (o, v) => o & v,
  or: (o, v) => o | v,
  min: (o, v) => (o < v ? o : v),
  max: (o, v) => (o > v ? o : v),
  minu: (o, v) => ((o >>> 0) < (v >>> 0) ? o : v),
  maxu: (o, v) => ((o >>> 0) > (v >>> 0) ? o : v),
};

/** 64-bit ops on lo/hi int32 pairs; result written to out[0], out[1] */
type Op64 = (alo: number, ahi: number, blo: number, bhi: number) => [number, number];
const lt = (alo: number, ahi: number, blo: number, bhi: number) =>
  ahi !== bhi ? ahi < bhi : alo >>> 0 < blo >>> 0;
const ltu = (alo: number, ahi: number, blo: number, bhi: number) =>
  ahi !== bhi ? ahi >>> 0 < bhi >>> 0 : alo >>> 0 < blo >>> 0;
const ops64: Record<string, Op64> = {
  swap: (_l, _h, bl, bh) => [bl, bh],
  add: (al, ah, bl, bh) => {
    const lo = (al >>> 0) + (bl >>> 0);
    return [lo | 0, (ah + bh + (lo > 0xffffffff ? 1 : 0)) | 0];
  },
  xor: (al, ah, bl, bh) => [al ^ bl, ah ^ bh],
  and: (al, ah, bl, bh) => [al & bl, ah & bh],
  or: (al, ah, bl, bh) => [al | bl, ah | bh],
  min: (al, ah, bl, bh) => (lt(al, ah, bl, bh) ? [al, ah] : [bl, bh]),
  max: (al, ah, bl, bh) => (lt(al, ah, bl, bh) ? [bl, bh] : [al, ah]),
  minu: (al, ah, bl, bh) => (ltu(al, ah, bl, bh) ? [al, ah] : [bl, bh]),
  maxu: (al, ah, bl, bh) => (ltu(al, ah, bl, bh) ? [bl, bh] : [al, ah]),
};

function amo32(op: Op32): Helper {
  return (cpu: RiscvCpu, addr: number, v: number) => {
    const a = access(cpu, addr, 4, true);
    const m = cpu.mem;
    const old = m.read32(a) | 0;
    m.write32(a, op(old, v));
    return old;
  };
}

function amo64(op: Op64): Helper {
  return (cpu: RiscvCpu, addr: number, vlo: number, vhi: number) => {
    const a = access(cpu, addr, 8, true);
    const m = cpu.mem;
    const lo = m.read64w(a, cpu);
    const hi = cpu.rhi;
    const [nlo, nhi] = op(lo, hi, vlo | 0, vhi | 0);
    m.write64w(a, nlo, nhi);
    cpu.rhi = hi;
    return lo;
  };
}

export const amoHelpers: Record<string, Helper> = {
  rv_lr_w(cpu: RiscvCpu, addr: number) {
    const a = access(cpu, addr, 4, false);
    const v = cpu.mem.read32(a) | 0;
    cpu.resAddr = a;
    cpu.resSize = 4;
    cpu.resLo = v;
    cpu.resHi = v >> 31;
    return v;
  },
  rv_lr_d(cpu: RiscvCpu, addr: number) {
    const a = access(cpu, addr, 8, false);
    const lo = cpu.mem.read64w(a, cpu);
    const hi = cpu.rhi;
    cpu.resAddr = a;
    cpu.resSize = 8;
    cpu.resLo = lo;
    cpu.resHi = hi;
    cpu.rhi = hi;
    return lo;
  },
  rv_sc_w(cpu: RiscvCpu, addr: number, v: number) {
    addr >>>= 0;
    const ok = cpu.resAddr === addr && cpu.resSize === 4;
    cpu.resAddr = -1;
    if (!ok) return 1;
    const a = access(cpu, addr, 4, true);
    if ((cpu.mem.read32(a) | 0) !== cpu.resLo) return 1;
    cpu.mem.write32(a, v);
    return 0;
  },
  rv_sc_d(cpu: RiscvCpu, addr: number, vlo: number, vhi: number) {
    addr >>>= 0;
    const ok = cpu.resAddr === addr && cpu.resSize === 8;
    cpu.resAddr = -1;
    if (!ok) return 1;
    const a = access(cpu, addr, 8, true);
    const m = cpu.mem;
    const lo = m.read64w(a, cpu);
    if (lo !== cpu.resLo || cpu.rhi !== cpu.resHi) return 1;
    m.write64w(a, vlo, vhi);
    return 0;
  },
};
for (const [name, op] of Object.entries(ops32)) amoHelpers[`rv_amo${name}_w`] = amo32(op);
for (const [name, op] of Object.entries(ops64)) amoHelpers[`rv_amo${name}_d`] = amo64(op);
