/**
 * Function symbols of a loaded ELF image, for the `IN: <symbol>` headers of -d in_asm and the
 * symbol column of -d exec (as qemu prints them). Reads .symtab, or .dynsym when the file is
 * stripped (dynamic programs and libraries keep it), straight from the section headers.
 * Stripped static programs have neither: lookups then give undefined.
 */
import * as fs from 'node:fs';

const SHT_SYMTAB = 2;
const SHT_DYNSYM = 11;
const STT_FUNC = 2;
const STT_GNU_IFUNC = 10;

interface Sym { addr: number; size: number; name: string }

export class Symbols {
  /** sorted by address */
  private constructor(private readonly syms: Sym[]) {}

  /** The function symbols of the ELF file at hostPath, moved by bias; empty when unreadable. */
  static fromFile(hostPath: string, bias = 0): Symbols {
    try {
      return new Symbols(readSymbols(fs.readFileSync(hostPath), bias));
    } catch {
      return new Symbols([]);
    }
  }

  static fromBuffer(data: Buffer, bias = 0): Symbols {
    try {
      return new Symbols(readSymbols(data, bias));
    } catch {
      return new Symbols([]);
    }
  }

  get size(): number {
    return this.syms.length;
  }

  /** Name of the function containing addr (a zero-sized symbol matches its address only). */
  at(addr: number): string | undefined {
    const s = this.syms;
    let lo = 0;
    let hi = s.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid].addr <= addr) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (best < 0) return undefined;
    const b = s[best];
    return addr === b.addr || addr < b.addr + b.size ? b.name : undefined;
  }
}

function readSymbols(d: Buffer, bias: number): Sym[] {
  if (d.readUInt32BE(0) !== 0x7f454c46) return [];
  const is64 = d[4] === 2;
  const le = d[5] === 1;
  const u16 = (o: number) => (le ? d.readUInt16LE(o) : d.readUInt16BE(o));
  const u32 = (o: number) => (le ? d.readUInt32LE(o) : d.readUInt32BE(o));
  const addr = (o: number) => (is64 ? Number(le ? d.readBigUInt64LE(o) : d.readBigUInt64BE(o)) : u32(o));
  const shoff = addr(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const sec = (i: number) => {
    const o = shoff + i * shentsize;
    return {
      type: u32(o + 4),
      offset: addr(o + (is64 ? 0x18 : 0x10)),
      size: addr(o + (is64 ? 0x20 : 0x14)),
      link: u32(o + (is64 ? 0x28 : 0x18)),
      entsize: addr(o + (is64 ? 0x38 : 0x24)),
    };
  };
  const secs = Array.from({ length: shoff ? shnum : 0 }, (_, i) => sec(i));
  const tab = secs.find((s) => s.type === SHT_SYMTAB) ?? secs.find((s) => s.type === SHT_DYNSYM);
  if (!tab || !tab.entsize) return [];
  const str = secs[tab.link];
  const out: Sym[] = [];
  for (let o = tab.offset; o + tab.entsize <= tab.offset + tab.size; o += tab.entsize) {
    const nameOff = u32(o);
    const info = d[o + (is64 ? 4 : 12)];
    const value = addr(o + (is64 ? 8 : 4));
    const size = is64 ? addr(o + 16) : u32(o + 8);
    const type = info & 15;
    if ((type !== STT_FUNC && type !== STT_GNU_IFUNC) || !value || !nameOff) continue;
    const end = d.indexOf(0, str.offset + nameOff);
    const name = d.toString('latin1', str.offset + nameOff, end);
    // arm: bit 0 of a Thumb function's address is the instruction set, not part of it
    out.push({ addr: ((value + bias) & ~(d[18] === 40 ? 1 : 0)) >>> 0, size, name });
  }
  out.sort((a, b) => a.addr - b.addr || b.size - a.size);
  return out;
}
