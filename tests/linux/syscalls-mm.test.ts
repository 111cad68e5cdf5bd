import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGE_MAPPED, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import { archByName } from '../../syscalls/arch.js';
import { E } from '../../syscalls/tables/errno.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const c = archByName('riscv64').c;
const RW = c.PROT_READ | c.PROT_WRITE;
const ANON = c.MAP_PRIVATE | c.MAP_ANONYMOUS;

let h: Harness;
beforeEach(() => { h = harness(); });
afterEach(() => h.cleanup());

const perm = (a: number) => h.mem.perm[a >>> 12];

describe('brk', () => {
  it('grows and shrinks the heap page by page', () => {
    h.proc.brkStart = h.proc.brk = 0x400800;
    h.mem.map(0x400000, 0x1000, PROT_R | PROT_W);
    expect(h.call('brk', 0)).toBe(0x400800);
    expect(h.call('brk', 0x403100)).toBe(0x403100);
    expect(h.mem.isMapped(0x401000, 0x3000)).toBe(true);
    h.mem.write32(0x403000, 7);
    expect(h.call('brk', 0x401000)).toBe(0x401000);
    expect(h.mem.isMapped(0x401000, 0x1000)).toBe(false);
    expect(h.call('brk', 0x300000)).toBe(0x401000); // below the start: unchanged
    h.mem.map(0x500000, 0x1000, PROT_R);
    expect(h.call('brk', 0x600000)).toBe(0x401000); // would run into a mapping
    // the freed page comes back zeroed
    expect(h.call('brk', 0x404000)).toBe(0x404000);
    expect(h.mem.read32(0x403000)).toBe(0);
  });
});

describe('mmap/munmap/mprotect', () => {
  it('anonymous mappings are zeroed, page aligned and honour protection', () => {
    const a = h.call('mmap', 0, 10000, RW, ANON, -1, 0);
    expect(a % 4096).toBe(0);
    expect(a).toBeGreaterThan(0);
    expect(h.mem.isMapped(a, 12288)).toBe(true);
    expect(h.mem.read32(a + 8000)).toBe(0);
    h.mem.write32(a, 0x12345678);
    expect(h.call('mprotect', a, 4096, c.PROT_READ)).toBe(0);
    expect(perm(a) & 7).toBe(PROT_R);
    expect(() => h.mem.write32(a, 1)).toThrow();
    expect(h.mem.read32(a)).toBe(0x12345678);
    expect(h.call('mprotect', a + 4096, 4096, c.PROT_READ | c.PROT_EXEC)).toBe(0);
    expect(perm(a + 4096) & 7).toBe(PROT_R | PROT_X);
    expect(h.call('munmap', a, 12288)).toBe(0);
    expect(h.mem.isMapped(a, 4096)).toBe(false);
    expect(h.call('mprotect', a, 4096, c.PROT_READ)).toBe(-E.ENOMEM);
  });

  it('rejects bad arguments', () => {
    expect(h.call('mmap', 0, 0, RW, ANON, -1, 0)).toBe(-E.EINVAL);
    expect(h.call('mmap', 0, 4096, RW, c.MAP_ANONYMOUS, -1, 0)).toBe(-E.EINVAL); // no type
    expect(h.call('mmap', 0, 4096, RW, c.MAP_PRIVATE, 57, 0)).toBe(-E.EBADF);
    expect(h.call('mmap', 0, 4096, RW, ANON, -1, 100)).toBe(-E.EINVAL);
    expect(h.call('mmap', 0x10001, 4096, RW, ANON | c.MAP_FIXED, -1, 0)).toBe(-E.EINVAL);
    expect(h.call('munmap', 0x10001, 4096)).toBe(-E.EINVAL);
    expect(h.call('mprotect', 0x10001, 4096, c.PROT_READ)).toBe(-E.EINVAL);
  });

  it('MAP_FIXED replaces, MAP_FIXED_NOREPLACE refuses, a free hint is honoured', () => {
    const fixed = 0x20000000;
    h.mem.map(fixed, 4096, PROT_R | PROT_W);
    h.mem.write32(fixed, 99);
    expect(h.call('mmap', fixed, 4096, RW, ANON | c.MAP_FIXED_NOREPLACE, -1, 0)).toBe(-E.EEXIST);
    expect(h.call('mmap', fixed, 4096, RW, ANON | c.MAP_FIXED, -1, 0)).toBe(fixed);
    expect(h.mem.read32(fixed)).toBe(0);
    expect(h.call('mmap', 0x30000000, 8192, RW, ANON | c.MAP_FIXED_NOREPLACE, -1, 0)).toBe(0x30000000);
    expect(h.call('mmap', 0x40000000, 4096, RW, ANON, -1, 0)).toBe(0x40000000);
    const other = h.call('mmap', 0x40000000, 4096, RW, ANON, -1, 0); // hint taken: elsewhere
    expect(other).not.toBe(0x40000000);
    expect(other).toBeGreaterThan(0);
    expect(h.call('mmap', 2 ** 33, 4096, RW, ANON | c.MAP_FIXED, -1, 0)).toBe(-E.ENOMEM);
  });

  it('file mappings copy the file at the offset; the tail of the last page is zero', () => {
    const data = Buffer.alloc(6000);
    for (let i = 0; i < data.length; i++) data[i] = i & 0xff;
    fs.writeFileSync(path.join(h.tmp, 'm.bin'), data);
    const fd = h.call('openat', c.AT_FDCWD, h.str('m.bin'), c.O_RDONLY, 0);
    const a = h.call('mmap', 0, 8192, c.PROT_READ, c.MAP_PRIVATE, fd, 4096);
    expect(a).toBeGreaterThan(0);
    expect(h.mem.read8(a)).toBe(4096 & 0xff);
    expect(h.mem.read8(a + 6000 - 4096 - 1)).toBe((5999) & 0xff);
    expect(h.mem.read8(a + 6000 - 4096)).toBe(0);
    expect(() => h.mem.write8(a, 1)).toThrow();
    // a shared writable mapping of a read-only fd is refused
    expect(h.call('mmap', 0, 4096, RW, c.MAP_SHARED, fd, 0)).toBe(-E.EACCES);
    const dfd = h.call('openat', c.AT_FDCWD, h.str('.'), c.O_RDONLY, 0);
    expect(h.call('mmap', 0, 4096, c.PROT_READ, c.MAP_PRIVATE, dfd, 0)).toBe(-E.ENODEV);
  });
});

describe('mremap', () => {
  it('grows in place when the next pages are free, else moves with MREMAP_MAYMOVE', () => {
    const a = h.call('mmap', 0x50000000, 4096, RW, ANON | c.MAP_FIXED, -1, 0);
    h.mem.write32(a, 0xabcdef);
    expect(h.call('mremap', a, 4096, 8192, 0, 0)).toBe(a);
    expect(h.mem.isMapped(a, 8192)).toBe(true);
    h.mem.map(a + 8192, 4096, PROT_R); // block growth in place
    expect(h.call('mremap', a, 8192, 16384, 0, 0)).toBe(-E.ENOMEM);
    const b = h.call('mremap', a, 8192, 16384, c.MREMAP_MAYMOVE, 0);
    expect(b).not.toBe(a);
    expect(h.mem.read32(b)).toBe(0xabcdef);
    expect(h.mem.isMapped(a, 4096)).toBe(false);
    expect(perm(b + 12288) & PAGE_MAPPED).toBe(PAGE_MAPPED);
    // shrink in place
    expect(h.call('mremap', b, 16384, 4096, 0, 0)).toBe(b);
    expect(h.mem.isMapped(b + 4096, 4096)).toBe(false);
    // MREMAP_FIXED moves to the given address
    expect(h.call('mremap', b, 4096, 4096, c.MREMAP_MAYMOVE | c.MREMAP_FIXED, 0x60000000)).toBe(0x60000000);
    expect(h.mem.read32(0x60000000)).toBe(0xabcdef);
    expect(h.call('mremap', 0x70000000, 4096, 8192, c.MREMAP_MAYMOVE, 0)).toBe(-E.EFAULT);
    expect(h.call('mremap', 0x60000000, 4096, 8192, c.MREMAP_FIXED, 0x61000000)).toBe(-E.EINVAL);
  });
});

describe('madvise/msync/mlock', () => {
  it('MADV_DONTNEED zero-fills private anonymous memory', () => {
    const a = h.call('mmap', 0, 8192, RW, ANON, -1, 0);
    h.mem.write32(a, 5);
    h.mem.write32(a + 4096, 6);
    expect(h.call('madvise', a, 4096, c.MADV_DONTNEED)).toBe(0);
    expect(h.mem.read32(a)).toBe(0);
    expect(h.mem.read32(a + 4096)).toBe(6);
    expect(h.call('madvise', a, 4096, c.MADV_WILLNEED)).toBe(0);
    expect(h.call('madvise', 0x7000000, 4096, c.MADV_DONTNEED)).toBe(-E.ENOMEM);
    expect(h.call('msync', a, 4096, c.MS_SYNC)).toBe(0);
    expect(h.call('msync', a, 4096, c.MS_SYNC | c.MS_ASYNC)).toBe(-E.EINVAL);
    expect(h.call('mlock', a, 8192)).toBe(0);
    expect(h.call('munlock', 0x7000000, 4096)).toBe(-E.ENOMEM);
  });
});
