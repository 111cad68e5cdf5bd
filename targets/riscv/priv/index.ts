/**
 * The riscv64 instruction set of a system-mode hart: the same decoder and handlers as user
 * mode (../index.ts), with the privileged instructions and CSRs switched on through the
 * translation mode (SYS_MODE plus the privilege level: code is cached per privilege, since
 * what a CSR access or an mret does depends on it). User mode's Isa is untouched.
 */
import { defineHelpers } from '../../../src/core/helpers.js';
import type { Cpu } from '../../../src/core/cpu.js';
import type { IrBuilder } from '../../../src/core/ir.js';
import type { Isa } from '../../../src/core/isa.js';
import type { Memory } from '../../../src/core/memory/flat.js';
import { riscv64Isa } from '../index.js';
import { SYS_MODE } from '../ctx.js';
import { fpuHelpers } from '../fpu.js';
import { rvHelpers } from '../helpers.js';
import { rvHelperSigs } from '../helper-sigs.js';
import { translateRiscv } from '../translate.js';
import { RiscvHart, type HartConfig } from './hart.js';
import { privHelpers, privHelperSigs } from './helpers.js';

const HELPERS = defineHelpers(['rv_'], { ...rvHelpers, ...fpuHelpers, ...privHelpers }, { ...rvHelperSigs, ...privHelperSigs });

/**
 * The system-mode Isa for harts built with `config`; `paging(cpu)` says whether instruction
 * fetch is translated now (a bit of the mode, so code fetched through page tables is never
 * found for physical fetches or the reverse).
 */
export function riscv64SysIsa(config?: HartConfig): Isa {
  return {
    ...riscv64Isa,
    name: 'riscv64',
    createCpu: (mem) => new RiscvHart(mem as Memory, config),
    translateBlock(b: IrBuilder, mem, pc: number, maxInsns: number, mode = SYS_MODE): void {
      translateRiscv(b, mem as Memory, pc, maxInsns, mode | SYS_MODE);
    },
    translationMode: (cpu: Cpu) => {
      const h = cpu as RiscvHart;
      return SYS_MODE | h.priv | (h.priv !== 3 ? h.paging << 2 : 0);
    },
    helpers: HELPERS.fns,
    helperSigs: HELPERS.sigs,
  };
}

export { RiscvHart, DEFAULT_HART, MSTATUS, PRV_M, PRV_S, PRV_U, IRQ, type HartBoard, type HartConfig } from './hart.js';
export { takeTrap, pendingInterrupt, exceptionTrap, CAUSE } from './trap.js';
