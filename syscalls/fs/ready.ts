/**
 * Readiness of an open file for poll/select/epoll. Pipes, eventfds, host files and sockets
 * implement it (OpenFile.ready); the waiting calls (poll.ts, epoll.ts) only see this.
 * Bits are Linux's POLL* values (the same on every target).
 */

export const POLLIN = 0x001;
export const POLLPRI = 0x002;
export const POLLOUT = 0x004;
export const POLLERR = 0x008;
export const POLLHUP = 0x010;
export const POLLNVAL = 0x020;
export const POLLRDNORM = 0x040;
export const POLLRDBAND = 0x080;
export const POLLWRNORM = 0x100;
export const POLLWRBAND = 0x200;
export const POLLRDHUP = 0x2000;

export interface Readiness {
  /** current POLLIN|POLLOUT|POLLHUP|POLLERR|POLLPRI bits for this open file */
  poll(): number;
  /** call cb (once) when readiness may have changed; returns an unsubscribe function */
  subscribe(cb: () => void): () => void;
}

/** A list of one-shot callbacks: the usual way to implement Readiness.subscribe. */
export class WaitList {
  private cbs = new Set<() => void>();

  subscribe(cb: () => void): () => void {
    const once = (): void => { this.cbs.delete(once); cb(); };
    this.cbs.add(once);
    return () => { this.cbs.delete(once); };
  }

  /** Call (and drop) every waiting callback. */
  wake(): void {
    const all = [...this.cbs];
    this.cbs.clear();
    for (const f of all) f();
  }

  get size(): number { return this.cbs.size; }
}

/** Always ready (regular files, directories, /dev/null...): POLLIN|POLLOUT as flags allow. */
export function alwaysReady(readable: boolean, writable: boolean): Readiness {
  const bits = (readable ? POLLIN : 0) | (writable ? POLLOUT : 0);
  return { poll: () => bits, subscribe: () => () => {} };
}
