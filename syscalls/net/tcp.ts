/**
 * Stream sockets over Node `net`: TCP for AF_INET/AF_INET6, and AF_UNIX streams that reach
 * a socket outside this process (a host path no guest socket is bound to, or a host
 * client connecting to a path a guest socket listens on).
 *
 * bind() probes the address with a short-lived Node server (that is where an ephemeral port
 * is chosen), listen() opens the real one. Node buffers writes, so send never waits.
 * Sockets are half-open capable (allowHalfOpen): shutdown(SHUT_WR) ends only our side.
 */
import * as net from 'node:net';
import type { Process } from '../../src/linux/process.js';
import { E, errnoOfCode } from '../errno.js';
import { anyAddr, type Family, nodeAddr, type SockAddr, unnamedUnix } from './addr.js';
import { ByteQueue, listenPoll, type NetState, type Received, Sock } from './sock.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDHUP, POLLRDNORM, POLLWRNORM } from '../fs/ready.js';

/** -errno of a Node error (dflt when it has no errno code) */
const errnoOf = (e: unknown, dflt: number): number => errnoOfCode((e as NodeJS.ErrnoException)?.code) ?? -dflt;

type State = 'idle' | 'connecting' | 'connected' | 'failed';

/** receive queue bounds: reading the host socket pauses above RX_HIGH, resumes below RX_LOW */
const RX_HIGH = 4 << 20;
const RX_LOW = 1 << 20;

export class TcpSock extends Sock {
  private state: State = 'idle';
  private bound?: SockAddr;
  private server?: net.Server;
  private readonly backlog: Sock[] = [];
  private conn?: net.Socket;
  private readonly rx = new ByteQueue();
  private eof = false;
  private localSa?: SockAddr;
  private peerSa?: SockAddr;
  /** a non-blocking connect is under way or done and not yet confirmed by a second connect */
  private connectPending = false;

  constructor(family: Family, protocol: number, net: NetState) {
    super(family, 'stream', protocol, net);
  }

  /** A connection that arrived at a listening Node server. */
  static accepted(family: Family, protocol: number, netState: NetState, s: net.Socket, local?: SockAddr, peer?: SockAddr): TcpSock {
    const t = new TcpSock(family, protocol, netState);
    t.state = 'connected';
    t.localSa = local ?? nodeAddr(family, s.localAddress, s.localPort);
    t.peerSa = peer ?? nodeAddr(family, s.remoteAddress, s.remotePort);
    t.attach(s);
    return t;
  }

  private attach(s: net.Socket): void {
    this.conn = s;
    s.on('data', (d: Buffer) => {
      if (!this.shutRd) this.rx.push(d);
      // a guest that does not read: stop reading the host socket, so TCP flow control
      // pushes back on the sender instead of the queue growing without bound
      if (this.rx.size > RX_HIGH) s.pause();
      this.wake();
    });
    s.on('end', () => { this.eof = true; this.wake(); });
    s.on('error', (e) => {
      const err = -errnoOf(e, E.ECONNRESET);
      if (this.state === 'connecting') this.state = 'failed';
      this.error = err;
      this.eof = true;
      this.wake();
    });
    s.on('close', () => { this.eof = true; this.wake(); });
    s.on('drain', () => this.wake());
    this.applyOptions();
  }

  private applyOptions(): void {
    const s = this.conn;
    if (!s || this.family === 'unix') return;
    if (this.opts.get('TCP_NODELAY')) s.setNoDelay(true);
    if (this.opts.get('SO_KEEPALIVE')) s.setKeepAlive(true);
  }
  override optionChanged(name: string): void {
    const s = this.conn;
    if (!s || this.family === 'unix') return;
    if (name === 'TCP_NODELAY') s.setNoDelay(!!this.opts.get(name));
    if (name === 'SO_KEEPALIVE') s.setKeepAlive(!!this.opts.get(name));
  }

  private get v6only(): boolean { return this.family === 'inet6' && !!this.opts.get('IPV6_V6ONLY'); }

  poll(): number {
    if (this.listening) return listenPoll(this.backlog.length);
    switch (this.state) {
      case 'idle': return POLLOUT | POLLWRNORM | POLLHUP;
      case 'connecting': return 0;
      case 'failed': return POLLOUT | POLLWRNORM | POLLERR | POLLHUP;
      case 'connected': {
        let r = POLLOUT | POLLWRNORM;
        if (this.rx.size || this.eof || this.shutRd) r |= POLLIN | POLLRDNORM;
        if (this.eof || this.shutRd) r |= POLLRDHUP;
        if (this.eof && this.shutWr) r |= POLLHUP;
        if (this.error) r |= POLLERR;
        return r;
      }
    }
  }

  override bind(_proc: Process, sa: SockAddr): number | Promise<number> {
    if (this.bound || this.state !== 'idle') return -E.EINVAL;
    if (sa.family !== this.family) return -E.EAFNOSUPPORT;
    return new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', (e) => resolve(errnoOf(e, E.EADDRNOTAVAIL)));
      probe.listen({ host: sa.host, port: sa.port, exclusive: true, ipv6Only: this.v6only }, () => {
        const a = probe.address() as net.AddressInfo;
        this.bound = { ...sa, port: a.port };
        probe.close(() => resolve(0));
      });
    });
  }

  override listen(proc: Process, backlog: number): number | Promise<number> {
    if (this.state !== 'idle') return -E.EINVAL;
    if (this.listening) return 0;
    if (!this.bound) {
      const r = this.bind(proc, anyAddr(this.family));
      if (typeof r === 'number') return r;
      return r.then((v) => (v < 0 ? v : this.listen(proc, backlog)));
    }
    const b = this.bound;
    return new Promise((resolve) => {
      const srv = net.createServer({ allowHalfOpen: true });
      srv.on('connection', (s) => {
        this.backlog.push(TcpSock.accepted(this.family, this.protocol, this.net, s));
        this.wake();
      });
      srv.once('error', (e) => resolve(errnoOf(e, E.EADDRINUSE)));
      srv.listen({ host: b.host, port: b.port, backlog: Math.max(1, backlog), ipv6Only: this.v6only }, () => {
        this.server = srv;
        this.listening = true;
        resolve(0);
      });
    });
  }

  override tryAccept(): Sock | number | undefined {
    if (!this.listening) return -E.EINVAL;
    return this.backlog.shift();
  }

  connect(_proc: Process, sa: SockAddr, nonblock: boolean): number | Promise<number> {
    if (this.listening) return -E.EISCONN;
    if (this.state === 'connected') {
      // the first connect after a non-blocking one completed answers 0, as Linux does
      if (this.connectPending) { this.connectPending = false; return 0; }
      return -E.EISCONN;
    }
    if (this.state === 'connecting') return -E.EALREADY;
    if (this.state === 'failed') {
      // the failure of a non-blocking connect: its error, or ECONNABORTED once SO_ERROR took it
      const e = this.error || E.ECONNABORTED;
      this.error = 0;
      this.state = 'idle';
      this.connectPending = false;
      return -e;
    }
    if (sa.family !== this.family) return -E.EAFNOSUPPORT;
    const opts: net.NetConnectOpts = sa.family === 'unix'
      ? { path: sa.path ?? '', allowHalfOpen: true }
      : {
        host: sa.host, port: sa.port, family: sa.family === 'inet' ? 4 : 6, allowHalfOpen: true,
        localAddress: this.bound && this.bound.host !== anyAddr(this.family).host ? this.bound.host : undefined,
        localPort: this.bound?.port || undefined,
      };
    this.state = 'connecting';
    const s = net.connect(opts);
    this.attach(s);
    const done = new Promise<number>((resolve) => {
      s.once('connect', () => {
        this.state = 'connected';
        this.localSa = sa.family === 'unix' ? unnamedUnix() : nodeAddr(this.family, s.localAddress, s.localPort);
        this.peerSa = sa.family === 'unix' ? sa : nodeAddr(this.family, s.remoteAddress, s.remotePort);
        this.applyOptions();
        this.wake();
        resolve(0);
      });
      s.once('error', () => {
        if (this.state !== 'failed') return resolve(-E.ECONNRESET);
        // a blocking connect reports its failure itself (SO_ERROR stays clear)
        const e = this.error;
        if (!nonblock) { this.error = 0; this.state = 'idle'; }
        resolve(-e);
      });
    });
    if (nonblock) { this.connectPending = true; return -E.EINPROGRESS; }
    return done;
  }

  send(proc: Process, data: Uint8Array): number {
    if (this.state === 'connecting') return -E.EAGAIN;
    if (this.state !== 'connected') {
      // Linux: a pending error first, else EPIPE (and SIGPIPE) on a socket that never connected
      const e = this.error;
      this.error = 0;
      return e ? -e : -E.EPIPE;
    }
    if (this.error) {
      const e = this.error;
      this.error = 0;
      return -e;
    }
    const s = this.conn!;
    if (this.shutWr || s.destroyed || s.writableEnded) return -E.EPIPE;
    if (data.length) s.write(Buffer.from(data));
    return data.length;
  }

  tryRecv(buf: Uint8Array, peek: boolean, waitAll: boolean): Received | number | undefined {
    if (this.state === 'idle' || this.state === 'failed' || this.listening) return -E.ENOTCONN;
    if (this.state === 'connecting') return undefined;
    const end = this.eof || this.shutRd;
    if (this.rx.size && (!waitAll || this.rx.size >= buf.length || end)) {
      const { n } = this.rx.take(buf, peek);
      if (this.rx.size < RX_LOW && this.conn?.isPaused()) this.conn.resume();
      return { n, full: n };
    }
    if (this.error && !this.rx.size) {
      const e = this.error;
      this.error = 0;
      return -e;
    }
    if (end) return { n: 0, full: 0 };
    return undefined;
  }

  override shutdown(how: 'rd' | 'wr' | 'rdwr'): number {
    if (this.state !== 'connected') return -E.ENOTCONN;
    if (how !== 'wr') { this.shutRd = true; this.rx.drainRights(); }
    if (how !== 'rd' && !this.shutWr) { this.shutWr = true; this.conn?.end(); }
    this.wake();
    return 0;
  }

  local(): SockAddr {
    if (this.localSa) return this.localSa;
    if (this.server) {
      const a = this.server.address() as net.AddressInfo;
      return nodeAddr(this.family, a.address, a.port);
    }
    return this.bound ?? anyAddr(this.family);
  }

  peer(): SockAddr | number {
    return this.state === 'connected' && this.peerSa ? this.peerSa : -E.ENOTCONN;
  }

  pending(): number { return this.rx.size; }

  close(): void {
    this.server?.close();
    for (const s of this.backlog.splice(0)) s.close();
    const c = this.conn;
    if (!c) return;
    const linger = this.opts.get('SO_LINGER');
    if (linger instanceof Uint8Array && linger.some((x) => x) && this.lingerZero(linger)) c.resetAndDestroy();
    else {
      c.end();
      c.resume(); // what arrives after close is dropped
    }
    c.unref();
  }

  /** SO_LINGER {l_onoff != 0, l_linger == 0}: close resets the connection */
  private lingerZero(l: Uint8Array): boolean {
    const dv = new DataView(l.buffer, l.byteOffset, l.byteLength);
    return dv.getInt32(0, true) !== 0 && dv.getInt32(4, true) === 0;
  }
}
