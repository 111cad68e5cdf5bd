/** A64 scalar FP: validity checks at translation time, then the fp.ts helpers. */
import type { TransTable } from './decoder.generated.js';
import type { A64Ctx } from './ctx.js';
import { CF, NF, VF, ZF } from './cpu.js';
import { DP1_OPS } from './fp.js';

type C = A64Ctx;
const typeOk = (insn: number) => ((insn >>> 22) & 3) < 2;

function setNzcv(c: C, v: number): void {
  [NF, ZF, CF, VF].forEach((r, i) => c.b.set(r, c.b.and(c.b.bin('shr', v, c.k32(3 - i)), c.k32(1))));
}
function fp(c: C, insn: number): boolean {
  c.call('a64_fp', null, [c.k32(insn)]);
  return true;
}

export const transFp = {
  fp_dp1(c, a) {
    const op = (a.insn >>> 15) & 0x3f;
    if (!typeOk(a.insn) || !DP1_OPS.has(op)) return false;
    const dbl = ((a.insn >>> 22) & 3) === 1;
    if ((op === 4 && !dbl) || (op === 5 && dbl)) return false;
    return fp(c, a.insn);
  },
  fp_dp2(c, a) {
    if (!typeOk(a.insn) || ((a.insn >>> 12) & 15) > 8) return false;
    return fp(c, a.insn);
  },
  fp_dp3(c, a) {
    return typeOk(a.insn) && fp(c, a.insn);
  },
  fp_imm(c, a) {
    if (!typeOk(a.insn) || ((a.insn >>> 5) & 31) !== 0) return false;
    return fp(c, a.insn);
  },
  fp_cmp(c, a) {
    if (!typeOk(a.insn) || (a.insn & 7) !== 0) return false;
    setNzcv(c, c.call('a64_fcmp', 'i32', [c.k32(a.insn)]));
    return true;
  },
  fp_ccmp(c, a) {
    if (!typeOk(a.insn)) return false;
    setNzcv(c, c.call('a64_fccmp', 'i32', [c.k32(a.insn), c.cond((a.insn >>> 12) & 15)]));
    return true;
  },
  fp_csel(c, a) {
    if (!typeOk(a.insn)) return false;
    c.call('a64_fcsel', null, [c.k32(a.insn), c.cond((a.insn >>> 12) & 15)]);
    return true;
  },
  fp_int(c, a) {
    const insn = a.insn;
    const sf = insn >>> 31;
    const type = (insn >>> 22) & 3;
    const rmode = (insn >>> 19) & 3;
    const opc = (insn >>> 16) & 7;
    const rn = (insn >>> 5) & 31;
    const rd = insn & 31;
    if (opc >= 6) {
      // FMOV: 32-bit with S, 64-bit with D, 64-bit with V.D[1] (type 10, rmode 01)
      const ok = rmode === 0 ? (type === 0 && !sf) || (type === 1 && sf) : rmode === 1 && type === 2 && sf === 1;
      if (!ok) return false;
    } else {
      if (type > 1) return false;
      if ((opc === 2 || opc === 3 || opc === 4 || opc === 5) && rmode !== 0) return false;
    }
    if (opc === 2 || opc === 3 || opc === 7) {
      const [lo, hi] = c.pair(c.x(rn));
      c.call('a64_int_to_fp', null, [c.k32(insn), lo, hi]);
    } else {
      const v = c.call('a64_fp_to_int', 'i64', [c.k32(insn)]);
      c.setW(rd, sf ? v : c.b.trunc(v));
    }
    return true;
  },
  fp_fixed(c, a) {
    const insn = a.insn;
    const sf = insn >>> 31;
    const type = (insn >>> 22) & 3;
    const op = (insn >>> 16) & 31; // rmode:opcode
    const scale = (insn >>> 10) & 63;
    if (type > 1 || (!sf && scale < 32)) return false;
    if (op === 2 || op === 3) {
      const [lo, hi] = c.pair(c.x((insn >>> 5) & 31));
      c.call('a64_int_to_fixed', null, [c.k32(insn), lo, hi]);
      return true;
    }
    if (op !== 0x18 && op !== 0x19) return false;
    const v = c.call('a64_fixed_to_int', 'i64', [c.k32(insn)]);
    c.setW(insn & 31, sf ? v : c.b.trunc(v));
    return true;
  },
} satisfies Partial<TransTable<A64Ctx>>;
