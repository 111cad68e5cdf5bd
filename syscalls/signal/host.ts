/**
 * Signals sent to the polyemu process itself (Ctrl-C, kill, a closed terminal) go to the
 * guest. While the engine runs, a Node listener queues SIGINT/SIGTERM/SIGHUP for the guest
 * whenever the guest catches or ignores that signal. With the default disposition there is
 * no listener: Node's own default action ends polyemu by the signal at once, which is what
 * the guest's death by it would lead to anyway — and it also works while polyemu is blocked
 * in a synchronous host call (a read from a terminal), where no listener could run.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { SIG_DFL, sigDisposition } from './deliver.js';
import { postSignal, stopTimers } from './wait.js';

const HOST_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Add or remove the host listener of each forwarded signal to match the guest's dispositions. */
export function syncHostSignals(proc: Process): void {
  const listeners = proc.sys.sig.hostListeners;
  if (!listeners) return; // not running
  const a = archOf(proc);
  for (const name of HOST_SIGNALS) {
    const sig = a.c[name];
    if (sig === undefined) continue;
    const want = sigDisposition(proc, sig) !== SIG_DFL;
    const have = listeners.get(name);
    if (want && !have) {
      // the sender is not known: report it as the kernel's (a terminal's Ctrl-C is)
      const fn = () => postSignal(proc, sig, { signo: sig, code: a.c.SI_KERNEL ?? 0x80, pid: 0, uid: 0, shared: true });
      try {
        process.on(name, fn);
        listeners.set(name, fn);
      } catch {
        /* the host does not have this signal */
      }
    } else if (!want && have) {
      process.removeListener(name, have);
      listeners.delete(name);
    }
  }
}

/**
 * Start forwarding host signals to `proc`; the returned function stops it and disarms the
 * guest's interval timers (call it when the guest is gone).
 */
export function startSignalSession(proc: Process): () => void {
  const st = proc.sys.sig;
  st.hostListeners = new Map();
  syncHostSignals(proc);
  return () => {
    for (const [name, fn] of st.hostListeners ?? []) process.removeListener(name, fn);
    st.hostListeners = undefined;
    stopTimers(proc);
  };
}
