/**
 * The aarch64 Linux user ABI: `svc #0` with the number in x8, arguments in x0..x5, result in
 * x0; sp is its own register. AT_HWCAP claims only what this emulator implements:
 * HWCAP_FP (bit 0) and HWCAP_ASIMD (bit 1) — no LSE atomics, no CPUID (glibc then uses its
 * generic string routines), no crypto/CRC. AT_PLATFORM is "aarch64".
 */
import { Excp } from '../../../src/core/exceptions.js';
import type { Cpu } from '../../../src/core/cpu.js';
import type { LinuxAbi } from '../../target.js';
import { aarch64Syscalls } from './syscall-names.generated.js';
import { aarch64Signal } from './signal.js';
import { SP } from '../cpu.js';

export const HWCAP_FP = 1 << 0;
export const HWCAP_ASIMD = 1 << 1;

export const aarch64Abi: LinuxAbi = {
  syscallNr: (cpu: Cpu) => cpu.r[2 * 8],
  syscallArg: (cpu: Cpu, i: number) => cpu.getNum(2 * i),
  setSyscallResult(cpu: Cpu, v: number) {
    cpu.setNum(0, v);
  },
  getSp: (cpu: Cpu) => cpu.getNum(2 * SP),
  setSp(cpu: Cpu, v: number) {
    cpu.setNum(2 * SP, v);
  },
  initCpu(cpu: Cpu) {
    cpu.setNum(0, 0);
  },
  syscallNames: aarch64Syscalls,
  hwcap: HWCAP_FP | HWCAP_ASIMD,
  hwcap2: 0,
  platform: 'aarch64',
  tlsReg: 228, // TPIDR_EL0
  signal: aarch64Signal,
  // qemu-aarch64 reports undefined instructions as ILL_ILLOPN (Linux itself says ILL_ILLOPC)
  exceptionSignals: { [Excp.Illegal]: { sig: 'SIGILL', code: 'ILL_ILLOPN' } },
};
