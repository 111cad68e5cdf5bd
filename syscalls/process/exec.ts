/**
 * execve and execveat. What the file is decides what happens:
 *   - an ELF for one of polyemu's targets: loaded into a fresh image (memory and CPU of that
 *     target, which may differ from the caller's) and put in place of the caller's
 *     (Process.replaceImage), then ImageReplaced tells the run loop to go on with it;
 *   - a `#!` script: its interpreter (looked up in the sysroot first, then on the host) is
 *     executed instead, with argv built as Linux's binfmt_script does, up to 5 levels deep;
 *   - an ELF for the host's own machine: run on the host (exec-host.ts), and the guest process
 *     ends as that program ends.
 * Everything is checked before the point of no return, so a failing exec returns to the
 * caller with Linux's errno (ENOENT, EACCES, ENOEXEC, ELOOP, E2BIG, EFAULT).
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../../src/errors.js';
import { ImageReplaced } from '../../src/linux/errors.js';
import { GuestFault } from '../../src/core/memory/flat.js';
import { Process } from '../../src/linux/process.js';
import { createImage, defaultSysroot } from '../../src/linux/run.js';
import { parseElf, type ElfFile } from '../../src/linux/elf/elf-file.js';
import { loadProgram } from '../../src/linux/elf/loader.js';
import { targetForMachine } from '../../targets/index.js';
import type { Target } from '../../targets/target.js';
import { archByName, archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { readWord } from '../layout.js';
import { PATH_MAX, procSelf, readPath, resolveAt, sysrootPath } from '../fs/paths.js';
import { flushSharedMappings } from '../mm/shared-map.js';
import { shmDetachAll } from '../ipc/sysv-shm.js';
import { SIG_IGN, sigDisposition } from '../signal/deliver.js';
import { fmtArg } from '../strace.js';
import { hostMachine, runHostProgram } from './exec-host.js';

/** Linux's limits: one string (MAX_ARG_STRLEN), all of argv+envp (a quarter of an 8 MiB stack) */
const MAX_ARG_STRLEN = 32 * 4096;
const MAX_ARGS_BYTES = 2 * 1024 * 1024;
/** binfmt_script: interpreters of interpreters, at most this deep (fs/exec.c) */
const MAX_DEPTH = 5;
/** bytes of a file's start the kernel looks at (BINPRM_BUF_SIZE) */
const BINPRM_BUF_SIZE = 256;

/** A guest string array (argv, envp) up to its NULL; NULL itself is an empty array. */
function readStrings(proc: Process, addr: number, budget: { left: number }): string[] | number {
  const out: string[] = [];
  if (!addr) return out;
  const w = archOf(proc).wordSize;
  for (let i = 0; ; i++) {
    const p = readWord(proc.mem, addr + i * w, w);
    if (!p) return out;
    let s: Uint8Array;
    try {
      s = proc.mem.readCBytes(p, MAX_ARG_STRLEN);
    } catch (e) {
      if (e instanceof GuestFault && e.addr >= p + MAX_ARG_STRLEN - 1) return -E.E2BIG;
      throw e;
    }
    budget.left -= s.length + 1 + w;
    if (budget.left < 0) return -E.E2BIG;
    out.push(Buffer.from(s).toString('utf8'));
  }
}

/** What execve was asked to run, as the kernel sees it at each level (script -> interpreter). */
interface ExecRequest {
  /** host path of the file */
  host: string;
  /** the name exec was given (AT_EXECFN; a script's path goes into the interpreter's argv) */
  filename: string;
  argv: string[];
  envp: string[];
}

/** The guest-visible absolute path of host path `host` (strip the sysroot). */
function guestPathOf(proc: Process, host: string): string {
  const abs = nodePath.resolve(proc.cwd, host);
  if (proc.sysroot && abs.startsWith(proc.sysroot + '/')) return abs.slice(proc.sysroot.length);
  return abs;
}

/** Can this file be executed at all? 0, or -EACCES / -ENOENT / ... */
function checkExecutable(host: string): number {
  const st = fs.statSync(host); // ENOENT, ENOTDIR, ELOOP... thrown, mapped by the caller
  if (!st.isFile()) return -E.EACCES;
  try { fs.accessSync(host, fs.constants.X_OK); } catch { return -E.EACCES; }
  if (!(st.mode & 0o111)) return -E.EACCES; // root passes access(X_OK) only with some x bit
  return 0;
}

/** binfmt_script's parse of "#!interp [arg]" in the first bytes; undefined = not a script. */
export function parseShebang(head: Uint8Array): { interp: string; arg?: string } | number | undefined {
  if (head[0] !== 0x23 || head[1] !== 0x21) return undefined;
  let text = Buffer.from(head.subarray(2, BINPRM_BUF_SIZE)).toString('latin1');
  const nl = text.indexOf('\n');
  if (nl >= 0) text = text.slice(0, nl);
  else if (/^[ \t]*[^ \t]*$/.test(text) && head.length >= BINPRM_BUF_SIZE) return -E.ENOEXEC; // name cut off
  text = text.replace(/[ \t\0]+$/, '').replace(/^[ \t]+/, '');
  if (!text) return -E.ENOEXEC;
  const m = /^([^ \t]+)(?:[ \t]+(.*))?$/.exec(text)!;
  const dec = (s: string) => Buffer.from(s, 'latin1').toString('utf8');
  return m[2] ? { interp: dec(m[1]), arg: dec(m[2]) } : { interp: dec(m[1]) };
}

/** Host path of an interpreter named by a script: the sysroot first, then the host. */
function interpreterPath(proc: Process, name: string): string {
  return name.startsWith('/') ? sysrootPath(proc, name) : nodePath.resolve(proc.cwd, name);
}

/** The sysroot for a program of `target` exec'd from `proc`. */
function sysrootFor(proc: Process, target: Target, elf: ElfFile): string {
  if (target === proc.target) return proc.sysroot;
  return defaultSysroot(target, elf.flags);
}

/** A fresh image of `target` with `elf` loaded, in a scratch Process; -errno when it cannot load. */
function loadImage(proc: Process, target: Target, elf: ElfFile, req: ExecRequest): { scratch: Process } | number {
  const { mem, cpu } = createImage(target);
  const scratch = new Process(target, mem, cpu, proc.log, sysrootFor(proc, target, elf), proc.strace);
  try {
    const info = loadProgram(scratch, elf, {
      argv: req.argv,
      envp: req.envp,
      execfn: req.filename,
      exePath: guestPathOf(scratch, req.host),
      random: randomBytes(16),
    });
    proc.log.addImage(info.exe.hostPath, info.exe.bias, true);
    if (info.interp) proc.log.addImage(info.interp.hostPath, info.interp.bias);
  } catch (e) {
    if (e instanceof UserError) return /Could not open/.test(e.message) ? -E.ENOENT : -E.ENOEXEC;
    if (e instanceof GuestFault || e instanceof RangeError) return -E.ENOMEM;
    throw e;
  }
  return { scratch };
}

/** Dispositions that survive exec (SIG_IGN), encoded for the new target's struct sigaction. */
function ignoredFor(proc: Process, target: Target): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  const l = archByName(target.name).s.sigaction;
  for (const sig of proc.sigactions.keys()) {
    if (sigDisposition(proc, sig) !== SIG_IGN) continue;
    const raw = new Uint8Array(l.size);
    const dv = new DataView(raw.buffer);
    const f = l.fields.sa_handler;
    if (f.size === 8) dv.setBigUint64(f.off, 1n, target.littleEndian);
    else dv.setUint32(f.off, 1, target.littleEndian);
    out.set(sig, raw);
  }
  return out;
}

/** Put the loaded image in place (the point of no return) and tell the run loop. */
function commit(proc: Process, target: Target, scratch: Process): never {
  const ignored = ignoredFor(proc, target);
  flushSharedMappings(proc);
  shmDetachAll(proc); // System V shared memory is detached by execve
  if (proc.kernel && proc.thread) proc.kernel.killOtherThreads(proc, proc.thread);
  proc.replaceImage(target, scratch.mem, scratch.cpu, scratch, ignored);
  if (proc.strace) proc.log.write(''); // qemu prints no result for a successful execve
  throw new ImageReplaced();
}

/** One level of exec: returns -errno, a Promise (a host program runs), or throws ImageReplaced. */
function execFile(proc: Process, req: ExecRequest, depth: number): number | Promise<number> {
  const bad = checkExecutable(req.host);
  if (bad) return bad;
  const fd = fs.openSync(req.host, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(BINPRM_BUF_SIZE);
    head = head.subarray(0, fs.readSync(fd, head, 0, BINPRM_BUF_SIZE, 0));
  } finally {
    fs.closeSync(fd);
  }
  const script = parseShebang(head);
  if (typeof script === 'number') return script;
  if (script) {
    if (depth >= MAX_DEPTH - 1) return -E.ELOOP;
    const argv = [script.interp, ...(script.arg !== undefined ? [script.arg] : []), req.filename, ...req.argv.slice(1)];
    return execFile(proc, { host: interpreterPath(proc, script.interp), filename: req.filename, argv, envp: req.envp }, depth + 1);
  }
  if (head.length < 4 || head.readUInt32BE(0) !== 0x7f454c46) return -E.ENOEXEC;
  let elf: ElfFile;
  try {
    elf = parseElf(fs.readFileSync(req.host), req.filename, req.host);
  } catch (e) {
    if (e instanceof UserError) return -E.ENOEXEC;
    throw e;
  }
  const target = targetForMachine(elf.machine, elf.elfClass, elf.littleEndian);
  if (target) {
    const r = loadImage(proc, target, elf, req);
    if (typeof r === 'number') return r;
    return commit(proc, target, r.scratch);
  }
  if (hostMachine(elf)) return runHostProgram(proc, req.host, req.argv, req.envp);
  return -E.ENOEXEC;
}

function doExec(proc: Process, dirfd: number, pathAddr: number, argvAddr: number, envpAddr: number, flags: number): number | Promise<number> {
  const c = archOf(proc).c;
  if (flags & ~(c.AT_EMPTY_PATH | c.AT_SYMLINK_NOFOLLOW)) return -E.EINVAL;
  const p = readPath(proc, pathAddr);
  if (typeof p === 'number') return p;
  const budget = { left: MAX_ARGS_BYTES };
  const argv = readStrings(proc, argvAddr, budget);
  if (typeof argv === 'number') return argv;
  const envp = readStrings(proc, envpAddr, budget);
  if (typeof envp === 'number') return envp;
  let host: string;
  let filename = p;
  if (p === '') {
    if (!(flags & c.AT_EMPTY_PATH)) return -E.ENOENT;
    const f = proc.fds.get(dirfd | 0);
    if (!f) return -E.EBADF;
    if (f.kind !== 'host' || !f.path) return -E.EACCES;
    host = f.path;
    filename = `/dev/fd/${dirfd | 0}`;
  } else if (p.startsWith('/') && procSelf(proc, p) === 'exe') {
    host = proc.hostExePath;
  } else {
    const r = resolveAt(proc, dirfd, p);
    if (typeof r === 'number') return r;
    host = r;
    if (!p.startsWith('/') && (dirfd | 0) !== c.AT_FDCWD) filename = `/dev/fd/${dirfd | 0}/${p}`;
  }
  if (flags & c.AT_SYMLINK_NOFOLLOW && fs.lstatSync(host).isSymbolicLink()) return -E.ELOOP;
  if (host.length >= PATH_MAX) return -E.ENAMETOOLONG;
  return execFile(proc, { host, filename, argv, envp }, 0);
}

/** qemu's -strace form: execve("/bin/ls",{"ls","-l",NULL}) */
function showArgv(proc: Process, addr: number): string {
  if (!addr) return 'NULL';
  try {
    const w = archOf(proc).wordSize;
    const parts: string[] = [];
    for (let i = 0; ; i++) {
      const s = readWord(proc.mem, addr + i * w, w);
      if (!s) break;
      parts.push(fmtArg(proc, 'path', s));
    }
    return `{${[...parts, 'NULL'].join(',')}}`;
  } catch {
    return fmtArg(proc, 'ptr', addr);
  }
}

export const execSyscalls: SyscallDef[] = [
  sys('execve', undefined, (p, [path, argv, envp]) => doExec(p, archOf(p).c.AT_FDCWD, path, argv, envp, 0), {
    show: (p, [path, argv]) => `${fmtArg(p, 'path', path)},${showArgv(p, argv)}`,
  }),
  sys('execveat', undefined, (p, [dirfd, path, argv, envp, flags]) => doExec(p, dirfd, path, argv, envp, flags), {
    show: (p, [dirfd, path, argv, , flags]) => `${fmtArg(p, 'dirfd', dirfd)},${fmtArg(p, 'path', path)},${showArgv(p, argv)},${fmtArg(p, 'atflags', flags)}`,
  }),
];

