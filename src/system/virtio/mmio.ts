/**
 * The virtio-mmio transport, version 2 (Virtual I/O Device 1.x, "Virtio Over MMIO"): the
 * register file a driver programs (features, queues, status, interrupt status) in front of a
 * device (block, rng, ...), which sees its queues and raises the slot's interrupt through it.
 */
import type { Bus, MmioDevice } from '../bus.js';
import { DmaError, Virtqueue } from './queue.js';

export const VIRTIO_F_VERSION_1 = 1n << 32n;
export const VIRTIO_F_EVENT_IDX = 1n << 29n;
const STATUS_NEEDS_RESET = 0x40;

/** What a virtio device brings to the transport. */
export interface VirtioDevice {
  /** virtio device id (2 block, 4 entropy) */
  readonly id: number;
  /** feature bits it offers (VIRTIO_F_VERSION_1 is added) */
  readonly features: bigint;
  readonly queueCount: number;
  /** its configuration space */
  readonly config: Uint8Array;
  /** the driver notified queue `q`: process what it made available */
  notify(t: VirtioMmio, q: number): void;
  reset?(): void;
}

export class VirtioMmio implements MmioDevice {
  readonly queues: Virtqueue[];
  private status = 0;
  private devSel = 0;
  private drvSel = 0;
  private queueSel = 0;
  driverFeatures = 0n;
  private isr = 0;

  constructor(bus: Bus, readonly dev: VirtioDevice, private readonly irq: (on: boolean) => void) {
    this.queues = Array.from({ length: dev.queueCount }, () => new Virtqueue(bus, 256));
  }

  private get offered(): bigint {
    return this.dev.features | VIRTIO_F_VERSION_1 | VIRTIO_F_EVENT_IDX;
  }
  get eventIdx(): boolean {
    return (this.driverFeatures & VIRTIO_F_EVENT_IDX) !== 0n;
  }

  read(off: number, size = 4): number {
    if (off >= 0x100) {
      let v = 0;
      for (let k = size - 1; k >= 0; k--) v = (v << 8) | (this.dev.config[off - 0x100 + k] ?? 0);
      return v >>> 0;
    }
    const q = this.queues[this.queueSel];
    switch (off) {
      case 0x000: return 0x74726976;
      case 0x004: return 2;
      case 0x008: return this.dev.id;
      case 0x00c: return 0x554d4551;
      case 0x010: return Number((this.offered >> BigInt(32 * this.devSel)) & 0xffffffffn);
      case 0x034: return q ? q.maxSize : 0;
      case 0x044: return q?.ready ? 1 : 0;
      case 0x060: return this.isr;
      case 0x070: return this.status;
      case 0x0fc: return 0;
      default: return 0;
    }
  }

  write(off: number, _size: number, v: number): void {
    if (off >= 0x100) return; // configuration writes: none of ours are writable
    const q = this.queues[this.queueSel];
    const lo = (x: number, old: number) => (old - (old % 4294967296)) + (x >>> 0);
    const hi = (x: number, old: number) => (x >>> 0) * 4294967296 + (old % 4294967296);
    switch (off) {
      case 0x014: this.devSel = v; break;
      case 0x020: {
        const shift = BigInt(32 * this.drvSel);
        if (this.drvSel < 2) this.driverFeatures = (this.driverFeatures & ~(0xffffffffn << shift)) | (BigInt(v >>> 0) << shift);
        break;
      }
      case 0x024: this.drvSel = v; break;
      case 0x030: this.queueSel = v; break;
      case 0x038: if (q) q.size = Math.min(v, q.maxSize); break;
      case 0x044: if (q) q.ready = (v & 1) === 1; break;
      case 0x050: this.kick(v); break;
      case 0x064: this.isr &= ~v; this.irq(this.isr !== 0); break;
      case 0x070:
        if (v === 0) this.reset();
        else this.status = v & 0xff;
        break;
      case 0x080: if (q) q.desc = lo(v, q.desc); break;
      case 0x084: if (q) q.desc = hi(v, q.desc); break;
      case 0x090: if (q) q.avail = lo(v, q.avail); break;
      case 0x094: if (q) q.avail = hi(v, q.avail); break;
      case 0x0a0: if (q) q.used = lo(v, q.used); break;
      case 0x0a4: if (q) q.used = hi(v, q.used); break;
      default: break;
    }
  }

  private kick(q: number): void {
    if (q >= this.queues.length || !(this.status & 4)) return; // DRIVER_OK
    try {
      this.dev.notify(this, q);
    } catch (e) {
      if (!(e instanceof DmaError)) throw e;
      this.status |= STATUS_NEEDS_RESET; // the driver handed us memory that is not there
    }
  }

  /** the device used buffers of queue q: interrupt if the driver wants one */
  usedBuffers(q: number): void {
    if (this.queues[q].shouldNotify(this.eventIdx)) {
      this.isr |= 1;
      this.irq(true);
    }
  }

  private reset(): void {
    this.status = 0;
    this.isr = 0;
    this.driverFeatures = 0n;
    this.devSel = this.drvSel = this.queueSel = 0;
    for (const q of this.queues) q.reset();
    this.dev.reset?.();
    this.irq(false);
  }
}
