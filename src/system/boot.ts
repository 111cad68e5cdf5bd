/**
 * What the virt board puts in memory before the first instruction, as qemu does: the boot
 * ROM's reset vector (hart id in a0, the device tree's address in a1, fw_dynamic_info in a2,
 * then a jump to the firmware), OpenSBI's fw_dynamic_info (where and in which mode to start
 * the next stage), the firmware, the kernel (an ELF at its physical addresses, or a raw image
 * after the firmware) and the initrd.
 */
import { VIRT } from './virt.js';

/** the reset vector: auipc t0,0; addi a2,t0,40; csrr a0,mhartid; ld a1,32(t0); ld t0,24(t0); jr t0 */
const RESET_VECTOR = [0x00000297, 0x02828613, 0xf1402573, 0x0202b583, 0x0182b283, 0x00028067];
const FW_DYNAMIC_MAGIC = 0x4942534f; // "OSBI"
const FW_DYNAMIC_VERSION = 2;
export const NEXT_MODE_S = 1;

/** The boot ROM's bytes: reset vector, firmware entry, FDT address, fw_dynamic_info. */
export function bootRom(firmware: number, fdt: number, nextAddr: number, nextMode = NEXT_MODE_S): Uint8Array {
  const rom = new Uint8Array(0x28 + 6 * 8);
  const dv = new DataView(rom.buffer);
  RESET_VECTOR.forEach((w, i) => dv.setUint32(i * 4, w, true));
  dv.setBigUint64(0x18, BigInt(firmware), true);
  dv.setBigUint64(0x20, BigInt(fdt), true);
  [FW_DYNAMIC_MAGIC, FW_DYNAMIC_VERSION, nextAddr, nextMode, 0, 0].forEach((v, i) => dv.setBigUint64(0x28 + i * 8, BigInt(v), true));
  return rom;
}

/**
 * Where qemu puts the device tree: the top of RAM below 3 GiB, less the tree, aligned down to
 * 2 MiB.
 */
export function fdtAddress(ramSize: number, fdtSize: number): number {
  const base = VIRT.dram.base;
  const end = Math.min(base + ramSize, 0xc0000000);
  return Math.floor((end - fdtSize) / 0x200000) * 0x200000;
}

/** A loaded image: its entry and the bytes to put at each physical address. */
export interface Image {
  entry: number;
  segments: { addr: number; data: Uint8Array }[];
  end: number;
}

/** An ELF64 (little-endian RISC-V) image at its physical addresses, or undefined when `file` is not one. */
export function elfImage(file: Uint8Array): Image | undefined {
  if (file.length < 64 || file[0] !== 0x7f || file[1] !== 0x45 || file[2] !== 0x4c || file[3] !== 0x46) return undefined;
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file[4] !== 2 || file[5] !== 1 || dv.getUint16(18, true) !== 243) throw new Error('not a little-endian RISC-V ELF64 image');
  const phoff = Number(dv.getBigUint64(32, true));
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  const segments: Image['segments'] = [];
  let end = 0;
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (dv.getUint32(ph, true) !== 1) continue; // PT_LOAD
    const off = Number(dv.getBigUint64(ph + 8, true));
    const paddr = Number(dv.getBigUint64(ph + 24, true));
    const filesz = Number(dv.getBigUint64(ph + 32, true));
    const memsz = Number(dv.getBigUint64(ph + 40, true));
    const data = new Uint8Array(memsz);
    data.set(file.subarray(off, off + filesz));
    segments.push({ addr: paddr, data });
    end = Math.max(end, paddr + memsz);
  }
  return { entry: Number(dv.getBigUint64(24, true)), segments, end };
}

/** A raw image at `addr`. */
export function rawImage(file: Uint8Array, addr: number): Image {
  return { entry: addr, segments: [{ addr, data: file }], end: addr + file.length };
}

/** Where a raw kernel goes after the firmware: the next 2 MiB boundary (4 MiB on rv32), as qemu. */
export function kernelAddress(firmwareEnd: number): number {
  return Math.ceil(firmwareEnd / 0x200000) * 0x200000;
}
