/**
 * gdb's view of aarch64: the g-packet register order and target description (features
 * org.gnu.gdb.aarch64.core and org.gnu.gdb.aarch64.fpu; gdb adds q/d/s/h/b as pseudo registers).
 */
import type { Cpu } from '../../src/core/cpu.js';
import { computed, feature, r128, r64, reg, targetXml } from '../../src/core/debug/tdesc.js';
import type { DebugReg, GdbTarget } from '../../src/core/isa.js';
import { type A64Cpu, VBASE } from './cpu.js';

/** int32 index of N in cpu.r (then Z, C, V: IR registers 32..35, each 0 or 1) */
const NZCV = 64;

const a64 = (cpu: Cpu) => cpu as A64Cpu;

const regs: DebugReg[] = [
  ...Array.from({ length: 31 }, (_, n) => r64(`x${n}`, 2 * n)),
  r64('sp', 62),
  computed('pc', 64, (cpu) => cpu.pc, (cpu, v) => { cpu.pc = Number(BigInt.asUintN(64, v)); }),
  computed('cpsr', 32,
    (cpu) => ((cpu.r[NZCV] << 31) | (cpu.r[NZCV + 1] << 30) | (cpu.r[NZCV + 2] << 29) | (cpu.r[NZCV + 3] << 28)) >>> 0,
    (cpu, v) => {
      const n = Number(v);
      cpu.r[NZCV] = (n >>> 31) & 1;
      cpu.r[NZCV + 1] = (n >>> 30) & 1;
      cpu.r[NZCV + 2] = (n >>> 29) & 1;
      cpu.r[NZCV + 3] = (n >>> 28) & 1;
    }),
  ...Array.from({ length: 32 }, (_, k) => r128(`v${k}`, VBASE + 4 * k)),
  computed('fpsr', 32, (cpu) => a64(cpu).fpsr >>> 0, (cpu, v) => { a64(cpu).fpsr = Number(BigInt.asIntN(32, v)); }),
  computed('fpcr', 32, (cpu) => a64(cpu).fpcr >>> 0, (cpu, v) => { a64(cpu).fpcr = Number(BigInt.asIntN(32, v)); }),
];

const flag = (name: string, bit: number) => `    <field name="${name}" start="${bit}" end="${bit}"/>\n`;

const coreXml = feature('org.gnu.gdb.aarch64.core',
  '  <flags id="cpsr_flags" size="4">\n' + flag('V', 28) + flag('C', 29) + flag('Z', 30) + flag('N', 31) + '  </flags>\n' +
  Array.from({ length: 31 }, (_, n) => reg(`x${n}`, 64, 'int')).join('') +
  reg('sp', 64, 'data_ptr') + reg('pc', 64, 'code_ptr') + reg('cpsr', 32, 'cpsr_flags'));

/** lanes of a V register: [union id, its fields as name:vector-element-type] */
const LANES: Array<[string, number, Array<[string, string]>]> = [
  ['vnd', 2, [['f', 'ieee_double'], ['u', 'uint64'], ['s', 'int64']]],
  ['vns', 4, [['f', 'ieee_single'], ['u', 'uint32'], ['s', 'int32']]],
  ['vnh', 8, [['u', 'uint16'], ['s', 'int16']]],
  ['vnb', 16, [['u', 'uint8'], ['s', 'int8']]],
  ['vnq', 1, [['u', 'uint128'], ['s', 'int128']]],
];
const vtypes = LANES.map(([id, count, fields]) =>
  fields.map(([f, t]) => `  <vector id="${id}${f}" type="${t}" count="${count}"/>\n`).join('') +
  `  <union id="${id}">\n` + fields.map(([f]) => `    <field name="${f}" type="${id}${f}"/>\n`).join('') + '  </union>\n').join('') +
  '  <union id="aarch64v">\n' + LANES.map(([id]) => `    <field name="${id.slice(2)}" type="${id}"/>\n`).join('') + '  </union>\n';

const fpuXml = feature('org.gnu.gdb.aarch64.fpu',
  vtypes + Array.from({ length: 32 }, (_, k) => reg(`v${k}`, 128, 'aarch64v', 'vector')).join('') +
  reg('fpsr', 32, 'int', 'float') + reg('fpcr', 32, 'int', 'float'));

export const aarch64Gdb: GdbTarget = {
  arch: 'aarch64',
  xml: {
    'target.xml': targetXml('aarch64', ['aarch64-core.xml', 'aarch64-fpu.xml']),
    'aarch64-core.xml': coreXml,
    'aarch64-fpu.xml': fpuXml,
  },
  regs,
  stepsOverWatch: true,
};
