/**
 * /proc/cpuinfo as the Linux kernel of each target prints it, describing the guest CPU
 * polyemu emulates (features from the target's AT_HWCAP), one block per host CPU.
 * qemu-user passes the host's file through on arm/aarch64 and writes its own on riscv.
 */
import * as os from 'node:os';
import type { Process } from '../../src/linux/process.js';

/** AT_HWCAP bit names in bit order, as the kernels' cpuinfo prints them (arch/<arch>/kernel/cpuinfo.c) */
const ARM_HWCAPS = ['swp', 'half', 'thumb', '26bit', 'fastmult', 'fpa', 'vfp', 'edsp', 'java', 'iwmmxt', 'crunch',
  'thumbee', 'neon', 'vfpv3', 'vfpv3d16', 'tls', 'vfpv4', 'idiva', 'idivt', 'vfpd32', 'lpae', 'evtstrm'];
const AARCH64_HWCAPS = ['fp', 'asimd', 'evtstrm', 'aes', 'pmull', 'sha1', 'sha2', 'crc32', 'atomics', 'fphp', 'asimdhp',
  'cpuid', 'asimdrdm', 'jscvt', 'fcma', 'lrcpc', 'dcpop', 'sha3', 'sm3', 'sm4', 'asimddp', 'sha512', 'sve', 'asimdfhm',
  'dit', 'uscat', 'ilrcpc', 'flagm', 'ssbs', 'sb', 'paca', 'pacg'];

function features(names: string[], hwcap: number): string {
  return names.filter((_, i) => i < 32 && (hwcap >>> i) & 1).join(' ');
}

/** riscv's isa string from the single-letter AT_HWCAP bits (bit n = letter 'a' + n) */
function riscvIsa(hwcap: number): string {
  let s = 'rv64';
  for (const l of 'imafdqcv') if ((hwcap >>> (l.charCodeAt(0) - 97)) & 1) s += l;
  return s + '_zicsr_zifencei';
}

const BLOCKS: Readonly<Record<string, (i: number, hwcap: number) => string>> = {
  riscv64: (i, hwcap) =>
    `processor\t: ${i}\nhart\t\t: ${i}\nisa\t\t: ${riscvIsa(hwcap)}\nmmu\t\t: sv39\nmvendorid\t: 0x0\nmarchid\t\t: 0x0\nmimpid\t\t: 0x0\n\n`,
  aarch64: (i, hwcap) =>
    `processor\t: ${i}\nBogoMIPS\t: 100.00\nFeatures\t: ${features(AARCH64_HWCAPS, hwcap)}\n` +
    'CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd07\nCPU revision\t: 4\n\n',
  arm: (i, hwcap) =>
    `processor\t: ${i}\nmodel name\t: ARMv7 Processor rev 0 (v7l)\nBogoMIPS\t: 100.00\nFeatures\t: ${features(ARM_HWCAPS, hwcap)} \n` +
    'CPU implementer\t: 0x41\nCPU architecture: 7\nCPU variant\t: 0x0\nCPU part\t: 0xc0f\nCPU revision\t: 0\n\n',
};

/** /proc/cpuinfo for the guest, or undefined for a target without a description (host's file). */
export function cpuinfo(proc: Process): string | undefined {
  const block = BLOCKS[proc.target.name];
  if (!block) return undefined;
  const n = Math.max(1, os.cpus().length);
  let out = '';
  for (let i = 0; i < n; i++) out += block(i, proc.target.abi.hwcap);
  if (proc.target.name === 'arm') out += 'Hardware\t: Generic DT based system\nRevision\t: 0000\nSerial\t\t: 0000000000000000\n';
  return out;
}
