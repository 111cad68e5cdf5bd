/** The x86-64 Linux user-mode target: the ISA, its ELF facts and its Linux ABI. */
import type { Target } from '../../target.js';
import { x86_64Isa } from '../index.js';
import { x86_64Abi } from './abi.js';

export const x86_64: Target = {
  ...x86_64Isa,
  elfMachine: 62, // EM_X86_64
  elfClass: 64,
  triplet: 'x86_64-linux-gnu',
  abi: x86_64Abi,
};
