/** The helpers of the system-mode instructions (trans-priv.ts) and CSRs (csr.ts). */
import { illegalInsn } from '../../../src/core/exceptions.js';
import type { Helper } from '../../../src/core/isa.js';
import { sigTable } from '../../../src/core/helpers.js';
import { csrSysHelpers } from './csr.js';
import { MSTATUS, PRV_M, PRV_S, PRV_U, type RiscvHart } from './hart.js';
import { mret, sret } from './trap.js';

function ret64(h: RiscvHart, pc: number): number {
  h.rhi = 0;
  return pc | 0;
}

export const privHelpers: Record<string, Helper> = {
  ...csrSysHelpers,
  rv_mret: ((h: RiscvHart) => ret64(h, mret(h))) as Helper,
  rv_sret: ((h: RiscvHart) => ret64(h, sret(h))) as Helper,
  rv_wfi: ((h: RiscvHart) => {
    // TW traps wfi below M; U may never wait
    if (h.priv === PRV_U || (h.priv < PRV_M && (h.mstatus & MSTATUS.TW) !== 0n)) throw illegalInsn();
    h.waiting = true;
    h.board.wfi();
    h.requestExit();
  }) as Helper,
  rv_sfence_vma: ((h: RiscvHart) => {
    if (h.priv === PRV_U || (h.priv === PRV_S && (h.mstatus & MSTATUS.TVM) !== 0n)) throw illegalInsn();
    h.board.fence();
    h.requestExit();
  }) as Helper,
};

export const privHelperSigs = sigTable({
  'i64(i32, i32, i64)': 'rv_csr_sys',
  'i64()': 'rv_mret rv_sret',
  'void()': 'rv_wfi',
  'void(i32, i32)': 'rv_sfence_vma',
});
