/**
 * Thumb (T16 and Thumb-2 T32) assembly text in GNU objdump's syntax, one formatter per
 * decoder handler (names as in insns-t16.spec.ts / insns-t32.spec.ts). Outside an IT block
 * the 16-bit ALU forms set flags and print their 's'; inside one they print the block's
 * condition instead. 32-bit forms that have a 16-bit twin carry objdump's `.w`.
 */
import type { InsnArgs as T16Args } from './decoder-t16.generated.js';
import type { InsnArgs as T32Args } from './decoder-t32.generated.js';
import {
  BARRIER, COND, SHIFT, hex, memImm, r, regList, shiftImm, thumbImm, type DisCtx, type Fmt,
} from './disasm-util.js';

type T16Table = { [K in keyof T16Args]?: Fmt<T16Args[K]> };
type T32Table = { [K in keyof T32Args]?: Fmt<T32Args[K]> };

/** mnemonic of a 16-bit flag-setting ALU op: 's' outside IT blocks, the condition inside */
const s16 = (name: string, c: DisCtx) => (c.inIt ? name + c.cond : name + 's');
const DP16 = ['and', 'eor', 'lsl', 'lsr', 'asr', 'adc', 'sbc', 'ror', 'tst', 'neg', 'cmp', 'cmn', 'orr', 'mul', 'bic', 'mvn'];
const LDST16 = ['str', 'strh', 'strb', 'ldrsb', 'ldr', 'ldrh', 'ldrb', 'ldrsh'];

export const T16: T16Table = {
  addsub_reg: (a, c) => `${s16(a.sub ? 'sub' : 'add', c)}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`,
  addsub_imm: (a, c) => `${s16(a.sub ? 'sub' : 'add', c)}\t${r(a.rd)}, ${r(a.rn)}, #${a.imm}`,
  shift_imm: (a, c) => (a.op === 0 && a.imm === 0 ? `${s16('mov', c)}\t${r(a.rd)}, ${r(a.rm)}`
    : `${s16(SHIFT[a.op], c)}\t${r(a.rd)}, ${r(a.rm)}, #${a.imm || 32}`),
  imm8: (a, c) => (a.op === 1 ? `cmp${c.cond}\t${r(a.rd)}, #${a.imm}`
    : `${s16(['mov', '', 'add', 'sub'][a.op], c)}\t${r(a.rd)}, #${a.imm}`),
  dp: (a, c) => {
    const name = DP16[a.op];
    if (a.op === 8 || a.op === 10 || a.op === 11) return `${name}${c.cond}\t${r(a.rd)}, ${r(a.rm)}`;
    return `${s16(name, c)}\t${r(a.rd)}, ${r(a.rm)}`;
  },
  add_hi: (a, c) => `add${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  cmp_hi: (a, c) => `cmp${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  mov_hi: (a, c) => `mov${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  bx: (a, c) => `bx${c.cond}\t${r(a.rm)}`,
  blx: (a, c) => `blx${c.cond}\t${r(a.rm)}`,
  ldr_lit: (a, c) => `ldr${c.cond}\t${r(a.rt)}, [pc, #${a.imm * 4}]`,
  ldst_reg: (a, c) => `${LDST16[a.op]}${c.cond}\t${r(a.rt)}, [${r(a.rn)}, ${r(a.rm)}]`,
  ldst_imm: (a, c) => {
    const sfx = a.size === 1 ? 'b' : a.size === 2 ? 'h' : '';
    return `${a.load ? 'ldr' : 'str'}${sfx}${c.cond}\t${r(a.rt)}, [${r(a.rn)}, #${a.imm * a.size}]`;
  },
  ldst_sp: (a, c) => `${a.load ? 'ldr' : 'str'}${c.cond}\t${r(a.rt)}, [sp, #${a.imm * 4}]`,
  adr: (a, c) => `add${c.cond}\t${r(a.rd)}, ${a.sp ? 'sp' : 'pc'}, #${a.imm * 4}`,
  addsub_sp: (a, c) => `${a.sub ? 'sub' : 'add'}${c.cond}\tsp, #${a.imm * 4}`,
  cbz: (a, c) => `${a.nz ? 'cbnz' : 'cbz'}\t${r(a.rn)}, ${hex(c.addr + 4 + a.imm)}`,
  extend: (a, c) => `${['sxth', 'sxtb', 'uxth', 'uxtb'][a.op]}${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  pushpop: (a, c) => `${a.load ? 'pop' : 'push'}${c.cond}\t${regList(a.list | (a.m ? (a.load ? 0x8000 : 0x4000) : 0))}`,
  rev: (a, c) => {
    const n = ['rev', 'rev16', '', 'revsh'][a.op];
    return n ? `${n}${c.cond}\t${r(a.rd)}, ${r(a.rm)}` : undefined;
  },
  bkpt: (a) => `bkpt\t0x${a.imm.toString(16).padStart(4, '0')}`,
  hint: (a, c) => {
    const n = ['nop', 'yield', 'wfe', 'wfi', 'sev'][a.imm >> 4];
    return n ? n + c.cond : undefined;
  },
  it: (a) => {
    const fc = a.firstcond;
    let tail = '';
    const lowest = a.mask & -a.mask;
    for (let bit = 8; bit > lowest; bit >>= 1) tail += ((a.mask & bit ? 1 : 0) === (fc & 1)) ? 't' : 'e';
    return `it${tail}\t${COND[fc] || 'al'}`;
  },
  ldm: (a, c) => {
    const wb = a.load && a.list & (1 << a.rn) ? '' : '!';
    return `${a.load ? 'ldmia' : 'stmia'}${c.cond}\t${r(a.rn)}${wb}, ${regList(a.list)}`;
  },
  udf: (a) => `udf\t#${a.imm}`,
  svc: (a, c) => `svc${c.cond}\t${a.imm}`,
  bcond: (a, c) => `b${COND[a.cond]}.n\t${hex(c.addr + 4 + a.imm)}`,
  b: (a, c) => `b${c.cond}.n\t${hex(c.addr + 4 + a.imm)}`,
};

/** T32 data-processing names by op (modified immediate and shifted register share them) */
const DP32 = ['and', 'bic', 'orr', 'orn', 'eor', '', 'pkh', '', 'add', '', 'adc', 'sbc', '', 'sub', 'rsb', ''];
/** ops that have a 16-bit twin, so objdump writes `.w` */
const WIDE = new Set(['and', 'bic', 'orr', 'mov', 'mvn', 'eor', 'add', 'adc', 'sbc', 'sub', 'tst', 'cmp', 'cmn']);

function dp32(op: number, s: number, rn: number, rd: number, op2: string, c: DisCtx): string | undefined {
  let name = DP32[op];
  if (!name || name === 'pkh') return `.inst.w\t0x${c.insn.toString(16).padStart(8, '0')}\t@ <UNDEFINED>`;
  let form: 'rd_rn' | 'rn' | 'rd' = 'rd_rn';
  if (rd === 15 && s && (op === 0 || op === 4 || op === 8 || op === 13)) {
    name = { 0: 'tst', 4: 'teq', 8: 'cmn', 13: 'cmp' }[op]!;
    form = 'rn';
  } else if (rn === 15 && (op === 2 || op === 3)) {
    name = op === 2 ? 'mov' : 'mvn';
    form = 'rd';
  }
  const mn = `${name}${s && form !== 'rn' ? 's' : ''}${c.cond}${WIDE.has(name) ? '.w' : ''}`;
  if (form === 'rn') return `${mn}\t${r(rn)}, ${op2}`;
  if (form === 'rd') return `${mn}\t${r(rd)}, ${op2}`;
  return `${mn}\t${r(rd)}, ${r(rn)}, ${op2}`;
}

const LDSZ = ['b', 'h', '', ''];
function ldName(sgn: number, size: number, l: number): string {
  return `${l ? 'ldr' : 'str'}${sgn ? 's' : ''}${LDSZ[size]}`;
}

/** target of a Thumb-2 b/bl/blx: S:I1:I2:imm10:imm11:0 */
function branch(a: { s: number; j1: number; j2: number; hi: number; lo: number }): number {
  const i1 = 1 ^ a.j1 ^ a.s;
  const i2 = 1 ^ a.j2 ^ a.s;
  const v = (a.s << 24) | (i1 << 23) | (i2 << 22) | (a.hi << 12) | (a.lo << 1);
  return (v << 7) >> 7;
}

export const T32: T32Table = {
  dp_imm: (a, c) => dp32(a.op, a.s, a.rn, a.rd, `#${thumbImm(a.imm)}`, c),
  dp_reg: (a, c) => {
    if (a.op === 6) {
      return a.type & 2 ? `pkhtb${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}, asr #${a.imm || 32}`
        : `pkhbt${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}${a.imm ? `, lsl #${a.imm}` : ''}`;
    }
    return dp32(a.op, a.s, a.rn, a.rd, r(a.rm) + shiftImm(a.type, a.imm), c);
  },
  addw: (a, c) => `addw${c.cond}\t${r(a.rd)}, ${r(a.rn)}, #${a.imm}`,
  subw: (a, c) => `subw${c.cond}\t${r(a.rd)}, ${r(a.rn)}, #${a.imm}`,
  movw: (a, c) => `movw${c.cond}\t${r(a.rd)}, #${a.imm}`,
  movt: (a, c) => `movt${c.cond}\t${r(a.rd)}, #${a.imm}`,
  ssat: (a, c) => `ssat${c.cond}\t${r(a.rd)}, #${a.sat + 1}, ${r(a.rn)}${a.imm || a.sh ? `, ${a.sh ? 'asr' : 'lsl'} #${a.imm}` : ''}`,
  usat: (a, c) => `usat${c.cond}\t${r(a.rd)}, #${a.sat}, ${r(a.rn)}${a.imm || a.sh ? `, ${a.sh ? 'asr' : 'lsl'} #${a.imm}` : ''}`,
  sbfx: (a, c) => `sbfx${c.cond}\t${r(a.rd)}, ${r(a.rn)}, #${a.lsb}, #${a.w + 1}`,
  ubfx: (a, c) => `ubfx${c.cond}\t${r(a.rd)}, ${r(a.rn)}, #${a.lsb}, #${a.w + 1}`,
  bfi: (a, c) => (a.rn === 15 ? `bfc${c.cond}\t${r(a.rd)}, #${a.lsb}, #${a.w - a.lsb + 1}`
    : `bfi${c.cond}\t${r(a.rd)}, ${r(a.rn)}, #${a.lsb}, #${a.w - a.lsb + 1}`),
  hint: (a, c) => {
    const n = ['nop', 'yield', 'wfe', 'wfi', 'sev'][a.hint];
    return n ? `${n}${c.cond}.w` : undefined;
  },
  barrier: (_a, c) => {
    const op = ['', '', 'clrex', '', 'dsb', 'dmb', 'isb'][(c.insn >>> 4) & 15];
    if (!op) return undefined;
    if (op === 'clrex') return 'clrex';
    return `${op}\t${BARRIER[c.insn & 15] ?? `#${c.insn & 15}`}`;
  },
  mrs: (a, c) => `mrs${c.cond}\t${r(a.rd)}, CPSR`,
  b_w: (a, c) => `b${c.cond}.w\t${hex(c.addr + 4 + branch(a))}`,
  bl: (a, c) => `bl${c.cond}\t${hex(c.addr + 4 + branch(a))}`,
  blx_imm: (a, c) => `blx${c.cond}\t${hex(((c.addr + 4) & ~3) + branch(a))}`,
  bcond_w: (a, c) => `b${COND[a.cond]}.w\t${hex(c.addr + 4 + a.imm)}`,
  strex: (a, c) => `strex${c.cond}\t${r(a.rd)}, ${r(a.rt)}, ${memImm(a.rn, a.imm * 4, true, 1, 0)}`,
  ldrex: (a, c) => `ldrex${c.cond}\t${r(a.rt)}, ${memImm(a.rn, a.imm * 4, true, 1, 0)}`,
  tb: (a, c) => (a.h ? `tbh${c.cond}\t[${r(a.rn)}, ${r(a.rm)}, lsl #1]` : `tbb${c.cond}\t[${r(a.rn)}, ${r(a.rm)}]`),
  exbhd: (a, c) => {
    const sz = { 4: 'b', 5: 'h', 7: 'd' }[a.op];
    if (sz === undefined) return undefined;
    const regs = sz === 'd' ? `${r(a.rt)}, ${r(a.rt2)}` : r(a.rt);
    return a.l ? `ldrex${sz}${c.cond}\t${regs}, [${r(a.rn)}]` : `strex${sz}${c.cond}\t${r(a.rd)}, ${regs}, [${r(a.rn)}]`;
  },
  ldrd: (a, c) => `${a.l ? 'ldrd' : 'strd'}${c.cond}\t${r(a.rt)}, ${r(a.rt2)}, ${memImm(a.rn, a.imm * 4, !!a.u, a.p, a.w)}`,
  ldm: (a, c) => {
    const mode = a.op === 1 ? 'ia' : 'db';
    return `${a.l ? 'ldm' : 'stm'}${mode}${c.cond}${mode === 'ia' ? '.w' : ''}\t${r(a.rn)}${a.w ? '!' : ''}, ${regList(a.list)}`;
  },
  ld_lit: (a, c) => {
    if (a.rt === 15 && a.size < 2) return `pl${a.size ? 'd' : 'i'}${c.cond}\t[pc, #${a.u ? '' : '-'}${a.imm}]`;
    return `${ldName(a.sgn, a.size, a.l)}${c.cond}.w\t${r(a.rt)}, [pc, #${a.u ? '' : '-'}${a.imm}]`;
  },
  ldst_imm12: (a, c) => {
    if (a.rt === 15 && a.l && a.size < 2 && !a.sgn) return `pld${a.size ? '' : ''}${c.cond}\t${memImm(a.rn, a.imm, true, 1, 0)}`;
    return `${ldName(a.sgn, a.size, a.l)}${c.cond}.w\t${r(a.rt)}, ${memImm(a.rn, a.imm, true, 1, 0)}`;
  },
  ldst_imm8: (a, c) => {
    const p = a.puw >> 2;
    const u = (a.puw >> 1) & 1;
    const w = a.puw & 1;
    if (p && u && !w) return `${ldName(a.sgn, a.size, a.l)}t${c.cond}\t${r(a.rt)}, ${memImm(a.rn, a.imm, true, 1, 0)}`;
    return `${ldName(a.sgn, a.size, a.l)}${c.cond}.w\t${r(a.rt)}, ${memImm(a.rn, a.imm, !!u, p, w, true)}`;
  },
  ldst_reg: (a, c) => `${ldName(a.sgn, a.size, a.l)}${c.cond}.w\t${r(a.rt)}, [${r(a.rn)}, ${r(a.rm)}${a.imm ? `, lsl #${a.imm}` : ''}]`,
  shift_reg: (a, c) => `${SHIFT[a.type]}${a.s ? 's' : ''}${c.cond}.w\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`,
  extend: (a, c) => {
    const name = ['sxth', 'uxth', 'sxtb16', 'uxtb16', 'sxtb', 'uxtb'][a.op];
    if (!name) return undefined;
    const rot = a.rot ? `, ror #${a.rot * 8}` : '';
    if (a.rn === 15) return `${name}${c.cond}${name.endsWith('16') ? '' : '.w'}\t${r(a.rd)}, ${r(a.rm)}${rot}`;
    return `${name.replace('xt', 'xta')}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}${rot}`;
  },
  misc: (a, c) => {
    if (a.op1 === 1) {
      const n = ['rev', 'rev16', 'rbit', 'revsh'][a.op2];
      return `${n}${c.cond}${a.op2 === 2 ? '' : '.w'}\t${r(a.rd)}, ${r(a.rm)}`;
    }
    if (a.op1 === 3 && a.op2 === 0) return `clz${c.cond}\t${r(a.rd)}, ${r(a.rm)}`;
    if (a.op1 === 2 && a.op2 === 0) return `sel${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`;
    if (a.op1 === 0) return `${['qadd', 'qdadd', 'qsub', 'qdsub'][a.op2]}${c.cond}\t${r(a.rd)}, ${r(a.rm)}, ${r(a.rn)}`;
    return undefined;
  },
  parallel: (a, c) => {
    const op = ['add8', 'add16', 'asx', '', 'sub8', 'sub16', 'sax', ''][a.op1];
    const pre = (a.op2 & 4 ? ['u', 'uq', 'uh'] : ['s', 'q', 'sh'])[a.op2 & 3];
    if (!op || !pre) return undefined;
    return `${pre}${op}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`;
  },
  mul: (a, c) => {
    if (a.op1 === 7 && a.op2 === 0) return a.ra === 15 ? `usad8${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`
      : `usada8${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}, ${r(a.ra)}`;
    if (a.op1 === 0 && a.op2 === 0) return a.ra === 15 ? `mul${c.cond}.w\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`
      : `mla${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}, ${r(a.ra)}`;
    if (a.op1 === 0 && a.op2 === 1) return `mls${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}, ${r(a.ra)}`;
    if (a.op1 === 1) {
      const xy = `${a.op2 & 2 ? 't' : 'b'}${a.op2 & 1 ? 't' : 'b'}`;
      return a.ra === 15 ? `smul${xy}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`
        : `smla${xy}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}, ${r(a.ra)}`;
    }
    return undefined;
  },
  lmul: (a, c) => {
    const k = `${a.op1}/${a.op2}`;
    const div = { '1/15': 'sdiv', '3/15': 'udiv' }[k];
    if (div) return `${div}${c.cond}\t${r(a.hi)}, ${r(a.rn)}, ${r(a.rm)}`;
    const n = { '0/0': 'smull', '2/0': 'umull', '4/0': 'smlal', '6/0': 'umlal', '6/6': 'umaal' }[k];
    return n ? `${n}${c.cond}\t${r(a.lo)}, ${r(a.hi)}, ${r(a.rn)}, ${r(a.rm)}` : undefined;
  },
};
