/**
 * polyemu as the binfmt_misc interpreter: `polyemu binfmt --exec=<P|-><AT_FLAGS>,<AT_EXECFD>
 * LAUNCHER PROGRAM [ARGV0] ARGS...`, the command line the launcher (launcher.ts) builds from
 * what the kernel gave it. This turns it into the options of an ordinary run.
 *
 * The kernel's argv is: the interpreter (launcher) path, the program's path as it was
 * executed, then — only with the P flag — the program's original argv[0], then its arguments.
 * Which of the two shapes we got: AT_FLAGS bit 0 (AT_FLAGS_PRESERVE_ARGV0) says so on
 * Linux >= 5.12; older kernels leave AT_FLAGS 0, and there we go by the flag the launcher was
 * written for. With O the kernel also passes the program opened (AT_EXECFD); polyemu loads the
 * program by its path when that is readable and reads it from that file otherwise.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { UserError } from '../../errors.js';

export const AT_FLAGS_PRESERVE_ARGV0 = 1;

export interface ExecMode {
  /** the launcher was written for a registration with P */
  launcherP: boolean;
  /** AT_FLAGS of the launcher's process */
  atFlags: number;
  /** AT_EXECFD, when the kernel passed the open program (O, C) */
  execFd?: number;
}

/** The program run as the kernel asked, in the words of RunOptions. */
export interface BinfmtRun {
  program: string;
  /** argv[0] the program gets (undefined: the program path, as without P) */
  argv0?: string;
  args: string[];
  preserveArgv0: boolean;
  execFd?: number;
}

/** Parse the launcher's mode word: '--exec=P1,3' -> { launcherP, atFlags: 1, execFd: 3 }. */
export function parseExecMode(word: string): ExecMode {
  const m = /^--exec=([P-])(\d+),(\d*)$/.exec(word);
  if (!m) throw new UserError(`binfmt: bad launcher mode '${word}' (reinstall with 'polyemu binfmt --install')`);
  return { launcherP: m[1] === 'P', atFlags: Number(m[2]), execFd: m[3] === '' ? undefined : Number(m[3]) };
}

/** Does this kernel report P in AT_FLAGS (Linux >= 5.12)? */
export function kernelHasAtFlagsPreserve(release: string = os.release()): boolean {
  const m = /^(\d+)\.(\d+)/.exec(release);
  if (!m) return true;
  const [maj, min] = [Number(m[1]), Number(m[2])];
  return maj > 5 || (maj === 5 && min >= 12);
}

/** The program and its argv from the kernel's argv (launcher path first). */
export function binfmtRun(mode: ExecMode, kargv: string[], release?: string): BinfmtRun {
  const preserveArgv0 = kernelHasAtFlagsPreserve(release)
    ? (mode.atFlags & AT_FLAGS_PRESERVE_ARGV0) !== 0
    : mode.launcherP;
  if (kargv.length < 2) throw new UserError('binfmt: the kernel passed no program path (is the launcher run by hand?)');
  const program = kargv[1];
  if (preserveArgv0) {
    // Linux >= 5.18 gives an empty argv[0] to a program started with argc == 0
    return { program, argv0: kargv[2] ?? '', args: kargv.slice(3), preserveArgv0, execFd: mode.execFd };
  }
  return { program, args: kargv.slice(2), preserveArgv0, execFd: mode.execFd };
}

/** Is `fd` the kernel's open program (a regular file, the same one as `program` when that exists)? */
export function isExecFd(fd: number, program: string): boolean {
  let open: fs.Stats;
  try {
    open = fs.fstatSync(fd);
  } catch {
    return false;
  }
  if (!open.isFile()) return false;
  try {
    const st = fs.statSync(program);
    return st.dev === open.dev && st.ino === open.ino;
  } catch {
    return true;
  }
}

/** The program's bytes, read from the kernel's open file (from offset 0, whatever its position). */
export function readExecFd(fd: number): Uint8Array {
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.alloc(size);
  let n = 0;
  while (n < size) {
    const k = fs.readSync(fd, buf, n, size - n, n);
    if (k <= 0) break;
    n += k;
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, n);
}

/** Can polyemu open the program by its path? */
function readableByPath(program: string): boolean {
  try {
    fs.accessSync(program, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The words of an ordinary polyemu command line for this run — options from QEMU_* variables
 * still apply (as with qemu-user under binfmt_misc), -0 sets argv[0] with P — and, when the
 * program cannot be opened by its path (execute-only; O or C), its bytes from the kernel's
 * open file. That file is closed here once read or not needed: host programs the guest
 * starts must not inherit it.
 */
export function binfmtInvocation(run: BinfmtRun): { words: string[]; image?: Uint8Array } {
  let image: Uint8Array | undefined;
  if (run.execFd !== undefined && isExecFd(run.execFd, run.program)) {
    if (!readableByPath(run.program)) image = readExecFd(run.execFd);
    try { fs.closeSync(run.execFd); } catch { /* already gone */ }
  }
  return { words: runWords(run), image };
}

export function runWords(run: BinfmtRun): string[] {
  return [...(run.preserveArgv0 ? ['-0', run.argv0 ?? ''] : []), '--', run.program, ...run.args];
}
