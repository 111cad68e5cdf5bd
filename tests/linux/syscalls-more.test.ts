// utimensat with nanoseconds, -strace printing the call before it runs, blocking calls
// keeping Node alive, the guest's /proc/self/fd, O_TMPFILE.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archByName } from '../../syscalls/arch.js';
import { writeStruct } from '../../syscalls/layout.js';
import { E } from '../../syscalls/tables/errno.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const A = archByName('riscv64');
const c = A.c;
const FDCWD = c.AT_FDCWD;

let h: Harness;
afterEach(() => h.cleanup());

/** two timespecs at scratch+0x800 */
function times(a: [number, number], m: [number, number]): number {
  const at = h.scratch + 0x800;
  writeStruct(h.mem, at, A.s.timespec, { tv_sec: a[0], tv_nsec: a[1] });
  writeStruct(h.mem, at + A.s.timespec.size, A.s.timespec, { tv_sec: m[0], tv_nsec: m[1] });
  return at;
}
const ns = (p: string) => {
  const st = fs.lstatSync(p, { bigint: true });
  return [st.atimeNs, st.mtimeNs];
};

describe('utimensat keeps nanoseconds', () => {
  beforeEach(() => { h = harness(); });

  it('sets exact nanoseconds, negative times and whole microseconds', () => {
    const f = path.join(h.tmp, 't');
    fs.writeFileSync(f, 'x');
    expect(h.call('utimensat', FDCWD, h.str('t'), times([1000000000, 123456789], [1234567890, 500]), 0)).toBe(0);
    expect(ns(f)).toEqual([1000000000123456789n, 1234567890000000500n]);
    expect(h.call('utimensat', FDCWD, h.str('t'), times([-2, 999999999], [5, 250000000]), 0)).toBe(0);
    expect(ns(f)).toEqual([-1000000001n, 5250000000n]);
    expect(h.call('utimensat', FDCWD, h.str('t'), times([1700000000, 123456000], [1700000001, 0]), 0)).toBe(0);
    expect(ns(f)).toEqual([1700000000123456000n, 1700000001000000000n]);
  });

  it('UTIME_OMIT keeps the other time to the nanosecond; UTIME_NOW is now', () => {
    const f = path.join(h.tmp, 't');
    fs.writeFileSync(f, 'x');
    expect(h.call('utimensat', FDCWD, h.str('t'), times([10, 111111111], [20, 222222222]), 0)).toBe(0);
    expect(h.call('utimensat', FDCWD, h.str('t'), times([0, c.UTIME_OMIT], [30, 333333333]), 0)).toBe(0);
    expect(ns(f)).toEqual([10111111111n, 30333333333n]);
    expect(h.call('utimensat', FDCWD, h.str('t'), times([0, c.UTIME_NOW], [0, c.UTIME_OMIT]), 0)).toBe(0);
    const [a, m] = ns(f);
    expect(a).toBeGreaterThan(1600000000n * 1000000000n);
    expect(m).toBe(30333333333n);
    expect(h.call('utimensat', FDCWD, h.str('t'), times([0, 1e9], [0, 0]), 0)).toBe(-E.EINVAL);
    expect(h.call('utimensat', FDCWD, h.str('missing'), times([0, c.UTIME_OMIT], [0, c.UTIME_OMIT]), 0)).toBe(-E.ENOENT);
  });

  it('futimens (NULL path) on an unlinked file, and AT_SYMLINK_NOFOLLOW on a link', () => {
    const f = path.join(h.tmp, 'gone');
    const fd = h.call('openat', FDCWD, h.str('gone'), c.O_RDWR | c.O_CREAT, 0o644);
    const hostFd = h.proc.fds.get(fd)!.hostFd;
    fs.unlinkSync(f);
    expect(h.call('utimensat', fd, 0, times([7, 7], [8, 8]), 0)).toBe(0);
    const st = fs.fstatSync(hostFd, { bigint: true });
    expect([st.atimeNs, st.mtimeNs]).toEqual([7000000007n, 8000000008n]);
    fs.writeFileSync(path.join(h.tmp, 'target'), 'x');
    fs.symlinkSync('target', path.join(h.tmp, 'link'));
    const before = ns(path.join(h.tmp, 'target'));
    expect(h.call('utimensat', FDCWD, h.str('link'), times([3, 1], [4, 2]), c.AT_SYMLINK_NOFOLLOW)).toBe(0);
    expect(ns(path.join(h.tmp, 'link'))).toEqual([3000000001n, 4000000002n]);
    expect(ns(path.join(h.tmp, 'target'))).toEqual(before);
  });
});

describe('-strace prints the call before it runs', () => {
  beforeEach(() => { h = harness({ strace: true }); });

  it('the call text is written first, the result completes the line afterwards', () => {
    const fd = h.call('openat', FDCWD, h.str('o.txt'), c.O_WRONLY | c.O_CREAT, 0o644);
    h.log.pieces.length = 0;
    h.mem.writeBytes(h.scratch, Buffer.from('hi'));
    expect(h.call('write', fd, h.scratch, 2)).toBe(2);
    expect(h.log.pieces).toEqual([`${h.proc.pid} write(${fd},0x100000,2)`, ' = 2\n']);
  });

  it('a call that waits shows its line at once and its result when it returns', async () => {
    h.mem.write32(h.scratch, 1);
    h.log.pieces.length = 0;
    const waiting = h.callAsync('futex', h.scratch, c.FUTEX_WAIT, 1, 0, 0, 0);
    expect(h.log.pieces).toEqual([`${h.proc.pid} futex(0x0000000000100000,FUTEX_WAIT,1,NULL,NULL,0)`]);
    h.proc.sys.futexWaiters.get(h.scratch)![0](); // what another thread's FUTEX_WAKE does
    await waiting;
    expect(h.log.pieces[1]).toBe(' = 0\n');
  });

  it('exit_group ends its line without a result', () => {
    h.log.pieces.length = 0;
    expect(() => h.call('exit_group', 1)).toThrow();
    expect(h.log.pieces.join('')).toBe(`${h.proc.pid} exit_group(1)\n`);
  });
});

describe('a blocked call keeps Node alive', () => {
  beforeEach(() => { h = harness(); });

  it('a futex wait with no timeout holds a timer until it is woken', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    h.mem.write32(h.scratch, 5);
    const waiting = h.callAsync('futex', h.scratch, c.FUTEX_WAIT, 5, 0, 0, 0);
    expect(timers()).toBe(before + 1);
    h.proc.sys.futexWaiters.get(h.scratch)![0]();
    expect(await waiting).toBe(0);
    expect(timers()).toBe(before);
  });
});

describe('/proc/self/fd is the guest\'s', () => {
  beforeEach(() => { h = harness(); });

  it('lists the guest fds and opens the guest files behind them', () => {
    fs.writeFileSync(path.join(h.tmp, 'data'), 'guest data');
    const fd = h.call('openat', FDCWD, h.str('data'), c.O_RDONLY, 0);
    const dir = h.call('openat', FDCWD, h.str('/proc/self/fd'), c.O_RDONLY | c.O_DIRECTORY, 0);
    const buf = h.scratch + 0x1000;
    const n = h.call('getdents64', dir, buf, 4096);
    expect(n).toBeGreaterThan(0);
    const names: string[] = [];
    const l = A.s.linux_dirent64;
    for (let off = 0; off < n;) {
      const reclen = h.mem.read16(buf + off + l.fields.d_reclen.off);
      names.push(h.mem.readCString(buf + off + l.fields.d_name.off));
      off += reclen;
    }
    expect(names).toEqual(['.', '..', '0', '1', '2', String(fd), String(dir)]);
    // /proc/self/fd/N opens the guest's file N (Node's fd N is something else)
    const again = h.call('openat', FDCWD, h.str(`/proc/self/fd/${fd}`), c.O_RDONLY, 0);
    expect(again).toBeGreaterThan(0);
    expect(h.call('read', again, h.scratch, 5)).toBe(5);
    expect(Buffer.from(h.mem.readBytes(h.scratch, 5)).toString()).toBe('guest');
    expect(h.call('openat', FDCWD, h.str('/proc/self/fd/77'), c.O_RDONLY, 0)).toBe(-E.ENOENT);
  });

  it('reopening a pipe end through /proc/self/fd gives the same pipe', () => {
    expect(h.call('pipe2', h.scratch, 0)).toBe(0);
    const [r, w] = [h.mem.read32(h.scratch), h.mem.read32(h.scratch + 4)];
    const r2 = h.call('openat', FDCWD, h.str(`/proc/self/fd/${r}`), c.O_RDONLY, 0);
    h.mem.writeBytes(h.scratch + 16, Buffer.from('pipe'));
    expect(h.call('write', w, h.scratch + 16, 4)).toBe(4);
    expect(h.call('read', r2, h.scratch + 32, 4)).toBe(4);
    expect(Buffer.from(h.mem.readBytes(h.scratch + 32, 4)).toString()).toBe('pipe');
  });
});

describe('O_TMPFILE', () => {
  beforeEach(() => { h = harness(); });

  it('opens an unnamed file in the directory', () => {
    const fd = h.call('openat', FDCWD, h.str('.'), c.O_RDWR | c.O_TMPFILE, 0o600);
    expect(fd).toBeGreaterThan(0);
    expect(fs.readdirSync(h.tmp)).toEqual([]);
    h.mem.writeBytes(h.scratch, Buffer.from('tmp'));
    expect(h.call('pwrite64', fd, h.scratch, 3, 0)).toBe(3);
    expect(h.call('pread64', fd, h.scratch + 8, 3, 0)).toBe(3);
    expect(Buffer.from(h.mem.readBytes(h.scratch + 8, 3)).toString()).toBe('tmp');
    expect(h.call('fcntl', fd, c.F_GETFL, 0) & c.O_TMPFILE).toBe(c.O_TMPFILE);
  });
});
