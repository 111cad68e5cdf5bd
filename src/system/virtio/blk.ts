/**
 * virtio block device (id 2) on a raw image file: read, write, flush and get-id requests,
 * 512-byte sectors, read-only when asked (VIRTIO_BLK_F_RO: writes fail with IOERR... as the
 * spec says a driver must not send them). The file is read and written in place, synchronously.
 */
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import type { VirtioDevice, VirtioMmio } from './mmio.js';

const T_IN = 0, T_OUT = 1, T_FLUSH = 4, T_GET_ID = 8;
const S_OK = 0, S_IOERR = 1, S_UNSUPP = 2;
const F_RO = 1n << 5n, F_BLK_SIZE = 1n << 6n, F_FLUSH = 1n << 9n, F_SEG_MAX = 1n << 2n;

export class VirtioBlk implements VirtioDevice {
  readonly id = 2;
  readonly features: bigint;
  readonly queueCount = 1;
  readonly config = new Uint8Array(60);
  private readonly fd: number;
  private readonly sectors: number;

  constructor(readonly file: string, readonly readonly: boolean, readonly serial = '') {
    this.fd = openSync(file, readonly ? 'r' : 'r+');
    this.sectors = Math.floor(fstatSync(this.fd).size / 512);
    this.features = F_BLK_SIZE | F_FLUSH | F_SEG_MAX | (readonly ? F_RO : 0n);
    const dv = new DataView(this.config.buffer);
    dv.setBigUint64(0, BigInt(this.sectors), true); // capacity
    dv.setUint32(12, 254, true); // seg_max
    dv.setUint32(20, 512, true); // blk_size
  }

  close(): void {
    closeSync(this.fd);
  }

  notify(t: VirtioMmio, q: number): void {
    const vq = t.queues[q];
    for (let c = vq.pop(); c; c = vq.pop()) {
      const hdr = vq.read(c.out, 0, 16);
      const dv = new DataView(hdr.buffer, hdr.byteOffset, 16);
      const type = dv.getUint32(0, true);
      const sector = Number(dv.getBigUint64(8, true));
      const dataIn = c.in.reduce((n, b) => n + b.len, 0) - 1; // the last byte is the status
      const dataOut = c.out.reduce((n, b) => n + b.len, 0) - 16;
      let status = S_OK;
      let written = 0;
      if (type === T_IN) {
        if (sector + dataIn / 512 > this.sectors) status = S_IOERR;
        else {
          const buf = new Uint8Array(dataIn);
          readSync(this.fd, buf, 0, dataIn, sector * 512);
          written = vq.write(c.in, 0, buf);
        }
      } else if (type === T_OUT) {
        if (this.readonly || sector + dataOut / 512 > this.sectors) status = S_IOERR;
        else writeSync(this.fd, vq.read(c.out, 16, dataOut), 0, dataOut, sector * 512);
      } else if (type === T_FLUSH) {
        if (!this.readonly) fsyncSync(this.fd);
      } else if (type === T_GET_ID) {
        const id = new Uint8Array(20);
        id.set(Buffer.from(this.serial.slice(0, 20)));
        written = vq.write(c.in, 0, id.subarray(0, Math.min(20, dataIn)));
      } else status = S_UNSUPP;
      vq.write(c.in, Math.max(0, dataIn), Uint8Array.of(status));
      vq.push(c.head, written + 1);
    }
    t.usedBuffers(q);
  }
}
