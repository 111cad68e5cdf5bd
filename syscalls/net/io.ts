/**
 * Moving bytes through sockets: the receive/send cores shared by read/write on a socket fd,
 * recv, recvfrom, send, sendto, recvmsg and sendmsg, and SocketFile, the OpenFile 'special' object that puts
 * a Sock behind a guest fd (readlink shows socket:[N]).
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { E } from '../errno.js';
import { OpenFile, type SpecialFile } from '../fs/fdtable.js';
import { timeoutMs } from './opts.js';
import { type Received, type Sock, waitOn } from './sock.js';
import { brokenPipe } from '../signal/sigaction.js';

/**
 * The 'special' object behind a socket fd. read/write come here from io.ts, which waits
 * (interruptibly, for the calling process) while readNow answers undefined, and raises
 * SIGPIPE for -EPIPE. `proc` is the creator, used only for the target's constants.
 */
export class SocketFile implements SpecialFile {
  constructor(
    private readonly proc: Process,
    public sock: Sock,
  ) {}
  get name(): string { return `socket:[${this.sock.id}]`; }
  /** one attempt at read(2) */
  private readOnce(buf: Uint8Array): number | undefined {
    const r = this.sock.tryRecv(buf, false, false);
    return r === undefined || typeof r === 'number' ? r : r.n;
  }
  /**
   * With SO_RCVTIMEO set, read(2) waits here (with its timeout) through `read`; otherwise
   * io.ts waits on readNow.
   */
  get readNow(): ((buf: Uint8Array) => number | undefined) | undefined {
    return timeoutMs(this.sock, 'SO_RCVTIMEO') ? undefined : (buf) => this.readOnce(buf);
  }
  read(buf: Uint8Array, nonblock: boolean): number | Promise<number> {
    const r = recvInto(this.proc, this.sock, buf, 0, nonblock);
    const n = (v: Received | number) => (typeof v === 'number' ? v : v.n);
    return r instanceof Promise ? r.then(n) : n(r);
  }
  write(buf: Uint8Array): number {
    const r = this.sock.send(this.proc, buf, null);
    return typeof r === 'number' ? r : -E.EDESTADDRREQ; // only an unbound, unconnected UDP send waits
  }
  release(): void { this.sock.close(); }
  statMode(c: Record<string, number>): number { return c.S_IFSOCK | 0o777; }
  bytesReady(): number { return this.sock.pending(); }
}

/** A new open file for socket `s`. */
export function socketFile(proc: Process, s: Sock, nonblock: boolean): OpenFile {
  const c = archOf(proc).c;
  const sf = new SocketFile(proc, s);
  const f = new OpenFile('special', -1, c.O_RDWR | (nonblock ? c.O_NONBLOCK : 0), '', sf.name);
  f.special = sf;
  f.ready = s;
  return f;
}

/** The socket behind guest fd `fd`: -EBADF, -ENOTSOCK. */
export function sockOf(proc: Process, fd: number): { f: OpenFile; s: Sock } | number {
  const f = proc.fds.get(fd | 0);
  if (!f) return -E.EBADF;
  if (!(f.special instanceof SocketFile)) return -E.ENOTSOCK;
  return { f, s: f.special.sock };
}

/** Put `s` behind `f` (a unix socket that reached a host socket became a TcpSock). */
export function replaceSock(f: OpenFile, s: Sock): void {
  (f.special as SocketFile).sock = s;
  f.ready = s;
}

/** whether `f` is non-blocking or the call asked MSG_DONTWAIT */
export function nonblocking(proc: Process, f: OpenFile, flags: number): boolean {
  const c = archOf(proc).c;
  return (f.flags & c.O_NONBLOCK) !== 0 || (flags & c.MSG_DONTWAIT) !== 0;
}

/**
 * Receive into `buf` (a view on guest memory or a scratch buffer): the Received record,
 * -errno (EAGAIN when it would block and may not), or a Promise of either.
 */
export function recvInto(proc: Process, s: Sock, buf: Uint8Array, flags: number, nonblock: boolean): Received | number | Promise<Received | number> {
  const c = archOf(proc).c;
  const peek = (flags & c.MSG_PEEK) !== 0;
  const waitAll = (flags & c.MSG_WAITALL) !== 0 && !nonblock && !peek;
  const attempt = () => s.tryRecv(buf, peek, waitAll);
  const r = attempt();
  if (r !== undefined) return r;
  if (nonblock) return -E.EAGAIN;
  return waitOn(proc, s, attempt, timeoutMs(s, 'SO_RCVTIMEO'));
}

/** Send `data`: the count or -errno; EPIPE on a stream raises SIGPIPE unless MSG_NOSIGNAL. */
export function sendFrom(proc: Process, s: Sock, data: Uint8Array, flags: number, to: Parameters<Sock['send']>[2], rights?: OpenFile[]): number | Promise<number> {
  const c = archOf(proc).c;
  const pipe = (r: number): number =>
    r === -E.EPIPE && s.type !== 'dgram' && !(flags & c.MSG_NOSIGNAL) ? brokenPipe(proc) : r;
  const r = s.send(proc, data, to, rights);
  return typeof r === 'number' ? pipe(r) : r.then(pipe);
}
