import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateDecoder, type DecoderSpec } from '../../../tools/gen-decoder.js';
import { spec as specA32 } from '../../../targets/arm/insns-a32.spec.js';
import { spec as specT16 } from '../../../targets/arm/insns-t16.spec.js';
import { spec as specT32 } from '../../../targets/arm/insns-t32.spec.js';
import { spec as specVfp } from '../../../targets/arm/insns-vfp.spec.js';
import { spec as specNeon } from '../../../targets/arm/insns-neon.spec.js';
import { decodeA32 } from '../../../targets/arm/decoder-a32.generated.js';
import { decodeT16 } from '../../../targets/arm/decoder-t16.generated.js';
import { decodeT32 } from '../../../targets/arm/decoder-t32.generated.js';
import { decodeVfp } from '../../../targets/arm/decoder-vfp.generated.js';
import { thumbExpandImm } from '../../../targets/arm/trans-t32.js';
import { disasmArm } from '../../../targets/arm/disasm.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('arm decoder generation', () => {
  const specs: Array<[string, DecoderSpec]> = [['a32', specA32], ['t16', specT16], ['t32', specT32], ['vfp', specVfp], ['neon', specNeon]];
  for (const [name, spec] of specs) {
    it(`decoder-${name}.generated.ts is current (npx tsx tools/gen-decoder.ts targets/arm/insns-${name}.spec.ts)`, () => {
      const fresh = generateDecoder(spec, `targets/arm/insns-${name}.spec.ts`);
      const committed = readFileSync(root + `targets/arm/${spec.output}`, 'utf8');
      expect(committed === fresh, `${spec.output} is stale`).toBe(true);
    });
  }
});

// encodings from arm-linux-gnueabihf-as + objdump (-march=armv7-a)
describe('arm decode: T16', () => {
  const d = (h: number) => decodeT16(h);
  it('extracts fields', () => {
    expect(d(0xb0c0)).toMatchObject({ name: 'addsub_sp', args: { imm: 64, sub: 1 } }); // sub sp, #256
    expect(d(0x46eb)).toMatchObject({ name: 'mov_hi', args: { rd: 11, rm: 13 } }); // mov fp, sp
    expect(d(0x4849)).toMatchObject({ name: 'ldr_lit', args: { rt: 0, imm: 73 } }); // ldr r0, [pc, #292]
    expect(d(0x1843)).toMatchObject({ name: 'addsub_reg', args: { rd: 3, rn: 0, rm: 1, sub: 0 } }); // adds r3, r0, r1
    expect(d(0xb11d)).toMatchObject({ name: 'cbz', args: { nz: 0, rn: 5, imm: 6 } }); // cbz r5, +6
    expect(d(0xbf0c)).toMatchObject({ name: 'it', args: { firstcond: 0, mask: 12 } }); // ite eq
    expect(d(0x2a03)).toMatchObject({ name: 'imm8', args: { op: 1, rd: 2, imm: 3 } }); // cmp r2, #3
    expect(d(0x4770)).toMatchObject({ name: 'bx', args: { rm: 14 } }); // bx lr
    expect(d(0xdf00)).toMatchObject({ name: 'svc' });
    expect(d(0xbf00)).toMatchObject({ name: 'hint' }); // nop
    expect(d(0xd1fb)).toMatchObject({ name: 'bcond', args: { cond: 1, imm: -10 } });
    expect(d(0xbd10)).toMatchObject({ name: 'pushpop', args: { load: 1, m: 1, list: 0x10 } }); // pop {r4, pc}
  });
});

describe('arm decode: T32', () => {
  const d = (hw1: number, hw2: number) => decodeT32(((hw1 << 16) | hw2) >>> 0);
  it('extracts fields', () => {
    expect(d(0xf06f, 0x0106)).toMatchObject({ name: 'dp_imm', args: { op: 3, rn: 15, rd: 1, imm: 6 } }); // mvn.w r1, #6
    expect(d(0xeb42, 0x1402)).toMatchObject({ name: 'dp_reg', args: { op: 10, rd: 4, rn: 2, rm: 2, imm: 4, type: 0 } }); // adc.w
    expect(d(0xe8df, 0xf002)).toMatchObject({ name: 'tb', args: { rn: 15, rm: 2, h: 0 } }); // tbb [pc, r2]
    expect(d(0xfa20, 0xf702)).toMatchObject({ name: 'shift_reg', args: { type: 1, rd: 7, rn: 0, rm: 2 } }); // lsr.w r7, r0, r2
    expect(d(0xfba0, 0xce01)).toMatchObject({ name: 'lmul', args: { op1: 2, lo: 12, hi: 14, rn: 0, rm: 1 } }); // umull
    expect(d(0xfb91, 0xfcf2)).toMatchObject({ name: 'lmul', args: { op1: 1, op2: 15 } }); // sdiv
    expect(d(0xf3c0, 0x1c0b)).toMatchObject({ name: 'ubfx', args: { rd: 12, rn: 0, lsb: 4, w: 11 } });
    expect(d(0xf362, 0x2c0b)).toMatchObject({ name: 'bfi', args: { rd: 12, rn: 2, lsb: 8, w: 11 } });
    expect(d(0xf64b, 0x6cef)).toMatchObject({ name: 'movw', args: { rd: 12, imm: 0xbeef } });
    expect(d(0xe8fc, 0x4502)).toMatchObject({ name: 'ldrd', args: { p: 0, u: 1, w: 1, l: 1, rn: 12, rt: 4, rt2: 5, imm: 2 } });
    expect(d(0xf82c, 0x2d04)).toMatchObject({ name: 'ldst_imm8', args: { size: 1, l: 0, rn: 12, rt: 2, puw: 5, imm: 4 } });
    expect(d(0xe85b, 0x1f00)).toMatchObject({ name: 'ldrex', args: { rn: 11, rt: 1 } });
    expect(d(0xe92c, 0x0007)).toMatchObject({ name: 'ldm', args: { op: 2, w: 1, l: 0, rn: 12, list: 7 } }); // stmdb ip!
    expect(d(0xee1d, 0x4f70)).toMatchObject({ name: 'cop' }); // mrc p15 (TLS)
    expect(d(0xf000, 0xf8ca)).toMatchObject({ name: 'bl', args: { s: 0, hi: 0, lo: 202, j1: 1, j2: 1 } });
  });
  it('expands Thumb modified immediates', () => {
    expect(thumbExpandImm(0x0ab)).toEqual({ v: 0xab, rot: false });
    expect(thumbExpandImm(0x1ab)).toEqual({ v: 0x00ab00ab, rot: false });
    expect(thumbExpandImm(0x2ab)).toEqual({ v: 0xab00ab00 | 0, rot: false });
    expect(thumbExpandImm(0x3ab)).toEqual({ v: 0xabababab | 0, rot: false });
    expect(thumbExpandImm(0x4ff)).toEqual({ v: 0x7f800000, rot: true }); // 0xff ror 8... 1:1111111 ror 9
  });
});

describe('arm decode: A32 and VFP', () => {
  it('extracts fields', () => {
    expect(decodeA32(0xe0503001)).toMatchObject({ name: 'dp_is', args: { op: 2, s: 1, rn: 0, rd: 3, rm: 1 } }); // subs r3, r0, r1
    expect(decodeA32(0xe0a24202)).toMatchObject({ name: 'dp_is', args: { op: 5, rd: 4, rn: 2, rm: 2, imm: 4, type: 0 } }); // adc r4, r2, r2, lsl #4
    expect(decodeA32(0xe1a07230)).toMatchObject({ name: 'dp_rs', args: { op: 13, rd: 7, rs: 2, type: 1, rm: 0 } }); // mov r7, r0, lsr r2
    expect(decodeA32(0xe0810190)).toMatchObject({ name: 'mul', args: { op: 8, rd: 1, ra: 0, rs: 1, rm: 0 } }); // umull r0, r1, r0, r1
    expect(decodeA32(0xe712f211)).toMatchObject({ name: 'sdiv', args: { rd: 2, rn: 1, rm: 2 } }); // sdiv r2, r1, r2
    expect(decodeA32(0xe1c040d0)).toMatchObject({ name: 'xls', args: { p: 1, i: 1, l: 0, rn: 0, rt: 4, op: 2 } }); // ldrd r4, r5, [r0]
    expect(decodeA32(0xe1923f9f)).toMatchObject({ name: 'ex', args: { op: 0, l: 1, rn: 2, rd: 3 } }); // ldrex r3, [r2]
    expect(decodeA32(0xe12fff1e)).toMatchObject({ name: 'bx', args: { rm: 14 } });
    expect(decodeA32(0xe92d4ff0)).toMatchObject({ name: 'ldm', args: { p: 1, u: 0, w: 1, l: 0, rn: 13, list: 0x4ff0 } }); // push
    expect(decodeA32(0xee1d0f70)).toMatchObject({ name: 'mrc', args: { crn: 13, rt: 0, opc2: 3, crm: 0, l: 1 } });
    expect(decodeA32(0xf57ff05b)).toMatchObject({ name: 'barrier', args: { op: 5 } }); // dmb ish
    expect(decodeA32(0xef000000)).toMatchObject({ name: 'svc' });
    expect(decodeA32(0xfa000001)).toMatchObject({ name: 'blx_imm', args: { h: 0, imm: 4 } });
    expect(decodeVfp(0xee302b01)).toMatchObject({ name: 'vdp', args: { o1: 0, o2: 3, vn: 0, vd: 2, vm: 1, sz: 1, o3: 0 } }); // vadd.f64
    expect(decodeVfp(0xeef1fa10)).toMatchObject({ name: 'vmrs', args: { rt: 15 } });
    expect(decodeVfp(0xec565b12)).toMatchObject({ name: 'vmov_2', args: { l: 1, rt: 5, rt2: 6, sz: 1, vm: 2 } });
    expect(decodeVfp(0xed2d8b02)).toMatchObject({ name: 'vldm', args: { p: 1, u: 0, w: 1, l: 0, rn: 13, vd: 8, imm: 2 } }); // vpush {d8}
    expect(decodeVfp(0xed9f0b04)).toMatchObject({ name: 'vldr', args: { u: 1, l: 1, rn: 15, vd: 0, sz: 1, imm: 4 } });
  });
  it('disassembles in objdump syntax and falls back to raw words', () => {
    expect(disasmArm(0x10000, 0xe0503001, 4, false)).toContain('subs     r3, r0, r1');
    expect(disasmArm(0x10000, 0x4770, 2, true)).toContain('bx');
    expect(disasmArm(0x10000, 0xf1000000 >>> 0, 4, false)).toContain('.inst'); // cond 1111 outside the unconditional space
  });
});
