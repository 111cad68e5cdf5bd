// The pieces under threads and fork: register-state save/restore for every target (a
// thread switch), fork's copies of memory and fd tables, and futex semantics between
// waiters (bitsets, requeue) driven through the syscall layer.
import { afterEach, describe, expect, it } from 'vitest';
import { Memory, PAGE_CODE, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import { copyFds, copyMemory } from '../../src/linux/fork.js';
import { allTargets } from '../../targets/index.js';
import { FdTable, OpenFile, Pipe } from '../../syscalls/fs/fdtable.js';
import { archByName } from '../../syscalls/arch.js';
import { E } from '../../syscalls/tables/errno.js';
import { type Harness, harness } from '../helpers/syscalls.js';

describe('Cpu.saveState / restoreState (a thread switch)', () => {
  for (const t of allTargets) {
    it(`${t.name}: registers, FP/vector state and target fields come back; reservations do not`, () => {
      const cpu = t.createCpu(new Memory(t.littleEndian));
      const fields = cpu as unknown as Record<string, number>;
      for (let i = 0; i < cpu.r.length; i++) cpu.r[i] = i * 2654435761;
      cpu.pc = 0x12344;
      const numeric = Object.keys(cpu).filter((k) => typeof fields[k] === 'number' && k !== 'pc');
      numeric.forEach((k, i) => { fields[k] = 1000 + i; });
      const saved = cpu.saveState();
      const before = Object.fromEntries(numeric.map((k) => [k, fields[k]]));
      const regs = cpu.r.slice();
      // another thread runs and changes everything
      cpu.r.fill(-1);
      cpu.pc = 4;
      for (const k of numeric) fields[k] = 7;
      cpu.restoreState(saved);
      expect(cpu.pc).toBe(0x12344);
      expect(cpu.r).toEqual(regs);
      for (const k of numeric) {
        if (k === 'resAddr' || k === 'exAddr' || k === 'llAddr') expect(fields[k], k).toBe(-1); // monitor (MIPS: LL address) cleared
        else expect(fields[k], k).toBe(before[k]);
      }
      // the saved copy is independent of the live registers
      cpu.r[0] = 99;
      expect(saved.r[0]).toBe(regs[0]);
    });
  }
});

describe('fork copies', () => {
  it('copyMemory copies mapped pages and protections, not the translated-code marks; the copies are independent', () => {
    const m = new Memory(true);
    m.map(0x10000, 0x3000, PROT_R | PROT_W);
    m.map(0x20000, 0x1000, PROT_R | PROT_X);
    m.poke(0x20000, new Uint8Array([1, 2, 3]));
    m.perm[0x20] |= PAGE_CODE;
    m.write32(0x10ffc, 0xdeadbeef);
    m.write32(0x12ff0, 42);
    const c = copyMemory(m);
    expect(c.read32(0x10ffc)).toBe(0xdeadbeef);
    expect(c.read32(0x12ff0)).toBe(42);
    expect(c.readBytes(0x20000, 3)).toEqual(new Uint8Array([1, 2, 3]));
    expect(c.perm[0x20] & PAGE_CODE).toBe(0);
    expect(c.perm[0x20] & 7).toBe(PROT_R | PROT_X);
    expect(c.isMapped(0x13000, 1)).toBe(false);
    c.write32(0x10ffc, 1);
    expect(m.read32(0x10ffc)).toBe(0xdeadbeef);
  });

  it('copyFds shares open file descriptions: a pipe stays open until both tables close it', () => {
    const parent = new FdTable();
    const pipe = new Pipe(1);
    const rd = new OpenFile('pipe', -1, 0, '');
    rd.pipe = pipe;
    const wr = new OpenFile('pipe', -1, 1, '');
    wr.pipe = pipe;
    const r = parent.alloc(rd, false);
    const w = parent.alloc(wr, true);
    const child = copyFds(parent);
    expect([...child.fds()]).toEqual([...parent.fds()]);
    expect(child.get(w)).toBe(wr);
    expect(child.entry(w)!.cloexec).toBe(true);
    expect(wr.refs).toBe(2);
    expect(pipe.writers).toBe(1);
    parent.close(w);
    expect(pipe.writers).toBe(1); // the child's end still writes
    child.close(w);
    expect(pipe.writers).toBe(0);
    expect(rd.refs).toBe(2);
    parent.close(r);
    child.close(r);
    expect(pipe.readers).toBe(0);
  });
});

describe('futex between waiters', () => {
  const c = archByName('riscv64').c;
  let h: Harness;
  afterEach(() => h.cleanup());

  it('WAKE_BITSET wakes only waiters whose bitset it meets', async () => {
    h = harness();
    h.mem.write32(h.scratch, 0);
    const a = h.callAsync('futex', h.scratch, c.FUTEX_WAIT_BITSET, 0, 0, 0, 1);
    const b = h.callAsync('futex', h.scratch, c.FUTEX_WAIT_BITSET, 0, 0, 0, 2);
    expect(h.call('futex', h.scratch, c.FUTEX_WAKE_BITSET, 10, 0, 0, 4)).toBe(0);
    expect(h.call('futex', h.scratch, c.FUTEX_WAKE_BITSET, 10, 0, 0, 2)).toBe(1);
    expect(await b).toBe(0);
    expect(h.call('futex', h.scratch, c.FUTEX_WAKE_BITSET, 10, 0, 0, 0)).toBe(-E.EINVAL);
    expect(h.call('futex', h.scratch, c.FUTEX_WAKE, 10, 0, 0, 0)).toBe(1);
    expect(await a).toBe(0);
  });

  it('CMP_REQUEUE wakes some, moves others to the second word; a stale value is EAGAIN', async () => {
    h = harness();
    const f1 = h.scratch;
    const f2 = h.scratch + 64;
    h.mem.write32(f1, 5);
    const waits = [0, 1, 2, 3].map(() => h.callAsync('futex', f1, c.FUTEX_WAIT, 5, 0, 0, 0));
    expect(h.call('futex', f1, c.FUTEX_CMP_REQUEUE, 1, 2, f2, 4)).toBe(-E.EAGAIN);
    // wake 1, requeue up to 2 (val2 travels in the timeout slot): returns both counts
    expect(h.call('futex', f1, c.FUTEX_CMP_REQUEUE, 1, 2, f2, 5)).toBe(3);
    expect(h.proc.sys.futexWaiters.get(f1)?.length).toBe(1);
    expect(h.proc.sys.futexWaiters.get(f2)?.length).toBe(2);
    expect(h.call('futex', f2, c.FUTEX_WAKE, 10, 0, 0, 0)).toBe(2);
    expect(h.call('futex', f1, c.FUTEX_WAKE, 10, 0, 0, 0)).toBe(1);
    expect(await Promise.all(waits)).toEqual([0, 0, 0, 0]);
  });

  it('an absolute WAIT_BITSET deadline in the past times out at once', () => {
    h = harness();
    h.mem.write32(h.scratch, 0);
    h.mem.write64(h.scratch + 16, 1n); // 1 s after the monotonic epoch: long past
    h.mem.write64(h.scratch + 24, 0n);
    expect(h.call('futex', h.scratch, c.FUTEX_WAIT_BITSET, 0, h.scratch + 16, 0, -1)).toBe(-E.ETIMEDOUT);
  });
});
