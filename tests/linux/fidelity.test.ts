/**
 * Kernel-fidelity corners, run as whole guest programs (fixtures/src/harden/main.c) through
 * the embedding API. The expected values are what Linux gives (the same program built
 * natively, and under qemu-user where it agrees; where qemu differs the test says so).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/api/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const ARCHS = ['riscv64', 'aarch64', 'arm'];
const prog = (arch: string) => path.join(ROOT, 'fixtures', arch, 'harden');
const guest = (arch: string, ...args: string[]) => run(prog(arch), { args, env: {} });

describe('getdents64: the host filesystem order', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-dirorder-'));
  for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `f${(i * 7919) % 1000}-${i}`), '');
  // what the kernel returns: ls -f lists in readdir order (with . and ..)
  const host = spawnSync('ls', ['-f', dir], { encoding: 'utf8' }).stdout.split('\n').filter((n) => n && n !== '.' && n !== '..');

  it('the host order is not the sorted order here (else this test could not tell)', () => {
    expect(host).toHaveLength(60);
    expect(host).not.toEqual([...host].sort());
  });

  for (const arch of ARCHS) {
    it(`${arch}: readdir returns the entries in the host's order, not sorted`, async () => {
      const r = await guest(arch, 'ls', dir);
      expect(r.stdout.split('\n').filter(Boolean)).toEqual(host);
    });
  }
});

// Debian's busybox-static (fetched by .ci/run into $POLYEMU_DEBS): software nobody here wrote
const BUSYBOX = path.join(process.env.POLYEMU_DEBS ?? '/var/cache/polyemu-debs', 'arm64/bin/busybox');
const haveBusybox = fs.existsSync(BUSYBOX);
if (!haveBusybox) console.warn(`\n!!! fidelity: ${BUSYBOX} is NOT there: busybox find order is NOT tested (.ci/run fetches it) !!!\n`);

describe('busybox find lists in the host order', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-bbdir-'));
  for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `n${(i * 7919) % 1000}`), '');
  fs.mkdirSync(path.join(dir, 'sub'));
  for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(dir, 'sub', `s${(i * 31) % 97}`), '');

  // (Debian's busybox ls has no -f; find walks the directories in readdir order)
  (haveBusybox ? it : it.skip)(`arm64 busybox find (${haveBusybox ? 'present' : 'MISSING'}) prints what the host's find prints`, async () => {
    const host = spawnSync('find', [dir], { encoding: 'utf8' }).stdout;
    expect(host.split('\n').filter(Boolean)).not.toEqual(host.split('\n').filter(Boolean).sort());
    const r = await run(BUSYBOX, { args: ['find', dir], env: {} });
    expect(r.stdout).toBe(host);
  });
});

describe('mmap of lengths the address space cannot hold', () => {
  // Linux (and qemu-user): ENOMEM for (size_t)-4 and (size_t)-4096 (PAGE_ALIGN wraps to 0, or
  // no room), ENOMEM for 3 GiB on 32-bit ARM (its 3 GiB user space has no such hole), EINVAL for 0
  for (const arch of ARCHS) {
    it(`${arch}: ENOMEM, not EINVAL`, async () => {
      const r = await guest(arch, 'mmap-big');
      expect(r.stdout).toBe([
        'mmap (size_t)-4: ENOMEM',
        'mmap (size_t)-4096: ENOMEM',
        ...(arch === 'arm' ? ['mmap 3 GiB: ENOMEM'] : []),
        'mmap 0: EINVAL',
        '',
      ].join('\n'));
    });
  }
});

describe('madvise(MADV_DONTNEED)', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-madv-')), 'data');
  fs.writeFileSync(file, 'hello\n');
  // Linux and qemu-user: the private copy of the written page goes, the file's byte is back;
  // anonymous private memory reads zeros
  for (const arch of ARCHS) {
    it(`${arch}: a private file mapping reads the file's bytes again`, async () => {
      const r = await guest(arch, 'madv', file);
      expect(r.stdout).toBe('file byte h\nwritten X\nmadvise 0 0: file mapping h, anonymous 0\n');
    });
  }
});

describe('arm: syscall numbers from 0xf0800 raise SIGILL', () => {
  // ARM Linux (arch/arm/kernel/traps.c) and qemu-arm: unknown private calls up to 0xf07ff
  // return ENOSYS, numbers from 0xf0800 on raise SIGILL with ILL_ILLTRP; below 0xf0000, ENOSYS
  it('0xf07ff and 0x1000: ENOSYS', async () => {
    expect((await guest('arm', 'badsys', '0xf07ff')).stdout).toBe('syscall 0xf07ff: -1 ENOSYS\n');
    expect((await guest('arm', 'badsys', '0x1000')).stdout).toBe('syscall 0x1000: -1 ENOSYS\n');
  });

  it('0xf0800, 0xfffff and 0x100000: death by SIGILL; a handler sees ILL_ILLTRP', async () => {
    for (const nr of ['0xf0800', '0xfffff', '0x100000']) {
      const r = await guest('arm', 'badsys', nr);
      expect([r.reason, r.signalName, r.stdout], nr).toEqual(['signal', 'SIGILL', '']);
    }
    expect((await guest('arm', 'badsys-caught', '0xf0800')).stdout).toBe('SIGILL si_code ILL_ILLTRP\n');
  });

  it('the 64-bit targets: the same numbers are ENOSYS', async () => {
    for (const arch of ['riscv64', 'aarch64']) expect((await guest(arch, 'badsys', '0xf0800')).stdout).toBe('syscall 0xf0800: -1 ENOSYS\n');
  });
});
