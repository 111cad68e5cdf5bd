/**
 * The platform-level interrupt controller of qemu's virt board (SiFive PLIC layout): source
 * priorities at 4 × source, pending bits at 0x1000, per-context enable bits at
 * 0x2000 + 0x80 × context, threshold and claim/complete at 0x200000 + 0x1000 × context.
 * Context 2h is hart h's M mode, 2h + 1 its S mode. Sources are level-triggered lines.
 */
import type { MmioDevice } from '../bus.js';

export class Plic implements MmioDevice {
  private readonly priority: Uint32Array;
  private readonly level: Uint8Array;
  private readonly pending: Uint8Array;
  /** claimed and not yet completed */
  private readonly active: Uint8Array;
  private readonly enable: Uint32Array[];
  private readonly threshold: Uint32Array;

  constructor(readonly sources: number, private readonly contexts: ((on: boolean) => void)[]) {
    this.priority = new Uint32Array(sources);
    this.level = new Uint8Array(sources);
    this.pending = new Uint8Array(sources);
    this.active = new Uint8Array(sources);
    this.enable = contexts.map(() => new Uint32Array(Math.ceil(sources / 32)));
    this.threshold = new Uint32Array(contexts.length);
  }

  /** a device's interrupt line */
  set(source: number, on: boolean): void {
    if (source <= 0 || source >= this.sources) return;
    this.level[source] = on ? 1 : 0;
    if (on && !this.active[source]) this.pending[source] = 1;
    if (!on) this.pending[source] = 0;
    this.update();
  }

  read(off: number, _size?: number): number {
    if (off < 0x1000) return this.priority[off >> 2] ?? 0;
    if (off < 0x2000) {
      const w = (off - 0x1000) >> 2;
      let v = 0;
      for (let b = 0; b < 32; b++) if (this.pending[w * 32 + b]) v |= 1 << b;
      return v >>> 0;
    }
    if (off < 0x200000) {
      const ctx = (off - 0x2000) >> 7;
      return this.enable[ctx]?.[((off - 0x2000) & 0x7f) >> 2] ?? 0;
    }
    const ctx = (off - 0x200000) >> 12;
    if (ctx >= this.contexts.length) return 0;
    if ((off & 0xfff) === 0) return this.threshold[ctx];
    if ((off & 0xfff) === 4) return this.claim(ctx);
    return 0;
  }

  write(off: number, _size: number, v: number): void {
    if (off < 0x1000) {
      const s = off >> 2;
      if (s > 0 && s < this.sources) this.priority[s] = v & 7;
    } else if (off >= 0x2000 && off < 0x200000) {
      const ctx = (off - 0x2000) >> 7;
      const w = ((off - 0x2000) & 0x7f) >> 2;
      if (this.enable[ctx] && w < this.enable[ctx].length) this.enable[ctx][w] = (w === 0 ? v & ~1 : v) >>> 0;
    } else if (off >= 0x200000) {
      const ctx = (off - 0x200000) >> 12;
      if (ctx >= this.contexts.length) return;
      if ((off & 0xfff) === 0) this.threshold[ctx] = v & 7;
      else if ((off & 0xfff) === 4) this.complete(v);
    }
    this.update();
  }

  private best(ctx: number): number {
    let best = 0, prio = this.threshold[ctx];
    for (let s = 1; s < this.sources; s++) {
      if (this.pending[s] && (this.enable[ctx][s >> 5] >>> (s & 31)) & 1 && this.priority[s] > prio) {
        best = s;
        prio = this.priority[s];
      }
    }
    return best;
  }

  private claim(ctx: number): number {
    const s = this.best(ctx);
    if (s) {
      this.pending[s] = 0;
      this.active[s] = 1;
    }
    this.update();
    return s;
  }

  private complete(s: number): void {
    if (s <= 0 || s >= this.sources) return;
    this.active[s] = 0;
    if (this.level[s]) this.pending[s] = 1;
  }

  private update(): void {
    this.contexts.forEach((line, ctx) => line(this.best(ctx) !== 0));
  }
}
