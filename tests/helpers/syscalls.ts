/** Shared setup for the syscall tests: a Process on real Memory + RiscvCpu with a minimal riscv64 ABI. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Logger } from '../../src/core/log/log.js';
import { Memory, PROT_R, PROT_W } from '../../src/core/memory/flat.js';
import { Process } from '../../src/linux/process.js';
import { doSyscall } from '../../syscalls/index.js';
import { riscv64Syscalls } from '../../targets/riscv/linux/syscall-names.generated.js';
import type { Cpu } from '../../src/core/cpu.js';
import type { Target } from '../../targets/target.js';
import { RiscvCpu } from '../../targets/riscv/cpu.js';

/** Captures log output: `lines` as complete lines, `pieces` as each write/writeRaw call made it. */
export class CaptureLog extends Logger {
  lines: string[] = [];
  pieces: string[] = [];
  private pending = '';
  override writeRaw(text: string): void {
    this.pieces.push(text);
    this.pending += text;
  }
  override write(text: string): void {
    this.pieces.push(text.endsWith('\n') ? text : text + '\n');
    this.lines.push((this.pending + text).replace(/\n$/, ''));
    this.pending = '';
  }
}

const NR = Object.fromEntries(Object.entries(riscv64Syscalls).map(([n, name]) => [name, Number(n)]));

/** a7 = number, a0..a5 = args, result in a0 (the RISC-V Linux convention) */
export const fakeRiscv64 = {
  name: 'riscv64',
  elfMachine: 243,
  elfClass: 64,
  littleEndian: true,
  triplet: 'riscv64-linux-gnu',
  regs: [],
  createCpu: (mem: Memory) => new RiscvCpu(mem),
  translateBlock: () => { throw new Error('not in these tests'); },
  helpers: {},
  abi: {
    syscallNr: (cpu: Cpu) => cpu.r[2 * 17],
    syscallArg: (cpu: Cpu, i: number) => cpu.getNum(2 * (10 + i)),
    setSyscallResult: (cpu: Cpu, v: number) => cpu.setNum(2 * 10, v),
    getSp: (cpu: Cpu) => cpu.getNum(4),
    setSp: (cpu: Cpu, v: number) => cpu.setNum(4, v),
    initCpu: () => {},
    syscallNames: riscv64Syscalls,
    hwcap: 0,
    platform: 'riscv64',
  },
} as unknown as Target;

export interface Harness {
  proc: Process;
  log: CaptureLog;
  mem: Memory;
  /** scratch memory: 1 MiB RW at 0x100000 */
  scratch: number;
  tmp: string;
  call(name: string, ...args: number[]): number;
  callAsync(name: string, ...args: number[]): Promise<number>;
  /** put a NUL-terminated string in scratch memory, returns its address */
  str(s: string): number;
  cleanup(): void;
}

export function harness(opts: { strace?: boolean; items?: string[]; sysroot?: string } = {}): Harness {
  const mem = new Memory(true);
  const cpu = new RiscvCpu(mem);
  const log = new CaptureLog(opts.items ?? []);
  const proc = new Process(fakeRiscv64, mem, cpu, log, opts.sysroot ?? '', opts.strace ?? false);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pe-sys-'));
  proc.cwd = tmp;
  const scratch = 0x100000;
  mem.map(scratch, 1 << 20, PROT_R | PROT_W);
  let strTop = scratch + (1 << 20);
  const setup = (name: string, args: number[]) => {
    const nr = NR[name];
    if (nr === undefined) throw new Error(`no syscall ${name} on riscv64`);
    cpu.r[2 * 17] = nr;
    cpu.r[2 * 17 + 1] = 0;
    for (let i = 0; i < 6; i++) cpu.setNum(2 * (10 + i), args[i] ?? 0);
  };
  return {
    proc, log, mem, scratch, tmp,
    call(name, ...args) {
      setup(name, args);
      const r = doSyscall(proc);
      if (r) throw new Error(`${name} returned a Promise`);
      return cpu.getNum(20);
    },
    async callAsync(name, ...args) {
      setup(name, args);
      await doSyscall(proc);
      return cpu.getNum(20);
    },
    str(s) {
      const b = Buffer.from(s + '\0');
      strTop -= (b.length + 7) & ~7;
      mem.writeBytes(strTop, b);
      return strTop;
    },
    cleanup() {
      for (const fd of [...proc.fds.fds()]) if (fd > 2) proc.fds.close(fd);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
