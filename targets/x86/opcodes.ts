/**
 * The x86 opcode maps as data (one-byte, 0F, 0F38, 0F3A) in the notation of the Intel SDM's
 * opcode tables (Vol. 2, Appendix A). An entry is `mnemonic operands[;flags]`:
 *
 *   E  ModRM r/m (register or memory)       G  ModRM reg, a general register
 *   M  ModRM r/m, memory only               R  ModRM r/m, register only
 *   I  immediate (Ibs: a byte sign-extended to the operand size)
 *   J  relative branch target               O  absolute address (moffs)
 *   Z  register in the opcode's low 3 bits  X, Y  string source %ds:(%rsi), destination %es:(%rdi)
 *   S  segment register in ModRM reg        V, U, W  xmm register in reg; in r/m; xmm or memory
 *   P, N, Q  MMX register in reg; in r/m; MMX register or memory
 *   AL, rAX, CL, DX, 1                      fixed operands (rAX: of the operand size)
 *   size suffixes: b 8, w 16, d 32, q 64, v the operand size (16/32/64), z 16 or 32,
 *   y 32 or 64 (REX.W), x 128 (xmm), dq 128 (memory), ss/sd a scalar single/double
 *
 *   flags: d64 the operand size defaults to 64 in long mode (push, pop, near branches);
 *          f64 it is always 64; i64 invalid in long mode; o64 long mode only
 *
 * A mnemonic `@name` sends the decoder to group `name` of GROUPS, indexed by ModRM.reg (an
 * entry `[mem, reg]` picks by whether ModRM is memory or a register; a reg-form list picks by
 * ModRM.rm). An object entry picks by the mandatory prefix (none, 66, F3, F2) as SSE does.
 * Empty entries are undefined opcodes (#UD). Mnemonics are objdump's (AT&T) base names;
 * `disasm.ts` adds the size suffixes objdump prints.
 */

export type Entry = string | PrefixEntry | undefined;
/** by mandatory prefix: '' none, '66', 'F3', 'F2' */
export interface PrefixEntry { ''?: string; '66'?: string; F3?: string; F2?: string }
/** eight entries by ModRM.reg; an entry may be [memory form, register form (string, or 8 by rm)] */
export type GroupEntry = string | undefined | [string | undefined, string | undefined | PrefixEntry | Array<string | undefined>] | PrefixEntry;

const ALU = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'];
const CC = ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'];

function oneByte(): Entry[] {
  const m: Entry[] = new Array(256).fill(undefined);
  ALU.forEach((op, i) => {
    const b = i * 8;
    m[b] = `${op} Eb,Gb`; m[b + 1] = `${op} Ev,Gv`; m[b + 2] = `${op} Gb,Eb`; m[b + 3] = `${op} Gv,Ev`;
    m[b + 4] = `${op} AL,Ib`; m[b + 5] = `${op} rAX,Iz`;
  });
  // 0x26 0x2e 0x36 0x3e (segments), 0x0f (escape): handled by the decoder
  for (let r = 0; r < 8; r++) {
    m[0x50 + r] = 'push Zv;d64';
    m[0x58 + r] = 'pop Zv;d64';
    m[0x90 + r] = r === 0 ? 'nop' : 'xchg Zv,rAX';
    m[0xb0 + r] = 'mov Zb,Ib';
    m[0xb8 + r] = 'mov Zv,Iv';
  }
  m[0x63] = 'movslq Gv,Ed';
  m[0x68] = 'push Iz;d64'; m[0x69] = 'imul Gv,Ev,Iz'; m[0x6a] = 'push Ibs;d64'; m[0x6b] = 'imul Gv,Ev,Ibs';
  CC.forEach((c, i) => { m[0x70 + i] = `j${c} Jb;f64`; });
  m[0x80] = '@grp1 Eb,Ib'; m[0x81] = '@grp1 Ev,Iz'; m[0x83] = '@grp1 Ev,Ibs';
  m[0x84] = 'test Eb,Gb'; m[0x85] = 'test Ev,Gv'; m[0x86] = 'xchg Eb,Gb'; m[0x87] = 'xchg Ev,Gv';
  m[0x88] = 'mov Eb,Gb'; m[0x89] = 'mov Ev,Gv'; m[0x8a] = 'mov Gb,Eb'; m[0x8b] = 'mov Gv,Ev';
  m[0x8c] = 'mov Ev,Sw'; m[0x8d] = 'lea Gv,M'; m[0x8e] = 'mov Sw,Ew'; m[0x8f] = '@grp1a';
  m[0x98] = 'cbw'; m[0x99] = 'cwd';
  m[0x9b] = 'fwait'; m[0x9c] = 'pushf;d64'; m[0x9d] = 'popf;d64'; m[0x9e] = 'sahf'; m[0x9f] = 'lahf';
  m[0xa0] = 'mov AL,Ob'; m[0xa1] = 'mov rAX,Ov'; m[0xa2] = 'mov Ob,AL'; m[0xa3] = 'mov Ov,rAX';
  m[0xa4] = 'movs Yb,Xb'; m[0xa5] = 'movs Yv,Xv'; m[0xa6] = 'cmps Xb,Yb'; m[0xa7] = 'cmps Xv,Yv';
  m[0xa8] = 'test AL,Ib'; m[0xa9] = 'test rAX,Iz';
  m[0xaa] = 'stos Yb,AL'; m[0xab] = 'stos Yv,rAX'; m[0xac] = 'lods AL,Xb'; m[0xad] = 'lods rAX,Xv';
  m[0xae] = 'scas AL,Yb'; m[0xaf] = 'scas rAX,Yv';
  m[0xc0] = '@grp2 Eb,Ib'; m[0xc1] = '@grp2 Ev,Ib';
  m[0xc2] = 'ret Iw;f64'; m[0xc3] = 'ret;f64';
  m[0xc6] = '@grp11b'; m[0xc7] = '@grp11v';
  m[0xc8] = 'enter Iw,Ib;d64'; m[0xc9] = 'leave;d64';
  m[0xcc] = 'int3'; m[0xcd] = 'int Ib';
  m[0xd0] = '@grp2 Eb,1'; m[0xd1] = '@grp2 Ev,1'; m[0xd2] = '@grp2 Eb,CL'; m[0xd3] = '@grp2 Ev,CL';
  for (let i = 0; i < 8; i++) m[0xd8 + i] = `@x87_${i}`;
  m[0xe3] = 'jrcxz Jb;f64';
  m[0xe8] = 'call Jz;f64'; m[0xe9] = 'jmp Jz;f64'; m[0xeb] = 'jmp Jb;f64';
  m[0xf4] = 'hlt'; m[0xf5] = 'cmc'; m[0xf6] = '@grp3b'; m[0xf7] = '@grp3v';
  m[0xf8] = 'clc'; m[0xf9] = 'stc'; m[0xfa] = 'cli'; m[0xfb] = 'sti'; m[0xfc] = 'cld'; m[0xfd] = 'std';
  m[0xfe] = '@grp4'; m[0xff] = '@grp5';
  return m;
}

/** the i386-only one-byte opcodes (long mode reuses or drops them) */
export const ONE_BYTE_32: Record<number, string> = {
  0x06: 'push ES', 0x07: 'pop ES', 0x0e: 'push CS', 0x16: 'push SS', 0x17: 'pop SS', 0x1e: 'push DS', 0x1f: 'pop DS',
  0x27: 'daa', 0x2f: 'das', 0x37: 'aaa', 0x3f: 'aas',
  0x40: 'inc Zv', 0x41: 'inc Zv', 0x42: 'inc Zv', 0x43: 'inc Zv', 0x44: 'inc Zv', 0x45: 'inc Zv', 0x46: 'inc Zv', 0x47: 'inc Zv',
  0x48: 'dec Zv', 0x49: 'dec Zv', 0x4a: 'dec Zv', 0x4b: 'dec Zv', 0x4c: 'dec Zv', 0x4d: 'dec Zv', 0x4e: 'dec Zv', 0x4f: 'dec Zv',
  0x60: 'pusha', 0x61: 'popa', 0x63: 'arpl Ew,Gw',
};

function twoByte(): Entry[] {
  const m: Entry[] = new Array(256).fill(undefined);
  m[0x01] = '@grp7'; m[0x05] = 'syscall;o64'; m[0x0b] = 'ud2'; m[0x0d] = '@prefetchw';
  m[0x10] = { '': 'movups Vx,Wx', 66: 'movupd Vx,Wx', F3: 'movss Vx,Wss', F2: 'movsd Vx,Wsd' };
  m[0x11] = { '': 'movups Wx,Vx', 66: 'movupd Wx,Vx', F3: 'movss Wss,Vx', F2: 'movsd Wsd,Vx' };
  m[0x12] = { '': 'movlps Vx,Mq', 66: 'movlpd Vx,Mq', F3: 'movsldup Vx,Wx', F2: 'movddup Vx,Wsd' };
  m[0x13] = { '': 'movlps Mq,Vx', 66: 'movlpd Mq,Vx' };
  m[0x14] = { '': 'unpcklps Vx,Wx', 66: 'unpcklpd Vx,Wx' };
  m[0x15] = { '': 'unpckhps Vx,Wx', 66: 'unpckhpd Vx,Wx' };
  m[0x16] = { '': 'movhps Vx,Mq', 66: 'movhpd Vx,Mq', F3: 'movshdup Vx,Wx' };
  m[0x17] = { '': 'movhps Mq,Vx', 66: 'movhpd Mq,Vx' };
  m[0x18] = '@grp16';
  m[0x1e] = { '': 'nop Ev', 66: 'nop Ev', F3: '@endbr', F2: 'nop Ev' };
  m[0x19] = 'nop Ev'; m[0x1a] = 'nop Ev'; m[0x1b] = 'nop Ev'; m[0x1c] = 'nop Ev'; m[0x1d] = 'nop Ev'; m[0x1f] = 'nop Ev';
  m[0x28] = { '': 'movaps Vx,Wx', 66: 'movapd Vx,Wx' };
  m[0x29] = { '': 'movaps Wx,Vx', 66: 'movapd Wx,Vx' };
  m[0x2a] = { '': 'cvtpi2ps Vx,Qq', 66: 'cvtpi2pd Vx,Qq', F3: 'cvtsi2ss Vx,Ey', F2: 'cvtsi2sd Vx,Ey' };
  m[0x2b] = { '': 'movntps Mx,Vx', 66: 'movntpd Mx,Vx' };
  m[0x2c] = { F3: 'cvttss2si Gy,Wss', F2: 'cvttsd2si Gy,Wsd' };
  m[0x2d] = { F3: 'cvtss2si Gy,Wss', F2: 'cvtsd2si Gy,Wsd' };
  m[0x2e] = { '': 'ucomiss Vx,Wss', 66: 'ucomisd Vx,Wsd' };
  m[0x2f] = { '': 'comiss Vx,Wss', 66: 'comisd Vx,Wsd' };
  m[0x31] = 'rdtsc';
  m[0x38] = '@0f38'; m[0x3a] = '@0f3a';
  CC.forEach((c, i) => { m[0x40 + i] = `cmov${c} Gv,Ev`; });
  m[0x50] = { '': 'movmskps Gd,Ux', 66: 'movmskpd Gd,Ux' };
  const sse = (op: number, name: string, sd = true, ps = true) => {
    m[op] = { ...(ps ? { '': `${name}ps Vx,Wx`, 66: `${name}pd Vx,Wx` } : {}), ...(sd ? { F3: `${name}ss Vx,Wss`, F2: `${name}sd Vx,Wsd` } : {}) };
  };
  sse(0x51, 'sqrt');
  m[0x52] = { '': 'rsqrtps Vx,Wx', F3: 'rsqrtss Vx,Wss' };
  m[0x53] = { '': 'rcpps Vx,Wx', F3: 'rcpss Vx,Wss' };
  sse(0x54, 'and', false); sse(0x55, 'andn', false); sse(0x56, 'or', false); sse(0x57, 'xor', false);
  sse(0x58, 'add'); sse(0x59, 'mul');
  m[0x5a] = { '': 'cvtps2pd Vx,Wsd', 66: 'cvtpd2ps Vx,Wx', F3: 'cvtss2sd Vx,Wss', F2: 'cvtsd2ss Vx,Wsd' };
  m[0x5b] = { '': 'cvtdq2ps Vx,Wx', 66: 'cvtps2dq Vx,Wx', F3: 'cvttps2dq Vx,Wx' };
  sse(0x5c, 'sub'); sse(0x5d, 'min'); sse(0x5e, 'div'); sse(0x5f, 'max');
  // MMX forms (no prefix) for the integer operations that have one
  const NO_MMX = new Set(['punpcklqdq', 'punpckhqdq']);
  const pint = (op: number, name: string, w = 'Wx') => {
    m[op] = { 66: `${name} Vx,${w}`, ...(NO_MMX.has(name) ? {} : { '': `${name} Pq,Qq` }) };
  };
  const PINT: Record<number, string> = {
    0x60: 'punpcklbw', 0x61: 'punpcklwd', 0x62: 'punpckldq', 0x63: 'packsswb', 0x64: 'pcmpgtb', 0x65: 'pcmpgtw',
    0x66: 'pcmpgtd', 0x67: 'packuswb', 0x68: 'punpckhbw', 0x69: 'punpckhwd', 0x6a: 'punpckhdq', 0x6b: 'packssdw',
    0x6c: 'punpcklqdq', 0x6d: 'punpckhqdq', 0x74: 'pcmpeqb', 0x75: 'pcmpeqw', 0x76: 'pcmpeqd',
    0xd1: 'psrlw', 0xd2: 'psrld', 0xd3: 'psrlq', 0xd4: 'paddq', 0xd5: 'pmullw', 0xd8: 'psubusb', 0xd9: 'psubusw',
    0xda: 'pminub', 0xdb: 'pand', 0xdc: 'paddusb', 0xdd: 'paddusw', 0xde: 'pmaxub', 0xdf: 'pandn',
    0xe0: 'pavgb', 0xe1: 'psraw', 0xe2: 'psrad', 0xe3: 'pavgw', 0xe4: 'pmulhuw', 0xe5: 'pmulhw',
    0xe8: 'psubsb', 0xe9: 'psubsw', 0xea: 'pminsw', 0xeb: 'por', 0xec: 'paddsb', 0xed: 'paddsw', 0xee: 'pmaxsw', 0xef: 'pxor',
    0xf1: 'psllw', 0xf2: 'pslld', 0xf3: 'psllq', 0xf4: 'pmuludq', 0xf5: 'pmaddwd', 0xf6: 'psadbw',
    0xf8: 'psubb', 0xf9: 'psubw', 0xfa: 'psubd', 0xfb: 'psubq', 0xfc: 'paddb', 0xfd: 'paddw', 0xfe: 'paddd',
  };
  for (const [op, name] of Object.entries(PINT)) pint(Number(op), name);
  m[0x6e] = { '': 'movK Pq,Ey', 66: 'movK Vx,Ey' };
  m[0x6f] = { '': 'movq Pq,Qq', 66: 'movdqa Vx,Wx', F3: 'movdqu Vx,Wx' };
  m[0x70] = { '': 'pshufw Pq,Qq,Ib', 66: 'pshufd Vx,Wx,Ib', F3: 'pshufhw Vx,Wx,Ib', F2: 'pshuflw Vx,Wx,Ib' };
  m[0x71] = '@grp12'; m[0x72] = '@grp13'; m[0x73] = '@grp14';
  m[0x77] = 'emms';
  m[0x7c] = { 66: 'haddpd Vx,Wx', F2: 'haddps Vx,Wx' };
  m[0x7e] = { '': 'movK Ey,Pq', 66: 'movK Ey,Vx', F3: 'movq Vx,Wsd' };
  m[0x7f] = { '': 'movq Qq,Pq', 66: 'movdqa Wx,Vx', F3: 'movdqu Wx,Vx' };
  CC.forEach((c, i) => { m[0x80 + i] = `j${c} Jz;f64`; m[0x90 + i] = `set${c} Eb`; });
  m[0xa0] = 'push FS;d64'; m[0xa1] = 'pop FS;d64'; m[0xa2] = 'cpuid'; m[0xa3] = 'bt Ev,Gv';
  m[0xa4] = 'shld Ev,Gv,Ib'; m[0xa5] = 'shld Ev,Gv,CL';
  m[0xa8] = 'push GS;d64'; m[0xa9] = 'pop GS;d64'; m[0xab] = 'bts Ev,Gv';
  m[0xac] = 'shrd Ev,Gv,Ib'; m[0xad] = 'shrd Ev,Gv,CL'; m[0xae] = '@grp15'; m[0xaf] = 'imul Gv,Ev';
  m[0xb0] = 'cmpxchg Eb,Gb'; m[0xb1] = 'cmpxchg Ev,Gv'; m[0xb3] = 'btr Ev,Gv';
  m[0xb6] = 'movzb Gv,Eb'; m[0xb7] = 'movzw Gv,Ew';
  m[0xb8] = { F3: 'popcnt Gv,Ev' };
  m[0xba] = '@grp8'; m[0xbb] = 'btc Ev,Gv';
  m[0xbc] = { '': 'bsf Gv,Ev', 66: 'bsf Gv,Ev', F3: 'tzcnt Gv,Ev' };
  m[0xbd] = { '': 'bsr Gv,Ev', 66: 'bsr Gv,Ev', F3: 'lzcnt Gv,Ev' };
  m[0xbe] = 'movsb Gv,Eb'; m[0xbf] = 'movsw Gv,Ew';
  m[0xc0] = 'xadd Eb,Gb'; m[0xc1] = 'xadd Ev,Gv';
  m[0xc2] = { '': 'cmpps Vx,Wx,Ib', 66: 'cmppd Vx,Wx,Ib', F3: 'cmpss Vx,Wss,Ib', F2: 'cmpsd Vx,Wsd,Ib' };
  m[0xc3] = 'movnti My,Gy';
  m[0xc4] = { '': 'pinsrw Pq,Ed,Ib', 66: 'pinsrw Vx,Ed,Ib' };
  m[0xc5] = { '': 'pextrw Gd,Nq,Ib', 66: 'pextrw Gd,Ux,Ib' };
  m[0xc6] = { '': 'shufps Vx,Wx,Ib', 66: 'shufpd Vx,Wx,Ib' };
  m[0xc7] = '@grp9';
  for (let r = 0; r < 8; r++) m[0xc8 + r] = 'bswap Zy';
  m[0xd6] = { 66: 'movq Wsd,Vx' };
  m[0xd7] = { '': 'pmovmskb Gd,Nq', 66: 'pmovmskb Gd,Ux' };
  m[0xe6] = { 66: 'cvttpd2dq Vx,Wx', F3: 'cvtdq2pd Vx,Wsd', F2: 'cvtpd2dq Vx,Wx' };
  m[0xe7] = { '': 'movntq Mq,Pq', 66: 'movntdq Mx,Vx' };
  m[0xf0] = { F2: 'lddqu Vx,Mx' };
  m[0xf7] = { 66: 'maskmovdqu Vx,Ux' };
  return m;
}

function map0f38(): Entry[] {
  const m: Entry[] = new Array(256).fill(undefined);
  const P: Record<number, string> = {
    0x00: 'pshufb', 0x01: 'phaddw', 0x02: 'phaddd', 0x04: 'pmaddubsw', 0x08: 'psignb', 0x0b: 'pmulhrsw',
    0x17: 'ptest', 0x1c: 'pabsb', 0x1d: 'pabsw', 0x1e: 'pabsd',
    0x20: 'pmovsxbw', 0x23: 'pmovsxwd', 0x25: 'pmovsxdq', 0x29: 'pcmpeqq', 0x2b: 'packusdw',
    0x30: 'pmovzxbw', 0x31: 'pmovzxbd', 0x33: 'pmovzxwd', 0x35: 'pmovzxdq', 0x37: 'pcmpgtq',
    0x38: 'pminsb', 0x39: 'pminsd', 0x3a: 'pminuw', 0x3b: 'pminud', 0x3c: 'pmaxsb', 0x3d: 'pmaxsd', 0x3e: 'pmaxuw', 0x3f: 'pmaxud',
    0x40: 'pmulld',
  };
  for (const [op, name] of Object.entries(P)) m[Number(op)] = { 66: `${name} Vx,Wx` };
  m[0xf0] = { '': 'movbe Gv,Mv', F2: 'crc32b Gd,Eb' };
  m[0xf1] = { '': 'movbe Mv,Gv', F2: 'crc32 Gd,Ev' };
  return m;
}

function map0f3a(): Entry[] {
  const m: Entry[] = new Array(256).fill(undefined);
  m[0x0f] = { 66: 'palignr Vx,Wx,Ib' };
  m[0x0b] = { 66: 'roundsd Vx,Wsd,Ib' }; m[0x0a] = { 66: 'roundss Vx,Wss,Ib' };
  m[0x16] = { 66: 'pextrK Ey,Vx,Ib' }; m[0x22] = { 66: 'pinsrK Vx,Ey,Ib' };
  m[0x14] = { 66: 'pextrb Ed,Vx,Ib' }; m[0x20] = { 66: 'pinsrb Vx,Ed,Ib' };
  m[0x60] = { 66: 'pcmpestrm Vx,Wx,Ib' }; m[0x61] = { 66: 'pcmpestri Vx,Wx,Ib' };
  m[0x62] = { 66: 'pcmpistrm Vx,Wx,Ib' }; m[0x63] = { 66: 'pcmpistri Vx,Wx,Ib' };
  return m;
}

export const MAPS: Readonly<Record<'1' | '0f' | '0f38' | '0f3a', readonly Entry[]>> = {
  '1': oneByte(), '0f': twoByte(), '0f38': map0f38(), '0f3a': map0f3a(),
};


/** x87 (D8-DF): memory forms by ModRM.reg, register forms by reg (and rm where one reg holds several) */
const ARITH8 = ['add', 'mul', 'com', 'comp', 'sub', 'subr', 'div', 'divr'];
const byRm = (names: Array<string | undefined>) => names;
function x87Groups(): Record<string, GroupEntry[]> {
  const g = (mem: Array<string | undefined>, reg: Array<string | undefined | Array<string | undefined>>): GroupEntry[] =>
    mem.map((m, r) => [m, reg[r]] as GroupEntry);
  return {
    x87_0: g(ARITH8.map((n) => `f${n}s Md`), ARITH8.map((n) => (n.startsWith('com') ? `f${n} STi` : `f${n} ST,STi`))),
    x87_1: g(['flds Md', undefined, 'fsts Md', 'fstps Md', 'fldenv M', 'fldcw Mw', 'fnstenv M', 'fnstcw Mw'], [
      'fld STi', 'fxch STi', byRm(['fnop']), undefined,
      byRm(['fchs', 'fabs', undefined, undefined, 'ftst', 'fxam']),
      byRm(['fld1', 'fldl2t', 'fldl2e', 'fldpi', 'fldlg2', 'fldln2', 'fldz']),
      byRm(['f2xm1', 'fyl2x', 'fptan', 'fpatan', 'fxtract', 'fprem1', 'fdecstp', 'fincstp']),
      byRm(['fprem', 'fyl2xp1', 'fsqrt', 'fsincos', 'frndint', 'fscale', 'fsin', 'fcos']),
    ]),
    x87_2: g(ARITH8.map((n) => `fi${n}l Md`), ['fcmovb ST,STi', 'fcmove ST,STi', 'fcmovbe ST,STi', 'fcmovu ST,STi', undefined, byRm([undefined, 'fucompp'])]),
    x87_3: g(['fildl Md', 'fisttpl Md', 'fistl Md', 'fistpl Md', undefined, 'fldt Mt', undefined, 'fstpt Mt'],
      ['fcmovnb ST,STi', 'fcmovne ST,STi', 'fcmovnbe ST,STi', 'fcmovnu ST,STi', byRm([undefined, undefined, 'fnclex', 'fninit']), 'fucomi ST,STi', 'fcomi ST,STi']),
    x87_4: g(ARITH8.map((n) => `f${n}l Mq`), ['fadd STi,ST', 'fmul STi,ST', undefined, undefined, 'fsub STi,ST', 'fsubr STi,ST', 'fdiv STi,ST', 'fdivr STi,ST']),
    x87_5: g(['fldl Mq', 'fisttpll Mq', 'fstl Mq', 'fstpl Mq', 'frstor M', undefined, 'fnsave M', 'fnstsw Mw'],
      ['ffree STi', undefined, 'fst STi', 'fstp STi', 'fucom STi', 'fucomp STi']),
    x87_6: g(ARITH8.map((n) => `fi${n}s Mw`), ['faddp STi,ST', 'fmulp STi,ST', undefined, byRm([undefined, 'fcompp']), 'fsubp STi,ST', 'fsubrp STi,ST', 'fdivp STi,ST', 'fdivrp STi,ST']),
    x87_7: g(['filds Mw', 'fisttps Mw', 'fists Mw', 'fistps Mw', 'fbld Mt', 'fildll Mq', 'fbstp Mt', 'fistpll Mq'],
      [undefined, undefined, undefined, undefined, byRm(['fnstsw AX']), 'fucomip ST,STi', 'fcomip ST,STi']),
  };
}

const NOP8 = (n: string) => Array.from({ length: 8 }, () => n) as string[];

export const GROUPS: Readonly<Record<string, readonly GroupEntry[]>> = {
  ...x87Groups(),
  grp1: ALU,
  grp1a: ['pop Ev;d64'],
  grp2: ['rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'shl', 'sar'],
  grp3b: ['test Eb,Ib', 'test Eb,Ib', 'not Eb', 'neg Eb', 'mul Eb', 'imul Eb', 'div Eb', 'idiv Eb'],
  grp3v: ['test Ev,Iz', 'test Ev,Iz', 'not Ev', 'neg Ev', 'mul Ev', 'imul Ev', 'div Ev', 'idiv Ev'],
  grp4: ['inc Eb', 'dec Eb'],
  grp5: ['inc Ev', 'dec Ev', 'call Ev;f64', undefined, 'jmp Ev;f64', undefined, 'push Ev;d64'],
  grp7: [undefined, undefined, [undefined, ['xgetbv', undefined, undefined, undefined, undefined, 'xend', 'xtest', undefined]]],
  grp8: [undefined, undefined, undefined, undefined, 'bt Ev,Ib', 'bts Ev,Ib', 'btr Ev,Ib', 'btc Ev,Ib'],
  grp9: [undefined, ['cmpxchg8b Mq', undefined], undefined, undefined, undefined, undefined, [undefined, 'rdrand Rv'], [undefined, 'rdseed Rv']],
  grp11b: ['mov Eb,Ib'],
  grp11v: ['mov Ev,Iz'],
  grp12: [undefined, undefined, { '': 'psrlw Nq,Ib', 66: 'psrlw Ux,Ib' }, undefined, { '': 'psraw Nq,Ib', 66: 'psraw Ux,Ib' }, undefined, { '': 'psllw Nq,Ib', 66: 'psllw Ux,Ib' }],
  grp13: [undefined, undefined, { '': 'psrld Nq,Ib', 66: 'psrld Ux,Ib' }, undefined, { '': 'psrad Nq,Ib', 66: 'psrad Ux,Ib' }, undefined, { '': 'pslld Nq,Ib', 66: 'pslld Ux,Ib' }],
  grp14: [undefined, undefined, { '': 'psrlq Nq,Ib', 66: 'psrlq Ux,Ib' }, { 66: 'psrldq Ux,Ib' }, undefined, undefined, { '': 'psllq Nq,Ib', 66: 'psllq Ux,Ib' }, { 66: 'pslldq Ux,Ib' }],
  grp15: [['fxsave M', undefined], ['fxrstor M', undefined], ['ldmxcsr Md', undefined], ['stmxcsr Md', undefined],
    ['xsave M', undefined], ['xrstor M', { '': 'lfence', F3: 'incsspK Ry' }], ['xsaveopt M', 'mfence'], ['clflush Mb', 'sfence']],
  grp16: [['prefetchnta Mb', 'nop Ev'], ['prefetcht0 Mb', 'nop Ev'], ['prefetcht1 Mb', 'nop Ev'], ['prefetcht2 Mb', 'nop Ev'],
    'nop Ev', 'nop Ev', 'nop Ev', 'nop Ev'],
  endbr: [undefined, [undefined, 'rdsspK Ry'], ...Array.from({ length: 6 }, () => '@endbr')],
  prefetchw: [['prefetch Mb', undefined], ['prefetchw Mb', undefined], ...NOP8('nop Ev').slice(2)],
};
