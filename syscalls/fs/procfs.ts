/**
 * Synthetic /proc files: the host's would describe Node, not the guest. /proc/self (and
 * /proc/<own pid>, and /proc/self/task/<tid>/ of its threads): cmdline, environ, maps (the
 * kernel's format, with the program, its interpreter, [heap] and [stack] named), auxv, stat,
 * status; /proc/cpuinfo describes the guest CPU (procfs-cpu.ts). /proc/self/exe is opened
 * as proc.hostExePath by openat; fd/ and task/ are listed by fs-dir.ts. Anything else under
 * /proc (meminfo, stat, ...) is the host's file.
 */
import * as nodePath from 'node:path';
import * as os from 'node:os';
import { PAGE_MAPPED, PAGE_SIZE, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { cpuinfo } from './procfs-cpu.js';
import { SIG_IGN, readAction, sigBit } from '../signal/deliver.js';
import type { MapName, PrivateFile } from '../state.js';

function cstrings(list: string[]): Uint8Array {
  return Buffer.from(list.map((s) => s + '\0').join(''), 'utf8');
}

/** Name [start, start+len) for /proc/self/maps (mmap of a file), or forget its name (''). */
export function nameRange(proc: Process, start: number, len: number, name: string, file?: PrivateFile): void {
  const end = start + len;
  const out: MapName[] = [];
  for (const n of proc.sys.mapNames) {
    if (n.end <= start || n.start >= end) { out.push(n); continue; }
    if (n.start < start) out.push({ ...n, end: start });
    if (n.end > end) out.push({ ...n, start: end, file: n.file && { ...n.file, off: n.file.off + (end - n.start) } });
  }
  if (name) out.push(file ? { start, end, name, file } : { start, end, name });
  proc.sys.mapNames = out;
}

interface MapRun { start: number; end: number; prot: number; name: string }

/** Runs of mapped pages with one protection and one name, in address order. */
function mapRuns(proc: Process): MapRun[] {
  const perm = proc.mem.perm;
  const names = [...proc.sys.mapNames];
  if (proc.brk > proc.brkStart) names.push({ start: proc.brkStart, end: proc.brk, name: '[heap]' });
  const nameAt = (addr: number) => names.find((n) => addr >= n.start && addr < n.end)?.name ?? '';
  const runs: MapRun[] = [];
  let cur: MapRun | undefined;
  for (let pg = 0; pg < perm.length; pg++) {
    const f = perm[pg];
    const addr = pg * PAGE_SIZE;
    if (!(f & PAGE_MAPPED)) { cur = undefined; continue; }
    const prot = f & 7;
    const name = nameAt(addr);
    if (cur && cur.prot === prot && cur.name === name) { cur.end = addr + PAGE_SIZE; continue; }
    cur = { start: addr, end: addr + PAGE_SIZE, prot, name };
    runs.push(cur);
  }
  return runs;
}

/**
 * /proc/self/maps in the kernel's format ("%08lx-%08lx rwxp offset dev inode ", the name from
 * column 73: the width a 64-bit kernel pads to, also for 32-bit programs).
 */
export function procMaps(proc: Process): string {
  const width = 72;
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return mapRuns(proc).map((r) => {
    const p = (r.prot & PROT_R ? 'r' : '-') + (r.prot & PROT_W ? 'w' : '-') + (r.prot & PROT_X ? 'x' : '-') + 'p';
    const head = `${hex(r.start)}-${hex(r.end)} ${p} 00000000 00:00 0 `;
    return r.name ? head.padEnd(width) + r.name : head;
  }).join('\n') + '\n';
}

/** comm: the thread name, else the program's file name (15 bytes, as TASK_COMM_LEN) */
const comm = (proc: Process) => (proc.sys.threadName || nodePath.basename(proc.exePath || 'polyemu')).slice(0, 15);

function sigSets(proc: Process): { pending: bigint; ignored: bigint; caught: bigint } {
  let pending = 0n;
  for (const s of proc.sys.pendingSignals) pending |= sigBit(s);
  let ignored = 0n;
  let caught = 0n;
  for (const s of proc.sigactions.keys()) {
    const h = readAction(proc, s).handler;
    if (h === SIG_IGN) ignored |= sigBit(s);
    else if (h > SIG_IGN) caught |= sigBit(s);
  }
  return { pending, ignored, caught };
}

function memoryUse(proc: Process): { size: number; stack: number; exe: number } {
  let size = 0;
  let stack = 0;
  let exe = 0;
  for (const r of mapRuns(proc)) {
    size += r.end - r.start;
    if (r.name === '[stack]') stack += r.end - r.start;
    if (r.name === proc.exePath && r.prot & PROT_X) exe += r.end - r.start;
  }
  return { size, stack, exe };
}

const threads = (proc: Process) => proc.kernel?.liveThreads(proc).map((t) => t.tid) ?? [proc.pid];
const ticks = () => {
  const u = process.cpuUsage();
  return { utime: Math.round(u.user / 10000), stime: Math.round(u.system / 10000) };
};

function stat(proc: Process): string {
  const { pending, ignored, caught } = sigSets(proc);
  const { size } = memoryUse(proc);
  const { utime, stime } = ticks();
  const start = Math.max(0, Math.round((os.uptime() - process.uptime()) * 100));
  const names = proc.sys.mapNames;
  const exe = names[0] ?? { start: 0, end: 0 };
  const stackTop = names.find((n) => n.name === '[stack]')?.end ?? 0;
  const low = (v: bigint) => (v & 0xffffffffn).toString();
  const f = [
    proc.pid, `(${comm(proc)})`, 'R', proc.ppid, proc.pgid, proc.sid, 0, -1, 4194304, 0, 0, 0, 0, utime, stime, 0, 0,
    20, 0, threads(proc).length, 0, start, size, Math.ceil(size / PAGE_SIZE), '18446744073709551615',
    exe.start, exe.end, stackTop, 0, 0, low(pending), low(proc.sigmask), low(ignored), low(caught), 0, 0, 0, 17, 0, 0, 0, 0,
    0, 0, 0, 0, proc.brkStart, 0, 0, 0, 0, 0,
  ];
  return f.join(' ') + '\n';
}

function status(proc: Process): string {
  const { pending, ignored, caught } = sigSets(proc);
  const { size, stack, exe } = memoryUse(proc);
  const kb = (n: number) => `${String(Math.ceil(n / 1024)).padStart(8)} kB`;
  const hex16 = (v: bigint) => v.toString(16).padStart(16, '0');
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  const rss = Math.min(size, process.memoryUsage().rss);
  const ncpu = Math.max(1, os.cpus().length);
  return [
    `Name:\t${comm(proc)}`, `Umask:\t${proc.umask.toString(8).padStart(4, '0')}`, 'State:\tR (running)',
    `Tgid:\t${proc.pid}`, 'Ngid:\t0', `Pid:\t${proc.pid}`, `PPid:\t${proc.ppid}`, 'TracerPid:\t0',
    `Uid:\t${uid}\t${uid}\t${uid}\t${uid}`, `Gid:\t${gid}\t${gid}\t${gid}\t${gid}`,
    `FDSize:\t${Math.max(64, 2 ** Math.ceil(Math.log2(Math.max(...proc.fds.fds(), 1) + 1)))}`, 'Groups:\t',
    `VmPeak:\t${kb(size)}`, `VmSize:\t${kb(size)}`, `VmLck:\t${kb(0)}`, `VmPin:\t${kb(0)}`, `VmHWM:\t${kb(rss)}`,
    `VmRSS:\t${kb(rss)}`, `RssAnon:\t${kb(rss)}`, `RssFile:\t${kb(0)}`, `RssShmem:\t${kb(0)}`,
    `VmData:\t${kb(Math.max(0, size - stack - exe))}`, `VmStk:\t${kb(stack)}`, `VmExe:\t${kb(exe)}`, `VmLib:\t${kb(0)}`,
    `VmPTE:\t${kb(0)}`, `VmSwap:\t${kb(0)}`, `Threads:\t${threads(proc).length}`, 'SigQ:\t0/63459',
    `SigPnd:\t${hex16(pending)}`, `ShdPnd:\t${hex16(pending)}`, `SigBlk:\t${hex16(proc.sigmask)}`,
    `SigIgn:\t${hex16(ignored)}`, `SigCgt:\t${hex16(caught)}`, 'CapInh:\t0000000000000000',
    `CapPrm:\t${uid === 0 ? '000001ffffffffff' : '0000000000000000'}`, `CapEff:\t${uid === 0 ? '000001ffffffffff' : '0000000000000000'}`,
    'CapBnd:\t000001ffffffffff', 'CapAmb:\t0000000000000000', 'NoNewPrivs:\t0', 'Seccomp:\t0',
    `Cpus_allowed_list:\t0-${ncpu - 1}`, 'voluntary_ctxt_switches:\t0', 'nonvoluntary_ctxt_switches:\t0',
  ].join('\n') + '\n';
}

/** Contents of /proc/self/<rest>, or undefined to fall through to the host's file. */
export function procFile(proc: Process, rest: string): Uint8Array | undefined {
  // /proc/self/task/<tid>/<file> of one of our threads: the same files
  const task = /^task\/(\d+)\/(.+)$/.exec(rest);
  if (task) {
    if (!threads(proc).includes(Number(task[1]))) return undefined;
    rest = task[2];
  }
  switch (rest) {
    case 'cmdline':
      return cstrings(proc.argv);
    case 'environ':
      return cstrings(proc.envp);
    case 'maps':
      return Buffer.from(procMaps(proc), 'utf8');
    case 'stat':
      return Buffer.from(stat(proc), 'utf8');
    case 'status':
      return Buffer.from(status(proc), 'utf8');
    case 'comm':
      return Buffer.from(comm(proc) + '\n', 'utf8');
    case 'auxv': {
      const w = archOf(proc).wordSize;
      const out = new Uint8Array((proc.auxv.length + 1) * 2 * w);
      // encode through a scratch view with the guest's byte order
      const dv = new DataView(out.buffer);
      const put = (i: number, v: number) => {
        if (w === 8) dv.setBigUint64(i * 8, BigInt.asUintN(64, BigInt(v)), proc.mem.littleEndian);
        else dv.setUint32(i * 4, v >>> 0, proc.mem.littleEndian);
      };
      proc.auxv.forEach(([t, v], i) => { put(2 * i, t); put(2 * i + 1, v); });
      return out;
    }
    default:
      return undefined;
  }
}

/** Synthetic files elsewhere in /proc (guest path), or undefined for the host's. */
export function procGlobalFile(proc: Process, p: string): Uint8Array | undefined {
  if (nodePath.posix.normalize(p) === '/proc/cpuinfo') {
    const text = cpuinfo(proc);
    return text === undefined ? undefined : Buffer.from(text, 'utf8');
  }
  return undefined;
}

/** Thread ids listed in /proc/self/task. */
export const taskIds = threads;

