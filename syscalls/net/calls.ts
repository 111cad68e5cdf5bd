/**
 * Socket syscalls: socket, socketpair, bind, listen, accept/accept4, connect, send/sendto/
 * sendmsg, recv/recvfrom/recvmsg, shutdown, getsockname/getpeername, get/setsockopt.
 * The families live in net-tcp.ts, net-udp.ts, net-unix.ts; addresses in net-addr.ts,
 * options in net-opts.ts, the byte-moving cores in net-io.ts. Every target calls these
 * directly (32-bit ARM included: its table has the socketcall-free numbers).
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { type OpenFile, releaseFile } from '../fs/fdtable.js';
import { installFile } from '../fs/files.js';
import { MAX_RW, guestBuf } from '../fs/io.js';
import { readField, readStruct, readWord, writeField } from '../layout.js';
import { type Family, fmtSockAddr, hostUnixPath, readSockAddr, type SockAddr, writeSockAddr } from './addr.js';
import { nonblocking, recvInto, replaceSock, sendFrom, socketFile, sockOf } from './io.js';
import { getsockopt, setsockopt, timeoutMs } from './opts.js';
import { type Received, Sock, type SockType, waitOn } from './sock.js';
import { TcpSock } from './tcp.js';
import { UdpSock } from './udp.js';
import { UnixSock } from './unix.js';
import { fmtEnum } from '../strace.js';
import { PROT_R, PROT_W } from '../../src/core/memory/flat.js';

/** type argument -> base type and the SOCK_NONBLOCK / SOCK_CLOEXEC flags */
function splitType(proc: Process, type: number): { t: SockType | undefined; nonblock: boolean; cloexec: boolean; bad: boolean } {
  const c = archOf(proc).c;
  const extra = type & ~(c.SOCK_NONBLOCK | c.SOCK_CLOEXEC | 0xf);
  const base = type & 0xf;
  const t = base === c.SOCK_STREAM ? 'stream' : base === c.SOCK_DGRAM ? 'dgram' : base === c.SOCK_SEQPACKET ? 'seqpacket' : undefined;
  return { t, nonblock: (type & c.SOCK_NONBLOCK) !== 0, cloexec: (type & c.SOCK_CLOEXEC) !== 0, bad: extra !== 0 };
}

function newSock(proc: Process, domain: number, type: number, protocol: number): Sock | number {
  const c = archOf(proc).c;
  const { t, bad } = splitType(proc, type);
  if (bad) return -E.EINVAL;
  const net = proc.sys.net;
  if (domain === c.AF_UNIX) {
    if (protocol !== 0 && protocol !== c.AF_UNIX) return -E.EPROTONOSUPPORT;
    if (!t) return -E.ESOCKTNOSUPPORT;
    return new UnixSock(t, net);
  }
  if (domain === c.AF_INET || domain === c.AF_INET6) {
    const fam: Family = domain === c.AF_INET ? 'inet' : 'inet6';
    const base = type & 0xf;
    if (base === c.SOCK_RAW) return -E.EPERM; // raw sockets need privileges Node cannot lend
    if (t === 'stream' && (protocol === 0 || protocol === c.IPPROTO_TCP)) return new TcpSock(fam, c.IPPROTO_TCP, net);
    if (t === 'dgram' && (protocol === 0 || protocol === c.IPPROTO_UDP)) return new UdpSock(fam, c.IPPROTO_UDP, net);
    if (!t) return -E.EINVAL;
    return -E.EPROTONOSUPPORT;
  }
  return -E.EAFNOSUPPORT;
}

function socket(proc: Process, [domain, type, protocol]: number[]): number {
  const s = newSock(proc, domain, type, protocol);
  if (typeof s === 'number') return s;
  const { nonblock, cloexec } = splitType(proc, type);
  return installFile(proc, socketFile(proc, s, nonblock), cloexec);
}

function socketpair(proc: Process, [domain, type, protocol, sv]: number[]): number {
  const c = archOf(proc).c;
  if (domain !== c.AF_UNIX) return domain === c.AF_INET || domain === c.AF_INET6 ? -E.EOPNOTSUPP : -E.EAFNOSUPPORT;
  const { t, nonblock, cloexec, bad } = splitType(proc, type);
  if (bad) return -E.EINVAL;
  if (protocol !== 0 && protocol !== c.AF_UNIX) return -E.EPROTONOSUPPORT;
  if (!t) return -E.ESOCKTNOSUPPORT;
  proc.mem.check(sv, 8, PROT_W);
  const [a, b] = UnixSock.pair(t, proc.sys.net);
  const fa = installFile(proc, socketFile(proc, a, nonblock), cloexec);
  if (fa < 0) return fa;
  const fb = installFile(proc, socketFile(proc, b, nonblock), cloexec);
  if (fb < 0) { proc.fds.close(fa); return fb; }
  proc.mem.write32(sv, fa);
  proc.mem.write32(sv + 4, fb);
  return 0;
}

function bind(proc: Process, [fd, addr, len]: number[]): number | Promise<number> {
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  // an AF_INET6 socket checks the length first (a sockaddr_in is too short: EINVAL)
  if (so.s.family === 'inet6' && (len | 0) < archOf(proc).s.sockaddr_in6.size - 4) return -E.EINVAL;
  const sa = readSockAddr(proc, addr, len | 0);
  if (typeof sa === 'number') return sa;
  if (sa.family !== so.s.family) return so.s.family === 'unix' ? -E.EINVAL : -E.EAFNOSUPPORT;
  return so.s.bind(proc, sa);
}

function listen(proc: Process, [fd, backlog]: number[]): number | Promise<number> {
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  if (so.s.type === 'dgram') return -E.EOPNOTSUPP;
  return so.s.listen(proc, backlog | 0);
}

function accept4(proc: Process, [fd, addr, lenPtr, flags]: number[]): number | Promise<number> {
  const c = archOf(proc).c;
  if (flags & ~(c.SOCK_NONBLOCK | c.SOCK_CLOEXEC)) return -E.EINVAL;
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  if (so.s.type === 'dgram') return -E.EOPNOTSUPP;
  const done = (r: Sock | number): number => {
    if (typeof r === 'number') return r;
    const nfd = installFile(proc, socketFile(proc, r, (flags & c.SOCK_NONBLOCK) !== 0), (flags & c.SOCK_CLOEXEC) !== 0);
    if (nfd < 0) { r.close(); return nfd; }
    const peer = r.peer();
    if (addr && typeof peer !== 'number') {
      const w = writeSockAddr(proc, addr, lenPtr, peer);
      if (w < 0) return w;
    }
    return nfd;
  };
  const r = so.s.tryAccept();
  if (r !== undefined) return done(r);
  if ((so.f.flags & c.O_NONBLOCK) !== 0) return -E.EAGAIN;
  const w = waitOn(proc, so.s, () => so.s.tryAccept(), timeoutMs(so.s, 'SO_RCVTIMEO'));
  return w instanceof Promise ? w.then(done) : done(w);
}

function connect(proc: Process, [fd, addr, len]: number[]): number | Promise<number> {
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  const sa = readSockAddr(proc, addr, len | 0);
  if (typeof sa === 'number') return sa;
  const nonblock = nonblocking(proc, so.f, 0);
  const r = so.s.connect(proc, sa, nonblock);
  if (!(r instanceof Sock)) return r;
  // a unix stream socket reaching a host socket: the fd becomes a Node-backed stream
  replaceSock(so.f, r);
  so.s.close();
  const host = hostUnixPath(proc, sa.path ?? '');
  if (typeof host === 'number') return host;
  const r2 = r.connect(proc, { ...sa, path: host }, nonblock);
  return r2 instanceof Sock ? -E.ECONNREFUSED : r2;
}

/** The destination of sendto/sendmsg: null (none given) or the address, or -errno. */
function destOf(proc: Process, s: Sock, addr: number, len: number): SockAddr | null | number {
  if (!addr) return null;
  if (s.type !== 'dgram') return null; // connection-based: the address is ignored, as TCP does
  return readSockAddr(proc, addr, len | 0);
}

function sendto(proc: Process, [fd, buf, len, flags, addr, alen]: number[]): number | Promise<number> {
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  const to = destOf(proc, so.s, addr, alen);
  if (typeof to === 'number') return to;
  const b = guestBuf(proc, buf, len, PROT_R);
  if (typeof b === 'number') return b;
  return sendFrom(proc, so.s, b, flags, to);
}

/** Finish a receive: write the sender's address (if asked) and the result count. */
function recvDone(proc: Process, s: Sock, r: Received | number, flags: number, addr: number, lenPtr: number): number {
  if (typeof r === 'number') return r;
  if (addr) {
    if (r.from && !(s.family !== 'unix' && s.type === 'stream')) {
      const w = writeSockAddr(proc, addr, lenPtr, r.from);
      if (w < 0) return w;
    } else proc.mem.write32(lenPtr, 0);
  }
  for (const f of r.rights ?? []) releaseFile(f); // recv/recvfrom have no room for files: they are closed
  return (flags & archOf(proc).c.MSG_TRUNC) !== 0 && s.type !== 'stream' ? r.full : r.n;
}

function recvfrom(proc: Process, [fd, buf, len, flags, addr, lenPtr]: number[]): number | Promise<number> {
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  const b = guestBuf(proc, buf, len, PROT_W);
  if (typeof b === 'number') return b;
  const r = recvInto(proc, so.s, b, flags, nonblocking(proc, so.f, flags));
  return r instanceof Promise ? r.then((v) => recvDone(proc, so.s, v, flags, addr, lenPtr)) : recvDone(proc, so.s, r, flags, addr, lenPtr);
}

/** The iovecs of a msghdr as [base, len] pairs; -EMSGSIZE / -EINVAL as the kernel checks. */
function iovecs(proc: Process, iov: number, cnt: number): Array<[number, number]> | number {
  const l = archOf(proc).s.iovec;
  if (cnt < 0 || cnt > 1024) return -E.EMSGSIZE;
  const out: Array<[number, number]> = [];
  let total = 0;
  for (let i = 0; i < cnt; i++) {
    const base = readField(proc.mem, iov + i * l.size, l.fields.iov_base);
    const len = readField(proc.mem, iov + i * l.size, l.fields.iov_len);
    if (len < 0 || len > MAX_RW) return -E.EINVAL;
    total += len;
    out.push([base, len]);
  }
  return total > MAX_RW ? -E.EINVAL : out;
}

const cmsgAlign = (n: number, w: number) => Math.ceil(n / w) * w;

/** SCM_RIGHTS files of a sendmsg control buffer (their refs taken), or -errno. */
function controlRights(proc: Process, s: Sock, ctl: number, ctlLen: number): OpenFile[] | number {
  const a = archOf(proc);
  const h = a.s.cmsghdr;
  const w = a.wordSize;
  const files: OpenFile[] = [];
  for (let off = 0; off + h.size <= ctlLen;) {
    const at = ctl + off;
    const len = readWord(proc.mem, at + h.fields.cmsg_len.off, h.fields.cmsg_len.size);
    const level = readField(proc.mem, at, h.fields.cmsg_level);
    const type = readField(proc.mem, at, h.fields.cmsg_type);
    if (len < h.size || off + len > ctlLen) return -E.EINVAL;
    if (level === a.c.SOL_SOCKET && type === a.c.SCM_RIGHTS) {
      if (s.family !== 'unix') return -E.EINVAL;
      for (let p = h.size; p + 4 <= len; p += 4) {
        const f = proc.fds.get(proc.mem.read32(at + p) | 0);
        if (!f) return -E.EBADF;
        files.push(f);
      }
    } else if (!(level === a.c.SOL_SOCKET && type === a.c.SCM_CREDENTIALS)) return -E.EINVAL;
    off += cmsgAlign(len, w);
  }
  for (const f of files) f.refs++; // in flight: the sender may close its fds meanwhile
  return files;
}

function sendmsg(proc: Process, [fd, msg, flags]: number[]): number | Promise<number> {
  const a = archOf(proc);
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  const m = readStruct(proc.mem, msg, a.s.msghdr);
  const to = destOf(proc, so.s, m.msg_name, m.msg_namelen);
  if (typeof to === 'number') return to;
  const iov = iovecs(proc, m.msg_iov, m.msg_iovlen);
  if (typeof iov === 'number') return iov;
  const data = Buffer.concat(iov.map(([b, l]) => proc.mem.readBytes(b, l)));
  let rights: OpenFile[] | undefined;
  if (m.msg_controllen && m.msg_control) {
    const r = controlRights(proc, so.s, m.msg_control, m.msg_controllen);
    if (typeof r === 'number') return r;
    if (r.length) rights = r;
  }
  const drop = (n: number): number => {
    if (n < 0) for (const f of rights ?? []) releaseFile(f);
    return n;
  };
  const r = sendFrom(proc, so.s, data, flags, to, rights);
  return typeof r === 'number' ? drop(r) : r.then(drop);
}

/** Write received files as one SCM_RIGHTS message; returns [control bytes used, truncated]. */
function putRights(proc: Process, ctl: number, room: number, files: OpenFile[], cloexec: boolean): [number, boolean] {
  const a = archOf(proc);
  const h = a.s.cmsghdr;
  const fit = Math.max(0, Math.min(files.length, Math.floor((room - h.size) / 4)));
  if (room < h.size || fit === 0) {
    for (const f of files) releaseFile(f);
    return [0, true];
  }
  const fds: number[] = [];
  for (const f of files.slice(0, fit)) {
    const nfd = proc.fds.alloc(f, cloexec);
    releaseFile(f);
    if (nfd < 0) break;
    fds.push(nfd);
  }
  for (const f of files.slice(fit)) releaseFile(f);
  const len = h.size + 4 * fds.length;
  writeField(proc.mem, ctl, h.fields.cmsg_len, len);
  writeField(proc.mem, ctl, h.fields.cmsg_level, a.c.SOL_SOCKET);
  writeField(proc.mem, ctl, h.fields.cmsg_type, a.c.SCM_RIGHTS);
  fds.forEach((fd, i) => proc.mem.write32(ctl + h.size + 4 * i, fd));
  return [Math.min(room, cmsgAlign(len, a.wordSize)), fds.length < files.length];
}

function recvmsg(proc: Process, [fd, msg, flags]: number[]): number | Promise<number> {
  const a = archOf(proc);
  const l = a.s.msghdr;
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  const m = readStruct(proc.mem, msg, l);
  const iov = iovecs(proc, m.msg_iov, m.msg_iovlen);
  if (typeof iov === 'number') return iov;
  for (const [b, len] of iov) if (len) proc.mem.check(b, len, PROT_W);
  const scratch = new Uint8Array(iov.reduce((t, [, len]) => t + len, 0));
  const done = (r: Received | number): number => {
    if (typeof r === 'number') return r;
    let off = 0;
    for (const [b, len] of iov) {
      if (off >= r.n) break;
      const k = Math.min(len, r.n - off);
      proc.mem.writeBytes(b, scratch.subarray(off, off + k));
      off += k;
    }
    let outFlags = 0;
    if (r.full > r.n && so.s.type !== 'stream') outFlags |= a.c.MSG_TRUNC;
    if (m.msg_name) {
      if (r.from && !(so.s.family !== 'unix' && so.s.type === 'stream')) writeSockAddr(proc, m.msg_name, msg + l.fields.msg_namelen.off, r.from);
      else writeField(proc.mem, msg, l.fields.msg_namelen, 0);
    }
    let used = 0;
    if (r.rights?.length) {
      const [u, trunc] = putRights(proc, m.msg_control, m.msg_control ? m.msg_controllen : 0, r.rights, (flags & a.c.MSG_CMSG_CLOEXEC) !== 0);
      used = u;
      if (trunc) outFlags |= a.c.MSG_CTRUNC;
    }
    writeField(proc.mem, msg, l.fields.msg_controllen, used);
    writeField(proc.mem, msg, l.fields.msg_flags, outFlags);
    return (flags & a.c.MSG_TRUNC) !== 0 && so.s.type !== 'stream' ? r.full : r.n;
  };
  const r = recvInto(proc, so.s, scratch, flags, nonblocking(proc, so.f, flags));
  return r instanceof Promise ? r.then(done) : done(r);
}

/**
 * sendmmsg/recvmmsg: sendmsg/recvmsg over a vector of mmsghdr, stopping at the first
 * error (reported only when nothing was done). recvmmsg's timeout is not applied: with
 * MSG_WAITFORONE only the first message waits, without it each one does.
 */
async function mmsg(proc: Process, [fd, vec, vlen, flags]: number[], recv: boolean): Promise<number> {
  const a = archOf(proc);
  const l = a.s.mmsghdr;
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  const n = Math.min(vlen >>> 0, 1024);
  let done = 0;
  for (; done < n; done++) {
    const at = vec + done * l.size;
    let f = flags & ~a.c.MSG_WAITFORONE;
    if (recv && done > 0 && flags & a.c.MSG_WAITFORONE) f |= a.c.MSG_DONTWAIT;
    let r: number;
    try {
      r = await (recv ? recvmsg(proc, [fd, at, f]) : sendmsg(proc, [fd, at, f]));
    } catch (e) {
      if (done) break;
      throw e;
    }
    if (r < 0) {
      if (done) break;
      return r;
    }
    writeField(proc.mem, at, l.fields.msg_len, r);
  }
  return done;
}

function shutdown(proc: Process, [fd, how]: number[]): number {
  const c = archOf(proc).c;
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  const h = how === c.SHUT_RD ? 'rd' : how === c.SHUT_WR ? 'wr' : how === c.SHUT_RDWR ? 'rdwr' : undefined;
  if (!h) return -E.EINVAL;
  return so.s.shutdown(h);
}

function sockName(proc: Process, [fd, addr, lenPtr]: number[], peer: boolean): number {
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  const sa = peer ? so.s.peer() : so.s.local();
  if (typeof sa === 'number') return sa;
  proc.mem.check(lenPtr, 4, PROT_R | PROT_W);
  return writeSockAddr(proc, addr, lenPtr, sa);
}

function sockopt(proc: Process, [fd, level, name, val, len]: number[], set: boolean): number {
  const so = sockOf(proc, fd);
  if (typeof so === 'number') return so;
  return set ? setsockopt(proc, so.s, level, name, val, len | 0) : getsockopt(proc, so.s, level, name, val, len);
}

// ---- -strace in qemu's shape: qemu formats socket, bind, connect, listen, accept and
// recvmsg; every other socket call shows its six raw arguments (no show / args) ----

function fmtAf(proc: Process, v: number): string {
  const c = archOf(proc).c;
  const names: Array<[string, string]> = [['AF_UNIX', 'PF_UNIX'], ['AF_INET', 'PF_INET'], ['AF_NETLINK', 'PF_NETLINK'], ['AF_PACKET', 'PF_PACKET']];
  return names.find(([n]) => c[n] === v)?.[1] ?? String(v);
}
function fmtSockType(proc: Process, v: number): string {
  const c = archOf(proc).c;
  const base = ['SOCK_DGRAM', 'SOCK_STREAM', 'SOCK_RAW', 'SOCK_RDM', 'SOCK_SEQPACKET', 'SOCK_PACKET'].find((n) => c[n] === (v & 0xf)) ?? '';
  return base + (v & c.SOCK_NONBLOCK ? '|SOCK_NONBLOCK' : '') + (v & c.SOCK_CLOEXEC ? '|SOCK_CLOEXEC' : '');
}
const fmtProto = (proc: Process, v: number) => fmtEnum(v, archOf(proc), /^IPPROTO_/);
const hex = (v: number) => `0x${v.toString(16)}`;
const ptrOrNull = (v: number) => (v ? hex(v) : 'NULL');

export const netSyscalls: SyscallDef[] = [
  sys('socket', undefined, socket, { show: (p, [d, t, pr]) => `${fmtAf(p, d)},${fmtSockType(p, t)},${fmtProto(p, pr)}` }),
  sys('socketpair', undefined, socketpair),
  sys('bind', undefined, bind, { show: (p, [fd, a, l]) => `${fd | 0},${fmtSockAddr(p, a, l | 0)}, ${l | 0}` }),
  sys('connect', undefined, connect, { show: (_p, [fd, a, l]) => `${fd | 0},${hex(a)},${l | 0}` }),
  sys('listen', undefined, listen, { show: (_p, [fd, b]) => `${fd | 0},${b | 0}` }),
  sys('accept', undefined, (p, [fd, a, l]) => accept4(p, [fd, a, l, 0]), { show: (_p, [fd, a, l]) => `${fd | 0},${ptrOrNull(a)},${ptrOrNull(l)}` }),
  sys('accept4', undefined, accept4),
  sys('sendto', undefined, sendto),
  sys('recvfrom', undefined, recvfrom),
  sys('send', undefined, (p, [fd, b, n, f]) => sendto(p, [fd, b, n, f, 0, 0])),
  sys('recv', undefined, (p, [fd, b, n, f]) => recvfrom(p, [fd, b, n, f, 0, 0])),
  sys('sendmsg', undefined, sendmsg),
  sys('recvmsg', undefined, recvmsg, { show: (_p, [fd, m, f]) => `${fd | 0},${hex(m)},${f | 0}` }),
  sys('sendmmsg', undefined, (p, a) => mmsg(p, a, false)),
  sys('recvmmsg', undefined, (p, a) => mmsg(p, a, true)),
  sys('recvmmsg_time64', undefined, (p, a) => mmsg(p, a, true)),
  sys('shutdown', undefined, shutdown),
  sys('getsockname', undefined, (p, a) => sockName(p, a, false)),
  sys('getpeername', undefined, (p, a) => sockName(p, a, true)),
  sys('setsockopt', undefined, (p, a) => sockopt(p, a, true)),
  sys('getsockopt', undefined, (p, a) => sockopt(p, a, false)),
];
