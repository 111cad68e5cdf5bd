/**
 * Real firmware nobody here wrote, on the virt board, against qemu-system-riscv64 with the
 * same command line: Debian's OpenSBI alone (its banner, the platform, domain and hart lines
 * it prints from what it probes: CSRs, PMP, counters, delegation, the device tree) and
 * Debian's U-Boot (S-mode, after OpenSBI) driven over the UART to its prompt and powered off
 * through the SiFive test device.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENSBI, POLYEMU_SYSTEM, QEMU_SYSTEM, UBOOT_SMODE, consoleText, missing, runMachine, type Session } from '../helpers/system.js';

const lack = missing([OPENSBI, UBOOT_SMODE]);
if (lack) console.warn(`tests/system/firmware: SKIPPED, ${lack}`);

async function both(args: string[], s: Session) {
  const [q, p] = await Promise.all([runMachine([QEMU_SYSTEM!, ...args], s), runMachine([...POLYEMU_SYSTEM, ...args], s)]);
  return { q, p };
}

/**
 * U-Boot lines that describe devices of qemu's board this one does not have (yet): the ISA
 * string (qemu's cpu also has Zba/Zbb/Zbc/Zbs), the driver-model count and the CFI flash
 * (qemu's tree also has flash, PCI, fw_cfg and the PMU), and the address U-Boot relocates the
 * tree to (its size differs). Everything else must be the same.
 */
const UBOOT_BOARD_LINES = /^(CPU: |Core: |Flash: |Working FDT set to )/;

describe.skipIf(lack !== undefined)('firmware on the virt board, beside qemu-system-riscv64', () => {
  it('OpenSBI without a kernel prints exactly what it prints under qemu', async () => {
    const { q, p } = await both(['-M', 'virt', '-nographic', '-bios', 'default'], { until: /Boot HART MEDELEG[^\n]*\n/, quietMs: 1000, timeoutMs: 120_000 });
    expect(q.reached, q.out).toBe(true);
    expect(p.reached, p.out).toBe(true);
    expect(consoleText(p.out)).toBe(consoleText(q.out));
    console.log(`OpenSBI to its last line: qemu ${q.ms} ms, polyemu ${p.ms} ms (wall, including the quiet second)`);
  }, 150_000);

  it('-initrd and -append reach the device tree where qemu puts them (U-Boot prints /chosen)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-initrd-'));
    const initrd = join(dir, 'initrd');
    writeFileSync(initrd, Buffer.alloc(5000, 7));
    const s: Session = {
      until: /poweroff \.\.\.\r\n/,
      script: [[/=> $/, 'fdt addr $fdtcontroladdr; fdt print /chosen bootargs; fdt print /chosen linux,initrd-start; fdt print /chosen linux,initrd-end\r'],
        [/initrd-end[^\n]*\n=> $/, 'poweroff\r']],
      quietMs: 5000, timeoutMs: 240_000,
    };
    const { q, p } = await both(['-M', 'virt', '-nographic', '-bios', 'default', '-kernel', UBOOT_SMODE, '-initrd', initrd, '-append', 'console=ttyS0 polyemu=1'], s);
    const chosen = (t: string) => consoleText(t).split('\n').filter((l) => /^(bootargs|linux,initrd-(start|end)) = /.test(l));
    expect(chosen(p.out)).toHaveLength(3);
    expect(chosen(p.out)).toEqual(chosen(q.out));
  }, 300_000);

  it('Ctrl-A x quits as in qemu\'s -nographic console', async () => {
    const s: Session = { until: /Terminated/, script: [[/Boot HART MEDELEG[^\n]*\n$/, '\x01x']], quietMs: 2000, timeoutMs: 120_000 };
    const { q, p } = await both(['-M', 'virt', '-nographic', '-bios', 'default'], s);
    expect(p.out.endsWith('QEMU: Terminated\n\r')).toBe(true);
    expect([consoleText(p.out), p.code]).toEqual([consoleText(q.out), q.code]);
  }, 150_000);

  it('U-Boot (S-mode, -kernel) reaches its prompt, runs a command and powers off as under qemu', async () => {
    const s: Session = { until: /poweroff \.\.\.\r\n/, script: [[/=> $/, 'echo polyemu $cpu\r'], [/polyemu [^\n]*\n=> $/, 'poweroff\r']], quietMs: 5000, timeoutMs: 240_000 };
    const { q, p } = await both(['-M', 'virt', '-nographic', '-bios', 'default', '-kernel', UBOOT_SMODE], s);
    expect(q.reached, q.out).toBe(true);
    expect(p.reached, p.out).toBe(true);
    expect([p.code, q.code]).toEqual([0, 0]); // powered off, not killed
    const rest = (t: string) => consoleText(t).split('\n').filter((l) => !UBOOT_BOARD_LINES.test(l)).join('\n');
    expect(rest(p.out)).toBe(rest(q.out));
    const pl = consoleText(p.out).split('\n');
    // the board lines name this board's own devices
    expect(pl.filter((l) => UBOOT_BOARD_LINES.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(['CPU:', 'Core:', 'Working']);
    expect(pl.join('\n')).toContain('U-Boot 20');
    console.log(`U-Boot to poweroff: qemu ${q.ms} ms, polyemu ${p.ms} ms`);
  }, 300_000);
});
