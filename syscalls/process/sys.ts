/**
 * Process-wide calls: user ids, resource limits, scheduling, uname, sysinfo, getrandom,
 * prctl, umask (futex: futex.ts; exit, clone and pids: clone.ts; robust lists: robust-list.ts), and
 * the calls qemu-user answers with ENOSYS (rseq: glibc copes).
 */
import { randomFillSync } from 'node:crypto';
import * as nodePath from 'node:path';
import * as os from 'node:os';
import { Access } from '../../src/core/exceptions.js';
import { PROT_W } from '../../src/core/memory/flat.js';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { readStruct, writeCharArray, writeField, writeStruct } from '../layout.js';

const INF = (1n << 64n) - 1n;

const uid = () => process.getuid?.() ?? 0;
const gid = () => process.getgid?.() ?? 0;
const euid = () => process.geteuid?.() ?? uid();
const egid = () => process.getegid?.() ?? gid();

function getres(proc: Process, [r, e, s]: number[], vals: [number, number, number]): number {
  proc.mem.write32(r, vals[0]);
  proc.mem.write32(e, vals[1]);
  proc.mem.write32(s, vals[2]);
  return 0;
}

/** setuid-style calls: allowed when they change nothing (or we are root, which changes nothing either) */
function setIds(ids: number[], cur: number): number {
  if (uid() === 0) return 0;
  for (const v of ids) if ((v | 0) !== -1 && v >>> 0 !== cur) return -E.EPERM;
  return 0;
}

/** default limits (soft, hard) as a Linux login usually has them */
function defaultRlimit(proc: Process, res: number): [bigint, bigint] {
  const c = archOf(proc).c;
  switch (res) {
    case c.RLIMIT_STACK: return [8n << 20n, INF];
    case c.RLIMIT_NOFILE: return [BigInt(proc.fds.limit), 1048576n];
    case c.RLIMIT_CORE: return [0n, INF];
    case c.RLIMIT_MEMLOCK: return [8n << 20n, 8n << 20n];
    case c.RLIMIT_MSGQUEUE: return [819200n, 819200n];
    case c.RLIMIT_NICE: case c.RLIMIT_RTPRIO: return [0n, 0n];
    default: return [INF, INF];
  }
}

function getRlimit(proc: Process, res: number): [bigint, bigint] {
  return proc.sys.rlimits.get(res) ?? defaultRlimit(proc, res);
}

function setRlimit(proc: Process, res: number, soft: bigint, hard: bigint): number {
  const c = archOf(proc).c;
  if (soft > hard) return -E.EINVAL;
  const [, curHard] = getRlimit(proc, res);
  if (hard > curHard && uid() !== 0) return -E.EPERM;
  if (res === c.RLIMIT_NOFILE) {
    if (hard > 1048576n) return -E.EPERM;
    proc.fds.limit = Number(soft);
  }
  proc.sys.rlimits.set(res, [soft, hard]);
  return 0;
}

function prlimit64(proc: Process, [pid, res, newp, oldp]: number[]): number {
  const a = archOf(proc);
  if (pid !== 0 && pid !== proc.pid) return -E.ESRCH;
  if (res < 0 || res >= a.c.RLIM_NLIMITS) return -E.EINVAL;
  const l = a.s.rlimit64;
  const old = getRlimit(proc, res);
  if (newp) {
    const f = l.fields;
    const soft = proc.mem.read64(newp + f.rlim_cur.off);
    const hard = proc.mem.read64(newp + f.rlim_max.off);
    const r = setRlimit(proc, res, soft, hard);
    if (r < 0) return r;
  }
  if (oldp) writeStruct(proc.mem, oldp, l, { rlim_cur: old[0], rlim_max: old[1] });
  return 0;
}

/** getrlimit/setrlimit with the target's `struct rlimit` (unsigned long fields) */
function getrlimit(proc: Process, [res, addr]: number[]): number {
  const a = archOf(proc);
  if (res < 0 || res >= a.c.RLIM_NLIMITS) return -E.EINVAL;
  const l = a.s.rlimit;
  const max = (1n << BigInt(8 * l.fields.rlim_cur.size)) - 1n;
  const [s, h] = getRlimit(proc, res);
  writeStruct(proc.mem, addr, l, { rlim_cur: s > max ? max : s, rlim_max: h > max ? max : h });
  return 0;
}
function setrlimit(proc: Process, [res, addr]: number[]): number {
  const a = archOf(proc);
  if (res < 0 || res >= a.c.RLIM_NLIMITS) return -E.EINVAL;
  const l = a.s.rlimit;
  const max = (1n << BigInt(8 * l.fields.rlim_cur.size)) - 1n;
  const v = readStruct(proc.mem, addr, l);
  const big = (x: number) => { const b = BigInt.asUintN(8 * l.fields.rlim_cur.size, BigInt(x)); return b === max ? INF : b; };
  return setRlimit(proc, res, big(v.rlim_cur), big(v.rlim_max));
}

function schedGetaffinity(proc: Process, [pid, len, mask]: number[]): number {
  if (pid !== 0 && pid !== proc.pid) return -E.ESRCH;
  const w = archOf(proc).wordSize;
  const cpus = Math.max(1, os.availableParallelism());
  const bytes = Math.ceil(cpus / (8 * w)) * w;
  if ((len >>> 0) < bytes || (len >>> 0) % w) return -E.EINVAL;
  const out = new Uint8Array(bytes);
  for (let i = 0; i < cpus; i++) out[i >> 3] |= 1 << (i & 7);
  proc.mem.writeBytes(mask, out);
  return bytes;
}

function uname(proc: Process, [buf]: number[]): number {
  const a = archOf(proc);
  const l = a.s.utsname;
  writeStruct(proc.mem, buf, l, {});
  const f = l.fields;
  writeCharArray(proc.mem, buf, f.sysname, 'Linux');
  writeCharArray(proc.mem, buf, f.nodename, os.hostname());
  writeCharArray(proc.mem, buf, f.release, os.release());
  writeCharArray(proc.mem, buf, f.version, os.version());
  writeCharArray(proc.mem, buf, f.machine, proc.target.abi.unameMachine ?? a.name);
  writeCharArray(proc.mem, buf, f.domainname, '(none)');
  return 0;
}

function sysinfo(proc: Process, [buf]: number[]): number {
  const l = archOf(proc).s.sysinfo;
  const max = 2 ** (8 * l.fields.totalram.size) - 1;
  let unit = 1;
  while (os.totalmem() / unit > max) unit *= 1024;
  const loads = os.loadavg().map((x) => Math.round(x * 65536));
  writeStruct(proc.mem, buf, l, {
    uptime: Math.floor(os.uptime()), totalram: Math.floor(os.totalmem() / unit), freeram: Math.floor(os.freemem() / unit),
    procs: 1, mem_unit: unit,
  });
  const lf = l.fields.loads;
  const w = lf.size / 3;
  loads.forEach((v, i) => writeField(proc.mem, buf, { off: lf.off + i * w, size: w }, v));
  return 0;
}

function getrandom(proc: Process, [buf, len, flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~(c.GRND_NONBLOCK | c.GRND_RANDOM | (c.GRND_INSECURE ?? 0))) return -E.EINVAL;
  if ((flags & (c.GRND_INSECURE ?? 0)) && flags & c.GRND_RANDOM) return -E.EINVAL;
  const n = Math.min(len >>> 0, 33554431);
  randomFillSync(proc.mem.view(buf, n, PROT_W));
  return n;
}

function prctl(proc: Process, [option, arg2]: number[]): number {
  const c = archOf(proc).c;
  switch (option) {
    case c.PR_SET_NAME:
      proc.sys.threadName = Buffer.from(proc.mem.readBytes(arg2, 16)).toString('utf8').replace(/\0.*$/s, '');
      return 0;
    case c.PR_GET_NAME: {
      const name = proc.sys.threadName || nodePath.basename(proc.exePath || 'polyemu').slice(0, 15);
      const out = new Uint8Array(16);
      out.set(Buffer.from(name, 'utf8').subarray(0, 15));
      proc.mem.writeBytes(arg2, out);
      return 0;
    }
    case c.PR_GET_DUMPABLE: return 1;
    case c.PR_GET_NO_NEW_PRIVS: case c.PR_GET_PDEATHSIG: case c.PR_GET_SECCOMP: return 0;
    case c.PR_SET_DUMPABLE: case c.PR_SET_NO_NEW_PRIVS: case c.PR_SET_PDEATHSIG: case c.PR_SET_VMA: return 0;
    case c.PR_CAPBSET_READ: return uid() === 0 ? 1 : 0;
    default: return -E.EINVAL;
  }
}

function umask(proc: Process, [mask]: number[]): number {
  const old = proc.umask;
  proc.umask = mask & 0o777;
  return old;
}

function getgroups(proc: Process, [size, list]: number[]): number {
  const groups = process.getgroups?.() ?? [];
  if (size === 0) return groups.length;
  if (size < groups.length) return -E.EINVAL;
  groups.forEach((g, i) => proc.mem.write32(list + 4 * i, g));
  return groups.length;
}

/** arch/x86/include/uapi/asm/prctl.h */
const ARCH_SET_GS = 0x1001, ARCH_SET_FS = 0x1002, ARCH_GET_FS = 0x1003, ARCH_GET_GS = 0x1004;

/** x86-64 arch_prctl: the %fs and %gs base registers */
function archPrctl(proc: Process, [code, addr]: number[]): number {
  const seg = proc.target.abi.segmentBases;
  if (!seg) return -E.ENOSYS;
  const reg = (n: number) => proc.target.regs[n].index;
  switch (code) {
    case ARCH_SET_FS: proc.cpu.setNum(reg(seg.fs), addr); return 0;
    case ARCH_SET_GS: proc.cpu.setNum(reg(seg.gs), addr); return 0;
    case ARCH_GET_FS: case ARCH_GET_GS:
      if (!proc.mem.allows(addr, 8, Access.Write)) return -E.EFAULT;
      proc.mem.write64(addr, BigInt(proc.cpu.getNum(reg(code === ARCH_GET_FS ? seg.fs : seg.gs))));
      return 0;
    default: return -E.EINVAL;
  }
}

export const processSyscalls: SyscallDef[] = [
  sys('arch_prctl', ['hex', 'ptr'], archPrctl),
  sys('set_thread_area', ['ptr'], (p, [u]) => p.target.abi.setThreadArea?.(p.cpu, u) ?? -E.ENOSYS),
  sys('getuid', [], uid),
  sys('geteuid', [], euid),
  sys('getgid', [], gid),
  sys('getegid', [], egid),
  sys('getresuid', ['ptr', 'ptr', 'ptr'], (p, a) => getres(p, a, [uid(), euid(), euid()])),
  sys('getresgid', ['ptr', 'ptr', 'ptr'], (p, a) => getres(p, a, [gid(), egid(), egid()])),
  sys('setuid', ['int'], (_p, a) => setIds(a.slice(0, 1), uid())),
  sys('setgid', ['int'], (_p, a) => setIds(a.slice(0, 1), gid())),
  sys('setreuid', ['int', 'int'], (_p, a) => setIds(a.slice(0, 2), uid())),
  sys('setregid', ['int', 'int'], (_p, a) => setIds(a.slice(0, 2), gid())),
  sys('setresuid', ['int', 'int', 'int'], (_p, a) => setIds(a.slice(0, 3), uid())),
  sys('setresgid', ['int', 'int', 'int'], (_p, a) => setIds(a.slice(0, 3), gid())),
  sys('setfsuid', ['int'], () => uid()),
  sys('setfsgid', ['int'], () => gid()),
  sys('getgroups', ['int', 'ptr'], getgroups),
  sys('setgroups', ['int', 'ptr'], () => (uid() === 0 ? 0 : -E.EPERM)),
  sys('prlimit64', undefined, prlimit64),
  sys('getrlimit', ['int', 'ptr'], getrlimit),
  sys('ugetrlimit', ['int', 'ptr'], getrlimit),
  sys('setrlimit', ['int', 'ptr'], setrlimit),
  sys('sched_getaffinity', ['int', 'int', 'ptr'], schedGetaffinity),
  sys('sched_setaffinity', ['int', 'int', 'ptr'], () => 0),
  sys('sched_getscheduler', ['int'], () => 0),
  sys('sched_getparam', ['int', 'ptr'], (p, [, addr]) => { p.mem.write32(addr, 0); return 0; }),
  sys('sched_get_priority_max', ['int'], (_p, [pol]) => (pol === 1 || pol === 2 ? 99 : 0)),
  sys('sched_get_priority_min', ['int'], (_p, [pol]) => (pol === 1 || pol === 2 ? 1 : 0)),
  sys('getpriority', ['int', 'int'], () => 20),
  sys('setpriority', ['int', 'int', 'int'], () => 0),
  sys('uname', ['buf'], uname),
  sys('sysinfo', undefined, sysinfo),
  sys('getrandom', ['buf', 'int', 'int'], getrandom),
  sys('prctl', ['int', 'hex', 'hex', 'hex', 'hex'], prctl),
  sys('personality', ['hex'], () => 0),
  sys('umask', ['octal'], umask),
  sys('riscv_flush_icache', ['ptr', 'ptr', 'hex'], () => 0), // stores already invalidate translated code
];
