import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateDecoder } from '../../../tools/gen-decoder.js';
import { spec } from '../../../targets/mips/insns.spec.js';
import { decode32 } from '../../../targets/mips/decoder.generated.js';
import { disasm } from '../../../targets/mips/disasm.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('mips decoder generation', () => {
  it('decoder.generated.ts is current (npx tsx tools/gen-decoder.ts targets/mips/insns.spec.ts)', () => {
    const fresh = generateDecoder(spec, 'targets/mips/insns.spec.ts');
    const committed = readFileSync(root + 'targets/mips/decoder.generated.ts', 'utf8');
    expect(committed === fresh, 'decoder.generated.ts is stale').toBe(true);
  });
});

// encodings from mipsel-linux-gnu-as + objdump (-march=mips32r2 / mips64r2)
describe('mips decode', () => {
  it('extracts fields', () => {
    expect(decode32(0x27bdffe0)).toMatchObject({ name: 'addiu', args: { rt: 29, rs: 29, imm: -32 } }); // addiu sp,sp,-32
    expect(decode32(0x8fbf001c)).toMatchObject({ name: 'lw', args: { rt: 31, rs: 29, imm: 28 } }); // lw ra,28(sp)
    expect(decode32(0x03e00008)).toMatchObject({ name: 'jr', args: { rs: 31 } }); // jr ra
    expect(decode32(0x0320f809)).toMatchObject({ name: 'jalr', args: { rd: 31, rs: 25 } }); // jalr t9
    expect(decode32(0x1440fffd)).toMatchObject({ name: 'bne', args: { rs: 2, rt: 0, imm: -3 } });
    expect(decode32(0x5440fffd)).toMatchObject({ name: 'bnel' });
    expect(decode32(0x04110005)).toMatchObject({ name: 'bgezal', args: { rs: 0, imm: 5 } }); // bal
    expect(decode32(0x00a6001a)).toMatchObject({ name: 'div', args: { rs: 5, rt: 6 } });
    expect(decode32(0x00c001f4)).toMatchObject({ name: 'teq', args: { rs: 6, rt: 0, code: 7 } }); // teq a2,zero,0x7
    expect(decode32(0x7c03e83b)).toMatchObject({ name: 'rdhwr', args: { rt: 3, rd: 29 } }); // rdhwr v1,$29
    expect(decode32(0x7ca41a00)).toMatchObject({ name: 'ext', args: { rt: 4, rs: 5, msb: 3, lsb: 8 } }); // ext a0,a1,8,4
    expect(decode32(0x7ca45a04)).toMatchObject({ name: 'ins', args: { rt: 4, rs: 5, msb: 11, lsb: 8 } }); // ins a0,a1,8,4
    expect(decode32(0x7c052420)).toMatchObject({ name: 'seb', args: { rd: 4, rt: 5 } });
    expect(decode32(0x002a2042)).toMatchObject({ name: 'rotr', args: { rd: 4, rt: 10, sa: 1 } });
    expect(decode32(0xc0a40000)).toMatchObject({ name: 'll' });
    expect(decode32(0xe0a40000)).toMatchObject({ name: 'sc' });
    expect(decode32(0x46221080)).toMatchObject({ name: 'add_f', args: { fmt: 17, fd: 2, fs: 2, ft: 2 } }); // add.d $f2,$f2,$f2
    expect(decode32(0x4440f800)).toMatchObject({ name: 'cfc1', args: { rt: 0, fs: 31 } });
    expect(decode32(0x45010003)).toMatchObject({ name: 'bc1', args: { cc: 0, tf: 1, imm: 3 } }); // bc1t
    expect(decode32(0x46201032)).toMatchObject({ name: 'c_cond_f', args: { fmt: 17, cc: 0, fs: 2, ft: 0, cond: 2 } }); // c.eq.d $f2,$f0
    expect(decode32(0x0000003c)).toMatchObject({ name: 'dsll', args: { hi: 32 } }); // dsll32 zero,zero,0
    expect(decode32(0x78000000)).toBeNull(); // MSA: not decoded (a reserved instruction)
  });
  it('disassembles like objdump for the common forms', () => {
    expect(disasm(decode32(0x27bdffe0), 0x27bdffe0, 0x400000)).toBe('addiu\tsp,sp,-32');
    expect(disasm(decode32(0x8fbf001c), 0x8fbf001c, 0x400000)).toBe('lw\tra,28(sp)');
    expect(disasm(decode32(0x03e00008), 0x03e00008, 0x400000)).toBe('jr\tra');
    expect(disasm(decode32(0x00000000), 0x00000000, 0x400000)).toBe('nop');
    expect(disasm(decode32(0x1440fffd), 0x1440fffd, 0x400010)).toBe('bnez\tv0,0x400008');
    expect(disasm(decode32(0x00c001f4), 0x00c001f4, 0x400000)).toBe('teq\ta2,zero,0x7');
  });
});
