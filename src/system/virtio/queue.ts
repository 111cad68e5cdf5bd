/**
 * A split virtqueue (Virtual I/O Device 1.x, "Split Virtqueues") in guest RAM: the device
 * side. Descriptor table, available ring and used ring are read and written in place through
 * the bus's host buffer; a request is the descriptor chain the driver made available (direct
 * or through an indirect table), split into the buffers the device reads and those it writes.
 * With VIRTIO_F_EVENT_IDX the driver's used_event says when it wants an interrupt.
 */
import type { Bus } from '../bus.js';

const DESC_NEXT = 1, DESC_WRITE = 2, DESC_INDIRECT = 4;

/** one buffer of a request: physical address and length */
export interface Buf {
  addr: number;
  len: number;
}

export interface Chain {
  head: number;
  /** buffers the device reads (driver -> device), then those it writes */
  out: Buf[];
  in: Buf[];
}

/** A guest address the device cannot use (outside RAM): the device then fails its request. */
export class DmaError extends Error {}

export class Virtqueue {
  size = 0;
  ready = false;
  desc = 0;
  avail = 0;
  used = 0;
  /** the next available-ring entry to take */
  private lastAvail = 0;
  /** used.idx when the driver was last told (event index) */
  private signalled = 0;

  constructor(private readonly bus: Bus, readonly maxSize: number) {}

  reset(): void {
    this.size = 0;
    this.ready = false;
    this.desc = this.avail = this.used = 0;
    this.lastAvail = this.signalled = 0;
  }

  private at(pa: number, len: number): number {
    const o = this.bus.ramOffset(pa);
    if (o === undefined || this.bus.ramOffset(pa + len - 1) === undefined) throw new DmaError(`virtqueue: 0x${pa.toString(16)} is not RAM`);
    return o;
  }
  private u16(pa: number): number { return this.bus.dv.getUint16(this.at(pa, 2), true); }
  private u32(pa: number): number { return this.bus.dv.getUint32(this.at(pa, 4), true); }
  private u64(pa: number): number { return Number(this.bus.dv.getBigUint64(this.at(pa, 8), true)); }

  /** the next request the driver made available, or undefined */
  pop(): Chain | undefined {
    if (!this.ready || this.size === 0) return undefined;
    const availIdx = this.u16(this.avail + 2);
    if (availIdx === (this.lastAvail & 0xffff)) return undefined;
    const head = this.u16(this.avail + 4 + 2 * (this.lastAvail % this.size));
    this.lastAvail = (this.lastAvail + 1) & 0xffff;
    const chain: Chain = { head, out: [], in: [] };
    let table = this.desc, n = this.size, i = head;
    for (let guard = 0; guard <= 2 * this.size + 2; guard++) {
      const d = table + 16 * i;
      const addr = this.u64(d), len = this.u32(d + 8), flags = this.u16(d + 12), next = this.u16(d + 14);
      if (flags & DESC_INDIRECT) {
        table = addr;
        n = len / 16;
        i = 0;
        continue;
      }
      (flags & DESC_WRITE ? chain.in : chain.out).push({ addr, len });
      if (!(flags & DESC_NEXT)) return chain;
      i = next;
      if (i >= n) break;
    }
    throw new DmaError('virtqueue: a descriptor chain that does not end');
  }

  /** Return a request with `written` bytes in its device-written buffers. */
  push(head: number, written: number): void {
    const idx = this.u16(this.used + 2);
    const e = this.used + 4 + 8 * (idx % this.size);
    this.bus.dv.setUint32(this.at(e, 4), head, true);
    this.bus.dv.setUint32(this.at(e + 4, 4), written, true);
    this.bus.dv.setUint16(this.at(this.used + 2, 2), (idx + 1) & 0xffff, true);
  }

  /** Does the driver want an interrupt for what was pushed since the last one? */
  shouldNotify(eventIdx: boolean): boolean {
    const idx = this.u16(this.used + 2);
    const old = this.signalled;
    this.signalled = idx;
    if (!eventIdx) return (this.u16(this.avail) & 1) === 0; // VIRTQ_AVAIL_F_NO_INTERRUPT
    const usedEvent = this.u16(this.avail + 4 + 2 * this.size);
    // vring_need_event: the event index lies in (old, idx]
    return ((idx - usedEvent - 1) & 0xffff) < ((idx - old) & 0xffff);
  }

  /** Copy from guest buffers (a request's `out` part) starting `skip` bytes in. */
  read(bufs: Buf[], skip: number, len: number): Uint8Array {
    const out = new Uint8Array(len);
    let done = 0;
    for (const b of bufs) {
      if (done >= len) break;
      if (skip >= b.len) { skip -= b.len; continue; }
      const n = Math.min(b.len - skip, len - done);
      const o = this.at(b.addr + skip, n);
      out.set(this.bus.u8.subarray(o, o + n), done);
      done += n;
      skip = 0;
    }
    return out.subarray(0, done);
  }

  /** Copy into guest buffers (a request's `in` part) starting `skip` bytes in; bytes written. */
  write(bufs: Buf[], skip: number, data: Uint8Array): number {
    let done = 0;
    for (const b of bufs) {
      if (done >= data.length) break;
      if (skip >= b.len) { skip -= b.len; continue; }
      const n = Math.min(b.len - skip, data.length - done);
      this.bus.u8.set(data.subarray(done, done + n), this.at(b.addr + skip, n));
      done += n;
      skip = 0;
    }
    return done;
  }
}
