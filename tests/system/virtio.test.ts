/**
 * virtio-mmio devices under real firmware: Debian's U-Boot finds the virtio block device,
 * reads sectors (checksummed with crc32), writes some back and powers off — its console and
 * the disk image afterwards must be byte for byte what qemu-system-riscv64 gives with the
 * same command line. And the entropy device at its queue, driven by hand.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bus } from '../../src/system/bus.js';
import { VirtioMmio } from '../../src/system/virtio/mmio.js';
import { VirtioRng } from '../../src/system/virtio/rng.js';
import { OPENSBI, POLYEMU_SYSTEM, QEMU_SYSTEM, UBOOT_SMODE, consoleText, missing, runMachine, type Session } from '../helpers/system.js';

const lack = missing([OPENSBI, UBOOT_SMODE]);
if (lack) console.warn(`tests/system/virtio: U-Boot test SKIPPED, ${lack}`);

/** a 1 MiB image of fixed pseudo-random bytes */
function image(): Buffer {
  const b = Buffer.alloc(1 << 20);
  let x = 0x12345678;
  for (let i = 0; i < b.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

describe.skipIf(lack !== undefined)('virtio-blk under U-Boot, beside qemu-system-riscv64', () => {
  it('virtio info, read + crc32, write, poweroff: same console, same disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-virtio-'));
    const disks = { q: join(dir, 'q.img'), p: join(dir, 'p.img') };
    writeFileSync(disks.q, image());
    copyFileSync(disks.q, disks.p);
    const args = (disk: string) => ['-M', 'virt', '-nographic', '-bios', 'default', '-kernel', UBOOT_SMODE,
      '-drive', `file=${disk},format=raw,if=none,id=hd0`, '-device', 'virtio-blk-device,drive=hd0', '-device', 'virtio-rng-device'];
    const s: Session = {
      until: /poweroff \.\.\.\r\n/,
      script: [
        [/=> $/, 'virtio info\r'],
        [/Capacity[^\n]*\n=> $/, 'virtio read 0x84000000 0 8; crc32 0x84000000 0x1000\r'],
        [/==> [0-9a-f]+\r\n=> $/, 'mw.l 0x84000000 0x706f6c79 0x100; virtio write 0x84000000 5 2; virtio read 0x85000000 4 4; crc32 0x85000000 0x800\r'],
        [/==> [0-9a-f]+\r\n=> $/, 'poweroff\r'],
      ],
      quietMs: 5000,
      timeoutMs: 240_000,
    };
    const [q, p] = await Promise.all([runMachine([QEMU_SYSTEM!, ...args(disks.q)], s), runMachine([...POLYEMU_SYSTEM, ...args(disks.p)], s)]);
    expect(q.reached, q.out).toBe(true);
    expect(p.reached, p.out).toBe(true);
    // from the first prompt on (before it, U-Boot lists qemu-only board devices: see firmware.test.ts)
    const fromPrompt = (t: string) => consoleText(t).slice(consoleText(t).indexOf('=> virtio info'));
    expect(fromPrompt(p.out)).toBe(fromPrompt(q.out));
    expect(fromPrompt(p.out)).toContain('8 blocks read: OK');
    expect(fromPrompt(p.out)).toContain('2 blocks written: OK');
    expect(readFileSync(disks.p).equals(readFileSync(disks.q))).toBe(true);
    expect(readFileSync(disks.p).equals(image())).toBe(false);
    expect([p.code, q.code]).toEqual([0, 0]);
  }, 300_000);
});

describe.skipIf(lack !== undefined)('a read-only virtio-blk drive', () => {
  it('reads as under qemu; a write fails as under qemu and leaves the image alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-virtio-'));
    const disk = join(dir, 'ro.img');
    writeFileSync(disk, image());
    const args = ['-M', 'virt', '-nographic', '-bios', 'default', '-kernel', UBOOT_SMODE,
      '-drive', `file=${disk},format=raw,if=none,id=hd0,readonly=on`, '-device', 'virtio-blk-device,drive=hd0'];
    const s: Session = {
      until: /poweroff \.\.\.\r\n/,
      script: [
        [/=> $/, 'virtio read 0x84000000 10 2; crc32 0x84000000 0x400; virtio write 0x84000000 0 1\r'],
        [/blocks? written[^\n]*\n=> $/, 'poweroff\r'],
      ],
      quietMs: 5000,
      timeoutMs: 240_000,
    };
    const [q, p] = await Promise.all([runMachine([QEMU_SYSTEM!, ...args], s), runMachine([...POLYEMU_SYSTEM, ...args], s)]);
    const fromPrompt = (t: string) => consoleText(t).slice(consoleText(t).indexOf('=> virtio read'));
    expect(p.reached, p.out).toBe(true);
    expect(fromPrompt(p.out)).toBe(fromPrompt(q.out));
    expect(readFileSync(disk).equals(image())).toBe(true);
  }, 300_000);
});

describe('virtio-rng at its queue', () => {
  it('fills the buffer a driver makes available, returns it used, and interrupts', () => {
    const bus = new Bus([0x1000, 0x1000], [0x80000000, 1 << 20]);
    let irq = false;
    const t = new VirtioMmio(bus, new VirtioRng(), (on) => { irq = on; });
    const dv = bus.dv, o = (pa: number) => bus.ramOffset(pa)!;
    expect([t.read(0, 4), t.read(4, 4), t.read(8, 4)]).toEqual([0x74726976, 2, 4]);
    t.write(0x70, 4, 1 | 2); // ACKNOWLEDGE | DRIVER
    t.write(0x24, 4, 1);
    t.write(0x20, 4, 1); // VERSION_1
    t.write(0x70, 4, 1 | 2 | 8); // FEATURES_OK
    t.write(0x30, 4, 0);
    t.write(0x38, 4, 8);
    const DESC = 0x80001000, AVAIL = 0x80002000, USED = 0x80003000, BUF = 0x80004000;
    t.write(0x80, 4, DESC); t.write(0x90, 4, AVAIL); t.write(0xa0, 4, USED);
    t.write(0x44, 4, 1);
    t.write(0x70, 4, 1 | 2 | 8 | 4); // DRIVER_OK
    dv.setBigUint64(o(DESC), BigInt(BUF), true);
    dv.setUint32(o(DESC + 8), 64, true);
    dv.setUint16(o(DESC + 12), 2, true); // WRITE
    dv.setUint16(o(AVAIL + 4), 0, true); // ring[0] = desc 0
    dv.setUint16(o(AVAIL + 2), 1, true); // idx
    t.write(0x50, 4, 0); // notify
    expect([dv.getUint16(o(USED + 2), true), dv.getUint32(o(USED + 4), true), dv.getUint32(o(USED + 8), true)]).toEqual([1, 0, 64]);
    expect(bus.u8.subarray(o(BUF), o(BUF) + 64).some((b) => b !== 0)).toBe(true);
    expect([irq, t.read(0x60, 4)]).toEqual([true, 1]);
    t.write(0x64, 4, 1);
    expect(irq).toBe(false);
  });
});
