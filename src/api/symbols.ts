/**
 * Symbols of a program for the embedding API: the function and object names of the ELF's
 * .symtab (or .dynsym when the program is stripped), with the load bias added. elfy finds the
 * sections; the symbol entries (Elf32_Sym / Elf64_Sym) are decoded here.
 */
import elfy from 'elfy';

export interface ElfSymbol {
  name: string;
  /** guest address (load bias included) */
  addr: number;
  size: number;
  /** STT_FUNC, STT_OBJECT, ... */
  type: 'func' | 'object' | 'other';
}

const SHT_SYMTAB = 'symtab';
const SHT_DYNSYM = 'dynsym';
const STT_OBJECT = 1;
const STT_FUNC = 2;
const SHN_UNDEF = 0;
const EM_ARM = 40;

interface Section { name: number; type: string | number; link: number; data: Buffer }

/** The defined symbols of the ELF image `data` loaded at `bias`, by name (first definition wins). */
export function readSymbols(data: Buffer, bias: number): Map<string, ElfSymbol> {
  const out = new Map<string, ElfSymbol>();
  let sections: Section[];
  let is64: boolean;
  let le: boolean;
  let arm: boolean;
  try {
    const parser = new elfy.Parser() as unknown as {
      parseHeader(b: Buffer): elfy.Header;
      parseSections(b: Buffer, h: elfy.Header): Section[];
    };
    const h = parser.parseHeader(data);
    sections = parser.parseSections(data, h);
    is64 = data[4] === 2;
    le = data[5] === 1;
    arm = (le ? data.readUInt16LE(18) : data.readUInt16BE(18)) === EM_ARM;
  } catch {
    return out; // no usable section table: no symbols
  }
  const pick = sections.find((s) => s.type === SHT_SYMTAB) ?? sections.find((s) => s.type === SHT_DYNSYM);
  if (!pick) return out;
  const strtab = sections[pick.link]?.data;
  if (!strtab) return out;
  const d = pick.data;
  const entSize = is64 ? 24 : 16;
  const u16 = (o: number) => (le ? d.readUInt16LE(o) : d.readUInt16BE(o));
  const u32 = (o: number) => (le ? d.readUInt32LE(o) : d.readUInt32BE(o));
  const u64 = (o: number) => Number(le ? d.readBigUInt64LE(o) : d.readBigUInt64BE(o));
  for (let o = entSize; o + entSize <= d.length; o += entSize) {
    const nameOff = u32(o);
    const info = is64 ? d[o + 4] : d[o + 12];
    const shndx = is64 ? u16(o + 6) : u16(o + 14);
    const value = is64 ? u64(o + 8) : u32(o + 4);
    const size = is64 ? u64(o + 16) : u32(o + 8);
    if (!nameOff || shndx === SHN_UNDEF || nameOff >= strtab.length) continue;
    const end = strtab.indexOf(0, nameOff);
    const name = strtab.toString('utf8', nameOff, end < 0 ? strtab.length : end);
    const t = info & 0xf;
    if (out.has(name)) continue;
    // ARM: bit 0 of a function's address marks Thumb code, not part of the address
    const addr = t === STT_FUNC && arm ? value & ~1 : value;
    out.set(name, { name, addr: (addr + bias) >>> 0, size, type: t === STT_FUNC ? 'func' : t === STT_OBJECT ? 'object' : 'other' });
  }
  return out;
}
