/**
 * eventfd2 (and arm's eventfd): a 64-bit counter behind an fd. write adds, read takes the
 * whole count (or 1 with EFD_SEMAPHORE) and waits while it is 0; readiness for poll/epoll.
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { OpenFile, type SpecialFile } from '../fs/fdtable.js';
import { installFile } from '../fs/files.js';
import { POLLERR, POLLIN, POLLOUT, type Readiness, WaitList } from '../fs/ready.js';

const EFD_SEMAPHORE = 1;
const MAX = 0xfffffffffffffffen;

export class EventFd implements SpecialFile, Readiness {
  readonly name = 'anon_inode:[eventfd]';
  private readonly waiters = new WaitList();

  constructor(public count: bigint, readonly semaphore: boolean, readonly littleEndian: boolean) {}

  poll(): number {
    return (this.count > 0n ? POLLIN : 0) | (this.count < MAX ? POLLOUT : 0) | (this.count > MAX ? POLLERR : 0);
  }
  subscribe(cb: () => void): () => void { return this.waiters.subscribe(cb); }

  private take(buf: Uint8Array): number {
    const v = this.semaphore ? 1n : this.count;
    this.count -= v;
    new DataView(buf.buffer, buf.byteOffset, 8).setBigUint64(0, v, this.littleEndian);
    this.waiters.wake();
    return 8;
  }

  /** read(2) without waiting (io.ts does the waiting, interruptibly) */
  readNow(buf: Uint8Array): number | undefined {
    if (buf.length < 8) return -E.EINVAL;
    return this.count > 0n ? this.take(buf) : undefined;
  }

  write(buf: Uint8Array): number {
    if (buf.length < 8) return -E.EINVAL;
    const v = new DataView(buf.buffer, buf.byteOffset, 8).getBigUint64(0, this.littleEndian);
    if (v === 0xffffffffffffffffn) return -E.EINVAL;
    // a write that would overflow waits on Linux; here it fails as a non-blocking one does
    if (MAX - this.count < v) return -E.EAGAIN;
    this.count += v;
    if (v) this.waiters.wake();
    return 8;
  }
}

function eventfd2(proc: Process, [initval, flags]: number[]): number {
  const c = archOf(proc).c;
  if (flags & ~(EFD_SEMAPHORE | c.O_NONBLOCK | c.O_CLOEXEC)) return -E.EINVAL;
  const ev = new EventFd(BigInt(initval >>> 0), (flags & EFD_SEMAPHORE) !== 0, proc.mem.littleEndian);
  const f = new OpenFile('special', -1, 2 | (flags & c.O_NONBLOCK), '', ev.name);
  f.pos = null;
  f.special = ev;
  f.ready = ev;
  return installFile(proc, f, (flags & c.O_CLOEXEC) !== 0);
}

export const eventfdSyscalls: SyscallDef[] = [
  sys('eventfd2', ['uint', 'int'], eventfd2),
  sys('eventfd', ['uint'], (p, [v]) => eventfd2(p, [v, 0])),
];
