/**
 * AT&T syntax as GNU objdump prints it, from a decoded `Insn` (decode.ts): operands in
 * reverse order, `%` registers, `$` immediates (unsigned at the operand size), memory as
 * `seg:disp(base,index,scale)`, and a size suffix only where no register operand tells the
 * size (objdump's rule), plus the mnemonics objdump spells its own way (movzbl, cltq, movabs).
 */
import { RIP, SEG, type Insn, type Mem, type Operand } from './decode.js';

const R64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
const R32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d'];
const R16 = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di', 'r8w', 'r9w', 'r10w', 'r11w', 'r12w', 'r13w', 'r14w', 'r15w'];
const R8 = ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil', 'r8b', 'r9b', 'r10b', 'r11b', 'r12b', 'r13b', 'r14b', 'r15b'];
const R8H = ['ah', 'ch', 'dh', 'bh'];

export const GPR_NAMES = R64;

export function regName(size: number, reg: number, high = false): string {
  if (high) return R8H[reg];
  return (size === 8 ? R64 : size === 4 ? R32 : size === 2 ? R16 : R8)[reg];
}

const hex = (v: number | bigint) => `0x${v.toString(16)}`;
const sHex = (v: number) => (v < 0 ? `-0x${(-v).toString(16)}` : hex(v));
const SUFFIX: Record<number, string> = { 1: 'b', 2: 'w', 4: 'l', 8: 'q' };

function memText(m: Mem, insn: Insn, pc: number, wide: boolean, note: string[]): string {
  // long mode ignores es/cs/ss/ds overrides: objdump shows them as prefixes instead
  const seg = m.seg >= 0 && (!wide || m.seg >= 4) ? `%${SEG[m.seg]}:` : '';
  const rn = (r: number) => `%${(m.addr32 ? R32 : wide ? R64 : R32)[r]}`;
  if (m.base === RIP) {
    const target = (pc + insn.len + m.disp) >>> 0;
    note.push(`# ${target.toString(16)}`);
    return `${seg}${sHex(m.disp)}(%${m.addr32 ? 'eip' : 'rip'})`;
  }
  if (m.base < 0 && m.index < 0) return `${seg}${hex(wide && !m.addr32 ? BigInt.asUintN(64, BigInt(m.disp)) : m.disp >>> 0)}`;
  const mod = insn.modrm >> 6;
  const disp = m.base < 0 || mod === 1 || mod === 2 ? sHex(m.disp) : '';
  const idx = m.index >= 0 ? `,${rn(m.index)},${m.scale}` : '';
  return `${seg}${disp}(${m.base >= 0 ? rn(m.base) : ''}${idx})`;
}

function opText(o: Operand, insn: Insn, pc: number, wide: boolean, note: string[]): string {
  switch (o.k) {
    case 'reg': return `%${regName(o.size, o.reg, o.high)}`;
    case 'xmm': return `%xmm${o.reg}`;
    case 'mm': return `%mm${o.reg}`;
    case 'st': return o.fixed ? '%st' : `%st(${o.reg})`;
    case 'seg': return `%${SEG[o.reg]}`;
    case 'imm': return `$${hex(BigInt.asUintN(8 * o.size, o.imm))}`;
    case 'rel': return hex(o.target);
    case 'one': return '';
    case 'str': {
      const r = o.dst ? 'di' : 'si';
      return `%${SEG[o.seg]}:(%${insn.asize === 8 ? 'r' : 'e'}${r})`;
    }
    case 'mem': return memText(o.mem, insn, pc, wide, note);
  }
}

const SIZED_ALWAYS = new Set(['movs', 'cmps', 'stos', 'lods', 'scas']);
const NO_SUFFIX = new Set(['lea', 'call', 'jmp', 'push', 'pop', 'prefetcht0', 'prefetcht1', 'prefetcht2', 'prefetchnta', 'prefetchw', 'prefetch', 'clflush', 'fxsave', 'fxrstor', 'xsave', 'xrstor', 'ldmxcsr', 'stmxcsr', 'cmpxchg8b', 'cmpxchg16b', 'xsaveopt']);
const CBW: Record<string, Record<number, string>> = {
  cbw: { 2: 'cbtw', 4: 'cwtl', 8: 'cltq' },
  cwd: { 2: 'cwtd', 4: 'cltd', 8: 'cqto' },
};

/** objdump's text of a decoded instruction at pc (mnemonic and operands, one space between). */
export function disasmInsn(insn: Insn, pc: number, bits: 32 | 64 = 64): string {
  const wide = bits === 64;
  let m = insn.mnem;
  const ops = insn.ops;
  const pre: string[] = [];
  const note: string[] = [];
  // prefixes that did nothing: a second 66, es/cs/ss/ds in long mode
  const rexW = (insn.rex & 8) !== 0;
  let n66 = insn.prefixes.filter((p) => p === 0x66).length - (insn.opsizePrefix && !rexW ? 1 : 0) - (insn.mandatory === '66' ? 1 : 0);
  for (; n66 > 0; n66--) pre.push('data16');
  if (insn.prefixes.includes(0x67) && !ops.some((o) => o.k === 'mem' || o.k === 'str')) pre.push('addr32');
  const notrack = insn.map === '1' && insn.opcode === 0xff && insn.prefixes.includes(0x3e) && (m === 'call' || m === 'jmp');
  if (wide && insn.seg >= 0 && insn.seg < 4 && !notrack) pre.push(SEG[insn.seg]);
  if (insn.lock) pre.push('lock');
  if (insn.rep) {
    const cmpLike = m === 'cmps' || m === 'scas';
    pre.push(SIZED_ALWAYS.has(m) ? (insn.rep === 'F3' ? (cmpLike ? 'repz' : 'rep') : 'repnz') : insn.rep === 'F3' ? 'repz' : 'repnz');
  }
  const pred = ops[2]?.k === 'imm' && /^cmp(ps|pd|ss|sd)$/.test(m) ? Number(ops[2].imm) : -1;
  if (pred >= 0 && pred < 8) {
    m = `cmp${['eq', 'lt', 'le', 'unord', 'neq', 'nlt', 'nle', 'ord'][pred]}${m.slice(3)}`;
    return [...pre, m].join(' ') + ` ${opText(ops[1], insn, pc, wide, note)},${opText(ops[0], insn, pc, wide, note)}` + (note.length ? `        ${note.join(' ')}` : '');
  }
  if (m in CBW) return [...pre, CBW[m][insn.osize]].join(' ');
  if (m === 'xchg' && ops.length === 2 && ops[0].k === 'reg' && ops[1].k === 'reg' && insn.opcode === 0x90 && insn.map === '1') return 'nop';
  if (m === 'nop' && insn.map === '1') {
    return insn.rep === 'F3' ? 'pause' : insn.opsizePrefix ? 'xchg %ax,%ax' : 'nop';
  }
  // mnemonic spellings and suffixes
  const regOp = ops.some((o) => o.k === 'reg' && !(m === 'shl' || m === 'shr' || m === 'sar' || m === 'rol' || m === 'ror' || m === 'rcl' || m === 'rcr' || m.startsWith('sh')) ? true : o.k === 'reg' && o !== ops[ops.length - 1] ? false : o.k === 'reg');
  const memOp = ops.find((o) => o.k === 'mem');
  const sizeOp = ops[0];
  if (m === 'movzb' || m === 'movzw' || m === 'movsb' || m === 'movsw') m = `${m}${SUFFIX[ops[0].size]}`;
  else if (m === 'movslq') m = insn.osize === 8 ? 'movslq' : 'movsxd';
  else if (m === 'movs' || m === 'cmps') m += SUFFIX[ops.find((o) => o.k === 'str')!.size];
  else if (SIZED_ALWAYS.has(m)) { /* the register operand tells the size */ }
  else if (m === 'mov' && insn.map === '1' && insn.opcode >= 0xb8 && insn.opcode <= 0xbf && insn.osize === 8) m = 'movabs';
  else if (m === 'mov' && ops.some((o) => o.k === 'mem' && o.mem.base < 0 && o.mem.index < 0 && insn.modrm < 0) && bits === 64) m = 'movabs';
  else if ((m === 'cvtsi2sd' || m === 'cvtsi2ss') && ops[1].k === 'mem') m += SUFFIX[ops[1].size];
  else if (memOp && !ops.some((o) => o.k === 'reg' || o.k === 'xmm' || o.k === 'seg' || o.k === 'st' || o.k === 'mm') && !NO_SUFFIX.has(m) && !m.startsWith('set') && !(insn.map === '1' && insn.opcode >= 0xd8 && insn.opcode <= 0xdf) && ops.length > 0 && !isSse(m)) {
    m += SUFFIX[sizeOp.size] ?? '';
  } else if ((m === 'push' || m === 'pop' || m === 'call' || m === 'jmp') && memOp && bits === 32) {
    // objdump: pushl/popl on i386 memory operands
    if (m === 'push' || m === 'pop') m += 'l';
  }
  void regOp;
  if (insn.map === '1' && (insn.opcode === 0xff) && (m === 'call' || m === 'jmp')) {
    if (notrack) pre.push('notrack');
    const t = ops[0].k === 'reg' ? `*%${regName(bits === 64 ? 8 : 4, ops[0].reg)}` : `*${opText(ops[0], insn, pc, wide, note)}`;
    return `${[...pre, m].join(' ')} ${t}${note.length ? `        ${note.join(' ')}` : ''}`;
  }
  const shown = ops.filter((o) => o.k !== 'one');
  const text = shown.slice().reverse().map((o) => opText(o, insn, pc, wide, note)).join(',');
  return [...pre, m].join(' ') + (text ? ` ${text}` : '') + (note.length ? `        ${note.join(' ')}` : '');
}

function isSse(m: string): boolean {
  return /^(p|mov[a-z]*(ps|pd|ss|sd|dq[au]|q|d)$|cvt|ucomi|comi|add|sub|mul|div|min|max|sqrt|and|or|xor|unpck|shuf|cmp(ps|pd|ss|sd)|rcp|rsqrt|hadd|lddqu|round|maskmov|pmov)/.test(m)
    && !['add', 'sub', 'and', 'or', 'xor', 'mul', 'div', 'pop', 'push', 'popf', 'pushf'].includes(m);
}

/** -d in_asm line: address, bytes, text */
export function asmLine(pc: number, bytes: number[], text: string): string {
  const raw = bytes.map((x) => x.toString(16).padStart(2, '0')).join(' ');
  const tab = text.indexOf(' ');
  const pretty = tab < 0 ? text : text.slice(0, tab).padEnd(6) + ' ' + text.slice(tab + 1);
  return `0x${pc.toString(16)}: ${raw.padEnd(24)} ${pretty}`;
}
