/**
 * M extension translation. The IR's divide ops are guest-neutral (x/0 gives 0, x%0 gives x,
 * overflow unspecified), so RISC-V's rules are built here with compares and selects:
 *   x / 0 = -1 (all ones), x % 0 = x, MIN / -1 = MIN, MIN % -1 = 0.
 */
import type { BinOp } from '../../src/core/ir.js';
import type { Args_rd_rs1_rs2, TransTable } from './decoder.generated.js';
import type { RvCtx } from './ctx.js';

type C = RvCtx;
type Kind = 'div' | 'divu' | 'rem' | 'remu';

/** RISC-V division of a by b (both i64, or both i32 for the W forms) */
function riscvDiv(c: C, kind: Kind, a: number, b: number): number {
  const wide = c.b.typeOf(a) === 'i64';
  const k = (v: bigint) => (wide ? c.k64(v) : c.k32(Number(v)));
  const min = wide ? -(1n << 63n) : -(1n << 31n);
  const b_ = c.b;
  switch (kind) {
    case 'divu': {
      // divu(a, 0) is 0 in the IR; RISC-V wants all ones
      const q = b_.bin('divu', a, b);
      return b_.select(b_.cmp('eq', b, k(0n)), k(-1n), q);
    }
    case 'remu':
      // remu(a, 0) = a in the IR, as RISC-V wants
      return b_.bin('remu', a, b);
    case 'rem': {
      // x % -1 = 0 for every x (MIN % -1 included): divide by 1 instead; rems(a, 0) = a
      const d = b_.select(b_.cmp('eq', b, k(-1n)), k(1n), b);
      return b_.bin('rems', a, d);
    }
    case 'div': {
      // MIN / -1 overflows: divide by 1 instead (MIN / 1 = MIN); x / 0 = -1
      const m1 = k(-1n);
      const ov = b_.and(b_.cmp('eq', a, k(min)), b_.cmp('eq', b, m1));
      const q = b_.bin('divs', a, b_.select(ov, k(1n), b));
      return b_.select(b_.cmp('eq', b, k(0n)), m1, q);
    }
  }
}

function op64(op: BinOp) {
  return (c: C, a: Args_rd_rs1_rs2): boolean => {
    if (a.rd !== 0) c.setX(a.rd, c.b.bin(op, c.x(a.rs1), c.x(a.rs2)));
    return true;
  };
}
function div64(kind: Kind) {
  return (c: C, a: Args_rd_rs1_rs2): boolean => {
    if (a.rd !== 0) c.setX(a.rd, riscvDiv(c, kind, c.x(a.rs1), c.x(a.rs2)));
    return true;
  };
}
function div32(kind: Kind) {
  return (c: C, a: Args_rd_rs1_rs2): boolean => {
    if (a.rd !== 0) c.setX32(a.rd, riscvDiv(c, kind, c.x32(a.rs1), c.x32(a.rs2)));
    return true;
  };
}

export const transM = {
  mul: op64('mul'),
  mulh: op64('mulhs'),
  mulhsu: op64('mulhsu'),
  mulhu: op64('mulhu'),
  div: div64('div'),
  divu: div64('divu'),
  rem: div64('rem'),
  remu: div64('remu'),
  mulw(c, a) {
    if (a.rd !== 0) c.setX32(a.rd, c.b.bin('mul', c.x32(a.rs1), c.x32(a.rs2)));
    return true;
  },
  divw: div32('div'),
  divuw: div32('divu'),
  remw: div32('rem'),
  remuw: div32('remu'),
} satisfies Partial<TransTable<RvCtx>>;
