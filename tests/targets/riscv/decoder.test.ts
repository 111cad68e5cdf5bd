import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateDecoder, type DecoderSpec } from '../../../tools/gen-decoder.js';
import { spec } from '../../../targets/riscv/insns.spec.js';
import { decode16, decode32, PATTERNS } from '../../../targets/riscv/decoder.generated.js';
import { disasm } from '../../../targets/riscv/disasm.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

const dec = (hex: string) => (hex.length === 4 ? decode16(parseInt(hex, 16)) : decode32(parseInt(hex, 16)));

describe('riscv decoder generation', () => {
  it('decoder.generated.ts is current (npx tsx tools/gen-decoder.ts)', () => {
    const fresh = generateDecoder(spec, 'targets/riscv/insns.spec.ts');
    const committed = readFileSync(root + 'targets/riscv/decoder.generated.ts', 'utf8');
    expect(committed === fresh, 'decoder.generated.ts is stale: run npx tsx tools/gen-decoder.ts').toBe(true);
  });
});

describe('riscv decode', () => {
  // encodings from riscv64-linux-gnu-as (-march=rv64gc) + objdump
  it('extracts 32-bit fields', () => {
    expect(dec('feb50ae3')).toMatchObject({ name: 'beq', args: { rs1: 10, rs2: 11, imm: -12 } });
    expect(dec('fff10503')).toMatchObject({ name: 'lb', args: { rd: 10, rs1: 2, imm: -1 } });
    expect(dec('fea10fa3')).toMatchObject({ name: 'sb', args: { rs1: 2, rs2: 10, imm: -1 } });
    expect(dec('80045503')).toMatchObject({ name: 'lhu', args: { rd: 10, rs1: 8, imm: -2048 } });
    expect(dec('ffffffb7')).toMatchObject({ name: 'lui', args: { rd: 31, imm: -4096 } });
    expect(dec('008000ef')).toMatchObject({ name: 'jal', args: { rd: 1, imm: 8 } });
    expect(dec('03f59513')).toMatchObject({ name: 'slli', args: { rd: 10, rs1: 11, shamt: 63 } });
    expect(dec('4015d513')).toMatchObject({ name: 'srai', args: { rd: 10, rs1: 11, shamt: 1 } });
    expect(dec('06c5a52f')).toMatchObject({ name: 'amoadd_w', args: { rd: 10, rs1: 11, rs2: 12, aq: 1, rl: 1 } });
    expect(dec('1405b52f')).toMatchObject({ name: 'lr_d', args: { rd: 10, rs1: 11, aq: 1, rl: 0 } });
    expect(dec('c0102573')).toMatchObject({ name: 'csrrs', args: { rd: 10, rs1: 0, csr: 0xc01 } });
    expect(dec('6ac5b54f')).toMatchObject({ name: 'fnmadd_d', args: { rd: 10, rs1: 11, rs2: 12, rs3: 13, rm: 3 } });
    expect(dec('c0059553')).toMatchObject({ name: 'fcvt_w_s', args: { rd: 10, rs1: 11, rm: 1 } });
    expect(dec('8330000f')).toMatchObject({ name: 'fence', args: { fm: 8, pred: 3, succ: 3 } });
  });

  it('expands compressed instructions to their base handler', () => {
    expect(dec('0808')).toMatchObject({ name: 'addi', args: { rd: 10, rs1: 2, imm: 16 } }); // c.addi4spn
    expect(dec('7139')).toMatchObject({ name: 'addi', args: { rd: 2, rs1: 2, imm: -64 } }); // c.addi16sp
    expect(dec('7501')).toMatchObject({ name: 'lui', args: { rd: 10, imm: -0x20000 } }); // c.lui 0xfffe0
    expect(dec('5501')).toMatchObject({ name: 'addi', args: { rd: 10, rs1: 0, imm: -32 } }); // c.li
    expect(dec('fde8')).toMatchObject({ name: 'sd', args: { rs1: 11, rs2: 10, imm: 248 } });
    expect(dec('41c8')).toMatchObject({ name: 'lw', args: { rd: 10, rs1: 11, imm: 4 } });
    expect(dec('70fe')).toMatchObject({ name: 'ld', args: { rd: 1, rs1: 2, imm: 504 } }); // c.ldsp
    expect(dec('dfaa')).toMatchObject({ name: 'sw', args: { rs1: 2, rs2: 10, imm: 252 } }); // c.swsp
    expect(dec('a001')).toMatchObject({ name: 'jal', args: { rd: 0, imm: 0 } }); // c.j .
    expect(dec('dd7d')).toMatchObject({ name: 'beq', args: { rs1: 10, rs2: 0, imm: -2 } }); // c.beqz
    expect(dec('8082')).toMatchObject({ name: 'jalr', args: { rd: 0, rs1: 1, imm: 0 } }); // ret
    expect(dec('9502')).toMatchObject({ name: 'jalr', args: { rd: 1, rs1: 10, imm: 0 } }); // c.jalr
    expect(dec('852e')).toMatchObject({ name: 'add', args: { rd: 10, rs1: 0, rs2: 11 } }); // c.mv
    expect(dec('9002')).toMatchObject({ name: 'ebreak' });
    expect(PATTERNS[dec('9002')!.pat]).toBe('c_ebreak');
    expect(dec('95fd')).toMatchObject({ name: 'srai', args: { rd: 11, rs1: 11, shamt: 63 } });
  });

  it('decodes the privileged instructions (system mode translates them; user mode rejects them)', () => {
    expect(dec('30200073')?.name).toBe('mret');
    expect(dec('10200073')?.name).toBe('sret');
    expect(dec('10500073')?.name).toBe('wfi');
    expect(dec('12b50073')).toMatchObject({ name: 'sfence_vma', args: { rs1: 10, rs2: 11 } });
  });

  it('rejects reserved and unknown encodings', () => {
    for (const h of ['0000', '6001', '6101', '4002', '6002', '8002', '2001', '9c41', '9c61', '8000']) {
      const d = dec(h);
      expect(d === null || d.name === 'illegal', h).toBe(true);
    }
    for (const h of ['00000000', 'ffffffff', '0000707b', '4000c033', '0200101b', '58100053', 'e0002053']) {
      const d = dec(h);
      expect(d === null || d.name === 'illegal', h).toBe(true);
    }
  });
});

/** [pc, encoding, expected text]: objdump -d output for all.s / c.s, with the noted deviations */
const OBJDUMP: Array<[number, string, string]> = [
  [0x0, '12345537', "lui\ta0,0x12345"],
  [0x4, 'ffffffb7', "lui\tt6,0xfffff"],
  [0x8, '00010097', "auipc\tra,0x10"],
  [0xc, '008000ef', "jal\t0x14"],
  [0x10, '0040006f', "j\t0x14"],
  [0x14, '008580e7', "jalr\t8(a1)"],
  [0x18, '00008067', "ret"],
  [0x1c, 'ffc28567', "jalr\ta0,-4(t0)"],
  [0x20, 'feb50ae3', "beq\ta0,a1,0x14"],
  [0x24, 'fe0518e3', "bnez\ta0,0x14"],
  [0x28, 'fe9446e3', "blt\ts0,s1,0x14"],
  [0x2c, 'fe62d4e3', "bge\tt0,t1,0x14"],
  [0x30, 'fed662e3', "bltu\ta2,a3,0x14"],
  [0x34, 'fef770e3', "bgeu\ta4,a5,0x14"],
  [0x38, 'fca5cee3', "blt\ta1,a0,0x14"],
  [0x3c, 'fca05ce3', "blez\ta0,0x14"],
  [0x40, 'fc055ae3', "bgez\ta0,0x14"],
  [0x44, 'fc0548e3', "bltz\ta0,0x14"],
  [0x48, 'fca046e3', "bgtz\ta0,0x14"],
  [0x4c, 'fff10503', "lb\ta0,-1(sp)"],
  [0x50, '00211503', "lh\ta0,2(sp)"],
  [0x54, '00412503', "lw\ta0,4(sp)"],
  [0x58, '00813503', "ld\ta0,8(sp)"],
  [0x5c, '7ff44503', "lbu\ta0,2047(s0)"],
  [0x60, '80045503', "lhu\ta0,-2048(s0)"],
  [0x64, '00056503', "lwu\ta0,0(a0)"],
  [0x68, 'fea10fa3', "sb\ta0,-1(sp)"],
  [0x6c, '00b11123', "sh\ta1,2(sp)"],
  [0x70, '00c12223', "sw\ta2,4(sp)"],
  [0x74, '00d13423', "sd\ta3,8(sp)"],
  [0x78, '00558513', "add\ta0,a1,5"],
  [0x7c, 'ffb00513', "li\ta0,-5"],
  [0x80, '00058513', "mv\ta0,a1"],
  [0x84, '00000013', "nop"],
  [0x88, 'ffd5a513', "slti\ta0,a1,-3"],
  [0x8c, '0015b513', "seqz\ta0,a1"],
  [0x90, '0075b513', "sltiu\ta0,a1,7"],
  [0x94, 'fff5c513', "not\ta0,a1"],
  [0x98, '00c5c513', "xor\ta0,a1,12"],
  [0x9c, '7ff5e513', "or\ta0,a1,2047"],
  [0xa0, '0ff5f513', "zext.b\ta0,a1"],
  [0xa4, '03f59513', "sll\ta0,a1,0x3f"],
  [0xa8, '0205d513', "srl\ta0,a1,0x20"],
  [0xac, '4015d513', "sra\ta0,a1,0x1"],
  [0xb0, 'fff5851b', "addw\ta0,a1,-1"],
  [0xb4, '0005851b', "sext.w\ta0,a1"],
  [0xb8, '01f5951b', "sllw\ta0,a1,0x1f"],
  [0xbc, '0035d51b', "srlw\ta0,a1,0x3"],
  [0xc0, '4045d51b', "sraw\ta0,a1,0x4"],
  [0xc4, '00c58533', "add\ta0,a1,a2"],
  [0xc8, '40c58533', "sub\ta0,a1,a2"],
  [0xcc, '40c00533', "neg\ta0,a2"],
  [0xd0, '00c59533', "sll\ta0,a1,a2"],
  [0xd4, '00c5a533', "slt\ta0,a1,a2"],
  [0xd8, '0005a533', "sltz\ta0,a1"],
  [0xdc, '00b02533', "sgtz\ta0,a1"],
  [0xe0, '00c5b533', "sltu\ta0,a1,a2"],
  [0xe4, '00c03533', "snez\ta0,a2"],
  [0xe8, '00c5c533', "xor\ta0,a1,a2"],
  [0xec, '00c5d533', "srl\ta0,a1,a2"],
  [0xf0, '40c5d533', "sra\ta0,a1,a2"],
  [0xf4, '00c5e533', "or\ta0,a1,a2"],
  [0xf8, '00c5f533', "and\ta0,a1,a2"],
  [0xfc, '00c5853b', "addw\ta0,a1,a2"],
  [0x100, '40c5853b', "subw\ta0,a1,a2"],
  [0x104, '40c0053b', "negw\ta0,a2"],
  [0x108, '00c5953b', "sllw\ta0,a1,a2"],
  [0x10c, '00c5d53b', "srlw\ta0,a1,a2"],
  [0x110, '40c5d53b', "sraw\ta0,a1,a2"],
  [0x114, '0ff0000f', "fence"],
  [0x118, '0330000f', "fence\trw,rw"],
  [0x11c, '0210000f', "fence\tr,w"],
  [0x120, '0000100f', "fence.i"],
  [0x124, '8330000f', "fence.tso"],
  [0x128, '00000073', "ecall"],
  [0x12c, '00100073', "ebreak"],
  [0x130, '02c58533', "mul\ta0,a1,a2"],
  [0x134, '02c59533', "mulh\ta0,a1,a2"],
  [0x138, '02c5a533', "mulhsu\ta0,a1,a2"],
  [0x13c, '02c5b533', "mulhu\ta0,a1,a2"],
  [0x140, '02c5c533', "div\ta0,a1,a2"],
  [0x144, '02c5d533', "divu\ta0,a1,a2"],
  [0x148, '02c5e533', "rem\ta0,a1,a2"],
  [0x14c, '02c5f533', "remu\ta0,a1,a2"],
  [0x150, '02c5853b', "mulw\ta0,a1,a2"],
  [0x154, '02c5c53b', "divw\ta0,a1,a2"],
  [0x158, '02c5d53b', "divuw\ta0,a1,a2"],
  [0x15c, '02c5e53b', "remw\ta0,a1,a2"],
  [0x160, '02c5f53b', "remuw\ta0,a1,a2"],
  [0x164, '1005a52f', "lr.w\ta0,(a1)"],
  [0x168, '1405b52f', "lr.d.aq\ta0,(a1)"],
  [0x16c, '18c5a52f', "sc.w\ta0,a2,(a1)"],
  [0x170, '1ac5b52f', "sc.d.rl\ta0,a2,(a1)"],
  [0x174, '08c5a52f', "amoswap.w\ta0,a2,(a1)"],
  [0x178, '06c5a52f', "amoadd.w.aqrl\ta0,a2,(a1)"],
  [0x17c, '20c5a52f', "amoxor.w\ta0,a2,(a1)"],
  [0x180, '60c5a52f', "amoand.w\ta0,a2,(a1)"],
  [0x184, '40c5a52f', "amoor.w\ta0,a2,(a1)"],
  [0x188, '80c5a52f', "amomin.w\ta0,a2,(a1)"],
  [0x18c, 'a0c5a52f', "amomax.w\ta0,a2,(a1)"],
  [0x190, 'c0c5a52f', "amominu.w\ta0,a2,(a1)"],
  [0x194, 'e0c5a52f', "amomaxu.w\ta0,a2,(a1)"],
  [0x198, '08c5b52f', "amoswap.d\ta0,a2,(a1)"],
  [0x19c, '00c5b52f', "amoadd.d\ta0,a2,(a1)"],
  [0x1a0, '20c5b52f', "amoxor.d\ta0,a2,(a1)"],
  [0x1a4, '60c5b52f', "amoand.d\ta0,a2,(a1)"],
  [0x1a8, '40c5b52f', "amoor.d\ta0,a2,(a1)"],
  [0x1ac, '80c5b52f', "amomin.d\ta0,a2,(a1)"],
  [0x1b0, 'a0c5b52f', "amomax.d\ta0,a2,(a1)"],
  [0x1b4, 'c0c5b52f', "amominu.d\ta0,a2,(a1)"],
  [0x1b8, 'e0c5b02f', "amomaxu.d\tzero,a2,(a1)"],
  [0x1bc, '00359573', "fscsr\ta0,a1"],
  [0x1c0, '00359073', "fscsr\ta1"],
  [0x1c4, '0015a573', "csrrs\ta0,fflags,a1"],
  [0x1c8, '00202573', "frrm\ta0"],
  [0x1cc, '0015b573', "csrrc\ta0,fflags,a1"],
  [0x1d0, '0015b073', "csrc\tfflags,a1"],
  [0x1d4, '0021d573', "fsrmi\ta0,3"],
  [0x1d8, '0021d073', "fsrmi\t3"], // objdump: fsrmi zero,3
  [0x1dc, '0010e573', "csrrs\ta0,fflags,1"],
  [0x1e0, '0010e073', "csrs\tfflags,1"],
  [0x1e4, '00117573', "csrrc\ta0,fflags,2"],
  [0x1e8, 'c0002573', "rdcycle\ta0"],
  [0x1ec, 'c0102573', "rdtime\ta0"],
  [0x1f0, 'c0202573', "rdinstret\ta0"],
  [0x1f4, '00302573', "frcsr\ta0"],
  [0x1f8, '00251073', "fsrm\ta0"],
  [0x1fc, '7c002573', "csrr\ta0,0x7c0"],
  [0x200, '30002573', "csrr\ta0,mstatus"],
  [0x204, '00412507', "flw\tfa0,4(sp)"],
  [0x208, 'ff843407', "fld\tfs0,-8(s0)"],
  [0x20c, '00a12227', "fsw\tfa0,4(sp)"],
  [0x210, 'fe843c27', "fsd\tfs0,-8(s0)"],
  [0x214, '68c5f543', "fmadd.s\tfa0,fa1,fa2,fa3"],
  [0x218, '68c59547', "fmsub.s\tfa0,fa1,fa2,fa3,rtz"],
  [0x21c, '68c5f54b', "fnmsub.s\tfa0,fa1,fa2,fa3"],
  [0x220, '68c5f54f', "fnmadd.s\tfa0,fa1,fa2,fa3"],
  [0x224, '6ac58543', "fmadd.d\tfa0,fa1,fa2,fa3,rne"],
  [0x228, '6ac5f547', "fmsub.d\tfa0,fa1,fa2,fa3"],
  [0x22c, '6ac5f54b', "fnmsub.d\tfa0,fa1,fa2,fa3"],
  [0x230, '6ac5b54f', "fnmadd.d\tfa0,fa1,fa2,fa3,rup"],
  [0x234, '0020f053', "fadd.s\tft0,ft1,ft2"],
  [0x238, '0820a053', "fsub.s\tft0,ft1,ft2,rdn"],
  [0x23c, '1020f053', "fmul.s\tft0,ft1,ft2"],
  [0x240, '1820c053', "fdiv.s\tft0,ft1,ft2,rmm"],
  [0x244, '5800f053', "fsqrt.s\tft0,ft1"],
  [0x248, '0220f053', "fadd.d\tft0,ft1,ft2"],
  [0x24c, '0a20f053', "fsub.d\tft0,ft1,ft2"],
  [0x250, '1220f053', "fmul.d\tft0,ft1,ft2"],
  [0x254, '1a20f053', "fdiv.d\tft0,ft1,ft2"],
  [0x258, '5a009053', "fsqrt.d\tft0,ft1,rtz"],
  [0x25c, '20c58553', "fsgnj.s\tfa0,fa1,fa2"],
  [0x260, '20b58553', "fmv.s\tfa0,fa1"],
  [0x264, '20c59553', "fsgnjn.s\tfa0,fa1,fa2"],
  [0x268, '20b59553', "fneg.s\tfa0,fa1"],
  [0x26c, '20c5a553', "fsgnjx.s\tfa0,fa1,fa2"],
  [0x270, '20b5a553', "fabs.s\tfa0,fa1"],
  [0x274, '22c58553', "fsgnj.d\tfa0,fa1,fa2"],
  [0x278, '22b58553', "fmv.d\tfa0,fa1"],
  [0x27c, '22b59553', "fneg.d\tfa0,fa1"],
  [0x280, '22b5a553', "fabs.d\tfa0,fa1"],
  [0x284, '22c5a553', "fsgnjx.d\tfa0,fa1,fa2"],
  [0x288, '28c58553', "fmin.s\tfa0,fa1,fa2"],
  [0x28c, '28c59553', "fmax.s\tfa0,fa1,fa2"],
  [0x290, '2ac58553', "fmin.d\tfa0,fa1,fa2"],
  [0x294, '2ac59553', "fmax.d\tfa0,fa1,fa2"],
  [0x298, '4015f553', "fcvt.s.d\tfa0,fa1"],
  [0x29c, '42058553', "fcvt.d.s\tfa0,fa1"],
  [0x2a0, '40159553', "fcvt.s.d\tfa0,fa1,rtz"],
  [0x2a4, 'a0c5a553', "feq.s\ta0,fa1,fa2"],
  [0x2a8, 'a0c59553', "flt.s\ta0,fa1,fa2"],
  [0x2ac, 'a0c58553', "fle.s\ta0,fa1,fa2"],
  [0x2b0, 'a2c5a553', "feq.d\ta0,fa1,fa2"],
  [0x2b4, 'a2c59553', "flt.d\ta0,fa1,fa2"],
  [0x2b8, 'a2c58553', "fle.d\ta0,fa1,fa2"],
  [0x2bc, 'e0059553', "fclass.s\ta0,fa1"],
  [0x2c0, 'e2059553', "fclass.d\ta0,fa1"],
  [0x2c4, 'c0059553', "fcvt.w.s\ta0,fa1,rtz"],
  [0x2c8, 'c015f553', "fcvt.wu.s\ta0,fa1"],
  [0x2cc, 'c025f553', "fcvt.l.s\ta0,fa1"],
  [0x2d0, 'c0359553', "fcvt.lu.s\ta0,fa1,rtz"],
  [0x2d4, 'c2059553', "fcvt.w.d\ta0,fa1,rtz"],
  [0x2d8, 'c215f553', "fcvt.wu.d\ta0,fa1"],
  [0x2dc, 'c225f553', "fcvt.l.d\ta0,fa1"],
  [0x2e0, 'c235f553', "fcvt.lu.d\ta0,fa1"],
  [0x2e4, 'd005f553', "fcvt.s.w\tfa0,a1"],
  [0x2e8, 'd015f553', "fcvt.s.wu\tfa0,a1"],
  [0x2ec, 'd025f553', "fcvt.s.l\tfa0,a1"],
  [0x2f0, 'd035f553', "fcvt.s.lu\tfa0,a1"],
  [0x2f4, 'd2058553', "fcvt.d.w\tfa0,a1"],
  [0x2f8, 'd2158553', "fcvt.d.wu\tfa0,a1"],
  [0x2fc, 'd225f553', "fcvt.d.l\tfa0,a1"],
  [0x300, 'd2359553', "fcvt.d.lu\tfa0,a1,rtz"],
  [0x304, 'e0058553', "fmv.x.w\ta0,fa1"],
  [0x308, 'f0058553', "fmv.w.x\tfa0,a1"],
  [0x30c, 'e2058553', "fmv.x.d\ta0,fa1"],
  [0x310, 'f2058553', "fmv.d.x\tfa0,a1"],
  [0x314, 'f0000553', "fmv.w.x\tfa0,zero"],
  [0x0, '0808', "add\ta0,sp,16"],
  [0x2, '2588', "fld\tfa0,8(a1)"],
  [0x4, '41c8', "lw\ta0,4(a1)"],
  [0x6, '6588', "ld\ta0,8(a1)"],
  [0x8, 'a588', "fsd\tfa0,8(a1)"],
  [0xa, 'c1c8', "sw\ta0,4(a1)"],
  [0xc, 'fde8', "sd\ta0,248(a1)"],
  [0xe, '0001', "nop"],
  [0x10, '157d', "add\ta0,a0,-1"],
  [0x12, '2505', "addw\ta0,a0,1"],
  [0x14, '2501', "sext.w\ta0,a0"],
  [0x16, '457d', "li\ta0,31"],
  [0x18, '5501', "li\ta0,-32"],
  [0x1a, '7139', "add\tsp,sp,-64"],
  [0x1c, '617d', "add\tsp,sp,496"],
  [0x1e, '6505', "lui\ta0,0x1"],
  [0x20, '7501', "lui\ta0,0xfffe0"],
  [0x22, '810d', "srl\ta0,a0,0x3"],
  [0x24, '95fd', "sra\ta1,a1,0x3f"],
  [0x26, '9a7d', "and\ta2,a2,-1"],
  [0x28, '8d0d', "sub\ta0,a0,a1"],
  [0x2a, '8d2d', "xor\ta0,a0,a1"],
  [0x2c, '8d4d', "or\ta0,a0,a1"],
  [0x2e, '8d6d', "and\ta0,a0,a1"],
  [0x30, '9d0d', "subw\ta0,a0,a1"],
  [0x32, '9d2d', "addw\ta0,a0,a1"],
  [0x34, 'a001', "j\t0x34"],
  [0x36, 'dd7d', "beqz\ta0,0x34"],
  [0x38, 'fcf5', "bnez\ts1,0x34"],
  [0x3a, '0506', "sll\ta0,a0,0x1"],
  [0x3c, '2522', "fld\tfa0,8(sp)"],
  [0x3e, '4512', "lw\ta0,4(sp)"],
  [0x40, '70fe', "ld\tra,504(sp)"],
  [0x42, '8082', "ret"],
  [0x44, '8782', "jr\ta5"],
  [0x46, '852e', "mv\ta0,a1"],
  [0x48, '9002', "ebreak"],
  [0x4a, '9502', "jalr\ta0"],
  [0x4c, '952e', "add\ta0,a0,a1"],
  [0x4e, 'a42a', "fsd\tfa0,8(sp)"],
  [0x50, 'dfaa', "sw\ta0,252(sp)"],
  [0x52, 'e406', "sd\tra,8(sp)"],

];

describe('riscv disassembler', () => {
  it('matches objdump on every RV64GC instruction form', () => {
    for (const [pc, hex, text] of OBJDUMP) {
      const raw = parseInt(hex, 16);
      expect(disasm(dec(hex), raw, pc, hex.length / 2), hex).toBe(text);
    }
  });
});

describe('gen-decoder on a toy ISA', () => {
  const toy: DecoderSpec = {
    isa: 'toy8',
    output: 'x.ts',
    fields: {
      r: { parts: [[0, 2]], expr: 'x + 4' },
      s: { parts: [[3, 1], [0, 3]], signed: true, shl: 1 },
    },
    formats: { none: {}, r: { r: 'r' }, rk: { r: { const: 7 } }, s: { s: 's' } },
    decoders: [{
      name: 'dec8', width: 8, patterns: [
        ['halt', '0000 0000', 'none'],
        ['special', '0000 0011', 'rk', 'reg'],
        ['reg', '0000 00..', 'r'],
        ['imm', '0001 ....', 's'],
      ],
    }],
  };
  it('generates a working decoder with first-match priority', async () => {
    const src = generateDecoder(toy, 'toy.spec.ts');
    expect(src).toContain('GENERATED by tools/gen-decoder.ts');
    // strip the TypeScript-only syntax and evaluate the decoder
    const js = src
      .replace(/^export (interface|type) [\s\S]*?^}?;?$/gm, '')
      .replace(/^export interface .*$/gm, '')
      .replace(/^export type .*$/gm, '')
      .replace(/export const PATTERNS: readonly string\[\]/, 'const PATTERNS')
      .replace(/\(insn: number\): [A-Za-z_|\s]+ \{/g, '(insn) {')
      .replace(/ as Insn/g, '')
      .replace(/export function/g, 'function');
    const dec8 = new Function(`${js}\nreturn dec8;`)() as (i: number) => { name: string; args: Record<string, number> } | null;
    expect(dec8(0x00)).toMatchObject({ name: 'halt' });
    expect(dec8(0x03)).toMatchObject({ name: 'reg', args: { r: 7 } });
    expect(dec8(0x01)).toMatchObject({ name: 'reg', args: { r: 5 } });
    expect(dec8(0x1f)).toMatchObject({ name: 'imm', args: { s: -2 } });
    expect(dec8(0x1d)).toMatchObject({ name: 'imm', args: { s: -6 } });
    expect(dec8(0x15)).toMatchObject({ name: 'imm', args: { s: 10 } });
    expect(dec8(0x20)).toBeNull();
  });
  it('rejects unreachable patterns and mismatched handler arguments', () => {
    const shadow: DecoderSpec = { ...toy, decoders: [{ name: 'd', width: 8, patterns: [['a', '0000 ....', 'none'], ['b', '0000 0001', 'none']] }] };
    expect(() => generateDecoder(shadow, 'x')).toThrow(/unreachable/);
    const clash: DecoderSpec = { ...toy, decoders: [{ name: 'd', width: 8, patterns: [['a', '0000 ....', 'r', 'h'], ['b', '0001 ....', 's', 'h']] }] };
    expect(() => generateDecoder(clash, 'x')).toThrow(/handler h/);
  });
});
