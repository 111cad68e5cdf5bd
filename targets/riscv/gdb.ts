/**
 * gdb's view of riscv64: the g-packet register order and target description (features
 * org.gnu.gdb.riscv.cpu and org.gnu.gdb.riscv.fpu, register names as gdb prints them).
 */
import type { Cpu } from '../../src/core/cpu.js';
import { computed, feature, r64, reg, targetXml } from '../../src/core/debug/tdesc.js';
import type { DebugReg, GdbTarget } from '../../src/core/isa.js';
import { F0, type RiscvCpu } from './cpu.js';
import { FNAMES, XNAMES } from './disasm.js';

/** x8 is "fp" in gdb's register list (s0 is its alias) */
const GDB_XNAMES = XNAMES.map((n) => (n === 's0' ? 'fp' : n));
const PTR: Record<string, string> = { ra: 'code_ptr', sp: 'data_ptr', gp: 'data_ptr', tp: 'data_ptr', fp: 'data_ptr' };

const rv = (cpu: Cpu) => cpu as RiscvCpu;

const regs: DebugReg[] = [
  ...GDB_XNAMES.map((name, n): DebugReg =>
    n === 0 ? computed('zero', 64, () => 0, () => {}) : r64(name, 2 * n)),
  computed('pc', 64, (cpu) => cpu.pc, (cpu, v) => { cpu.pc = Number(BigInt.asUintN(64, v)); }),
  ...FNAMES.map((name, k) => r64(name, 2 * (F0 + k))),
  computed('fflags', 32, (cpu) => rv(cpu).fflags, (cpu, v) => { rv(cpu).fflags = Number(v & 0x1fn); }),
  computed('frm', 32, (cpu) => rv(cpu).frm, (cpu, v) => { rv(cpu).frm = Number(v & 7n); }),
  computed('fcsr', 32, (cpu) => (rv(cpu).frm << 5) | rv(cpu).fflags, (cpu, v) => {
    rv(cpu).fflags = Number(v & 0x1fn);
    rv(cpu).frm = Number((v >> 5n) & 7n);
  }),
];

const cpuXml = feature('org.gnu.gdb.riscv.cpu',
  GDB_XNAMES.map((n) => reg(n, 64, PTR[n] ?? 'int')).join('') + reg('pc', 64, 'code_ptr'));

const fpuXml = feature('org.gnu.gdb.riscv.fpu',
  '  <union id="riscv_double">\n    <field name="float" type="ieee_single"/>\n    <field name="double" type="ieee_double"/>\n  </union>\n' +
  FNAMES.map((n) => reg(n, 64, 'riscv_double', 'float')).join('') +
  reg('fflags', 32, 'int', 'float') + reg('frm', 32, 'int', 'float') + reg('fcsr', 32, 'int', 'float'));

export const riscv64Gdb: GdbTarget = {
  arch: 'riscv:rv64',
  xml: {
    'target.xml': targetXml('riscv:rv64', ['riscv-64bit-cpu.xml', 'riscv-64bit-fpu.xml']),
    'riscv-64bit-cpu.xml': cpuXml,
    'riscv-64bit-fpu.xml': fpuXml,
  },
  regs,
  stepsOverWatch: true,
};
