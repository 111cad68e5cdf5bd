import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archByName } from '../../syscalls/arch.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const c = archByName('riscv64').c;
let h: Harness;
beforeEach(() => { h = harness({ strace: true }); });
afterEach(() => h.cleanup());

/** lines without the "PID " prefix */
const lines = () => h.log.lines.map((l) => l.replace(/^\d+ /, ''));

describe('-strace output (qemu-riscv64 shape)', () => {
  it('paths quoted, AT_FDCWD, flags symbolic, mode in octal, errors as errno=N (text)', () => {
    const p = h.str('/nonexistent');
    h.call('openat', c.AT_FDCWD, p, c.O_RDONLY, 0);
    const q = h.str('x.txt');
    h.call('openat', c.AT_FDCWD, q, c.O_WRONLY | c.O_CREAT | c.O_TRUNC | c.O_CLOEXEC, 0o644);
    h.call('openat', c.AT_FDCWD, q, c.O_RDONLY | c.O_DIRECTORY | c.O_NONBLOCK | c.O_CLOEXEC, 0);
    expect(lines()).toEqual([
      'openat(AT_FDCWD,"/nonexistent",O_RDONLY) = -1 errno=2 (No such file or directory)',
      'openat(AT_FDCWD,"x.txt",O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC,0644) = 3',
      'openat(AT_FDCWD,"x.txt",O_RDONLY|O_DIRECTORY|O_NONBLOCK|O_CLOEXEC) = -1 errno=20 (Not a directory)',
    ]);
    expect(h.log.lines[0].startsWith(`${h.proc.pid} `)).toBe(true);
  });

  it('buffers unpadded, struct pointers 0x%016x, NULL, decoded mmap/mprotect/newfstatat args', () => {
    h.call('write', 99, 0x52060, 2);
    h.call('read', 0, 1, 5);
    const a = h.call('mmap', 0, 8192, c.PROT_READ | c.PROT_WRITE, c.MAP_PRIVATE | c.MAP_ANONYMOUS, -1, 0);
    h.call('mprotect', a, 4096, c.PROT_READ);
    h.call('mprotect', a, 4096, c.PROT_EXEC | c.PROT_READ | c.PROT_WRITE);
    h.call('munmap', a, 8192);
    h.call('newfstatat', 1, h.str(''), h.scratch, c.AT_EMPTY_PATH);
    h.call('unlinkat', c.AT_FDCWD, h.str('/nonexistent'), c.AT_REMOVEDIR);
    const hex = a.toString(16).padStart(16, '0');
    expect(lines()).toEqual([
      'write(99,0x52060,2) = -1 errno=9 (Bad file descriptor)',
      'read(0,0x1,5) = -1 errno=14 (Bad address)',
      `mmap(NULL,8192,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0) = 0x${hex}`,
      `mprotect(0x${hex},4096,PROT_READ) = 0`,
      `mprotect(0x${hex},4096,PROT_EXEC|PROT_READ|PROT_WRITE) = 0`,
      `munmap(0x${hex},8192) = 0`,
      'newfstatat(1,"",0x0000000000100000,0x1000) = 0',
      'unlinkat(AT_FDCWD,"/nonexistent",AT_REMOVEDIR) = -1 errno=2 (No such file or directory)',
    ]);
  });

  it('brk shows pointers both ways; clock_gettime shows the time it wrote', () => {
    h.proc.brkStart = h.proc.brk = 0x7d000;
    h.mem.map(0x7c000, 0x1000, 3);
    h.call('brk', 0);
    h.call('clock_gettime', c.CLOCK_MONOTONIC, h.scratch);
    const l = lines();
    expect(l[0]).toBe('brk(NULL) = 0x000000000007d000');
    expect(l[1]).toMatch(/^clock_gettime\(CLOCK_MONOTONIC,0x0000000000100000\) = 0 \(\{tv_sec = \d+,tv_nsec = \d+\}\)$/);
  });

  it('calls without a format show six decimal args; signals by name; exit_group has no result', () => {
    h.call('set_robust_list', 512224, 24, -32, 1, 508664, 512224);
    h.call('rt_sigprocmask', c.SIG_BLOCK, h.scratch, 0, 8);
    h.call('faccessat', c.AT_FDCWD, h.str('/'), 3, 0x40);
    h.call('lseek', 0, 2, c.SEEK_SET);
    h.call('futex', h.scratch, c.FUTEX_PRIVATE_FLAG | c.FUTEX_WAKE, 1, 0, 0, 0);
    h.call('umask', 0o22);
    expect(() => h.call('exit_group', 3)).toThrow();
    const l = lines();
    expect(l[0]).toBe('set_robust_list(512224,24,-32,1,508664,512224) = 0');
    expect(l[1]).toBe('rt_sigprocmask(SIG_BLOCK,0x0000000000100000,NULL) = 0');
    expect(l[2]).toMatch(/^faccessat\(AT_FDCWD,"\/",W_OK\|X_OK,0x40\) = /);
    expect(l[3]).toMatch(/^lseek\(0,2,SEEK_SET\) = /);
    expect(l[4]).toBe('futex(0x0000000000100000,FUTEX_PRIVATE_FLAG|FUTEX_WAKE,1,NULL,NULL,0) = 0');
    expect(l[5]).toBe('umask(022) = 18');
    expect(l[6]).toBe('exit_group(3)');
  });

  it('unknown numbers print "Unknown syscall N"', () => {
    h.proc.cpu.r[34] = 4999;
    h.proc.cpu.r[35] = 0;
    // drive doSyscall directly: no name on riscv64
    return import('../../syscalls/index.js').then(({ doSyscall }) => {
      doSyscall(h.proc);
      expect(lines()).toEqual(['Unknown syscall 4999']);
      expect(h.proc.cpu.getNum(20)).toBe(-38);
    });
  });
});
