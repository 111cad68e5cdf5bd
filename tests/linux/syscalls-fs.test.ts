import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archByName } from '../../syscalls/arch.js';
import { readStruct } from '../../syscalls/layout.js';
import { E } from '../../syscalls/tables/errno.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const A = archByName('riscv64');
const c = A.c;
const FDCWD = c.AT_FDCWD;

let h: Harness;
beforeEach(() => { h = harness(); });
afterEach(() => h.cleanup());

const bytes = (s: string) => Buffer.from(s);
const text = (addr: number, n: number) => Buffer.from(h.mem.readBytes(addr, n)).toString();

describe('open/read/write/close', () => {
  it('creates, writes, seeks and reads back a file', () => {
    const fd = h.call('openat', FDCWD, h.str('f.txt'), c.O_RDWR | c.O_CREAT | c.O_TRUNC, 0o640);
    expect(fd).toBe(3);
    h.mem.writeBytes(h.scratch, bytes('hello world'));
    expect(h.call('write', fd, h.scratch, 11)).toBe(11);
    expect(h.call('lseek', fd, 0, c.SEEK_CUR)).toBe(11);
    expect(h.call('lseek', fd, 6, c.SEEK_SET)).toBe(6);
    expect(h.call('read', fd, h.scratch + 100, 100)).toBe(5);
    expect(text(h.scratch + 100, 5)).toBe('world');
    expect(h.call('read', fd, h.scratch + 100, 100)).toBe(0);
    expect(h.call('lseek', fd, -5, c.SEEK_END)).toBe(6);
    expect(h.call('lseek', fd, -100, c.SEEK_CUR)).toBe(-E.EINVAL);
    expect(h.call('close', fd)).toBe(0);
    expect(fs.readFileSync(path.join(h.tmp, 'f.txt'), 'utf8')).toBe('hello world');
    expect(fs.statSync(path.join(h.tmp, 'f.txt')).mode & 0o777).toBe(0o640);
  });

  it('applies the guest umask to new files', () => {
    expect(h.call('umask', 0o077)).toBe(0o022);
    const fd = h.call('openat', FDCWD, h.str('u.txt'), c.O_WRONLY | c.O_CREAT, 0o666);
    expect(fd).toBeGreaterThan(2);
    expect(fs.statSync(path.join(h.tmp, 'u.txt')).mode & 0o777).toBe(0o600);
  });

  it('pread64/pwrite64 do not move the offset; O_APPEND appends', () => {
    fs.writeFileSync(path.join(h.tmp, 'p.txt'), 'abcdef');
    const fd = h.call('openat', FDCWD, h.str('p.txt'), c.O_RDWR, 0);
    expect(h.call('pread64', fd, h.scratch, 3, 2)).toBe(3);
    expect(text(h.scratch, 3)).toBe('cde');
    h.mem.writeBytes(h.scratch, bytes('XY'));
    expect(h.call('pwrite64', fd, h.scratch, 2, 1)).toBe(2);
    expect(h.call('lseek', fd, 0, c.SEEK_CUR)).toBe(0);
    expect(h.call('pread64', fd, h.scratch, 1, -1)).toBe(-E.EINVAL);
    const ap = h.call('openat', FDCWD, h.str('p.txt'), c.O_WRONLY | c.O_APPEND, 0);
    h.mem.writeBytes(h.scratch, bytes('!'));
    expect(h.call('write', ap, h.scratch, 1)).toBe(1);
    expect(fs.readFileSync(path.join(h.tmp, 'p.txt'), 'utf8')).toBe('aXYdef!');
  });

  it('readv/writev gather and scatter through iovecs', () => {
    const fd = h.call('openat', FDCWD, h.str('v.txt'), c.O_RDWR | c.O_CREAT, 0o644);
    const iov = h.scratch + 0x1000;
    h.mem.writeBytes(h.scratch, bytes('foo'));
    h.mem.writeBytes(h.scratch + 0x10, bytes('barbaz'));
    h.mem.write64(iov, BigInt(h.scratch)); h.mem.write64(iov + 8, 3n);
    h.mem.write64(iov + 16, BigInt(h.scratch + 0x10)); h.mem.write64(iov + 24, 6n);
    expect(h.call('writev', fd, iov, 2)).toBe(9);
    expect(fs.readFileSync(path.join(h.tmp, 'v.txt'), 'utf8')).toBe('foobarbaz');
    h.call('lseek', fd, 0, c.SEEK_SET);
    h.mem.write64(iov, BigInt(h.scratch + 0x100)); h.mem.write64(iov + 8, 4n);
    h.mem.write64(iov + 16, BigInt(h.scratch + 0x200)); h.mem.write64(iov + 24, 100n);
    expect(h.call('readv', fd, iov, 2)).toBe(9);
    expect(text(h.scratch + 0x100, 4)).toBe('foob');
    expect(text(h.scratch + 0x200, 5)).toBe('arbaz');
    expect(h.call('writev', fd, iov, -1)).toBe(-E.EINVAL);
  });

  it('errors: ENOENT, EBADF, EFAULT, EISDIR, EEXIST, ENOTDIR', () => {
    expect(h.call('openat', FDCWD, h.str('missing'), c.O_RDONLY, 0)).toBe(-E.ENOENT);
    expect(h.call('read', 42, h.scratch, 1)).toBe(-E.EBADF);
    expect(h.call('write', -1, h.scratch, 1)).toBe(-E.EBADF);
    expect(h.call('close', 99)).toBe(-E.EBADF);
    expect(h.call('openat', FDCWD, 0x5000, c.O_RDONLY, 0)).toBe(-E.EFAULT); // unmapped path pointer
    const fd = h.call('openat', FDCWD, h.str('x'), c.O_RDWR | c.O_CREAT, 0o644);
    expect(h.call('read', fd, 0x5000, 10)).toBe(-E.EFAULT);
    expect(h.call('write', fd, 0x5000, 10)).toBe(-E.EFAULT);
    expect(h.call('openat', FDCWD, h.str('x'), c.O_RDWR | c.O_CREAT | c.O_EXCL, 0o644)).toBe(-E.EEXIST);
    expect(h.call('openat', FDCWD, h.str('.'), c.O_RDWR, 0)).toBe(-E.EISDIR);
    expect(h.call('openat', FDCWD, h.str('x/y'), c.O_RDONLY, 0)).toBe(-E.ENOTDIR); // x is a file
    expect(h.call('openat', fd, h.str('y'), c.O_RDONLY, 0)).toBe(-E.ENOTDIR);
    expect(h.call('openat', 77, h.str('y'), c.O_RDONLY, 0)).toBe(-E.EBADF);
    const dfd = h.call('openat', FDCWD, h.str('.'), c.O_RDONLY | c.O_DIRECTORY, 0);
    expect(h.call('read', dfd, h.scratch, 10)).toBe(-E.EISDIR);
  });

  it('a read into memory that ends early is cut short at the fault', () => {
    fs.writeFileSync(path.join(h.tmp, 'big'), Buffer.alloc(8192, 0x61));
    const fd = h.call('openat', FDCWD, h.str('big'), c.O_RDONLY, 0);
    const lastPage = h.scratch + (1 << 20) - 4096 * 2; // strings live in the last page
    expect(h.call('read', fd, lastPage + 4096 - 100, 8192)).toBe(100 + 4096);
  });
});

describe('descriptors', () => {
  it('dup, dup3, fcntl F_DUPFD/F_GETFD/F_SETFD/F_GETFL/F_SETFL', () => {
    const fd = h.call('openat', FDCWD, h.str('d.txt'), c.O_RDWR | c.O_CREAT | c.O_CLOEXEC, 0o644);
    expect(h.call('fcntl', fd, c.F_GETFD, 0)).toBe(c.FD_CLOEXEC);
    expect(h.call('fcntl', fd, c.F_SETFD, 0)).toBe(0);
    expect(h.call('fcntl', fd, c.F_GETFD, 0)).toBe(0);
    expect(h.call('fcntl', fd, c.F_GETFL, 0)).toBe(c.O_RDWR);
    expect(h.call('fcntl', fd, c.F_SETFL, c.O_APPEND | c.O_NONBLOCK)).toBe(0);
    expect(h.call('fcntl', fd, c.F_GETFL, 0)).toBe(c.O_RDWR | c.O_APPEND | c.O_NONBLOCK);
    const d = h.call('dup', fd);
    expect(d).toBe(fd + 1);
    expect(h.call('fcntl', fd, c.F_DUPFD_CLOEXEC, 10)).toBe(10);
    expect(h.call('fcntl', 10, c.F_GETFD, 0)).toBe(c.FD_CLOEXEC);
    expect(h.call('dup3', fd, 20, c.O_CLOEXEC)).toBe(20);
    expect(h.call('dup3', fd, fd, 0)).toBe(-E.EINVAL);
    expect(h.call('dup3', 55, 21, 0)).toBe(-E.EBADF);
    // shared offset between duplicates
    h.mem.writeBytes(h.scratch, bytes('abc'));
    h.call('write', fd, h.scratch, 3);
    expect(h.call('lseek', 20, 0, c.SEEK_CUR)).toBe(3);
    // closing one duplicate leaves the others usable
    expect(h.call('close', fd)).toBe(0);
    expect(h.call('write', d, h.scratch, 3)).toBe(3);
    expect(fs.readFileSync(path.join(h.tmp, 'd.txt'), 'utf8')).toBe('abcabc');
    expect(h.call('fcntl', d, 9999, 0)).toBe(-E.EINVAL);
    expect(h.call('fcntl', d, c.F_SETLK, h.scratch)).toBe(0);
  });

  it('pipe2 moves bytes; EOF after the writer closes; SIGPIPE kills when no reader', async () => {
    expect(h.call('pipe2', h.scratch, c.O_CLOEXEC)).toBe(0);
    const r = h.mem.read32(h.scratch);
    const w = h.mem.read32(h.scratch + 4);
    expect([r, w]).toEqual([3, 4]);
    h.mem.writeBytes(h.scratch + 64, bytes('ping'));
    expect(h.call('write', w, h.scratch + 64, 4)).toBe(4);
    h.mem.write32(h.scratch + 8, 0);
    expect(h.call('ioctl', r, c.FIONREAD, h.scratch + 8)).toBe(0);
    expect(h.mem.read32(h.scratch + 8)).toBe(4);
    expect(h.call('read', r, h.scratch + 128, 10)).toBe(4);
    expect(text(h.scratch + 128, 4)).toBe('ping');
    expect(h.call('lseek', r, 0, c.SEEK_SET)).toBe(-E.ESPIPE);
    // an empty pipe with a writer would block: the read returns a Promise, woken by a write
    const pending = h.callAsync('read', r, h.scratch + 128, 10);
    h.proc.fds.get(w)!.pipe!.push(bytes('late'));
    expect(await pending).toBe(4);
    expect(h.call('close', w)).toBe(0);
    expect(h.call('read', r, h.scratch + 128, 10)).toBe(0);
    // a write with no reader: SIGPIPE's default action ends the process
    expect(h.call('pipe2', h.scratch, 0)).toBe(0);
    const [r2, w2] = [h.mem.read32(h.scratch), h.mem.read32(h.scratch + 4)];
    h.call('close', r2);
    expect(() => h.call('write', w2, h.scratch + 64, 4)).toThrow(expect.objectContaining({ signal: c.SIGPIPE }));
    // with SIGPIPE ignored, the write fails with EPIPE
    h.mem.writeBytes(h.scratch + 0x400, new Uint8Array(A.s.sigaction.size));
    h.mem.write64(h.scratch + 0x400 + A.s.sigaction.fields.sa_handler.off, 1n); // SIG_IGN
    expect(h.call('rt_sigaction', c.SIGPIPE, h.scratch + 0x400, 0, 8)).toBe(0);
    expect(h.call('write', w2, h.scratch + 64, 4)).toBe(-E.EPIPE);
  });

  it('O_NONBLOCK empty pipe gives EAGAIN', () => {
    h.call('pipe2', h.scratch, c.O_NONBLOCK);
    expect(h.call('read', h.mem.read32(h.scratch), h.scratch + 64, 4)).toBe(-E.EAGAIN);
  });

  it('ioctl on a regular file is ENOTTY', () => {
    const fd = h.call('openat', FDCWD, h.str('t'), c.O_RDWR | c.O_CREAT, 0o644);
    expect(h.call('ioctl', fd, c.TCGETS, h.scratch)).toBe(-E.ENOTTY);
    expect(h.call('ioctl', fd, c.TIOCGWINSZ, h.scratch)).toBe(-E.ENOTTY);
    expect(h.call('ioctl', 99, c.TCGETS, h.scratch)).toBe(-E.EBADF);
  });
});

describe('metadata', () => {
  it('newfstatat / fstat (AT_EMPTY_PATH) / statx fill the generated layouts', () => {
    fs.writeFileSync(path.join(h.tmp, 's.txt'), 'x'.repeat(1234));
    const want = fs.statSync(path.join(h.tmp, 's.txt'));
    const buf = h.scratch + 0x2000;
    expect(h.call('newfstatat', FDCWD, h.str('s.txt'), buf, 0)).toBe(0);
    let st = readStruct(h.mem, buf, A.s.stat);
    expect(st.st_size).toBe(1234);
    expect(st.st_mode).toBe(want.mode);
    expect(st.st_ino).toBe(want.ino);
    expect(st.st_mtime).toBe(Math.floor(want.mtimeMs / 1000));
    const fd = h.call('openat', FDCWD, h.str('s.txt'), c.O_RDONLY, 0);
    h.mem.writeBytes(buf, new Uint8Array(256));
    expect(h.call('newfstatat', fd, h.str(''), buf, c.AT_EMPTY_PATH)).toBe(0);
    st = readStruct(h.mem, buf, A.s.stat);
    expect(st.st_size).toBe(1234);
    expect(h.call('newfstatat', fd, h.str(''), buf, 0)).toBe(-E.ENOENT);
    expect(h.call('fstat', fd, buf)).toBe(0);
    expect(h.call('statx', FDCWD, h.str('s.txt'), 0, c.STATX_BASIC_STATS, buf)).toBe(0);
    const sx = readStruct(h.mem, buf, A.s.statx);
    expect(sx.stx_size).toBe(1234);
    expect(sx.stx_mode).toBe(want.mode & 0xffff);
    expect(sx.stx_mask & c.STATX_BASIC_STATS).toBe(c.STATX_BASIC_STATS);
    expect(h.call('newfstatat', FDCWD, h.str('nope'), buf, 0)).toBe(-E.ENOENT);
    expect(h.call('newfstatat', FDCWD, h.str('s.txt'), 0x5000, 0)).toBe(-E.EFAULT);
  });

  it('lstat sees symlinks; readlinkat; /proc/self/exe', () => {
    fs.writeFileSync(path.join(h.tmp, 'target'), 'abc');
    expect(h.call('symlinkat', h.str('target'), FDCWD, h.str('link'))).toBe(0);
    const buf = h.scratch + 0x2000;
    h.call('newfstatat', FDCWD, h.str('link'), buf, c.AT_SYMLINK_NOFOLLOW);
    expect(readStruct(h.mem, buf, A.s.stat).st_mode & c.S_IFMT).toBe(c.S_IFLNK);
    h.call('newfstatat', FDCWD, h.str('link'), buf, 0);
    expect(readStruct(h.mem, buf, A.s.stat).st_mode & c.S_IFMT).toBe(c.S_IFREG);
    expect(h.call('readlinkat', FDCWD, h.str('link'), buf, 100)).toBe(6);
    expect(text(buf, 6)).toBe('target');
    expect(h.call('readlinkat', FDCWD, h.str('link'), buf, 3)).toBe(3);
    expect(h.call('readlinkat', FDCWD, h.str('target'), buf, 100)).toBe(-E.EINVAL);
    h.proc.exePath = '/guest/bin/prog';
    h.proc.hostExePath = path.join(h.tmp, 'target');
    expect(h.call('readlinkat', FDCWD, h.str('/proc/self/exe'), buf, 100)).toBe(15);
    expect(text(buf, 15)).toBe('/guest/bin/prog');
    const fd = h.call('openat', FDCWD, h.str('/proc/self/exe'), c.O_RDONLY, 0);
    expect(h.call('read', fd, buf, 10)).toBe(3);
    expect(text(buf, 3)).toBe('abc');
  });

  it('faccessat, fchmodat, utimensat, ftruncate, truncate', () => {
    const p = path.join(h.tmp, 'm.txt');
    fs.writeFileSync(p, 'hello');
    expect(h.call('faccessat', FDCWD, h.str('m.txt'), 4, 0)).toBe(0);
    expect(h.call('faccessat', FDCWD, h.str('nope'), 0, 0)).toBe(-E.ENOENT);
    expect(h.call('faccessat', FDCWD, h.str('m.txt'), 8, 0)).toBe(-E.EINVAL);
    expect(h.call('fchmodat', FDCWD, h.str('m.txt'), 0o604, 0)).toBe(0);
    expect(fs.statSync(p).mode & 0o777).toBe(0o604);
    const ts = h.scratch + 0x3000;
    h.mem.write64(ts, 1000000000n); h.mem.write64(ts + 8, 0n);
    h.mem.write64(ts + 16, 1200000000n); h.mem.write64(ts + 24, 500000000n);
    expect(h.call('utimensat', FDCWD, h.str('m.txt'), ts, 0)).toBe(0);
    const st = fs.statSync(p);
    expect(Math.round(st.atimeMs)).toBe(1000000000000);
    expect(Math.round(st.mtimeMs)).toBe(1200000000500);
    const fd = h.call('openat', FDCWD, h.str('m.txt'), c.O_RDWR, 0);
    expect(h.call('ftruncate', fd, 2)).toBe(0);
    expect(fs.readFileSync(p, 'utf8')).toBe('he');
    expect(h.call('truncate', h.str('m.txt'), 0)).toBe(0);
    expect(fs.statSync(p).size).toBe(0);
    expect(h.call('ftruncate', fd, -1)).toBe(-E.EINVAL);
  });

  it('statfs/fstatfs report the file system', () => {
    const buf = h.scratch + 0x2000;
    expect(h.call('statfs', h.str('.'), buf)).toBe(0);
    const s = readStruct(h.mem, buf, A.s.statfs);
    expect(s.f_bsize).toBeGreaterThan(0);
    expect(s.f_namelen).toBe(255);
  });
});

describe('directories and names', () => {
  it('mkdirat, getdents64 (with . and ..), renameat2, unlinkat, linkat', () => {
    expect(h.call('mkdirat', FDCWD, h.str('d'), 0o755)).toBe(0);
    expect(h.call('mkdirat', FDCWD, h.str('d'), 0o755)).toBe(-E.EEXIST);
    fs.writeFileSync(path.join(h.tmp, 'd', 'one'), '1');
    fs.mkdirSync(path.join(h.tmp, 'd', 'sub'));
    const dfd = h.call('openat', FDCWD, h.str('d'), c.O_RDONLY | c.O_DIRECTORY, 0);
    expect(dfd).toBeGreaterThan(2);
    const buf = h.scratch + 0x4000;
    const l = A.s.linux_dirent64;
    const names = new Map<string, number>();
    for (;;) {
      const n = h.call('getdents64', dfd, buf, 64); // small buffer: several calls
      expect(n).toBeGreaterThanOrEqual(0);
      if (n === 0) break;
      for (let off = 0; off < n;) {
        const rec = readStruct(h.mem, buf + off, l);
        const name = h.mem.readCString(buf + off + l.fields.d_name.off);
        expect(rec.d_ino).toBeGreaterThan(0);
        names.set(name, rec.d_type);
        off += rec.d_reclen;
      }
    }
    expect([...names.keys()].sort()).toEqual(['.', '..', 'one', 'sub']);
    expect(names.get('one')).toBe(c.DT_REG);
    expect(names.get('sub')).toBe(c.DT_DIR);
    expect(h.call('getdents64', dfd, buf, 8)).toBe(0); // at the end
    expect(h.call('lseek', dfd, 0, c.SEEK_SET)).toBe(0);
    expect(h.call('getdents64', dfd, buf, 8)).toBe(-E.EINVAL); // rewound, but too small for one entry
    // *at relative to a directory fd
    expect(h.call('renameat2', dfd, h.str('one'), dfd, h.str('two'), 0)).toBe(0);
    expect(fs.existsSync(path.join(h.tmp, 'd', 'two'))).toBe(true);
    fs.writeFileSync(path.join(h.tmp, 'd', 'three'), '3');
    expect(h.call('renameat2', dfd, h.str('two'), dfd, h.str('three'), c.RENAME_NOREPLACE)).toBe(-E.EEXIST);
    expect(h.call('linkat', dfd, h.str('two'), FDCWD, h.str('hard'), 0)).toBe(0);
    expect(fs.statSync(path.join(h.tmp, 'hard')).nlink).toBe(2);
    expect(h.call('unlinkat', dfd, h.str('two'), 0)).toBe(0);
    expect(h.call('unlinkat', FDCWD, h.str('d/sub'), 0)).toBeLessThan(0);
    expect(h.call('unlinkat', FDCWD, h.str('d/sub'), c.AT_REMOVEDIR)).toBe(0);
    expect(h.call('getdents64', 0x7777, buf, 100)).toBe(-E.EBADF);
    const f = h.call('openat', FDCWD, h.str('hard'), c.O_RDONLY, 0);
    expect(h.call('getdents64', f, buf, 100)).toBe(-E.ENOTDIR);
  });

  it('getcwd/chdir/fchdir track the guest cwd without touching the host', () => {
    const hostCwd = process.cwd();
    fs.mkdirSync(path.join(h.tmp, 'sub'));
    const real = fs.realpathSync(h.tmp);
    expect(h.call('chdir', h.str('sub'))).toBe(0);
    expect(process.cwd()).toBe(hostCwd);
    const n = h.call('getcwd', h.scratch, 4096);
    expect(h.mem.readCString(h.scratch)).toBe(path.join(real, 'sub'));
    expect(n).toBe(path.join(real, 'sub').length + 1);
    expect(h.call('getcwd', h.scratch, 3)).toBe(-E.ERANGE);
    fs.writeFileSync(path.join(h.tmp, 'sub', 'here'), 'x');
    expect(h.call('faccessat', FDCWD, h.str('here'), 0, 0)).toBe(0);
    const dfd = h.call('openat', FDCWD, h.str('..'), c.O_RDONLY | c.O_DIRECTORY, 0);
    expect(h.call('fchdir', dfd)).toBe(0);
    expect(h.proc.cwd).toBe(real);
    expect(h.call('chdir', h.str('nope'))).toBe(-E.ENOENT);
    fs.writeFileSync(path.join(h.tmp, 'file'), '');
    expect(h.call('chdir', h.str('file'))).toBe(-E.ENOTDIR);
  });

  it('absolute paths look in the sysroot first, then the host', () => {
    const root = fs.mkdtempSync(path.join(h.tmp, 'root-'));
    fs.mkdirSync(path.join(root, 'etc'));
    fs.writeFileSync(path.join(root, 'etc', 'only-in-sysroot'), 'from sysroot');
    const s = harness({ sysroot: root });
    try {
      const fd = s.call('openat', FDCWD, s.str('/etc/only-in-sysroot'), c.O_RDONLY, 0);
      expect(fd).toBe(3);
      expect(s.call('read', fd, s.scratch, 100)).toBe(12);
      // not in the sysroot: the host's own file
      expect(s.call('faccessat', FDCWD, s.str('/proc/version'), 4, 0)).toBe(0);
    } finally {
      s.cleanup();
    }
  });

  it('/proc/self/cmdline and /proc/self/maps are the guest\'s', () => {
    h.proc.argv = ['prog', 'arg'];
    const fd = h.call('openat', FDCWD, h.str('/proc/self/cmdline'), c.O_RDONLY, 0);
    expect(h.call('read', fd, h.scratch, 100)).toBe(9);
    expect(text(h.scratch, 9)).toBe('prog\0arg\0');
    const m = h.call('openat', FDCWD, h.str('/proc/self/maps'), c.O_RDONLY, 0);
    const n = h.call('read', m, h.scratch, 4096);
    expect(text(h.scratch, n)).toContain('00100000-00200000 rw-p');
  });
});
