/**
 * 16-bit Thumb encodings (ARMv7-A T16) as data; tools/gen-decoder.ts turns this into
 * decoder-t16.generated.ts (`npx tsx tools/gen-decoder.ts targets/arm/insns-t16.spec.ts`).
 * Encodings from the ARM Architecture Reference Manual ARMv7-A/R, chapter A6.2 (16-bit
 * Thumb instruction encoding). Handlers are in trans-t16.ts; several encodings share one
 * handler and pass their operation as a constant argument.
 */
import type { DecoderSpec, FieldSpec, PatternSpec } from '../../tools/gen-decoder.js';

const u = (pos: number, len: number): FieldSpec => ({ parts: [[pos, len]] });
const k = (v: number) => ({ const: v });

const fields: Record<string, FieldSpec> = {
  r0: u(0, 3),
  r3: u(3, 3),
  r6: u(6, 3),
  r8: u(8, 3),
  imm5: u(6, 5),
  imm3: u(6, 3),
  imm7: u(0, 7),
  imm8: u(0, 8),
  op2: u(11, 2),
  op4: u(6, 4),
  opB: u(9, 3),
  bit9: u(9, 1),
  hd: { parts: [[7, 1], [0, 3]] },
  hm: u(3, 4),
  cond: u(8, 4),
  simm8: { parts: [[0, 8]], signed: true, shl: 1 },
  simm11: { parts: [[0, 11]], signed: true, shl: 1 },
  cbz_imm: { parts: [[9, 1], [3, 5]], shl: 1 },
  nz: u(11, 1),
  list8: u(0, 8),
  m: u(8, 1),
  bit11: u(11, 1),
  bit12: u(12, 1),
  ext: u(6, 2),
  mask: u(0, 4),
  firstcond: u(4, 4),
};

const formats: DecoderSpec['formats'] = {
  shimm: { op: 'op2', rd: 'r0', rm: 'r3', imm: 'imm5' },
  addsub3: { rd: 'r0', rn: 'r3', rm: 'r6', sub: 'bit9' },
  addsubi3: { rd: 'r0', rn: 'r3', imm: 'imm3', sub: 'bit9' },
  imm8op: { op: 'op2', rd: 'r8', imm: 'imm8' },
  dp: { op: 'op4', rd: 'r0', rm: 'r3' },
  hi: { rd: 'hd', rm: 'hm' },
  bx: { rm: 'hm' },
  ldrlit: { rt: 'r8', imm: 'imm8' },
  ldstreg: { op: 'opB', rt: 'r0', rn: 'r3', rm: 'r6' },
  ldsti_w: { load: 'bit11', rt: 'r0', rn: 'r3', imm: 'imm5', size: k(4) },
  ldsti_b: { load: 'bit11', rt: 'r0', rn: 'r3', imm: 'imm5', size: k(1) },
  ldsti_h: { load: 'bit11', rt: 'r0', rn: 'r3', imm: 'imm5', size: k(2) },
  ldstsp: { load: 'bit11', rt: 'r8', imm: 'imm8' },
  adr: { rd: 'r8', imm: 'imm8', sp: 'bit11' },
  addsp: { imm: 'imm7', sub: k(0) },
  subsp: { imm: 'imm7', sub: k(1) },
  cbz: { nz: 'nz', rn: 'r0', imm: 'cbz_imm' },
  ext: { op: 'ext', rd: 'r0', rm: 'r3' },
  push: { list: 'list8', m: 'm', load: k(0) },
  pop: { list: 'list8', m: 'm', load: k(1) },
  it: { firstcond: 'firstcond', mask: 'mask' },
  imm8: { imm: 'imm8' },
  bcond: { cond: 'cond', imm: 'simm8' },
  b: { imm: 'simm11' },
  ldm: { load: 'bit11', rn: 'r8', list: 'list8' },
  rev: { op: 'ext', rd: 'r0', rm: 'r3' },
};

const patterns: PatternSpec[] = [
  ['addsub_reg', '000 110 . ... ... ...', 'addsub3'],
  ['addsub_imm', '000 111 . ... ... ...', 'addsubi3'],
  ['shift_imm', '000 .. ..... ... ...', 'shimm'],
  ['imm8', '001 .. ... ........', 'imm8op'],
  ['dp', '010000 .... ... ...', 'dp'],
  ['add_hi', '010001 00 . .... ...', 'hi'],
  ['cmp_hi', '010001 01 . .... ...', 'hi'],
  ['mov_hi', '010001 10 . .... ...', 'hi'],
  ['bx', '010001 11 0 .... 000', 'bx'],
  ['blx', '010001 11 1 .... 000', 'bx'],
  ['ldr_lit', '01001 ... ........', 'ldrlit'],
  ['ldst_reg', '0101 ... ... ... ...', 'ldstreg'],
  ['ldst_w', '0110 . ..... ... ...', 'ldsti_w', 'ldst_imm'],
  ['ldst_b', '0111 . ..... ... ...', 'ldsti_b', 'ldst_imm'],
  ['ldst_h', '1000 . ..... ... ...', 'ldsti_h', 'ldst_imm'],
  ['ldst_sp', '1001 . ... ........', 'ldstsp'],
  ['adr', '1010 . ... ........', 'adr'],
  ['add_sp', '1011 0000 0 .......', 'addsp', 'addsub_sp'],
  ['sub_sp', '1011 0000 1 .......', 'subsp', 'addsub_sp'],
  ['cbz', '1011 . 0 . 1 ..... ...', 'cbz'],
  ['extend', '1011 0010 .. ... ...', 'ext'],
  ['push', '1011 010 . ........', 'push', 'pushpop'],
  ['pop', '1011 110 . ........', 'pop', 'pushpop'],
  ['rev', '1011 1010 .. ... ...', 'rev'],
  ['bkpt', '1011 1110 ........', 'imm8'],
  ['hint', '1011 1111 .... 0000', 'imm8'],
  ['it', '1011 1111 .... ....', 'it'],
  ['ldm', '1100 . ... ........', 'ldm'],
  ['udf', '1101 1110 ........', 'imm8'],
  ['svc', '1101 1111 ........', 'imm8'],
  ['bcond', '1101 .... ........', 'bcond'],
  ['b', '11100 ...........', 'b'],
];

export const spec: DecoderSpec = {
  isa: 'Thumb (16-bit)',
  output: 'decoder-t16.generated.ts',
  fields,
  formats,
  decoders: [{ name: 'decodeT16', width: 16, patterns }],
};
