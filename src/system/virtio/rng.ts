/** virtio entropy device (id 4): each request's device-writable buffers filled from the host's CSPRNG. */
import { randomFillSync } from 'node:crypto';
import type { VirtioDevice, VirtioMmio } from './mmio.js';

export class VirtioRng implements VirtioDevice {
  readonly id = 4;
  readonly features = 0n;
  readonly queueCount = 1;
  readonly config = new Uint8Array(0);

  notify(t: VirtioMmio, q: number): void {
    const vq = t.queues[q];
    for (let c = vq.pop(); c; c = vq.pop()) {
      const len = c.in.reduce((n, b) => n + b.len, 0);
      vq.push(c.head, vq.write(c.in, 0, randomFillSync(new Uint8Array(len))));
    }
    t.usedBuffers(q);
  }
}
