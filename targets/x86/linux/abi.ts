/**
 * The x86-64 Linux user ABI: `syscall` with the number in rax, arguments in rdi, rsi, rdx,
 * r10, r8, r9, result in rax; rsp is the stack pointer; the thread pointer is the %fs base
 * (arch_prctl, clone's CLONE_SETTLS). AT_HWCAP is CPUID.1:EDX of the CPU we present (as
 * Linux and qemu-x86_64 give it) and AT_PLATFORM "x86_64".
 */
import type { Cpu } from '../../../src/core/cpu.js';
import { Excp } from '../../../src/core/exceptions.js';
import type { LinuxAbi } from '../../target.js';
import { FS_BASE, GS_BASE } from '../cpu.js';
import { cpuidLeaf } from '../cpuid.js';
import { x86_64Syscalls } from './syscall-names-x86_64.generated.js';
import { x86_64Signal } from './signal.js';

const RAX = 0, RSP = 4;
const ARGS = [7, 6, 2, 10, 8, 9];

export const x86_64Abi: LinuxAbi = {
  syscallNr: (cpu: Cpu) => cpu.r[2 * RAX],
  syscallArg: (cpu: Cpu, i: number) => cpu.getNum(2 * ARGS[i]),
  setSyscallResult(cpu: Cpu, v: number) { cpu.setNum(2 * RAX, v); },
  getSp: (cpu: Cpu) => cpu.getNum(2 * RSP),
  setSp(cpu: Cpu, v: number) { cpu.setNum(2 * RSP, v); },
  initCpu(cpu: Cpu) { cpu.setNum(2 * 2, 0); },
  syscallNames: x86_64Syscalls,
  hwcap: cpuidLeaf(64, 1, 0)[3] >>> 0,
  platform: 'x86_64',
  tlsReg: FS_BASE,
  segmentBases: { fs: FS_BASE, gs: GS_BASE },
  signal: x86_64Signal,
  // a #GP (privileged instruction, int n): SIGSEGV with si_code SI_KERNEL and no address
  // and a misaligned SSE access (#GP as well)
  exceptionSignals: {
    [Excp.Trap]: { sig: 'SIGSEGV', code: 'SI_KERNEL', addr: 'none' },
    [Excp.Alignment]: { sig: 'SIGSEGV', code: 'SI_KERNEL', addr: 'none' },
    // Linux reports #UD (ud2, an undefined encoding) as ILL_ILLOPN
    [Excp.Illegal]: { sig: 'SIGILL', code: 'ILL_ILLOPN' },
  },
};
