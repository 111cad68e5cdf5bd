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
