/**
 * Reading and validating an ELF file. We check the identification bytes, the header and the
 * program header table ourselves (so a truncated or foreign file gets a clear one-line
 * message, and e_machine values elfy's table lacks, like RISC-V, still come through), then
 * let elfy decode the header and program headers. Sections are never parsed: loading does
 * not need them, and stripped or damaged section tables must not stop a program from running.
 */
import * as fs from 'node:fs';
import elfy from 'elfy';
import { UserError, EXIT_LOAD_FAILED } from '../../errors.js';
import { ET_CORE, ET_DYN, ET_EXEC, ET_REL, PF_R, PF_W, PF_X, PT_INTERP, PT_LOAD } from './constants.js';

export interface Phdr {
  /** p_type (PT_*), or -1 for types elfy does not name (none of which the loader needs) */
  type: number;
  /** p_flags as PF_R | PF_W | PF_X */
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  align: number;
}

export interface ElfFile {
  /** name used in messages (the path as the user or the program gave it) */
  name: string;
  /** host path the bytes were read from */
  hostPath: string;
  data: Buffer;
  elfClass: 32 | 64;
  littleEndian: boolean;
  /** e_machine (EM_*) */
  machine: number;
  /** e_type: ET_EXEC or ET_DYN */
  type: number;
  /** e_flags */
  flags: number;
  entry: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  phdrs: Phdr[];
  /** PT_INTERP path, when the program asks for a dynamic linker */
  interp?: string;
}

const MAX_PHDR_BYTES = 65536;
const PATH_MAX = 4096;

const PT_NUMBERS = new Map<string, number>(
  Object.entries(elfy.constants.entryType).map(([num, name]) => [name, Number(num)]),
);

/** A file that could be opened but is not a valid ELF program (qemu exits 255 for these). */
function invalid(name: string, why: string): UserError {
  return new UserError(`'${name}': invalid ELF image: ${why}`, EXIT_LOAD_FAILED);
}

const hex = (n: number) => '0x' + n.toString(16);

/**
 * Read a program or interpreter from the host file system. `name` is what messages show.
 * Errors are UserErrors in qemu's words: "Could not open 'x': No such file or directory".
 */
export function readElfFile(hostPath: string, name = hostPath, exitCode = 1): ElfFile {
  let data: Buffer;
  try {
    const st = fs.statSync(hostPath);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EACCES' });
    data = fs.readFileSync(hostPath);
  } catch (e) {
    throw new UserError(`Could not open '${name}': ${describeErrno(e)}`, exitCode);
  }
  return parseElf(data, name, hostPath);
}

/** Message text for a host file error, like strerror(). */
export function describeErrno(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'No such file or directory';
    case 'EACCES': return 'Permission denied';
    case 'EISDIR': return 'Is a directory';
    case 'ENOTDIR': return 'Not a directory';
    case 'ELOOP': return 'Too many levels of symbolic links';
    case 'ENAMETOOLONG': return 'File name too long';
    case 'EMFILE': return 'Too many open files';
    case 'EIO': return 'Input/output error';
    default: return (e as Error)?.message ?? String(e);
  }
}

/** Validate and decode an ELF image held in memory. */
export function parseElf(data: Buffer, name: string, hostPath = name): ElfFile {
  if (data.length < 4 || data[0] !== 0x7f || data[1] !== 0x45 || data[2] !== 0x4c || data[3] !== 0x46) {
    throw new UserError(`'${name}': not an ELF executable (Exec format error)`, 1);
  }
  if (data.length < 16) throw invalid(name, 'truncated ELF identification');
  const cls = data[4];
  const enc = data[5];
  if (cls !== 1 && cls !== 2) throw invalid(name, `unknown ELF class ${cls}`);
  if (enc !== 1 && enc !== 2) throw invalid(name, `unknown ELF data encoding ${enc}`);
  if (data[6] !== 1) throw invalid(name, `unknown ELF version ${data[6]}`);
  const elfClass: 32 | 64 = cls === 1 ? 32 : 64;
  const littleEndian = enc === 1;
  const ehsize = elfClass === 64 ? 64 : 52;
  if (data.length < ehsize) throw invalid(name, 'truncated ELF header');

  const u16 = (o: number) => (littleEndian ? data.readUInt16LE(o) : data.readUInt16BE(o));
  const type = u16(16);
  const machine = u16(18);
  const swapped = littleEndian ? data.readUInt16BE(16) : data.readUInt16LE(16);
  if (type !== ET_EXEC && type !== ET_DYN && (swapped === ET_EXEC || swapped === ET_DYN)) {
    const [says, reads] = littleEndian ? ['little', 'big'] : ['big', 'little'];
    throw invalid(name, `the ELF identification says ${says}-endian (EI_DATA ${enc}), but the header's fields read as ${reads}-endian (a corrupt EI_DATA byte?)`);
  }
  if (type !== ET_EXEC && type !== ET_DYN) {
    const what = type === ET_REL ? 'a relocatable object (ET_REL)' : type === ET_CORE ? 'a core dump (ET_CORE)' : `of type ${type}`;
    throw invalid(name, `not an executable: the file is ${what}`);
  }

  let h: elfy.Header;
  const parser = new elfy.Parser();
  try {
    h = parser.parseHeader(data);
  } catch (e) {
    throw invalid(name, (e as Error).message);
  }
  const wantPhent = elfClass === 64 ? 56 : 32;
  if (h.phnum === 0) throw invalid(name, 'no program headers');
  if (h.phentsize !== wantPhent) throw invalid(name, `program header size ${h.phentsize}, expected ${wantPhent}`);
  if (h.phnum * h.phentsize > MAX_PHDR_BYTES) throw invalid(name, `too many program headers (${h.phnum})`);
  if (h.phoff + h.phnum * h.phentsize > data.length) {
    throw invalid(name, `program header table (offset ${hex(h.phoff)}, ${h.phnum} entries) extends beyond the end of the file (${data.length} bytes)`);
  }

  let progs: elfy.Program[];
  try {
    progs = parser.parsePrograms(data, h);
  } catch (e) {
    throw invalid(name, (e as Error).message);
  }

  const phdrs: Phdr[] = progs.map((p) => ({
    type: (p.type !== undefined && PT_NUMBERS.get(p.type)) || -1,
    flags: (p.flags.r ? PF_R : 0) | (p.flags.w ? PF_W : 0) | (p.flags.x ? PF_X : 0),
    offset: p.offset,
    vaddr: p.vaddr,
    filesz: p.filesz,
    memsz: p.memsz,
    align: p.align,
  }));

  let interp: string | undefined;
  let loads = 0;
  phdrs.forEach((p, i) => {
    if (p.type === PT_LOAD) {
      loads++;
      if (p.offset + p.filesz > data.length) {
        throw invalid(name, `segment ${i} (file offset ${hex(p.offset)}, ${hex(p.filesz)} bytes) extends beyond the end of the file (${data.length} bytes)`);
      }
      if (p.filesz > p.memsz) throw invalid(name, `segment ${i} has a file size larger than its memory size`);
    } else if (p.type === PT_INTERP) {
      if (interp !== undefined) throw invalid(name, 'more than one PT_INTERP');
      if (p.offset + p.filesz > data.length || p.filesz < 2 || p.filesz > PATH_MAX) {
        throw invalid(name, 'bad PT_INTERP segment');
      }
      const bytes = data.subarray(p.offset, p.offset + p.filesz);
      if (bytes[bytes.length - 1] !== 0) throw invalid(name, 'PT_INTERP path is not NUL-terminated');
      interp = bytes.subarray(0, bytes.indexOf(0)).toString('utf8');
      if (!interp) throw invalid(name, 'empty PT_INTERP path');
    }
  });
  if (loads === 0) throw invalid(name, 'no loadable segments');
  // segments whose memory overlaps: which bytes would win depends on the loader (Linux and
  // qemu-user map them in order, the later one over the earlier), so such a file is refused
  const spans = phdrs.map((p, i) => ({ p, i })).filter(({ p }) => p.type === PT_LOAD && p.memsz > 0).sort((a, b) => a.p.vaddr - b.p.vaddr);
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1];
    const b = spans[k];
    if (b.p.vaddr < a.p.vaddr + a.p.memsz) {
      const span = (p: Phdr) => `${hex(p.vaddr)}-${hex(p.vaddr + p.memsz)}`;
      throw invalid(name, `PT_LOAD segments ${a.i} (${span(a.p)}) and ${b.i} (${span(b.p)}) overlap`);
    }
  }

  return {
    name,
    hostPath,
    data,
    elfClass,
    littleEndian,
    machine,
    type,
    flags: h.flags,
    entry: h.entry,
    phoff: h.phoff,
    phentsize: h.phentsize,
    phnum: h.phnum,
    phdrs,
    interp,
  };
}
