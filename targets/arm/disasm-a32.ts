/**
 * A32 (ARM state) assembly text in GNU objdump's syntax, one formatter per decoder pattern
 * (names as in insns-a32.spec.ts). The condition suffix comes in the context; coprocessor
 * space is formatted by disasm-vfp.ts. A formatter returning undefined leaves the instruction
 * to the caller's fallback (pattern name and fields).
 */
import type { InsnArgs } from './decoder-a32.generated.js';
import {
  BARRIER, DP, SHIFT, armImm, hex, memImm, r, regList, shiftImm, type DisCtx, type Fmt,
} from './disasm-util.js';

type Table = { [K in keyof InsnArgs]?: Fmt<InsnArgs[K]> };

/** data processing: the shared shape of dp_is, dp_rs, dp_i with the operand-2 text */
function dp(op: number, s: number, rd: number, rn: number, op2: string, c: DisCtx): string {
  const name = DP[op];
  if (op >= 8 && op <= 11) return `${name}${c.cond}\t${r(rn)}, ${op2}`;
  const ss = s ? 's' : '';
  if (op === 13 || op === 15) return `${name}${ss}${c.cond}\t${r(rd)}, ${op2}`;
  return `${name}${ss}${c.cond}\t${r(rd)}, ${r(rn)}, ${op2}`;
}

const pre = (l: number, rest: string) => (l ? 'ld' : 'st') + rest;

const LS_HALF = ['', 'h', 'd', 'd'];

export const A32: Table = {
  dp_is: (a, c) => {
    if (a.op === 13) {
      const s = a.s ? 's' : '';
      if (a.type === 0 && a.imm === 0) {
        if (!a.s && a.rd === 0 && a.rm === 0 && c.cond === '' && c.insn >>> 28 === 14) return 'nop';
        return `mov${s}${c.cond}\t${r(a.rd)}, ${r(a.rm)}`;
      }
      if (a.type === 3 && a.imm === 0) return `rrx${s}${c.cond}\t${r(a.rd)}, ${r(a.rm)}`;
      return `${SHIFT[a.type]}${s}${c.cond}\t${r(a.rd)}, ${r(a.rm)}, #${a.imm || 32}`;
    }
    return dp(a.op, a.s, a.rd, a.rn, r(a.rm) + shiftImm(a.type, a.imm), c);
  },
  dp_rs: (a, c) => {
    if (a.op === 13) return `${SHIFT[a.type]}${a.s ? 's' : ''}${c.cond}\t${r(a.rd)}, ${r(a.rm)}, ${r(a.rs)}`;
    return dp(a.op, a.s, a.rd, a.rn, `${r(a.rm)}, ${SHIFT[a.type]} ${r(a.rs)}`, c);
  },
  dp_i: (a, c) => dp(a.op, a.s, a.rd, a.rn, a.rot && !(a.imm & 3) && a.imm ? `#${a.imm}, ${a.rot * 2}` : `#${armImm(a.rot, a.imm) | 0}`, c),
  movw: (a, c) => `movw${c.cond}\t${r(a.rd)}, #${a.imm}`,
  movt: (a, c) => `movt${c.cond}\t${r(a.rd)}, #${a.imm}`,
  mul: (a, c) => {
    const s = a.op & 1 ? 's' : '';
    switch (a.op >> 1) {
      case 0: return `mul${s}${c.cond}\t${r(a.rd)}, ${r(a.rm)}, ${r(a.rs)}`;
      case 1: return `mla${s}${c.cond}\t${r(a.rd)}, ${r(a.rm)}, ${r(a.rs)}, ${r(a.ra)}`;
      case 2: return `umaal${c.cond}\t${r(a.ra)}, ${r(a.rd)}, ${r(a.rm)}, ${r(a.rs)}`;
      case 3: return `mls${c.cond}\t${r(a.rd)}, ${r(a.rm)}, ${r(a.rs)}, ${r(a.ra)}`;
      default: {
        const name = ['umull', 'umlal', 'smull', 'smlal'][(a.op >> 1) - 4];
        return `${name}${s}${c.cond}\t${r(a.ra)}, ${r(a.rd)}, ${r(a.rm)}, ${r(a.rs)}`;
      }
    }
  },
  ex: (a, c) => {
    const sz = ['', 'd', 'b', 'h'][a.op];
    if (a.l) return `ldrex${sz}${c.cond}\t${r(a.rd)}, ${a.op === 1 ? `${r(a.rd + 1)}, ` : ''}[${r(a.rn)}]`;
    return `strex${sz}${c.cond}\t${r(a.rd)}, ${r(a.rm)}, ${a.op === 1 ? `${r(a.rm + 1)}, ` : ''}[${r(a.rn)}]`;
  },
  swp: (a, c) => `swp${a.b ? 'b' : ''}${c.cond}\t${r(a.rt)}, ${r(a.rt2)}, [${r(a.rn)}]`,
  xls: (a, c) => {
    if (!a.i && a.hi && a.op === 1) return `\t@ <UNDEFINED> instruction: 0x${c.insn.toString(16).padStart(8, '0')}`;
    const name = a.l ? ['', 'h', 'sb', 'sh'][a.op] : LS_HALF[a.op];
    const ld = a.l || a.op === 2;
    const mn = `${ld ? 'ldr' : 'str'}${name}${!a.p && a.w ? 't' : ''}${c.cond}`;
    const addr = a.i ? memImm(a.rn, (a.hi << 4) | a.rm, !!a.u, a.p, a.p && a.w) : regAddr(a.rn, a.rm, a.u, a.p, a.w, '');
    return `${mn}\t${r(a.rt)}, ${addr}`;
  },
  bx: (a, c) => `bx${c.cond}\t${r(a.rm)}`,
  blx_reg: (a, c) => `blx${c.cond}\t${r(a.rm)}`,
  clz: (a, c) => `clz${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  rev: (a, c) => `rev${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  rev16: (a, c) => `rev16${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  rbit: (a, c) => `rbit${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  revsh: (a, c) => `revsh${c.cond}\t${r(a.rd)}, ${r(a.rm)}`,
  mrs: (a, c) => `mrs${c.cond}\t${r(a.rd)}, CPSR`,
  hint: (a, c) => {
    const n = ['nop', 'yield', 'wfe', 'wfi', 'sev'][a.hint];
    return n ? `${n}${c.cond}\t{${a.hint}}` : undefined;
  },
  bkpt: (_a, c) => `bkpt\t${hex(((c.insn >>> 4) & 0xfff0) | (c.insn & 15))}`,
  udf: (_a, c) => `udf\t#${((c.insn >>> 4) & 0xfff0) | (c.insn & 15)}`,
  ls_i: (a, c) => {
    if (a.rn === 13 && !a.b && a.imm === 4) {
      if (a.l && !a.p && a.u && !a.w) return `pop${c.cond}\t{${r(a.rt)}}`;
      if (!a.l && a.p && !a.u && a.w) return `push${c.cond}\t{${r(a.rt)}}`;
    }
    const t = !a.p && a.w ? 't' : '';
    return `${pre(a.l, 'r')}${a.b ? 'b' : ''}${t}${c.cond}\t${r(a.rt)}, ${memImm(a.rn, a.imm, !!a.u, a.p, a.p && a.w)}`;
  },
  ls_r: (a, c) => {
    const t = !a.p && a.w ? 't' : '';
    return `${pre(a.l, 'r')}${a.b ? 'b' : ''}${t}${c.cond}\t${r(a.rt)}, ${regAddr(a.rn, a.rm, a.u, a.p, a.w, shiftImm(a.type, a.imm))}`;
  },
  ldm: (a, c) => {
    const mode = ['da', '', 'db', 'ib'][(a.p << 1) | a.u];
    const hat = c.insn & (1 << 22) ? '^' : '';
    if (a.rn === 13 && a.w && !hat && popcount(a.list) > 1) {
      if (a.l && mode === '') return `pop${c.cond}\t${regList(a.list)}`;
      if (!a.l && mode === 'db') return `push${c.cond}\t${regList(a.list)}`;
    }
    return `${a.l ? 'ldm' : 'stm'}${mode || (a.w && !a.l ? 'ia' : '')}${c.cond}\t${r(a.rn)}${a.w ? '!' : ''}, ${regList(a.list)}${hat}`;
  },
  b: (a, c) => `b${c.cond}\t${hex(c.addr + 8 + a.imm)}`,
  bl: (a, c) => `bl${c.cond}\t${hex(c.addr + 8 + a.imm)}`,
  blx_imm: (a, c) => `blx\t${hex(c.addr + 8 + a.imm + a.h * 2)}`,
  svc: (_a, c) => `svc${c.cond}\t0x${(c.insn & 0xffffff).toString(16).padStart(8, '0')}`,
  barrier: (_a, c) => {
    const op = ['', 'clrex', '', '', 'dsb', 'dmb', 'isb'][(c.insn >>> 4) & 15];
    if (op === 'clrex') return 'clrex';
    if (!op) return undefined;
    return `${op}\t${BARRIER[c.insn & 15] ?? `#${c.insn & 15}`}`;
  },
  pld: (_a, c) => {
    const rn = (c.insn >>> 16) & 15;
    if (c.insn & (1 << 25)) return undefined;
    return `pld${c.insn & (1 << 22) ? '' : 'w'}\t${memImm(rn, c.insn & 0xfff, !!(c.insn & (1 << 23)), 1, 0)}`;
  },
  mrc: (a, c) => `${a.l ? 'mrc' : 'mcr'}${c.cond}\t${a.cp}, ${a.opc1}, ${r(a.rt)}, cr${a.crn}, cr${a.crm}, {${a.opc2}}`,
  extend: (a, c) => {
    const name = ['sxtb16', '', 'sxtb', 'sxth', 'uxtb16', '', 'uxtb', 'uxth'][a.op];
    if (!name) return undefined;
    const rot = a.rot ? `, ror #${a.rot * 8}` : '';
    if (a.rn === 15) return `${name}${c.cond}\t${r(a.rd)}, ${r(a.rm)}${rot}`;
    return `${name.replace('xt', 'xta')}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}${rot}`;
  },
  sdiv: (a, c) => `sdiv${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`,
  udiv: (a, c) => `udiv${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`,
  sbfx: (a, c) => `sbfx${c.cond}\t${r(a.rd)}, ${r(a.rn)}, #${a.lsb}, #${a.w + 1}`,
  ubfx: (a, c) => `ubfx${c.cond}\t${r(a.rd)}, ${r(a.rn)}, #${a.lsb}, #${a.w + 1}`,
  bfi: (a, c) => (a.rn === 15 ? `bfc${c.cond}\t${r(a.rd)}, #${a.lsb}, #${a.w - a.lsb + 1}`
    : `bfi${c.cond}\t${r(a.rd)}, ${r(a.rn)}, #${a.lsb}, #${a.w - a.lsb + 1}`),
  ssat: (a, c) => `ssat${c.cond}\t${r(a.rd)}, #${a.sat + 1}, ${r(a.rn)}${satShift(a.sh, a.imm)}`,
  usat: (a, c) => `usat${c.cond}\t${r(a.rd)}, #${a.sat}, ${r(a.rn)}${satShift(a.sh, a.imm)}`,
  dspmul: (a, c) => {
    const xy = `${a.xy & 1 ? 't' : 'b'}`;
    const x = `${a.xy & 2 ? 't' : 'b'}`;
    switch (a.op) {
      case 0: return `smla${x}${xy}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}, ${r(a.ra)}`;
      case 1: return a.xy & 2 ? `smulw${xy}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`
        : `smlaw${xy}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}, ${r(a.ra)}`;
      case 2: return `smlal${x}${xy}${c.cond}\t${r(a.ra)}, ${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`;
      default: return `smul${x}${xy}${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`;
    }
  },
  qadd: (a, c) => `${['qadd', 'qsub', 'qdadd', 'qdsub'][a.op]}${c.cond}\t${r(a.rd)}, ${r(a.rm)}, ${r(a.rn)}`,
  pkh: (a, c) => (a.tb ? `pkhtb${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}, asr #${a.imm || 32}`
    : `pkhbt${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}${a.imm ? `, lsl #${a.imm}` : ''}`),
  sel: (a, c) => `sel${c.cond}\t${r(a.rd)}, ${r(a.rn)}, ${r(a.rm)}`,
};

function satShift(sh: number, n: number): string {
  if (!sh) return n ? `, lsl #${n}` : '';
  return `, asr #${n || 32}`;
}

function popcount(v: number): number {
  let n = 0;
  for (; v; v &= v - 1) n++;
  return n;
}

/** `[rn, -rm, lsl #2]!`-style addressing for a register offset */
function regAddr(rn: number, rm: number, u: number, p: number, w: number, shift: string): string {
  const m = `${u ? '' : '-'}${r(rm)}${shift}`;
  return p ? `[${r(rn)}, ${m}]${w ? '!' : ''}` : `[${r(rn)}], ${m}`;
}
