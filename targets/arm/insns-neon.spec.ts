/**
 * Advanced SIMD (NEON) encodings as data; tools/gen-decoder.ts turns this into
 * decoder-neon.generated.ts. The patterns are written in the A32 layout (ARM Architecture
 * Reference Manual ARMv7-A/R, A7.4 data processing and A7.7 element/structure loads and
 * stores); T32 encodings share every field below bit 24, so translate.ts rewrites
 * 111U 1111 (data processing) as 1111 001U and 1111 1001 (loads/stores) as 1111 0100 before
 * decoding, and one spec serves both instruction sets.
 *
 * Register fields are the 5-bit D register numbers (D:Vd, N:Vn, M:Vm); a Q register is the
 * even D register it starts at. Handlers in trans-neon.ts; lane arithmetic in helpers-neon*.ts.
 * Order matters: the first matching pattern wins, so the narrow encodings that reuse a wider
 * group's space (size = 11, imm3 = 000) come before the group.
 */
import type { DecoderSpec, FieldSpec, PatternSpec } from '../../tools/gen-decoder.js';

const u = (pos: number, len: number): FieldSpec => ({ parts: [[pos, len]] });

const fields: Record<string, FieldSpec> = {
  vd: { parts: [[22, 1], [12, 4]] },
  vn: { parts: [[7, 1], [16, 4]] },
  vm: { parts: [[5, 1], [0, 4]] },
  q: u(6, 1),
  uu: u(24, 1),
  size: u(20, 2),
  opc: u(8, 4),
  b4: u(4, 1),
  // one register and a modified immediate: i:imm3:imm4, cmode, op
  imm8: { parts: [[24, 1], [16, 3], [0, 4]] },
  cmode: u(8, 4),
  op5: u(5, 1),
  // shifts by immediate: L:imm6
  limm: { parts: [[7, 1], [16, 6]] },
  // two registers, miscellaneous: size at 19:18, A at 17:16, B at 10:7
  size2: u(18, 2),
  opa: u(16, 2),
  opb: u(7, 4),
  imm4e: u(8, 4),
  len: u(8, 2),
  op6: u(6, 1),
  imm4d: u(16, 4),
  // element and structure loads and stores
  rn: u(16, 4),
  rm: u(0, 4),
  l: u(21, 1),
  type: u(8, 4),
  idx: u(4, 4),
};

const formats: DecoderSpec['formats'] = {
  same: { u: 'uu', size: 'size', vn: 'vn', vd: 'vd', opc: 'opc', q: 'q', vm: 'vm', b: 'b4' },
  imm1: { vd: 'vd', imm: 'imm8', cmode: 'cmode', q: 'q', op: 'op5' },
  shift: { u: 'uu', limm: 'limm', vd: 'vd', opc: 'opc', q: 'q', vm: 'vm' },
  diff: { u: 'uu', size: 'size', vn: 'vn', vd: 'vd', opc: 'opc', q: 'q', vm: 'vm' },
  misc: { size: 'size2', a: 'opa', vd: 'vd', b: 'opb', q: 'q', vm: 'vm' },
  ext: { vn: 'vn', vd: 'vd', imm: 'imm4e', q: 'q', vm: 'vm' },
  tbl: { vn: 'vn', vd: 'vd', len: 'len', op: 'op6', vm: 'vm' },
  dups: { imm: 'imm4d', vd: 'vd', q: 'q', vm: 'vm' },
  ldm: { l: 'l', rn: 'rn', vd: 'vd', type: 'type', idx: 'idx', rm: 'rm' },
};

const patterns: PatternSpec[] = [
  // data processing: 1111 001U
  ['vext', '1111 0010 1 . 11 .... .... .... . . . 0 ....', 'ext'],
  ['vtbl', '1111 0011 1 . 11 .... .... 10 .. . . . 0 ....', 'tbl'],
  ['vdup_scalar', '1111 0011 1 . 11 .... .... 1100 0 . . 0 ....', 'dups'],
  ['v2misc', '1111 0011 1 . 11 .... .... 0 ... . . . 0 ....', 'misc'],
  ['v1imm', '1111 001 . 1 . 000 ... .... .... 0 . . 1 ....', 'imm1'],
  ['vshift', '1111 001 . 1 . ...... .... .... . . . 1 ....', 'shift'],
  ['v3diff', '1111 001 . 1 . .. .... .... .... . 0 . 0 ....', 'diff'],
  ['v2scalar', '1111 001 . 1 . .. .... .... .... . 1 . 0 ....', 'diff'],
  ['v3same', '1111 001 . 0 . .. .... .... .... . . . . ....', 'same'],
  // element and structure loads and stores: 1111 0100 A.L0
  ['vldst_multi', '1111 0100 0 . . 0 .... .... .... .... ....', 'ldm'],
  ['vldst_single', '1111 0100 1 . . 0 .... .... .... .... ....', 'ldm'],
];

export const spec: DecoderSpec = {
  isa: 'Advanced SIMD',
  output: 'decoder-neon.generated.ts',
  fields,
  formats,
  decoders: [{ name: 'decodeNeon', width: 32, patterns }],
};
