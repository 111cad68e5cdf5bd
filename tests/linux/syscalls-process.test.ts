import * as os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GuestExit } from '../../src/linux/errors.js';
import { archByName } from '../../syscalls/arch.js';
import { readStruct } from '../../syscalls/layout.js';
import { E } from '../../syscalls/tables/errno.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const A = archByName('riscv64');
const c = A.c;
let h: Harness;
beforeEach(() => { h = harness(); });
afterEach(() => h.cleanup());

function exitOf(f: () => unknown): GuestExit {
  try {
    f();
  } catch (e) {
    if (e instanceof GuestExit) return e;
    throw e;
  }
  throw new Error('did not exit');
}

describe('exit and ids', () => {
  it('exit_group/exit throw GuestExit with status & 0xff', () => {
    expect(exitOf(() => h.call('exit_group', 300)).status).toBe(300 & 0xff);
    expect(exitOf(() => h.call('exit', 3)).status).toBe(3);
  });

  it('getpid/gettid/set_tid_address agree; robust lists are kept (robust-list.ts); ENOSYS for rseq (as qemu)', () => {
    const pid = h.call('getpid');
    expect(pid).toBe(h.proc.pid);
    expect(h.call('gettid')).toBe(pid);
    expect(h.call('set_tid_address', h.scratch)).toBe(pid);
    expect(h.proc.thread.clearChildTid).toBe(h.scratch);
    expect(h.call('set_robust_list', h.scratch, 24)).toBe(0);
    expect(h.proc.thread.robustList).toBe(h.scratch);
    expect(h.call('rseq', h.scratch, 32, 0, 0)).toBe(-E.ENOSYS);
    expect(h.call('getuid')).toBe(process.getuid!());
    expect(h.call('getresuid', h.scratch, h.scratch + 4, h.scratch + 8)).toBe(0);
    expect(h.mem.read32(h.scratch)).toBe(process.getuid!());
  });

  it('unknown syscalls are ENOSYS, reported once under -d unimp', () => {
    const u = harness({ items: ['unimp'] });
    try {
      expect(u.call('io_setup', 0)).toBe(-E.ENOSYS); // named but not implemented
      expect(u.call('io_setup', 0)).toBe(-E.ENOSYS);
      expect(u.log.lines.filter((l) => l.startsWith('Unsupported syscall: 0'))).toHaveLength(1);
    } finally {
      u.cleanup();
    }
  });
});

describe('system information', () => {
  it('uname reports Linux on riscv64', () => {
    expect(h.call('uname', h.scratch)).toBe(0);
    const f = A.s.utsname.fields;
    expect(h.mem.readCString(h.scratch + f.sysname.off)).toBe('Linux');
    expect(h.mem.readCString(h.scratch + f.machine.off)).toBe('riscv64');
    expect(h.mem.readCString(h.scratch + f.release.off)).toBe(os.release());
  });

  it('sysinfo, sched_getaffinity, getrandom', () => {
    expect(h.call('sysinfo', h.scratch)).toBe(0);
    const si = readStruct(h.mem, h.scratch, A.s.sysinfo);
    expect(si.totalram * si.mem_unit).toBe(os.totalmem());
    const n = h.call('sched_getaffinity', 0, 128, h.scratch);
    expect(n).toBe(8);
    let bits = 0;
    for (const b of h.mem.readBytes(h.scratch, 8)) for (let i = 0; i < 8; i++) bits += (b >> i) & 1;
    expect(bits).toBe(os.availableParallelism());
    expect(h.call('sched_getaffinity', 0, 4, h.scratch)).toBe(-E.EINVAL);
    h.mem.writeBytes(h.scratch, new Uint8Array(64));
    expect(h.call('getrandom', h.scratch, 64, 0)).toBe(64);
    expect(h.mem.readBytes(h.scratch, 64).some((b) => b !== 0)).toBe(true);
    expect(h.call('getrandom', h.scratch, 8, 0x100)).toBe(-E.EINVAL);
    expect(h.call('getrandom', 0x5000, 8, 0)).toBe(-E.EFAULT);
  });

  it('prlimit64 reads and sets limits; raising RLIMIT_NOFILE above its hard limit fails', () => {
    const old = h.scratch;
    expect(h.call('prlimit64', 0, c.RLIMIT_STACK, 0, old)).toBe(0);
    expect(h.mem.read64(old)).toBe(8n << 20n);
    expect(h.mem.read64(old + 8)).toBe((1n << 64n) - 1n);
    const nw = h.scratch + 64;
    h.mem.write64(nw, 64n); h.mem.write64(nw + 8, 1024n);
    expect(h.call('prlimit64', 0, c.RLIMIT_NOFILE, nw, 0)).toBe(0);
    expect(h.proc.fds.limit).toBe(64);
    h.mem.write64(nw, 100n); h.mem.write64(nw + 8, 50n);
    expect(h.call('prlimit64', 0, c.RLIMIT_NOFILE, nw, 0)).toBe(-E.EINVAL);
    expect(h.call('getrlimit', c.RLIMIT_NOFILE, old)).toBe(0);
    expect(h.mem.read64(old)).toBe(64n);
    expect(h.call('prlimit64', 12345678, c.RLIMIT_NOFILE, 0, old)).toBe(-E.ESRCH);
    expect(h.call('prlimit64', 0, 999, 0, old)).toBe(-E.EINVAL);
  });
});

describe('futex (one thread)', () => {
  it('WAIT with a mismatched value is EAGAIN, WAKE wakes nobody, a timeout expires', async () => {
    h.mem.write32(h.scratch, 7);
    expect(h.call('futex', h.scratch, c.FUTEX_WAIT | c.FUTEX_PRIVATE_FLAG, 8, 0, 0, 0)).toBe(-E.EAGAIN);
    expect(h.call('futex', h.scratch, c.FUTEX_WAKE | c.FUTEX_PRIVATE_FLAG, 1, 0, 0, 0)).toBe(0);
    h.mem.write64(h.scratch + 16, 0n); h.mem.write64(h.scratch + 24, 1000000n);
    // a timed wait parks (other threads run meanwhile) and ends with ETIMEDOUT
    expect(await h.callAsync('futex', h.scratch, c.FUTEX_WAIT, 7, h.scratch + 16, 0, 0)).toBe(-E.ETIMEDOUT);
    expect(h.proc.sys.futexWaiters.size).toBe(0);
    expect(h.call('futex', 0x5000, c.FUTEX_WAIT, 7, 0, 0, 0)).toBe(-E.EFAULT);
    expect(h.call('futex', h.scratch, c.FUTEX_LOCK_PI, 0, 0, 0, 0)).toBe(-E.ENOSYS);
  });

  it('a matching WAIT parks until a WAKE', async () => {
    h.mem.write32(h.scratch, 1);
    const waiting = h.callAsync('futex', h.scratch, c.FUTEX_WAIT, 1, 0, 0, 0);
    // what another thread would do:
    expect(h.call('futex', h.scratch, c.FUTEX_WAKE, 1, 0, 0, 0)).toBe(1);
    expect(await waiting).toBe(0);
  });

  it('WAKE_OP performs the operation on the second word', () => {
    h.mem.write32(h.scratch + 4, 5);
    const ADD = 1 << 28; // FUTEX_OP_ADD, oparg 3 at bits 12..23, cmp EQ 0
    expect(h.call('futex', h.scratch, c.FUTEX_WAKE_OP, 1, 1, h.scratch + 4, ADD | (3 << 12))).toBe(0);
    expect(h.mem.read32(h.scratch + 4)).toBe(8);
  });
});

describe('signals', () => {
  const act = () => h.scratch + 0x800;
  const setHandler = (v: bigint, flags = 0n) => {
    const l = A.s.sigaction;
    h.mem.writeBytes(act(), new Uint8Array(l.size));
    h.mem.write64(act() + l.fields.sa_handler.off, v);
    h.mem.write64(act() + l.fields.sa_flags.off, flags);
  };

  it('rt_sigaction stores the guest struct and gives the old one back', () => {
    setHandler(0x12340n, BigInt(c.SA_SIGINFO | c.SA_RESTART));
    expect(h.call('rt_sigaction', c.SIGUSR1, act(), 0, 8)).toBe(0);
    const old = h.scratch + 0x900;
    setHandler(1n);
    expect(h.call('rt_sigaction', c.SIGUSR1, act(), old, 8)).toBe(0);
    const o = readStruct(h.mem, old, A.s.sigaction);
    expect(o.sa_handler).toBe(0x12340);
    expect(o.sa_flags).toBe(c.SA_SIGINFO | c.SA_RESTART);
    expect(h.call('rt_sigaction', c.SIGKILL, act(), 0, 8)).toBe(-E.EINVAL);
    expect(h.call('rt_sigaction', c.SIGUSR1, act(), 0, 16)).toBe(-E.EINVAL);
    expect(h.call('rt_sigaction', 65, act(), 0, 8)).toBe(-E.EINVAL);
    expect(h.call('rt_sigaction', c.SIGUSR1, 0x5000, 0, 8)).toBe(-E.EFAULT);
  });

  it('rt_sigprocmask blocks, unblocks, and never blocks SIGKILL', () => {
    const bit = (s: number) => 1n << BigInt(s - 1);
    h.mem.write64(h.scratch, bit(c.SIGINT) | bit(c.SIGKILL));
    expect(h.call('rt_sigprocmask', c.SIG_BLOCK, h.scratch, 0, 8)).toBe(0);
    expect(h.proc.sigmask).toBe(bit(c.SIGINT));
    h.mem.write64(h.scratch, bit(c.SIGINT));
    expect(h.call('rt_sigprocmask', c.SIG_UNBLOCK, h.scratch, h.scratch + 8, 8)).toBe(0);
    expect(h.mem.read64(h.scratch + 8)).toBe(bit(c.SIGINT));
    expect(h.proc.sigmask).toBe(0n);
    expect(h.call('rt_sigprocmask', 7, h.scratch, 0, 8)).toBe(-E.EINVAL);
  });

  it('sigaltstack records and reports the alternate stack', () => {
    const l = A.s.stack_t;
    expect(h.call('sigaltstack', 0, h.scratch)).toBe(0);
    expect(readStruct(h.mem, h.scratch, l).ss_flags).toBe(c.SS_DISABLE);
    h.mem.write64(h.scratch + l.fields.ss_sp.off, 0x200000n);
    h.mem.write32(h.scratch + l.fields.ss_flags.off, 0);
    h.mem.write64(h.scratch + l.fields.ss_size.off, 65536n);
    expect(h.call('sigaltstack', h.scratch, 0)).toBe(0);
    expect(h.call('sigaltstack', 0, h.scratch + 64)).toBe(0);
    expect(readStruct(h.mem, h.scratch + 64, l)).toMatchObject({ ss_sp: 0x200000, ss_size: 65536, ss_flags: 0 });
    h.mem.write64(h.scratch + l.fields.ss_size.off, 100n);
    expect(h.call('sigaltstack', h.scratch, 0)).toBe(-E.ENOMEM);
  });

  it('tgkill/kill to self: default actions terminate or are ignored; handlers queue', () => {
    const pid = h.proc.pid;
    expect(h.call('tgkill', pid, pid, 0)).toBe(0);
    expect(h.call('kill', pid, c.SIGCHLD)).toBe(0); // default: ignore
    expect(h.call('kill', pid, c.SIGWINCH)).toBe(0);
    const e = exitOf(() => h.call('tgkill', pid, pid, c.SIGABRT));
    expect(e.signal).toBe(c.SIGABRT);
    setHandler(0x4000n);
    h.call('rt_sigaction', c.SIGUSR2, act(), 0, 8);
    expect(h.call('kill', pid, c.SIGUSR2)).toBe(0);
    expect(h.proc.sys.pendingSignals).toContain(c.SIGUSR2);
    setHandler(1n);
    h.call('rt_sigaction', c.SIGTERM, act(), 0, 8);
    expect(h.call('kill', pid, c.SIGTERM)).toBe(0);
    expect(h.call('kill', pid + 1, c.SIGTERM)).toBe(-E.ESRCH);
    expect(h.call('tgkill', pid, pid, 99)).toBe(-E.EINVAL);
    expect(exitOf(() => h.call('kill', pid, c.SIGKILL)).signal).toBe(c.SIGKILL);
  });
});
