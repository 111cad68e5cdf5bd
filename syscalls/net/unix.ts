/**
 * AF_UNIX sockets inside the process: socketpair, stream / seqpacket / datagram sockets
 * bound to filesystem paths or abstract names, SCM_RIGHTS. Guest-to-guest traffic never
 * leaves this process; bound names live in NetState (per process).
 *
 * A path-bound socket also holds a real host socket file (a Node server listening on the
 * path), so the name exists on disk as a socket, bind sees EADDRINUSE like Linux, and host
 * programs can connect to a listening guest (their connections are bridged through Node
 * `net`, see TcpSock). Connecting to a path no guest socket holds reaches the host socket
 * there through Node `net` as well (stream sockets only).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { Process } from '../../src/linux/process.js';
import { E, errnoOfCode } from '../errno.js';
import { type OpenFile, releaseFile } from '../fs/fdtable.js';
import { hostUnixPath, type SockAddr, unnamedUnix } from './addr.js';
import { ByteQueue, listenPoll, type NetState, type Received, Sock, type SockType } from './sock.js';
import { TcpSock } from './tcp.js';
import { POLLHUP, POLLIN, POLLOUT, POLLRDHUP, POLLRDNORM, POLLWRNORM } from '../fs/ready.js';

interface Msg { data: Uint8Array; from: SockAddr; rights?: OpenFile[] }

export class UnixSock extends Sock {
  /** bound name (as the guest gave it) and its registry key */
  private name?: SockAddr;
  private key?: string;
  private hostServer?: net.Server;
  private hostIno?: number;
  /** stream/seqpacket: the connected peer; dgram: the default destination */
  peerSock?: UnixSock;
  private peerName?: SockAddr;
  connected = false;
  /** the peer shut down its sending side or went away */
  private eof = false;
  private closed = false;
  private readonly rx = new ByteQueue();
  private readonly msgs: Msg[] = [];
  private readonly backlog: Sock[] = [];

  constructor(type: SockType, net: NetState) {
    super('unix', type, 0, net);
  }

  /** Two connected sockets (socketpair). */
  static pair(type: SockType, netState: NetState): [UnixSock, UnixSock] {
    const a = new UnixSock(type, netState);
    const b = new UnixSock(type, netState);
    link(a, b);
    return [a, b];
  }

  poll(): number {
    if (this.listening) return listenPoll(this.backlog.length);
    const readable = this.type === 'stream' ? this.rx.size > 0 : this.msgs.length > 0;
    let r = POLLOUT | POLLWRNORM;
    if (readable || this.eof || this.shutRd) r |= POLLIN | POLLRDNORM;
    if (this.eof || this.shutRd) r |= POLLRDHUP;
    if (this.type !== 'dgram' && (!this.connected || (this.eof && this.shutWr))) r |= POLLHUP;
    return r;
  }

  override bind(proc: Process, sa: SockAddr): number | Promise<number> {
    if (this.name) return -E.EINVAL;
    if (sa.family !== 'unix') return -E.EINVAL;
    let path = sa.path ?? '';
    if (path === '') path = `\0${(this.id & 0xfffff).toString(16).padStart(5, '0')}`; // autobind
    if (path.startsWith('\0')) {
      if (this.net.unixNames.has(path)) return -E.EADDRINUSE;
      this.register(path, { ...sa, path });
      return 0;
    }
    const host = hostUnixPath(proc, path);
    if (typeof host === 'number') return host;
    if (fs.lstatSync(host, { throwIfNoEntry: false })) return -E.EADDRINUSE;
    return new Promise((resolve) => {
      const srv = net.createServer({ allowHalfOpen: true });
      srv.once('error', (e) => resolve(errnoOfCode((e as NodeJS.ErrnoException).code) ?? -E.EADDRINUSE));
      srv.listen(host, () => {
        srv.on('connection', (s) => this.hostClient(s));
        this.hostServer = srv;
        this.hostIno = fs.statSync(host).ino;
        this.register(host, { family: 'unix', host: '', port: 0, path });
        resolve(0);
      });
    });
  }

  private register(key: string, name: SockAddr): void {
    this.key = key;
    this.name = name;
    this.net.unixNames.set(key, this);
  }

  /** a host program connected to our path */
  private hostClient(s: net.Socket): void {
    if (!this.listening || this.type !== 'stream') { s.destroy(); return; }
    this.backlog.push(TcpSock.accepted('unix', 0, this.net, s, this.name, unnamedUnix()));
    this.wake();
  }

  override listen(proc: Process, _backlog: number): number | Promise<number> {
    if (this.type === 'dgram') return -E.EOPNOTSUPP;
    if (this.connected) return -E.EINVAL;
    if (!this.name) {
      const r = this.bind(proc, unnamedUnix());
      if (typeof r !== 'number' || r < 0) return r;
    }
    this.listening = true;
    return 0;
  }

  override tryAccept(): Sock | number | undefined {
    if (!this.listening) return -E.EINVAL;
    return this.backlog.shift();
  }

  /** the guest socket bound to `sa`, a host path to reach through Node, or -errno */
  private lookup(proc: Process, sa: SockAddr): UnixSock | string | number {
    const path = sa.path ?? '';
    if (path === '') return -E.EINVAL;
    if (path.startsWith('\0')) {
      const t = this.net.unixNames.get(path);
      return t instanceof UnixSock ? t : -E.ECONNREFUSED;
    }
    const host = hostUnixPath(proc, path);
    if (typeof host === 'number') return host;
    const t = this.net.unixNames.get(host);
    if (t instanceof UnixSock && !t.closed) return t;
    const st = fs.statSync(host, { throwIfNoEntry: false });
    if (!st) return -E.ENOENT;
    return st.isSocket() ? host : -E.ECONNREFUSED;
  }

  connect(proc: Process, sa: SockAddr): number | Sock {
    if (sa.family !== 'unix') return -E.EINVAL;
    if (this.listening) return -E.EINVAL;
    if (this.connected && this.type !== 'dgram') return -E.EISCONN;
    const t = this.lookup(proc, sa);
    if (typeof t === 'number') return t;
    if (typeof t === 'string') {
      if (this.type !== 'stream') return -E.ECONNREFUSED; // host datagram sockets: Node has no API
      return new TcpSock('unix', 0, this.net); // net.ts connects it to `sa` and puts it on this fd
    }
    if (t.type !== this.type) return -E.EPROTOTYPE;
    if (this.type === 'dgram') {
      this.peerSock = t;
      this.peerName = t.name;
      this.connected = true;
      return 0;
    }
    if (!t.listening) return -E.ECONNREFUSED;
    const server = new UnixSock(this.type, this.net);
    server.name = t.name;
    link(this, server);
    this.peerName = t.name;
    server.peerName = this.name ?? unnamedUnix();
    t.backlog.push(server);
    t.wake();
    return 0;
  }

  send(proc: Process, data: Uint8Array, to: SockAddr | null, rights?: OpenFile[]): number {
    if (this.type === 'dgram') {
      let dest = this.peerSock;
      if (to) {
        const t = this.lookup(proc, to);
        if (typeof t === 'number') return t;
        if (typeof t === 'string' || t.type !== 'dgram') return -E.ECONNREFUSED;
        dest = t;
      }
      if (!dest) return -E.ENOTCONN;
      if (dest.closed) return -E.ECONNREFUSED;
      if (this.shutWr) return -E.EPIPE;
      dest.msgs.push({ data: data.slice(), from: this.name ?? unnamedUnix(), rights });
      dest.wake();
      return data.length;
    }
    if (!this.connected) return -E.ENOTCONN;
    const p = this.peerSock!;
    if (this.shutWr || p.closed || p.shutRd) return -E.EPIPE;
    if (this.type === 'stream') p.rx.push(data, rights);
    else p.msgs.push({ data: data.slice(), from: this.name ?? unnamedUnix(), rights });
    p.wake();
    return data.length;
  }

  tryRecv(buf: Uint8Array, peek: boolean, waitAll: boolean): Received | number | undefined {
    const end = this.eof || this.shutRd;
    if (this.type === 'stream') {
      if (!this.connected) return -E.EINVAL;
      if (this.rx.size && (!waitAll || this.rx.size >= buf.length || end)) {
        const { n, rights } = this.rx.take(buf, peek);
        return { n, full: n, rights, from: this.peerName };
      }
      return end ? { n: 0, full: 0 } : undefined;
    }
    if (this.type === 'seqpacket' && !this.connected) return -E.ENOTCONN;
    const m = peek ? this.msgs[0] : this.msgs.shift();
    if (!m) return end ? { n: 0, full: 0 } : undefined;
    const n = Math.min(buf.length, m.data.length);
    buf.set(m.data.subarray(0, n));
    return { n, full: m.data.length, from: m.from, rights: peek ? undefined : m.rights };
  }

  override shutdown(how: 'rd' | 'wr' | 'rdwr'): number {
    if (!this.connected) return -E.ENOTCONN;
    const p = this.peerSock;
    if (how !== 'wr') this.shutRd = true;
    if (how !== 'rd') {
      this.shutWr = true;
      if (p && this.type !== 'dgram') { p.eof = true; p.wake(); }
    }
    this.wake();
    return 0;
  }

  local(): SockAddr { return this.name ?? unnamedUnix(); }
  peer(): SockAddr | number {
    return this.connected ? this.peerName ?? unnamedUnix() : -E.ENOTCONN;
  }
  pending(): number {
    return this.type === 'stream' ? this.rx.size : this.msgs[0]?.data.length ?? 0;
  }

  close(): void {
    this.closed = true;
    if (this.key !== undefined && this.net.unixNames.get(this.key) === this) this.net.unixNames.delete(this.key);
    if (this.hostServer) closeKeepingFile(this.hostServer, this.key!, this.hostIno);
    for (const s of this.backlog.splice(0)) s.close();
    for (const f of this.rx.drainRights()) releaseFile(f);
    for (const m of this.msgs.splice(0)) for (const f of m.rights ?? []) releaseFile(f);
    const p = this.peerSock;
    if (p && this.type !== 'dgram') { p.eof = true; p.wake(); }
  }
}

function link(a: UnixSock, b: UnixSock): void {
  a.peerSock = b;
  b.peerSock = a;
  a.connected = b.connected = true;
}

/**
 * Close the Node server that holds a socket file without losing the file: libuv unlinks
 * the path when its server closes, Linux leaves it until the program unlinks it.
 */
function closeKeepingFile(srv: net.Server, host: string, ino: number | undefined): void {
  let keep: string | undefined;
  try {
    if (fs.statSync(host).ino === ino) {
      keep = `${host}.polyemu-${process.pid}-${ino}`;
      fs.linkSync(host, keep);
    }
  } catch { keep = undefined; }
  srv.close();
  if (keep) {
    try { fs.renameSync(keep, host); } catch { try { fs.unlinkSync(keep); } catch { /* gone */ } }
  }
}
