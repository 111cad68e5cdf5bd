/**
 * Building blocks for the per-target gdb tables (targets/<arch>/gdb.ts): target
 * description XML (gdb's "Target Descriptions" format: a root `target.xml` that names the
 * architecture and includes one file per feature) and DebugReg accessors over cpu.r.
 */
import type { Cpu } from '../cpu.js';
import type { DebugReg } from '../isa.js';

/** `<reg .../>` of a feature; `type` is one of gdb's predefined types or one the feature defines. */
export function reg(name: string, bits: number, type: string, group?: string): string {
  return `  <reg name="${name}" bitsize="${bits}" type="${type}"${group ? ` group="${group}"` : ''}/>\n`;
}

/** One feature file. */
export function feature(name: string, body: string): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE feature SYSTEM "gdb-target.dtd">\n<feature name="${name}">\n${body}</feature>\n`;
}

/** The root description: architecture plus the feature files, in g-packet order. */
export function targetXml(arch: string, files: string[]): string {
  const inc = files.map((f) => `  <xi:include href="${f}"/>\n`).join('');
  return `<?xml version="1.0"?>\n<!DOCTYPE target SYSTEM "gdb-target.dtd">\n` +
    `<target version="1.0">\n  <architecture>${arch}</architecture>\n${inc}</target>\n`;
}

/** A 32-bit register held in cpu.r[index]. */
export function r32(name: string, index: number): DebugReg {
  return {
    name, bits: 32,
    get: (cpu) => BigInt(cpu.r[index] >>> 0),
    set: (cpu, v) => { cpu.r[index] = Number(BigInt.asIntN(32, v)); },
  };
}

/** A 64-bit register held as the int32 pair cpu.r[index], cpu.r[index + 1]. */
export function r64(name: string, index: number): DebugReg {
  return {
    name, bits: 64,
    get: (cpu) => BigInt.asUintN(64, cpu.get64(index)),
    set: (cpu, v) => cpu.set64(index, BigInt.asIntN(64, v)),
  };
}

/** A 128-bit register held as four int32 words from cpu.r[index] (low word first). */
export function r128(name: string, index: number): DebugReg {
  return {
    name, bits: 128,
    get: (cpu) => (BigInt.asUintN(64, cpu.get64(index + 2)) << 64n) | BigInt.asUintN(64, cpu.get64(index)),
    set: (cpu, v) => { cpu.set64(index, BigInt.asIntN(64, v)); cpu.set64(index + 2, BigInt.asIntN(64, v >> 64n)); },
  };
}

/** A register computed from other state (a numeric field of the target's Cpu, flags, ...). */
export function computed(name: string, bits: number, get: (cpu: Cpu) => number | bigint, set: (cpu: Cpu, v: bigint) => void): DebugReg {
  return { name, bits, get: (cpu) => BigInt.asUintN(bits, BigInt(get(cpu))), set };
}
