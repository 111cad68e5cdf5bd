/**
 * getsockopt/setsockopt as a table: one row per option (level and name are the target's
 * generated constants), its value kind, default, and who it applies to. Values are kept on
 * the socket (Sock.opts) and reported back as Linux reports them; the ones with a host
 * meaning are applied by the socket (Sock.optionChanged): TCP_NODELAY, SO_KEEPALIVE,
 * SO_BROADCAST; SO_REUSEADDR and IPV6_V6ONLY act at bind/listen, SO_LINGER {1,0} at close,
 * SO_RCVTIMEO/SO_SNDTIMEO bound the waits. The others are remembered, not applied.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { E } from '../errno.js';
import { readField } from '../layout.js';
import type { Sock } from './sock.js';

type Kind = 'int' | 'bool' | 'linger' | 'timeval' | 'timeval64' | 'ucred';

interface Row {
  level: 'SOL_SOCKET' | 'IPPROTO_TCP' | 'IPPROTO_IP' | 'IPPROTO_IPV6';
  name: string;
  kind: Kind;
  /** value before any setsockopt */
  dflt?: number | ((s: Sock) => number);
  /** read-only (setsockopt answers ENOPROTOOPT) */
  ro?: boolean;
  /** computed value */
  get?: (proc: Process, s: Sock) => number;
  /** what setsockopt stores for value v (SO_RCVBUF doubles it) */
  store?: (v: number) => number;
  /** the key the value is kept under (the _OLD/_NEW timeouts share one) */
  key?: string;
}

const sockBuf = (s: Sock, tcp: number) => (s.type === 'stream' && s.family !== 'unix' ? tcp : 212992);

/** Option rows. Levels other than SOL_SOCKET apply to their family only (see applies()). */
const ROWS: Row[] = [
  { level: 'SOL_SOCKET', name: 'SO_TYPE', kind: 'int', ro: true, get: (p, s) => archOf(p).c[s.type === 'stream' ? 'SOCK_STREAM' : s.type === 'dgram' ? 'SOCK_DGRAM' : 'SOCK_SEQPACKET'] },
  { level: 'SOL_SOCKET', name: 'SO_DOMAIN', kind: 'int', ro: true, get: (p, s) => archOf(p).c[s.family === 'inet' ? 'AF_INET' : s.family === 'inet6' ? 'AF_INET6' : 'AF_UNIX'] },
  { level: 'SOL_SOCKET', name: 'SO_PROTOCOL', kind: 'int', ro: true, get: (_p, s) => s.protocol },
  { level: 'SOL_SOCKET', name: 'SO_ACCEPTCONN', kind: 'bool', ro: true, get: (_p, s) => (s.listening ? 1 : 0) },
  { level: 'SOL_SOCKET', name: 'SO_ERROR', kind: 'int', ro: true, get: (p, s) => { const e = s.error; s.error = 0; return e ? archOf(p).errno[e] : 0; } },
  { level: 'SOL_SOCKET', name: 'SO_PEERCRED', kind: 'ucred', ro: true },
  { level: 'SOL_SOCKET', name: 'SO_REUSEADDR', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_REUSEPORT', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_KEEPALIVE', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_BROADCAST', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_OOBINLINE', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_DONTROUTE', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_DEBUG', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_PASSCRED', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_TIMESTAMP_OLD', kind: 'bool' },
  { level: 'SOL_SOCKET', name: 'SO_PRIORITY', kind: 'int' },
  { level: 'SOL_SOCKET', name: 'SO_MARK', kind: 'int' },
  { level: 'SOL_SOCKET', name: 'SO_RCVLOWAT', kind: 'int', dflt: 1 },
  { level: 'SOL_SOCKET', name: 'SO_SNDLOWAT', kind: 'int', dflt: 1, ro: true },
  { level: 'SOL_SOCKET', name: 'SO_PEEK_OFF', kind: 'int', dflt: -1 },
  { level: 'SOL_SOCKET', name: 'SO_RCVBUF', kind: 'int', dflt: (s) => sockBuf(s, 131072), store: (v) => Math.max(2304, 2 * v) },
  { level: 'SOL_SOCKET', name: 'SO_SNDBUF', kind: 'int', dflt: (s) => sockBuf(s, 16384), store: (v) => Math.max(4608, 2 * v) },
  { level: 'SOL_SOCKET', name: 'SO_RCVBUFFORCE', kind: 'int', key: 'SO_RCVBUF', store: (v) => Math.max(2304, 2 * v) },
  { level: 'SOL_SOCKET', name: 'SO_SNDBUFFORCE', kind: 'int', key: 'SO_SNDBUF', store: (v) => Math.max(4608, 2 * v) },
  { level: 'SOL_SOCKET', name: 'SO_LINGER', kind: 'linger' },
  { level: 'SOL_SOCKET', name: 'SO_RCVTIMEO_OLD', kind: 'timeval', key: 'SO_RCVTIMEO' },
  { level: 'SOL_SOCKET', name: 'SO_SNDTIMEO_OLD', kind: 'timeval', key: 'SO_SNDTIMEO' },
  { level: 'SOL_SOCKET', name: 'SO_RCVTIMEO_NEW', kind: 'timeval64', key: 'SO_RCVTIMEO' },
  { level: 'SOL_SOCKET', name: 'SO_SNDTIMEO_NEW', kind: 'timeval64', key: 'SO_SNDTIMEO' },
  { level: 'IPPROTO_TCP', name: 'TCP_NODELAY', kind: 'bool' },
  { level: 'IPPROTO_TCP', name: 'TCP_CORK', kind: 'bool' },
  { level: 'IPPROTO_TCP', name: 'TCP_QUICKACK', kind: 'bool', dflt: 1 },
  { level: 'IPPROTO_TCP', name: 'TCP_KEEPIDLE', kind: 'int', dflt: 7200 },
  { level: 'IPPROTO_TCP', name: 'TCP_KEEPINTVL', kind: 'int', dflt: 75 },
  { level: 'IPPROTO_TCP', name: 'TCP_KEEPCNT', kind: 'int', dflt: 9 },
  { level: 'IPPROTO_TCP', name: 'TCP_SYNCNT', kind: 'int', dflt: 6 },
  { level: 'IPPROTO_TCP', name: 'TCP_LINGER2', kind: 'int', dflt: 60 },
  { level: 'IPPROTO_TCP', name: 'TCP_MAXSEG', kind: 'int', dflt: 536 },
  { level: 'IPPROTO_TCP', name: 'TCP_DEFER_ACCEPT', kind: 'int' },
  { level: 'IPPROTO_TCP', name: 'TCP_USER_TIMEOUT', kind: 'int' },
  { level: 'IPPROTO_TCP', name: 'TCP_FASTOPEN', kind: 'int' },
  { level: 'IPPROTO_IP', name: 'IP_TOS', kind: 'int' },
  { level: 'IPPROTO_IP', name: 'IP_TTL', kind: 'int', dflt: 64 },
  { level: 'IPPROTO_IP', name: 'IP_MULTICAST_TTL', kind: 'int', dflt: 1 },
  { level: 'IPPROTO_IP', name: 'IP_MULTICAST_LOOP', kind: 'bool', dflt: 1 },
  { level: 'IPPROTO_IP', name: 'IP_RECVERR', kind: 'bool' },
  { level: 'IPPROTO_IP', name: 'IP_PKTINFO', kind: 'bool' },
  { level: 'IPPROTO_IP', name: 'IP_RECVTOS', kind: 'bool' },
  { level: 'IPPROTO_IP', name: 'IP_FREEBIND', kind: 'bool' },
  { level: 'IPPROTO_IP', name: 'IP_MTU_DISCOVER', kind: 'int', dflt: 1 },
  { level: 'IPPROTO_IPV6', name: 'IPV6_V6ONLY', kind: 'bool' },
  { level: 'IPPROTO_IPV6', name: 'IPV6_UNICAST_HOPS', kind: 'int', dflt: 64 },
  { level: 'IPPROTO_IPV6', name: 'IPV6_MULTICAST_HOPS', kind: 'int', dflt: 1 },
  { level: 'IPPROTO_IPV6', name: 'IPV6_MULTICAST_LOOP', kind: 'bool', dflt: 1 },
  { level: 'IPPROTO_IPV6', name: 'IPV6_RECVPKTINFO', kind: 'bool' },
  { level: 'IPPROTO_IPV6', name: 'IPV6_TCLASS', kind: 'int' },
  { level: 'IPPROTO_IPV6', name: 'IPV6_RECVERR', kind: 'bool' },
];

function findRow(proc: Process, level: number, name: number): Row | undefined {
  const c = archOf(proc).c;
  return ROWS.find((r) => c[r.level] === level && c[r.name] === name);
}

/** -errno when the option's level does not apply to this socket */
function applies(r: Row, s: Sock): number {
  switch (r.level) {
    case 'SOL_SOCKET': return 0;
    case 'IPPROTO_TCP': return s.family !== 'unix' && s.type === 'stream' ? 0 : -E.EOPNOTSUPP;
    case 'IPPROTO_IP': return s.family !== 'unix' ? 0 : -E.EOPNOTSUPP;
    case 'IPPROTO_IPV6': return s.family === 'inet6' ? 0 : -E.ENOPROTOOPT;
  }
}

function intValue(s: Sock, r: Row, proc: Process): number {
  if (r.get) return r.get(proc, s);
  const v = s.opts.get(r.key ?? r.name);
  if (typeof v === 'number') return v;
  return typeof r.dflt === 'function' ? r.dflt(s) : r.dflt ?? 0;
}

/** timeout in ms kept for SO_RCVTIMEO / SO_SNDTIMEO (0 = none) */
export function timeoutMs(s: Sock, key: 'SO_RCVTIMEO' | 'SO_SNDTIMEO'): number {
  const v = s.opts.get(key);
  return typeof v === 'number' ? v : 0;
}

export function setsockopt(proc: Process, s: Sock, level: number, name: number, ptr: number, len: number): number {
  const r = findRow(proc, level, name);
  if (!r) return -E.ENOPROTOOPT;
  const bad = applies(r, s);
  if (bad) return bad;
  if (r.ro) return -E.ENOPROTOOPT;
  const a = archOf(proc);
  const key = r.key ?? r.name;
  switch (r.kind) {
    case 'int':
    case 'bool': {
      if (len < 4) return -E.EINVAL;
      const v = proc.mem.read32(ptr) | 0;
      s.opts.set(key, r.kind === 'bool' ? (v ? 1 : 0) : r.store ? r.store(v) : v);
      break;
    }
    case 'linger': {
      const l = a.s.linger;
      if (len < l.size) return -E.EINVAL;
      s.opts.set(key, proc.mem.readBytes(ptr, l.size));
      break;
    }
    case 'timeval':
    case 'timeval64': {
      const wide = r.kind === 'timeval64';
      const size = wide ? 16 : a.s.timeval.size;
      if (len < size) return -E.EINVAL;
      const sec = wide ? Number(proc.mem.read64(ptr)) : readField(proc.mem, ptr, { ...a.s.timeval.fields.tv_sec, signed: true });
      const usec = wide ? Number(proc.mem.read64(ptr + 8)) : readField(proc.mem, ptr, { ...a.s.timeval.fields.tv_usec, signed: true });
      if (usec < 0 || usec >= 1000000) return -E.EDOM;
      s.opts.set(key, sec < 0 ? 0 : sec * 1000 + Math.ceil(usec / 1000));
      break;
    }
    case 'ucred':
      return -E.ENOPROTOOPT;
  }
  s.optionChanged(key);
  return 0;
}

export function getsockopt(proc: Process, s: Sock, level: number, name: number, ptr: number, lenPtr: number): number {
  const r = findRow(proc, level, name);
  if (!r) return -E.ENOPROTOOPT;
  const bad = applies(r, s);
  if (bad) return bad;
  const room = proc.mem.read32(lenPtr) | 0;
  if (room < 0) return -E.EINVAL;
  const a = archOf(proc);
  const out = (b: Uint8Array): number => {
    const n = Math.min(room, b.length);
    proc.mem.writeBytes(ptr, b.subarray(0, n));
    proc.mem.write32(lenPtr, n);
    return 0;
  };
  const key = r.key ?? r.name;
  switch (r.kind) {
    case 'int':
    case 'bool': {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, intValue(s, r, proc), proc.mem.littleEndian);
      return out(b);
    }
    case 'linger': {
      const v = s.opts.get(key);
      return out(v instanceof Uint8Array ? v : new Uint8Array(a.s.linger.size));
    }
    case 'timeval':
    case 'timeval64': {
      const ms = timeoutMs(s, key as 'SO_RCVTIMEO' | 'SO_SNDTIMEO');
      const sec = Math.floor(ms / 1000);
      const usec = (ms % 1000) * 1000;
      const wide = r.kind === 'timeval64';
      const size = wide ? 16 : a.s.timeval.size;
      const b = new Uint8Array(size);
      const dv = new DataView(b.buffer);
      const le = proc.mem.littleEndian;
      const put = (off: number, bytes: number, v: number) => (bytes === 8 ? dv.setBigInt64(off, BigInt(v), le) : dv.setInt32(off, v, le));
      if (wide) { put(0, 8, sec); put(8, 8, usec); } else {
        put(a.s.timeval.fields.tv_sec.off, a.s.timeval.fields.tv_sec.size, sec);
        put(a.s.timeval.fields.tv_usec.off, a.s.timeval.fields.tv_usec.size, usec);
      }
      return out(b);
    }
    case 'ucred': {
      if (s.family !== 'unix') return -E.ENOTCONN;
      const l = a.s.ucred;
      const b = new Uint8Array(l.size);
      const dv = new DataView(b.buffer);
      const le = proc.mem.littleEndian;
      const peerless = typeof s.peer() === 'number';
      dv.setUint32(l.fields.pid.off, peerless ? 0 : proc.pid, le);
      dv.setUint32(l.fields.uid.off, peerless ? 0xffffffff : process.getuid?.() ?? 0, le);
      dv.setUint32(l.fields.gid.off, peerless ? 0xffffffff : process.getgid?.() ?? 0, le);
      return out(b);
    }
  }
}
