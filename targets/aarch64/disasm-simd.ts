/**
 * The Advanced SIMD vector forms glibc's string functions use most, as GNU objdump text for
 * -d in_asm: three-same arithmetic/logic/compare, ext, dup (general), compare with zero.
 * The decoder leaves SIMD raw, so these read fields from the encoding; names are tables.
 * Anything else returns undefined (the caller prints the group name and the word).
 */

const bits = (v: number, lo: number, n: number) => (v >>> lo) & ((1 << n) - 1);
const ARR = ['8b', '16b', '4h', '8h', '2s', '4s', '1d', '2d'];

/** three-same by U:opcode (integer groups; logic ops by U:size below) */
const SAME: Record<number, string> = {
  0x10: 'add', 0x30: 'sub', 0x11: 'cmtst', 0x31: 'cmeq', 0x06: 'cmgt', 0x26: 'cmhi', 0x07: 'cmge', 0x27: 'cmhs',
  0x17: 'addp', 0x14: 'smaxp', 0x34: 'umaxp', 0x15: 'sminp', 0x35: 'uminp', 0x0c: 'smax', 0x2c: 'umax',
  0x0d: 'smin', 0x2d: 'umin', 0x13: 'mul', 0x33: 'pmul', 0x01: 'sqadd', 0x21: 'uqadd', 0x05: 'sqsub', 0x25: 'uqsub',
};
/** across lanes by U:opcode: [name, widening of the result (0 or 1 element size)] */
const ACROSS: Record<number, [string, number]> = {
  0x03: ['saddlv', 1], 0x23: ['uaddlv', 1], 0x0a: ['smaxv', 0], 0x2a: ['umaxv', 0], 0x1a: ['sminv', 0], 0x3a: ['uminv', 0], 0x1b: ['addv', 0],
};
/** three different by U:opcode: [name, shape: l = long, w = wide, n = narrow] */
const DIFF: Record<number, [string, string]> = {
  0x00: ['saddl', 'l'], 0x10: ['uaddl', 'l'], 0x01: ['saddw', 'w'], 0x11: ['uaddw', 'w'], 0x02: ['ssubl', 'l'], 0x12: ['usubl', 'l'],
  0x03: ['ssubw', 'w'], 0x13: ['usubw', 'w'], 0x04: ['addhn', 'n'], 0x14: ['raddhn', 'n'], 0x06: ['subhn', 'n'], 0x16: ['rsubhn', 'n'],
  0x05: ['sabal', 'l'], 0x15: ['uabal', 'l'], 0x07: ['sabdl', 'l'], 0x17: ['uabdl', 'l'], 0x08: ['smlal', 'l'], 0x18: ['umlal', 'l'],
  0x0a: ['smlsl', 'l'], 0x1a: ['umlsl', 'l'], 0x0c: ['smull', 'l'], 0x1c: ['umull', 'l'],
};
const LOGIC = [['and', 'bic', 'orr', 'orn'], ['eor', 'bsl', 'bit', 'bif']];

export function simdText(raw: number): string | undefined {
  const q = bits(raw, 30, 1);
  const u = bits(raw, 29, 1);
  const rd = bits(raw, 0, 5);
  const rn = bits(raw, 5, 5);
  const rm = bits(raw, 16, 5);
  const size = bits(raw, 22, 2);
  // three same: 0 Q U 01110 size 1 Rm opcode 1 Rn Rd
  if ((raw & 0x9f200400) === 0x0e200400) {
    const opc = bits(raw, 11, 5);
    if (opc === 3) {
      const t = q ? '16b' : '8b';
      const name = LOGIC[u][size];
      if (name === 'orr' && rn === rm) return `mov\tv${rd}.${t}, v${rn}.${t}`;
      return `${name}\tv${rd}.${t}, v${rn}.${t}, v${rm}.${t}`;
    }
    const name = SAME[(u << 5) | opc];
    const t = ARR[(size << 1) | q];
    if (!name || t === '1d') return undefined;
    return `${name}\tv${rd}.${t}, v${rn}.${t}, v${rm}.${t}`;
  }
  // one register and a modified immediate: 0 Q op 0111100000 abc cmode 01 defgh Rd
  if ((raw & 0x9ff80400) === 0x0f000400) return modImm(q, u, bits(raw, 12, 4), (bits(raw, 16, 3) << 5) | bits(raw, 5, 5), rd);
  // element moves: ins (element / general), umov, dup (element)
  if ((raw & 0xbfe08400) === 0x2e000400 && q) return lane(raw, (t, i) => `mov\tv${rd}.${t}[${i(16)}], v${rn}.${t}[${i(11)}]`);
  if ((raw & 0xffe0fc00) === 0x4e001c00) return lane(raw, (t, i) => `mov\tv${rd}.${t}[${i(16)}], ${t === 'd' ? 'x' : 'w'}${rn === 31 ? 'zr' : rn}`);
  if ((raw & 0xbfe0fc00) === 0x0e003c00) {
    return lane(raw, (t, i) => (t === 'd' && !q) || (t !== 'd' && q) ? undefined
      : `${t === 's' || t === 'd' ? 'mov' : 'umov'}\t${t === 'd' ? 'x' : 'w'}${rd}, v${rn}.${t}[${i(16)}]`);
  }
  if ((raw & 0xbfe0fc00) === 0x0e000400) {
    return lane(raw, (t, i) => {
      const arr = ARR[(['b', 'h', 's', 'd'].indexOf(t) << 1) | q];
      return arr === '1d' ? undefined : `dup\tv${rd}.${arr}, v${rn}.${t}[${i(16)}]`;
    });
  }
  // permutes: 0 Q 0 01110 size 0 Rm 0 opcode 10 Rn Rd
  if ((raw & 0xbf208c00) === 0x0e000800) {
    const name = ['', 'uzp1', 'trn1', 'zip1', '', 'uzp2', 'trn2', 'zip2'][bits(raw, 12, 3)];
    const t = ARR[(size << 1) | q];
    return name && t !== '1d' ? `${name}\tv${rd}.${t}, v${rn}.${t}, v${rm}.${t}` : undefined;
  }
  // shift by immediate: 0 Q U 011110 immh immb opcode 1 Rn Rd (immh != 0)
  if ((raw & 0x9f800400) === 0x0f000400 && bits(raw, 19, 4)) return shiftImm(q, u, bits(raw, 16, 7), bits(raw, 11, 5), rn, rd);
  // across lanes: 0 Q U 01110 size 11000 opcode 10 Rn Rd
  if ((raw & 0x9f3e0c00) === 0x0e300800) {
    const e = ACROSS[(u << 5) | bits(raw, 12, 5)];
    const t = ARR[(size << 1) | q];
    if (!e || t === '1d' || t === '2d' || (t === '2s' && e[1] === 0)) return undefined;
    return `${e[0]}\t${'bhsd'[size + e[1]]}${rd}, v${rn}.${t}`;
  }
  // two registers, miscellaneous: 0 Q U 01110 size 10000 opcode 10 Rn Rd
  const m2 = (raw & 0x9f3e0c00) === 0x0e200800 ? misc2(q, u, size, bits(raw, 12, 5), rn, rd) : undefined;
  if (m2) return m2;
  // three registers of different widths: 0 Q U 01110 size 1 Rm opcode 00 Rn Rd
  if ((raw & 0x9f200c00) === 0x0e200000) {
    const e = DIFF[(u << 4) | bits(raw, 12, 4)];
    if (!e || size === 3) return undefined;
    const narrow = ARR[(size << 1) | q];
    const wide = ARR[((size + 1) << 1) | 1];
    const [d, n, m] = e[1] === 'l' ? [wide, narrow, narrow] : e[1] === 'w' ? [wide, wide, narrow] : [narrow, wide, wide];
    return `${e[0]}${q ? '2' : ''}\tv${rd}.${d}, v${rn}.${n}, v${rm}.${m}`;
  }
  // ext: 0 Q 101110 00 0 Rm 0 imm4 0 Rn Rd
  if ((raw & 0xbfe08400) === 0x2e000000) {
    const t = q ? '16b' : '8b';
    return `ext\tv${rd}.${t}, v${rn}.${t}, v${rm}.${t}, #${bits(raw, 11, 4)}`;
  }
  // dup (general): 0 Q 0 01110000 imm5 0 0001 1 Rn Rd
  if ((raw & 0xbfe0fc00) === 0x0e000c00) {
    const imm5 = bits(raw, 16, 5);
    const sz = imm5 & 1 ? 0 : imm5 & 2 ? 1 : imm5 & 4 ? 2 : imm5 & 8 ? 3 : -1;
    if (sz < 0 || (sz === 3 && !q)) return undefined;
    return `dup\tv${rd}.${ARR[(sz << 1) | q]}, ${sz === 3 ? 'x' : 'w'}${rn === 31 ? 'zr' : rn}`;
  }
  // compare with zero: 0 Q U 01110 size 10000 0100x 10 Rn Rd (cmgt/cmeq/cmge/cmle)
  if ((raw & 0x9f3e0c00) === 0x0e200800) {
    const name = ({ 0x08: 'cmgt', 0x28: 'cmge', 0x09: 'cmeq', 0x29: 'cmle', 0x0a: 'cmlt' } as Record<number, string>)[(u << 5) | bits(raw, 12, 5)];
    const t = ARR[(size << 1) | q];
    return name && t !== '1d' ? `${name}\tv${rd}.${t}, v${rn}.${t}, #0` : undefined;
  }
  return undefined;
}

function modImm(q: number, op: number, cmode: number, imm8: number, rd: number): string | undefined {
  const h = `#0x${imm8.toString(16)}`;
  if (cmode < 8) {
    const t = q ? '4s' : '2s';
    const sh = (cmode >> 1) & 3 ? `, lsl #${8 * ((cmode >> 1) & 3)}` : '';
    const name = cmode & 1 ? (op ? 'bic' : 'orr') : op ? 'mvni' : 'movi';
    return `${name}\tv${rd}.${t}, ${h}${sh}`;
  }
  if (cmode < 12) {
    const t = q ? '8h' : '4h';
    const sh = cmode & 2 ? ', lsl #8' : '';
    const name = cmode & 1 ? (op ? 'bic' : 'orr') : op ? 'mvni' : 'movi';
    return `${name}\tv${rd}.${t}, ${h}${sh}`;
  }
  if (cmode < 14) return `${op ? 'mvni' : 'movi'}\tv${rd}.${q ? '4s' : '2s'}, ${h}, msl #${cmode & 1 ? 16 : 8}`;
  if (cmode === 14 && !op) return `movi\tv${rd}.${q ? '16b' : '8b'}, ${h}`;
  if (cmode === 14) {
    let v = 0n;
    for (let i = 7; i >= 0; i--) v = (v << 8n) | (imm8 & (1 << i) ? 0xffn : 0n);
    return q ? `movi\tv${rd}.2d, #0x${v.toString(16)}` : `movi\td${rd}, #0x${v.toString(16)}`;
  }
  return undefined;
}

/**
 * Lane operand helper: the element size from imm5 (bits 20:16, lowest set bit), and a reader
 * of a lane index from an imm5 (at bit 16) or imm4 (at bit 11) field.
 */
function lane(raw: number, f: (t: string, idx: (at: number) => number) => string | undefined): string | undefined {
  const imm5 = bits(raw, 16, 5);
  const k = imm5 & 1 ? 0 : imm5 & 2 ? 1 : imm5 & 4 ? 2 : imm5 & 8 ? 3 : -1;
  if (k < 0) return undefined;
  return f('bhsd'[k], (at) => (at === 16 ? imm5 >> (k + 1) : bits(raw, 11, 4) >> k));
}

/** ld1-ld4/st1-st4 (multiple structures), by opcode: [N, registers] */
const LDST_MULTI: Record<number, [number, number]> = { 0: [4, 4], 2: [1, 4], 4: [3, 3], 6: [1, 3], 7: [1, 1], 8: [2, 2], 10: [1, 2] };

/** simd_ldst_multi: `ld1 {v0.16b, v1.16b}, [x0], #32` */
export function simdLdstMulti(raw: number): string | undefined {
  const q = bits(raw, 30, 1);
  const l = bits(raw, 22, 1);
  const post = bits(raw, 23, 1);
  const rm = bits(raw, 16, 5);
  const e = LDST_MULTI[bits(raw, 12, 4)];
  const size = bits(raw, 10, 2);
  if (!e || (!post && rm) || (size === 3 && !q && e[0] > 1)) return undefined;
  const rt = bits(raw, 0, 5);
  const rn = bits(raw, 5, 5);
  const t = ARR[(size << 1) | q];
  const regs = Array.from({ length: e[1] }, (_, i) => `v${(rt + i) & 31}.${t}`).join(', ');
  const base = `[${rn === 31 ? 'sp' : `x${rn}`}]`;
  const off = !post ? '' : rm === 31 ? `, #${e[1] * (q ? 16 : 8)}` : `, x${rm}`;
  return `${l ? 'ld' : 'st'}${e[0]}\t{${regs}}, ${base}${off}`;
}

/** Advanced SIMD shift by immediate (immh:immb = `ib`) */
function shiftImm(q: number, u: number, ib: number, opc: number, rn: number, rd: number): string | undefined {
  const k = ib & 0x40 ? 3 : ib & 0x20 ? 2 : ib & 0x10 ? 1 : 0;
  const esize = 8 << k;
  const right = 2 * esize - ib;
  const left = ib - esize;
  const t = ARR[(k << 1) | q];
  if (t === '1d') return undefined;
  const same = (name: string, n: number) => `${name}\tv${rd}.${t}, v${rn}.${t}, #${n}`;
  switch (opc) {
    case 0: return same(u ? 'ushr' : 'sshr', right);
    case 2: return same(u ? 'usra' : 'ssra', right);
    case 4: return same(u ? 'urshr' : 'srshr', right);
    case 8: return u ? same('sri', right) : undefined;
    case 10: return same(u ? 'sli' : 'shl', left);
    case 16: case 17: {
      if (k === 3) return undefined;
      const name = (u ? ['sqshrun', 'sqrshrun'] : ['shrn', 'rshrn'])[opc - 16] + (q ? '2' : '');
      return `${name}\tv${rd}.${ARR[(k << 1) | q]}, v${rn}.${ARR[((k + 1) << 1) | 1]}, #${right}`;
    }
    case 20: {
      if (k === 3) return undefined;
      const wide = ARR[((k + 1) << 1) | 1];
      const name = (u ? 'u' : 's') + (left ? 'shll' : 'xtl') + (q ? '2' : '');
      return `${name}\tv${rd}.${wide}, v${rn}.${t}${left ? `, #${left}` : ''}`;
    }
    default: return undefined;
  }
}

/** two-register miscellaneous (the integer forms string functions use) */
function misc2(q: number, u: number, size: number, opc: number, rn: number, rd: number): string | undefined {
  const t = ARR[(size << 1) | q];
  const same = (name: string) => `${name}\tv${rd}.${t}, v${rn}.${t}`;
  switch ((u << 5) | opc) {
    case 0x00: return size < 3 ? same('rev64') : undefined;
    case 0x20: return size < 2 ? same('rev32') : undefined;
    case 0x01: return size === 0 ? same('rev16') : undefined;
    case 0x04: return size < 3 ? same('cls') : undefined;
    case 0x24: return size < 3 ? same('clz') : undefined;
    case 0x05: return size === 0 ? same('cnt') : undefined;
    case 0x25: return size === 0 ? same('mvn') : size === 1 ? `rbit\tv${rd}.${q ? '16b' : '8b'}, v${rn}.${q ? '16b' : '8b'}` : undefined;
    case 0x0b: return t !== '1d' ? same('abs') : undefined;
    case 0x2b: return t !== '1d' ? same('neg') : undefined;
    case 0x12: case 0x32: case 0x14: case 0x34: {
      if (size === 3) return undefined;
      const name = { 0x12: 'xtn', 0x32: 'sqxtun', 0x14: 'sqxtn', 0x34: 'uqxtn' }[(u << 5) | opc]! + (q ? '2' : '');
      return `${name}\tv${rd}.${t}, v${rn}.${ARR[((size + 1) << 1) | 1]}`;
    }
    default: return undefined;
  }
}
