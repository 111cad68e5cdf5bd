import { Excp } from '../../../src/core/exceptions.js';
import { runIsa } from '../../helpers/run-isa.js';
import { describe, expect, it } from 'vitest';
import { ExitKind } from '../../../src/core/ir.js';
import { GuestFault, Memory, PROT_R, PROT_W, PROT_X } from '../../../src/core/memory/flat.js';
import { armIsa } from '../../../targets/arm/index.js';
import { type ArmCpu, CF, NF, VF, ZF } from '../../../targets/arm/cpu.js';
import { mapKuserPage } from '../../../targets/arm/linux/kuser.js';

/**
 * Differential execution: the same instruction sequence assembled for ARM state and for
 * Thumb-2 (arm-linux-gnueabihf-as, linked at 0x10000) ran under qemu-arm 7.2 at test-writing
 * time; it leaves results in a 256-byte buffer at sp - 256 and write(2)s it. Here the same
 * bytes run through frontend + backend up to that write, and the buffer must hold exactly
 * what qemu printed. The sequence (ARM form; the Thumb form adds IT instructions, a CBZ and
 * a TBB, and uses SBC / LSR / LSLS where ARM uses RSC and shifted MOVs):
 *
 *   sub sp, sp, #256; mov r11, sp; ldr r0, =0x12345678; ldr r1, =0xfffffff9; mov r2, #3
 *   adds r3, r0, r1; adc r4, r2, r2, lsl #4; subs r5, r2, r0, ror #8; rsc r6, r2, r1, asr #1
 *   mov r7, r0, lsr r2; movs r8, r1, lsl #31; mrs r9, apsr; mul r10, r0, r1
 *   umull/smull r12, lr, r0, r1 -> [r11, #0..12]; mla/mls r12, r0, r2, r1 -> [#16], [#20]
 *   sdiv/udiv r12, r1, r2 -> [#24], [#28]; clz, rbit, rev r12, r0 -> [#32..40]
 *   ubfx r12, r0, #4, #12; sbfx r12, r1, #1, #5; bfi r12(=r0), r2, #8, #4 -> [#44..52]
 *   uxtb r12, r1 + sxth lr, r1 -> [#56]; movw/movt r12, 0xdeadbeef -> [#60]
 *   cmp r2, #3; moveq r12, #1; movne r12, #2; addgt r12, #100; addge r12, #10 -> [#64]
 *   add r12, r11, #128; strd r0, r1, [r12]; ldrd r4, r5, [r12], #8; ldrsh r6, [r12, #-4]
 *   ldrb r7, [r12, #-1]; strh r2, [r12, #-4]!; ldr r10, [r12, #-2] (unaligned)
 *   ldrex r1, [r11]; strex r3, r2, [r11]; stmdb r12!, {r0-r2}; ldmia r12, {r4-r6}
 *   add r12, r11, #192; stmia r12, {r0-r10}; mrs r0, apsr; str r0, [r11, #236]
 *   mov r0, #1; mov r1, r11; mov r2, #256; mov r7, #4; svc 0          (write)
 */
const CODE_A32 = [
  '01dc4de20db0a0e120019fe50610e0e30320a0e3013090e00242a2e0605452e0c160e2e03072a0e1818fb0e100900fe1',
  '90010ae090c18ee000c08be504e08be590c1cee008c08be50ce08be590122ce010c08be590126ce014c08be511f21ce7',
  '18c08be511f23ce71cc08be510cf6fe120c08be530cfffe624c08be530cfbfe628c08be550c2ebe72cc08be5d1c0a4e7',
  '30c08be500c0a0e112c4cbe734c08be571c0efe671e0bfe60ec08ce038c08be5efce0be3adce4de33cc08be5030052e3',
  '01c0a00302c0a01364c08cc20ac08ca240c08be580c08be2f000cce1d840cce0f4605ce101705ce5b4206ce102a01ce5',
  '9f1f9be1923f8be107002ce970009ce8c0c08be2ff078ce800000fe1ec008be50100a0e30b10a0e1012ca0e30470a0e3',
  '000000ef0000a0e30170a0e3000000ef78563412',
].join('');
const EXPECT_A32 = [
  '0300000077563412b8a29180ffffffff61039d3691fc62c9feffffff5355555503000000482c6a1e1234567867050000',
  'fcffffff78533412f2000000efbeadde0b00000000000000000000000000000000000000000000000000000000000000',
  '00000000000000000000000000000000000000000000000078563412b8a29180030000000300ffff0000000000000000',
  '000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
  '78563412b8a29180030000000000000078563412b8a2918003000000ff00000000000080100000803412030010000060',
  '00000000000000000000000000000000',
].join('');
const CODE_T32 = [
  'c0b0eb4649486ff006014ff00302431842eb0214b2eb30251db1dfe802f00202020262eb610620fa02f75feac178eff3',
  '008900fb01faa0fb01cecbf800c0cbf804e080fb01cecbf808c0cbf80ce000fb021ccbf810c000fb121ccbf814c091fb',
  'f2fccbf818c0b1fbf2fccbf81cc0b0fa80fccbf820c090faa0fccbf824c090fa80fccbf828c0c0f30b1ccbf82cc041f3',
  '440ccbf830c0844662f30b2ccbf834c05ffa81fc0ffa81fef444cbf838c04bf6ef6ccdf6ad6ccbf83cc0032a0cbf4ff0',
  '010c4ff0020cc8bf0cf1640ca8bf0cf10a0ccbf840c00bf1800ccce90001fce802453cf9046c1cf8017c2cf8042d5cf8',
  '02ac5be8001f4be800232ce907009ce870000bf1c00c8ce8ff07eff30080cbf8ec004ff0010059464ff480724ff00407',
  '00df4ff000004ff0010700df78563412',
].join('');
const EXPECT_T32 = [
  '0300000077563412b8a29180ffffffff61039d3691fc62c9feffffff5355555503000000482c6a1e1234567867050000',
  'fcffffff78533412f2000000efbeadde0b00000000000000000000000000000000000000000000000000000000000000',
  '00000000000000000000000000000000000000000000000078563412b8a29180030000000300ffff0000000000000000',
  '000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
  '78563412b8a29180030000000000000078563412b8a2918003000000ff00000000000080100000803412030010000060',
  '00000000000000000000000000000000',
].join('');

const STACK_TOP = 0xfffe0000;

function setup(codeHex: string, entry: number): { mem: Memory; cpu: ArmCpu } {
  const mem = new Memory();
  mem.map(0x10000, 0x1000, PROT_R | PROT_X);
  mem.poke(0x10000, Buffer.from(codeHex, 'hex'));
  mem.map(STACK_TOP - 0x10000, 0x10000, PROT_R | PROT_W);
  const cpu = armIsa.createCpu(mem) as ArmCpu;
  cpu.pc = entry;
  cpu.r[13] = STACK_TOP - 0x100;
  return { mem, cpu };
}

function run(mem: Memory, cpu: ArmCpu): number | GuestFault {
  return runIsa(armIsa, mem, cpu);
}

function runSequence(code: string, entry: number): { cpu: ArmCpu; out: string } {
  const { mem, cpu } = setup(code, entry);
  expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
  expect(cpu.r[7]).toBe(4); // write(1, buf, 256)
  expect(cpu.r[0]).toBe(1);
  expect(cpu.r[2]).toBe(256);
  return { cpu, out: Buffer.from(mem.readBytes(cpu.r[1] >>> 0, 256)).toString('hex') };
}

describe('arm exec (differential against qemu-arm)', () => {
  it('runs the ARM-state sequence like qemu', () => {
    const { cpu, out } = runSequence(CODE_A32, 0x10000);
    expect(out).toBe(EXPECT_A32);
    expect(cpu.pc & 1).toBe(0); // still ARM state after the svc
  });
  it('runs the Thumb-2 sequence like qemu', () => {
    const { cpu, out } = runSequence(CODE_T32, 0x10001);
    expect(out).toBe(EXPECT_T32);
    expect(cpu.pc & 1).toBe(1); // the syscall's return pc keeps the Thumb bit
  });
});

/** assemble little-endian words / halfwords into hex */
const a32 = (...w: number[]) => w.map((x) => Buffer.from(new Uint32Array([x >>> 0]).buffer).toString('hex')).join('');
const t16 = (...h: number[]) => h.map((x) => Buffer.from(new Uint16Array([x]).buffer).toString('hex')).join('');

describe('arm exec details', () => {
  it('interworks: BLX to Thumb and BX LR back to ARM', () => {
    // 0x10000: add r0, pc, #1 (r0 = 0x10009); blx r0; mov r7, #1; svc 0
    // 0x10010 (Thumb): movs r1, #42; bx lr
    const code = a32(0xe28f0009, 0xe12fff30, 0xe3a07001, 0xef000000) + t16(0x212a, 0x4770);
    const { mem, cpu } = setup(code, 0x10000);
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(cpu.r[1]).toBe(42);
    expect(cpu.r[14]).toBe(0x10008);
    expect(cpu.pc).toBe(0x10010);
  });
  it('conditional loads do not touch memory when the condition fails', () => {
    // mov r0, #0; cmp r0, #0; ldrne r1, [r0]; strne r1, [r0]; mov r7, #1; svc 0
    const code = a32(0xe3a00000, 0xe3500000, 0x15901000, 0x15801000, 0xe3a07001, 0xef000000);
    const { mem, cpu } = setup(code, 0x10000);
    cpu.r[1] = 77;
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(cpu.r[1]).toBe(77);
    expect(cpu.r[ZF]).toBe(1);
  });
  it('an IT block predicates its instructions and ends with the block', () => {
    // Thumb: cmp r0, #5; ite lt; movlt r1, #1; movge r1, #2; adds r2, r1, #0; svc 0
    const code = t16(0x2805, 0xbfb4, 0x2101, 0x2102, 0x1c0a, 0xdf00);
    for (const [r0, want] of [[3, 1], [5, 2], [-7, 1]]) {
      const { mem, cpu } = setup(code, 0x10001);
      cpu.r[0] = r0;
      expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
      expect(cpu.r[1]).toBe(want);
      expect(cpu.r[2]).toBe(want);
      expect(cpu.r[NF]).toBe(0);
    }
  });
  it('sets C and V from subtraction like the hardware', () => {
    // subs r2, r0, r1; mov r7, #1; svc 0
    const code = a32(0xe0502001, 0xe3a07001, 0xef000000);
    const cases: Array<[number, number, number, number, number]> = [
      // r0, r1, N, C, V
      [5, 3, 0, 1, 0], [3, 5, 1, 0, 0], [0x80000000, 1, 0, 1, 1], [0x7fffffff, -1, 1, 0, 1],
    ];
    for (const [x, y, n, c, v] of cases) {
      const { mem, cpu } = setup(code, 0x10000);
      cpu.r[0] = x; cpu.r[1] = y;
      run(mem, cpu);
      expect([cpu.r[NF], cpu.r[CF], cpu.r[VF]]).toEqual([n, c, v]);
    }
  });
  it('undefined instructions raise an illegal-instruction exception at their address', () => {
    const { mem, cpu } = setup(a32(0xe7f000f0), 0x10000); // udf #0
    expect(run(mem, cpu)).toBe(ExitKind.Exception);
    expect(cpu.excp).toBe(Excp.Illegal);
    expect(cpu.pc).toBe(0x10000);
  });
  it('VFP: arithmetic, compare into APSR, conversions', () => {
    // vmov d0, r0, r1; vmov d1, r2, r3; vadd.f64 d2, d0, d1; vdiv.f64 d3, d0, d1
    // vcmpe.f64 d0, d1; vmrs APSR_nzcv, fpscr; vcvt.s32.f64 s8, d3; vmov r4, s8
    // vmov r5, r6, d2; mov r7, #1; svc 0
    const code = a32(0xec410b10, 0xec432b11, 0xee302b01, 0xee803b01, 0xeeb40bc1, 0xeef1fa10,
      0xeebd4bc3, 0xee144a10, 0xec565b12, 0xe3a07001, 0xef000000);
    const { mem, cpu } = setup(code, 0x10000);
    const f = new Float64Array([-7.5, 2]);
    const w = new Int32Array(f.buffer);
    cpu.r[0] = w[0]; cpu.r[1] = w[1]; cpu.r[2] = w[2]; cpu.r[3] = w[3];
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(new Float64Array(new Int32Array([cpu.r[5], cpu.r[6]]).buffer)[0]).toBe(-5.5);
    expect(cpu.r[4]).toBe(-3); // -3.75 truncated
    expect([cpu.r[NF], cpu.r[ZF], cpu.r[CF], cpu.r[VF]]).toEqual([1, 0, 0, 0]); // less than
  });
  it('maps the kuser helpers page (get_tls reads TPIDRURO)', () => {
    // blx to __kuser_get_tls: ldr r1, =0xffff0fe0 via mvn r1, #0xf000 ... (0xffff0fff) ; sub r1, #0x1f
    const code = a32(0xe3e01a0f, 0xe241101f, 0xe12fff31, 0xe3a07001, 0xef000000);
    const { mem, cpu } = setup(code, 0x10000);
    mapKuserPage(mem);
    cpu.r[22] = 0x1234abcd;
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(cpu.r[1] >>> 0).toBe(0xffff0fe0);
    expect(cpu.r[0]).toBe(0x1234abcd);
    expect(mem.read32(0xffff0ffc)).toBe(5);
  });
});
