/**
 * Signals sent to the polyemu process itself (Ctrl-C, kill, a closed terminal) go to the
 * guest: while the engine runs, Node listeners queue SIGINT/SIGTERM/SIGHUP for it. With the
 * guest's default disposition the guest dies by that signal, and the command line then ends
 * polyemu by the same signal.
 */
import type { Process } from '../src/process.js';
import { archOf } from './arch.js';
import { postSignal, stopTimers } from './signal-wait.js';

const HOST_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Start forwarding host signals to `proc`; the returned function stops it and disarms the
 * guest's interval timers (call it when the guest is gone).
 */
export function startSignalSession(proc: Process): () => void {
  const a = archOf(proc);
  const installed: Array<[NodeJS.Signals, () => void]> = [];
  for (const name of HOST_SIGNALS) {
    const sig = a.c[name];
    if (sig === undefined) continue;
    // the sender is not known: report it as the kernel's (a terminal's Ctrl-C is)
    const fn = () => postSignal(proc, sig, { signo: sig, code: a.c.SI_KERNEL ?? 0x80, pid: 0, uid: 0, shared: true });
    try {
      process.on(name, fn);
      installed.push([name, fn]);
    } catch {
      /* the host does not have this signal */
    }
  }
  return () => {
    for (const [name, fn] of installed) process.removeListener(name, fn);
    stopTimers(proc);
  };
}
