import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archByName } from '../../syscalls/arch.js';
import { readStruct } from '../../syscalls/layout.js';
import { E } from '../../syscalls/tables/errno.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const A = archByName('riscv64');
const c = A.c;
let h: Harness;
beforeEach(() => { h = harness(); });
afterEach(() => h.cleanup());

const ts = (addr: number) => readStruct(h.mem, addr, A.s.timespec);

describe('clocks', () => {
  it('CLOCK_REALTIME is the wall clock, CLOCK_MONOTONIC does not go back', () => {
    const buf = h.scratch;
    expect(h.call('clock_gettime', c.CLOCK_REALTIME, buf)).toBe(0);
    const t = ts(buf);
    expect(Math.abs(t.tv_sec - Date.now() / 1000)).toBeLessThan(5);
    expect(t.tv_nsec).toBeGreaterThanOrEqual(0);
    expect(t.tv_nsec).toBeLessThan(1e9);
    h.call('clock_gettime', c.CLOCK_MONOTONIC, buf);
    const m1 = ts(buf);
    h.call('clock_gettime', c.CLOCK_MONOTONIC, buf);
    const m2 = ts(buf);
    expect(m2.tv_sec * 1e9 + m2.tv_nsec).toBeGreaterThanOrEqual(m1.tv_sec * 1e9 + m1.tv_nsec);
    for (const id of ['CLOCK_PROCESS_CPUTIME_ID', 'CLOCK_THREAD_CPUTIME_ID', 'CLOCK_MONOTONIC_RAW', 'CLOCK_REALTIME_COARSE', 'CLOCK_MONOTONIC_COARSE', 'CLOCK_BOOTTIME', 'CLOCK_TAI']) {
      expect(h.call('clock_gettime', c[id], buf)).toBe(0);
    }
    expect(h.call('clock_gettime', 77, buf)).toBe(-E.EINVAL);
    expect(h.call('clock_gettime', c.CLOCK_REALTIME, 0x5000)).toBe(-E.EFAULT);
  });

  it('clock_getres: 1 ns for the fine clocks, a tick for the coarse ones', () => {
    expect(h.call('clock_getres', c.CLOCK_MONOTONIC, h.scratch)).toBe(0);
    expect(ts(h.scratch)).toEqual({ tv_sec: 0, tv_nsec: 1 });
    h.call('clock_getres', c.CLOCK_MONOTONIC_COARSE, h.scratch);
    expect(ts(h.scratch).tv_nsec).toBeGreaterThan(1);
    expect(h.call('clock_getres', c.CLOCK_MONOTONIC, 0)).toBe(0);
  });

  it('nanosleep sleeps and validates its timespec', async () => {
    h.mem.write64(h.scratch, 0n);
    h.mem.write64(h.scratch + 8, 2000000n); // 2 ms
    expect(await h.callAsync('nanosleep', h.scratch, 0)).toBe(0);
    h.mem.write64(h.scratch + 8, 1000000000n);
    expect(h.call('nanosleep', h.scratch, 0)).toBe(-E.EINVAL);
    expect(h.call('clock_nanosleep', c.CLOCK_MONOTONIC, 0, h.scratch, 0)).toBe(-E.EINVAL);
    // an absolute time in the past returns at once
    h.mem.write64(h.scratch, 1n); h.mem.write64(h.scratch + 8, 0n);
    expect(h.call('clock_nanosleep', c.CLOCK_MONOTONIC, c.TIMER_ABSTIME, h.scratch, 0)).toBe(0);
    expect(h.call('nanosleep', 0x5000, 0)).toBe(-E.EFAULT);
  });

  it('gettimeofday, times, getrusage', () => {
    expect(h.call('gettimeofday', h.scratch, h.scratch + 64)).toBe(0);
    const tv = readStruct(h.mem, h.scratch, A.s.timeval);
    expect(Math.abs(tv.tv_sec - Date.now() / 1000)).toBeLessThan(5);
    expect(tv.tv_usec).toBeLessThan(1e6);
    expect(h.call('times', h.scratch)).toBeGreaterThan(0);
    expect(h.call('getrusage', c.RUSAGE_SELF, h.scratch)).toBe(0);
    const ru = readStruct(h.mem, h.scratch, A.s.rusage);
    expect(ru.ru_maxrss).toBeGreaterThan(0);
    expect(h.call('getrusage', 5, h.scratch)).toBe(-E.EINVAL);
  });
});
