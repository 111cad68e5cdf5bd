/**
 * The riscv64 Linux user ABI: ecall with the number in a7 (x17), arguments in a0..a5
 * (x10..x15), result in a0; sp is x2. At entry a0 = 0 (no rtld_fini for the program's own
 * startup code). AT_HWCAP is the single-letter extensions as bits (1 << (letter - 'A')):
 * IMAFDC = 0x112d, as Linux and qemu-riscv64 give. Linux puts no AT_PLATFORM on riscv.
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { LinuxAbi } from '../../target.js';
import { riscv64Syscalls } from './syscall-names.generated.js';
import { riscv64Signal } from './signal.js';

const A0 = 10;
const A7 = 17;
const SP = 2;

const letters = (s: string) => [...s].reduce((m, ch) => m | (1 << (ch.charCodeAt(0) - 65)), 0);

export const riscv64Abi: LinuxAbi = {
  syscallNr: (cpu: Cpu) => cpu.r[2 * A7],
  syscallArg: (cpu: Cpu, i: number) => cpu.getNum(2 * (A0 + i)),
  setSyscallResult(cpu: Cpu, v: number) {
    cpu.setNum(2 * A0, v);
  },
  getSp: (cpu: Cpu) => cpu.getNum(2 * SP),
  setSp(cpu: Cpu, v: number) {
    cpu.setNum(2 * SP, v);
  },
  initCpu(cpu: Cpu) {
    cpu.setNum(2 * A0, 0);
  },
  syscallNames: riscv64Syscalls,
  hwcap: letters('IMAFDC'),
  platform: '',
  tlsReg: 4, // tp (x4)
  signal: riscv64Signal,
};
