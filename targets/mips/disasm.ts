/**
 * MIPS disassembly for -d in_asm, in objdump's style (register names without '$', branch
 * targets as absolute addresses, nop/move/b/bal/li forms). Step toward objdump's exact text
 * (issue 11): the common integer forms agree; FPU formats print their operands generically.
 */
import { PATTERNS, type Insn } from './decoder.generated.js';

export const GPR_NAMES = [
  'zero', 'at', 'v0', 'v1', 'a0', 'a1', 'a2', 'a3', 't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7',
  's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 't8', 't9', 'k0', 'k1', 'gp', 'sp', 's8', 'ra',
];

const hex = (v: number) => `0x${(v >>> 0).toString(16)}`;
const FMT: Record<number, string> = { 16: 's', 17: 'd', 20: 'w', 21: 'l' };
const CONDS = ['f', 'un', 'eq', 'ueq', 'olt', 'ult', 'ole', 'ule', 'sf', 'ngle', 'seq', 'ngl', 'lt', 'nge', 'le', 'ngt'];
/** FP control registers by number, as objdump names them */
const FCR: Record<number, string> = { 0: 'c1_fir', 25: 'c1_fccr', 26: 'c1_fexr', 28: 'c1_fenr', 31: 'c1_fcsr' };

export function disasm(insn: Insn | null, raw: number, pc: number): string {
  if (!insn) return `.word\t${hex(raw)}`;
  const r = (n: number) => GPR_NAMES[n];
  const f = (n: number) => `$f${n}`;
  const a = insn.args as unknown as Record<string, number>;
  let name = PATTERNS[insn.pat];
  const rel = () => hex(pc + 4 + a.imm * 4);
  if (raw === 0) return 'nop';
  if (name.endsWith('_f')) name = `${name.slice(0, -2)}.${FMT[a.fmt] ?? a.fmt}`;
  else if (/^(round|trunc|ceil|floor|cvt)_/.test(name)) name = `${name.replace('_', '.')}.${FMT[a.fmt] ?? a.fmt}`;
  else if (/^n?m(add|sub)_/.test(name)) name = name.replace('_', '.');
  const fcc = (cc: number) => `$fcc${cc}`;
  switch (insn.name) {
    case 'subu':
      if (a.rs === 0) return `negu\t${r(a.rd)},${r(a.rt)}`;
      return `subu\t${r(a.rd)},${r(a.rs)},${r(a.rt)}`;
    case 'c_cond_f': {
      const n = `c.${CONDS[a.cond]}.${FMT[a.fmt] ?? a.fmt}`;
      return a.cc ? `${n}\t${fcc(a.cc)},${f(a.fs)},${f(a.ft)}` : `${n}\t${f(a.fs)},${f(a.ft)}`;
    }
    case 'movci': return `${a.tf ? 'movt' : 'movf'}\t${r(a.rd)},${r(a.rs)},${fcc(a.cc)}`;
    case 'movcf_f': return `${a.tf ? 'movt' : 'movf'}.${FMT[a.fmt] ?? a.fmt}\t${f(a.fd)},${f(a.fs)},${fcc(a.cc)}`;
    case 'pref': return `pref\t${hex(a.rt)},${a.imm}(${r(a.rs)})`;
    case 'addu': case 'or':
      if (a.rt === 0) return `move\t${r(a.rd)},${r(a.rs)}`;
      return `${name}\t${r(a.rd)},${r(a.rs)},${r(a.rt)}`;
    case 'sll': case 'srl': case 'sra': case 'rotr': case 'dsll': case 'dsrl': case 'dsra': case 'drotr':
      return `${name.replace('rotr', 'ror')}\t${r(a.rd)},${r(a.rt)},${hex(a.sa)}`;
    case 'sllv': case 'srlv': case 'srav': case 'rotrv': case 'dsllv': case 'dsrlv': case 'dsrav': case 'drotrv':
      return `${name.replace('rotr', 'ror')}\t${r(a.rd)},${r(a.rt)},${r(a.rs)}`;
    case 'addiu':
      if (a.rs === 0) return `li\t${r(a.rt)},${a.imm}`;
      return `${name}\t${r(a.rt)},${r(a.rs)},${a.imm}`;
    case 'ori': case 'andi': case 'xori':
      if (insn.name === 'ori' && a.rs === 0) return `li\t${r(a.rt)},${hex(a.imm)}`;
      return `${name}\t${r(a.rt)},${r(a.rs)},${hex(a.imm)}`;
    case 'addi': case 'slti': case 'sltiu': case 'daddi': case 'daddiu':
      return `${name}\t${r(a.rt)},${r(a.rs)},${a.imm}`;
    case 'lui': return `lui\t${r(a.rt)},${hex(a.imm)}`;
    case 'beq':
      if (a.rs === 0 && a.rt === 0) return `b\t${rel()}`;
      if (a.rt === 0) return `beqz\t${r(a.rs)},${rel()}`;
      return `beq\t${r(a.rs)},${r(a.rt)},${rel()}`;
    case 'bne':
      if (a.rt === 0) return `bnez\t${r(a.rs)},${rel()}`;
      return `bne\t${r(a.rs)},${r(a.rt)},${rel()}`;
    case 'beql': case 'bnel':
      return `${name}\t${r(a.rs)},${r(a.rt)},${rel()}`;
    case 'bgezal':
      if (a.rs === 0) return `bal\t${rel()}`;
      return `${name}\t${r(a.rs)},${rel()}`;
    case 'blez': case 'bgtz': case 'blezl': case 'bgtzl': case 'bltz': case 'bgez': case 'bltzl': case 'bgezl':
    case 'bltzal': case 'bltzall': case 'bgezall':
      return `${name}\t${r(a.rs)},${rel()}`;
    case 'j': case 'jal': return `${name}\t${hex(((pc + 4) & 0xf0000000) | a.target)}`;
    case 'jr': return `jr\t${r(a.rs)}`;
    case 'jalr': return a.rd === 31 ? `jalr\t${r(a.rs)}` : `jalr\t${r(a.rd)},${r(a.rs)}`;
    case 'mfhi': case 'mflo': return `${name}\t${r(a.rd)}`;
    case 'mthi': case 'mtlo': return `${name}\t${r(a.rs)}`;
    case 'mult': case 'multu': case 'dmult': case 'dmultu': case 'madd': case 'maddu': case 'msub': case 'msubu':
      return `${name}\t${r(a.rs)},${r(a.rt)}`;
    case 'div': case 'divu': case 'ddiv': case 'ddivu':
      return `${name}\tzero,${r(a.rs)},${r(a.rt)}`;
    case 'clz': case 'clo': case 'dclz': case 'dclo': return `${name}\t${r(a.rd)},${r(a.rs)}`;
    case 'wsbh': case 'seb': case 'seh': case 'dsbh': case 'dshd': return `${name}\t${r(a.rd)},${r(a.rt)}`;
    case 'ext': return `ext\t${r(a.rt)},${r(a.rs)},${hex(a.lsb)},${hex(a.msb + 1)}`;
    case 'ins': return `ins\t${r(a.rt)},${r(a.rs)},${hex(a.lsb)},${hex(a.msb - a.lsb + 1)}`;
    case 'teq': case 'tne': case 'tge': case 'tgeu': case 'tlt': case 'tltu':
      return a.code ? `${name}\t${r(a.rs)},${r(a.rt)},0x${a.code.toString(16)}` : `${name}\t${r(a.rs)},${r(a.rt)}`;
    case 'syscall': return a.code ? `syscall\t${hex(a.code)}` : 'syscall';
    case 'break': {
      const hi = a.code >>> 10, lo = a.code & 0x3ff;
      return lo ? `break\t${hex(hi)},${hex(lo)}` : hi ? `break\t${hex(hi)}` : 'break';
    }
    case 'sync': return 'sync';
    case 'rdhwr': return `rdhwr\t${r(a.rt)},$${a.rd}`;
    case 'mfc1': case 'mtc1': case 'mfhc1': case 'mthc1': case 'dmfc1': case 'dmtc1': return `${name}\t${r(a.rt)},${f(a.fs)}`;
    case 'cfc1': case 'ctc1': return `${name}\t${r(a.rt)},${FCR[a.fs] ?? `$${a.fs}`}`;
    case 'lwc1': case 'ldc1': case 'swc1': case 'sdc1': return `${name}\t${f(a.ft)},${a.imm}(${r(a.rs)})`;
    case 'bc1': case 'bc1l': return `${name}${a.cc ? `\t$fcc${a.cc},` : '\t'}${rel()}`;
  }
  if ('imm' in a && 'rs' in a && 'rt' in a && !('rd' in a) && /^[ls]/.test(name)) return `${name}\t${r(a.rt)},${a.imm}(${r(a.rs)})`;
  if ('rd' in a && 'rs' in a && 'rt' in a) return `${name}\t${r(a.rd)},${r(a.rs)},${r(a.rt)}`;
  if ('fd' in a && 'fs' in a && 'ft' in a) return `${name}\t${f(a.fd)},${f(a.fs)},${f(a.ft)}`;
  if ('fd' in a && 'fs' in a) return `${name}\t${f(a.fd)},${f(a.fs)}`;
  if ('fs' in a && 'ft' in a) return `${name}\t${f(a.fs)},${f(a.ft)}`;
  return name;
}
