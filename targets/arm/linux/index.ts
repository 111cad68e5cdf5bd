/**
 * The arm Linux user-mode target (32-bit ARM EABI). It runs both Debian armhf (ARMv7-A, hard
 * float) and armel (ARMv5TE, soft float, ARM state) programs.
 */
import type { Target } from '../../target.js';
import { armIsa } from '../index.js';
import { armAbi } from './abi.js';

export const EF_ARM_EABIMASK = 0xff000000;
export const EF_ARM_EABI_VER5 = 0x05000000;
export const EF_ARM_ABI_FLOAT_SOFT = 0x200;
export const EF_ARM_ABI_FLOAT_HARD = 0x400;

/** EABI version 5 only (what every current toolchain emits); the float ABI flags are both fine. */
function checkElfFlags(flags: number): string | undefined {
  const ver = flags & EF_ARM_EABIMASK;
  if (ver !== EF_ARM_EABI_VER5 && ver !== 0x04000000) return `ARM EABI version ${ver >>> 24} binaries are not supported (only EABI 4/5)`;
  return undefined;
}

/**
 * Debian has two ABIs on this target: armhf (arm-linux-gnueabihf, VFP argument passing) and
 * armel (arm-linux-gnueabi, ARMv5TE soft float). The ELF's float-ABI flag picks the sysroot;
 * a file that sets neither flag (old tools, -nostdlib objects) gets armhf.
 */
function tripletFor(flags: number): string {
  return (flags & EF_ARM_ABI_FLOAT_SOFT) && !(flags & EF_ARM_ABI_FLOAT_HARD) ? 'arm-linux-gnueabi' : 'arm-linux-gnueabihf';
}

export const arm: Target = {
  ...armIsa,
  elfMachine: 40,
  elfClass: 32,
  triplet: 'arm-linux-gnueabihf',
  tripletFor,
  abi: armAbi,
  checkElfFlags,
};
