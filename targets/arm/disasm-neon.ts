/**
 * Advanced SIMD (NEON) assembly text in GNU objdump's syntax, per handler of
 * insns-neon.spec.ts (A32 layout; T32 encodings arrive rewritten): element and structure
 * loads/stores, three-registers-same arithmetic/logic/compare, one register and a modified
 * immediate, three registers of different lengths, shifts by an immediate, the common
 * two-register miscellaneous ops, vdup (scalar), vext, vtbl. Other encodings return
 * undefined (the caller prints pattern name and fields).
 */
import type { InsnArgs } from './decoder-neon.generated.js';
import { r, type Fmt } from './disasm-util.js';

type Table = { [K in keyof InsnArgs]?: Fmt<InsnArgs[K]> };

/** a D register, or the Q register starting at it */
const reg = (q: number, d: number) => (q ? `q${d >> 1}` : `d${d}`);

/** `{d0-d3}` for consecutive registers, `{d0,d2}`-style for spaced ones */
function dlist(first: number, n: number, step: number): string {
  if (step === 1) return n > 1 ? `{d${first}-d${first + n - 1}}` : `{d${first}}`;
  return `{${Array.from({ length: n }, (_, i) => `d${first + i * step}`).join(',')}}`;
}

/** `[rn :128]!`, `[rn], rm` */
function addr(rn: number, align: number, rm: number): string {
  const a = align ? ` :${align}` : '';
  return `[${r(rn)}${a}]${rm === 13 ? '!' : rm === 15 ? '' : `, ${r(rm)}`}`;
}

/** vldN/vstN (multiple structures) by type: [N, registers, spacing] */
const MULTI: Record<number, [number, number, number]> = {
  7: [1, 1, 1], 10: [1, 2, 1], 6: [1, 3, 1], 2: [1, 4, 1], 8: [2, 2, 1], 9: [2, 2, 2], 3: [2, 4, 1], 4: [3, 3, 1], 5: [3, 3, 2], 0: [4, 4, 1], 1: [4, 4, 2],
};

/** three-same integer ops by opc:b -> [name, signed/unsigned suffix kind] ('su' = .s/.u, 'i' = .i) */
const SAME: Record<number, [string, string] | [string, string, string]> = {
  0x00: ['vhadd', 'su'], 0x01: ['vqadd', 'su'], 0x10: ['vrhadd', 'su'], 0x20: ['vhsub', 'su'], 0x21: ['vqsub', 'su'],
  0x30: ['vcgt', 'su'], 0x31: ['vcge', 'su'], 0x40: ['vshl', 'su'], 0x41: ['vqshl', 'su'], 0x50: ['vrshl', 'su'], 0x51: ['vqrshl', 'su'],
  0x60: ['vmax', 'su'], 0x61: ['vmin', 'su'], 0x70: ['vabd', 'su'], 0x71: ['vaba', 'su'],
  0x80: ['vadd', 'i', 'vsub'], 0x81: ['vtst', 'i', 'vceq'], 0x90: ['vmla', 'i', 'vmls'], 0x91: ['vmul', 'i', 'vmul'],
  0xa0: ['vpmax', 'su'], 0xa1: ['vpmin', 'su'], 0xb0: ['vqdmulh', 's', 'vqrdmulh'], 0xb1: ['vpadd', 'i', ''],
};
/** float three-same by opc:b:u:size>=2 */
const FSAME: Record<string, string> = {
  'd000': 'vadd', 'd001': 'vsub', 'd010': 'vpadd', 'd011': 'vabd', 'd100': 'vmla', 'd101': 'vmls', 'd110': 'vmul',
  'e000': 'vceq', 'e010': 'vcge', 'e011': 'vcgt', 'e110': 'vacge', 'e111': 'vacgt',
  'f000': 'vmax', 'f001': 'vmin', 'f010': 'vpmax', 'f011': 'vpmin', 'f100': 'vrecps', 'f101': 'vrsqrts',
};
/** three registers of different lengths by opc: [name, type kind, unsigned name, shape] */
const DIFF: Record<number, [string, string, string, string]> = {
  0: ['vaddl', 'su', '', 'l'], 1: ['vaddw', 'su', '', 'w'], 2: ['vsubl', 'su', '', 'l'], 3: ['vsubw', 'su', '', 'w'],
  4: ['vaddhn', 'i', 'vraddhn', 'n'], 5: ['vabal', 'su', '', 'l'], 6: ['vsubhn', 'i', 'vrsubhn', 'n'], 7: ['vabdl', 'su', '', 'l'],
  8: ['vmlal', 'su', '', 'l'], 9: ['vqdmlal', 's', '', 'l'], 10: ['vmlsl', 'su', '', 'l'], 11: ['vqdmlsl', 's', '', 'l'],
  12: ['vmull', 'su', '', 'l'], 13: ['vqdmull', 's', '', 'l'], 14: ['vmull', 'p', '', 'l'],
};
/** two registers, miscellaneous, A = 0, by B: [name, type kind] */
const MISC0: Record<number, [string, string]> = {
  0: ['vrev64', 'n'], 1: ['vrev32', 'n'], 2: ['vrev16', 'n'], 4: ['vpaddl', 'su'], 5: ['vpaddl', 'su'], 8: ['vcls', 's'],
  9: ['vclz', 'i'], 10: ['vcnt', '8'], 11: ['vmvn', ''], 12: ['vpadal', 'su'], 13: ['vpadal', 'su'], 14: ['vqabs', 's'], 15: ['vqneg', 's'],
};
const LOGIC = [['vand', 'vbic', 'vorr', 'vorn'], ['veor', 'vbsl', 'vbit', 'vbif']];

export const NEON: Table = {
  vldst_multi: (a, c) => {
    const m = MULTI[a.type];
    if (!m) return undefined;
    const size = a.idx >> 2;
    const al = a.idx & 3;
    const align = al ? 32 << al : 0;
    return `${a.l ? 'vld' : 'vst'}${m[0]}${c.cond}.${8 << size}\t${dlist(a.vd, m[1], m[2])}, ${addr(a.rn, align, a.rm)}`;
  },
  vldst_single: (a, c) => {
    const size = a.type & 3;
    const n = ((a.type >> 2) & 3) + 1;
    if (size === 3) {
      // all lanes: vldN.<size> {dD[]...}
      if (!a.l) return undefined;
      const sz = (a.idx >> 2) & 3;
      const step = a.idx & 2 ? 2 : 1;
      const count = n === 1 ? (a.idx & 2 ? 2 : 1) : n;
      const regs = Array.from({ length: count }, (_, i) => `d${a.vd + i * (n === 1 ? 1 : step)}[]`).join(', ');
      return `vld${n}${c.cond}.${8 << sz}\t{${regs}}, ${addr(a.rn, 0, a.rm)}`;
    }
    const lane = a.idx >> (size + 1);
    const step = size > 0 && a.idx & (size === 1 ? 2 : 4) ? 2 : 1;
    const regs = Array.from({ length: n }, (_, i) => `d${a.vd + i * step}[${lane}]`).join(', ');
    return `${a.l ? 'vld' : 'vst'}${n}${c.cond}.${8 << size}\t{${regs}}, ${addr(a.rn, 0, a.rm)}`;
  },
  v3same: (a, c) => {
    const [d, n, m] = [reg(a.q, a.vd), reg(a.q, a.vn), reg(a.q, a.vm)];
    if (a.opc === 1 && a.b) {
      const name = LOGIC[a.u][a.size];
      return `${name}${c.cond}\t${d}, ${n}, ${m}`;
    }
    if (a.opc >= 13) {
      const name = FSAME[`${a.opc.toString(16)}${a.b}${a.u}${a.size >> 1}`];
      return name ? `${name}${c.cond}.f32\t${d}, ${n}, ${m}` : undefined;
    }
    const e = SAME[(a.opc << 4) | a.b];
    if (!e) return undefined;
    const name = e.length === 3 ? (a.u ? e[2] : e[0]) : e[0];
    if (!name) return undefined;
    const ty = e[1] === 'su' ? `${a.u ? 'u' : 's'}${8 << a.size}` : e[1] === 's' ? `s${8 << a.size}`
      : a.opc === 9 && a.b && a.u ? 'p8' : a.opc === 8 && a.b && !a.u ? `${8 << a.size}` : `i${8 << a.size}`;
    // shifts by register take (vd, vm, vn)
    return a.opc === 4 || a.opc === 5 ? `${name}${c.cond}.${ty}\t${d}, ${m}, ${n}` : `${name}${c.cond}.${ty}\t${d}, ${n}, ${m}`;
  },
  v1imm: (a, c) => {
    const d = reg(a.q, a.vd);
    const cm = a.cmode;
    if (cm < 8) {
      const v = (a.imm << (8 * (cm >> 1))) >>> 0;
      return `${cm & 1 ? (a.op ? 'vbic' : 'vorr') : a.op ? 'vmvn' : 'vmov'}${c.cond}.i32\t${d}, #${v}`;
    }
    if (cm < 12) return `${cm & 1 ? (a.op ? 'vbic' : 'vorr') : a.op ? 'vmvn' : 'vmov'}${c.cond}.i16\t${d}, #${a.imm << (cm & 2 ? 8 : 0)}`;
    if (cm < 14) {
      const v = ((a.imm << (cm & 1 ? 16 : 8)) | (cm & 1 ? 0xffff : 0xff)) >>> 0;
      return `${a.op ? 'vmvn' : 'vmov'}${c.cond}.i32\t${d}, #${v}`;
    }
    if (cm === 14 && !a.op) return `vmov${c.cond}.i8\t${d}, #${a.imm}`;
    if (cm === 14) {
      let v = 0n;
      for (let i = 7; i >= 0; i--) v = (v << 8n) | (a.imm & (1 << i) ? 0xffn : 0n);
      return `vmov${c.cond}.i64\t${d}, #0x${v.toString(16).padStart(16, '0')}`;
    }
    return undefined;
  },
  vdup_scalar: (a, c) => {
    const sz = a.imm & 1 ? 8 : a.imm & 2 ? 16 : a.imm & 4 ? 32 : 0;
    if (!sz) return undefined;
    const idx = a.imm >> (sz === 8 ? 1 : sz === 16 ? 2 : 3);
    return `vdup${c.cond}.${sz}\t${reg(a.q, a.vd)}, d${a.vm}[${idx}]`;
  },
  v3diff: (a, c) => {
    const e = DIFF[a.opc];
    if (!e || (a.opc === 14 && a.size)) return undefined;
    const name = a.u && e[2] ? e[2] : e[0];
    const ty = e[1] === 'i' ? `i${16 << a.size}` : e[1] === 's' ? (a.u ? '' : `s${8 << a.size}`) : a.opc === 14 ? 'p8' : `${a.u ? 'u' : 's'}${8 << a.size}`;
    if (!ty) return undefined;
    const [d, n, m] = e[3] === 'l' ? [reg(1, a.vd), reg(0, a.vn), reg(0, a.vm)] : e[3] === 'w' ? [reg(1, a.vd), reg(1, a.vn), reg(0, a.vm)]
      : [reg(0, a.vd), reg(1, a.vn), reg(1, a.vm)];
    return `${name}${c.cond}.${ty}\t${d}, ${n}, ${m}`;
  },
  vshift: (a, c) => {
    const l = a.limm >> 6;
    const imm6 = a.limm & 63;
    const esize = l ? 64 : imm6 & 32 ? 32 : imm6 & 16 ? 16 : imm6 & 8 ? 8 : 0;
    if (!esize) return undefined;
    const right = (l ? 64 : 2 * esize) - imm6;
    const left = imm6 - (l ? 0 : esize);
    const su = `${a.u ? 'u' : 's'}${esize}`;
    const [d, m] = [reg(a.q, a.vd), reg(a.q, a.vm)];
    switch (a.opc) {
      case 0: case 1: case 2: case 3:
        return `${['vshr', 'vsra', 'vrshr', 'vrsra'][a.opc]}${c.cond}.${su}\t${d}, ${m}, #${right}`;
      case 4: return a.u ? `vsri${c.cond}.${esize}\t${d}, ${m}, #${right}` : undefined;
      case 5: return a.u ? `vsli${c.cond}.${esize}\t${d}, ${m}, #${left}` : `vshl${c.cond}.s${esize}\t${d}, ${m}, #${left}`;
      case 7: return `vqshl${c.cond}.${su}\t${d}, ${m}, #${left}`;
      case 8: case 9: {
        if (l) return undefined;
        const names = a.opc === 8 ? (a.u ? ['vqshrun', 'vqrshrun'] : ['vshrn', 'vrshrn']) : ['vqshrn', 'vqrshrn'];
        const ty = a.opc === 8 && !a.u ? `i${esize * 2}` : a.opc === 8 ? `s${esize * 2}` : `${a.u ? 'u' : 's'}${esize * 2}`;
        return `${names[a.q]}${c.cond}.${ty}\t${reg(0, a.vd)}, ${reg(1, a.vm)}, #${esize - (imm6 - esize)}`;
      }
      case 10:
        if (l || a.q) return undefined;
        return left ? `vshll${c.cond}.${su}\t${reg(1, a.vd)}, ${reg(0, a.vm)}, #${left}` : `vmovl${c.cond}.${su}\t${reg(1, a.vd)}, ${reg(0, a.vm)}`;
      default: return undefined;
    }
  },
  v2misc: (a, c) => {
    const [d, m] = [reg(a.q, a.vd), reg(a.q, a.vm)];
    const sz = 8 << a.size;
    if (a.a === 0) {
      const e = MISC0[a.b];
      if (!e) return undefined;
      const ty = e[1] === '' ? '' : e[1] === 'n' ? `.${sz}` : e[1] === '8' ? '.8' : e[1] === 'i' ? `.i${sz}` : `.${e[1] === 'su' ? (a.b & 1 ? 'u' : 's') : 's'}${sz}`;
      return `${e[0]}${c.cond}${ty}\t${d}, ${m}`;
    }
    if (a.a === 1) {
      const f = a.b & 8;
      const op = a.b & 7;
      const ty = f ? 'f32' : op === 2 ? `i${sz}` : `s${sz}`;
      if (op <= 4) return `${['vcgt', 'vcge', 'vceq', 'vcle', 'vclt'][op]}${c.cond}.${ty}\t${d}, ${m}, #0`;
      if (op === 6 || op === 7) return `${op === 6 ? 'vabs' : 'vneg'}${c.cond}.${ty}\t${d}, ${m}`;
      return undefined;
    }
    if (a.a === 2) {
      if (a.b <= 3) return `${['vswp', 'vtrn', 'vuzp', 'vzip'][a.b]}${c.cond}${a.b ? `.${sz}` : ''}\t${d}, ${m}`;
      const n = [reg(0, a.vd), reg(1, a.vm)];
      if (a.b === 4) return a.q ? `vqmovun${c.cond}.s${16 << a.size}\t${n[0]}, ${n[1]}` : `vmovn${c.cond}.i${16 << a.size}\t${n[0]}, ${n[1]}`;
      if (a.b === 5) return `vqmovn${c.cond}.${a.q ? 'u' : 's'}${16 << a.size}\t${n[0]}, ${n[1]}`;
      return undefined;
    }
    if (a.b >= 12) return `vcvt${c.cond}.${['f32.s32', 'f32.u32', 's32.f32', 'u32.f32'][a.b & 3]}\t${d}, ${m}`;
    if (a.b === 8 || a.b === 9 || a.b === 10 || a.b === 11) {
      return `${a.b & 1 ? 'vrsqrte' : 'vrecpe'}${c.cond}.${a.b & 2 ? 'f32' : 'u32'}\t${d}, ${m}`;
    }
    return undefined;
  },
  vtbl: (a, c) => `${a.op ? 'vtbx' : 'vtbl'}${c.cond}.8\t${reg(0, a.vd)}, ${dlist(a.vn, a.len + 1, 1)}, ${reg(0, a.vm)}`,
  vext: (a, c) => `vext${c.cond}.8\t${reg(a.q, a.vd)}, ${reg(a.q, a.vn)}, ${reg(a.q, a.vm)}, #${a.imm}`,
};
