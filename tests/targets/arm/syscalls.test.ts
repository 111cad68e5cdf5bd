import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Memory, PROT_R, PROT_W } from '../../../src/core/memory/flat.js';
import { Process } from '../../../src/linux/process.js';
import { doSyscall } from '../../../syscalls/index.js';
import { armSyscalls } from '../../../targets/arm/linux/syscall-names.generated.js';
import { arm } from '../../../targets/arm/linux/index.js';
import { TPIDRURO, type ArmCpu } from '../../../targets/arm/cpu.js';
import { ARM_PRIVATE_SYSCALLS, HWCAP_ARM } from '../../../targets/arm/linux/abi.js';
import { CaptureLog } from '../../helpers/syscalls.js';

const NR: Record<string, number> = Object.fromEntries(
  Object.entries({ ...armSyscalls, ...ARM_PRIVATE_SYSCALLS }).map(([n, name]) => [name, Number(n)]),
);

/** a Process on the real arm target: r7 = number, r0..r5 = raw 32-bit register values */
function armHarness() {
  const mem = new Memory(true);
  const cpu = arm.createCpu(mem) as ArmCpu;
  const log = new CaptureLog([]);
  const proc = new Process(arm, mem, cpu, log, '', false);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pe-arm-'));
  proc.cwd = tmp;
  // scratch high in the address space: pointers with bit 31 set must reach handlers unsigned
  const scratch = 0xbff00000;
  mem.map(scratch, 1 << 16, PROT_R | PROT_W);
  const call = (name: string, ...args: number[]) => {
    const nr = NR[name];
    if (nr === undefined) throw new Error(`no syscall ${name} on arm`);
    cpu.r[7] = nr;
    for (let i = 0; i < 6; i++) cpu.r[i] = args[i] ?? 0;
    const r = doSyscall(proc);
    if (r) throw new Error(`${name} returned a Promise`);
    return cpu.r[0];
  };
  const str = (s: string, at = scratch + 0x8000) => {
    mem.writeBytes(at, Buffer.from(s + '\0'));
    return at;
  };
  return { proc, mem, cpu, tmp, scratch, call, str, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

let h: ReturnType<typeof armHarness> | undefined;
afterEach(() => { h?.cleanup(); h = undefined; });

describe('arm syscalls', () => {
  it('set_tls (__ARM_NR_set_tls) sets TPIDRURO', () => {
    h = armHarness();
    expect(h.call('arm_set_tls', 0x7654321)).toBe(0);
    expect(h.cpu.r[TPIDRURO]).toBe(0x7654321);
    expect(h.call('arm_cacheflush', 0x10000, 0x20000, 0)).toBe(0);
  });

  it('passes pointers above 2 GiB unsigned and fds / AT_FDCWD signed', () => {
    h = armHarness();
    const p = h.str('f.txt');
    const fd = h.call('openat', -100, p, 0o102 /* O_RDWR|O_CREAT */, 0o644);
    expect(fd).toBeGreaterThanOrEqual(3);
    h.mem.writeBytes(h.scratch, Buffer.from('0123456789'));
    expect(h.call('write', fd, h.scratch, 10)).toBe(10);
    expect(h.call('close', -1)).toBe(-9); // EBADF: the fd was sign-extended
  });

  it('joins 64-bit arguments from aligned register pairs (pread64, ftruncate64) and serves _llseek', () => {
    h = armHarness();
    const fd = h.call('openat', -100, h.str('g.txt'), 0o102, 0o644);
    h.mem.writeBytes(h.scratch, Buffer.from('abcdefghij'));
    expect(h.call('write', fd, h.scratch, 10)).toBe(10);
    // pread64(fd, buf, count, pad, off_lo, off_hi)
    expect(h.call('pread64', fd, h.scratch + 0x100, 3, 0, 4, 0)).toBe(3);
    expect(Buffer.from(h.mem.readBytes(h.scratch + 0x100, 3)).toString()).toBe('efg');
    // ftruncate64(fd, pad, len_lo, len_hi)
    expect(h.call('ftruncate64', fd, 0, 6, 0)).toBe(0);
    expect(fs.statSync(path.join(h.tmp, 'g.txt')).size).toBe(6);
    // _llseek(fd, off_hi, off_lo, &result, whence)
    expect(h.call('_llseek', fd, 0, 2, h.scratch + 0x200, 0)).toBe(0);
    expect(h.mem.read64(h.scratch + 0x200)).toBe(2n);
    expect(h.call('_llseek', fd, 0, 0, h.scratch + 0x200, 2 /* SEEK_END */)).toBe(0);
    expect(h.mem.read64(h.scratch + 0x200)).toBe(6n);
  });

  it('statfs64 accepts the size glibc passes (88) and fills struct statfs64', () => {
    h = armHarness();
    const buf = h.scratch + 0x400;
    expect(h.call('statfs64', h.str('/'), 88, buf)).toBe(0);
    expect(h.mem.read32(buf + 4)).toBeGreaterThan(0); // f_bsize
    expect(h.call('statfs64', h.str('/'), 40, buf)).toBe(-22);
  });

  it('has the 32-bit uid names and the time64 calls', () => {
    h = armHarness();
    expect(h.call('getuid32')).toBe(process.getuid?.() ?? 0);
    expect(h.call('clock_gettime64', 1, h.scratch)).toBe(0);
    expect(h.mem.read64(h.scratch) > 0n || h.mem.read64(h.scratch + 8) > 0n).toBe(true);
  });

  it('advertises only what is implemented', () => {
    const hw = arm.abi.hwcap;
    expect(hw & HWCAP_ARM.NEON).not.toBe(0); // Advanced SIMD: targets/arm/trans-neon.ts
    expect(hw & HWCAP_ARM.SWP).not.toBe(0);
    expect(hw & HWCAP_ARM.VFPv3D16).toBe(0); // all 32 D registers: VFPD32 instead
    expect(hw & HWCAP_ARM.VFPv3).not.toBe(0);
    expect(hw & HWCAP_ARM.IDIVT).not.toBe(0);
    expect(hw & HWCAP_ARM.TLS).not.toBe(0);
    expect(arm.abi.platform).toBe('v7l');
  });
});
