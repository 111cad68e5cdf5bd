/**
 * Robust futex lists: set_robust_list/get_robust_list, and the walk Linux does when a thread
 * ends (exit, exit_group, a fatal signal, execve). A list is struct robust_list_head
 * { list.next, futex_offset, list_op_pending }, three guest words; each entry's futex word
 * sits at entry + futex_offset. A word whose TID bits name the dying thread gets
 * FUTEX_OWNER_DIED (FUTEX_WAITERS kept), and one waiter is woken when FUTEX_WAITERS was set,
 * so the next locker of a robust pthread mutex sees EOWNERDEAD. The walk stops after
 * ROBUST_LIST_LIMIT entries (a corrupt or cyclic list), at a fault, or at a misaligned word.
 */
import type { Process } from '../../src/linux/process.js';
import type { Task } from '../../src/linux/task.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { futexWakeAddr } from '../ipc/futex.js';
import { readWord, writeWord } from '../layout.js';

const FUTEX_WAITERS = 0x80000000;
const FUTEX_OWNER_DIED = 0x40000000;
const FUTEX_TID_MASK = 0x3fffffff;
const ROBUST_LIST_LIMIT = 2048;

/** sizeof(struct robust_list_head): three words */
const headSize = (proc: Process): number => 3 * archOf(proc).wordSize;

function setRobustList(proc: Process, [head, len]: number[]): number {
  if (len !== headSize(proc)) return -E.EINVAL;
  const t = proc.thread;
  if (t) t.robustList = head;
  return 0;
}

function getRobustList(proc: Process, [pid, headPtr, lenPtr]: number[]): number {
  pid |= 0;
  let t: Task | undefined = proc.thread;
  if (pid !== 0) {
    t = proc.kernel?.tasks.get(pid);
    if (!t && pid === proc.thread?.tid) t = proc.thread;
    if (!t) return -E.ESRCH;
  }
  const w = archOf(proc).wordSize;
  writeWord(proc.mem, headPtr, w, t?.robustList ?? 0);
  writeWord(proc.mem, lenPtr, w, headSize(proc));
  return 0;
}

/** Mark one futex word of the dying thread; false when the walk must stop (bad address). */
function futexDeath(proc: Process, uaddr: number, tid: number, pi: boolean, pending: boolean): boolean {
  if (uaddr & 3) return false;
  const mem = proc.mem;
  const uval = mem.read32(uaddr) >>> 0;
  const owner = uval & FUTEX_TID_MASK;
  if (pending && !pi && owner === 0) {
    // died between taking the lock's word and setting its owner: let a waiter try
    futexWakeAddr(proc, uaddr, 1);
    return true;
  }
  if (owner !== tid) return true;
  mem.write32(uaddr, ((uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED) >>> 0);
  if (!pi && uval & FUTEX_WAITERS) futexWakeAddr(proc, uaddr, 1);
  return true;
}

/** Walk `t`'s robust list as its thread ends (its memory is proc.mem). */
export function exitRobustList(proc: Process, t: Task): void {
  const head = t.robustList;
  if (!head) return;
  t.robustList = 0;
  const w = archOf(proc).wordSize;
  const mem = proc.mem;
  const word = (a: number): number => readWord(mem, a, w);
  // futex_offset is a signed long (usually negative): read 64-bit ones as a BigInt, not a
  // rounded Number
  const signed = (a: number): number => (w === 8 ? Number(BigInt.asIntN(64, mem.read64(a))) : mem.read32(a) | 0);
  try {
    let entry = word(head);
    const offset = signed(head + w);
    const pendingRaw = word(head + 2 * w);
    const pending = pendingRaw - (pendingRaw & 1);
    for (let limit = ROBUST_LIST_LIMIT; limit > 0; limit--) {
      const pi = (entry & 1) !== 0;
      entry -= entry & 1;
      if (entry === head) break;
      const next = word(entry);
      if (entry !== pending && !futexDeath(proc, (entry + offset) >>> 0, t.tid, pi, false)) return;
      entry = next;
    }
    if (pending) futexDeath(proc, (pending + offset) >>> 0, t.tid, (pendingRaw & 1) !== 0, true);
  } catch {
    // a fault reading the list: the kernel stops walking too
  }
}

export const robustListSyscalls: SyscallDef[] = [
  sys('set_robust_list', undefined, setRobustList),
  sys('get_robust_list', undefined, getRobustList),
];
