/**
 * Socket addresses: guest sockaddr_in / sockaddr_in6 / sockaddr_un <-> SockAddr, with the
 * layouts and AF_* numbers taken from the target's generated data (layouts/<target>.ts).
 * Ports and IPv4 addresses are big-endian on the wire whatever the guest's byte order.
 */
import * as net from 'node:net';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { E } from '../errno.js';
import { readField, writeField } from '../layout.js';
import { resolveAt } from '../fs/paths.js';

export type Family = 'inet' | 'inet6' | 'unix';

export interface SockAddr {
  family: Family;
  /** inet/inet6: numeric address ('127.0.0.1', '::1') */
  host: string;
  port: number;
  flowinfo?: number;
  scope?: number;
  /** unix: the name as the guest gave it: a path, '\0name' (abstract) or '' (unnamed) */
  path?: string;
}

export const unnamedUnix = (): SockAddr => ({ family: 'unix', host: '', port: 0, path: '' });
export const anyAddr = (family: Family): SockAddr =>
  family === 'unix' ? unnamedUnix() : { family, host: family === 'inet' ? '0.0.0.0' : '::', port: 0 };

/** AF_* (target numbering) of a family, and back */
export function afOf(proc: Process, f: Family): number {
  const c = archOf(proc).c;
  return f === 'inet' ? c.AF_INET : f === 'inet6' ? c.AF_INET6 : c.AF_UNIX;
}
export function familyOf(proc: Process, af: number): Family | undefined {
  const c = archOf(proc).c;
  return af === c.AF_INET ? 'inet' : af === c.AF_INET6 ? 'inet6' : af === c.AF_UNIX ? 'unix' : undefined;
}

function ipv6Text(b: Uint8Array): string {
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((b[i] << 8) | b[i + 1]).toString(16));
  // let Node's parser produce the canonical compressed form
  return new net.SocketAddress({ address: words.join(':'), family: 'ipv6' }).address;
}

function ipv6Bytes(s: string): Uint8Array {
  const out = new Uint8Array(16);
  let text = s;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const hi = ((+v4[1] << 8) | +v4[2]).toString(16);
    const lo = ((+v4[3] << 8) | +v4[4]).toString(16);
    text = text.slice(0, v4.index) + `${hi}:${lo}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const words = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  words.forEach((w, i) => { const v = parseInt(w, 16) || 0; out[2 * i] = v >> 8; out[2 * i + 1] = v & 0xff; });
  return out;
}

/**
 * Read a guest sockaddr of `len` bytes. Unix paths are kept as the guest wrote them
 * (resolved to host paths by hostUnixPath). -EINVAL / -EAFNOSUPPORT as the kernel answers.
 */
export function readSockAddr(proc: Process, addr: number, len: number): SockAddr | number {
  const a = archOf(proc);
  if (len < 2 || len > 128) return -E.EINVAL;
  const bytes = proc.mem.readBytes(addr, len);
  const fam = familyOf(proc, readField(proc.mem, addr, { off: 0, size: 2 }));
  if (fam === 'inet') {
    const l = a.s.sockaddr_in;
    if (len < l.size) return -E.EINVAL;
    const o = l.fields['sin_addr.s_addr'].off;
    const p = l.fields.sin_port.off;
    return { family: 'inet', host: `${bytes[o]}.${bytes[o + 1]}.${bytes[o + 2]}.${bytes[o + 3]}`, port: (bytes[p] << 8) | bytes[p + 1] };
  }
  if (fam === 'inet6') {
    const l = a.s.sockaddr_in6;
    if (len < l.size - 4) return -E.EINVAL; // RFC 2133's sockaddr_in6 had no scope id
    const p = l.fields.sin6_port.off;
    const ao = l.fields.sin6_addr.off;
    return {
      family: 'inet6', host: ipv6Text(bytes.subarray(ao, ao + 16)), port: (bytes[p] << 8) | bytes[p + 1],
      flowinfo: readField(proc.mem, addr, l.fields.sin6_flowinfo),
      scope: len >= l.size ? readField(proc.mem, addr, l.fields.sin6_scope_id) : 0,
    };
  }
  if (fam === 'unix') {
    const off = a.s.sockaddr_un.fields.sun_path.off;
    const name = bytes.subarray(off, Math.min(len, off + a.s.sockaddr_un.fields.sun_path.size));
    if (name.length === 0) return unnamedUnix();
    if (name[0] === 0) return { family: 'unix', host: '', port: 0, path: '\0' + Buffer.from(name.subarray(1)).toString('latin1') };
    const nul = name.indexOf(0);
    return { family: 'unix', host: '', port: 0, path: Buffer.from(nul < 0 ? name : name.subarray(0, nul)).toString('latin1') };
  }
  return -E.EAFNOSUPPORT;
}

/** The guest bytes of a sockaddr. */
export function sockAddrBytes(proc: Process, sa: SockAddr): Uint8Array {
  const a = archOf(proc);
  const le = proc.mem.littleEndian;
  const put16 = (b: Uint8Array, off: number, v: number, big = false) => {
    if (big || !le) { b[off] = v >> 8; b[off + 1] = v & 0xff; } else { b[off] = v & 0xff; b[off + 1] = v >> 8; }
  };
  if (sa.family === 'unix') {
    const l = a.s.sockaddr_un;
    const name = Buffer.from(sa.path ?? '', 'latin1');
    const off = l.fields.sun_path.off;
    // a path keeps its NUL (as the kernel reports it); an abstract name is exactly its bytes
    const b = new Uint8Array(off + name.length + (name.length && name[0] !== 0 ? 1 : 0));
    put16(b, 0, a.c.AF_UNIX);
    b.set(name, off);
    return b;
  }
  if (sa.family === 'inet') {
    const l = a.s.sockaddr_in;
    const b = new Uint8Array(l.size);
    put16(b, l.fields.sin_family.off, a.c.AF_INET);
    put16(b, l.fields.sin_port.off, sa.port, true);
    const o = l.fields['sin_addr.s_addr'].off;
    sa.host.split('.').forEach((x, i) => { b[o + i] = +x; });
    return b;
  }
  const l = a.s.sockaddr_in6;
  const b = new Uint8Array(l.size);
  put16(b, l.fields.sin6_family.off, a.c.AF_INET6);
  put16(b, l.fields.sin6_port.off, sa.port, true);
  b.set(ipv6Bytes(sa.host), l.fields.sin6_addr.off);
  const dv = new DataView(b.buffer);
  dv.setUint32(l.fields.sin6_flowinfo.off, sa.flowinfo ?? 0, le);
  dv.setUint32(l.fields.sin6_scope_id.off, sa.scope ?? 0, le);
  return b;
}

/**
 * Write `sa` to guest (addr, *lenPtr) as the kernel does: truncated to the room the guest
 * gave, *lenPtr set to the full length. Nothing when addr is NULL.
 */
export function writeSockAddr(proc: Process, addr: number, lenPtr: number, sa: SockAddr): number {
  if (!addr) return 0;
  const room = proc.mem.read32(lenPtr) | 0;
  if (room < 0) return -E.EINVAL;
  const b = sockAddrBytes(proc, sa);
  proc.mem.writeBytes(addr, b.subarray(0, Math.min(room, b.length)));
  proc.mem.write32(lenPtr, b.length);
  return 0;
}

/** Host path of a unix socket path name (relative to the guest's cwd, under -L sysroot). */
export function hostUnixPath(proc: Process, p: string): string | number {
  return resolveAt(proc, archOf(proc).c.AT_FDCWD, p);
}

/** Normalise an IPv4-mapped IPv6 address Node reports ('::ffff:1.2.3.4') for an AF_INET socket. */
export function nodeAddr(family: Family, host: string | undefined, port: number | undefined): SockAddr {
  let h = host ?? (family === 'inet' ? '0.0.0.0' : '::');
  if (family === 'inet' && h.startsWith('::ffff:')) h = h.slice(7);
  if (family === 'inet6' && net.isIPv4(h)) h = `::ffff:${h}`;
  return { family, host: h, port: port ?? 0 };
}

/** qemu -strace text of a sockaddr: {sin_family=AF_INET,sin_port=htons(80),sin_addr=inet_addr("1.2.3.4")} */
export function fmtSockAddr(proc: Process, addr: number, len: number): string {
  if (!addr) return 'NULL';
  let sa: SockAddr | number;
  try { sa = readSockAddr(proc, addr, len); } catch { return `0x${addr.toString(16)}`; }
  if (typeof sa === 'number' || sa.family === 'inet6') {
    // qemu shows other families as the generic struct sockaddr: family and 14 bytes of sa_data
    let data: string[] = [];
    try { data = [...proc.mem.readBytes(addr + 2, 14)].map((b) => b.toString(16).padStart(2, '0')); } catch { /* unreadable */ }
    return `{sa_family=${readField(proc.mem, addr, { off: 0, size: 2 })}, sa_data={${data.join(', ')}}}`;
  }
  if (sa.family === 'inet') return `{sin_family=AF_INET,sin_port=htons(${sa.port}),sin_addr=inet_addr("${sa.host}")}`;
  const path = (sa.path ?? '').split('\0')[0]; // printed as a C string: an abstract name shows as ""
  return `{sun_family=AF_UNIX,sun_path=${JSON.stringify(path)}}`;
}

/** Write a 16-bit family value the way the guest reads it (used for an AF_UNSPEC answer). */
export function writeFamily(proc: Process, addr: number, af: number): void {
  writeField(proc.mem, addr, { off: 0, size: 2 }, af);
}
