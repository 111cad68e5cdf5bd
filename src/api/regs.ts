/**
 * Guest registers by name for the embedding API: the names gdb shows (x0..x30, sp, pc on
 * aarch64; r0..r12, sp, lr, pc, cpsr on arm; zero, ra, sp, a0..a7, pc on riscv64), from the
 * target's debug register table (targets/<arch>/gdb.ts). Values are unsigned BigInts.
 */
import type { Cpu } from '../core/cpu.js';
import type { DebugReg } from '../core/isa.js';
import type { Target } from '../../targets/target.js';
import { UserError } from '../errors.js';

/** The debug registers of `target` by name (built from the target's table, or its RegInfo list). */
export function regTable(target: Target): Map<string, DebugReg> {
  const m = new Map<string, DebugReg>();
  if (target.gdb) {
    for (const r of target.gdb.regs) m.set(r.name, r);
    return m;
  }
  // a target without a gdb table: its IR registers and the pc
  for (const info of target.regs) {
    const bits = info.ty === 'i64' || info.ty === 'f64' ? 64 : 32;
    m.set(info.name, {
      name: info.name,
      bits,
      get: (cpu) => (bits === 64 ? BigInt.asUintN(64, cpu.get64(info.index)) : BigInt(cpu.r[info.index] >>> 0)),
      set: (cpu, v) => { if (bits === 64) cpu.set64(info.index, v); else cpu.r[info.index] = Number(BigInt.asIntN(32, v)); },
    });
  }
  if (!m.has('pc')) m.set('pc', { name: 'pc', bits: 32, get: (cpu) => BigInt(cpu.pc >>> 0), set: (cpu, v) => { cpu.pc = Number(BigInt.asUintN(32, v)); } });
  return m;
}

function find(table: Map<string, DebugReg>, name: string, target: Target): DebugReg {
  const r = table.get(name);
  if (!r) throw new UserError(`no register '${name}' on ${target.name} (there are ${[...table.keys()].slice(0, 40).join(' ')} ...)`);
  return r;
}

export function readReg(table: Map<string, DebugReg>, target: Target, cpu: Cpu, name: string): bigint {
  return find(table, name, target).get(cpu);
}

export function writeReg(table: Map<string, DebugReg>, target: Target, cpu: Cpu, name: string, v: bigint | number): void {
  const r = find(table, name, target);
  const big = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  r.set(cpu, BigInt.asUintN(r.bits, big));
}
