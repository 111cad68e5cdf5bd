/**
 * qemu's RISC-V `virt` board as data: the address map, the interrupt numbers, and the device
 * tree generated from the same table (what firmware and kernels read to find the devices).
 * Addresses and interrupt numbers are those of qemu-system-riscv64 -M virt.
 */
import { randomBytes } from 'node:crypto';
import { node, u64cells, writeFdt, type FdtNode } from './fdt.js';

export const VIRT = {
  mrom: { base: 0x1000, size: 0xf000 },
  test: { base: 0x100000, size: 0x1000 },
  rtc: { base: 0x101000, size: 0x1000, irq: 11 },
  clint: { base: 0x2000000, size: 0x10000 },
  plic: { base: 0xc000000, size: 0x600000, sources: 96 }, // sources 1..96
  uart0: { base: 0x10000000, size: 0x100, irq: 10 },
  virtio: { base: 0x10001000, size: 0x1000, count: 8, irq: 1 },
  dram: { base: 0x80000000 },
  /** mtime ticks per second */
  timebase: 10_000_000,
  /** the UART's input clock as qemu reports it (3.6864 MHz) */
  uartClock: 3686400,
} as const;

/** What the device tree describes beyond the fixed map. */
export interface VirtFdtConfig {
  ramSize: number;
  harts: number;
  /** riscv,isa of every hart */
  isa: string;
  mmu: 'riscv,sv39' | 'riscv,sv48';
  bootargs?: string;
  initrd?: { start: number; end: number };
  /** /chosen/rng-seed: 32 bytes of entropy for the kernel, as qemu gives (default: random) */
  rngSeed?: Uint8Array;
}

const hex = (n: number) => n.toString(16);
const reg = (base: number, size: number) => [...u64cells(base), ...u64cells(size)];

/** phandles (as qemu numbers them): each cpu (2h + 1) and its interrupt controller (2h + 2), then the PLIC and the test device */
export function virtFdt(c: VirtFdtConfig): Uint8Array {
  const intc = (h: number) => 2 + 2 * h;
  const cpuPh = (h: number) => 1 + 2 * h;
  const plicPh = 2 * c.harts + 1;
  const testPh = plicPh + 1;
  const harts = [...Array(c.harts).keys()];
  const cpus = node('cpus', [['#address-cells', [1]], ['#size-cells', [0]], ['timebase-frequency', [VIRT.timebase]]], [
    ...harts.map((h) => node(`cpu@${h}`, [
      ['phandle', [cpuPh(h)]], ['device_type', 'cpu'], ['reg', [h]], ['status', 'okay'], ['compatible', 'riscv'],
      ['riscv,isa', c.isa], ['mmu-type', c.mmu],
    ], [node('interrupt-controller', [['#interrupt-cells', [1]], ['interrupt-controller', null],
      ['compatible', 'riscv,cpu-intc'], ['phandle', [intc(h)]]])])),
    node('cpu-map', [], [node('cluster0', [], harts.map((h) => node(`core${h}`, [['cpu', [cpuPh(h)]]])))]),
  ]);
  const dev = (name: string, base: number, size: number, props: [string, string | number[] | string[] | null][]): FdtNode =>
    node(`${name}@${hex(base)}`, [...props, ['reg', reg(base, size)]]);
  const irqOf = (n: number): [string, number[]][] => [['interrupts', [n]], ['interrupt-parent', [plicPh]]];
  const virtio = [...Array(VIRT.virtio.count).keys()].reverse().map((i) =>
    dev('virtio_mmio', VIRT.virtio.base + i * VIRT.virtio.size, VIRT.virtio.size, [...irqOf(VIRT.virtio.irq + i), ['compatible', 'virtio,mmio']]));
  const soc = node('soc', [['#address-cells', [2]], ['#size-cells', [2]], ['compatible', 'simple-bus'], ['ranges', null]], [
    dev('rtc', VIRT.rtc.base, VIRT.rtc.size, [...irqOf(VIRT.rtc.irq), ['compatible', 'google,goldfish-rtc']]),
    dev('serial', VIRT.uart0.base, VIRT.uart0.size, [...irqOf(VIRT.uart0.irq), ['clock-frequency', [VIRT.uartClock]], ['compatible', 'ns16550a']]),
    dev('test', VIRT.test.base, VIRT.test.size, [['phandle', [testPh]], ['compatible', ['sifive,test1', 'sifive,test0', 'syscon']]]),
    ...virtio,
    dev('plic', VIRT.plic.base, VIRT.plic.size, [['phandle', [plicPh]], ['riscv,ndev', [VIRT.plic.sources]],
      ['interrupts-extended', harts.flatMap((h) => [intc(h), 11, intc(h), 9])], ['interrupt-controller', null],
      ['compatible', ['sifive,plic-1.0.0', 'riscv,plic0']], ['#address-cells', [0]], ['#interrupt-cells', [1]]]),
    dev('clint', VIRT.clint.base, VIRT.clint.size, [['interrupts-extended', harts.flatMap((h) => [intc(h), 3, intc(h), 7])],
      ['compatible', ['sifive,clint0', 'riscv,clint0']]]),
  ]);
  const chosen: [string, string | number[] | Uint8Array][] = [['rng-seed', c.rngSeed ?? randomBytes(32)], ['stdout-path', `/soc/serial@${hex(VIRT.uart0.base)}`]];
  if (c.bootargs !== undefined) chosen.push(['bootargs', c.bootargs]);
  // one cell each, as qemu writes them (the initrd lies below 4 GiB)
  if (c.initrd) chosen.push(['linux,initrd-start', [c.initrd.start]], ['linux,initrd-end', [c.initrd.end]]);
  const root = node('', [['#address-cells', [2]], ['#size-cells', [2]], ['compatible', 'riscv-virtio'], ['model', 'riscv-virtio,qemu']], [
    node('chosen', chosen),
    node('poweroff', [['value', [0x5555]], ['offset', [0]], ['regmap', [testPh]], ['compatible', 'syscon-poweroff']]),
    node('reboot', [['value', [0x7777]], ['offset', [0]], ['regmap', [testPh]], ['compatible', 'syscon-reboot']]),
    node(`memory@${hex(VIRT.dram.base)}`, [['device_type', 'memory'], ['reg', reg(VIRT.dram.base, c.ramSize)]]),
    cpus,
    soc,
  ]);
  return writeFdt(root);
}
