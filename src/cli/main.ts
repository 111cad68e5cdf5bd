/**
 * The polyemu command (bin/polyemu imports this from dist/). Parses the qemu-style command
 * line, runs the program, and ends the process the way the guest ended. Every failure is
 * one line on stderr starting with "polyemu: "; stack traces only with POLYEMU_DEBUG=1.
 */
import * as fs from 'node:fs';
import { UserError, EXIT_INTERNAL } from '../errors.js';
import { GuestExit } from '../linux/errors.js';
import { parseCommandLine } from './options.js';
import { helpText, logHelp, versionText } from './help.js';
import { dieBySignal, flushStdio } from './exit.js';
import { allTargets } from '../../targets/index.js';
import type { Process } from '../linux/process.js';
import { INHERIT_VAR, parseInheritance } from '../linux/inherit.js';

function say(fd: number, text: string): void {
  try {
    fs.writeSync(fd, text);
  } catch {
    /* nowhere left to report it */
  }
}

/** Report an exception in one line and pick the exit code. */
export function reportError(e: unknown, env: NodeJS.ProcessEnv = process.env): number {
  if (e instanceof UserError) {
    say(2, `polyemu: ${e.message}\n`);
    return e.code;
  }
  const msg = e instanceof Error ? e.message : String(e);
  say(2, `polyemu: internal error: ${msg.split('\n')[0]}\n`);
  if (env.POLYEMU_DEBUG && env.POLYEMU_DEBUG !== '0') say(2, `${(e as Error)?.stack ?? msg}\n`);
  return EXIT_INTERNAL;
}

async function exit(code: number): Promise<never> {
  await flushStdio();
  process.exit(code);
}

/** Run the command line `words` (process.argv.slice(2)); never returns. */
export async function main(words: string[] = process.argv.slice(2)): Promise<never> {
  const crash = (e: unknown) => {
    process.exitCode = reportError(e);
    process.exit();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const names = allTargets.map((t) => t.name);
  // what bin/polyemu noted of our parent's fds and signals; the guest's environment never shows it
  const inherit = parseInheritance(process.env[INHERIT_VAR]);
  delete process.env[INHERIT_VAR];
  try {
    let image: Uint8Array | undefined;
    if (words[0] === 'binfmt') {
      // `polyemu binfmt ...` manages binfmt_misc entries; `binfmt --exec=...` is the launcher's run
      const { binfmtCommand } = await import('../linux/binfmt/command.js');
      const r = binfmtCommand(words.slice(1), (text) => say(1, text));
      if (r.kind === 'done') return await exit(r.code);
      ({ words, image } = r);
    }
    const cmd = parseCommandLine(words, process.env);
    if (cmd.kind === 'help') {
      say(1, helpText(names));
      return await exit(0);
    }
    if (cmd.kind === 'version') {
      say(1, versionText(names));
      return await exit(0);
    }
    if (cmd.kind === 'log-help') {
      say(1, logHelp());
      return await exit(0);
    }
    // loaded only now, so -h and -version work even when the engine cannot load
    const { runProgram } = await import('../linux/run.js');
    const { gdbPort, ...options } = cmd.options;
    // -g: the gdb stub attaches once the program is loaded
    const beforeRun = gdbPort === undefined ? undefined
      : async (proc: Process) => { await (await import('../gdb/server.js')).attachGdb(proc, gdbPort); };
    const st = await runProgram({ ...options, hostSignals: true, image, beforeRun, inherit });
    await flushStdio();
    if (st.signal) dieBySignal(st.signal);
    return await exit(st.status & 0xff);
  } catch (e) {
    if (e instanceof GuestExit) {
      await flushStdio();
      if (e.signal) dieBySignal(e.signal);
      return await exit(e.status & 0xff);
    }
    return await exit(reportError(e));
  }
}
