/**
 * A small RV64GC disassembler for `-d in_asm`, working from the decoder's output.
 * Output follows GNU objdump's style: ABI register names, the usual aliases (li, mv, ret,
 * beqz, csrr, fmv.d ...), branch targets as absolute hex addresses, compressed instructions
 * shown as the base instruction they expand to. Like binutils 2.40 objdump, immediate-operand
 * ALU instructions print under the register form's name (addi -> add, slli -> sll ...), and
 * branch targets are 0x-prefixed; tests/targets/disasm.test.ts checks agreement with objdump.
 */
import type { Insn } from './decoder.generated.js';
import { asmLine } from '../../src/core/log/log.js';

export const XNAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];
export const FNAMES = [
  'ft0', 'ft1', 'ft2', 'ft3', 'ft4', 'ft5', 'ft6', 'ft7', 'fs0', 'fs1', 'fa0', 'fa1', 'fa2', 'fa3', 'fa4', 'fa5',
  'fa6', 'fa7', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7', 'fs8', 'fs9', 'fs10', 'fs11', 'ft8', 'ft9', 'ft10', 'ft11',
];
const RM = ['rne', 'rtz', 'rdn', 'rup', 'rmm', '5', '6', 'dyn'];
const CSRS: Record<number, string> = {
  0x1: 'fflags', 0x2: 'frm', 0x3: 'fcsr', 0xc00: 'cycle', 0xc01: 'time', 0xc02: 'instret',
  0x100: 'sstatus', 0x104: 'sie', 0x105: 'stvec', 0x106: 'scounteren', 0x140: 'sscratch', 0x141: 'sepc', 0x142: 'scause',
  0x143: 'stval', 0x144: 'sip', 0x180: 'satp', 0x300: 'mstatus', 0x301: 'misa', 0x302: 'medeleg', 0x303: 'mideleg',
  0x304: 'mie', 0x305: 'mtvec', 0x306: 'mcounteren', 0x340: 'mscratch', 0x341: 'mepc', 0x342: 'mcause', 0x343: 'mtval',
  0x344: 'mip', 0x3a0: 'pmpcfg0', 0x3b0: 'pmpaddr0', 0xf11: 'mvendorid', 0xf12: 'marchid', 0xf13: 'mimpid', 0xf14: 'mhartid',
};

const x = (r: number) => XNAMES[r];
const f = (r: number) => FNAMES[r];
const hex = (v: number) => '0x' + (v >>> 0).toString(16);
const csrName = (c: number) => CSRS[c] ?? hex(c);
const fenceSet = (v: number) => (v & 8 ? 'i' : '') + (v & 4 ? 'o' : '') + (v & 2 ? 'r' : '') + (v & 1 ? 'w' : '');

/** immediate forms objdump prints under the register form's name */
const IMM_ALIAS: Record<string, string> = {
  addi: 'add', andi: 'and', ori: 'or', xori: 'xor', addiw: 'addw',
  slli: 'sll', srli: 'srl', srai: 'sra', slliw: 'sllw', srliw: 'srlw', sraiw: 'sraw',
};

/** The -d in_asm line (qemu's layout) of the instruction `raw` (len bytes) at pc. */
export function disasmLine(insn: Insn | null, raw: number, pc: number, len: number): string {
  return asmLine(pc, raw.toString(16).padStart(len * 2, '0'), disasm(insn, raw, pc, len));
}

/** objdump's text ("mnemonic\toperands") for a decoded instruction at pc. */
export function disasm(insn: Insn | null, raw: number, pc: number, len: number): string {
  if (len === 2 && raw === 0) return 'unimp';
  if (!insn || insn.name === 'illegal') return `.insn\t${len}, ${hex(raw)}`;
  const a = insn.args as unknown as Record<string, number>;
  const n = insn.name;
  const mn = n.replace(/_/g, '.');
  const t = (s: string, ops?: string) => (ops === undefined ? s : `${s}\t${ops}`);
  const target = (imm: number) => hex(pc + imm);

  switch (n) {
    case 'lui': case 'auipc':
      return t(n, `${x(a.rd)},${hex(a.imm >>> 12)}`);
    case 'jal':
      if (a.rd === 0) return t('j', target(a.imm));
      if (a.rd === 1) return t('jal', target(a.imm));
      return t('jal', `${x(a.rd)},${target(a.imm)}`);
    case 'jalr':
      if (a.rd === 0 && a.rs1 === 1 && a.imm === 0) return 'ret';
      if (a.imm === 0 && (a.rd === 0 || a.rd === 1)) return t(a.rd ? 'jalr' : 'jr', x(a.rs1));
      if (a.rd === 1) return t('jalr', `${a.imm}(${x(a.rs1)})`);
      return t('jalr', `${x(a.rd)},${a.imm}(${x(a.rs1)})`);
    case 'beq': case 'bne': case 'blt': case 'bge': case 'bltu': case 'bgeu': {
      const tg = target(a.imm);
      if (a.rs2 === 0 && n !== 'bltu' && n !== 'bgeu') {
        return t({ beq: 'beqz', bne: 'bnez', blt: 'bltz', bge: 'bgez' }[n], `${x(a.rs1)},${tg}`);
      }
      if (a.rs1 === 0 && (n === 'blt' || n === 'bge')) return t(n === 'blt' ? 'bgtz' : 'blez', `${x(a.rs2)},${tg}`);
      return t(n, `${x(a.rs1)},${x(a.rs2)},${tg}`);
    }
    case 'lb': case 'lh': case 'lw': case 'ld': case 'lbu': case 'lhu': case 'lwu':
      return t(n, `${x(a.rd)},${a.imm}(${x(a.rs1)})`);
    case 'flw': case 'fld':
      return t(n, `${f(a.rd)},${a.imm}(${x(a.rs1)})`);
    case 'sb': case 'sh': case 'sw': case 'sd':
      return t(n, `${x(a.rs2)},${a.imm}(${x(a.rs1)})`);
    case 'fsw': case 'fsd':
      return t(n, `${f(a.rs2)},${a.imm}(${x(a.rs1)})`);
    case 'addi':
      if (a.rd === 0 && a.rs1 === 0 && a.imm === 0) return 'nop';
      if (a.rs1 === 0) return t('li', `${x(a.rd)},${a.imm}`);
      if (a.imm === 0) return t('mv', `${x(a.rd)},${x(a.rs1)}`);
      break;
    case 'addiw':
      if (a.imm === 0) return t('sext.w', `${x(a.rd)},${x(a.rs1)}`);
      break;
    case 'xori':
      if (a.imm === -1) return t('not', `${x(a.rd)},${x(a.rs1)}`);
      break;
    case 'sltiu':
      if (a.imm === 1) return t('seqz', `${x(a.rd)},${x(a.rs1)}`);
      break;
    case 'andi':
      if (a.imm === 255) return t('zext.b', `${x(a.rd)},${x(a.rs1)}`);
      break;
    case 'slli': case 'srli': case 'srai': case 'slliw': case 'srliw': case 'sraiw':
      return t(IMM_ALIAS[n], `${x(a.rd)},${x(a.rs1)},${hex(a.shamt)}`);
    case 'add':
      if (a.rs1 === 0) return t('mv', `${x(a.rd)},${x(a.rs2)}`);
      break;
    case 'sub': case 'subw':
      if (a.rs1 === 0) return t(n === 'sub' ? 'neg' : 'negw', `${x(a.rd)},${x(a.rs2)}`);
      break;
    case 'slt':
      if (a.rs2 === 0) return t('sltz', `${x(a.rd)},${x(a.rs1)}`);
      if (a.rs1 === 0) return t('sgtz', `${x(a.rd)},${x(a.rs2)}`);
      break;
    case 'sltu':
      if (a.rs1 === 0) return t('snez', `${x(a.rd)},${x(a.rs2)}`);
      break;
    case 'fence':
      if (a.fm === 8 && a.pred === 3 && a.succ === 3) return 'fence.tso';
      if (a.pred === 15 && a.succ === 15) return 'fence';
      return t('fence', `${fenceSet(a.pred)},${fenceSet(a.succ)}`);
    case 'fence_i': case 'ecall': case 'ebreak':
      return mn;
    case 'csrrw': case 'csrrs': case 'csrrc': case 'csrrwi': case 'csrrsi': case 'csrrci':
      return csrText(n, a.rd, a.rs1, a.csr);
    case 'lr_w': case 'lr_d':
      return t(mn + aqrl(a), `${x(a.rd)},(${x(a.rs1)})`);
    default:
      break;
  }
  if (n.startsWith('amo') || n.startsWith('sc_')) return t(mn + aqrl(a), `${x(a.rd)},${x(a.rs2)},(${x(a.rs1)})`);
  if (n.startsWith('f')) return fpText(n, mn, a);
  // plain register/immediate ALU forms (objdump names the immediate forms like the register ones)
  if ('imm' in a) return t(IMM_ALIAS[n] ?? mn, `${x(a.rd)},${x(a.rs1)},${a.imm}`);
  return t(mn, `${x(a.rd)},${x(a.rs1)},${x(a.rs2)}`);
}

function aqrl(a: Record<string, number>): string {
  return a.aq && a.rl ? '.aqrl' : a.aq ? '.aq' : a.rl ? '.rl' : '';
}

function csrText(n: string, rd: number, rs1: number, csr: number): string {
  const imm = n.endsWith('i');
  const src = imm ? String(rs1) : x(rs1);
  const fp: Record<number, string> = { 1: 'fsflags', 2: 'fsrm', 3: 'fscsr' };
  if ((n === 'csrrs' || n === 'csrrsi') && rs1 === 0) {
    const read: Record<number, string> = { 1: 'frflags', 2: 'frrm', 3: 'frcsr', 0xc00: 'rdcycle', 0xc01: 'rdtime', 0xc02: 'rdinstret' };
    return read[csr] ? `${read[csr]}\t${x(rd)}` : `csrr\t${x(rd)},${csrName(csr)}`;
  }
  if (n === 'csrrw' || n === 'csrrwi') {
    const alias = fp[csr] && (fp[csr] + (imm ? 'i' : ''));
    if (rd === 0) return alias ? `${alias}\t${src}` : `csrw\t${csrName(csr)},${src}`;
    if (alias) return `${alias}\t${x(rd)},${src}`;
  }
  if (rd === 0 && n !== 'csrrw' && n !== 'csrrwi') return `csr${n[4]}\t${csrName(csr)},${src}`;
  return `${imm ? n.slice(0, -1) : n}\t${x(rd)},${csrName(csr)},${src}`;
}

function fpText(n: string, mn: string, a: Record<string, number>): string {
  const parts = mn.split('.');
  const isX = (s: string) => s === 'w' || s === 'wu' || s === 'l' || s === 'lu';
  // destination and source register files
  let dX = false;
  let sX = false;
  if (parts[0] === 'fmv') {
    dX = parts[1] === 'x';
    sX = parts[2] === 'x';
  } else if (parts[0] === 'fcvt') {
    dX = isX(parts[1]);
    sX = isX(parts[2]);
  } else if (/^f(eq|lt|le|class)$/.test(parts[0])) {
    dX = true;
  }
  if ((parts[0] === 'fsgnj' || parts[0] === 'fsgnjn' || parts[0] === 'fsgnjx') && a.rs1 === a.rs2) {
    const alias = { fsgnj: 'fmv', fsgnjn: 'fneg', fsgnjx: 'fabs' }[parts[0]];
    return `${alias}.${parts[1]}\t${f(a.rd)},${f(a.rs1)}`;
  }
  const ops = [dX ? x(a.rd) : f(a.rd), sX ? x(a.rs1) : f(a.rs1)];
  if ('rs2' in a) ops.push(f(a.rs2));
  if ('rs3' in a) ops.push(f(a.rs3));
  if ('rm' in a) {
    // exact conversions: assemblers encode rne or dyn and objdump shows neither
    const exact = n === 'fcvt_d_s' || n === 'fcvt_d_w' || n === 'fcvt_d_wu';
    if (a.rm !== 7 && !(exact && a.rm === 0)) ops.push(RM[a.rm]);
  }
  return `${mn}\t${ops.join(',')}`;
}
