/** The aarch64 Linux user-mode target: the A64 ISA, its ELF facts and its Linux ABI. */
import type { Target } from '../../target.js';
import { aarch64Isa } from '../index.js';
import { aarch64Abi } from './abi.js';

export const aarch64: Target = {
  ...aarch64Isa,
  elfMachine: 183,
  elfClass: 64,
  triplet: 'aarch64-linux-gnu',
  abi: aarch64Abi,
};
