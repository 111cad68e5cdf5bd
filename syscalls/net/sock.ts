/**
 * What every guest socket is: a Sock object behind an OpenFile of kind 'socket'. The
 * families implement it: net-tcp.ts (TCP, and unix streams to host sockets, over Node
 * `net`), net-udp.ts (UDP over `dgram`), net-unix.ts (AF_UNIX inside the process). Calls
 * that would block answer `undefined` from their try* form; net.ts waits on the socket's
 * readiness for them, or answers EAGAIN for a non-blocking socket.
 */
import type { Process } from '../../src/linux/process.js';
import { E } from '../errno.js';
import { blockingWait } from '../restart.js';
import type { OpenFile } from '../fs/fdtable.js';
import type { Family, SockAddr } from './addr.js';
import { POLLIN, POLLRDNORM, type Readiness, WaitList } from '../fs/ready.js';

export type SockType = 'stream' | 'dgram' | 'seqpacket';

/** What one receive produced. */
export interface Received {
  /** bytes copied into the caller's buffer */
  n: number;
  /** the datagram's full length (MSG_TRUNC), or n */
  full: number;
  from?: SockAddr;
  /** SCM_RIGHTS files that came with the bytes (AF_UNIX) */
  rights?: OpenFile[];
}

/** A byte stream's receive queue; each chunk may carry SCM_RIGHTS files. */
export class ByteQueue {
  private chunks: Array<{ b: Uint8Array; rights?: OpenFile[] }> = [];
  size = 0;

  push(b: Uint8Array, rights?: OpenFile[]): void {
    if (!b.length && !rights?.length) return;
    this.chunks.push({ b: b.slice(), rights });
    this.size += b.length;
  }

  /**
   * Move (or with peek copy) up to dst.length bytes into dst. Rights travel with the first
   * chunk read; like Linux, a read stops at a chunk that carries rights when it is not first.
   */
  take(dst: Uint8Array, peek: boolean): { n: number; rights?: OpenFile[] } {
    let n = 0;
    let rights: OpenFile[] | undefined;
    let i = 0;
    while (n < dst.length && i < this.chunks.length) {
      const c = this.chunks[i];
      if (c.rights && n > 0) break;
      if (c.rights) rights = c.rights;
      const k = Math.min(c.b.length, dst.length - n);
      dst.set(c.b.subarray(0, k), n);
      n += k;
      if (peek) { i++; continue; }
      c.rights = undefined;
      if (k === c.b.length) this.chunks.shift();
      else c.b = c.b.subarray(k);
    }
    if (!peek) this.size -= n;
    return { n, rights: peek ? undefined : rights };
  }

  /** Every file still queued (they are released when the socket goes). */
  drainRights(): OpenFile[] {
    const out: OpenFile[] = [];
    for (const c of this.chunks) if (c.rights) out.push(...c.rights);
    this.chunks = [];
    this.size = 0;
    return out;
  }
}

/** Per-process socket state (hangs off proc.sys). */
export class NetState {
  /** bound AF_UNIX sockets by name: host path, or '\0name' for abstract names */
  readonly unixNames = new Map<string, Sock>();
  /** inode-like numbers shown as socket:[N] */
  nextId = 7000;
}

export abstract class Sock implements Readiness {
  readonly waits = new WaitList();
  /** pending error for SO_ERROR (generic errno number, positive) */
  error = 0;
  /** stored option values, by option name (net-opts.ts) */
  readonly opts = new Map<string, number | Uint8Array>();
  shutRd = false;
  shutWr = false;
  listening = false;
  /** socket:[id] */
  readonly id: number;

  constructor(
    readonly family: Family,
    readonly type: SockType,
    readonly protocol: number,
    readonly net: NetState,
  ) {
    this.id = net.nextId++;
  }

  abstract poll(): number;
  subscribe(cb: () => void): () => void { return this.waits.subscribe(cb); }
  wake(): void { this.waits.wake(); }

  bind(_proc: Process, _sa: SockAddr): number | Promise<number> { return -E.EOPNOTSUPP; }
  listen(_proc: Process, _backlog: number): number | Promise<number> { return -E.EOPNOTSUPP; }
  /** a new connected socket, undefined when none is waiting, or -errno */
  tryAccept(): Sock | number | undefined { return -E.EOPNOTSUPP; }
  /**
   * Start connecting. A number is the answer; a Promise settles when a blocking connect
   * would return. With nonblock, an unfinished connect answers -EINPROGRESS.
   * A Sock answer means "this fd now is that socket" (a unix socket reaching a host socket).
   */
  abstract connect(proc: Process, sa: SockAddr, nonblock: boolean): number | Sock | Promise<number>;
  /** Queue bytes (never waits); -errno; -EPIPE without the signal (net.ts raises it). */
  abstract send(proc: Process, data: Uint8Array, to: SockAddr | null, rights?: OpenFile[]): number | Promise<number>;
  /** Receive into buf; undefined when it would block. */
  abstract tryRecv(buf: Uint8Array, peek: boolean, waitAll: boolean): Received | number | undefined;
  shutdown(_how: 'rd' | 'wr' | 'rdwr'): number { return -E.ENOTCONN; }
  abstract local(): SockAddr;
  /** the peer's address, or -ENOTCONN */
  abstract peer(): SockAddr | number;
  /** bytes ready to read (FIONREAD / SIOCINQ) */
  abstract pending(): number;
  /** the last fd went */
  abstract close(): void;
  /** an option changed (TCP_NODELAY, SO_KEEPALIVE...): apply it to the host socket */
  optionChanged(_name: string): void {}
}

/** Readiness bits of a listening socket. */
export function listenPoll(backlog: number): number {
  return backlog > 0 ? POLLIN | POLLRDNORM : 0;
}

/**
 * Wait until `attempt` answers something other than undefined, re-trying each time the
 * socket's readiness may have changed. A signal interrupts the wait like any blocking call
 * (restart.ts: restarted under SA_RESTART, else EINTR); after `timeoutMs` (SO_RCVTIMEO)
 * the answer is -EAGAIN.
 */
export function waitOn<T>(proc: Process, sock: Sock, attempt: () => T | number | undefined, timeoutMs = 0): T | number | Promise<T | number> {
  let got: T | undefined;
  let timedOut = false;
  let wakeTimer: (() => void) | undefined;
  const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; wakeTimer?.(); }, timeoutMs) : undefined;
  const tryOnce = (): number | undefined => {
    const v = attempt();
    if (v === undefined) return timedOut ? -E.EAGAIN : undefined;
    if (typeof v === 'number') return v;
    got = v;
    return 0;
  };
  const subscribe = (cb: () => void): (() => void) => {
    wakeTimer = cb;
    const unsub = sock.subscribe(cb);
    return () => { wakeTimer = undefined; unsub(); };
  };
  const done = (r: number): T | number => {
    if (timer) clearTimeout(timer);
    return r < 0 || got === undefined ? r : got;
  };
  const r = blockingWait(proc, tryOnce, subscribe);
  return typeof r === 'number' ? done(r) : r.then(done);
}
