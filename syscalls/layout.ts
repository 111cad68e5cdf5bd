/**
 * Struct layouts as data (generated per target into layouts/<target>.ts) and the typed
 * helpers handlers use to move structs between guest memory and JS. Every access goes
 * through Memory's checked accessors, so a bad guest pointer throws GuestFault, which
 * doSyscall turns into -EFAULT.
 */
import { type Memory, PROT_R, PROT_W } from '../src/core/memory/flat.js';

export interface Field {
  off: number;
  size: number;
  signed?: boolean;
  array?: boolean;
}
export interface Layout {
  size: number;
  fields: Record<string, Field>;
}
/** Everything the syscall layer needs to know about one target, as data. */
export interface ArchData {
  name: string;
  structs: Record<string, Layout>;
  /** kernel constants by macro name (O_*, MAP_*, E*, SIG*, TCGETS, ...) */
  consts: Record<string, number>;
  /** C library strerror() text by (target) errno number */
  errnoText: Record<number, string>;
  /** strsignal() text by (target) signal number */
  signalText: Record<number, string>;
}

export type StructValues = Record<string, number | bigint>;

/** Write one integer field (arrays are written with writeStructBytes). */
export function writeField(mem: Memory, addr: number, f: Field, v: number | bigint): void {
  const a = addr + f.off;
  switch (f.size) {
    case 1: mem.write8(a, Number(v) & 0xff); break;
    case 2: mem.write16(a, Number(v) & 0xffff); break;
    case 4: mem.write32(a, Number(BigInt.asIntN(32, typeof v === 'bigint' ? v : BigInt(Math.trunc(v))))); break;
    case 8: mem.write64(a, typeof v === 'bigint' ? v : BigInt(Math.trunc(v))); break;
    default: throw new Error(`field of size ${f.size} at ${f.off}`);
  }
}

/** Read one integer field as a JS number (64-bit values beyond 2^53 lose precision). */
export function readField(mem: Memory, addr: number, f: Field): number {
  const a = addr + f.off;
  switch (f.size) {
    case 1: { const v = mem.read8(a); return f.signed ? (v << 24) >> 24 : v; }
    case 2: { const v = mem.read16(a); return f.signed ? (v << 16) >> 16 : v; }
    case 4: { const v = mem.read32(a); return f.signed ? v | 0 : v; }
    case 8: { const v = mem.read64(a); return Number(f.signed ? BigInt.asIntN(64, v) : v); }
    default: throw new Error(`field of size ${f.size} at ${f.off}`);
  }
}

/** Zero the whole struct, then write the given fields (unknown names are a bug). */
export function writeStruct(mem: Memory, addr: number, l: Layout, values: StructValues): void {
  mem.check(addr, l.size, PROT_W);
  mem.u8.fill(0, addr, addr + l.size);
  for (const k in values) {
    const f = l.fields[k];
    if (!f) throw new Error(`no field ${k}`);
    writeField(mem, addr, f, values[k]);
  }
}

/** Read every integer field of a struct. */
export function readStruct(mem: Memory, addr: number, l: Layout): Record<string, number> {
  mem.check(addr, l.size, PROT_R);
  const out: Record<string, number> = {};
  for (const k in l.fields) if (!l.fields[k].array) out[k] = readField(mem, addr, l.fields[k]);
  return out;
}

/** Write a NUL-terminated string into a char-array field (truncated to fit). */
export function writeCharArray(mem: Memory, addr: number, f: Field, s: string): void {
  const b = Buffer.from(s, 'utf8').subarray(0, f.size - 1);
  const out = new Uint8Array(f.size);
  out.set(b);
  mem.writeBytes(addr + f.off, out);
}

/** A guest word of `bytes` (4 or 8) bytes, read as an unsigned JS number. */
export function readWord(mem: Memory, addr: number, bytes: number): number {
  return bytes === 8 ? Number(mem.read64(addr)) : mem.read32(addr);
}
export function writeWord(mem: Memory, addr: number, bytes: number, v: number | bigint): void {
  if (bytes === 8) mem.write64(addr, typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));
  else mem.write32(addr, Number(BigInt.asUintN(32, typeof v === 'bigint' ? v : BigInt(Math.trunc(v)))));
}
