/**
 * gdb's view of 32-bit arm: the g-packet register order and target description (features
 * org.gnu.gdb.arm.core and org.gnu.gdb.arm.vfp with d0..d31, fpscr; gdb makes s0..s31
 * pseudo registers). gdb 13 does not derive q0..q15 from an (empty) org.gnu.gdb.arm.neon
 * feature, so, as qemu does, the vfp feature also has q0..q15 as registers of their own
 * (views of the d pairs) after fpscr. The Thumb state, bit 0 of cpu.pc here, is the T bit
 * of cpsr there.
 */
import { computed, feature, r128, r32, r64, reg, targetXml } from '../../src/core/debug/tdesc.js';
import type { DebugReg, GdbTarget } from '../../src/core/isa.js';
import { type ArmCpu, D0_INDEX, FPSCR } from './cpu.js';

const GPR = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr'];

const regs: DebugReg[] = [
  ...GPR.map((name, n) => r32(name, n)),
  computed('pc', 32, (cpu) => (cpu.pc & ~1) >>> 0, (cpu, v) => { cpu.pc = ((Number(v & 0xfffffffen)) | (cpu.pc & 1)) >>> 0; }),
  computed('cpsr', 32, (cpu) => (cpu as ArmCpu).cpsr, (cpu, v) => {
    const n = Number(BigInt.asUintN(32, v));
    (cpu as ArmCpu).setFlagsFrom(n);
    cpu.pc = ((cpu.pc & ~1) | ((n >>> 5) & 1)) >>> 0;
  }),
  ...Array.from({ length: 32 }, (_, k) => r64(`d${k}`, D0_INDEX + 2 * k)),
  r32('fpscr', FPSCR),
  ...Array.from({ length: 16 }, (_, k) => r128(`q${k}`, D0_INDEX + 4 * k)),
];

/** lane views of a d and a q register: [union id, lanes as [field, element type, count]] */
const LANES: Array<[string, Array<[string, string, number]>]> = [
  ['neon_d', [['u8', 'uint8', 8], ['u16', 'uint16', 4], ['u32', 'uint32', 2], ['u64', 'uint64', 0], ['f32', 'ieee_single', 2], ['f64', 'ieee_double', 0]]],
  ['neon_q', [['u8', 'uint8', 16], ['u16', 'uint16', 8], ['u32', 'uint32', 4], ['u64', 'uint64', 2], ['f32', 'ieee_single', 4], ['f64', 'ieee_double', 2]]],
];
const laneTypes = LANES.map(([id, fields]) =>
  fields.filter(([, , n]) => n > 0).map(([f, t, n]) => `  <vector id="${id}_${f}" type="${t}" count="${n}"/>\n`).join('') +
  `  <union id="${id}">\n` + fields.map(([f, t, n]) => `    <field name="${f}" type="${n > 0 ? `${id}_${f}` : t}"/>\n`).join('') + '  </union>\n').join('');

const coreXml = feature('org.gnu.gdb.arm.core',
  GPR.map((n) => reg(n, 32, n === 'sp' ? 'data_ptr' : 'int')).join('') +
  reg('pc', 32, 'code_ptr') + reg('cpsr', 32, 'int'));

const vfpXml = feature('org.gnu.gdb.arm.vfp', laneTypes +
  Array.from({ length: 32 }, (_, k) => reg(`d${k}`, 64, 'neon_d', 'float')).join('') +
  reg('fpscr', 32, 'int', 'float') +
  Array.from({ length: 16 }, (_, k) => reg(`q${k}`, 128, 'neon_q', 'vector')).join(''));

export const armGdb: GdbTarget = {
  arch: 'arm',
  xml: {
    'target.xml': targetXml('arm', ['arm-core.xml', 'arm-vfpv3.xml']),
    'arm-core.xml': coreXml,
    'arm-vfpv3.xml': vfpXml,
  },
  regs,
  stepsOverWatch: true,
};
