/**
 * CSRs visible to RISC-V user mode: fflags (0x001), frm (0x002), fcsr (0x003) backed by
 * RiscvCpu.fflags/frm, and the read-only counters cycle (0xC00), time (0xC01), instret (0xC02).
 *
 * qemu-riscv64 (user mode) answers all three counters with the host's tick counter (the x86
 * TSC: GHz rate, counting since host boot). We give `time` and `cycle` the host's monotonic
 * clock in nanoseconds (same kind of value: a fast host tick since boot) and `instret` the
 * retired-instruction count. Any other CSR, or a write to a counter, is SIGILL (decided by
 * the frontend, see csrAccessible).
 */
import { illegalInsn } from '../../src/core/exceptions.js';
import type { Helper } from '../../src/core/isa.js';
import type { RiscvCpu } from './cpu.js';

/** rv_csr_rw operations */
export const CSR_READ = 0;
export const CSR_WRITE = 1;
export const CSR_SET = 2;
export const CSR_CLEAR = 3;

export const CSR_FFLAGS = 0x001;
export const CSR_FRM = 0x002;
export const CSR_FCSR = 0x003;
export const CSR_CYCLE = 0xc00;
export const CSR_TIME = 0xc01;
export const CSR_INSTRET = 0xc02;

/** May user code access this CSR (for writing, when `write`)? Otherwise: SIGILL. */
export function csrAccessible(csr: number, write: boolean): boolean {
  if (csr === CSR_FFLAGS || csr === CSR_FRM || csr === CSR_FCSR) return true;
  return !write && (csr === CSR_CYCLE || csr === CSR_TIME || csr === CSR_INSTRET);
}

/** not reached: the frontend rejects inaccessible CSRs at translation time */
function illegal(cpu: RiscvCpu): never {
  // generated code sets cpu.pc before each helper call
  throw illegalInsn();
}

function hostTicks(cpu: RiscvCpu): number {
  const t = process.hrtime.bigint();
  cpu.rhi = Number(t >> 32n) | 0;
  return Number(t & 0xffffffffn) | 0;
}

/** rv_csr_rw(csr, op, vlo, vhi) -> old value (i64). See trans-zicsr.ts for op. */
function csrRw(cpu: RiscvCpu, csr: number, op: number, vlo: number): number {
  let old: number;
  switch (csr) {
    case CSR_FFLAGS: old = cpu.fflags; break;
    case CSR_FRM: old = cpu.frm; break;
    case CSR_FCSR: old = (cpu.frm << 5) | cpu.fflags; break;
    case CSR_CYCLE:
    case CSR_TIME:
    case CSR_INSTRET:
      if (op !== CSR_READ) illegal(cpu);
      if (csr === CSR_INSTRET) {
        cpu.rhi = Math.floor(cpu.icount / 4294967296) | 0;
        return cpu.icount | 0;
      }
      return hostTicks(cpu);
    default:
      return illegal(cpu);
  }
  let v = old;
  if (op === CSR_WRITE) v = vlo;
  else if (op === CSR_SET) v = old | vlo;
  else if (op === CSR_CLEAR) v = old & ~vlo;
  if (op !== CSR_READ) {
    if (csr === CSR_FFLAGS) cpu.fflags = v & 0x1f;
    else if (csr === CSR_FRM) cpu.frm = v & 7;
    else {
      cpu.fflags = v & 0x1f;
      cpu.frm = (v >> 5) & 7;
    }
  }
  cpu.rhi = 0;
  return old;
}

export const csrHelpers: Record<string, Helper> = {
  rv_csr_rw: csrRw as Helper,
};
