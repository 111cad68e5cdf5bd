/**
 * Loading a program into a fresh guest process: the executable's PT_LOAD segments, its
 * ELF interpreter (PT_INTERP, from the sysroot), the stack with argv/envp/auxv, and the
 * registers at entry.
 *
 * Address space (all below 4 GiB, also for 64-bit guests: guest memory is one 4 GiB buffer):
 *
 *   0x00010000...       ET_EXEC programs, at their link addresses
 *   0x40000000          ET_DYN programs (PIE, static-pie, ld.so run as a program): PIE_BASE.
 *                       qemu puts 64-bit PIEs at 0x4000000000 and Linux at 2/3 of the
 *                       address space; both are out of reach, and 1 GiB leaves the brk heap
 *                       3 GiB to grow into while keeping low addresses for ET_EXEC programs.
 *   ... brk heap grows up from the end of the executable
 *   ... mmap area: top-down from proc.mmapTop (src/linux/mmap-placement.ts); the interpreter is the first thing placed there
 *   mmapTop = stack limit - 1 MiB guard gap (unmapped, so a stack overflow faults)
 *   [STACK_TOP - stack size, STACK_TOP) the stack (8 MiB unless -s), non-executable unless
 *                       PT_GNU_STACK asks for PF_X
 *   STACK_TOP = 0xffff0000; the top 64 KiB stay unmapped so no range ends at 2^32 (a target
 *                       whose user space is smaller says where its stack ends: LinuxAbi.stackTop)
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PAGE_MASK, PAGE_MAPPED, PAGE_SIZE, PROT_R, PROT_W, PROT_X, WASM_STACK_TOP, pageUp, type Memory } from '../../core/memory/flat.js';
import type { Process } from '../process.js';
import { findFree } from '../mmap-placement.js';
import type { Target } from '../../../targets/target.js';
import { UserError, EXIT_LOAD_FAILED } from '../../errors.js';
import { parseElf, readElfFile, type ElfFile } from './elf-file.js';
import { buildStack, type StackLayout } from './stack.js';
import * as C from './constants.js';

export const PIE_BASE = 0x40000000;
export const STACK_TOP = 0xffff0000;
export const DEFAULT_STACK_SIZE = 8 * 1024 * 1024;
export const STACK_GUARD_GAP = 0x100000;
/** -s below this cannot hold a useful program; above it the mmap area shrinks to nothing */
export const MIN_STACK_SIZE = 16 * 1024;
export const MAX_STACK_SIZE = 1024 * 1024 * 1024;

export interface LoadOptions {
  /** guest argv (argv[0] included) */
  argv: string[];
  envp: string[];
  /** AT_EXECFN string: the program name as given to exec (default argv[0] of the host path) */
  execfn?: string;
  /** absolute guest path of the program (default: the absolute host path) */
  exePath?: string;
  stackSize?: number;
  /** the 16 AT_RANDOM bytes (default: from the host's CSPRNG) */
  random?: Uint8Array;
}

/** Where one ELF image ended up. Addresses include the load bias. */
export interface ImageInfo {
  name: string;
  hostPath: string;
  /** added to every p_vaddr (0 for ET_EXEC) */
  bias: number;
  entry: number;
  /** address of the program header table in guest memory (AT_PHDR), 0 if not mapped */
  phdrAddr: number;
  /** lowest mapped address and the end of the highest segment (not page rounded) */
  start: number;
  end: number;
  startCode: number;
  endCode: number;
  startData: number;
  endData: number;
  /** PT_GNU_STACK asked for an executable stack */
  execStack: boolean;
}

export interface LoadInfo {
  exe: ImageInfo;
  interp?: ImageInfo;
  /** initial pc: the interpreter's entry, else the program's */
  entry: number;
  stackTop: number;
  /** lowest address of the stack mapping */
  stackLimit: number;
  stack: StackLayout;
  brk: number;
}

const hex = (n: number) => '0x' + n.toString(16);
const loadError = (name: string, why: string) => new UserError(`'${name}': ${why}`, EXIT_LOAD_FAILED);
const isPow2 = (n: number) => n > 0 && n <= 0x40000000 && (n & (n - 1)) === 0;

/** Largest p_align of the PT_LOAD segments (at least a page), for placing ET_DYN images. */
function imageAlign(elf: ElfFile): number {
  let a = PAGE_SIZE;
  for (const p of elf.phdrs) if (p.type === C.PT_LOAD && isPow2(p.align) && p.align > a) a = p.align;
  return a;
}

/** Lowest page and end of the PT_LOAD segments at their link addresses. */
function imageSpan(elf: ElfFile): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = 0;
  for (const p of elf.phdrs) {
    if (p.type !== C.PT_LOAD || p.memsz === 0) continue;
    lo = Math.min(lo, p.vaddr - (p.vaddr % PAGE_SIZE));
    hi = Math.max(hi, p.vaddr + p.memsz);
  }
  if (lo === Infinity) lo = hi = 0;
  return { lo, hi };
}

function protOf(flags: number): number {
  return (flags & C.PF_R ? PROT_R : 0) | (flags & C.PF_W ? PROT_W : 0) | (flags & C.PF_X ? PROT_X : 0);
}

/**
 * Map an ELF image's PT_LOAD segments. ET_DYN images go to `base` (page aligned); ET_EXEC
 * ones to their link addresses. Every segment must end at or below `limit`.
 */
export function mapImage(mem: Memory, elf: ElfFile, base: number | undefined, limit: number): ImageInfo {
  const { lo, hi } = imageSpan(elf);
  const bias = elf.type === C.ET_DYN ? (base ?? PIE_BASE) - lo : 0;
  if (lo + bias < PAGE_SIZE) throw loadError(elf.name, `segment at ${hex(lo + bias)} would map page zero`);
  if (hi + bias > 2 ** 32) {
    throw loadError(elf.name, `segment ${hex(lo + bias)}-${hex(hi + bias)} lies above 4 GiB (polyemu keeps every guest below 4 GiB)`);
  }
  if (hi + bias > limit) {
    throw loadError(elf.name, `segment ${hex(lo + bias)}-${hex(hi + bias)} collides with the stack area (from ${hex(limit)}; a smaller -s may help)`);
  }
  if (!rangeFree(mem, lo + bias, pageUp(hi + bias))) {
    throw loadError(elf.name, `segment ${hex(lo + bias)}-${hex(hi + bias)} overlaps memory already in use`);
  }

  const info: ImageInfo = {
    name: elf.name, hostPath: elf.hostPath, bias, entry: elf.entry + bias, phdrAddr: 0,
    start: lo + bias, end: hi + bias, startCode: Infinity, endCode: 0, startData: Infinity, endData: 0, execStack: false,
  };
  for (const p of elf.phdrs) {
    if (p.type === C.PT_GNU_STACK) info.execStack = (p.flags & C.PF_X) !== 0;
    if (p.type === C.PT_PHDR) info.phdrAddr = p.vaddr + bias;
    if (p.type !== C.PT_LOAD || p.memsz === 0) continue;
    const start = p.vaddr + bias;
    const end = start + p.memsz;
    const first = start - (start & PAGE_MASK);
    const last = pageUp(end) || 2 ** 32;
    const prot = protOf(p.flags);
    // Segments may share a page with the previous one (ELF only requires ascending order):
    // keep what is there and give the page both segments' permissions.
    let shared = false;
    for (let a = first; a < last; a += PAGE_SIZE) if (mem.perm[a >>> 12] & PAGE_MAPPED) shared = true;
    if (!shared) mem.map(first, last - first, prot);
    else {
      for (let a = first; a < last; a += PAGE_SIZE) {
        const f = mem.perm[a >>> 12];
        if (f & PAGE_MAPPED) mem.protect(a, PAGE_SIZE, (f & 7) | prot);
        else mem.map(a, PAGE_SIZE, prot);
      }
    }
    if (p.filesz > 0) mem.poke(start, elf.data.subarray(p.offset, p.offset + p.filesz));
    // .bss and the rest of the last file page read as zero. Fresh pages already are; only a
    // page shared with the previous segment can hold other bytes (filling more would commit
    // host memory for every page of a large .bss).
    mem.u8.fill(0, start + p.filesz, Math.min(last, pageUp(start + p.filesz)));
    if (!info.phdrAddr && elf.phoff >= p.offset && elf.phoff + elf.phnum * elf.phentsize <= p.offset + p.filesz) {
      info.phdrAddr = start + (elf.phoff - p.offset);
    }
    info.startCode = Math.min(info.startCode, start);
    if (p.flags & C.PF_X) info.endCode = Math.max(info.endCode, start + p.filesz);
    if (p.flags & C.PF_W) {
      info.startData = Math.min(info.startData, start);
      info.endData = Math.max(info.endData, start + p.filesz);
    }
  }
  if (info.startCode === Infinity) info.startCode = info.start;
  if (info.startData === Infinity) info.startData = info.endData = info.end;
  return info;
}

function rangeFree(mem: Memory, start: number, end: number): boolean {
  for (let a = start; a < end; a += PAGE_SIZE) if (mem.perm[a >>> 12] & PAGE_MAPPED) return false;
  return true;
}

/** Check that the ELF file is something this target runs. */
export function checkTarget(elf: ElfFile, target: Target): void {
  if (elf.machine !== target.elfMachine || elf.elfClass !== target.elfClass || elf.littleEndian !== target.littleEndian) {
    throw loadError(elf.name, `built for ${describeMachine(elf)}, not for ${target.name}`);
  }
  const why = target.checkElfFlags?.(elf.flags);
  if (why) throw loadError(elf.name, `unsupported ELF flags ${hex(elf.flags)}: ${why}`);
}

/** "RISC-V (ELF machine 243), 64-bit little-endian" */
export function describeMachine(elf: ElfFile): string {
  const name = C.MACHINE_NAMES[elf.machine];
  return `${name ? name + ' ' : ''}(ELF machine ${elf.machine}), ${elf.elfClass}-bit ${elf.littleEndian ? 'little' : 'big'}-endian`;
}

/**
 * The host file that holds the guest's ELF interpreter: `sysroot + interp` when it exists
 * there, else `interp` itself on the host.
 */
export function findInterpreter(interp: string, sysroot: string): string {
  if (sysroot && path.isAbsolute(interp)) {
    const inRoot = path.join(sysroot, interp);
    if (fs.existsSync(inRoot)) return inRoot;
  }
  if (fs.existsSync(interp)) return interp;
  const where = sysroot ? `not found in the sysroot '${sysroot}' nor on the host` : 'and no sysroot was given';
  throw new UserError(
    `Could not open '${interp}': No such file or directory (the program's ELF interpreter, ${where}; ` +
    `install the target's C library or point -L / QEMU_LD_PREFIX at a sysroot)`,
    EXIT_LOAD_FAILED,
  );
}

function loadInterpreter(proc: Process, exe: ElfFile): ImageInfo {
  const host = findInterpreter(exe.interp!, proc.sysroot);
  let elf: ElfFile;
  try {
    elf = readElfFile(host, exe.interp!, EXIT_LOAD_FAILED);
  } catch (e) {
    // "not an ELF executable" alone would not say that it is the interpreter
    if (e instanceof UserError && /not an ELF executable/.test(e.message)) {
      throw loadError(exe.interp!, `the ELF interpreter of '${exe.name}' (${host}) is not an ELF file`);
    }
    throw e;
  }
  if (elf.machine !== exe.machine || elf.elfClass !== exe.elfClass || elf.littleEndian !== exe.littleEndian) {
    throw loadError(elf.name, `the ELF interpreter (${host}) is built for ${describeMachine(elf)}, the program for ${describeMachine(exe)}`);
  }
  const mem = proc.mem;
  let base: number | undefined;
  if (elf.type === C.ET_DYN) {
    const { lo, hi } = imageSpan(elf);
    const align = imageAlign(elf);
    const at = findFree(proc, pageUp(hi - lo) + align - PAGE_SIZE);
    if (at < 0) throw loadError(elf.name, 'no room below 4 GiB for the ELF interpreter');
    base = Math.ceil(at / align) * align;
  }
  return mapImage(mem, elf, base, proc.mmapTop);
}

/** Host uid/gid, 0 where the host has none (Windows). */
const ids = () => ({
  uid: process.getuid?.() ?? 0,
  euid: process.geteuid?.() ?? 0,
  gid: process.getgid?.() ?? 0,
  egid: process.getegid?.() ?? 0,
});

/**
 * Load `exe` into `proc` (whose memory must be empty): segments, interpreter, stack and
 * auxv; set pc and sp, and the Process fields argv, envp, auxv, exePath, hostExePath, brk.
 */
export function loadProgram(proc: Process, exe: ElfFile, opts: LoadOptions): LoadInfo {
  const { mem, target, cpu } = proc;
  checkTarget(exe, target);
  const stackSize = pageUp(opts.stackSize ?? DEFAULT_STACK_SIZE);
  if (stackSize < MIN_STACK_SIZE || stackSize > MAX_STACK_SIZE) {
    throw new UserError(`stack size ${opts.stackSize} out of range (${MIN_STACK_SIZE} bytes to 1 GiB)`);
  }
  // a target may keep user space lower (MIPS: below 2 GiB); a wasm-tier memory reserves the
  // range above WASM_STACK_TOP (src/core/memory/flat.ts)
  const stackTop = Math.min(target.abi.stackTop ?? STACK_TOP, mem.wasm ? WASM_STACK_TOP : STACK_TOP);
  const stackLimit = stackTop - stackSize;
  proc.mmapTop = stackLimit - STACK_GUARD_GAP;

  const exeInfo = mapImage(mem, exe, exe.type === C.ET_DYN ? alignUp(PIE_BASE, imageAlign(exe)) : undefined, proc.mmapTop);
  mem.map(stackLimit, stackSize, PROT_R | PROT_W | (exeInfo.execStack ? PROT_X : 0));
  target.abi.mapSpecialPages?.(mem); // e.g. arm's kernel user helpers page at 0xffff0000
  const interp = exe.interp ? loadInterpreter(proc, exe) : undefined;
  const brk = pageUp(exeInfo.end);

  const wordSize = exe.elfClass === 64 ? 8 : 4;
  const abi = target.abi;
  const id = ids();
  const execfn = opts.execfn ?? opts.argv[0] ?? exe.name;
  const stack = buildStack(mem, {
    top: stackTop,
    limit: stackLimit,
    wordSize,
    argv: opts.argv,
    envp: opts.envp,
    execfn,
    platform: abi.platform,
    random: opts.random ?? randomBytes(16),
    auxv: (a) => {
      const v: Array<[number, number]> = [
        [C.AT_PHDR, exeInfo.phdrAddr],
        [C.AT_PHENT, exe.phentsize],
        [C.AT_PHNUM, exe.phnum],
        [C.AT_PAGESZ, PAGE_SIZE],
        [C.AT_BASE, interp ? interp.bias : 0],
        [C.AT_FLAGS, 0],
        [C.AT_ENTRY, exeInfo.entry],
        [C.AT_UID, id.uid],
        [C.AT_EUID, id.euid],
        [C.AT_GID, id.gid],
        [C.AT_EGID, id.egid],
        [C.AT_HWCAP, abi.hwcap],
        [C.AT_CLKTCK, 100],
        [C.AT_RANDOM, a.random],
        [C.AT_SECURE, 0],
        [C.AT_EXECFN, a.execfn],
      ];
      if (abi.hwcap2 !== undefined) v.push([C.AT_HWCAP2, abi.hwcap2]);
      if (abi.platform) v.push([C.AT_PLATFORM, a.platform]);
      return v;
    },
  });

  const entry = interp ? interp.entry : exeInfo.entry;
  cpu.pc = entry;
  abi.setSp(cpu, stack.sp);
  abi.initCpu(cpu);
  abi.initCpuForElf?.(cpu, exe);

  proc.argv = opts.argv.slice();
  proc.envp = opts.envp.slice();
  proc.auxv = stack.auxv;
  proc.hostExePath = path.resolve(exe.hostPath);
  proc.exePath = opts.exePath ?? proc.hostExePath;
  proc.brkStart = proc.brk = brk;
  // what /proc/self/maps names (syscalls/fs/procfs.ts)
  proc.sys.mapNames = [
    { start: exeInfo.start, end: pageUp(exeInfo.end), name: proc.exePath },
    ...(interp ? [{ start: interp.start, end: pageUp(interp.end), name: exe.interp! }] : []),
    { start: stackLimit, end: stackTop, name: '[stack]' },
  ];
  return { exe: exeInfo, interp, entry, stackTop, stackLimit, stack, brk };
}

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

/** Parse an ELF image from bytes already in memory (tests, the embedding API). */
export { parseElf, readElfFile };
