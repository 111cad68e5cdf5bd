import { findFree } from '../../src/linux/mmap-placement.js';
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PAGE_MAPPED, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import { UserError } from '../../src/errors.js';
import { parseElf, readElfFile } from '../../src/linux/elf/elf-file.js';
import { loadProgram, PIE_BASE, STACK_TOP, DEFAULT_STACK_SIZE, STACK_GUARD_GAP } from '../../src/linux/elf/loader.js';
import * as C from '../../src/linux/elf/constants.js';
import { formatPageLayout, formatLoadInfo } from '../../src/linux/elf/pagelog.js';
import { FIXTURES, fakeTarget, newProcess, readInitialStack } from '../helpers/loader.js';

const fx = (name: string) => path.join(FIXTURES, name);
const RANDOM = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const perm = (mem: { perm: Uint8Array }, addr: number) => mem.perm[addr >>> 12] & (PAGE_MAPPED | 7);

function load(file: string, opts: { argv?: string[]; envp?: string[]; sysroot?: string; stackSize?: number; target?: ReturnType<typeof fakeTarget> } = {}) {
  const target = opts.target ?? fakeTarget();
  const proc = newProcess(target, opts.sysroot ?? '');
  const exe = readElfFile(fx(file), file);
  const info = loadProgram(proc, exe, {
    argv: opts.argv ?? [file],
    envp: opts.envp ?? [],
    stackSize: opts.stackSize,
    random: RANDOM,
  });
  return { proc, exe, info, mem: proc.mem, target };
}

describe('loader: static ET_EXEC (fixtures/loader/exit42)', () => {
  // readelf: LOAD 0x000000 -> 0x10000 filesz 0x1ee R E; LOAD 0x1f0 -> 0x111f0 filesz 4 memsz 0x9c48 RW
  const { proc, exe, info, mem } = load('exit42', { argv: ['exit42', 'one', 'two'], envp: ['A=1', 'HOME=/h'] });

  it('maps PT_LOAD segments with their permissions', () => {
    expect(perm(mem, 0x10000)).toBe(PAGE_MAPPED | PROT_R | PROT_X);
    expect(perm(mem, 0x11000)).toBe(PAGE_MAPPED | PROT_R | PROT_W);
    expect(perm(mem, 0x1a000)).toBe(PAGE_MAPPED | PROT_R | PROT_W); // end of .bss: 0x111f0 + 0x9c48 = 0x1ae38
    expect(perm(mem, 0x1b000)).toBe(0);
    expect(perm(mem, 0xf000)).toBe(0);
  });

  it('copies file bytes and zeroes .bss and the rest of the last page', () => {
    expect(Buffer.from(mem.u8.subarray(0x10000, 0x101ee)).equals(exe.data.subarray(0, 0x1ee))).toBe(true);
    expect(mem.read32(0x111f0)).toBe(1234); // `volatile int data = 1234`
    expect(mem.u8.subarray(0x101ee, 0x11000).every((b) => b === 0)).toBe(true);
    expect(mem.u8.subarray(0x111f4, 0x1b000).every((b) => b === 0)).toBe(true);
  });

  it('starts at the entry point with sp at argc, and sets up brk and the Process fields', () => {
    expect(proc.cpu.pc).toBe(0x1015e);
    expect(info.entry).toBe(0x1015e);
    expect(proc.cpu.r[4] >>> 0).toBe(info.stack.sp);
    expect(proc.cpu.r[20]).toBe(0x1234); // abi.initCpu ran
    expect(info.stack.sp % 16).toBe(0);
    expect(proc.brkStart).toBe(0x1b000);
    expect(proc.brk).toBe(0x1b000);
    expect(proc.argv).toEqual(['exit42', 'one', 'two']);
    expect(proc.envp).toEqual(['A=1', 'HOME=/h']);
    expect(proc.hostExePath).toBe(fx('exit42'));
    expect(proc.exePath).toBe(fx('exit42'));
  });

  it('lays out argc, argv, envp and auxv on the stack as Linux does', () => {
    const s = readInitialStack(mem, info.stack.sp);
    expect(s.argc).toBe(3);
    expect(s.argv).toEqual(['exit42', 'one', 'two']);
    expect(s.argvNull).toBe(0);
    expect(s.envp).toEqual(['A=1', 'HOME=/h']);
    expect(s.auxv.map(([k]) => k)).toEqual([
      C.AT_PHDR, C.AT_PHENT, C.AT_PHNUM, C.AT_PAGESZ, C.AT_BASE, C.AT_FLAGS, C.AT_ENTRY,
      C.AT_UID, C.AT_EUID, C.AT_GID, C.AT_EGID, C.AT_HWCAP, C.AT_CLKTCK, C.AT_RANDOM,
      C.AT_SECURE, C.AT_EXECFN, C.AT_NULL,
    ]);
    expect(s.aux.get(C.AT_PHDR)).toBe(0x10040); // first LOAD covers the program headers
    expect(s.aux.get(C.AT_PHENT)).toBe(56);
    expect(s.aux.get(C.AT_PHNUM)).toBe(exe.phnum);
    expect(s.aux.get(C.AT_PAGESZ)).toBe(4096);
    expect(s.aux.get(C.AT_BASE)).toBe(0);
    expect(s.aux.get(C.AT_FLAGS)).toBe(0);
    expect(s.aux.get(C.AT_ENTRY)).toBe(0x1015e);
    expect(s.aux.get(C.AT_UID)).toBe(process.getuid!());
    expect(s.aux.get(C.AT_EGID)).toBe(process.getegid!());
    expect(s.aux.get(C.AT_HWCAP)).toBe(0x112d);
    expect(s.aux.get(C.AT_CLKTCK)).toBe(100);
    expect(s.aux.get(C.AT_SECURE)).toBe(0);
    expect(mem.readBytes(s.aux.get(C.AT_RANDOM)!, 16)).toEqual(RANDOM);
    expect(mem.readCString(s.aux.get(C.AT_EXECFN)!)).toBe('exit42');
    expect(proc.auxv).toEqual(s.auxv);
    expect(s.auxvAddr).toBe(info.stack.auxvAddr);
  });

  it('puts the strings at the top: argv, envp, execfn, then a zero word', () => {
    const s = readInitialStack(mem, info.stack.sp);
    const top = info.stackTop;
    expect(top).toBe(STACK_TOP);
    expect(readBig(mem, top - 8)).toBe(0n);
    const execfn = s.aux.get(C.AT_EXECFN)!;
    expect(execfn).toBe(top - 8 - 'exit42\0'.length);
    // one contiguous block argv[0] argv[1] argv[2] envp[0] envp[1] ending where execfn starts
    const block = Buffer.from(mem.readBytes(s.argvPtrs[0], execfn - s.argvPtrs[0])).toString('latin1');
    expect(block).toBe('exit42\0one\0two\0A=1\0HOME=/h\0');
    expect(info.stack.argStart).toBe(s.argvPtrs[0]);
    expect(info.stack.envStart).toBe(s.envpPtrs[0]);
    expect(info.stack.envEnd).toBe(execfn);
    // the random bytes sit right below the 16-aligned string block, the auxv ends below them
    const random = s.aux.get(C.AT_RANDOM)!;
    expect(random).toBe((s.argvPtrs[0] & ~15) - 16 >>> 0);
    expect(s.auxvAddr + s.auxv.length * 16).toBeLessThanOrEqual(random);
    expect(random - (s.auxvAddr + s.auxv.length * 16)).toBeLessThan(16);
  });

  it('maps an 8 MiB non-executable stack below STACK_TOP and keeps mmap below it', () => {
    expect(info.stackLimit).toBe(STACK_TOP - DEFAULT_STACK_SIZE);
    expect(perm(mem, STACK_TOP - 4096)).toBe(PAGE_MAPPED | PROT_R | PROT_W);
    expect(perm(mem, info.stackLimit)).toBe(PAGE_MAPPED | PROT_R | PROT_W);
    expect(perm(mem, info.stackLimit - 4096)).toBe(0);
    expect(perm(mem, STACK_TOP)).toBe(0);
    expect(proc.mmapTop).toBe(info.stackLimit - STACK_GUARD_GAP);
    const free = findFree(proc, 0x10000);
    expect(free + 0x10000).toBeLessThanOrEqual(proc.mmapTop);
  });

  it('dumps the layout for -d page', () => {
    const text = formatPageLayout(mem);
    expect(text).toContain('0000000000010000-0000000000011000 0000000000001000 r-x');
    expect(text).toContain('0000000000011000-000000000001b000 000000000000a000 rw-');
    expect(text).toContain(`${(STACK_TOP - DEFAULT_STACK_SIZE).toString(16).padStart(16, '0')}-00000000ffff0000 0000000000800000 rw-`);
    expect(formatLoadInfo(info)).toMatch(/^entry\s+0x000000000001015e$/m);
  });
});

function readBig(mem: { read64(a: number): bigint }, a: number) {
  return mem.read64(a);
}

describe('loader: stack options', () => {
  it('gives an executable stack when PT_GNU_STACK has PF_X', () => {
    const { mem, info } = load('execstack');
    expect(perm(mem, info.stackLimit)).toBe(PAGE_MAPPED | PROT_R | PROT_W | PROT_X);
  });

  it('honours the stack size (-s), rounded up to a page', () => {
    const { mem, info } = load('exit42', { stackSize: 100000 });
    expect(info.stackLimit).toBe(STACK_TOP - 102400);
    expect(perm(mem, STACK_TOP - 102400)).toBe(PAGE_MAPPED | PROT_R | PROT_W);
    expect(perm(mem, STACK_TOP - 102400 - 4096)).toBe(0);
  });

  it('refuses arguments that do not fit in the stack', () => {
    const big = 'X='.padEnd(20000, 'y');
    expect(() => load('exit42', { stackSize: 32768, envp: [big] })).toThrow(/Argument list too long/);
  });

  it('adds AT_HWCAP2 and AT_PLATFORM when the target has them', () => {
    const { mem, info } = load('exit42', { target: fakeTarget({ platform: 'fakeplat', hwcap2: 0x55 }) });
    const s = readInitialStack(mem, info.stack.sp);
    expect(s.auxv.slice(-4).map(([k]) => k)).toEqual([C.AT_EXECFN, C.AT_HWCAP2, C.AT_PLATFORM, C.AT_NULL]);
    expect(s.aux.get(C.AT_HWCAP2)).toBe(0x55);
    const plat = s.aux.get(C.AT_PLATFORM)!;
    expect(mem.readCString(plat)).toBe('fakeplat');
    expect(s.aux.get(C.AT_RANDOM)).toBe(plat - 16); // platform string, then the random bytes
    expect(plat + 9).toBeLessThanOrEqual(s.argvPtrs[0]);
  });
});

describe('loader: ET_DYN', () => {
  it('loads a static-pie at PIE_BASE', () => {
    // readelf: entry 0x1e2; LOAD 0 -> 0 R E; LOAD 0xf00 -> 0x1f00 RW (0x108 bytes)
    const { proc, mem, info } = load('static-pie');
    expect(info.exe.bias).toBe(PIE_BASE);
    expect(proc.cpu.pc).toBe(PIE_BASE + 0x1e2);
    expect(perm(mem, PIE_BASE)).toBe(PAGE_MAPPED | PROT_R | PROT_X);
    expect(perm(mem, PIE_BASE + 0x1000)).toBe(PAGE_MAPPED | PROT_R | PROT_W);
    expect(perm(mem, PIE_BASE + 0x2000)).toBe(PAGE_MAPPED | PROT_R | PROT_W); // 0x1f00 + 0x108
    expect(perm(mem, PIE_BASE + 0x3000)).toBe(0);
    expect(proc.brkStart).toBe(PIE_BASE + 0x3000);
    const s = readInitialStack(mem, info.stack.sp);
    expect(s.aux.get(C.AT_ENTRY)).toBe(PIE_BASE + 0x1e2);
    expect(s.aux.get(C.AT_PHDR)).toBe(PIE_BASE + 0x40);
    expect(s.aux.get(C.AT_BASE)).toBe(0);
  });

  it('loads PT_INTERP from the sysroot and starts in the interpreter', () => {
    // dyn-fakeld: PIE, entry 0x272, PT_PHDR at 0x40, interpreter /lib/ld-polyemu-test.so.1 (entry 0x21e)
    const sysroot = fx('sysroot');
    const { proc, mem, info, exe } = load('dyn-fakeld', { sysroot });
    expect(exe.interp).toBe('/lib/ld-polyemu-test.so.1');
    const interp = info.interp!;
    expect(interp.hostPath).toBe(path.join(sysroot, 'lib/ld-polyemu-test.so.1'));
    expect(interp.bias % 4096).toBe(0);
    expect(interp.bias).toBeGreaterThan(PIE_BASE);
    expect(interp.end).toBeLessThanOrEqual(proc.mmapTop);
    expect(proc.cpu.pc).toBe(interp.bias + 0x21e);
    expect(perm(mem, interp.bias)).toBe(PAGE_MAPPED | PROT_R | PROT_X);
    const s = readInitialStack(mem, info.stack.sp);
    expect(s.aux.get(C.AT_BASE)).toBe(interp.bias);
    expect(s.aux.get(C.AT_ENTRY)).toBe(PIE_BASE + 0x272);
    expect(s.aux.get(C.AT_PHDR)).toBe(PIE_BASE + 0x40);
    // brk follows the executable, not the interpreter
    expect(proc.brkStart).toBe(PIE_BASE + 0x3000);
  });

  it('explains a missing interpreter and mentions -L', () => {
    const err = catchErr(() => load('dyn-fakeld'));
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe(255);
    expect(err.message).toMatch(/^Could not open '\/lib\/ld-polyemu-test\.so\.1': No such file or directory/);
    expect(err.message).toContain('-L');
  });

  it('refuses an interpreter built for another machine', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-sysroot-'));
    fs.mkdirSync(path.join(root, 'lib'));
    const ld = fs.readFileSync(fx('sysroot/lib/ld-polyemu-test.so.1'));
    ld.writeUInt16LE(183, 18); // AArch64
    fs.writeFileSync(path.join(root, 'lib/ld-polyemu-test.so.1'), ld);
    const err = catchErr(() => load('dyn-fakeld', { sysroot: root }));
    expect(err.message).toMatch(/ELF interpreter .* is built for AArch64/);
    expect(err.code).toBe(255);
    fs.rmSync(root, { recursive: true });
  });

  const glibc = '/usr/riscv64-linux-gnu/lib/ld-linux-riscv64-lp64d.so.1';
  it.skipIf(!fs.existsSync(glibc))('loads the real glibc ld.so from /usr/riscv64-linux-gnu (skipped: Debian riscv64 cross libc not installed)', () => {
    const { proc, mem, info } = load('hello-dyn', { sysroot: '/usr/riscv64-linux-gnu' });
    const ld = parseElf(fs.readFileSync(glibc), glibc);
    expect(info.interp!.hostPath).toBe(glibc);
    expect(proc.cpu.pc).toBe(info.interp!.bias + ld.entry);
    expect(mem.readBytes(info.interp!.bias, 4)).toEqual(new Uint8Array([0x7f, 0x45, 0x4c, 0x46]));
  });
});

function catchErr(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    return e as UserError;
  }
  throw new Error('expected an error');
}

describe('loader: shared pages and other ELF shapes', () => {
  it('merges permissions when two segments share a page', async () => {
    const { makeElf } = await import('../helpers/loader.js');
    const code = new Uint8Array(0x100).fill(0x13);
    const data = Uint8Array.from([1, 2, 3, 4]);
    // text 0x10000-0x10100 and data 0x10800-... on the same page, same vaddr-offset delta
    const elf = parseElf(makeElf({ entry: 0x10000, segs: [
      { flags: C.PF_R | C.PF_X, vaddr: 0x10000, data: code, offset: 0 },
      { flags: C.PF_R | C.PF_W, vaddr: 0x10800, data, offset: 0x800, memsz: 0x1000 },
    ] }), 'shared');
    const proc = newProcess(fakeTarget());
    loadProgram(proc, elf, { argv: ['x'], envp: [], random: RANDOM });
    const mem = proc.mem;
    expect(perm(mem, 0x10000)).toBe(PAGE_MAPPED | PROT_R | PROT_W | PROT_X);
    expect(perm(mem, 0x11000)).toBe(PAGE_MAPPED | PROT_R | PROT_W);
    expect(mem.u8[0x100ff]).toBe(0x13);
    expect(Array.from(mem.u8.subarray(0x10800, 0x10805))).toEqual([1, 2, 3, 4, 0]);
    expect(mem.u8.subarray(0x10804, 0x11800).every((b) => b === 0)).toBe(true);
  });

  it('builds a 32-bit big-endian stack with 4-byte words', async () => {
    const { makeElf } = await import('../helpers/loader.js');
    const target = fakeTarget({ name: 'fakebe32', elfMachine: 8, elfClass: 32, littleEndian: false });
    const elf = parseElf(makeElf({ elfClass: 32, littleEndian: false, machine: 8, entry: 0x400100, segs: [
      { flags: C.PF_R | C.PF_X, vaddr: 0x400000, data: new Uint8Array(0x200), offset: 0 },
    ] }), 'be32');
    const proc = newProcess(target);
    const info = loadProgram(proc, elf, { argv: ['be32', 'x'], envp: ['K=V'], random: RANDOM });
    const s = readInitialStack(proc.mem, info.stack.sp, 4);
    expect(s.argv).toEqual(['be32', 'x']);
    expect(s.envp).toEqual(['K=V']);
    expect(s.aux.get(C.AT_PHENT)).toBe(32);
    expect(s.aux.get(C.AT_PHDR)).toBe(0x400034);
    expect(s.aux.get(C.AT_ENTRY)).toBe(0x400100);
    expect(proc.mem.u8[info.stack.sp + 3]).toBe(2); // argc, big-endian
  });
});

describe('ELF validation errors', () => {
  const good = fs.readFileSync(fx('exit42'));
  const parse = (buf: Buffer) => catchErr(() => parseElf(buf, 'bad'));

  it('rejects a file that is not ELF (exit 1, like qemu)', () => {
    const e = parse(Buffer.from('#!/bin/sh\necho hi\n'));
    expect(e.message).toBe("'bad': not an ELF executable (Exec format error)");
    expect(e.code).toBe(1);
  });

  it('rejects truncated headers and program header tables', () => {
    expect(parse(good.subarray(0, 10)).message).toMatch(/truncated ELF identification/);
    expect(parse(good.subarray(0, 40)).message).toMatch(/truncated ELF header/);
    const e = parse(good.subarray(0, 100));
    expect(e.message).toMatch(/program header table .* extends beyond the end of the file/);
    expect(e.code).toBe(255);
  });

  it('rejects a segment that extends beyond the end of the file', () => {
    // program headers: 0 RISCV_ATTRIBUTES, 1 LOAD (offset 0, 0x1ee bytes), 2 LOAD, 3 GNU_STACK
    expect(parse(good.subarray(0, 0x150)).message).toMatch(/^'bad': invalid ELF image: segment 1 .* extends beyond the end of the file \(336 bytes\)$/);
  });

  it('rejects bad identification and header fields', () => {
    const patch = (off: number, bytes: number[]) => { const b = Buffer.from(good); b.set(bytes, off); return b; };
    expect(parse(patch(4, [3])).message).toMatch(/unknown ELF class 3/);
    expect(parse(patch(5, [0])).message).toMatch(/unknown ELF data encoding/);
    expect(parse(patch(16, [1, 0])).message).toMatch(/relocatable object/);
    expect(parse(patch(16, [4, 0])).message).toMatch(/core dump/);
    expect(parse(patch(54, [40, 0])).message).toMatch(/program header size 40, expected 56/);
    expect(parse(patch(56, [0, 0])).message).toMatch(/no program headers/);
  });

  it('rejects files without PT_LOAD and with filesz > memsz', () => {
    const b = Buffer.from(good);
    const ph = (i: number) => 64 + 56 * i;
    for (let i = 0; i < b.readUInt16LE(56); i++) if (b.readUInt32LE(ph(i)) === 1) b.writeUInt32LE(0, ph(i));
    expect(parse(b).message).toMatch(/no loadable segments/);
    const c = Buffer.from(good);
    c.writeBigUInt64LE(0n, ph(1) + 40); // memsz 0
    expect(parse(c).message).toMatch(/segment 1 has a file size larger than its memory size/);
  });

  it('refuses segments above 4 GiB', () => {
    const b = Buffer.from(good);
    b.writeBigUInt64LE(0x100010000n, 64 + 56 + 16); // first LOAD's p_vaddr
    const elf = parseElf(b, 'high');
    const e = catchErr(() => loadProgram(newProcess(fakeTarget()), elf, { argv: ['x'], envp: [] }));
    expect(e.message).toMatch(/lies above 4 GiB/);
    expect(e.code).toBe(255);
  });

  it('refuses a program for another architecture or with unsupported flags', () => {
    const b = Buffer.from(good);
    b.writeUInt16LE(62, 18);
    const elf = parseElf(b, 'x86prog');
    const e = catchErr(() => loadProgram(newProcess(fakeTarget()), elf, { argv: ['x'], envp: [] }));
    expect(e.message).toBe("'x86prog': built for x86-64 (ELF machine 62), 64-bit little-endian, not for fake64");
    const t = fakeTarget({ checkElfFlags: () => 'no such ABI' });
    const e2 = catchErr(() => loadProgram(newProcess(t), parseElf(good, 'f'), { argv: ['x'], envp: [] }));
    expect(e2.message).toMatch(/unsupported ELF flags 0x5: no such ABI/);
  });

  it('reports files it cannot open the way qemu does', () => {
    const e = catchErr(() => readElfFile('/nonexistent/prog', 'prog'));
    expect(e.message).toBe("Could not open 'prog': No such file or directory");
    expect(e.code).toBe(1);
    expect(catchErr(() => readElfFile(FIXTURES)).message).toMatch(/Is a directory$/);
  });
});
