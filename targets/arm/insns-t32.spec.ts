/**
 * 32-bit Thumb-2 encodings (ARMv7-A T32) as data, the instruction taken as hw1 << 16 | hw2;
 * tools/gen-decoder.ts turns this into decoder-t32.generated.ts. Encodings from the ARM
 * Architecture Reference Manual ARMv7-A/R, chapter A6.3 (32-bit Thumb instruction encoding).
 * Groups whose members differ only in an operation field share a handler that switches on
 * it (trans-t32.ts); VFP/NEON space goes to the VFP decoder (insns-vfp.spec.ts).
 */
import type { DecoderSpec, FieldSpec, PatternSpec } from '../../tools/gen-decoder.js';

const u = (pos: number, len: number): FieldSpec => ({ parts: [[pos, len]] });

const fields: Record<string, FieldSpec> = {
  rn: u(16, 4),
  rd: u(8, 4),
  rt: u(12, 4),
  rt2: u(8, 4),
  rm: u(0, 4),
  s: u(20, 1),
  l: u(20, 1),
  w: u(21, 1),
  op4: u(21, 4),
  imm12: { parts: [[26, 1], [12, 3], [0, 8]] },
  imm16: { parts: [[16, 4], [26, 1], [12, 3], [0, 8]] },
  imm5: { parts: [[12, 3], [6, 2]] },
  type: u(4, 2),
  low5: u(0, 5),
  sh: u(21, 1),
  s26: u(26, 1),
  j1: u(13, 1),
  j2: u(11, 1),
  imm10: u(16, 10),
  imm11: u(0, 11),
  bcond_imm: { parts: [[26, 1], [11, 1], [13, 1], [16, 6], [0, 11]], shl: 1, signed: true },
  cond: u(22, 4),
  op2: u(23, 2),
  list: u(0, 16),
  p: u(24, 1),
  u: u(23, 1),
  imm8: u(0, 8),
  sgn: u(24, 1),
  size: u(21, 2),
  i12: u(0, 12),
  puw: u(8, 3),
  imm2: u(4, 2),
  op3: u(20, 3),
  rot: u(4, 2),
  mop1: u(20, 3),
  mop2: u(4, 2),
  lop2: u(4, 4),
  rop1: u(20, 2),
  rop2: u(4, 2),
  xop: u(4, 4),
  h: u(4, 1),
  hint: u(0, 8),
  opt: u(4, 4),
  rhi: u(8, 4),
  mask: u(8, 4),
};

const formats: DecoderSpec['formats'] = {
  dpimm: { op: 'op4', s: 's', rn: 'rn', rd: 'rd', imm: 'imm12' },
  imm12: { rn: 'rn', rd: 'rd', imm: 'imm12' },
  imm16: { rd: 'rd', imm: 'imm16' },
  sat: { sh: 'sh', rn: 'rn', rd: 'rd', imm: 'imm5', sat: 'low5' },
  bitf: { rn: 'rn', rd: 'rd', lsb: 'imm5', w: 'low5' },
  b: { s: 's26', j1: 'j1', j2: 'j2', hi: 'imm10', lo: 'imm11' },
  bcond: { cond: 'cond', imm: 'bcond_imm' },
  hint: { hint: 'hint' },
  barrier: { op: 'opt' },
  mrs: { rd: 'rd' },
  msr: { rn: 'rn', mask: 'mask' },
  ldm: { op: 'op2', w: 'w', l: 'l', rn: 'rn', list: 'list' },
  ex: { l: 'l', rn: 'rn', rt: 'rt', rd: 'rd', imm: 'imm8' },
  exbhd: { l: 'l', rn: 'rn', rt: 'rt', rt2: 'rt2', op: 'xop', rd: 'rm' },
  tb: { rn: 'rn', h: 'h', rm: 'rm' },
  ldrd: { p: 'p', u: 'u', w: 'w', l: 'l', rn: 'rn', rt: 'rt', rt2: 'rt2', imm: 'imm8' },
  dpreg: { op: 'op4', s: 's', rn: 'rn', rd: 'rd', imm: 'imm5', type: 'type', rm: 'rm' },
  ldlit: { sgn: 'sgn', u: 'u', size: 'size', l: 'l', rt: 'rt', imm: 'i12' },
  ldimm12: { sgn: 'sgn', size: 'size', l: 'l', rn: 'rn', rt: 'rt', imm: 'i12' },
  ldimm8: { sgn: 'sgn', size: 'size', l: 'l', rn: 'rn', rt: 'rt', puw: 'puw', imm: 'imm8' },
  ldreg: { sgn: 'sgn', size: 'size', l: 'l', rn: 'rn', rt: 'rt', imm: 'imm2', rm: 'rm' },
  shreg: { type: 'size', s: 's', rn: 'rn', rd: 'rd', rm: 'rm' },
  ext: { op: 'op3', rn: 'rn', rd: 'rd', rot: 'rot', rm: 'rm' },
  par: { op1: 'op3', op2: 'lop2', rn: 'rn', rd: 'rd', rm: 'rm' },
  misc: { op1: 'rop1', op2: 'rop2', rn: 'rn', rd: 'rd', rm: 'rm' },
  mul: { op1: 'mop1', op2: 'mop2', rn: 'rn', ra: 'rt', rd: 'rd', rm: 'rm' },
  lmul: { op1: 'mop1', op2: 'lop2', rn: 'rn', lo: 'rt', hi: 'rhi', rm: 'rm' },
  raw: {},
};

const patterns: PatternSpec[] = [
  // data processing (modified immediate), (plain binary immediate)
  ['dp_imm', '11110 . 0 .... . .... 0 ... .... ........', 'dpimm'],
  ['addw', '11110 . 1 0000 0 .... 0 ... .... ........', 'imm12'],
  ['subw', '11110 . 1 0101 0 .... 0 ... .... ........', 'imm12'],
  ['movw', '11110 . 1 0010 0 .... 0 ... .... ........', 'imm16'],
  ['movt', '11110 . 1 0110 0 .... 0 ... .... ........', 'imm16'],
  ['ssat', '11110 0 1 100 . 0 .... 0 ... .... .. 0 .....', 'sat'],
  ['usat', '11110 0 1 110 . 0 .... 0 ... .... .. 0 .....', 'sat'],
  ['sbfx', '11110 0 1 1010 0 .... 0 ... .... .. 0 .....', 'bitf'],
  ['bfi', '11110 0 1 1011 0 .... 0 ... .... .. 0 .....', 'bitf'],
  ['ubfx', '11110 0 1 1110 0 .... 0 ... .... .. 0 .....', 'bitf'],
  // branches and miscellaneous control
  ['hint', '11110 0 111 01 0 1111 10 . 0 . 000 ........', 'hint'],
  ['barrier', '11110 0 111 01 1 1111 10 . 0 1111 .... ....', 'barrier'],
  ['mrs', '11110 0 111 11 0 1111 10 . 0 .... 00000000', 'mrs'],
  ['msr', '11110 0 111 00 0 .... 10 . 0 .... 00000000', 'msr'],
  ['b_w', '11110 . .......... 10 . 1 . ...........', 'b'],
  ['bl', '11110 . .......... 11 . 1 . ...........', 'b'],
  ['blx_imm', '11110 . .......... 11 . 0 . ...........', 'b'],
  ['bcond_w', '11110 . .......... 10 . 0 . ...........', 'bcond'],
  // load/store exclusive, dual, table branch (before load/store multiple's neighbours)
  ['strex', '1110 1000 0100 .... .... .... ........', 'ex'],
  ['ldrex', '1110 1000 0101 .... .... 1111 ........', 'ex'],
  ['tb', '1110 1000 1101 .... 1111 0000 000 . ....', 'tb'],
  ['exbhd', '1110 1000 110 . .... .... .... 01 .. ....', 'exbhd'],
  ['ldrd', '1110 100 . . 1 . . .... .... .... ........', 'ldrd'],
  ['ldm', '1110 100 .. 0 . . .... ................', 'ldm'],
  // data processing (shifted register)
  ['dp_reg', '1110 101 .... . .... . ... .... .. .. ....', 'dpreg'],
  // coprocessor, VFP, NEON
  ['cop', '111 . 11 .. ........ ................', 'raw'],
  // loads and stores
  ['ld_lit', '1111 100 . . .. 1 1111 ................', 'ldlit'],
  ['ldst_imm12', '1111 100 . 1 .. . .... ................', 'ldimm12'],
  ['ldst_imm8', '1111 100 . 0 .. . .... .... 1 ... ........', 'ldimm8'],
  ['ldst_reg', '1111 100 . 0 .. . .... .... 0 00000 .. ....', 'ldreg'],
  // data processing (register)
  ['shift_reg', '1111 1010 0 .. . .... 1111 .... 0000 ....', 'shreg'],
  ['extend', '1111 1010 0 ... .... 1111 .... 10 .. ....', 'ext'],
  ['parallel', '1111 1010 1 ... .... 1111 .... 0 ... ....', 'par'],
  ['misc', '1111 1010 10 .. .... 1111 .... 10 .. ....', 'misc'],
  ['mul', '1111 1011 0 ... .... .... .... 00 .. ....', 'mul'],
  ['lmul', '1111 1011 1 ... .... .... .... .... ....', 'lmul'],
];

export const spec: DecoderSpec = {
  isa: 'Thumb-2 (32-bit)',
  output: 'decoder-t32.generated.ts',
  fields,
  formats,
  decoders: [{ name: 'decodeT32', width: 32, patterns }],
};
