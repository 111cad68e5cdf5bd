/**
 * Errors inside handlers. Handlers return -E.XXX (asm-generic numbers, see tables/errno.ts)
 * or let host errors and GuestFault throw: errnoFromException turns them into -errno.
 * doSyscall maps the generic number to the target's own (they differ on MIPS, Alpha...).
 */
import { GuestFault } from '../src/core/memory/flat.js';
import { GuestExit } from '../src/linux/errors.js';
import { E } from './tables/errno.js';

export { E };

const GENERIC = E as Readonly<Record<string, number>>;

/** -errno for a Node system error code ('ENOENT'), or undefined. */
export function errnoOfCode(code: unknown): number | undefined {
  return typeof code === 'string' && code in GENERIC ? -GENERIC[code] : undefined;
}

/**
 * Turn an exception from a handler into a -errno result: GuestFault -> -EFAULT, a Node
 * system error -> its errno, Node's argument validation errors (a guest path with a NUL,
 * an out-of-range length) -> -EINVAL. GuestExit and genuine bugs are rethrown.
 */
export function errnoFromException(e: unknown): number {
  if (e instanceof GuestExit) throw e;
  if (e instanceof GuestFault) return -E.EFAULT;
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    const n = errnoOfCode(code);
    if (n !== undefined) return n;
    if (typeof code === 'string' && code.startsWith('ERR_')) return code === 'ERR_FS_FILE_TOO_LARGE' ? -E.EFBIG : -E.EINVAL;
  }
  throw e;
}
