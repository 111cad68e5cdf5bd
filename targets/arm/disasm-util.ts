/**
 * Shared pieces of the ARM disassemblers (disasm-a32.ts, disasm-thumb.ts, disasm-vfp.ts):
 * register names as GNU objdump prints them, shifts, register lists, modified immediates,
 * and the per-instruction context a formatter sees.
 */

/** objdump's default (gcc) names for r10..r15 */
export const REG = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'sl', 'fp', 'ip', 'sp', 'lr', 'pc'];
export const COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', '', ''];
export const SHIFT = ['lsl', 'lsr', 'asr', 'ror'];

export const r = (n: number) => REG[n & 15];
export const hex = (v: number) => '0x' + (v >>> 0).toString(16);

/** What a formatter knows besides the fields: where it is and the condition to print. */
export interface DisCtx {
  /** address of the instruction */
  addr: number;
  /** condition suffix ('' = always): the A32 cond field or the IT block's condition */
  cond: string;
  thumb: boolean;
  /** inside an IT block (Thumb 16-bit ALU forms drop their 's') */
  inIt: boolean;
  /** the raw encoding */
  insn: number;
}

/** A formatter: text for one decoded pattern, or undefined (falls back to the field dump). */
export type Fmt<A> = (a: A, c: DisCtx) => string | undefined;

/** `{r0, r1, lr}` */
export function regList(list: number): string {
  const out: string[] = [];
  for (let i = 0; i < 16; i++) if (list & (1 << i)) out.push(REG[i]);
  return `{${out.join(', ')}}`;
}

/** A shift by an immediate as an operand suffix (', lsl #2'), '' for none; type 3 with 0 is rrx. */
export function shiftImm(type: number, imm: number): string {
  if (type === 0 && imm === 0) return '';
  if (type === 3 && imm === 0) return ', rrx';
  return `, ${SHIFT[type]} #${imm === 0 ? 32 : imm}`;
}

/** ARM's rotated 8-bit immediate. */
export const armImm = (rot: number, imm8: number) => ((imm8 >>> (rot * 2)) | (imm8 << (32 - rot * 2))) >>> 0;

/** Thumb-2's modified immediate (ThumbExpandImm). */
export function thumbImm(imm12: number): number {
  const v = imm12 & 0xff;
  if ((imm12 >> 10) === 0) {
    switch ((imm12 >> 8) & 3) {
      case 0: return v;
      case 1: return ((v << 16) | v) >>> 0;
      case 2: return ((v << 24) | (v << 8)) >>> 0;
      default: return ((v << 24) | (v << 16) | (v << 8) | v) >>> 0;
    }
  }
  const rot = imm12 >> 7;
  const unrot = 0x80 | (imm12 & 0x7f);
  return ((unrot >>> rot) | (unrot << (32 - rot))) >>> 0;
}

/** The data-processing opcodes in field order. */
export const DP = ['and', 'eor', 'sub', 'rsb', 'add', 'adc', 'sbc', 'rsc', 'tst', 'teq', 'cmp', 'cmn', 'orr', 'mov', 'bic', 'mvn'];

/** barrier options */
export const BARRIER: Record<number, string> = {
  15: 'sy', 14: 'st', 13: 'ld', 11: 'ish', 10: 'ishst', 9: 'ishld', 7: 'nsh', 6: 'nshst', 5: 'nshld', 3: 'osh', 2: 'oshst', 1: 'oshld',
};

/** `[rn, #-4]!`-style addressing for an immediate offset. */
export function memImm(rn: number, off: number, add: boolean, p: number, w: number, keepZero = false): string {
  const o = `#${add ? '' : '-'}${off}`;
  if (!p) return `[${r(rn)}], ${o}`;
  if (off === 0 && add && !w && !keepZero) return `[${r(rn)}]`;
  return `[${r(rn)}, ${o}]${w ? '!' : ''}`;
}
