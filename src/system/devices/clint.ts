/**
 * The CLINT / ACLINT of qemu's virt board: per hart a software-interrupt register (msip, at
 * 4 × hart) and a timer compare register (mtimecmp, at 0x4000 + 8 × hart), and the shared
 * mtime at 0xbff8, counting at the board's timebase (10 MHz). A compare at or below mtime
 * raises the hart's machine timer interrupt; the board calls `update()` as time passes.
 */
import type { MmioDevice } from '../bus.js';

export interface ClintHart {
  msip(on: boolean): void;
  mtip(on: boolean): void;
}

export class Clint implements MmioDevice {
  private readonly msip: number[];
  readonly mtimecmp: bigint[];
  /** mtime sampled by a read of its low word, so the high word read next matches it */
  private sample = 0n;
  private sampled = false;

  constructor(private readonly harts: ClintHart[], private readonly mtime: () => bigint) {
    this.msip = harts.map(() => 0);
    this.mtimecmp = harts.map(() => (1n << 64n) - 1n);
  }

  read(off: number, size: number): number {
    if (off < 0x4000) return this.msip[off >> 2] ?? 0;
    if (off >= 0xbff8) {
      // the high word read right after the low word comes from the same sample
      if (off === 0xbff8 || !this.sampled) this.sample = this.mtime();
      this.sampled = off === 0xbff8;
      return Number((off === 0xbff8 ? this.sample : this.sample >> 32n) & 0xffffffffn);
    }
    this.sampled = false;
    const h = (off - 0x4000) >> 3;
    const cmp = this.mtimecmp[h];
    if (cmp === undefined) return 0;
    return Number(((off & 4) ? cmp >> 32n : cmp) & 0xffffffffn);
  }

  write(off: number, _size: number, v: number): void {
    if (off < 0x4000) {
      const h = off >> 2;
      if (h < this.harts.length) {
        this.msip[h] = v & 1;
        this.harts[h].msip((v & 1) !== 0);
      }
      return;
    }
    if (off >= 0xbff8) return; // mtime is read-only here (the host clock or the instruction count drives it)
    const h = (off - 0x4000) >> 3;
    if (h >= this.harts.length) return;
    const old = this.mtimecmp[h];
    const word = BigInt(v >>> 0);
    this.mtimecmp[h] = off & 4 ? (old & 0xffffffffn) | (word << 32n) : (old & ~0xffffffffn) | word;
    this.update();
  }

  /** raise or lower each hart's timer interrupt for the current mtime */
  update(now = this.mtime()): void {
    this.harts.forEach((h, i) => h.mtip(now >= this.mtimecmp[i]));
  }
}
