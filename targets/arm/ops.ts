/**
 * Operations A32 and T32 encode differently but execute the same way: bit fields,
 * extends, byte reversal, multiplies, divides, exclusives, saturation. The trans-*.ts
 * handlers extract fields and call these.
 */
import { type ArmCtx } from './ctx.js';
import { GE, QF } from './cpu.js';

export function bitfield(c: ArmCtx, kind: 'sbfx' | 'ubfx' | 'bfi', rd: number, rn: number, lsb: number, w: number): boolean {
  if (kind === 'bfi') {
    const msb = w; // BFI/BFC encode msb
    if (msb < lsb) return false;
    const width = msb - lsb + 1;
    const mask = width === 32 ? -1 : ((1 << width) - 1) << lsb;
    const old = c.reg(rd);
    const ins = rn === 15 ? c.k32(0) : c.op('and', c.op('shl', c.reg(rn), c.k32(lsb)), c.k32(mask));
    c.setReg(rd, c.op('or', c.op('and', old, c.k32(~mask)), ins));
    return true;
  }
  const width = w + 1;
  if (lsb + width > 32) return false;
  let v = c.reg(rn);
  v = c.op('shl', v, c.k32(32 - lsb - width));
  v = c.op(kind === 'sbfx' ? 'sar' : 'shr', v, c.k32(32 - width));
  c.setReg(rd, v);
  return true;
}

/** SXTAB16..UXTAH: op = A32 op field (bit 2 unsigned, bits 1:0: 0 B16, 2 B, 3 H) */
export function extend(c: ArmCtx, unsigned: boolean, kind: 'b' | 'h' | 'b16', rd: number, rn: number, rot: number, rm: number): boolean {
  let v = c.reg(rm);
  if (rot) v = c.op('or', c.op('shr', v, c.k32(rot * 8)), c.op('shl', v, c.k32(32 - rot * 8)));
  let r: number;
  if (kind === 'b16') {
    r = c.b.call(unsigned ? 'arm_uxtb16' : 'arm_sxtb16', 'i32', [v, rn === 15 ? c.k32(0) : c.reg(rn)]);
    c.setReg(rd, r);
    return true;
  }
  const bits = kind === 'b' ? 8 : 16;
  r = unsigned ? c.b.zextb(v, bits) : c.b.sextb(v, bits);
  if (rn !== 15) r = c.op('add', c.reg(rn), r);
  c.setReg(rd, r);
  return true;
}

/** REV REV16 RBIT REVSH CLZ */
export function unary(c: ArmCtx, name: 'rev' | 'rev16' | 'rbit' | 'revsh' | 'clz', rd: number, rm: number): boolean {
  const b = c.b;
  const x = c.reg(rm);
  switch (name) {
    case 'clz': c.setReg(rd, b.clz(x)); break;
    case 'rev': c.setReg(rd, b.bswap(x)); break;
    case 'rev16': c.setReg(rd, b.rotl(b.bswap(x), c.k32(16))); break;
    case 'revsh': c.setReg(rd, b.bin('sar', b.bswap(x), c.k32(16))); break;
    default: c.setReg(rd, b.call('arm_rbit', 'i32', [x]));
  }
  return true;
}

/** MUL MLA MLS: acc = -1 for none */
export function mul32(c: ArmCtx, rd: number, rn: number, rm: number, ra: number, sub: boolean, s: boolean): boolean {
  let r = c.b.bin('mul', c.reg(rn), c.reg(rm));
  if (ra >= 0) r = sub ? c.op('sub', c.reg(ra), r) : c.op('add', c.reg(ra), r);
  if (s) c.setNZ(r);
  c.setReg(rd, r);
  return true;
}

/** UMULL SMULL UMLAL SMLAL UMAAL */
export function mul64(c: ArmCtx, signed: boolean, acc: 'none' | 'add' | 'umaal', lo: number, hi: number, rn: number, rm: number, s: boolean): boolean {
  const b = c.b;
  const ext = (v: number) => (signed ? b.sext(v) : b.zext(v));
  let p = b.bin('mul', ext(c.reg(rn)), ext(c.reg(rm)));
  if (acc === 'add') {
    const a = b.or(b.zext(c.reg(lo)), b.bin('shl', b.zext(c.reg(hi)), b.const32(32)));
    p = b.add(p, a);
  } else if (acc === 'umaal') {
    p = b.add(b.add(p, b.zext(c.reg(lo))), b.zext(c.reg(hi)));
  }
  const rlo = b.trunc(p);
  const rhi = b.trunc(b.bin('shr', p, b.const32(32)));
  if (s) {
    c.setFlag(16, c.op('shr', rhi, c.k32(31)));
    c.setFlag(17, b.and(b.cmp('eq', rlo, c.k32(0)), b.cmp('eq', rhi, c.k32(0))));
  }
  c.setReg(lo, rlo);
  c.setReg(hi, rhi);
  return true;
}

/** SMULxy / SMLAxy / SMULWy / SMLAWy / SMMUL(R) / SMMLA / SMMLS / SMLAD / SMLSD / SMUAD / SMUSD */
export function dspMul(c: ArmCtx, kind: string, rd: number, rn: number, rm: number, ra: number, x: number, y: number): boolean {
  const args = [c.reg(rn), c.reg(rm), ra === 15 || ra < 0 ? c.k32(0) : c.reg(ra), c.k32(x | (y << 1) | (ra === 15 || ra < 0 ? 4 : 0))];
  c.setReg(rd, c.b.call(`arm_${kind}`, 'i32', args));
  if (kind === 'smla' || kind === 'smlaw' || kind === 'smlad' || kind === 'smlsd') {
    c.setFlag(QF, c.op('or', c.flag(QF), c.b.call('arm_qflag', 'i32', [])));
  }
  return true;
}

export function div(c: ArmCtx, signed: boolean, rd: number, rn: number, rm: number): boolean {
  c.setReg(rd, c.b.bin(signed ? 'divs' : 'divu', c.reg(rn), c.reg(rm)));
  return true;
}

/** LDREX{B,H,D} / STREX{B,H,D}: size 1, 2, 4 or 8 */
export function ldrex(c: ArmCtx, size: number, rt: number, rt2: number, rn: number, off: number): boolean {
  const addr = c.op('add', c.reg(rn), c.k32(off));
  if (size === 8) {
    const v = c.b.call('arm_ldrexd', 'i64', [addr]);
    c.setReg(rt, c.b.trunc(v));
    c.setReg(rt2, c.b.trunc(c.b.bin('shr', v, c.k32(32))));
  } else {
    c.setReg(rt, c.b.call('arm_ldrex', 'i32', [addr, c.k32(size)]));
  }
  return true;
}
export function strex(c: ArmCtx, size: number, rd: number, rt: number, rt2: number, rn: number, off: number): boolean {
  const addr = c.op('add', c.reg(rn), c.k32(off));
  const cond = c.cond >= 0 ? c.cond : c.k32(1);
  const r = size === 8
    ? c.b.call('arm_strexd', 'i32', [cond, addr, c.reg(rt), c.reg(rt2)])
    : c.b.call('arm_strex', 'i32', [cond, addr, c.reg(rt), c.k32(size)]);
  c.setReg(rd, r);
  return true;
}
export function clrex(c: ArmCtx): boolean {
  c.b.call('arm_clrex', null, []);
  return true;
}

/** SSAT/USAT with an optional shift */
export function sat(c: ArmCtx, unsigned: boolean, rd: number, rn: number, satImm: number, sh: number, imm5: number): boolean {
  const v = c.shiftImm(c.reg(rn), sh ? 2 : 0, imm5, false).v;
  const r = c.b.call(unsigned ? 'arm_usat' : 'arm_ssat', 'i32', [v, c.k32(satImm)]);
  c.setFlag(QF, c.op('or', c.flag(QF), c.b.call('arm_qflag', 'i32', [])));
  c.setReg(rd, r);
  return true;
}

/** parallel add/subtract (see helper arm_par for the code); GE is set by the plain forms */
export function parallelOp(c: ArmCtx, op: number, kind: number, rd: number, rn: number, rm: number): boolean {
  if (op === 3 || op === 7 || kind === 3 || kind === 7) return false;
  const r = c.b.call('arm_par', 'i32', [c.reg(rn), c.reg(rm), c.k32(op | (kind << 3))]);
  if ((kind & 3) === 0) c.setFlag(GE, c.b.call('arm_ge', 'i32', []));
  c.setReg(rd, r);
  return true;
}

/** parallel add/sub and SEL: only the forms glibc uses (UADD8, USUB8, SEL) */
export function parallel(c: ArmCtx, name: string, rd: number, rn: number, rm: number): boolean {
  if (name === 'sel') {
    c.setReg(rd, c.b.call('arm_sel', 'i32', [c.reg(rn), c.reg(rm), c.flag(GE)]));
    return true;
  }
  const r = c.b.call(`arm_${name}`, 'i32', [c.reg(rn), c.reg(rm)]);
  c.setFlag(GE, c.b.call('arm_ge', 'i32', []));
  c.setReg(rd, r);
  return true;
}

/** APSR as MRS reads it */
export function mrs(c: ArmCtx, rd: number): boolean {
  const b = c.b;
  const f = (r: number, sh: number) => c.op('shl', c.flag(r), c.k32(sh));
  let v = b.or(b.or(f(16, 31), f(17, 30)), b.or(f(18, 29), f(19, 28)));
  v = b.or(b.or(v, f(QF, 27)), c.op('shl', c.flag(GE), c.k32(16)));
  c.setReg(rd, b.or(v, c.k32(0x10)));
  return true;
}
/** MSR APSR_nzcvq / APSR_g: mask bit 3 = nzcvq, bit 2 = g */
export function msr(c: ArmCtx, rn: number, mask: number): boolean {
  const v = c.reg(rn);
  const bit = (n: number) => c.op('and', c.op('shr', v, c.k32(n)), c.k32(1));
  if (mask & 8) {
    c.setFlag(16, bit(31)); c.setFlag(17, bit(30)); c.setFlag(18, bit(29)); c.setFlag(19, bit(28)); c.setFlag(QF, bit(27));
  }
  if (mask & 4) c.setFlag(GE, c.op('and', c.op('shr', v, c.k32(16)), c.k32(15)));
  return true;
}

/** MRC p15, 0, rt, c13, c0, 3 (TPIDRURO); other coprocessor reads are undefined */
export function mrc(c: ArmCtx, coproc: number, opc1: number, crn: number, rt: number, opc2: number, crm: number): boolean {
  if (coproc !== 15 || opc1 !== 0 || crn !== 13 || crm !== 0 || opc2 !== 3 || rt === 15) return false;
  c.setReg(rt, c.b.get(22, 'i32'));
  return true;
}

/** SMLALD/SMLSLD terms from op2 = 0 M / 1 M (bit 1: subtract, bit 0: swap Rm's halves) */
export const dualTerms = (op2: number): Array<[number, number, 1 | -1]> =>
  [[0, op2 & 1, 1], [1, (op2 & 1) ^ 1, op2 & 2 ? -1 : 1]];

/**
 * SMLALxy / SMLALD(X) / SMLSLD(X): {hi:lo} += the sum of signed 16x16 products, each term
 * [x, y, sign] (x: top half of Rn, y: top half of Rm). No flags.
 */
export function dspMulLong(c: ArmCtx, lo: number, hi: number, rn: number, rm: number, terms: Array<[number, number, 1 | -1]>): boolean {
  const b = c.b;
  let acc = b.or(b.zext(c.reg(lo)), b.bin('shl', b.zext(c.reg(hi)), b.const32(32)));
  for (const [x, y, sign] of terms) {
    const p = b.sext(b.call('arm_smul', 'i32', [c.reg(rn), c.reg(rm), c.k32(0), c.k32(x | (y << 1) | 4)]));
    acc = sign > 0 ? b.add(acc, p) : b.sub(acc, p);
  }
  c.setReg(lo, b.trunc(acc));
  c.setReg(hi, b.trunc(b.bin('shr', acc, b.const32(32))));
  return true;
}

/** QADD QSUB QDADD QDSUB: op 0..3 in that order (saturation sets Q) */
export function qaddsub(c: ArmCtx, op: number, rd: number, rn: number, rm: number): boolean {
  c.setReg(rd, c.b.call('arm_qaddsub', 'i32', [c.reg(rm), c.reg(rn), c.k32(op)]));
  c.setFlag(QF, c.op('or', c.flag(QF), c.b.call('arm_qflag', 'i32', [])));
  return true;
}

/** USAD8 (ra = 15) / USADA8 */
export function usad8(c: ArmCtx, rd: number, rn: number, rm: number, ra: number): boolean {
  const s = c.b.call('arm_usad8', 'i32', [c.reg(rn), c.reg(rm)]);
  c.setReg(rd, ra === 15 ? s : c.op('add', c.reg(ra), s));
  return true;
}

/** SSAT16 / USAT16: both halfwords saturated to `bits` */
export function sat16(c: ArmCtx, unsigned: boolean, rd: number, rn: number, bits: number): boolean {
  c.setReg(rd, c.b.call(unsigned ? 'arm_usat16' : 'arm_ssat16', 'i32', [c.reg(rn), c.k32(bits)]));
  c.setFlag(QF, c.op('or', c.flag(QF), c.b.call('arm_qflag', 'i32', [])));
  return true;
}
