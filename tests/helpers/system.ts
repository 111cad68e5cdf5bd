/**
 * Running a whole machine for the system-mode tests: polyemu-system-riscv64 (node bin/…, from
 * dist/) or qemu-system-riscv64 with the same arguments, its serial console captured, with
 * keystrokes sent when the output reaches a prompt, and stopped once the guest falls quiet
 * after the output the test waits for (firmware with nothing to boot hangs, as under qemu).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cases.js';
import { which } from './run.js';

export { which };

export const QEMU_SYSTEM = which('qemu-system-riscv64');
export const OPENSBI = '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin';
export const UBOOT_SMODE = '/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin';
export const POLYEMU_SYSTEM = [process.execPath, join(REPO_ROOT, 'bin', 'polyemu-system-riscv64')];

/** What a test needs installed that is not: a sentence for its loud skip, or undefined. */
export function missing(files: string[]): string | undefined {
  const absent = [...(QEMU_SYSTEM ? [] : ['qemu-system-riscv64 (qemu-system-misc)']), ...files.filter((f) => !existsSync(f))];
  return absent.length ? `not installed: ${absent.join(', ')} (apt-get install qemu-system-misc opensbi u-boot-qemu)` : undefined;
}

export interface Session {
  /** stop when the output matches this, after `quietMs` without more output */
  until: RegExp;
  quietMs?: number;
  /** [prompt, keys]: type keys once the output ends with prompt (in order) */
  script?: [RegExp, string][];
  timeoutMs: number;
}

export interface Ran {
  out: string;
  code: number | null;
  ms: number;
  /** the run reached `until` (rather than the timeout or an exit) */
  reached: boolean;
}

export function runMachine(argv: string[], s: Session): Promise<Ran> {
  const t0 = Date.now();
  const p = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let reached = false;
  let step = 0;
  let quiet: NodeJS.Timeout | undefined;
  const stop = () => { if (p.exitCode === null) p.kill('SIGKILL'); };
  const timer = setTimeout(stop, s.timeoutMs);
  p.stdout.on('data', (d: Buffer) => {
    out += d.toString('latin1');
    const next = s.script?.[step];
    if (next && next[0].test(out)) {
      step++;
      p.stdin.write(next[1]);
    }
    if (s.until.test(out) && (!s.script || step >= s.script.length)) {
      reached = true;
      clearTimeout(quiet);
      quiet = setTimeout(stop, s.quietMs ?? 500);
    }
  });
  p.stderr.on('data', (d: Buffer) => { out += d.toString('latin1'); });
  return new Promise((resolve) => p.on('close', (code) => {
    clearTimeout(timer);
    clearTimeout(quiet);
    resolve({ out, code, ms: Date.now() - t0, reached });
  }));
}

/** The console text without qemu's own messages (its "terminating on signal" line). */
export function consoleText(out: string): string {
  return out.replace(/qemu-system-riscv64: terminating on signal[^\n]*\n?/g, '');
}
