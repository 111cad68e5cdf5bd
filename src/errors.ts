/** The guest asked to end the process (exit_group), or was killed by a signal. */
export class GuestExit extends Error {
  constructor(readonly status: number, readonly signal = 0) {
    super(signal ? `killed by signal ${signal}` : `exit ${status}`);
  }
}

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

/**
 * execve replaced the process's image (Process.replaceImage): the run loop drops the old
 * Engine and code cache and goes on with a new Engine for the same Process.
 */
export class ImageReplaced extends Error {
  constructor() {
    super('image replaced by execve');
  }
}
