import { Excp } from '../../../src/core/exceptions.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runIsa } from '../../helpers/run-isa.js';
import { describe, expect, it } from 'vitest';
import { ExitKind } from '../../../src/core/ir.js';
import { GuestFault, Memory, PROT_R, PROT_W, PROT_X } from '../../../src/core/memory/flat.js';
import { aarch64Isa } from '../../../targets/aarch64/index.js';
import { A64Cpu, NF, SP, VBASE } from '../../../targets/aarch64/cpu.js';
import { bitmaskImm } from '../../../targets/aarch64/ctx.js';
import { decode32 } from '../../../targets/aarch64/decoder.generated.js';
import { disasm } from '../../../targets/aarch64/disasm.js';
import { generateDecoder } from '../../../tools/gen-decoder.js';
import { spec } from '../../../targets/aarch64/insns.spec.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const CODE = 0x10000;
const STACK_TOP = 0x80000;

function setup(words: number[]): { mem: Memory; cpu: A64Cpu } {
  const mem = new Memory();
  mem.map(CODE, 0x1000, PROT_R | PROT_X);
  words.forEach((w, i) => mem.dv.setUint32(CODE + 4 * i, w >>> 0, true));
  mem.map(STACK_TOP - 0x10000, 0x10000, PROT_R | PROT_W);
  const cpu = aarch64Isa.createCpu(mem) as A64Cpu;
  cpu.pc = CODE;
  cpu.setNum(2 * SP, STACK_TOP - 0x100);
  return { mem, cpu };
}

function run(mem: Memory, cpu: A64Cpu): number | GuestFault {
  return runIsa(aarch64Isa, mem, cpu);
}

const X = (cpu: A64Cpu, n: number) => BigInt.asUintN(64, cpu.get64(2 * n));

describe('aarch64 decoder', () => {
  it('decoder.generated.ts is current (npx tsx tools/gen-decoder.ts)', () => {
    const fresh = generateDecoder(spec, 'targets/aarch64/insns.spec.ts');
    expect(readFileSync(root + 'targets/aarch64/decoder.generated.ts', 'utf8') === fresh).toBe(true);
  });
  // encodings from aarch64-linux-gnu-as + objdump
  it('decodes known encodings', () => {
    expect(decode32(0xd2a24680)).toMatchObject({ name: 'movw', args: { sf: 1, opc: 2, hw: 1, imm: 0x1234, rd: 0 } });
    expect(decode32(0xab010002)).toMatchObject({ name: 'addsub_reg', args: { sf: 1, op: 0, s: 1, rm: 1, rn: 0, rd: 2 } });
    expect(decode32(0xa9bf7bfd)).toMatchObject({ name: 'ldst_pair', args: { opc: 2, mode: 3, l: 0, imm: -2, rt2: 30, rn: 31, rt: 29 } });
    expect(decode32(0x94000010)).toMatchObject({ name: 'bl', args: { imm: 64 } });
    expect(decode32(0x54ffffe1)).toMatchObject({ name: 'b_cond', args: { cond: 1, imm: -4 } });
    expect(decode32(0xd65f03c0)).toMatchObject({ name: 'ret', args: { rn: 30 } });
    expect(decode32(0xd53bd040)).toMatchObject({ name: 'mrs', args: { rt: 0 } });
    expect(decode32(0xd4000001)).toMatchObject({ name: 'svc', args: { imm: 0 } });
    expect(decode32(0x4e209801)).toMatchObject({ name: 'simd' });
    expect(decode32(0x00000000)).toBeNull();
  });
  it('decodes logical immediates (DecodeBitMasks)', () => {
    // and x5, x0, #0xff00ff00ff00ff00: N=0 immr=8 imms=0b100111
    expect(BigInt.asUintN(64, bitmaskImm(1, 0, 8, 0x27)!)).toBe(0xff00ff00ff00ff00n);
    expect(BigInt.asUintN(32, bitmaskImm(0, 0, 0, 0x3c)!)).toBe(0x55555555n);
    expect(bitmaskImm(1, 1, 0, 0x3f)).toBeUndefined(); // all ones is reserved
  });
});

describe('aarch64 disassembly', () => {
  // objdump's text for the same words (branch targets printed with 0x, as qemu does)
  const cases: Array<[number, number, string]> = [
    [0xa9bf7bfd, 0, 'stp x29, x30, [sp, #-16]!'],
    [0x910003fd, 0, 'mov x29, sp'],
    [0xd2807061, 0, 'mov x1, #0x383'],
    [0xf2ae73a1, 0, 'movk x1, #0x739d, lsl #16'],
    [0x92401c02, 0, 'and x2, x0, #0xff'],
    [0x6b03001f, 0, 'cmp w0, w3'],
    [0x9a9fa7e4, 0, 'cset x4, lt'],
    [0xd3442c06, 0, 'ubfx x6, x0, #4, #8'],
    [0xf8616a62, 0, 'ldr x2, [x19, x1]'],
    [0x384107f0, 0, 'ldrb w16, [sp], #16'],
    [0x94000010, 0x400000, 'bl 0x400040'],
    [0xd65f03c0, 0, 'ret'],
    [0xd53bd040, 0, 'mrs x0, tpidr_el0'],
    [0x885ffc20, 0, 'ldaxr w0, [x1]'],
    [0x8802fc20, 0, 'stlxr w2, w0, [x1]'],
  ];
  it.each(cases)('%s', (w, pc, text) => {
    expect(disasm(decode32(w), w, pc).replace('\t', ' ')).toBe(text);
  });
});

describe('aarch64 execution', () => {
  it('runs integer, memory, SIMD and FP instructions with ARM semantics', () => {
    // t.s: see the expectations below, one per instruction
    const words = [
      0xd2a24680, 0xf28acf00, 0x928000c1, 0xab010002, 0xeb000023, 0x9a9fa7e4, 0x92089c05, 0xd3442c06,
      0x937d1027, 0x9adf0808, 0x9ac10c29, 0x9b01000a, 0x9bc07c2b, 0xdac0100c, 0xdac00c0d, 0xda81040e,
      0xfa411004, 0x9a9f17ef, 0xf81f0fe0, 0x384107f0, 0x4e010e00, 0x4e209801, 0x0e0c3c11, 0x1e6f1002,
      0x9e620023, 0x1e632844, 0x9e780092, 0x1e622080, 0x9a9f57f3, 0xd4000001,
    ];
    const { mem, cpu } = setup(words);
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(cpu.pc).toBe(CODE + 4 * words.length);
    const exp: Array<[number, bigint]> = [
      [0, 0x12345678n], // movz/movk
      [1, 0xfffffffffffffff9n], // mov x1, #-7
      [2, 0x12345671n], // adds
      [3, 0xffffffffedcba981n], // subs
      [4, 1n], // cset lt after subs
      [5, 0x12005600n], // and (bitmask immediate)
      [6, 0x67n], // ubfx
      [7, 0xffffffffffffffc8n], // sbfiz
      [8, 0n], // udiv by zero is 0
      [9, 1n], // sdiv
      [10, 0xffffffff92c5f930n], // madd
      [11, 0x12345677n], // umulh
      [12, 35n], // clz
      [13, 0x7856341200000000n], // rev
      [14, 7n], // csneg (ne)
      [15, 0n], // ccmp then cset eq
      [16, 0x78n], // ldrb post-index
      [17, 0x78787878n], // dup + umov
      [18, 0xfffffffffffffffbn], // fcvtzs(-5.5) = -5
      [19, 1n], // fcmp less -> mi
    ];
    for (const [r, v] of exp) expect([r, X(cpu, r)]).toEqual([r, v]);
    expect(cpu.getNum(2 * SP)).toBe(STACK_TOP - 0x100); // pre/post-index write-back
    expect([...cpu.r.subarray(VBASE + 4, VBASE + 8)]).toEqual([0, 0, 0, 0]); // cmeq v1 = 0
    expect(cpu.f64[VBASE / 2 + 8]).toBe(-5.5); // d4
    expect(cpu.r[2 * NF]).toBe(1);
  });
  it('de-interleaves with LD2 and re-interleaves with ST2 (post-index)', () => {
    // mov x0, sp; x1/x2 = bytes 00..0f; stp; ld2 {v1.8b, v2.8b}; st2 to [x0+16], #16;
    // ldp x4, x5, [x0, #16]; fmov x6, d1; fmov x7, d2; ld1 {v3.16b, v4.16b}, [x0]; mov x8, v3.d[1]
    const words = [
      0x910003e0, 0xd2802001, 0xf2a06041, 0xf2c0a081, 0xf2e0e0c1, 0xd2812102, 0xf2a16142, 0xf2c1a182,
      0xf2e1e1c2, 0xa9000801, 0x0c408001, 0x91004003, 0x0c9f8061, 0xa9411404, 0x9e660026, 0x9e660047,
      0x4c40a003, 0x4e183c68, 0xd4000001,
    ];
    const { mem, cpu } = setup(words);
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(X(cpu, 4)).toBe(0x0706050403020100n);
    expect(X(cpu, 5)).toBe(0x0f0e0d0c0b0a0908n);
    expect(X(cpu, 6)).toBe(0x0e0c0a0806040200n);
    expect(X(cpu, 7)).toBe(0x0f0d0b0907050301n);
    expect(X(cpu, 8)).toBe(0x0f0e0d0c0b0a0908n);
    expect(X(cpu, 3)).toBe(BigInt(STACK_TOP - 0x100 + 32)); // post-index by the transfer size
  });
  it('raises an illegal-instruction exception for an unallocated encoding', () => {
    const { mem, cpu } = setup([0x00000000]);
    expect(run(mem, cpu)).toBe(ExitKind.Exception);
    expect([cpu.excp, cpu.excpAddr, cpu.pc]).toEqual([Excp.Illegal, CODE, CODE]);
  });
});
