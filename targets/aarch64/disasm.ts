/**
 * A small A64 disassembler for -d in_asm, in objdump's style for the base instruction set
 * (preferred aliases such as mov, cmp, tst, lsl, ubfx, cset, ret included); scalar FP in
 * disasm-fp.ts, common Advanced SIMD forms in disasm-simd.ts. Rarer forms print the encoding
 * class and the raw word. tests/targets/disasm.test.ts checks agreement with objdump.
 */
import type { Insn } from './decoder.generated.js';
import { bitmaskImm } from './ctx.js';
import { fpText } from './disasm-fp.js';
import { asmLine } from '../../src/core/log/log.js';
import { simdLdstMulti, simdText } from './disasm-simd.js';

const COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'];
const hex = (v: number | bigint) => '0x' + (typeof v === 'bigint' ? BigInt.asUintN(64, v) : v >>> 0).toString(16);
/** register name: sf 1 x/0 w; 31 is sp when `sp`, else xzr/wzr */
const R = (sf: number, r: number, sp = false) => (r === 31 ? (sp ? (sf ? 'sp' : 'wsp') : sf ? 'xzr' : 'wzr') : `${sf ? 'x' : 'w'}${r}`);
const BARRIER: Record<number, string> = {
  15: 'sy', 14: 'st', 13: 'ld', 11: 'ish', 10: 'ishst', 9: 'ishld', 7: 'nsh', 6: 'nshst', 5: 'nshld', 3: 'osh', 2: 'oshst', 1: 'oshld',
};
/** prfm operation: type (pld/pli/pst), target level, policy */
const prfop = (v: number) => (v >> 3 < 3 && ((v >> 1) & 3) < 3
  ? `${['pld', 'pli', 'pst'][v >> 3]}l${((v >> 1) & 3) + 1}${v & 1 ? 'strm' : 'keep'}` : `#0x${v.toString(16)}`);
const SHIFTS = ['lsl', 'lsr', 'asr', 'ror'];
const EXT = ['uxtb', 'uxth', 'uxtw', 'uxtx', 'sxtb', 'sxth', 'sxtw', 'sxtx'];

function mem(base: number, off: number, mode?: number): string {
  const b = R(1, base, true);
  if (mode === 1) return `[${b}], #${off}`;
  if (mode === 3) return `[${b}, #${off}]!`;
  return off ? `[${b}, #${off}]` : `[${b}]`;
}

function ldstName(size: number, v: number, opc: number): [string, (r: number) => string] | undefined {
  if (v) {
    const bytes = opc & 2 ? 16 : 1 << size;
    const p = { 1: 'b', 2: 'h', 4: 's', 8: 'd', 16: 'q' }[bytes]!;
    return [opc & 1 ? 'ldr' : 'str', (r) => `${p}${r}`];
  }
  const sfx = ['b', 'h', '', ''][size];
  if (opc === 0) return [`str${sfx}`, (r) => R(size === 3 ? 1 : 0, r)];
  if (opc === 1) return [`ldr${sfx}`, (r) => R(size === 3 ? 1 : 0, r)];
  if (size === 3) return opc === 2 ? ['prfm', prfop] : undefined;
  return [`ldrs${sfx || 'w'}`, (r) => R(opc === 2 ? 1 : 0, r)];
}

/** The -d in_asm line (qemu's layout) of the instruction `raw` at pc. */
export function disasmLine(insn: Insn | null, raw: number, pc: number): string {
  return asmLine(pc, raw.toString(16).padStart(8, '0'), disasm(insn, raw, pc));
}

export function disasm(insn: Insn | null, raw: number, pc: number): string {
  if (!insn) return `.inst\t${hex(raw)}`;
  const t = (pcrel: number) => hex(pc + pcrel);
  switch (insn.name) {
    case 'b': case 'bl': return `${insn.name}\t${t(insn.args.imm)}`;
    case 'b_cond': return `b.${COND[insn.args.cond]}\t${t(insn.args.imm)}`;
    case 'cbz': { const a = insn.args; return `${a.op ? 'cbnz' : 'cbz'}\t${R(a.sf, a.rt)}, ${t(a.imm)}`; }
    case 'tbz': { const a = insn.args; return `${a.op ? 'tbnz' : 'tbz'}\t${R(a.b5, a.rt)}, #${(a.b5 << 5) | a.b40}, ${t(a.imm)}`; }
    case 'br': case 'blr': return `${insn.name}\t${R(1, insn.args.rn)}`;
    case 'ret': return insn.args.rn === 30 ? 'ret' : `ret\t${R(1, insn.args.rn)}`;
    case 'svc': case 'brk': return `${insn.name}\t#${hex(insn.args.imm)}`;
    case 'hint': {
      const h = (raw >>> 5) & 0x7f;
      const names: Record<number, string> = { 0: 'nop', 1: 'yield', 7: 'xpaclri', 12: 'autia1716', 14: 'autib1716', 25: 'paciasp', 27: 'pacibsp', 29: 'autiasp', 31: 'autibsp', 32: 'bti', 34: 'bti\tc', 36: 'bti\tj', 38: 'bti\tjc' };
      return names[h] ?? `hint\t#${h}`;
    }
    case 'barrier': {
      const op = ['', '', 'clrex', '', 'dsb', 'dmb', 'isb', 'sb'][insn.args.op2];
      const crm = insn.args.crm;
      if (!op) break;
      if (op === 'clrex' || op === 'isb' || op === 'sb') return crm === 15 ? op : `${op}\t#0x${crm.toString(16)}`;
      return `${op}\t${BARRIER[crm] ?? `#0x${crm.toString(16)}`}`;
    }
    case 'adr': return `adr\t${R(1, insn.args.rd)}, ${t(insn.args.imm)}`;
    case 'adrp': return `adrp\t${R(1, insn.args.rd)}, ${hex((pc & ~0xfff) + insn.args.imm * 4096)}`;
    case 'sys': {
      const op = sysOp(raw);
      return op ? `${op}, ${R(1, raw & 31)}` : `sys\t#${(raw >>> 16) & 7}, C${(raw >>> 12) & 15}, C${(raw >>> 8) & 15}, #${(raw >>> 5) & 7}, ${R(1, raw & 31)}`;
    }
    case 'mrs': return `mrs\t${R(1, insn.args.rt)}, ${sysregName(insn.args.sysreg)}`;
    case 'msr': return `msr\t${sysregName(insn.args.sysreg)}, ${R(1, insn.args.rt)}`;
    case 'addsub_imm': {
      const a = insn.args;
      const imm = `#${hex(a.imm)}${a.sh ? ', lsl #12' : ''}`;
      if (a.s && a.rd === 31) return `${a.op ? 'cmp' : 'cmn'}\t${R(a.sf, a.rn, true)}, ${imm}`;
      if (!a.op && !a.s && a.imm === 0 && (a.rd === 31 || a.rn === 31)) return `mov\t${R(a.sf, a.rd, true)}, ${R(a.sf, a.rn, true)}`;
      return `${a.op ? 'sub' : 'add'}${a.s ? 's' : ''}\t${R(a.sf, a.rd, !a.s)}, ${R(a.sf, a.rn, true)}, ${imm}`;
    }
    case 'addsub_reg': {
      const a = insn.args;
      const sh = a.imm ? `, ${SHIFTS[a.shift]} #${a.imm}` : '';
      if (a.s && a.rd === 31) return `${a.op ? 'cmp' : 'cmn'}\t${R(a.sf, a.rn)}, ${R(a.sf, a.rm)}${sh}`;
      if (a.op && a.rn === 31) return `neg${a.s ? 's' : ''}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rm)}${sh}`;
      return `${a.op ? 'sub' : 'add'}${a.s ? 's' : ''}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rn)}, ${R(a.sf, a.rm)}${sh}`;
    }
    case 'addsub_ext': {
      const a = insn.args;
      const lslForm = (a.rd === 31 || a.rn === 31) && a.option === (a.sf ? 3 : 2);
      const ext = lslForm ? (a.imm ? `lsl #${a.imm}` : '') : `${EXT[a.option]}${a.imm ? ` #${a.imm}` : ''}`;
      const rm = R(a.sf && (a.option & 3) === 3 ? 1 : 0, a.rm) + (ext ? `, ${ext}` : '');
      if (a.s && a.rd === 31) return `${a.op ? 'cmp' : 'cmn'}\t${R(a.sf, a.rn, true)}, ${rm}`;
      return `${a.op ? 'sub' : 'add'}${a.s ? 's' : ''}\t${R(a.sf, a.rd, !a.s)}, ${R(a.sf, a.rn, true)}, ${rm}`;
    }
    case 'logic_imm': {
      const a = insn.args;
      const imm = bitmaskImm(a.sf, a.n, a.immr, a.imms);
      if (imm === undefined) break;
      const name = ['and', 'orr', 'eor', 'ands'][a.opc];
      if (a.opc === 3 && a.rd === 31) return `tst\t${R(a.sf, a.rn)}, #${hex(a.sf ? imm : BigInt.asUintN(32, imm))}`;
      if (a.opc === 1 && a.rn === 31) return `mov\t${R(a.sf, a.rd, true)}, #${hex(a.sf ? imm : BigInt.asUintN(32, imm))}`;
      return `${name}\t${R(a.sf, a.rd, a.opc !== 3)}, ${R(a.sf, a.rn)}, #${hex(a.sf ? imm : BigInt.asUintN(32, imm))}`;
    }
    case 'logic_reg': {
      const a = insn.args;
      const name = [['and', 'bic'], ['orr', 'orn'], ['eor', 'eon'], ['ands', 'bics']][a.opc][a.n];
      const sh = a.imm ? `, ${SHIFTS[a.shift]} #${a.imm}` : '';
      if (a.opc === 1 && a.rn === 31 && !sh) return `${a.n ? 'mvn' : 'mov'}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rm)}`;
      if (a.opc === 3 && !a.n && a.rd === 31) return `tst\t${R(a.sf, a.rn)}, ${R(a.sf, a.rm)}${sh}`;
      return `${name}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rn)}, ${R(a.sf, a.rm)}${sh}`;
    }
    case 'movw': {
      const a = insn.args;
      const name = ['movn', '', 'movz', 'movk'][a.opc];
      if (a.opc === 2 && (a.imm || !a.hw)) return `mov\t${R(a.sf, a.rd)}, #${hex(BigInt(a.imm) << BigInt(16 * a.hw))}`;
      if (a.opc === 0 && (a.imm || !a.hw) && !(a.sf === 0 && a.imm === 0xffff)) {
        const v = ~(BigInt(a.imm) << BigInt(16 * a.hw));
        return `mov\t${R(a.sf, a.rd)}, #${hex(a.sf ? v : BigInt.asUintN(32, v))}`;
      }
      return `${name}\t${R(a.sf, a.rd)}, #${hex(a.imm)}${a.hw ? `, lsl #${16 * a.hw}` : ''}`;
    }
    case 'bitfield': {
      const a = insn.args;
      const W = a.sf ? 64 : 32;
      const [rd, rn] = [R(a.sf, a.rd), R(a.sf, a.rn)];
      if (a.opc === 2 && a.imms === W - 1) return `lsr\t${rd}, ${rn}, #${a.immr}`;
      if (a.opc === 0 && a.imms === W - 1) return `asr\t${rd}, ${rn}, #${a.immr}`;
      if (a.opc === 2 && a.imms + 1 === a.immr) return `lsl\t${rd}, ${rn}, #${W - 1 - a.imms}`;
      if (a.immr === 0 && a.opc !== 1 && [7, 15, 31].includes(a.imms)) {
        return `${a.opc ? 'uxt' : 'sxt'}${{ 7: 'b', 15: 'h', 31: 'w' }[a.imms]}\t${rd}, ${R(0, a.rn)}`;
      }
      const names = [['sbfx', 'sbfiz'], ['bfxil', 'bfi'], ['ubfx', 'ubfiz']][a.opc];
      if (!names) break;
      return a.imms >= a.immr ? `${names[0]}\t${rd}, ${rn}, #${a.immr}, #${a.imms - a.immr + 1}`
        : `${names[1]}\t${rd}, ${rn}, #${W - a.immr}, #${a.imms + 1}`;
    }
    case 'extr': { const a = insn.args; return `${a.rn === a.rm ? 'ror' : 'extr'}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rn)}${a.rn === a.rm ? '' : `, ${R(a.sf, a.rm)}`}, #${a.imms}`; }
    case 'csel': {
      const a = insn.args;
      const name = [['csel', 'csinc'], ['csinv', 'csneg']][a.op][a.op2 & 1];
      if (a.rn === 31 && a.rm === 31 && a.op2 === 1 && !a.op) return `cset\t${R(a.sf, a.rd)}, ${COND[a.cond ^ 1]}`;
      if (a.rn === 31 && a.rm === 31 && a.op && !a.op2) return `csetm\t${R(a.sf, a.rd)}, ${COND[a.cond ^ 1]}`;
      if (a.rn === a.rm && a.rn !== 31 && a.cond < 14 && (a.op || a.op2)) {
        return `${['', 'cinc', 'cinv', 'cneg'][(a.op << 1) | a.op2]}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rn)}, ${COND[a.cond ^ 1]}`;
      }
      return `${name}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rn)}, ${R(a.sf, a.rm)}, ${COND[a.cond]}`;
    }
    case 'ccmp_reg': case 'ccmp_imm': {
      const a = insn.args;
      const op2 = insn.name === 'ccmp_imm' ? `#${hex(a.rm)}` : R(a.sf, a.rm);
      return `${a.op ? 'ccmp' : 'ccmn'}\t${R(a.sf, a.rn)}, ${op2}, #${hex(a.nzcv)}, ${COND[a.cond]}`;
    }
    case 'adc': {
      const a = insn.args;
      if (a.op && a.rn === 31) return `ngc${a.s ? 's' : ''}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rm)}`;
      return `${a.op ? 'sbc' : 'adc'}${a.s ? 's' : ''}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rn)}, ${R(a.sf, a.rm)}`;
    }
    case 'dp2': {
      const a = insn.args;
      const name = ({ 2: 'udiv', 3: 'sdiv', 8: 'lsl', 9: 'lsr', 10: 'asr', 11: 'ror' } as Record<number, string>)[a.opc];
      if (!name) break;
      return `${name}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rn)}, ${R(a.sf, a.rm)}`;
    }
    case 'dp1': {
      const a = insn.args;
      const name = ['rbit', 'rev16', a.sf ? 'rev32' : 'rev', 'rev', 'clz', 'cls'][a.opc];
      if (!name) break;
      return `${name}\t${R(a.sf, a.rd)}, ${R(a.sf, a.rn)}`;
    }
    case 'dp3': {
      const a = insn.args;
      const long = a.op31 === 1 || a.op31 === 5;
      if (a.op31 === 2 || a.op31 === 6) return `${a.op31 === 2 ? 'smulh' : 'umulh'}\t${R(1, a.rd)}, ${R(1, a.rn)}, ${R(1, a.rm)}`;
      const base = long ? `${a.op31 === 1 ? 's' : 'u'}m${a.o0 ? 'sub' : 'add'}l` : a.o0 ? 'msub' : 'madd';
      const src = (r: number) => R(long ? 0 : a.sf, r);
      if (a.ra === 31) {
        const short = long ? `${a.op31 === 1 ? 's' : 'u'}${a.o0 ? 'mneg' : 'mul'}l` : a.o0 ? 'mneg' : 'mul';
        return `${short}\t${R(a.sf, a.rd)}, ${src(a.rn)}, ${src(a.rm)}`;
      }
      return `${base}\t${R(a.sf, a.rd)}, ${src(a.rn)}, ${src(a.rm)}, ${R(a.sf, a.ra)}`;
    }
    case 'ldst_uimm': {
      const a = insn.args;
      const n = ldstName(a.size, a.v, a.opc);
      if (!n) break;
      const scale = a.v && a.opc & 2 ? 4 : a.size;
      return `${n[0]}\t${n[1](a.rt)}, ${mem(a.rn, a.imm << scale)}`;
    }
    case 'ldst_imm9': {
      const a = insn.args;
      const n = ldstName(a.size, a.v, a.opc);
      if (!n) break;
      const name = a.mode === 0 ? n[0].replace(/^(ld|st)r/, '$1ur') : a.mode === 2 ? n[0].replace(/^(ld|st)r/, '$1tr') : n[0];
      return `${name}\t${n[1](a.rt)}, ${mem(a.rn, a.imm, a.mode)}`;
    }
    case 'ldst_reg': {
      const a = insn.args;
      const n = ldstName(a.size, a.v, a.opc);
      if (!n) break;
      const scale = a.v && a.opc & 2 ? 4 : a.size;
      const ext = a.option === 3 ? (a.s ? `, lsl #${scale}` : '') : `, ${EXT[a.option]}${a.s ? ` #${scale}` : ''}`;
      return `${n[0]}\t${n[1](a.rt)}, [${R(1, a.rn, true)}, ${R(a.option & 1, a.rm)}${ext}]`;
    }
    case 'ldr_lit': {
      const a = insn.args;
      const reg = a.v ? `${['s', 'd', 'q'][a.opc] ?? '?'}${a.rt}` : R(a.opc === 0 ? 0 : 1, a.rt);
      return `${a.v ? 'ldr' : ['ldr', 'ldr', 'ldrsw', 'prfm'][a.opc]}\t${reg}, ${t(a.imm)}`;
    }
    case 'ldst_pair': {
      const a = insn.args;
      const reg = a.v ? (r: number) => `${['s', 'd', 'q'][a.opc]}${r}` : (r: number) => R(a.opc === 0 ? 0 : 1, r);
      const bytes = a.v ? 4 << a.opc : a.opc === 2 ? 8 : 4;
      const name = `${a.l ? 'ld' : 'st'}${a.mode === 0 ? 'n' : ''}p${!a.v && a.opc === 1 ? 'sw' : ''}`;
      return `${name}\t${reg(a.rt)}, ${reg(a.rt2)}, ${mem(a.rn, a.imm * bytes, a.mode)}`;
    }
    case 'excl': {
      const a = insn.args;
      const sfx = ['b', 'h', '', ''][a.size];
      const rt = R(a.size === 3 ? 1 : 0, a.rt);
      if (a.o2 && !a.o1) return `${a.l ? (a.o0 ? 'ldar' : 'ldlar') : a.o0 ? 'stlr' : 'stllr'}${sfx}\t${rt}, [${R(1, a.rn, true)}]`;
      if (a.o2) break;
      const pair = a.o1 ? `, ${R(a.size === 3 ? 1 : 0, a.rt2)}` : '';
      const base = `${a.l ? 'ld' : 'st'}${a.o0 ? (a.l ? 'a' : 'l') : ''}x${a.o1 ? 'p' : 'r'}${a.o1 ? '' : sfx}`;
      return a.l ? `${base}\t${rt}${pair}, [${R(1, a.rn, true)}]` : `${base}\t${R(0, a.rs)}, ${rt}${pair}, [${R(1, a.rn, true)}]`;
    }
    default:
      if (insn.name.startsWith('fp_')) return fpText(insn.name, raw) ?? `${insn.name}\t${hex(raw)}`;
      if (insn.name === 'simd') return simdText(raw) ?? `${insn.name}\t${hex(raw)}`;
      if (insn.name === 'simd_ldst_multi') return simdLdstMulti(raw) ?? `${insn.name}\t${hex(raw)}`;
      break;
  }
  // not covered: the pattern name with its fields (or the word, for groups decoded raw)
  const fields = Object.entries(insn.args as unknown as Record<string, number>).filter(([k]) => k !== 'insn').map(([k, v]) => `${k}=${v}`).join(', ');
  return `${insn.name}\t${fields || hex(raw)}`;
}

/** dc/ic operations of SYS by op1:CRn:CRm:op2 */
const SYS_OPS: Record<string, string> = {
  '3:7:4:1': 'dc\tzva', '0:7:6:1': 'dc\tivac', '0:7:6:2': 'dc\tisw', '3:7:10:1': 'dc\tcvac', '3:7:11:1': 'dc\tcvau',
  '3:7:12:1': 'dc\tcvap', '3:7:14:1': 'dc\tcivac', '3:7:5:1': 'ic\tivau',
};
function sysOp(raw: number): string | undefined {
  return SYS_OPS[`${(raw >>> 16) & 7}:${(raw >>> 12) & 15}:${(raw >>> 8) & 15}:${(raw >>> 5) & 7}`];
}

function sysregName(v: number): string {
  const names: Record<number, string> = {
    0x5e82: 'tpidr_el0', 0x5a10: 'nzcv', 0x5a20: 'fpcr', 0x5a21: 'fpsr', 0x5f02: 'cntvct_el0', 0x5f00: 'cntfrq_el0',
    0x5807: 'dczid_el0', 0x5801: 'ctr_el0', 0x4000: 'midr_el1', 0x5e83: 'tpidrro_el0',
  };
  return names[v] ?? `s${2 | (v >> 14)}_${(v >> 11) & 7}_c${(v >> 7) & 15}_c${(v >> 3) & 15}_${v & 7}`;
}
