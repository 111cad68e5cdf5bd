/**
 * The o32 Linux user ABI (mips, mipsel): `syscall` with the number in v0 (4000 + n),
 * arguments in a0..a3 and the 5th to 8th on the stack at sp + 16.., the result in v0 with
 * a3 = 0, or a3 = 1 and v0 = the positive errno on failure. sp is $29; set_thread_area sets
 * UserLocal, which `rdhwr $29` reads (the TLS pointer).
 *
 * AT_HWCAP is 0 and there is no AT_PLATFORM, as qemu-mipsel gives them; uname's machine is
 * "mips" for both byte orders (as the kernel's and qemu's).
 *
 * Traps and breaks (arch/mips/kernel/traps.c, do_trap_or_bp): code 7 (BRK_DIVZERO) is
 * SIGFPE/FPE_INTDIV, 6 (BRK_OVERFLOW) SIGFPE/FPE_INTOVF, any other SIGTRAP. A break's
 * 20-bit code field holds the assembler's first operand in its upper 10 bits (`break 7` is
 * 7 << 10): the kernel swaps the halves first, so both 7 and 7 << 10 mean BRK_DIVZERO.
 */
import { Excp } from '../../../src/core/exceptions.js';
import type { Cpu } from '../../../src/core/cpu.js';
import type { ExceptionSignal, LinuxAbi } from '../../target.js';
import { R_A0, R_A3, R_SP, R_V0, ULR } from '../cpu.js';
import { MIPS_INTOVF } from '../exceptions.js';
import { mipsO32Syscalls } from './syscall-names-o32.generated.js';
import { mipsO32Signal, mipsO32SignalBE } from './signal.js';
import { initFpMode } from './fp-mode.js';

const BRK_OVERFLOW = 6;
const BRK_DIVZERO = 7;
const FPE_DIV: ExceptionSignal = { sig: 'SIGFPE', code: 'FPE_INTDIV' };
const FPE_OVF: ExceptionSignal = { sig: 'SIGFPE', code: 'FPE_INTOVF' };

/**
 * set_thread_area is MIPS's own call (it sets UserLocal): named mips_set_thread_area for the
 * syscall layer, apart from i386's call of the same name
 */
export function withPrivateNames(table: Record<number, string>): Record<number, string> {
  const out: Record<number, string> = { ...table };
  for (const [nr, name] of Object.entries(table)) if (name === 'set_thread_area') out[Number(nr)] = 'mips_set_thread_area';
  return out;
}

/** the largest errno a failing syscall returns (MIPS: EMAXERRNO) */
const MAX_ERRNO = 1133;

export const mipsO32Abi: LinuxAbi = {
  syscallNr: (cpu: Cpu) => cpu.r[2 * R_V0],
  /** raw 32-bit values, unsigned; syscalls/index.ts sign-extends the signed kinds */
  syscallArg(cpu: Cpu, i: number): number {
    if (i < 4) return cpu.r[2 * (R_A0 + i)] >>> 0;
    try {
      return cpu.mem.read32(((cpu.r[2 * R_SP] >>> 0) + 16 + 4 * (i - 4)) >>> 0) >>> 0;
    } catch {
      return 0; // an unreadable stack: the call sees 0 (it fails on its own pointers, if any)
    }
  },
  setSyscallResult(cpu: Cpu, v: number) {
    if (v < 0 && v >= -MAX_ERRNO) {
      cpu.r[2 * R_V0] = -v;
      cpu.r[2 * R_A3] = 1;
    } else {
      cpu.r[2 * R_V0] = v | 0;
      cpu.r[2 * R_A3] = 0;
    }
  },
  getSp: (cpu: Cpu) => cpu.r[2 * R_SP] >>> 0,
  setSp(cpu: Cpu, v: number) {
    cpu.r[2 * R_SP] = v | 0;
  },
  initCpu() {},
  initCpuForElf: initFpMode,
  // o32 user space is the low 2 GiB (kuseg); keep the top 64 KiB free as below 4 GiB elsewhere
  stackTop: 0x7fff0000,
  syscallNames: withPrivateNames(mipsO32Syscalls),
  hwcap: 0,
  platform: '',
  unameMachine: 'mips',
  tlsReg: ULR,
  signal: mipsO32Signal,
  exceptionSignals: {
    // a reserved instruction: force_sig(SIGILL) in do_ri, so si_code SI_KERNEL and no address
    [Excp.Illegal]: { sig: 'SIGILL', code: 'SI_KERNEL', addr: 'none' },
    [Excp.Arith]: { sig: 'SIGFPE', code: { [MIPS_INTOVF]: 'FPE_INTOVF' } },
    [Excp.Breakpoint]: {
      sig: 'SIGTRAP', code: 'TRAP_BRKPT',
      byCause: { [BRK_DIVZERO]: FPE_DIV, [BRK_DIVZERO << 10]: FPE_DIV, [BRK_OVERFLOW]: FPE_OVF, [BRK_OVERFLOW << 10]: FPE_OVF },
    },
    [Excp.Trap]: { sig: 'SIGTRAP', code: 'SI_KERNEL', addr: 'none', byCause: { [BRK_DIVZERO]: FPE_DIV, [BRK_OVERFLOW]: FPE_OVF } },
  },
};

/** big-endian o32 (mips-linux-gnu): the same but for the trampoline's byte order and 64-bit
 * syscall arguments, whose register pairs hold the high word first */
export const mipsO32AbiBE: LinuxAbi = { ...mipsO32Abi, signal: mipsO32SignalBE, pairHiFirst: true };
