/** Every target polyemu can run, and the lookup the loader uses to pick one from an ELF header. */
import type { Target } from './target.js';
import { riscv64 } from './riscv/linux/index.js';
import { arm } from './arm/linux/index.js';
import { aarch64 } from './aarch64/linux/index.js';
import { mips, mips64el, mipsel } from './mips/linux/index.js';
import { i386, x86_64 } from './x86/linux/index.js';

export const allTargets: readonly Target[] = [riscv64, aarch64, arm, mipsel, mips, mips64el, x86_64, i386];

/** The target that runs ELF files of this machine, class and byte order, if we have one. */
export function targetForMachine(eMachine: number, elfClass: 32 | 64, littleEndian: boolean): Target | undefined {
  return allTargets.find((t) => t.elfMachine === eMachine && t.elfClass === elfClass && t.littleEndian === littleEndian);
}

/** A target by its name ('riscv64', ...). */
export function targetByName(name: string): Target | undefined {
  return allTargets.find((t) => t.name === name);
}
