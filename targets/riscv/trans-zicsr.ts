/**
 * Zicsr translation: every CSR instruction is one call to rv_csr_rw(csr, op, value:i64) -> old
 * value (helpers-csr.ts). The CSR number is part of the instruction, so an unknown CSR or a
 * write to a read-only one is found here and translated as an illegal instruction (SIGILL).
 * In system mode (RvCtx.sys) the call is rv_csr_sys (targets/riscv/priv/csr.ts) instead.
 * op: 0 read only (csrrs/csrrc with x0 or uimm 0), 1 write, 2 set bits, 3 clear bits.
 */
import type { Args_csr_rd_rs1, TransTable } from './decoder.generated.js';
import type { RvCtx } from './ctx.js';
import { CSR_READ, CSR_WRITE, CSR_SET, CSR_CLEAR, csrAccessible } from './helpers-csr.js';

function csr(op: number, imm: boolean) {
  return (c: RvCtx, a: Args_csr_rd_rs1): boolean => {
    // csrrs/csrrc with rs1 = x0 (or uimm = 0) do not write; csrrw always does
    const o = op !== CSR_WRITE && a.rs1 === 0 ? CSR_READ : op;
    if (c.sys) {
      // system mode: every CSR through the privileged helper (access decided at run time,
      // illegal-instruction trap from there); a write ends the block, since it may change
      // the translation mode, the TLB or the pending interrupts
      const v = o === CSR_READ ? c.k64(0) : imm ? c.k64(a.rs1) : c.x(a.rs1);
      c.setX(a.rd, c.call('rv_csr_sys', 'i64', [c.k32(a.csr), c.k32(o), v]));
      if (o !== CSR_READ) c.b.jmp(c.next);
      return true;
    }
    if (!csrAccessible(a.csr, o !== CSR_READ)) return false;
    const v = o === CSR_READ ? c.k64(0) : imm ? c.k64(a.rs1) : c.x(a.rs1);
    c.setX(a.rd, c.call('rv_csr_rw', 'i64', [c.k32(a.csr), c.k32(o), v]));
    return true;
  };
}

export const transZicsr = {
  csrrw: csr(CSR_WRITE, false),
  csrrs: csr(CSR_SET, false),
  csrrc: csr(CSR_CLEAR, false),
  csrrwi: csr(CSR_WRITE, true),
  csrrsi: csr(CSR_SET, true),
  csrrci: csr(CSR_CLEAR, true),
} satisfies Partial<TransTable<RvCtx>>;
