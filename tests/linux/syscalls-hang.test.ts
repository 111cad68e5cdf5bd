// A single-threaded guest in a futex wait nobody can end hangs, as it does on Linux: the
// polyemu process stays alive (Node must not see an empty event loop and exit 0) until
// it is interrupted or killed, and then ends by that signal.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from '../helpers/cases.js';
import { ensureDistBuilt } from '../helpers/run.js';

const BIN = join(FIXTURES, 'riscv64', 'posix');

/** Run `posix futex-hang`, wait for its line, send `sig`; resolve with how it ended. */
function hangThenKill(sig: NodeJS.Signals): Promise<{ out: string; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'polyemu'), BIN, 'futex-hang'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // the guest printed its line and is now parked in the futex wait
      if (!sent && out.includes('waiting forever\n')) {
        sent = true;
        child.kill(sig);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ out, code, signal }));
  });
}

describe('a guest blocked forever', () => {
  beforeAll(() => {
    ensureDistBuilt();
  }, 600_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('stays blocked until %s ends it, like the real process', async (sig) => {
    expect(existsSync(BIN), 'fixtures/riscv64/posix missing: run fixtures/build.sh').toBe(true);
    const r = await hangThenKill(sig);
    expect(r.out).toBe('waiting forever\n'); // never "woke"
    expect(r.signal).toBe(sig);
    expect(r.code).toBeNull();
  }, 60_000);
});
