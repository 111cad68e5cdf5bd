/**
 * What one syscall row looks like. A row is data: a name (as in unistd.h), the kinds of
 * its arguments (which drive -strace), the kind of its result, and a handler.
 */
import type { Process } from '../src/linux/process.js';

/**
 * How -strace shows an argument (qemu's format):
 *   int/uint/hex     decimal / unsigned decimal / 0x..
 *   buf              0x.. unpadded (0 for NULL): buffers the call fills or reads
 *   ptr              0x%016x padded, NULL for 0: struct pointers
 *   nilptr           (nil) or 0x..
 *   fd, dirfd        decimal; dirfd shows AT_FDCWD
 *   path             quoted C string
 *   octal            0755
 *   the rest         symbolic decoders in strace.ts (flag sets and enums)
 */
export type ArgKind =
  | 'int' | 'uint' | 'hex' | 'buf' | 'ptr' | 'nilptr' | 'fd' | 'dirfd' | 'path' | 'octal'
  | 'signal' | 'timespec' | 'clock' | 'oflags' | 'prot' | 'mflags' | 'atflags' | 'unlinkflags' | 'statxflags' | 'access'
  | 'whence' | 'fcntlcmd' | 'ioctl' | 'sighow' | 'madv' | 'futexop' | 'statxmask';

/** how the result is shown: int (decimal), ptr (0x%016x), none (the call does not return) */
export type RetKind = 'int' | 'ptr' | 'none';

export type Handler = (proc: Process, a: number[]) => number | Promise<number>;

export interface SyscallDef {
  name: string;
  /** argument kinds; undefined = shown as six decimal numbers (as qemu does for calls it does not format) */
  args?: ArgKind[];
  ret: RetKind;
  fn: Handler;
  /** custom -strace argument text (openat's optional mode, fcntl's cmd-dependent arg) */
  show?: (proc: Process, a: number[]) => string;
  /** text shown after a successful result, e.g. the timespec clock_gettime wrote */
  after?: (proc: Process, a: number[], r: number) => string;
  /**
   * The handler loaded every register itself (rt_sigreturn): no result is written back,
   * and -strace shows this text where the result would be.
   */
  setsRegs?: string;
}

export function sys(name: string, args: ArgKind[] | undefined, fn: Handler, extra: Partial<SyscallDef> = {}): SyscallDef {
  return { name, args, ret: 'int', fn, ...extra };
}
