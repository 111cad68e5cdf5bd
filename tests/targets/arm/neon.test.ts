/**
 * NEON decoding (insns-neon.spec.ts -> decoder-neon.generated.ts; that file being current is
 * checked in arm-decoder.test.ts) and the ldst shape table. Execution is proven end to end
 * by the `neon` fixture (fixtures/src/neon.c, compared with qemu-arm in tests/e2e/fixtures.test.ts)
 * and instruction by instruction by the NEON classes of the arm differential test.
 * Encodings from arm-linux-gnueabihf-as + objdump.
 */
import { describe, expect, it } from 'vitest';
import { decodeNeon } from '../../../targets/arm/decoder-neon.generated.js';
import { ldstShape } from '../../../targets/arm/helpers-neon-ldst.js';
import { neonFromT32 } from '../../../targets/arm/trans-neon.js';
import { disasmArm } from '../../../targets/arm/disasm.js';

const d = (w: number) => decodeNeon(w);

describe('arm NEON decode', () => {
  it('data processing groups and their fields', () => {
    // D registers are D:Vd, N:Vn, M:Vm; a Q register is its first D register
    expect(d(0xf2042846)).toMatchObject({ name: 'v3same', args: { opc: 8, b: 0, u: 0, size: 0, q: 1, vd: 2, vn: 4, vm: 6 } }); // vadd.i8 q1, q2, q3
    expect(d(0xf2210111)).toMatchObject({ name: 'v3same', args: { opc: 1, b: 1, u: 0, size: 2, vd: 0, vn: 1, vm: 1 } }); // vorr d0, d1, d1
    expect(d(0xf3c7025f)).toMatchObject({ name: 'v1imm', args: { vd: 16, imm: 0xff, cmode: 2, op: 0, q: 1 } }); // vmov.i32 q8, #0xff00
    expect(d(0xf29d4015)).toMatchObject({ name: 'vshift', args: { u: 0, limm: 0x1d, opc: 0, vd: 4, vm: 5 } }); // vshr.s16 d4, d5, #3
    expect(d(0xf3864c07)).toMatchObject({ name: 'v3diff', args: { u: 1, size: 0, opc: 12, vd: 4, vn: 6, vm: 7 } }); // vmull.u8 q2, d6, d7
    expect(d(0xf3a20164)).toMatchObject({ name: 'v2scalar', args: { u: 1, size: 2, opc: 1, vd: 0, vn: 2, vm: 20 } }); // vmla.f32 q0, q1, d4[1]
    expect(d(0xf3b00001)).toMatchObject({ name: 'v2misc', args: { size: 0, a: 0, b: 0, q: 0, vd: 0, vm: 1 } }); // vrev64.8 d0, d1
    expect(d(0xf2b20344)).toMatchObject({ name: 'vext', args: { imm: 3, q: 1, vd: 0, vn: 2, vm: 4 } }); // vext.8 q0, q1, q2, #3
    expect(d(0xf3b10903)).toMatchObject({ name: 'vtbl', args: { len: 1, op: 0, vd: 0, vn: 1, vm: 3 } }); // vtbl.8 d0, {d1-d2}, d3
    expect(d(0xf3be0c42)).toMatchObject({ name: 'vdup_scalar', args: { imm: 14, q: 1, vd: 0, vm: 2 } }); // vdup.16 q0, d2[3]
  });
  it('element and structure loads and stores', () => {
    expect(d(0xf421020d)).toMatchObject({ name: 'vldst_multi', args: { l: 1, rn: 1, vd: 0, type: 2, idx: 0, rm: 13 } }); // vld1.8 {d0-d3}, [r1]!
    expect(ldstShape(0, 1, 2, 0, 0)).toMatchObject({ kind: 0, n: 1, regs: 4, es: 1, bytes: 32 });
    expect(d(0xf4824543)).toMatchObject({ name: 'vldst_single', args: { l: 0, rn: 2, vd: 4, type: 5, idx: 4, rm: 3 } }); // vst2.16 {d4[1],d5[1]}, [r2], r3
    expect(ldstShape(1, 0, 5, 4, 4)).toMatchObject({ kind: 1, n: 2, inc: 1, es: 2, index: 1, bytes: 4 });
    expect(d(0xf4a40f8f)).toMatchObject({ name: 'vldst_single', args: { l: 1, rn: 4, type: 15, idx: 8 } }); // vld4.32 {d0[]-d3[]}, [r4]
    expect(ldstShape(1, 1, 15, 8, 0)).toMatchObject({ kind: 2, n: 4, inc: 1, es: 4, bytes: 16 });
    // a register list past d31 is undefined
    expect(ldstShape(0, 1, 2, 0, 30)).toBeUndefined();
  });
  it('T32 encodings are rewritten into the A32 layout', () => {
    expect(neonFromT32(0xef042846)).toBe(0xf2042846); // vadd.i8 q1, q2, q3
    expect(neonFromT32(0xffbb2744)).toBe(0xf3bb2744); // vcvt.s32.f32 q1, q2 (U = 1)
    expect(neonFromT32(0xf921020d)).toBe(0xf421020d); // vld1.8 {d0-d3}, [r1]!
    expect(neonFromT32(0xf8510b04)).toBe(-1); // ldr.w r0, [r1], #4 is not NEON
    expect(disasmArm(0x1000, 0xef042846, 4, true)).toContain('vadd.i8  q1, q2, q3');
    expect(disasmArm(0x1000, 0xf421020d, 4, false)).toContain('vld1.8   {d0-d3}, [r1]!');
  });
});
