/**
 * The x86 table walker: prefixes, REX, the opcode maps of opcodes.ts, ModRM/SIB/displacement
 * (RIP-relative in long mode) and immediates, into one `Insn` both the translator and the
 * disassembler read. Bytes come from a callback that answers -1 where they cannot be
 * fetched, so the caller learns exactly where an instruction becomes unreadable.
 */
import { GROUPS, MAPS, ONE_BYTE_32, type Entry, type GroupEntry } from './opcodes.js';

/** segment registers in encoding order */
export const SEG = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'] as const;
export const RIP = 16;

export interface Mem {
  /** base register (0-15), RIP, or -1 */
  base: number;
  /** index register or -1 */
  index: number;
  scale: number;
  disp: number;
  /** segment override (SEG index) or -1 */
  seg: number;
  /** 32-bit addressing (0x67 in long mode, or i386) */
  addr32: boolean;
}

export type Operand =
  /** a general register: size 1 with high = AH/CH/DH/BH */
  | { k: 'reg'; size: number; reg: number; high?: boolean }
  | { k: 'mem'; size: number; mem: Mem }
  | { k: 'imm'; size: number; imm: bigint }
  /** a branch target (absolute) */
  | { k: 'rel'; size: number; target: number }
  | { k: 'xmm'; size: number; reg: number }
  | { k: 'seg'; size: number; reg: number }
  /** string operand: %ds:(%rsi) (src) or %es:(%rdi) (dst) */
  | { k: 'str'; size: number; dst: boolean; seg: number }
  /** an MMX register */
  | { k: 'mm'; size: number; reg: number }
  /** an x87 stack register st(i) */
  | { k: 'st'; size: number; reg: number; fixed?: boolean }
  /** the constant 1 of shift-by-one, printed by nobody */
  | { k: 'one'; size: number };

export interface Insn {
  mnem: string;
  ops: Operand[];
  len: number;
  /** operand size in bytes (2, 4, 8) */
  osize: number;
  /** address size in bytes (4 or 8) */
  asize: number;
  /** F3 (rep/repe) or F2 (repne) when present (and not consumed as a mandatory prefix) */
  rep: '' | 'F3' | 'F2';
  lock: boolean;
  /** 0x66 present and not a mandatory prefix */
  opsizePrefix: boolean;
  rex: number;
  /** which map and opcode byte (for diagnostics) */
  map: string;
  opcode: number;
  /** segment override of the instruction (SEG index) or -1 */
  seg: number;
  /** the raw prefix bytes, in order */
  prefixes: number[];
  /** the ModRM byte or -1 */
  modrm: number;
  /** the mandatory prefix that selected an SSE entry ('', '66', 'F3', 'F2') */
  mandatory: string;
}

/** Why decoding stopped: a byte at `at` (offset from the start) could not be fetched, or #UD. */
export type DecodeFail = { fault: number } | { undefined: true; len: number };

const MAX_LEN = 15;

/** Decode one instruction at pc; `byte(a)` answers the byte at address a or -1. */
export function decode(byte: (a: number) => number, pc: number, bits: 32 | 64): Insn | DecodeFail {
  let p = 0;
  const next = (): number => {
    if (p >= MAX_LEN) throw UD;
    const v = byte((pc + p) >>> 0);
    if (v < 0) throw new FetchFault(p);
    p++;
    return v;
  };
  try {
    return decodeInner(next, () => p, pc, bits);
  } catch (e) {
    if (e instanceof FetchFault) return { fault: e.at };
    if (e === UD) return { undefined: true, len: Math.max(p, 1) };
    throw e;
  }
}

class FetchFault { constructor(readonly at: number) {} }
const UD = { ud: true };

function decodeInner(next: () => number, pos: () => number, pc: number, bits: 32 | 64): Insn {
  const long = bits === 64;
  const prefixes: number[] = [];
  let seg = -1, lock = false, rep: '' | 'F3' | 'F2' = '', p66 = false, p67 = false, rex = 0;
  let b: number;
  for (;;) {
    b = next();
    if (b === 0x66) p66 = true;
    else if (b === 0x67) p67 = true;
    else if (b === 0xf0) lock = true;
    else if (b === 0xf2 || b === 0xf3) rep = b === 0xf3 ? 'F3' : 'F2';
    else if (b === 0x26 || b === 0x2e || b === 0x36 || b === 0x3e) seg = (b >> 3) & 3;
    else if (b === 0x64 || b === 0x65) seg = b - 0x60;
    else break;
    prefixes.push(b);
    rex = 0; // a REX prefix counts only right before the opcode
  }
  if (long && (b & 0xf0) === 0x40) {
    rex = b;
    prefixes.push(b);
    b = next();
    if ((b & 0xf0) === 0x40 || b === 0x66 || b === 0x67 || b === 0xf0 || b === 0xf2 || b === 0xf3) throw UD;
  }
  const rexW = (rex & 8) !== 0, rexR = (rex & 4) ? 8 : 0, rexX = (rex & 2) ? 8 : 0, rexB = (rex & 1) ? 8 : 0;

  let map: '1' | '0f' | '0f38' | '0f3a' = '1';
  let op = b;
  if (b === 0x0f) {
    op = next();
    map = '0f';
    if (op === 0x38 || op === 0x3a) { map = op === 0x38 ? '0f38' : '0f3a'; op = next(); }
  }
  let entry: Entry = map === '1' && !long && op in ONE_BYTE_32 ? ONE_BYTE_32[op] : MAPS[map][op];
  if (map === '1' && long && (op & 0xf0) === 0x40) throw UD; // unreachable: REX consumed above

  // mandatory prefixes (SSE): the last of F2/F3, else 66
  let mandatory = '';
  if (entry !== undefined && typeof entry === 'object') {
    const e = entry as Record<string, string | undefined>;
    if (rep && e[rep] !== undefined) { mandatory = rep; entry = e[rep]; rep = ''; }
    // (an entry the same with and without 66 takes it as the operand-size prefix: bsf, bsr)
    else if (p66 && e['66'] !== undefined && e['66'] !== e['']) { mandatory = '66'; entry = e['66']; p66 = false; }
    else entry = e[''];
  }
  if (entry === undefined) throw UD;

  let [spec, flags = ''] = entry.split(';');
  let modrm = -1;
  const needModrm = () => { if (modrm < 0) modrm = next(); return modrm; };
  if (spec.startsWith('@')) {
    const sp = spec.indexOf(' ');
    const gname = sp < 0 ? spec.slice(1) : spec.slice(1, sp);
    const inherited = sp < 0 ? '' : spec.slice(sp + 1);
    const g = GROUPS[gname];
    if (!g) throw UD;
    const m = needModrm();
    let ge: GroupEntry = g[(m >> 3) & 7];
    if (Array.isArray(ge)) {
      const f = (m >> 6) === 3 ? ge[1] : ge[0];
      ge = Array.isArray(f) ? f[m & 7] : f;
    }
    if (ge !== undefined && typeof ge === 'object') {
      const e = ge as Record<string, string | undefined>;
      if (rep && e[rep] !== undefined) { ge = e[rep]; mandatory = rep; rep = ''; }
      else if (p66 && e['66'] !== undefined) { ge = e['66']; mandatory = '66'; p66 = false; }
      else ge = e[''];
    }
    if (ge === undefined) throw UD;
    const [gs, gf] = (ge as string).split(';');
    flags = gf ?? flags;
    if (gs.startsWith('@')) {
      // the F3 0F 1E group (endbr64/endbr32 among hint nops)
      spec = m === 0xfa ? 'endbr64' : m === 0xfb ? 'endbr32' : 'nop Ev';
    } else spec = gs.includes(' ') || !inherited ? gs : `${gs} ${inherited}`;
  }
  if (flags.includes('i64') && long) throw UD;
  if (flags.includes('o64') && !long) throw UD;

  if (map === '1' && op === 0x90 && rexB) spec = 'xchg Zv,rAX';
  if (map === '0f' && (op === 0x12 || op === 0x16) && !mandatory && needModrm() >> 6 === 3) spec = op === 0x12 ? 'movhlps Vx,Ux' : 'movlhps Vx,Ux';
  const sp = spec.indexOf(' ');
  let mnem = sp < 0 ? spec : spec.slice(0, sp);
  const specs = sp < 0 ? [] : spec.slice(sp + 1).split(',');

  const osize = long && (rexW || flags.includes('f64') || (flags.includes('d64') && !p66)) ? 8 : p66 ? 2 : 4;
  const asize = long ? (p67 ? 4 : 8) : 4;
  if (!long && p67) throw UD; // 16-bit addressing is not supported
  if (mnem.includes('K')) mnem = mnem.replace('K', rexW ? 'q' : 'd');
  if (mnem === 'cmpxchg8b' && rexW) mnem = 'cmpxchg16b';

  const sizeOf = (s: string): number => {
    switch (s) {
      case 'b': return 1;
      case 'w': return 2;
      case 'd': case 'ss': return 4;
      case 'q': case 'sd': return 8;
      case 'v': return osize;
      case 'z': return osize === 2 ? 2 : 4;
      case 'y': return long && rexW ? 8 : 4;
      case 'x': case 'dq': return 16;
      case 't': return 10;
      case '': return 0;
      default: throw new Error(`x86 opcode table: size ${s}`);
    }
  };

  let memOp: Mem | undefined;
  const rmMem = (): Mem => {
    if (memOp) return memOp;
    const m = needModrm();
    const mod = m >> 6, rm = m & 7;
    let base = -1, index = -1, scale = 1, disp = 0;
    if (rm === 4) {
      const sib = next();
      scale = 1 << (sib >> 6);
      const ix = ((sib >> 3) & 7) | rexX;
      index = ix === 4 ? -1 : ix;
      const bs = sib & 7;
      if (bs === 5 && mod === 0) { base = -1; disp = s32(next, 4); }
      else base = bs | rexB;
    } else if (rm === 5 && mod === 0) {
      disp = s32(next, 4);
      base = long ? RIP : -1;
    } else base = rm | rexB;
    if (mod === 1) disp = s32(next, 1);
    else if (mod === 2) disp = s32(next, 4);
    memOp = { base, index, scale, disp, seg, addr32: asize === 4 };
    return memOp;
  };
  const regOf = (n: number, size: number): Operand =>
    size === 1 && !rex && n >= 4 && n < 8 ? { k: 'reg', size, reg: n - 4, high: true } : { k: 'reg', size, reg: n, ...{} };

  const ops: Operand[] = [];
  for (const s of specs) {
    const c = s[0], sz = s.slice(1);
    switch (s) {
      case 'AL': ops.push({ k: 'reg', size: 1, reg: 0 }); continue;
      case 'rAX': ops.push({ k: 'reg', size: osize, reg: 0 }); continue;
      case 'CL': ops.push({ k: 'reg', size: 1, reg: 1 }); continue;
      case 'AX': ops.push({ k: 'reg', size: 2, reg: 0 }); continue;
      case 'ST': ops.push({ k: 'st', size: 10, reg: 0, fixed: true }); continue;
      case 'STi': ops.push({ k: 'st', size: 10, reg: needModrm() & 7 }); continue;
      case '1': ops.push({ k: 'one', size: 1 }); continue;
      case 'ES': case 'CS': case 'SS': case 'DS': case 'FS': case 'GS':
        ops.push({ k: 'seg', size: 2, reg: SEG.indexOf(s.toLowerCase() as typeof SEG[number]) }); continue;
      case 'M': ops.push({ k: 'mem', size: 0, mem: mustMem(needModrm(), rmMem) }); continue;
    }
    switch (c) {
      case 'E': {
        const m = needModrm();
        if (m >> 6 === 3) ops.push(regOf((m & 7) | rexB, sizeOf(sz)));
        else ops.push({ k: 'mem', size: sizeOf(sz), mem: rmMem() });
        break;
      }
      case 'M': ops.push({ k: 'mem', size: sizeOf(sz), mem: mustMem(needModrm(), rmMem) }); break;
      case 'R': {
        const m = needModrm();
        if (m >> 6 !== 3) throw UD;
        ops.push(regOf((m & 7) | rexB, sizeOf(sz)));
        break;
      }
      case 'G': ops.push(regOf(((needModrm() >> 3) & 7) | rexR, sizeOf(sz))); break;
      case 'Z': ops.push(regOf((op & 7) | rexB, sizeOf(sz))); break;
      case 'S': {
        const r = (needModrm() >> 3) & 7;
        if (r > 5) throw UD;
        ops.push({ k: 'seg', size: 2, reg: r });
        break;
      }
      case 'V': ops.push({ k: 'xmm', size: sizeOf(sz), reg: ((needModrm() >> 3) & 7) | rexR }); break;
      case 'U': {
        const m = needModrm();
        if (m >> 6 !== 3) throw UD;
        ops.push({ k: 'xmm', size: sizeOf(sz), reg: (m & 7) | rexB });
        break;
      }
      case 'W': {
        const m = needModrm();
        if (m >> 6 === 3) ops.push({ k: 'xmm', size: sizeOf(sz), reg: (m & 7) | rexB });
        else ops.push({ k: 'mem', size: sizeOf(sz), mem: rmMem() });
        break;
      }
      case 'I': {
        if (sz === 'bs') { ops.push({ k: 'imm', size: osize, imm: BigInt(s32(next, 1)) }); break; }
        if (sz === 'v' && osize === 8) { ops.push({ k: 'imm', size: 8, imm: s64(next) }); break; }
        const n = sz === 'v' ? osize : sizeOf(sz);
        const v = sz === 'b' || sz === 'w' ? u(next, n) : s32(next, n);
        const size = sz === 'z' ? osize : n;
        ops.push({ k: 'imm', size, imm: BigInt(v) });
        break;
      }
      case 'J': {
        ops.push({ k: 'rel', size: osize, target: s32(next, sz === 'b' ? 1 : 4) });
        break;
      }
      case 'O': {
        const a = asize === 8 ? Number(BigInt.asUintN(32, s64(next))) : u(next, 4);
        ops.push({ k: 'mem', size: sz === 'b' ? 1 : osize, mem: { base: -1, index: -1, scale: 1, disp: a | 0, seg, addr32: asize === 4 } });
        break;
      }
      case 'X': case 'Y':
        ops.push({ k: 'str', size: sizeOf(sz), dst: c === 'Y', seg: c === 'Y' ? 0 : seg < 0 ? 3 : seg });
        break;
      case 'P': ops.push({ k: 'mm', size: 8, reg: (needModrm() >> 3) & 7 }); break;
      case 'N': {
        const m = needModrm();
        if (m >> 6 !== 3) throw UD;
        ops.push({ k: 'mm', size: 8, reg: m & 7 });
        break;
      }
      case 'Q': {
        const m = needModrm();
        if (m >> 6 === 3) ops.push({ k: 'mm', size: 8, reg: m & 7 });
        else ops.push({ k: 'mem', size: 8, mem: rmMem() });
        break;
      }
      default: throw new Error(`x86 opcode table: operand ${s}`);
    }
  }
  const len = pos();
  for (const o of ops) if (o.k === 'rel') o.target = long ? (pc + len + o.target) >>> 0 : (pc + len + o.target) >>> 0;
  return { mnem, ops, len, osize, asize, rep, lock, opsizePrefix: p66, rex, map, opcode: op, seg, prefixes, modrm, mandatory };
}

function mustMem(m: number, rmMem: () => Mem): Mem {
  if (m >> 6 === 3) throw UD;
  return rmMem();
}

function u(next: () => number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v += next() * 2 ** (8 * i);
  return v;
}
function s32(next: () => number, n: number): number {
  const v = u(next, n);
  const bits = 8 * n;
  return bits === 32 ? v | 0 : v >= 2 ** (bits - 1) ? v - 2 ** bits : v;
}
function s64(next: () => number): bigint {
  const lo = u(next, 4), hi = u(next, 4);
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

/** A RIP-relative operand's absolute address (pc of the next instruction + disp). */
export function ripTarget(insn: Insn, pc: number, m: Mem): number {
  return (pc + insn.len + m.disp) >>> 0;
}
