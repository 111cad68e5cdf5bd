/** run(): load a program, run it to the end and resolve with its result (src/api/index.ts). */
import { Guest } from './guest.js';
import type { GuestOptions, RunResult } from './types.js';

/**
 * Run a program (a host path or the ELF file's bytes) to the end: its exit status or signal,
 * and what it wrote to stdout and stderr. Rejects with UserError when it cannot be loaded.
 */
export async function run(program: string | Uint8Array, opts: GuestOptions = {}): Promise<RunResult> {
  const g = await Guest.load(program, opts);
  return g.run();
}
