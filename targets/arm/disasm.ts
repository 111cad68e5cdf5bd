/**
 * -d in_asm lines for ARM and Thumb: the address, the raw encoding and the decoder's
 * pattern name with its fields (a partial disassembler: operands are shown as the
 * decoder's named fields, not in assembler syntax).
 */
import { decodeA32, PATTERNS as A32 } from './decoder-a32.generated.js';
import { decodeT16, PATTERNS as T16 } from './decoder-t16.generated.js';
import { decodeT32, PATTERNS as T32 } from './decoder-t32.generated.js';
import { A32_UNCONDITIONAL } from './trans-a32.js';
import { decodeNeon, PATTERNS as NEON } from './decoder-neon.generated.js';
import { neonFromT32 } from './trans-neon.js';

const COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', '', ''];

export function disasmArm(addr: number, insn: number, len: number, thumb: boolean): string {
  const raw = len === 2 ? insn.toString(16).padStart(4, '0') : thumb
    ? `${(insn >>> 16).toString(16).padStart(4, '0')} ${(insn & 0xffff).toString(16).padStart(4, '0')}`
    : insn.toString(16).padStart(8, '0');
  let text: string;
  // NEON: A32 1111 001x / 1111 0100, T32 rewritten into that layout
  const neon = !thumb ? (insn >>> 25 === 0x79 || insn >>> 24 === 0xf4 ? insn : -1) : len === 4 ? neonFromT32(insn) : -1;
  const nd = neon >= 0 ? decodeNeon(neon) : undefined;
  const d = nd ?? (!thumb ? decodeA32(insn) : len === 2 ? decodeT16(insn) : decodeT32(insn));
  if (!d || (!nd && !thumb && insn >>> 28 === 15 && !A32_UNCONDITIONAL.has(d.name))) text = '.inst\t0x' + insn.toString(16);
  else {
    const names = nd ? NEON : !thumb ? A32 : len === 2 ? T16 : T32;
    const cond = !thumb ? COND[insn >>> 28] : '';
    const args = Object.entries(d.args as unknown as Record<string, number>).map(([k, v]) => `${k}=${v}`).join(', ');
    text = `${names[d.pat]}${cond}\t${args}`;
  }
  return `0x${addr.toString(16).padStart(8, '0')}:  ${raw.padEnd(10)}  ${text}`;
}
