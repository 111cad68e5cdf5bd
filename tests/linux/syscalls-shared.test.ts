// MAP_SHARED file mappings (syscalls/mm/shared-map.ts): stores through the mapping reach the
// file, file writes reach the mapping, and both survive close/munmap/mremap/exit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GuestExit } from '../../src/linux/errors.js';
import { archByName } from '../../syscalls/arch.js';
import { flushSharedMappings } from '../../syscalls/index.js';
import { E } from '../../syscalls/tables/errno.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const c = archByName('riscv64').c;
const RW = c.PROT_READ | c.PROT_WRITE;
const FDCWD = c.AT_FDCWD;
const PG = 4096;

let h: Harness;
beforeEach(() => { h = harness(); });
afterEach(() => {
  for (const m of [...h.proc.sys.sharedMaps]) h.call('munmap', m.start, m.len);
  h.cleanup();
});

const put = (addr: number, s: string) => h.mem.writeBytes(addr, Buffer.from(s));
const get = (addr: number, n: number) => Buffer.from(h.mem.readBytes(addr, n)).toString('latin1');
const onDisk = (name: string) => fs.readFileSync(path.join(h.tmp, name), 'latin1');

/** a file of `size` bytes 'a'..'z' repeated, opened O_RDWR; returns the fd */
function makeFile(name: string, size: number): number {
  fs.writeFileSync(path.join(h.tmp, name), Buffer.from(Array.from({ length: size }, (_, i) => 97 + (i % 26))));
  return h.call('openat', FDCWD, h.str(name), c.O_RDWR, 0);
}

describe('MAP_SHARED file mappings', () => {
  it('stores reach the file on msync, and before a read of the file without one', () => {
    const fd = makeFile('f', 6000);
    const m = h.call('mmap', 0, 2 * PG, RW, c.MAP_SHARED, fd, 0);
    expect(m).toBeGreaterThan(0);
    expect(get(m, 5)).toBe('abcde');
    put(m + 100, 'SHARED');
    expect(onDisk('f').slice(100, 106)).not.toBe('SHARED'); // not yet: no syscall since
    expect(h.call('msync', m, 2 * PG, c.MS_SYNC)).toBe(0);
    expect(onDisk('f').slice(100, 106)).toBe('SHARED');
    put(m + 200, 'again');
    expect(h.call('pread64', fd, h.scratch, 5, 200)).toBe(5); // coherent without msync
    expect(get(h.scratch, 5)).toBe('again');
    // a store past EOF (inside the last page) does not grow the file
    put(m + 7000, 'tail');
    expect(h.call('msync', m, 2 * PG, c.MS_SYNC)).toBe(0);
    expect(fs.statSync(path.join(h.tmp, 'f')).size).toBe(6000);
  });

  it('write/pwrite/ftruncate of the file show through the mapping', () => {
    const fd = makeFile('f', 5000);
    const m = h.call('mmap', 0, 2 * PG, c.PROT_READ, c.MAP_SHARED, fd, 0);
    put(h.scratch, 'NEW');
    expect(h.call('pwrite64', fd, h.scratch, 3, 4500)).toBe(3);
    expect(get(m + 4500, 3)).toBe('NEW');
    expect(h.call('lseek', fd, 10, c.SEEK_SET)).toBe(10);
    expect(h.call('write', fd, h.scratch, 3)).toBe(3);
    expect(get(m + 10, 3)).toBe('NEW');
    // another description of the same file is the same file
    const fd2 = h.call('openat', FDCWD, h.str('f'), c.O_WRONLY, 0);
    expect(h.call('pwrite64', fd2, h.scratch, 3, 20)).toBe(3);
    expect(get(m + 20, 3)).toBe('NEW');
    expect(h.call('ftruncate', fd, 100)).toBe(0);
    expect(get(m + 100, 4)).toBe('\0\0\0\0');
    expect(get(m + 96, 4)).toBe('stuv');
  });

  it('the mapping outlives its fd; munmap writes back', () => {
    const fd = makeFile('f', PG);
    const m = h.call('mmap', 0, PG, RW, c.MAP_SHARED, fd, 0);
    expect(h.call('close', fd)).toBe(0);
    put(m, 'after close');
    expect(h.call('munmap', m, PG)).toBe(0);
    expect(onDisk('f').slice(0, 11)).toBe('after close');
    expect(h.proc.sys.sharedMaps).toHaveLength(0);
  });

  it('partial munmap keeps the rest shared at the right file offset', () => {
    const fd = makeFile('f', 3 * PG);
    const m = h.call('mmap', 0, 3 * PG, RW, c.MAP_SHARED, fd, 0);
    expect(h.call('munmap', m + PG, PG)).toBe(0);
    put(m + 2 * PG, 'third');
    put(m, 'first');
    expect(h.call('msync', m + 2 * PG, PG, c.MS_SYNC)).toBe(0);
    const d = onDisk('f');
    expect(d.slice(2 * PG, 2 * PG + 5)).toBe('third');
    expect(h.call('fsync', fd)).toBe(0);
    expect(onDisk('f').slice(0, 5)).toBe('first');
  });

  it('private mappings never reach the file', () => {
    const fd = makeFile('f', PG);
    const m = h.call('mmap', 0, PG, RW, c.MAP_PRIVATE, fd, 0);
    put(m, 'PRIV');
    expect(h.call('munmap', m, PG)).toBe(0);
    expect(onDisk('f').slice(0, 4)).toBe('abcd');
  });

  it('mremap moves the record and maps more of the file when growing', () => {
    const fd = makeFile('f', 3 * PG);
    const m = h.call('mmap', 0, PG, RW, c.MAP_SHARED, fd, 0);
    put(m, 'moved');
    const r = h.call('mremap', m, PG, 3 * PG, c.MREMAP_MAYMOVE, 0);
    expect(r).toBeGreaterThan(0);
    expect(get(r, 5)).toBe('moved');
    expect(get(r + 2 * PG, 3)).toBe(String.fromCharCode(97 + ((2 * PG) % 26), 97 + ((2 * PG + 1) % 26), 97 + ((2 * PG + 2) % 26)));
    put(r + PG, 'grown');
    expect(h.call('msync', r, 3 * PG, c.MS_SYNC)).toBe(0);
    const d = onDisk('f');
    expect(d.slice(0, 5)).toBe('moved');
    expect(d.slice(PG, PG + 5)).toBe('grown');
  });

  it('MAP_FIXED over a shared mapping writes it back first', () => {
    const fd = makeFile('f', PG);
    const m = h.call('mmap', 0, PG, RW, c.MAP_SHARED, fd, 0);
    put(m, 'fixed');
    expect(h.call('mmap', m, PG, RW, c.MAP_PRIVATE | c.MAP_ANONYMOUS | c.MAP_FIXED, -1, 0)).toBe(m);
    expect(onDisk('f').slice(0, 5)).toBe('fixed');
    expect(h.proc.sys.sharedMaps).toHaveLength(0);
  });

  it('mprotect to writable starts tracking stores', () => {
    const fd = makeFile('f', PG);
    const m = h.call('mmap', 0, PG, c.PROT_READ, c.MAP_SHARED, fd, 0);
    expect(h.call('mprotect', m, PG, RW)).toBe(0);
    put(m, 'late');
    expect(h.call('msync', m, PG, c.MS_SYNC)).toBe(0);
    expect(onDisk('f').slice(0, 4)).toBe('late');
  });

  it('MADV_DONTNEED on shared pages reads the file again instead of zeroing', () => {
    const fd = makeFile('f', PG);
    const m = h.call('mmap', 0, PG, RW, c.MAP_SHARED, fd, 0);
    put(m, 'kept');
    expect(h.call('madvise', m, PG, c.MADV_DONTNEED)).toBe(0);
    expect(get(m, 4)).toBe('kept');
    expect(onDisk('f').slice(0, 4)).toBe('kept');
  });

  it('an unlinked file keeps working (mkstemp + unlink idiom)', () => {
    const fd = makeFile('gone', PG);
    fs.unlinkSync(path.join(h.tmp, 'gone'));
    const m = h.call('mmap', 0, PG, RW, c.MAP_SHARED, fd, 0);
    put(m + 1, 'XY');
    expect(h.call('pread64', fd, h.scratch, 4, 0)).toBe(4);
    expect(get(h.scratch, 4)).toBe('aXYd');
  });

  it('exit_group writes back; flushSharedMappings does it for other endings', () => {
    const fd = makeFile('f', PG);
    const m = h.call('mmap', 0, PG, RW, c.MAP_SHARED, fd, 0);
    put(m, 'exit');
    expect(() => h.call('exit_group', 0)).toThrow(GuestExit);
    expect(onDisk('f').slice(0, 4)).toBe('exit');
    put(m, 'kill');
    flushSharedMappings(h.proc);
    expect(onDisk('f').slice(0, 4)).toBe('kill');
  });

  it('a shared writable mapping needs a writable fd', () => {
    fs.writeFileSync(path.join(h.tmp, 'ro'), 'x');
    const fd = h.call('openat', FDCWD, h.str('ro'), c.O_RDONLY, 0);
    expect(h.call('mmap', 0, PG, RW, c.MAP_SHARED, fd, 0)).toBe(-E.EACCES);
    expect(h.call('mmap', 0, PG, c.PROT_READ, c.MAP_SHARED, fd, 0)).toBeGreaterThan(0);
  });
});
