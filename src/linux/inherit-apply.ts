/** Applying what polyemu's parent handed over (inherit.ts) to a new guest process. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Process } from './process.js';
import type { Inheritance } from './inherit.js';
import { OpenFile } from '../../syscalls/fs/fdtable.js';
import { archOf } from '../../syscalls/arch.js';
import { sigBit, unblockable } from '../../syscalls/signal/deliver.js';

/** The guest signal number of host signal `n` (by name: numbers differ on MIPS), or undefined. */
function guestSignal(proc: Process, hostSig: number): number | undefined {
  const name = Object.entries(os.constants.signals).find(([, v]) => v === hostSig)?.[0];
  if (name !== undefined) return archOf(proc).c[name];
  // real-time signals have no names: the same offset from 32 on every Linux
  return hostSig >= 32 && hostSig <= (archOf(proc).c._NSIG ?? 64) ? hostSig : undefined;
}

/** A struct sigaction of the process's target saying SIG_IGN. */
function ignoredAction(proc: Process): Uint8Array {
  const l = archOf(proc).s.sigaction;
  const raw = new Uint8Array(l.size);
  const dv = new DataView(raw.buffer);
  const f = l.fields.sa_handler;
  if (f.size === 8) dv.setBigUint64(f.off, 1n, proc.mem.littleEndian);
  else dv.setUint32(f.off, 1, proc.mem.littleEndian);
  return raw;
}

/** The host flags of an open fd (from /proc/self/fdinfo), or undefined when it is not open. */
function hostFlags(fd: number): number | undefined {
  try {
    const m = /^flags:\s*([0-7]+)$/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return m ? parseInt(m[1], 8) : undefined;
  } catch {
    return undefined;
  }
}

/** Host fd `fd`, inherited, as an open file of `proc` (the host keeps its offset, shared with the parent). */
function inheritedFile(proc: Process, fd: number): OpenFile | undefined {
  const flags = hostFlags(fd);
  let st: fs.Stats;
  try { st = fs.fstatSync(fd); } catch { return undefined; }
  if (flags === undefined) return undefined;
  let guestFlags = flags & 3;
  for (const [g, h] of archOf(proc).openFlags) if (flags & h) guestFlags |= g;
  let link = '';
  try { link = fs.readlinkSync(`/proc/self/fd/${fd}`); } catch { /* unnamed */ }
  const hostPath = link.startsWith('/') ? link : '';
  const f = new OpenFile(st.isDirectory() ? 'dir' : 'host', fd, guestFlags, hostPath, link);
  f.pos = st.isDirectory() ? 0 : null;
  return f;
}

/** Give a freshly created process what the parent of polyemu left it. */
export function applyInheritance(proc: Process, inh: Inheritance): void {
  const open = new Set(inh.fds);
  for (let fd = 0; fd < 3; fd++) if (!open.has(fd)) proc.fds.close(fd);
  for (const fd of inh.fds) {
    if (fd < 3 || fd >= proc.fds.limit) continue;
    const f = inheritedFile(proc, fd);
    if (f) proc.fds.install(fd, f, false);
  }
  const a = archOf(proc);
  const ign = ignoredAction(proc);
  for (let n = 1; n <= 64; n++) {
    const bit = 1n << BigInt(n - 1);
    if (!((inh.ignored | inh.blocked) & bit)) continue;
    const sig = guestSignal(proc, n);
    if (sig === undefined || sig === a.c.SIGKILL || sig === a.c.SIGSTOP) continue;
    if (inh.ignored & bit) proc.sigactions.set(sig, ign.slice());
    if (inh.blocked & bit) proc.sigmask |= sigBit(sig);
  }
  proc.sigmask &= ~unblockable(a);
}
