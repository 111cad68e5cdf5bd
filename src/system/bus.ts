/**
 * The physical address space of a board: RAM and ROM backed by one host buffer, and devices
 * answering MMIO. The host buffer starts with one scratch page the software MMU uses to
 * stage device and page-crossing accesses (softmmu.ts), then the ROM, then the RAM.
 */

/** A device's registers: accesses of 1, 2 or 4 bytes at an offset into its window. */
export interface MmioDevice {
  read(off: number, size: number): number;
  write(off: number, size: number, value: number): void;
}

/** One window of the physical address space. */
export interface Region {
  base: number;
  size: number;
  /** RAM/ROM: offset into the host buffer (undefined: a device) */
  host?: number;
  readonly?: boolean;
  dev?: MmioDevice;
  name: string;
}

export const SCRATCH = 0x1000;

export class Bus {
  readonly buf: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly dv: DataView;
  private readonly regions: Region[] = [];

  /** `rom` and `ram`: [base, size] of each */
  constructor(readonly rom: [number, number], readonly ram: [number, number]) {
    this.buf = new ArrayBuffer(SCRATCH + rom[1] + ram[1]);
    this.u8 = new Uint8Array(this.buf);
    this.dv = new DataView(this.buf);
    this.regions.push({ base: rom[0], size: rom[1], host: SCRATCH, readonly: true, name: 'rom' });
    this.regions.push({ base: ram[0], size: ram[1], host: SCRATCH + rom[1], name: 'ram' });
  }

  map(base: number, size: number, dev: MmioDevice, name: string): void {
    this.regions.push({ base, size, dev, name });
  }

  /** the region holding physical address pa */
  find(pa: number): Region | undefined {
    for (const r of this.regions) if (pa >= r.base && pa - r.base < r.size) return r;
    return undefined;
  }

  /** the host offset of RAM/ROM at pa (undefined elsewhere) */
  hostOf(pa: number): number | undefined {
    const r = this.find(pa);
    return r?.host === undefined ? undefined : r.host + (pa - r.base);
  }

  /** the host offset of RAM at pa (undefined outside RAM) */
  ramOffset(pa: number): number | undefined {
    const [base, size] = this.ram;
    return pa >= base && pa - base < size ? SCRATCH + this.rom[1] + (pa - base) : undefined;
  }

  /** Copy bytes into RAM or ROM at pa (loading images); false when they do not fit. */
  load(pa: number, data: Uint8Array): boolean {
    const r = this.find(pa);
    if (r?.host === undefined || pa - r.base + data.length > r.size) return false;
    this.u8.set(data, r.host + (pa - r.base));
    return true;
  }
}
