import { Excp } from '../../../src/core/exceptions.js';
import { runIsa } from '../../helpers/run-isa.js';
import { describe, expect, it } from 'vitest';
import { ExitKind } from '../../../src/core/ir.js';
import { GuestFault, Memory, PAGE_SHIFT, PROT_R, PROT_W, PROT_X } from '../../../src/core/memory/flat.js';
import { compileRegion, type FaultHooks } from '../../../src/core/backend/region.js';
import { DEFAULT_LIMITS, formRegion } from '../../../src/core/engine/translate.js';
import { armIsa } from '../../../targets/arm/index.js';
import { ArmCpu, D0_INDEX } from '../../../targets/arm/cpu.js';

/**
 * Whole-D-register transfers (VLDR/VSTR, VLDM/VSTM, VLD1/VST1 of whole registers) go through
 * the arm_ld64 / arm_st64 / neon_vldm helpers (targets/arm/helpers-neon-ldst.ts) so that copy
 * loops made of them (glibc's memcpy) compile to JS small enough for V8 to optimise. This
 * checks their results (unaligned, crossing pages), their faults and code invalidation, and
 * the size of the code a block of them compiles to.
 */
const CODE = 0x10000, DATA = 0x20000;
const SRC = 0x20ffc; // word aligned, not doubleword aligned; 32-byte reads cross a page
const DST = 0x22ff4;
const srcByte = (i: number) => (i * 37 + 5) & 0xff;

function setup(words: number[]): { mem: Memory; cpu: ArmCpu } {
  const mem = new Memory();
  mem.map(CODE, 0x1000, PROT_R | PROT_X);
  mem.map(DATA, 0x4000, PROT_R | PROT_W);
  words.forEach((w, i) => mem.dv.setUint32(CODE + 4 * i, w >>> 0, true));
  for (let i = 0; i < 64; i++) mem.u8[SRC + i] = srcByte(i);
  const cpu = new ArmCpu(mem);
  cpu.pc = CODE;
  return { mem, cpu };
}

function run(mem: Memory, cpu: ArmCpu): number | GuestFault {
  return runIsa(armIsa, mem, cpu, 100);
}

const dBytes = (cpu: ArmCpu, k: number) => [...new Uint8Array(cpu.r.buffer, 4 * (D0_INDEX + 2 * k), 8)];
const src = (from: number, n: number) => Array.from({ length: n }, (_, i) => srcByte(from + i));

describe('arm whole-D-register loads and stores', () => {
  it('VLD1/VST1, VLDR/VSTR and VLDM/VSTM move the bytes qemu-arm moves', () => {
    const { mem, cpu } = setup([
      0xf421020d, // vld1.8 {d0-d3}, [r1]!
      0xf402020d, // vst1.8 {d0-d3}, [r2]!
      0xf4214acf, // vld1.64 {d4-d5}, [r1]
      0xf4024783, // vst1.32 {d4}, [r2], r3
      0xed916b02, // vldr d6, [r1, #8]
      0xed026b02, // vstr d6, [r2, #-8]
      0xed117b01, // vldr d7, [r1, #-4]
      0xec820b04, // vstmia r2, {d0-d1}
      0xec918b04, // vldmia r1, {d8-d9}
      0xef000000, // svc 0
    ]);
    cpu.r[1] = SRC;
    cpu.r[2] = DST;
    cpu.r[3] = 16;
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(cpu.r[1]).toBe(SRC + 32);
    expect(cpu.r[2]).toBe(DST + 48);
    expect([...mem.u8.subarray(DST, DST + 64)]).toEqual([...src(0, 48), ...src(0, 16)]);
    for (let k = 0; k < 4; k++) expect(dBytes(cpu, k)).toEqual(src(8 * k, 8));
    expect(dBytes(cpu, 4)).toEqual(src(32, 8));
    expect(dBytes(cpu, 5)).toEqual(src(40, 8));
    expect(dBytes(cpu, 6)).toEqual(src(40, 8));
    expect(dBytes(cpu, 7)).toEqual(src(28, 8));
    expect(dBytes(cpu, 8)).toEqual(src(32, 8));
    expect(dBytes(cpu, 9)).toEqual(src(40, 8));
  });

  it('a store to a read-only page faults at its instruction and writes nothing', () => {
    const { mem, cpu } = setup([0xed916b02, 0xed026b02, 0xef000000]); // vldr d6, [r1, #8]; vstr d6, [r2, #-8]
    mem.protect(DATA + 0x3000, 0x1000, PROT_R);
    cpu.r[1] = SRC;
    cpu.r[2] = DATA + 0x3004; // the 8 bytes at 0x22ffc..0x23003: the second half is read-only
    const f = run(mem, cpu);
    expect(f).toBeInstanceOf(GuestFault);
    expect((f as GuestFault).pc).toBe(CODE + 4);
    expect((f as GuestFault).write).toBe(true);
    expect([...mem.u8.subarray(DATA + 0x2ffc, DATA + 0x3000)]).toEqual([0, 0, 0, 0]);
  });

  it('a load from an unmapped page faults with the address', () => {
    const { mem, cpu } = setup([0xf421020d, 0xef000000]); // vld1.8 {d0-d3}, [r1]!
    cpu.r[1] = DATA + 0x3ff0; // the last 16 bytes are past the mapping
    const f = run(mem, cpu);
    expect(f).toBeInstanceOf(GuestFault);
    expect((f as GuestFault).pc).toBe(CODE);
    expect((f as GuestFault).addr).toBe(DATA + 0x4000);
    expect(cpu.r[1]).toBe(DATA + 0x3ff0); // no writeback
  });

  it('arm_st64 on a page holding translated code invalidates it', () => {
    const mem = new Memory();
    mem.map(DATA, 0x2000, PROT_R | PROT_W);
    mem.perm[(DATA + 0x1000) >>> PAGE_SHIFT] |= 8; // PAGE_CODE
    const pages: number[] = [];
    mem.onCodeWrite = (p) => { pages.push(p); };
    const cpu = new ArmCpu(mem);
    armIsa.helpers.arm_st64(cpu, DATA + 0x800, 1, 2);
    expect(pages).toEqual([]);
    armIsa.helpers.arm_st64(cpu, DATA + 0xffc, 0x11223344, 0x55667788);
    expect(pages).toEqual([(DATA + 0x1000) >>> PAGE_SHIFT]);
    expect(armIsa.helpers.arm_ld64(cpu, DATA + 0xffc)).toBe(0x11223344);
    expect(cpu.rhi).toBe(0x55667788);
  });

  it('a block of VLDR/VSTR compiles to compact code (calls, not inline accesses)', () => {
    // 60 x (vldr d0, [r1, #8i]; vstr d0, [r2, #8i]): before, each access was ~300 bytes of
    // V8 bytecode, and a region of them too big for V8 to optimise
    const words: number[] = [];
    for (let i = 0; i < 30; i++) words.push(0xed910b00 | (2 * i), 0xed820b00 | (2 * i));
    words.push(0xef000000);
    const { mem } = setup(words);
    const env = { r: new Int32Array(128), mem, faults: {} as FaultHooks, helpers: armIsa.helpers };
    const blocks = formRegion(armIsa, mem, CODE, DEFAULT_LIMITS);
    const { source } = compileRegion(blocks, CODE, armIsa.regs, env);
    const perInsn = source.length / blocks.reduce((n, b) => n + b.ninsns, 0);
    expect(perInsn).toBeLessThan(250); // inline 8-byte accesses: ~330
  });
});
