/** Test helpers for the loader: a fake target, a fresh process, and hand-made ELF files. */
import { Cpu } from '../../src/core/cpu.js';
import { Logger } from '../../src/core/log/log.js';
import { Memory } from '../../src/core/memory/flat.js';
import { Process } from '../../src/linux/process.js';
import type { Target } from '../../targets/target.js';

export const FIXTURES = new URL('../../fixtures/loader/', import.meta.url).pathname;

/** A target with just what the loader needs: sp is int32 slot 4 (like RISC-V x2). */
export function fakeTarget(over: Partial<Target> & { platform?: string; hwcap2?: number } = {}): Target {
  const { platform = '', hwcap2, ...rest } = over;
  return {
    name: 'fake64',
    elfMachine: 243,
    elfClass: 64,
    bits: over.elfClass ?? 64,
    littleEndian: true,
    triplet: 'fake-linux-gnu',
    regs: [],
    createCpu: (mem: Memory) => new Cpu(mem, 64),
    translateBlock() {},
    helpers: {},
    helperSigs: {},
    abi: {
      syscallNr: () => 0,
      syscallArg: () => 0,
      setSyscallResult() {},
      getSp: (cpu: Cpu) => cpu.r[4] >>> 0,
      setSp: (cpu: Cpu, v: number) => { cpu.r[4] = v | 0; cpu.r[5] = 0; },
      initCpu: (cpu: Cpu) => { cpu.r[20] = 0x1234; },
      syscallNames: {},
      hwcap: 0x112d,
      hwcap2,
      platform,
    },
    ...rest,
  };
}

export function newProcess(target: Target, sysroot = ''): Process {
  const mem = new Memory(target.littleEndian);
  return new Process(target, mem, target.createCpu(mem), new Logger(), sysroot, false);
}

export interface SegSpec {
  type?: number;
  flags: number;
  vaddr: number;
  data?: Uint8Array;
  memsz?: number;
  /** file offset; default: placed after the previous data, congruent to vaddr mod 4096 */
  offset?: number;
  align?: number;
}

/**
 * Build an ELF executable: header, program headers right after it, then each segment's
 * data. Class and byte order as asked; PT_INTERP segments take `data` as the path bytes.
 */
export function makeElf(opts: {
  elfClass?: 32 | 64;
  littleEndian?: boolean;
  machine?: number;
  type?: number;
  entry: number;
  segs: SegSpec[];
}): Buffer {
  const is64 = (opts.elfClass ?? 64) === 64;
  const le = opts.littleEndian ?? true;
  const ehsize = is64 ? 64 : 52;
  const phentsize = is64 ? 56 : 32;
  const phoff = ehsize;
  let off = phoff + phentsize * opts.segs.length;
  const placed = opts.segs.map((s) => {
    const len = s.data?.length ?? 0;
    let o = s.offset;
    if (o === undefined) {
      o = off - (off % 4096) + (s.vaddr % 4096);
      if (o < off) o += 4096;
    }
    off = Math.max(off, o + len);
    return { ...s, offset: o, filesz: len };
  });
  const buf = Buffer.alloc(off);
  const w16 = (o: number, v: number) => (le ? buf.writeUInt16LE(v, o) : buf.writeUInt16BE(v, o));
  const w32 = (o: number, v: number) => (le ? buf.writeUInt32LE(v >>> 0, o) : buf.writeUInt32BE(v >>> 0, o));
  const wW = (o: number, v: number) => {
    if (!is64) return w32(o, v);
    if (le) buf.writeBigUInt64LE(BigInt(v), o);
    else buf.writeBigUInt64BE(BigInt(v), o);
  };
  // segment bytes first: a segment at file offset 0 holds the headers, as in real files
  for (const s of placed) if (s.data) buf.set(s.data, s.offset);
  buf.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, le ? 1 : 2, 1], 0);
  w16(16, opts.type ?? 2);
  w16(18, opts.machine ?? 243);
  w32(20, 1);
  const W = is64 ? 8 : 4;
  wW(24, opts.entry);
  wW(24 + W, phoff);
  wW(24 + 2 * W, 0); // no sections
  w32(24 + 3 * W, 0);
  w16(28 + 3 * W, ehsize);
  w16(30 + 3 * W, phentsize);
  w16(32 + 3 * W, placed.length);
  placed.forEach((s, i) => {
    const p = phoff + i * phentsize;
    const memsz = s.memsz ?? s.filesz;
    w32(p, s.type ?? 1);
    if (is64) {
      w32(p + 4, s.flags);
      wW(p + 8, s.offset);
      wW(p + 16, s.vaddr);
      wW(p + 24, s.vaddr);
      wW(p + 32, s.filesz);
      wW(p + 40, memsz);
      wW(p + 48, s.align ?? 4096);
    } else {
      w32(p + 4, s.offset);
      w32(p + 8, s.vaddr);
      w32(p + 12, s.vaddr);
      w32(p + 16, s.filesz);
      w32(p + 20, memsz);
      w32(p + 24, s.flags);
      w32(p + 28, s.align ?? 4096);
    }
  });
  return buf;
}

/** Read a guest word (4 or 8 bytes) as a number. */
export function readWord(mem: Memory, addr: number, ws: 4 | 8): number {
  return ws === 8 ? Number(mem.read64(addr)) : mem.read32(addr);
}

/** The argc/argv/envp/auxv found on an initial stack at sp, read back from guest memory. */
export function readInitialStack(mem: Memory, sp: number, ws: 4 | 8 = 8) {
  let p = sp;
  const next = () => { const v = readWord(mem, p, ws); p += ws; return v; };
  const argc = next();
  const argvPtrs: number[] = [];
  for (let i = 0; i < argc; i++) argvPtrs.push(next());
  const argvNull = next();
  const envpPtrs: number[] = [];
  for (let v = next(); v !== 0; v = next()) envpPtrs.push(v);
  const auxvAddr = p;
  const auxv: Array<[number, number]> = [];
  for (;;) {
    const k = next();
    const v = next();
    auxv.push([k, v]);
    if (k === 0) break;
  }
  return {
    argc, argvPtrs, argvNull, envpPtrs, auxvAddr, auxv,
    argv: argvPtrs.map((a) => mem.readCString(a)),
    envp: envpPtrs.map((a) => mem.readCString(a)),
    aux: new Map(auxv),
  };
}
