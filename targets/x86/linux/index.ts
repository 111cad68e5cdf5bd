/** The x86-64 and i386 Linux user-mode targets: the ISA, its ELF facts and its Linux ABI. */
import type { Target } from '../../target.js';
import { i386Isa, x86_64Isa } from '../index.js';
import { x86_64Abi } from './abi.js';
import { i386Abi } from './abi-i386.js';

export const x86_64: Target = {
  ...x86_64Isa,
  elfMachine: 62, // EM_X86_64
  elfClass: 64,
  triplet: 'x86_64-linux-gnu',
  abi: x86_64Abi,
};

/** The i386 Linux user-mode target (Debian i386: i686, the sysroot /usr/i686-linux-gnu). */
export const i386: Target = {
  ...i386Isa,
  elfMachine: 3, // EM_386
  elfClass: 32,
  triplet: 'i686-linux-gnu',
  abi: i386Abi,
};
