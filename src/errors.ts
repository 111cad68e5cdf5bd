/** A user-facing error: printed as one line, exit code `code`, no stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
  }
}

/**
 * Exit codes of the command line. A program that cannot be opened or is not an ELF file
 * exits 1 and an ELF image that cannot be loaded (corrupt, wrong architecture, missing
 * interpreter) exits 255, as qemu-user does; an internal error exits 70 (EX_SOFTWARE).
 */
export const EXIT_USAGE = 1;
export const EXIT_LOAD_FAILED = 255;
export const EXIT_INTERNAL = 70;
