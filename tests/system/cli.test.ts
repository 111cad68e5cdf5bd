/**
 * polyemu-system-riscv64's command line: qemu's options, one-line errors with exit status 1
 * for bad ones, and a bare-metal program (-bios none -kernel) that writes to the UART and
 * exits through the SiFive test device with the status qemu gives.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cases.js';
import { POLYEMU_SYSTEM, QEMU_SYSTEM } from '../helpers/system.js';

const run = (args: string[], timeout = 60_000) => {
  const r = spawnSync(POLYEMU_SYSTEM[0], [...POLYEMU_SYSTEM.slice(1), ...args], { encoding: 'latin1', timeout });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/**
 * At 0x80000000: lui t0,0x10000; li t1,'h'; sb t1,0(t0); li t1,'i'; sb t1,0(t0); c.li t1,10;
 * sb t1,0(t0); lui t0,0x100; lui t1,0x2a3; addi t1,t1,0x333; sw t1,0(t0); c.j . — prints
 * "hi\n" and writes 0x2a3333 to the test device: exit with status 42 (0x2a).
 */
const HI42 = 'b702001013038006238062001303900623806200294323806200b702100037332a001303333323a0620001a0';

describe('polyemu-system-riscv64 command line', () => {
  it.each([
    [['-M', 'sifive_u'], /^polyemu-system-riscv64: -M sifive_u: unsupported machine type \(only virt\)\n$/],
    [['-nographic'], /^polyemu-system-riscv64: no machine given: use -M virt\n$/],
    [['-M', 'virt', '-smp', '2'], /^polyemu-system-riscv64: -smp 2: one hart only for now\n$/],
    [['-M', 'virt', '-m', 'lots'], /^polyemu-system-riscv64: -m lots: invalid RAM size\n$/],
    [['-M', 'virt', '-bogus'], /^polyemu-system-riscv64: -bogus: invalid option\n$/],
    [['-M', 'virt', '-kernel'], /^polyemu-system-riscv64: -kernel: requires an argument\n$/],
    [['-M', 'virt', '-bios', '/nonexistent/fw.bin'], /^polyemu-system-riscv64: could not load firmware '\/nonexistent\/fw.bin': No such file or directory\n$/],
    [['-M', 'virt', '-bios', 'none', '-kernel', '/nonexistent/k'], /^polyemu-system-riscv64: could not load kernel '\/nonexistent\/k': No such file or directory\n$/],
  ])('%j: one line, exit status 1', (args, msg) => {
    const r = run(args);
    expect(r.err).toMatch(msg);
    expect(r.code).toBe(1);
  });

  it('a bare-metal program: UART output and the test device\'s exit status, as under qemu', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-sys-'));
    const img = join(dir, 'hi42.bin');
    writeFileSync(img, Buffer.from(HI42, 'hex'));
    const args = ['-M', 'virt', '-nographic', '-bios', 'none', '-kernel', img];
    const r = run(args);
    expect([r.out, r.code]).toEqual(['hi\n', 42]);
    if (!QEMU_SYSTEM) console.warn('cli.test: qemu-system-riscv64 not installed: bare-metal run NOT compared with qemu');
    else {
      const q = spawnSync(QEMU_SYSTEM, args, { encoding: 'latin1', timeout: 30_000 });
      expect([r.out, r.code]).toEqual([q.stdout, q.status]);
    }
  });

  it('fixtures/system/paging.bin: Sv39 from S mode, a store page fault taken in M, sfence.vma, A/D bits — as under qemu', () => {
    const args = ['-M', 'virt', '-nographic', '-bios', 'none', '-kernel', join(REPO_ROOT, 'fixtures', 'system', 'paging.bin')];
    const r = run(args);
    expect([r.out, r.code]).toEqual(['paging ok\n', 0]);
    if (!QEMU_SYSTEM) console.warn('cli.test: qemu-system-riscv64 not installed: paging.bin NOT compared with qemu');
    else {
      const q = spawnSync(QEMU_SYSTEM, args, { encoding: 'latin1', timeout: 30_000 });
      expect([r.out, r.code]).toEqual([q.stdout, q.status]);
    }
  });

  it('-M virt,dumpdtb=FILE writes the device tree and exits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-sys-'));
    const f = join(dir, 'virt.dtb');
    const r = run(['-M', `virt,dumpdtb=${f}`, '-nographic']);
    expect(r.code).toBe(0);
    const blob = spawnSync('od', ['-A', 'n', '-t', 'x1', '-N', '4', f], { encoding: 'latin1' }).stdout.trim();
    expect(blob).toBe('d0 0d fe ed');
  });
});
