/**
 * UDP sockets over Node `dgram`. The Node socket is made on first bind/connect/send (an
 * unbound socket that sends is bound to an ephemeral port first, as the kernel does);
 * received datagrams queue here with their sender. connect() records the peer: sends
 * without an address go there and datagrams from elsewhere are dropped.
 */
import * as dgram from 'node:dgram';
import type { Process } from '../../src/linux/process.js';
import { E, errnoOfCode } from '../errno.js';
import { anyAddr, type Family, nodeAddr, type SockAddr } from './addr.js';
import { type NetState, type Received, Sock } from './sock.js';
import { POLLERR, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from '../fs/ready.js';

/** -errno of a Node error (dflt when it has no errno code) */
const errnoOf = (e: unknown, dflt: number): number => errnoOfCode((e as NodeJS.ErrnoException)?.code) ?? -dflt;

/** Largest datagram queue kept per socket (bytes), like a default SO_RCVBUF */
const RX_LIMIT = 212992;

export class UdpSock extends Sock {
  private sock?: dgram.Socket;
  private boundSa?: SockAddr;
  private peerSa?: SockAddr;
  private readonly rx: Array<{ data: Uint8Array; from: SockAddr }> = [];
  private rxBytes = 0;

  constructor(family: Family, protocol: number, net: NetState) {
    super(family, 'dgram', protocol, net);
  }

  poll(): number {
    return POLLOUT | POLLWRNORM | (this.rx.length ? POLLIN | POLLRDNORM : 0) | (this.error ? POLLERR : 0);
  }

  override bind(_proc: Process, sa: SockAddr): number | Promise<number> {
    if (this.boundSa) return -E.EINVAL;
    if (sa.family !== this.family) return -E.EAFNOSUPPORT;
    const s = dgram.createSocket({
      type: this.family === 'inet' ? 'udp4' : 'udp6',
      reuseAddr: !!this.opts.get('SO_REUSEADDR'),
      ipv6Only: this.family === 'inet6' && !!this.opts.get('IPV6_V6ONLY'),
    });
    return new Promise((resolve) => {
      s.once('error', (e) => { s.close(); resolve(errnoOf(e, E.EADDRNOTAVAIL)); });
      s.bind({ address: sa.host, port: sa.port, exclusive: true }, () => {
        s.removeAllListeners('error');
        s.on('error', (e) => { this.error = -errnoOf(e, E.ECONNREFUSED); this.wake(); });
        s.on('message', (m, rinfo) => this.arrive(m, rinfo));
        if (this.opts.get('SO_BROADCAST')) s.setBroadcast(true);
        this.sock = s;
        const a = s.address();
        this.boundSa = nodeAddr(this.family, a.address, a.port);
        resolve(0);
      });
    });
  }

  private arrive(m: Buffer, rinfo: dgram.RemoteInfo): void {
    const from = nodeAddr(this.family, rinfo.address, rinfo.port);
    if (this.shutRd || this.rxBytes + m.length > RX_LIMIT) return; // dropped, as a full queue drops
    this.rx.push({ data: new Uint8Array(m), from });
    this.rxBytes += m.length;
    this.wake();
  }

  override optionChanged(name: string): void {
    if (name === 'SO_BROADCAST' && this.sock) this.sock.setBroadcast(!!this.opts.get(name));
  }

  /** bind to an ephemeral port first when nothing is bound yet */
  private ensureBound(proc: Process): number | Promise<number> {
    return this.boundSa ? 0 : this.bind(proc, anyAddr(this.family));
  }

  connect(proc: Process, sa: SockAddr): number | Promise<number> {
    if (sa.family !== this.family) return -E.EAFNOSUPPORT;
    const go = (): number | Promise<number> => {
      const s = this.sock!;
      if (this.peerSa) s.disconnect();
      return new Promise((resolve) => {
        const onErr = (e: Error) => resolve(errnoOf(e, E.ENETUNREACH));
        s.once('error', onErr);
        s.connect(sa.port, sa.host, () => {
          s.off('error', onErr);
          this.peerSa = sa;
          resolve(0);
        });
      });
    };
    const b = this.ensureBound(proc);
    if (typeof b === 'number') return b < 0 ? b : go();
    return b.then((v) => (v < 0 ? v : go()));
  }

  send(proc: Process, data: Uint8Array, to: SockAddr | null): number | Promise<number> {
    if (this.shutWr) return -E.EPIPE;
    if (to && to.family !== this.family) return -E.EAFNOSUPPORT;
    if (!to && !this.peerSa) return -E.EDESTADDRREQ;
    if (to && this.peerSa) return -E.EISCONN;
    if (data.length > 65507) return -E.EMSGSIZE;
    const go = (): number => {
      const buf = Buffer.from(data);
      if (to) this.sock!.send(buf, to.port, to.host);
      else this.sock!.send(buf);
      return data.length;
    };
    const b = this.ensureBound(proc);
    if (typeof b === 'number') return b < 0 ? b : go();
    return b.then((v) => (v < 0 ? v : go()));
  }

  tryRecv(buf: Uint8Array, peek: boolean): Received | number | undefined {
    if (this.error) {
      const e = this.error;
      this.error = 0;
      return -e;
    }
    const d = peek ? this.rx[0] : this.rx.shift();
    if (!d) return this.shutRd ? { n: 0, full: 0 } : undefined;
    if (!peek) this.rxBytes -= d.data.length;
    const n = Math.min(buf.length, d.data.length);
    buf.set(d.data.subarray(0, n));
    return { n, full: d.data.length, from: d.from };
  }

  override shutdown(how: 'rd' | 'wr' | 'rdwr'): number {
    if (!this.peerSa) return -E.ENOTCONN;
    if (how !== 'wr') this.shutRd = true;
    if (how !== 'rd') this.shutWr = true;
    this.wake();
    return 0;
  }

  local(): SockAddr { return this.boundSa ?? anyAddr(this.family); }
  peer(): SockAddr | number { return this.peerSa ?? -E.ENOTCONN; }
  pending(): number { return this.rx.length ? this.rx[0].data.length : 0; }
  close(): void { this.sock?.close(); }
}
