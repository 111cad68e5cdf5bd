/**
 * The MIPS Linux user-mode targets: mipsel and mips (o32, MIPS32r2; Debian's mipsel-linux-gnu
 * and mips-linux-gnu). The byte order comes from the ELF header (targets/index.ts matches it).
 */
import type { Target } from '../../target.js';
import { mipsIsa32be, mipselIsa } from '../index.js';
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
