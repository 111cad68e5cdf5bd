/**
 * VFPv3/VFPv4 encodings (A32 and T32 share them below the top nibble, which is the A32
 * condition or T32's 1110) as data; tools/gen-decoder.ts turns this into
 * decoder-vfp.generated.ts. Encodings from the ARM Architecture Reference Manual ARMv7-A/R,
 * chapter A7 (floating-point data processing, 8/16/32/64-bit transfers, extension register
 * load/store). Data processing shares one handler that switches on opc1..opc3 (trans-vfp.ts).
 */
import type { DecoderSpec, FieldSpec, PatternSpec } from '../../tools/gen-decoder.js';

const u = (pos: number, len: number): FieldSpec => ({ parts: [[pos, len]] });

const fields: Record<string, FieldSpec> = {
  o1: u(23, 1),
  bd: u(22, 1),
  o2: u(20, 2),
  vn: u(16, 4),
  vd: u(12, 4),
  sz: u(8, 1),
  bn: u(7, 1),
  o3: u(6, 1),
  bm: u(5, 1),
  vm: u(0, 4),
  rt: u(12, 4),
  rt2: u(16, 4),
  l: u(20, 1),
  p: u(24, 1),
  uu: u(23, 1),
  w: u(21, 1),
  rn: u(16, 4),
  imm8: u(0, 8),
  opc1: u(21, 2),
  opc2: u(5, 2),
  dupb: u(22, 1),
  dupq: u(21, 1),
  dupe: u(5, 1),
  imm4h: u(16, 4),
  imm4l: u(0, 4),
};

const formats: DecoderSpec['formats'] = {
  dp: { o1: 'o1', d: 'bd', o2: 'o2', vn: 'vn', vd: 'vd', sz: 'sz', n: 'bn', o3: 'o3', m: 'bm', vm: 'vm' },
  vmovi: { d: 'bd', vd: 'vd', sz: 'sz', hi: 'imm4h', lo: 'imm4l' },
  sr: { l: 'l', vn: 'vn', rt: 'rt', n: 'bn' },
  scalar: { u: 'uu', opc1: 'opc1', l: 'l', vn: 'vn', rt: 'rt', n: 'bn', opc2: 'opc2' },
  dup: { b: 'dupb', q: 'dupq', vd: 'vn', rt: 'rt', d: 'bn', e: 'dupe' },
  rt: { rt: 'rt' },
  mov2: { l: 'l', rt2: 'rt2', rt: 'rt', sz: 'sz', m: 'bm', vm: 'vm' },
  vldr: { u: 'uu', d: 'bd', l: 'l', rn: 'rn', vd: 'vd', sz: 'sz', imm: 'imm8' },
  vldm: { p: 'p', u: 'uu', d: 'bd', w: 'w', l: 'l', rn: 'rn', vd: 'vd', sz: 'sz', imm: 'imm8' },
};

const patterns: PatternSpec[] = [
  ['vmov_imm', '.... 1110 1 . 11 .... .... 101 . 0000 ....', 'vmovi'],
  ['vdp', '.... 1110 . . .. .... .... 101 . . . . 0 ....', 'dp'],
  ['vmov_sr', '.... 1110 000 . .... .... 1010 . 00 1 0000', 'sr'],
  ['vmrs', '.... 1110 1111 0001 .... 1010 0001 0000', 'rt'],
  ['vmsr', '.... 1110 1110 0001 .... 1010 0001 0000', 'rt'],
  ['vdup', '.... 1110 1 . . 0 .... .... 1011 . 0 . 1 0000', 'dup'],
  ['vmov_scalar', '.... 1110 . .. . .... .... 1011 . .. 1 0000', 'scalar'],
  ['vmov_2', '.... 1100 010 . .... .... 101 . 00 . 1 ....', 'mov2'],
  ['vldr', '.... 1101 . . 0 . .... .... 101 . ........', 'vldr'],
  ['vldm', '.... 110 . . . . . .... .... 101 . ........', 'vldm'],
];

export const spec: DecoderSpec = {
  isa: 'VFP',
  output: 'decoder-vfp.generated.ts',
  fields,
  formats,
  decoders: [{ name: 'decodeVfp', width: 32, patterns }],
};
