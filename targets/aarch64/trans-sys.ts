/** A64 system instructions: hints, barriers, MRS/MSR (TPIDR_EL0, NZCV, FPCR/FPSR, ID and timer registers), DC ZVA. */
import type { TransTable } from './decoder.generated.js';
import type { A64Ctx } from './ctx.js';
import { CF, NF, TPIDR, VF, ZF } from './cpu.js';

/** the 15-bit sysreg field (o0:op1:CRn:CRm:op2) of an op0=3 register */
export const sysreg = (op1: number, crn: number, crm: number, op2: number): number =>
  (1 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
export const TPIDR_EL0 = sysreg(3, 13, 0, 2);
export const NZCV = sysreg(3, 4, 2, 0);

export const transSys = {
  hint: () => true,
  barrier(c, a) {
    if (a.op2 === 2) c.call('a64_clrex', null, []);
    return true;
  },
  msr_imm: () => true,
  sys(c, a) {
    // op0=1: DC ZVA (op1 3, CRn 7, CRm 4, op2 1) zeroes a block; other cache maintenance is a no-op
    if ((a.sysreg & 0x3fff) === ((3 << 11) | (7 << 7) | (4 << 3) | 1)) {
      c.call('a64_dczva', null, [c.b.trunc(c.x(a.rt))]);
    }
    return true;
  },
  mrs(c, a) {
    if (a.sysreg === TPIDR_EL0) {
      c.setW(a.rt, c.b.get(TPIDR, 'i64'));
      return true;
    }
    if (a.sysreg === NZCV) {
      let v = c.k32(0);
      [NF, ZF, CF, VF].forEach((r, i) => { v = c.b.or(v, c.b.bin('shl', c.b.get(r, 'i32'), c.k32(31 - i))); });
      c.setW(a.rt, v);
      return true;
    }
    c.setW(a.rt, c.call('a64_mrs', 'i64', [c.k32(a.sysreg)]));
    return true;
  },
  msr(c, a) {
    if (a.sysreg === TPIDR_EL0) {
      c.b.set(TPIDR, c.x(a.rt));
      return true;
    }
    if (a.sysreg === NZCV) {
      const v = c.b.trunc(c.x(a.rt));
      [NF, ZF, CF, VF].forEach((r, i) => c.b.set(r, c.b.and(c.b.bin('shr', v, c.k32(31 - i)), c.k32(1))));
      return true;
    }
    const [lo, hi] = c.pair(c.x(a.rt));
    c.call('a64_msr', null, [c.k32(a.sysreg), lo, hi]);
    return true;
  },
} satisfies Partial<TransTable<A64Ctx>>;
