// Process-model pieces of issue 4 that qemu-user cannot be the oracle for, or that are worth
// checking below the e2e cases (fixtures/src/timers, cases timers-*): robust futex lists
// (qemu 7.2 answers set_robust_list with ENOSYS, so glibc turns robust mutexes off there),
// Linux's pipe buffer model, pipe backpressure through the syscalls, timerfd, signalfd,
// POSIX timers, CPU-time accounting and interruptible sleeps.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { archByName } from '../../syscalls/arch.js';
import { Pipe } from '../../syscalls/fs/fdtable.js';
import { readinessOf } from '../../syscalls/fs/ready-files.js';
import { POLLOUT } from '../../syscalls/fs/ready.js';
import { exitRobustList } from '../../syscalls/process/robust-list.js';
import { addChildUsage, endTurn, processTimes, startTurn } from '../../syscalls/process/rusage.js';
import { postSignal } from '../../syscalls/signal/wait.js';
import { E } from '../../syscalls/tables/errno.js';
import { FIXTURES, REPO_ROOT } from '../helpers/cases.js';
import { ensureDistBuilt } from '../helpers/run.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const A = archByName('riscv64');
const c = A.c;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('robust mutexes (fixture timers robust, all targets)', () => {
  const ARCHS = ['riscv64', 'aarch64', 'arm', 'armel'];
  const POLYEMU = join(REPO_ROOT, 'bin', 'polyemu');
  beforeAll(() => {
    ensureDistBuilt();
    for (const a of ARCHS) expect(existsSync(join(FIXTURES, a, 'timers')), `fixtures/${a}/timers missing: run fixtures/build.sh timers`).toBe(true);
  }, 600_000);

  it.each(ARCHS)('%s: an owner thread that dies gives EOWNERDEAD; consistent/unrecoverable as glibc says', (arch) => {
    const r = spawnSync(process.execPath, [POLYEMU, join(FIXTURES, arch, 'timers'), 'robust'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'thread died: lock EOWNERDEAD',
      'consistent: 0',
      'unlock: 0',
      'lock again: 0',
      'trylock after second death: EOWNERDEAD',
      'not made consistent: ENOTRECOVERABLE',
      '',
    ].join('\n'));
    expect(r.status).toBe(0);
  }, 130_000);
});

describe('Pipe: Linux pipe buffers', () => {
  const bytes = (n: number) => new Uint8Array(n).map((_, i) => i & 0xff);

  it('16 pages; a partly read page frees no slot; <= PIPE_BUF writes are never split', () => {
    const p = new Pipe();
    expect(p.capacity).toBe(65536);
    expect(p.write(bytes(100000), true)).toBe(65536);
    expect(p.full).toBe(true);
    expect(p.take(new Uint8Array(100))).toBe(100);
    expect(p.write(bytes(1), true)).toBe(0); // the last page is full: no merge, no slot
    expect(p.take(new Uint8Array(3996))).toBe(3996);
    expect(p.full).toBe(false);
    expect(p.write(bytes(100), true)).toBe(100); // a new page
    expect(p.write(bytes(4096), true)).toBe(0); // would need a second slot or a split
    expect(p.write(bytes(3996), true)).toBe(3996); // merges into the last page
    expect(p.write(bytes(10), false)).toBe(0); // later passes of a write never merge
    expect(p.size).toBe(65536 - 4096 + 4096);
  });

  it('F_SETPIPE_SZ: a power of two of pages, EBUSY below the content, EPERM over the limit', () => {
    const p = new Pipe();
    expect(p.resize(5000, false)).toBe(8192);
    expect(p.write(bytes(20000), true)).toBe(8192);
    expect(p.resize(4096, false)).toBe(-E.EBUSY);
    expect(p.resize(2 * 1048576, false)).toBe(-E.EPERM);
    expect(p.resize(2 * 1048576, true)).toBe(2 * 1048576);
    expect(p.resize(0, false)).toBe(-E.EINVAL);
  });
});

describe('syscalls', () => {
  let h: Harness;
  beforeEach(() => { h = harness(); });
  afterEach(() => h.cleanup());

  const pipe = (flags = 0): [number, number] => {
    expect(h.call('pipe2', h.scratch, flags)).toBe(0);
    return [h.mem.read32(h.scratch), h.mem.read32(h.scratch + 4)];
  };

  it('a blocking write to a full pipe waits for a reader, then completes', async () => {
    const [r, w] = pipe();
    const buf = h.scratch + 0x1000;
    const writing = h.callAsync('write', w, buf, 70000);
    let done = false;
    void writing.then(() => { done = true; });
    await sleep(20);
    expect(done).toBe(false); // 64 KiB went in, the rest waits
    expect(readinessOf(h.proc.fds.get(w)!).poll() & POLLOUT).toBe(0);
    expect(h.call('read', r, h.scratch + 0x40000, 8192)).toBe(8192);
    expect(await writing).toBe(70000);
  });

  it('O_NONBLOCK: a partial count, then EAGAIN; the last reader gone while a writer waits: EPIPE and SIGPIPE', async () => {
    const [r, w] = pipe(c.O_NONBLOCK);
    const buf = h.scratch + 0x1000;
    expect(h.call('write', w, buf, 100000)).toBe(65536);
    expect(h.call('write', w, buf, 10)).toBe(-A.errno[E.EAGAIN]);
    h.mem.write64(h.scratch + 0x100, 1n << BigInt(c.SIGPIPE - 1));
    h.call('rt_sigprocmask', c.SIG_BLOCK, h.scratch + 0x100, 0, 8); // SIGPIPE stays pending
    const [r2, w2] = pipe();
    expect(h.call('write', w2, buf, 65536)).toBe(65536);
    const writing = h.callAsync('write', w2, buf, 5000);
    await sleep(10);
    expect(h.call('close', r2)).toBe(0);
    expect(await writing).toBe(-A.errno[E.EPIPE]); // nothing went in: EPIPE (SIGPIPE queued)
    expect(h.proc.sys.pendingSignals).toContain(c.SIGPIPE);
    void r;
  });

  it('set_robust_list/get_robust_list; the walk at thread exit marks the dead owner\'s words', () => {
    expect(h.call('set_robust_list', h.scratch, 12)).toBe(-A.errno[E.EINVAL]);
    const head = h.scratch + 0x100;
    const e1 = h.scratch + 0x200; // lock word at entry - 16
    const e2 = h.scratch + 0x300;
    const tid = h.proc.thread.tid;
    h.mem.write64(head, BigInt(e1));
    h.mem.write64(head + 8, BigInt.asUintN(64, -16n));
    h.mem.write64(head + 16, BigInt(e2)); // list_op_pending
    h.mem.write64(e1, BigInt(head)); // back to the head: the end
    h.mem.write32(e1 - 16, (0x80000000 | tid) >>> 0);
    h.mem.write32(e2 - 16, 0); // pending, unowned: only a wake
    const other = h.scratch + 0x400;
    h.mem.write32(other, 12345);
    expect(h.call('set_robust_list', head, 24)).toBe(0);
    expect(h.call('get_robust_list', 0, h.scratch, h.scratch + 8)).toBe(0);
    expect(h.mem.read64(h.scratch)).toBe(BigInt(head));
    expect(h.mem.read64(h.scratch + 8)).toBe(24n);
    let woken = 0;
    h.proc.sys.futexWaiters.set(e1 - 16, [() => { woken++; }]);
    exitRobustList(h.proc, h.proc.thread);
    expect(h.mem.read32(e1 - 16) >>> 0).toBe((0x80000000 | 0x40000000) >>> 0); // WAITERS kept, OWNER_DIED
    expect(woken).toBe(1);
    expect(h.mem.read32(e2 - 16)).toBe(0);
    expect(h.mem.read32(other)).toBe(12345);
    expect(h.proc.thread.robustList).toBe(0);
  });

  it('the walk ends on a cyclic list (ROBUST_LIST_LIMIT)', () => {
    const head = h.scratch + 0x100;
    const e = h.scratch + 0x200;
    h.mem.write64(head, BigInt(e));
    h.mem.write64(head + 8, 8n);
    h.mem.write64(e, BigInt(e)); // points at itself
    h.mem.write32(e + 8, h.proc.thread.tid);
    h.call('set_robust_list', head, 24);
    exitRobustList(h.proc, h.proc.thread);
    expect(h.mem.read32(e + 8) >>> 0).toBe(0x40000000);
  });

  it('timerfd: a periodic timer counts expirations; read takes the count', async () => {
    const fd = h.call('timerfd_create', c.CLOCK_MONOTONIC, 0);
    expect(fd).toBeGreaterThan(2);
    const its = h.scratch + 0x100;
    h.mem.write64(its, 0n); h.mem.write64(its + 8, 2000000n); // interval 2 ms
    h.mem.write64(its + 16, 0n); h.mem.write64(its + 24, 2000000n); // first in 2 ms
    expect(h.call('timerfd_settime', fd, 0, its, 0)).toBe(0);
    expect(await h.callAsync('read', fd, h.scratch, 8)).toBe(8);
    expect(h.mem.read64(h.scratch)).toBeGreaterThanOrEqual(1n);
    await sleep(30);
    expect(h.call('read', fd, h.scratch, 8)).toBe(8);
    expect(h.mem.read64(h.scratch)).toBeGreaterThanOrEqual(2n);
    expect(h.call('timerfd_gettime', fd, h.scratch)).toBe(0);
    expect(h.mem.read64(h.scratch + 8)).toBe(2000000n);
    expect(h.call('timerfd_gettime', 1, h.scratch)).toBe(-A.errno[E.EINVAL]);
    h.call('close', fd);
  });

  it('signalfd: a blocked pending signal read as signalfd_siginfo', () => {
    h.mem.write64(h.scratch, 1n << BigInt(c.SIGUSR1 - 1));
    expect(h.call('rt_sigprocmask', c.SIG_BLOCK, h.scratch, 0, 8)).toBe(0);
    const fd = h.call('signalfd4', -1, h.scratch, 8, c.O_NONBLOCK);
    expect(fd).toBeGreaterThan(2);
    expect(h.call('read', fd, h.scratch + 0x100, 128)).toBe(-A.errno[E.EAGAIN]);
    postSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: c.SI_QUEUE, pid: 77, uid: 5, value: 0x1234, shared: true });
    expect(h.call('read', fd, h.scratch + 0x100, 256)).toBe(128);
    const at = h.scratch + 0x100;
    expect(h.mem.read32(at)).toBe(c.SIGUSR1);
    expect(h.mem.read32(at + 8) | 0).toBe(c.SI_QUEUE);
    expect(h.mem.read32(at + 12)).toBe(77); // ssi_pid
    expect(h.mem.read32(at + 44)).toBe(0x1234); // ssi_int
    expect(h.proc.sys.pendingSignals).not.toContain(c.SIGUSR1);
    expect(h.call('signalfd4', 0, h.scratch, 8, 0)).toBe(-A.errno[E.EINVAL]);
  });

  it('POSIX timers: SI_TIMER siginfo with the value and overruns while queued; delete drops it', async () => {
    h.mem.write64(h.scratch, 1n << BigInt(c.SIGUSR2 - 1));
    h.call('rt_sigprocmask', c.SIG_BLOCK, h.scratch, 0, 8);
    const sev = h.scratch + 0x100;
    h.mem.write64(sev, 0xabcn); // sigev_value
    h.mem.write32(sev + 8, c.SIGUSR2);
    h.mem.write32(sev + 12, 0); // SIGEV_SIGNAL
    expect(h.call('timer_create', c.CLOCK_MONOTONIC, sev, h.scratch + 0x200)).toBe(0);
    const id = h.mem.read32(h.scratch + 0x200);
    const its = h.scratch + 0x300;
    h.mem.write64(its, 0n); h.mem.write64(its + 8, 1000000n);
    h.mem.write64(its + 16, 0n); h.mem.write64(its + 24, 1000000n);
    expect(h.call('timer_settime', id, 0, its, 0)).toBe(0);
    await sleep(40);
    const infos = h.proc.sys.sig.info.get(c.SIGUSR2)!;
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({ code: c.SI_TIMER, pid: id, value: 0xabc });
    expect(infos[0].uid).toBeGreaterThan(0); // si_overrun
    expect(h.call('timer_delete', id)).toBe(0);
    expect(h.proc.sys.sig.info.get(c.SIGUSR2)).toBeUndefined();
    expect(h.call('timer_gettime', id, its)).toBe(-A.errno[E.EINVAL]);
  });

  it('nanosleep parks (timers run meanwhile) and ends with EINTR and the time left when a handler\'s signal comes', async () => {
    const act = h.scratch + 0x100;
    h.mem.write64(act, 0x1000n); // a handler address
    expect(h.call('rt_sigaction', c.SIGUSR1, act, 0, 8)).toBe(0);
    const req = h.scratch + 0x200;
    h.mem.write64(req, 10n); h.mem.write64(req + 8, 0n);
    const sleeping = h.callAsync('nanosleep', req, req + 16);
    await sleep(20);
    postSignal(h.proc, c.SIGUSR1, { signo: c.SIGUSR1, code: c.SI_USER, shared: true });
    expect(await sleeping).toBe(-A.errno[E.EINTR]);
    const left = h.mem.read64(req + 16);
    expect(left).toBeGreaterThan(5n);
    expect(left).toBeLessThanOrEqual(10n);
  });

  it('CPU time: turns are charged to the thread and process; a reaped child\'s time goes to the parent', () => {
    const t0 = startTurn(h.proc);
    let x = 0;
    for (let i = 0; i < 3e6; i++) x = (x * 31 + i) | 0;
    endTurn(h.proc, h.proc.thread, t0);
    const [user, sys] = processTimes(h.proc);
    expect(user + sys).toBeGreaterThan(0);
    expect(h.proc.thread.userUs).toBe(h.proc.sys.usage.userUs);
    const parent = harness();
    try {
      addChildUsage(parent.proc, h.proc);
      expect(parent.proc.sys.usage.childUserUs + parent.proc.sys.usage.childSysUs).toBe(user + sys);
      expect(parent.call('getrusage', c.RUSAGE_CHILDREN, parent.scratch)).toBe(0);
      const ru = parent.mem.read64(parent.scratch) * 1000000n + parent.mem.read64(parent.scratch + 8);
      expect(Number(ru)).toBe(parent.proc.sys.usage.childUserUs);
    } finally {
      parent.cleanup();
    }
    void x;
  });
});
