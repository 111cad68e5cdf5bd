/**
 * Running a program: pick the target from the ELF header, build memory, CPU, logger and
 * process, load, and run the engine. This is also the start of the embedding API, so it
 * never exits the host process: errors are thrown (UserError for the user's mistakes) and
 * the guest's fate is returned.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Memory } from '../core/memory/flat.js';
import { wasmTier } from './wasm-tier.js';
import type { Cpu } from '../core/cpu.js';
import { Logger } from '../core/log/log.js';
import { Process } from './process.js';
import { UserError, EXIT_LOAD_FAILED } from '../errors.js';
import { describeErrno, parseElf, readElfFile, type ElfFile } from './elf/elf-file.js';
import { loadProgram, describeMachine, type LoadInfo } from './elf/loader.js';
import { formatLoadInfo, formatPageLayout } from './elf/pagelog.js';
import { allTargets, targetForMachine } from '../../targets/index.js';
import type { Target } from '../../targets/target.js';
import type { Inheritance } from './inherit.js';
import { applyInheritance } from './inherit-apply.js';

export interface RunOptions {
  /** host path of the program, as the user gave it */
  program: string;
  /** guest arguments after argv[0] */
  args?: string[];
  /** guest argv[0] (default: `program` as given) */
  argv0?: string;
  /** guest environment as NAME=VALUE strings (default: the host's environment) */
  env?: string[];
  /** sysroot (-L); undefined: /usr/<triplet> when it exists; '': none */
  sysroot?: string;
  /** stack size in bytes (default 8 MiB) */
  stackSize?: number;
  /** -d items and -D file */
  logItems?: string[];
  logFile?: string;
  /** -strace (the same as -d strace) */
  strace?: boolean;
  /** -seed: makes the AT_RANDOM bytes reproducible */
  seed?: number;
  /** a Logger to use instead of building one from logItems/logFile */
  logger?: Logger;
  /**
   * Called after loading, before the first guest instruction (the CLI's -g attaches the gdb
   * stub here: src/gdb sits above this layer, so the caller brings it)
   */
  beforeRun?: (proc: Process) => Promise<void>;
  /** the program's bytes, when it is not read from `program` (which then only names it) */
  image?: Uint8Array;
  /** host directory the guest starts in (default: the host's cwd) */
  cwd?: string;
  /** forward the host's SIGINT/SIGTERM/SIGHUP to the guest (the CLI; an embedder leaves it off) */
  hostSignals?: boolean;
  /** what polyemu's own parent handed over (fds, ignored signals, mask): the CLI passes it on (inherit.ts) */
  inherit?: Inheritance;
}

export interface ExitStatus {
  /** exit status (0-255) when the guest exited */
  status: number;
  /** terminating guest signal number, or 0 */
  signal: number;
  /** a debugger ended the run (StopAction.kill): then status 0, signal 9 */
  killed?: boolean;
}

export interface PreparedProgram {
  target: Target;
  proc: Process;
  info: LoadInfo;
}

/** The host environment as NAME=VALUE strings, in the host's order. */
export function hostEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`);
}

/**
 * /usr/<triplet> when the Debian cross libc for the target is installed there, else ''. The
 * ELF's e_flags pick the triplet where one target runs several ABIs (arm: armel vs armhf).
 */
export function defaultSysroot(target: Target, elfFlags?: number): string {
  const triplet = elfFlags !== undefined && target.tripletFor ? target.tripletFor(elfFlags) : target.triplet;
  const dir = `/usr/${triplet}`;
  try {
    return triplet && fs.statSync(dir).isDirectory() ? dir : '';
  } catch {
    return '';
  }
}

/** The target for an ELF file, or a UserError naming what the file is and what we support. */
export function targetForElf(elf: ElfFile): Target {
  const t = targetForMachine(elf.machine, elf.elfClass, elf.littleEndian);
  const other = t ? undefined : targetForMachine(elf.machine, elf.elfClass, !elf.littleEndian);
  if (other) {
    const [is, runs] = elf.littleEndian ? ['little', 'big'] : ['big', 'little'];
    throw new UserError(
      `'${elf.name}': a ${is}-endian program: ${describeMachine(elf)}; polyemu's ${other.name} target runs ${runs}-endian programs only`,
      EXIT_LOAD_FAILED,
    );
  }
  if (!t) {
    throw new UserError(
      `'${elf.name}': unsupported architecture: ${describeMachine(elf)}; ` +
      `polyemu runs ${allTargets.map((x) => x.name).join(', ')}`,
      EXIT_LOAD_FAILED,
    );
  }
  return t;
}

/** A program file without execute permission is refused, as execve (and qemu-user, exit 1) refuse it. */
function requireExecutable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch (e) {
    throw new UserError(`'${file}': ${describeErrno(e)}: the file is not executable`);
  }
}

/** 16 bytes from a seed (splitmix32), for reproducible AT_RANDOM. */
export function seededBytes(seed: number, n = 16): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i += 4) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z = (z ^ (z >>> 16)) >>> 0;
    for (let k = 0; k < 4 && i + k < n; k++) out[i + k] = (z >>> (8 * k)) & 0xff;
  }
  return out;
}

/** A fresh, empty image for `target`: its memory and CPU (a new program and execve build them so). */
export function createImage(target: Target): { mem: Memory; cpu: Cpu } {
  const mem = new Memory(target.littleEndian, wasmTier());
  return { mem, cpu: target.createCpu(mem) };
}

/** Load the program into a new process, ready to run (nothing of the guest runs yet). */
export function prepareProgram(opts: RunOptions): PreparedProgram {
  const exe = opts.image ? parseElf(Buffer.from(opts.image), opts.program) : readElfFile(opts.program);
  const cwd = opts.cwd === undefined ? undefined : path.resolve(opts.cwd);
  if (cwd !== undefined) {
    let ok = false;
    try { ok = fs.statSync(cwd).isDirectory(); } catch { /* reported below */ }
    if (!ok) throw new UserError(`working directory '${opts.cwd}' is not a directory`);
  }
  const target = targetForElf(exe);
  if (!opts.image) requireExecutable(opts.program);
  let sysroot = opts.sysroot ?? defaultSysroot(target, exe.flags);
  if (sysroot) {
    let ok = false;
    try { ok = fs.statSync(sysroot).isDirectory(); } catch { /* reported below */ }
    if (!ok) throw new UserError(`sysroot '${sysroot}' (-L / QEMU_LD_PREFIX) is not a directory`);
    sysroot = path.resolve(sysroot);
  }
  const items = new Set(opts.logItems ?? []);
  if (opts.strace) items.add('strace');
  const log = opts.logger ?? openLogger(items, opts.logFile);
  const { mem, cpu } = createImage(target);
  const proc = new Process(target, mem, cpu, log, sysroot, items.has('strace') || log.has('strace'));
  if (cwd !== undefined) proc.cwd = cwd;
  proc.hostSignals = opts.hostSignals ?? false;
  if (opts.inherit) applyInheritance(proc, opts.inherit);
  const info = loadProgram(proc, exe, {
    argv: [opts.argv0 ?? opts.program, ...(opts.args ?? [])],
    envp: opts.env ?? hostEnvironment(),
    execfn: opts.program,
    stackSize: opts.stackSize,
    random: opts.seed !== undefined ? seededBytes(opts.seed) : undefined,
  });
  log.addImage(info.exe.hostPath, info.exe.bias);
  if (info.interp) log.addImage(info.interp.hostPath, info.interp.bias);
  if (log.has('page')) log.write(`${formatPageLayout(mem)}\n${formatLoadInfo(info)}`);
  return { target, proc, info };
}

function openLogger(items: Iterable<string>, file?: string): Logger {
  try {
    return new Logger(items, file);
  } catch (e) {
    throw new UserError(`Could not open log file '${file}': ${describeErrno(e)}`);
  }
}

/** Load and run a program until it exits or dies by a signal. */
export async function runProgram(opts: RunOptions): Promise<ExitStatus> {
  const { proc } = prepareProgram(opts);
  if (opts.beforeRun) await opts.beforeRun(proc);
  // imported here so that loading (prepareProgram) works without the whole engine
  const { runProcess } = await import('./kernel.js');
  const st = await runProcess(proc);
  return st.killed ? { status: st.status, signal: st.signal, killed: true } : { status: st.status, signal: st.signal };
}
