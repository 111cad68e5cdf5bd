/**
 * The small devices of qemu's virt board: the SiFive test device (a write of 0x5555 powers
 * off, 0x3333 | code << 16 exits with that code, 0x7777 resets), the goldfish RTC (ns since
 * the epoch, low word latching the high one), and an empty virtio-mmio slot (magic, version 2,
 * device id 0: no device).
 */
import type { MmioDevice } from '../bus.js';

export type PowerEvent = { kind: 'poweroff'; code: number } | { kind: 'reset' };

export class SifiveTest implements MmioDevice {
  constructor(private readonly power: (e: PowerEvent) => void) {}
  read(): number {
    return 0;
  }
  write(off: number, _size: number, v: number): void {
    if (off !== 0) return;
    const status = v & 0xffff;
    if (status === 0x5555) this.power({ kind: 'poweroff', code: 0 });
    else if (status === 0x3333) this.power({ kind: 'poweroff', code: (v >>> 16) & 0xffff });
    else if (status === 0x7777) this.power({ kind: 'reset' });
  }
}

export class GoldfishRtc implements MmioDevice {
  private high = 0;
  private alarm = 0n;
  private irqEnabled = 0;
  constructor(private readonly nowNs: () => bigint) {}
  read(off: number, _size?: number): number {
    switch (off) {
      case 0x00: {
        const t = this.nowNs();
        this.high = Number((t >> 32n) & 0xffffffffn);
        return Number(t & 0xffffffffn);
      }
      case 0x04: return this.high;
      case 0x08: return Number(this.alarm & 0xffffffffn);
      case 0x0c: return Number(this.alarm >> 32n);
      case 0x10: return this.irqEnabled;
      default: return 0;
    }
  }
  write(off: number, _size: number, v: number): void {
    if (off === 0x08) this.alarm = (this.alarm & ~0xffffffffn) | BigInt(v >>> 0);
    else if (off === 0x0c) this.alarm = (this.alarm & 0xffffffffn) | (BigInt(v >>> 0) << 32n);
    else if (off === 0x10) this.irqEnabled = v & 1;
  }
}

export class VirtioMmioEmpty implements MmioDevice {
  read(off: number, _size?: number): number {
    switch (off) {
      case 0x000: return 0x74726976; // "virt"
      case 0x004: return 2; // version 2 (virtio 1.x)
      case 0x008: return 0; // no device
      case 0x00c: return 0x554d4551; // vendor "QEMU"
      default: return 0;
    }
  }
  write(): void {}
}
