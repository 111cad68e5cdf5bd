/**
 * -strace output in qemu-user's shape: "PID name(args) = result", errors as
 * "-1 errno=N (Text)", strings quoted, struct pointers 0x%016x, flags symbolic.
 * Decoders are name lists over the target's generated constants, so they follow the target.
 */
import type { Process } from '../src/linux/process.js';
import { type Arch, archOf } from './arch.js';
import type { ArgKind, SyscallDef } from './def.js';
import { readStruct } from './layout.js';

/** bits shown by name, in qemu's order; the remainder is appended as |0x.. */
function fmtFlags(v: number, a: Arch, names: string[], zero = '0'): string {
  const parts: string[] = [];
  let rest = v >>> 0;
  for (const n of names) {
    const bit = a.c[n];
    if (bit && (rest & bit) === bit) {
      parts.push(n);
      rest = (rest & ~bit) >>> 0;
    }
  }
  if (rest) parts.push('0x' + rest.toString(16));
  return parts.length ? parts.join('|') : zero;
}

const OFLAG_ORDER = ['O_APPEND', 'O_CREAT', 'O_DIRECTORY', 'O_EXCL', 'O_LARGEFILE', 'O_NOCTTY', 'O_NOFOLLOW', 'O_NONBLOCK', 'O_DSYNC', '__O_SYNC', 'O_TRUNC', 'O_DIRECT', 'O_NOATIME', 'O_CLOEXEC', 'O_PATH', '__O_TMPFILE'];
const PROT_ORDER = ['PROT_EXEC', 'PROT_READ', 'PROT_WRITE', 'PROT_SEM', 'PROT_GROWSDOWN', 'PROT_GROWSUP'];
const MAP_ORDER = ['MAP_ANONYMOUS', 'MAP_DENYWRITE', 'MAP_EXECUTABLE', 'MAP_FIXED', 'MAP_FIXED_NOREPLACE', 'MAP_GROWSDOWN', 'MAP_HUGETLB', 'MAP_LOCKED', 'MAP_NONBLOCK', 'MAP_NORESERVE', 'MAP_POPULATE', 'MAP_STACK', 'MAP_SYNC', 'MAP_32BIT'];
/** qemu's at-flags for most *at calls (AT_EMPTY_PATH shows as hex there) */
const AT_ORDER = ['AT_EACCESS', 'AT_SYMLINK_NOFOLLOW'];
/** statx's own flags */
const STATX_AT_ORDER = ['AT_EMPTY_PATH', 'AT_NO_AUTOMOUNT', 'AT_SYMLINK_NOFOLLOW', 'AT_STATX_FORCE_SYNC', 'AT_STATX_DONT_SYNC'];
const STATX_ORDER = ['STATX_BASIC_STATS', 'STATX_TYPE', 'STATX_MODE', 'STATX_NLINK', 'STATX_UID', 'STATX_GID', 'STATX_ATIME', 'STATX_MTIME', 'STATX_CTIME', 'STATX_INO', 'STATX_SIZE', 'STATX_BLOCKS', 'STATX_BTIME'];
const FCNTL_CMDS = ['F_DUPFD', 'F_GETFD', 'F_SETFD', 'F_GETFL', 'F_SETFL', 'F_GETLK', 'F_SETLK', 'F_SETLKW', 'F_SETOWN', 'F_GETOWN', 'F_SETSIG', 'F_GETSIG', 'F_GETLK64', 'F_SETLK64', 'F_SETLKW64', 'F_SETOWN_EX', 'F_GETOWN_EX', 'F_OFD_GETLK', 'F_OFD_SETLK', 'F_OFD_SETLKW', 'F_SETLEASE', 'F_GETLEASE', 'F_NOTIFY', 'F_DUPFD_CLOEXEC', 'F_SETPIPE_SZ', 'F_GETPIPE_SZ', 'F_ADD_SEALS', 'F_GET_SEALS'];
const FUTEX_CMDS = ['FUTEX_WAIT', 'FUTEX_WAKE', 'FUTEX_FD', 'FUTEX_REQUEUE', 'FUTEX_CMP_REQUEUE', 'FUTEX_WAKE_OP', 'FUTEX_LOCK_PI', 'FUTEX_UNLOCK_PI', 'FUTEX_TRYLOCK_PI', 'FUTEX_WAIT_BITSET', 'FUTEX_WAKE_BITSET', 'FUTEX_WAIT_REQUEUE_PI', 'FUTEX_CMP_REQUEUE_PI', 'FUTEX_LOCK_PI2'];
const IOCTLS = ['TCGETS', 'TCSETS', 'TCSETSW', 'TCSETSF', 'TCGETA', 'TCSETA', 'TCSETAW', 'TCSETAF', 'TCSBRK', 'TCXONC', 'TCFLSH', 'TIOCEXCL', 'TIOCNXCL', 'TIOCSCTTY', 'TIOCGPGRP', 'TIOCSPGRP', 'TIOCOUTQ', 'TIOCSTI', 'TIOCGWINSZ', 'TIOCSWINSZ', 'TIOCMGET', 'TIOCMSET', 'FIONREAD', 'TIOCLINUX', 'TIOCCONS', 'FIONBIO', 'TIOCNOTTY', 'TIOCGSID', 'TIOCGPTN', 'TIOCSPTLCK', 'FIONCLEX', 'FIOCLEX', 'FIOASYNC', 'TCGETS2', 'TCSETS2'];
const WHENCE = ['SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'SEEK_DATA', 'SEEK_HOLE'];
const SIGHOW = ['SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'];

/** the name among `names` whose constant equals v, else v in decimal */
function fmtNamed(v: number, a: Arch, names: string[]): string {
  for (const n of names) if (a.c[n] === v) return n;
  return String(v);
}

/** The first constant matching `re` whose value is v, else decimal. */
export function fmtEnum(v: number, a: Arch, re: RegExp): string {
  for (const [n, c] of Object.entries(a.c)) if (c === v && re.test(n)) return n;
  return String(v);
}

export function fmtOflags(v: number, a: Arch): string {
  const acc = v & (a.c.O_ACCMODE ?? 3);
  const mode = acc === a.c.O_WRONLY ? 'O_WRONLY' : acc === a.c.O_RDWR ? 'O_RDWR' : acc === 0 ? 'O_RDONLY' : String(acc);
  const c = { ...a.c, __O_SYNC: (a.c.O_SYNC ?? 0) & ~(a.c.O_DSYNC ?? 0), __O_TMPFILE: (a.c.O_TMPFILE ?? 0) & ~(a.c.O_DIRECTORY ?? 0) };
  const rest = fmtFlags(v & ~(a.c.O_ACCMODE ?? 3), { ...a, c }, OFLAG_ORDER, '');
  return rest ? `${mode}|${rest}` : mode;
}

function hexWord(v: number, a: Arch): string {
  return BigInt.asUintN(a.wordSize * 8, BigInt(Math.trunc(v))).toString(16);
}
/** 0x%016lx (64-bit targets) as qemu prints struct pointers, NULL for 0 */
export function fmtPtr(v: number, a: Arch): string {
  return v === 0 ? 'NULL' : '0x' + hexWord(v, a).padStart(a.wordSize * 2, '0');
}

export function quotePath(proc: Process, addr: number): string {
  if (addr === 0) return 'NULL';
  try {
    return JSON.stringify(proc.mem.readCString(addr, 4096)).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
  } catch {
    return '0x' + hexWord(addr, archOf(proc));
  }
}

function fmtTimespec(proc: Process, addr: number): string {
  const a = archOf(proc);
  if (addr === 0) return 'NULL';
  try {
    const t = readStruct(proc.mem, addr, a.s.timespec);
    return `{tv_sec = ${t.tv_sec},tv_nsec = ${t.tv_nsec}}`;
  } catch {
    return fmtPtr(addr, a);
  }
}

function fmtFutexOp(v: number, a: Arch): string {
  const flags: string[] = [];
  if (v & a.c.FUTEX_PRIVATE_FLAG) flags.push('FUTEX_PRIVATE_FLAG');
  if (v & a.c.FUTEX_CLOCK_REALTIME) flags.push('FUTEX_CLOCK_REALTIME');
  flags.push(fmtNamed(v & a.c.FUTEX_CMD_MASK, a, FUTEX_CMDS));
  return flags.join('|');
}

export function fmtArg(proc: Process, kind: ArgKind, v: number): string {
  const a = archOf(proc);
  switch (kind) {
    case 'int': case 'fd': return String(v);
    case 'uint': return String(BigInt.asUintN(a.wordSize * 8, BigInt(Math.trunc(v))));
    case 'hex': case 'buf': return v === 0 ? '0' : '0x' + hexWord(v, a);
    case 'ptr': return fmtPtr(v, a);
    case 'nilptr': return v === 0 ? '(nil)' : '0x' + hexWord(v, a);
    case 'dirfd': return (v | 0) === a.c.AT_FDCWD ? 'AT_FDCWD' : String(v);
    case 'path': return quotePath(proc, v);
    case 'octal': return '0' + ((v >>> 0) & 0o7777777).toString(8).replace(/^0+(?=.)/, '');
    case 'signal': return a.sigName[v] ?? String(v);
    case 'timespec': return fmtTimespec(proc, v);
    case 'clock': return fmtEnum(v, a, /^CLOCK_/);
    case 'oflags': return fmtOflags(v, a);
    case 'prot': return v === 0 ? 'PROT_NONE' : fmtFlags(v, a, PROT_ORDER);
    case 'mflags': {
      const t = v & (a.c.MAP_TYPE ?? 0xf);
      const type = fmtNamed(t, a, ['MAP_SHARED', 'MAP_PRIVATE', 'MAP_SHARED_VALIDATE']);
      const rest = fmtFlags(v & ~(a.c.MAP_TYPE ?? 0xf), a, MAP_ORDER, '');
      return rest ? `${type}|${rest}` : type;
    }
    case 'atflags': return fmtFlags(v, a, AT_ORDER);
    case 'unlinkflags': return fmtFlags(v, a, ['AT_REMOVEDIR']);
    case 'statxflags': return fmtFlags(v, a, STATX_AT_ORDER);
    case 'access': {
      const names = [[4, 'R_OK'], [2, 'W_OK'], [1, 'X_OK']] as const;
      const on = names.filter(([b]) => v & b).map(([, n]) => n);
      const rest = v & ~7;
      if (rest) on.push(('0x' + rest.toString(16)) as 'R_OK');
      return on.length ? on.join('|') : 'F_OK';
    }
    case 'whence': return fmtNamed(v, a, WHENCE);
    case 'fcntlcmd': return fmtNamed(v, a, FCNTL_CMDS);
    case 'ioctl': { const n = fmtNamed(v >>> 0, a, IOCTLS); return /^\d/.test(n) ? '0x' + (v >>> 0).toString(16) : n; }
    case 'sighow': return fmtNamed(v, a, SIGHOW);
    case 'madv': return fmtEnum(v, a, /^MADV_/);
    case 'futexop': return fmtFutexOp(v, a);
    case 'statxmask': return fmtFlags(v, a, STATX_ORDER);
  }
}

/** "name(args)" for a call about to run. */
export function formatCall(proc: Process, name: string, def: SyscallDef | undefined, args: number[]): string {
  if (def?.show) return `${name}(${def.show(proc, args)})`;
  if (def?.args) return `${name}(${def.args.map((k, i) => fmtArg(proc, k, args[i])).join(',')})`;
  return `${name}(${args.join(',')})`;
}

/** " = result" with qemu's error form; `r` is the target's value (target errno). */
export function formatResult(proc: Process, def: SyscallDef | undefined, args: number[], r: number): string {
  const a = archOf(proc);
  if (r < 0 && r > -4096) {
    const text = a.errnoText[-r] ?? `Unknown error ${-r}`;
    return ` = -1 errno=${-r} (${text})`;
  }
  let s = def?.ret === 'ptr' ? ` = ${fmtPtr(r, a).replace('NULL', '0x' + '0'.repeat(a.wordSize * 2))}` : ` = ${r}`;
  if (def?.after) s += def.after(proc, args, r);
  return s;
}

export function stracePrefix(proc: Process): string {
  return `${proc.pid} `;
}
