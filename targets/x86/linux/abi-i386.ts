/**
 * The i386 Linux user ABI: `int $0x80` with the number in eax, arguments in ebx, ecx, edx,
 * esi, edi, ebp, result in eax; esp is the stack pointer. No vDSO and no AT_SYSINFO (as
 * qemu-i386 gives), so glibc makes its calls with int $0x80. TLS is a GDT descriptor
 * (set_thread_area; clone's CLONE_SETTLS passes a struct user_desc): entries 12-14, which
 * %gs then selects. AT_HWCAP is CPUID.1:EDX, AT_PLATFORM "i686".
 */
import type { Cpu } from '../../../src/core/cpu.js';
import { Excp } from '../../../src/core/exceptions.js';
import type { LinuxAbi } from '../../target.js';
import { GS_BASE, FS_BASE, type X86Cpu } from '../cpu.js';
import { cpuidLeaf } from '../cpuid.js';
import { i386Syscalls } from './syscall-names-i386.generated.js';

const EAX = 0, ESP = 4;
const ARGS = [3, 1, 2, 6, 7, 5];
/** the GDT's TLS entries (GDT_ENTRY_TLS_MIN..MAX on i386) */
const TLS_MIN = 12, TLS_ENTRIES = 3;
const EINVAL = 22, EFAULT = 14, ESRCH = 3;

/** set_thread_area: struct user_desc { entry_number, base_addr, limit, flags } at uinfo */
function setThreadArea(cpu: Cpu, uinfo: number): number {
  const c = cpu as X86Cpu;
  const m = cpu.mem;
  let entry: number, base: number;
  try {
    entry = m.read32(uinfo) | 0;
    base = m.read32(uinfo + 4) >>> 0;
  } catch { return -EFAULT; }
  if (entry === -1) {
    const free = c.tlsUsed.findIndex((u) => u === 0);
    if (free < 0) return -ESRCH;
    entry = TLS_MIN + free;
    try { m.write32(uinfo, entry); } catch { return -EFAULT; }
  }
  if (entry < TLS_MIN || entry >= TLS_MIN + TLS_ENTRIES) return -EINVAL;
  c.tlsBase[entry - TLS_MIN] = base;
  c.tlsUsed[entry - TLS_MIN] = 1;
  // a segment register that already selects the entry sees the new base
  if (c.gs >> 3 === entry) cpu.setNum(2 * GS_BASE, base);
  if (c.fs >> 3 === entry) cpu.setNum(2 * FS_BASE, base);
  return 0;
}

export const i386Abi: LinuxAbi = {
  syscallNr: (cpu: Cpu) => cpu.r[2 * EAX],
  /** raw 32-bit register values, unsigned; syscalls/index.ts sign-extends the signed kinds */
  syscallArg: (cpu: Cpu, i: number) => cpu.r[2 * ARGS[i]] >>> 0,
  setSyscallResult(cpu: Cpu, v: number) { cpu.r[2 * EAX] = v | 0; cpu.r[2 * EAX + 1] = 0; },
  getSp: (cpu: Cpu) => cpu.r[2 * ESP] >>> 0,
  setSp(cpu: Cpu, v: number) { cpu.r[2 * ESP] = v | 0; cpu.r[2 * ESP + 1] = 0; },
  initCpu(cpu: Cpu) { cpu.r[2 * 2] = 0; },
  syscallNames: i386Syscalls,
  hwcap: cpuidLeaf(32, 1, 0)[3] >>> 0,
  platform: 'i686',
  unameMachine: 'i686',
  setThreadArea,
  exceptionSignals: {
    [Excp.Trap]: { sig: 'SIGSEGV', code: 'SI_KERNEL', addr: 'none' },
    [Excp.Alignment]: { sig: 'SIGSEGV', code: 'SI_KERNEL', addr: 'none' },
    // Linux reports #UD (ud2, an undefined encoding) as ILL_ILLOPN
    [Excp.Illegal]: { sig: 'SIGILL', code: 'ILL_ILLOPN' },
  },
};
