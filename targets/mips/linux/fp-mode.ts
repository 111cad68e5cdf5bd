/**
 * Status.FR for a program, from the FP ABI its .MIPS.abiflags segment (PT_MIPS_ABIFLAGS)
 * records, as qemu-mips decides it: FR=1 (64-bit FP registers) unless the ABI needs the
 * 32-bit register pairs (o32 FP32 "double", single, soft, the old FP64 layout); FPXX and
 * FP64 binaries, and those that record no FP ABI, run with FR=1. Without the segment, the
 * EF_MIPS_FP64 header flag means FP64. 64-bit programs (n64) always run with FR=1.
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { ElfFacts } from '../../target.js';
import type { MipsCpu } from '../cpu.js';

const PT_MIPS_ABIFLAGS = 0x70000003;
const EF_MIPS_FP64 = 0x200;
/** Val_GNU_MIPS_ABI_FP_*: the ones that want FR=0 */
const FP_DOUBLE = 1, FP_SINGLE = 2, FP_SOFT = 3, FP_OLD_64 = 4;

/** the fp_abi byte of the program's abiflags, or undefined without the segment */
export function mipsFpAbi(e: ElfFacts): number | undefined {
  const dv = new DataView(e.data.buffer, e.data.byteOffset, e.data.byteLength);
  for (let i = 0; i < e.phnum; i++) {
    const at = e.phoff + i * e.phentsize;
    if (at + e.phentsize > e.data.length) break;
    if (dv.getUint32(at, e.littleEndian) !== PT_MIPS_ABIFLAGS) continue;
    const off = e.elfClass === 64 ? Number(dv.getBigUint64(at + 8, e.littleEndian)) : dv.getUint32(at + 4, e.littleEndian);
    return off + 8 <= e.data.length ? e.data[off + 7] : undefined;
  }
  return undefined;
}

export function initFpMode(cpu: Cpu, e: ElfFacts): void {
  if (e.elfClass === 64) { // a MIPS64 CPU with a 64-bit FPU starts with FR=1 (n64 needs it)
    (cpu as MipsCpu).fr = 1;
    return;
  }
  const abi = mipsFpAbi(e) ?? (e.flags & EF_MIPS_FP64 ? 6 : 0);
  (cpu as MipsCpu).fr = abi === FP_DOUBLE || abi === FP_SINGLE || abi === FP_SOFT || abi === FP_OLD_64 ? 0 : 1;
}
