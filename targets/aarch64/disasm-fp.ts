/**
 * Scalar floating-point A64 instructions as GNU objdump text, for -d in_asm. The decoder
 * leaves these groups raw (fp_dp1, fp_dp2, fp_dp3, fp_cmp, fp_ccmp, fp_csel, fp_imm,
 * fp_int, fp_fixed), so each formatter reads its fields from the encoding; the name tables are data.
 */

const COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'];
const FTYPE: Record<number, string> = { 0: 's', 1: 'd', 3: 'h' };
const bits = (v: number, lo: number, n: number) => (v >>> lo) & ((1 << n) - 1);
const gpr = (sf: number, n: number) => (n === 31 ? (sf ? 'xzr' : 'wzr') : `${sf ? 'x' : 'w'}${n}`);

const DP1: Record<number, string> = {
  0: 'fmov', 1: 'fabs', 2: 'fneg', 3: 'fsqrt', 8: 'frintn', 9: 'frintp', 10: 'frintm', 11: 'frintz', 12: 'frinta', 14: 'frintx', 15: 'frinti',
};
const DP2 = ['fmul', 'fdiv', 'fadd', 'fsub', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fnmul'];
const DP3 = ['fmadd', 'fmsub', 'fnmadd', 'fnmsub'];
/** fp <-> integer conversions by rmode:opcode */
const CVT: Record<number, string> = {
  0o00: 'fcvtns', 0o01: 'fcvtnu', 0o02: 'scvtf', 0o03: 'ucvtf', 0o04: 'fcvtas', 0o05: 'fcvtau',
  0o10: 'fcvtps', 0o11: 'fcvtpu', 0o20: 'fcvtms', 0o21: 'fcvtmu', 0o30: 'fcvtzs', 0o31: 'fcvtzu',
};

/** the 8-bit FP immediate (VFPExpandImm) as objdump prints it: %.18e */
export function fpImm8(imm8: number): string {
  const sign = imm8 & 0x80 ? -1 : 1;
  const n = imm8 & 0x40 ? ((imm8 >> 4) & 3) - 3 : ((imm8 >> 4) & 3) + 1;
  const v = (sign * (16 + (imm8 & 15)) / 16) * 2 ** n;
  const [m, x] = v.toExponential(18).split('e');
  const ex = Number(x);
  return `${m}e${ex < 0 ? '-' : '+'}${String(Math.abs(ex)).padStart(2, '0')}`;
}

/** text of a scalar FP instruction of group `name`, or undefined */
export function fpText(name: string, raw: number): string | undefined {
  const type = bits(raw, 22, 2);
  const p = FTYPE[type] ?? (name === 'fp_int' && type === 2 ? 'q' : undefined);
  if (!p) return undefined;
  const rd = bits(raw, 0, 5);
  const rn = bits(raw, 5, 5);
  const rm = bits(raw, 16, 5);
  const v = (n: number, q = p) => `${q}${n}`;
  switch (name) {
    case 'fp_dp1': {
      const op = bits(raw, 15, 6);
      if (op >= 4 && op <= 7) {
        const to = ({ 4: 's', 5: 'd', 7: 'h' } as Record<number, string>)[op];
        return to && to !== p ? `fcvt\t${v(rd, to)}, ${v(rn)}` : undefined;
      }
      return DP1[op] ? `${DP1[op]}\t${v(rd)}, ${v(rn)}` : undefined;
    }
    case 'fp_dp2': {
      const n = DP2[bits(raw, 12, 4)];
      return n ? `${n}\t${v(rd)}, ${v(rn)}, ${v(rm)}` : undefined;
    }
    case 'fp_dp3':
      return `${DP3[(bits(raw, 21, 1) << 1) | bits(raw, 15, 1)]}\t${v(rd)}, ${v(rn)}, ${v(rm)}, ${v(bits(raw, 10, 5))}`;
    case 'fp_cmp': {
      const e = raw & 0x10 ? 'e' : '';
      return `fcmp${e}\t${v(rn)}, ${raw & 8 ? '#0.0' : v(rm)}`;
    }
    case 'fp_ccmp':
      return `fccmp${raw & 0x10 ? 'e' : ''}\t${v(rn)}, ${v(rm)}, #0x${(raw & 15).toString(16)}, ${COND[bits(raw, 12, 4)]}`;
    case 'fp_csel':
      return `fcsel\t${v(rd)}, ${v(rn)}, ${v(rm)}, ${COND[bits(raw, 12, 4)]}`;
    case 'fp_imm':
      return `fmov\t${v(rd)}, #${fpImm8(bits(raw, 13, 8))}`;
    case 'fp_int': {
      const sf = raw >>> 31;
      const rmode = bits(raw, 19, 2);
      const op = bits(raw, 16, 3);
      if (op === 6 || op === 7) {
        if (rmode === 1 && type === 2 && sf) return op === 6 ? `fmov\tx${rd}, v${rn}.d[1]` : `fmov\tv${rd}.d[1], ${gpr(1, rn)}`;
        if (rmode !== 0) return undefined;
        return op === 6 ? `fmov\t${gpr(sf, rd)}, ${v(rn)}` : `fmov\t${v(rd)}, ${gpr(sf, rn)}`;
      }
      const n = CVT[(rmode << 3) | op];
      if (!n) return undefined;
      return op === 2 || op === 3 ? `${n}\t${v(rd)}, ${gpr(sf, rn)}` : `${n}\t${gpr(sf, rd)}, ${v(rn)}`;
    }
    case 'fp_fixed': {
      const sf = raw >>> 31;
      const k = (bits(raw, 19, 2) << 3) | bits(raw, 16, 3);
      const fbits = 64 - bits(raw, 10, 6);
      const n = ({ 0o30: 'fcvtzs', 0o31: 'fcvtzu', 0o02: 'scvtf', 0o03: 'ucvtf' } as Record<number, string>)[k];
      if (!n) return undefined;
      return k < 0o10 ? `${n}\t${v(rd)}, ${gpr(sf, rn)}, #${fbits}` : `${n}\t${gpr(sf, rd)}, ${v(rn)}, #${fbits}`;
    }
    default:
      return undefined;
  }
}
