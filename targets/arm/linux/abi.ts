/**
 * The arm (EABI, armhf) Linux user ABI: `svc 0` with the number in r7, arguments in r0..r6,
 * result in r0; sp is r13. Numbers 0xf0000 + n are the ARM private calls (cacheflush,
 * set_tls, ...), named here after their __ARM_NR_ macros.
 *
 * AT_HWCAP advertises what the frontend implements, the same bits as qemu-arm (0x1fb0d7):
 * swp, half, thumb, fastmult, vfp, edsp, neon, vfpv3, tls, vfpv4 (fused multiply-add),
 * idiva, idivt, vfpd32, lpae. With neon set glibc picks its NEON string functions.
 * AT_PLATFORM is "v7l" as qemu-arm gives for an ARMv7 CPU.
 */
import { Excp } from '../../../src/core/exceptions.js';
import type { Cpu } from '../../../src/core/cpu.js';
import type { LinuxAbi } from '../../target.js';
import { armSyscalls } from './syscall-names.generated.js';
import { R_SP } from '../cpu.js';
import { armSignal } from './signal.js';
import { mapKuserPage } from './kuser.js';

export const HWCAP_ARM = {
  SWP: 1 << 0, HALF: 1 << 1, THUMB: 1 << 2, FAST_MULT: 1 << 4, VFP: 1 << 6, EDSP: 1 << 7,
  NEON: 1 << 12, VFPv3: 1 << 13, VFPv3D16: 1 << 14, TLS: 1 << 15, VFPv4: 1 << 16,
  IDIVA: 1 << 17, IDIVT: 1 << 18, VFPD32: 1 << 19, LPAE: 1 << 20,
} as const;

const H = HWCAP_ARM;

/** ARM private syscalls (arch/arm/include/uapi/asm/unistd.h: __ARM_NR_BASE + n) */
export const ARM_PRIVATE_SYSCALLS: Record<number, string> = {
  0xf0001: 'arm_breakpoint',
  0xf0002: 'arm_cacheflush',
  0xf0003: 'arm_usr26',
  0xf0004: 'arm_usr32',
  0xf0005: 'arm_set_tls',
  0xf0006: 'arm_get_tls',
};

export const armAbi: LinuxAbi = {
  syscallNr: (cpu: Cpu) => cpu.r[7],
  /** raw 32-bit register values, unsigned; syscalls/index.ts sign-extends the signed kinds */
  syscallArg: (cpu: Cpu, i: number) => cpu.r[i] >>> 0,
  setSyscallResult(cpu: Cpu, v: number) {
    cpu.r[0] = v | 0;
  },
  getSp: (cpu: Cpu) => cpu.r[R_SP] >>> 0,
  setSp(cpu: Cpu, v: number) {
    cpu.r[R_SP] = v | 0;
  },
  initCpu(cpu: Cpu) {
    cpu.r[0] = 0;
  },
  syscallNames: { ...armSyscalls, ...ARM_PRIVATE_SYSCALLS },
  hwcap: H.SWP | H.HALF | H.THUMB | H.FAST_MULT | H.VFP | H.EDSP | H.NEON | H.VFPv3 | H.TLS | H.VFPv4 | H.IDIVA | H.IDIVT | H.VFPD32 | H.LPAE,
  hwcap2: 0,
  platform: 'v7l',
  unameMachine: 'armv7l',
  tlsReg: 22, // TPIDRURO
  signal: armSignal,
  // qemu-arm reports undefined instructions as ILL_ILLOPN; polyemu matches it
  exceptionSignals: { [Excp.Illegal]: { sig: 'SIGILL', code: 'ILL_ILLOPN' } },
  mapSpecialPages: mapKuserPage,
};
