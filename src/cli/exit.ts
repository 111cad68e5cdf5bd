/**
 * How the polyemu process ends: with the guest's exit status, or killed by the same signal
 * that killed the guest (so a shell sees 139 for a segfault, and `$?`/waitpid callers see a
 * signal, not an exit code). Only the command line uses this; the embedding API never exits.
 */
import * as fs from 'node:fs';
import { constants as osConstants } from 'node:os';
import { spawnSync } from 'node:child_process';

/** Linux signal names by number (the generic numbering: riscv, arm, aarch64, x86). */
const GUEST_SIGNALS = [
  '', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL',
  'SIGUSR1', 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT',
  'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF',
  'SIGWINCH', 'SIGIO', 'SIGPWR', 'SIGSYS',
];
/** Signals whose default action dumps core. */
const CORE = new Set(['SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGSEGV', 'SIGSYS', 'SIGXCPU', 'SIGXFSZ']);
/** Signals Node reports on its own or that cannot end a process. */
const NO_LISTENER = new Set(['SIGILL', 'SIGFPE', 'SIGSEGV', 'SIGBUS', 'SIGKILL', 'SIGSTOP']);

/** The host signal name for a guest signal number, if the host has that signal. */
export function hostSignal(guestSig: number): NodeJS.Signals | undefined {
  const name = GUEST_SIGNALS[guestSig];
  return name && name in osConstants.signals ? (name as NodeJS.Signals) : undefined;
}

/** Wait until stdout and stderr have handed everything to the OS. */
export async function flushStdio(): Promise<void> {
  await Promise.all([process.stdout, process.stderr].map((s) =>
    s.writableLength === 0 || s.destroyed ? undefined : new Promise<void>((done) => {
      const t = setTimeout(done, 2000); // a stuck terminal must not keep us alive
      const end = () => { clearTimeout(t); done(); };
      s.once('drain', end);
      s.once('error', end);
      s.once('close', end);
    })));
}

/** Like qemu: no core file of the emulator when the guest dies by a core-dumping signal. */
function noCoreDump(): void {
  try {
    const limits = fs.readFileSync('/proc/self/limits', 'utf8');
    const m = /^Max core file size\s+(\S+)/m.exec(limits);
    if (!m || m[1] === '0') return;
    spawnSync('prlimit', ['--pid', String(process.pid), '--core=0:'], { stdio: 'ignore', timeout: 2000 });
  } catch {
    /* not Linux, or no prlimit: a core file may appear, nothing worse */
  }
}

/** End the host process by the guest's signal, or with 128+sig when that is impossible. */
export function dieBySignal(guestSig: number): never {
  const name = hostSignal(guestSig);
  if (name && name !== 'SIGSTOP' && name !== 'SIGTSTP' && name !== 'SIGTTIN' && name !== 'SIGTTOU') {
    if (CORE.has(name)) noCoreDump();
    if (!NO_LISTENER.has(name)) {
      // Node ignores SIGPIPE and uses SIGUSR1 for its inspector; adding and removing a
      // listener puts the default action back.
      const f = () => {};
      try {
        process.on(name, f);
        process.removeListener(name, f);
      } catch { /* the host refuses a listener for it */ }
    }
    try {
      process.kill(process.pid, name);
    } catch { /* fall through */ }
  }
  // Signals whose default action is to ignore (SIGCHLD, SIGWINCH...) or that did not arrive.
  process.exit(128 + guestSig);
}
