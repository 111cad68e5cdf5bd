/**
 * The MIPS Linux user-mode targets: mipsel and mips (o32, MIPS32r2; Debian's mipsel-linux-gnu
 * and mips-linux-gnu) and mips64el (n64, MIPS64r2; mips64el-linux-gnuabi64). The byte order and
 * class come from the ELF header (targets/index.ts matches them).
 */
import type { Target } from '../../target.js';
import { mips64elIsa, mipsIsa32be, mipselIsa } from '../index.js';
import { mipsN64Abi } from './abi-n64.js';
import { mipsO32Abi, mipsO32AbiBE } from './abi.js';

export const EM_MIPS = 8;
/** e_flags: the ABI field (o32 = 1 << 12) */
const EF_MIPS_ABI = 0x0000f000;
const E_MIPS_ABI_O32 = 0x00001000;
const EF_MIPS_ABI2 = 0x20;

/** o32 only (n32 sets EF_MIPS_ABI2; an ABI field of 0 is o32 too, as old tools write it) */
function checkO32(flags: number): string | undefined {
  const abi = flags & EF_MIPS_ABI;
  if (flags & EF_MIPS_ABI2) return 'MIPS n32 binaries are not supported (only o32 and n64)';
  if (abi !== 0 && abi !== E_MIPS_ABI_O32) return `MIPS ABI 0x${abi.toString(16)} binaries are not supported (only o32)`;
  return undefined;
}

export const mipsel: Target = {
  ...mipselIsa,
  elfMachine: EM_MIPS,
  elfClass: 32,
  triplet: 'mipsel-linux-gnu',
  abi: mipsO32Abi,
  checkElfFlags: checkO32,
};

export const mips: Target = {
  ...mipsIsa32be,
  elfMachine: EM_MIPS,
  elfClass: 32,
  triplet: 'mips-linux-gnu',
  abi: mipsO32AbiBE,
  checkElfFlags: checkO32,
};

/** n64 only: 64-bit files without EF_MIPS_ABI2 (n32) and without an o32/o64 ABI field */
function checkN64(flags: number): string | undefined {
  if (flags & EF_MIPS_ABI2) return 'MIPS n32 binaries are not supported (only o32 and n64)';
  if (flags & EF_MIPS_ABI) return `MIPS ABI 0x${(flags & EF_MIPS_ABI).toString(16)} binaries are not supported in 64-bit files (only n64)`;
  return undefined;
}

export const mips64el: Target = {
  ...mips64elIsa,
  elfMachine: EM_MIPS,
  elfClass: 64,
  triplet: 'mips64el-linux-gnuabi64',
  abi: mipsN64Abi,
  checkElfFlags: checkN64,
};
