/**
 * The n64 Linux user ABI (mips64el, Debian's mips64el-linux-gnuabi64): `syscall` with the
 * number in v0 (5000 + n), arguments in a0..a7 ($4..$11), the result in v0 with a3 = 0, or
 * a3 = 1 and v0 = the positive errno on failure. Registers are 64 bits; sp is $29.
 * set_thread_area sets UserLocal (rdhwr $29). AT_HWCAP 0 and no AT_PLATFORM, uname machine
 * "mips64", as qemu-mips64el gives them. Traps and breaks map as on o32 (abi.ts).
 */
import type { Cpu } from '../../../src/core/cpu.js';
import type { LinuxAbi } from '../../target.js';
import { R_A0, R_A3, R_SP, R_V0 } from '../cpu.js';
import { mipsO32Abi, withPrivateNames } from './abi.js';
import { mipsN64Syscalls } from './syscall-names-n64.generated.js';
import { mipsN64Signal } from './signal-n64.js';

const MAX_ERRNO = 1133;

export const mipsN64Abi: LinuxAbi = {
  ...mipsO32Abi,
  syscallNr: (cpu: Cpu) => cpu.r[2 * R_V0],
  syscallArg: (cpu: Cpu, i: number) => cpu.getNum(2 * (R_A0 + i)),
  setSyscallResult(cpu: Cpu, v: number) {
    if (v < 0 && v >= -MAX_ERRNO) {
      cpu.setNum(2 * R_V0, -v);
      cpu.setNum(2 * R_A3, 1);
    } else {
      cpu.setNum(2 * R_V0, v);
      cpu.setNum(2 * R_A3, 0);
    }
  },
  getSp: (cpu: Cpu) => cpu.getNum(2 * R_SP),
  setSp(cpu: Cpu, v: number) {
    cpu.setNum(2 * R_SP, v);
  },
  syscallNames: withPrivateNames(mipsN64Syscalls),
  unameMachine: 'mips64',
  // below 2 GiB too: 32-bit operations (lui, addiu, lw) sign-extend, so code that builds an
  // address with them (ld.so does) only gets the same address back below 0x80000000
  stackTop: 0x7fff0000,
  pairHiFirst: undefined,
  signal: mipsN64Signal,
};
