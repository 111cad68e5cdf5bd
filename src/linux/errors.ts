/** Control flow of Linux user mode carried by exceptions: the process ends, or execve replaced its image. */

/** The guest asked to end the process (exit_group), or was killed by a signal. */
export class GuestExit extends Error {
  constructor(readonly status: number, readonly signal = 0) {
    super(signal ? `killed by signal ${signal}` : `exit ${status}`);
  }
}

/**
 * execve replaced the process's image (Process.replaceImage): the run loop drops the old
 * Engine and code cache and goes on with a new Engine for the same Process.
 */
export class ImageReplaced extends Error {
  constructor() {
    super('image replaced by execve');
  }
}
