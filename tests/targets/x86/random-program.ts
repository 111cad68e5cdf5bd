/**
 * Seeded random x86-64 instruction sequences for the differential test: an assembly program
 * (no libc) that, for each sequence, loads random register values and flags, runs the
 * sequence, and stores every general register and RFLAGS to a table it finally writes to
 * stdout. The generator tracks which flags each instruction leaves defined (the SDM's
 * "undefined" flags differ between CPUs), only emits flag readers (adc, setcc, cmovcc) when
 * what they read is defined, and reports the flags mask to compare per sequence.
 */

/** registers the sequences may use: r15 holds the table, rsp the stack */
const REGS64 = ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14'];
const R32: Record<string, string> = { rax: 'eax', rbx: 'ebx', rcx: 'ecx', rdx: 'edx', rsi: 'esi', rdi: 'edi', rbp: 'ebp' };
const R16: Record<string, string> = { rax: 'ax', rbx: 'bx', rcx: 'cx', rdx: 'dx', rsi: 'si', rdi: 'di', rbp: 'bp' };
const R8: Record<string, string> = { rax: 'al', rbx: 'bl', rcx: 'cl', rdx: 'dl', rsi: 'sil', rdi: 'dil', rbp: 'bpl' };
/** the order registers are saved in (the table's columns) */
export const SAVED = [...REGS64, 'rflags'];

const CF = 1, PF = 4, AF = 0x10, ZF = 0x40, SF = 0x80, OF = 0x800;
const ALL = CF | PF | AF | ZF | SF | OF;

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function name(r: string, size: number): string {
  if (size === 8) return `%${r}`;
  if (r.startsWith('r') && /\d/.test(r)) return `%${r}${size === 4 ? 'd' : size === 2 ? 'w' : 'b'}`;
  return `%${(size === 4 ? R32 : size === 2 ? R16 : R8)[r]}`;
}

export interface Sequence { lines: string[]; init: bigint[]; flagsIn: number; mask: number }

/** one random sequence of n instructions */
export function sequence(rnd: () => number, n: number): Sequence {
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const interesting = [0n, 1n, 2n, 0x7fn, 0x80n, 0xffn, 0x7fffn, 0x8000n, 0xffffn, 0x7fffffffn, 0x80000000n, 0xffffffffn,
    0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffffffffffffn];
  const rand64 = () => {
    const r = rnd();
    if (r < 0.3) return pick(interesting);
    if (r < 0.5) return BigInt(Math.floor(rnd() * 256));
    return (BigInt(Math.floor(rnd() * 2 ** 32)) << 32n) | BigInt(Math.floor(rnd() * 2 ** 32));
  };
  const init = REGS64.map(rand64);
  const flagsIn = Math.floor(rnd() * 0x1000) & ALL;
  let defined = ALL; // flags that are defined right now
  const lines: string[] = [];
  const size = () => pick([1, 2, 4, 8, 4, 8]);
  const imm = (s: number) => {
    const v = Number(BigInt.asIntN(Math.min(s, 4) * 8, rand64()));
    return s === 1 ? v & 0xff : s === 2 ? v & 0xffff : v;
  };
  const CONDS = ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'];
  const NEEDS = [OF, OF, CF, CF, ZF, ZF, CF | ZF, CF | ZF, SF, SF, PF, PF, SF | OF, SF | OF, ZF | SF | OF, ZF | SF | OF];
  while (lines.length < n) {
    const s = size();
    const a = pick(REGS64), b = pick(REGS64);
    const k = Math.floor(rnd() * 18);
    switch (k) {
      case 0: case 1: case 2: { // arithmetic with a register or an immediate
        const op = pick(['add', 'sub', 'cmp', 'and', 'or', 'xor', 'test', 'adc', 'sbb']);
        if ((op === 'adc' || op === 'sbb') && !(defined & CF)) continue;
        const src = rnd() < 0.5 ? name(b, s) : `$${imm(s)}`;
        if (op === 'test' && src.startsWith('$') === false) lines.push(`${op} ${src}, ${name(a, s)}`);
        else lines.push(`${op} ${src}, ${name(a, s)}`);
        defined = ['and', 'or', 'xor', 'test'].includes(op) ? ALL & ~AF : ALL;
        break;
      }
      case 3: {
        const op = pick(['inc', 'dec', 'neg', 'not']);
        lines.push(`${op} ${name(a, s)}`);
        if (op === 'neg') defined = ALL;
        else if (op !== 'not') defined = (defined & CF) | (ALL & ~CF);
        break;
      }
      case 4: case 5: { // shifts and rotates by an immediate below the width
        const op = pick(['shl', 'shr', 'sar', 'rol', 'ror']);
        const c = 1 + Math.floor(rnd() * (s * 8 - 1));
        lines.push(`${op} $${c}, ${name(a, s)}`);
        if (op.startsWith('ro')) defined = (defined & ~(CF | OF)) | CF | (c === 1 ? OF : 0);
        else defined = (ALL & ~(AF | OF)) | (c === 1 ? OF : 0);
        break;
      }
      case 6: { // shifts by %cl (its low bits decide)
        const op = pick(['shl', 'shr', 'sar']);
        if (a === 'rcx') continue;
        const c = 1 + Math.floor(rnd() * (s * 8 - 1));
        lines.push(`mov $${c}, %ecx`, `${op} %cl, ${name(a, s)}`);
        defined = (ALL & ~(AF | OF)) | (c === 1 ? OF : 0);
        break;
      }
      case 7: { // multiplies
        if (s === 1) continue;
        const form = Math.floor(rnd() * 3);
        if (form === 0) lines.push(`imul ${name(b, s)}, ${name(a, s)}`);
        else if (form === 1) lines.push(`imul $${imm(s === 2 ? 2 : 4)}, ${name(b, s)}, ${name(a, s)}`);
        else lines.push(`${pick(['mul', 'imul'])} ${name(b, s)}`);
        defined = CF | OF;
        break;
      }
      case 8: { // flag readers
        const c = Math.floor(rnd() * 16);
        if ((defined & NEEDS[c]) !== NEEDS[c]) continue;
        if (rnd() < 0.5) lines.push(`set${CONDS[c]} ${name(a, 1)}`);
        else { if (s === 1) continue; lines.push(`cmov${CONDS[c]} ${name(b, s)}, ${name(a, s)}`); }
        break;
      }
      case 9: { // moves and extensions
        const op = pick(['mov', 'movzx', 'movsx', 'xchg', 'bswap', 'lea']);
        if (op === 'mov') lines.push(`mov ${name(b, s)}, ${name(a, s)}`);
        else if (op === 'xchg') lines.push(`xchg ${name(b, s)}, ${name(a, s)}`);
        else if (op === 'bswap') lines.push(`bswap ${name(a, pick([4, 8]))}`);
        else if (op === 'lea') lines.push(`lea ${imm(4)}(%${b},%${pick(REGS64)},${pick([1, 2, 4, 8])}), ${name(a, pick([2, 4, 8]))}`);
        else {
          const from = pick([1, 2]), to = pick([4, 8]);
          lines.push(`${op === 'movzx' ? 'movz' : 'movs'}${from === 1 ? 'b' : 'w'}${to === 4 ? 'l' : 'q'} ${name(b, from)}, ${name(a, to)}`);
        }
        break;
      }
      case 10: { // bit tests and scans
        if (s === 1) continue;
        const op = pick(['bt', 'bts', 'btr', 'btc', 'bsf', 'bsr', 'popcnt', 'tzcnt', 'lzcnt']);
        if (op.startsWith('bt')) { lines.push(`${op} $${Math.floor(rnd() * s * 8)}, ${name(a, s)}`); defined = CF; }
        else if (op === 'bsf' || op === 'bsr') {
          // a zero source leaves the destination "undefined" (hosts keep it, qemu zero-extends): avoid it
          lines.push(`or $${1 << Math.floor(rnd() * 15)}, ${name(b, s)}`, `${op} ${name(b, s)}, ${name(a, s)}`);
          defined = ZF;
        }
        else { lines.push(`${op} ${name(b, s)}, ${name(a, s)}`); defined = op === 'popcnt' ? ALL : CF | ZF; }
        break;
      }
      case 11: { // double shifts
        if (s === 1) continue;
        const c = 1 + Math.floor(rnd() * (s * 8 - 1));
        lines.push(`${pick(['shld', 'shrd'])} $${c}, ${name(b, s)}, ${name(a, s)}`);
        defined = (ALL & ~(AF | OF)) | (c === 1 ? OF : 0);
        break;
      }
      case 12: { // exchange-and-add, compare-and-exchange
        if (rnd() < 0.5) lines.push(`xadd ${name(b, s)}, ${name(a, s)}`);
        else lines.push(`cmpxchg ${name(b, s)}, ${name(a, s)}`);
        defined = ALL;
        break;
      }
      case 13: { // sign extensions of rAX
        lines.push(pick(['cbw', 'cwde', 'cdqe', 'cwd', 'cdq', 'cqo']));
        break;
      }
      case 14: { // flag instructions
        const op = pick(['clc', 'stc', 'cmc', 'lahf', 'sahf']);
        if (op === 'cmc' && !(defined & CF)) continue;
        if (op === 'lahf' && (defined & (CF | PF | AF | ZF | SF)) !== (CF | PF | AF | ZF | SF)) continue;
        lines.push(op);
        if (op === 'sahf') defined |= CF | PF | AF | ZF | SF;
        else if (op !== 'lahf') defined |= CF;
        break;
      }
      case 15: { // 8-bit high registers
        const hi = pick(['ah', 'bh', 'ch', 'dh']);
        lines.push(`${pick(['add', 'sub', 'xor'])} %${pick(['al', 'bl', 'cl', 'dl', 'ah', 'bh', 'ch', 'dh'])}, %${hi}`);
        defined = lines[lines.length - 1].startsWith('xor') ? ALL & ~AF : ALL;
        break;
      }
      default: { // stack round trip
        lines.push(`push %${b}`, `pop %${a}`);
        break;
      }
    }
  }
  return { lines, init, flagsIn, mask: defined };
}

/** The whole program: sequences one after another, results at `out`, written to stdout. */
export function program(seqs: Sequence[]): string {
  const cols = SAVED.length;
  const o: string[] = ['.text', '.globl _start', '_start:', 'lea out(%rip), %r15'];
  seqs.forEach((s, k) => {
    o.push(`# sequence ${k}`);
    o.push(`pushq $${0x202 | s.flagsIn}`, 'popfq');
    REGS64.forEach((r, i) => o.push(`movabs $0x${s.init[i].toString(16)}, %${r}`));
    o.push(...s.lines);
    o.push('pushfq');
    REGS64.forEach((r, i) => o.push(`mov %${r}, ${8 * (k * cols + i)}(%r15)`));
    o.push('pop %rax', `mov %rax, ${8 * (k * cols + cols - 1)}(%r15)`);
  });
  o.push('mov $1, %edi', 'lea out(%rip), %rsi', `mov $${8 * cols * seqs.length}, %edx`, 'mov $1, %eax', 'syscall');
  o.push('xor %edi, %edi', 'mov $60, %eax', 'syscall');
  o.push('.bss', '.p2align 4', `out: .space ${8 * cols * seqs.length}`);
  return o.join('\n') + '\n';
}
