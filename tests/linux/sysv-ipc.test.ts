/**
 * System V IPC (syscalls/ipc/sysv*.ts): shared memory seen by forked children (through a new
 * attachment and through the one fork inherited) and by threads, IPC_STAT, IPC_RMID, keys
 * and IPC_EXCL; semaphores that block across processes, IPC_NOWAIT, semtimedop's timeout,
 * multi-op arrays, SETALL/GETVAL; message queues by type, a receiver waiting for a thread,
 * E2BIG and MSG_NOERROR. They used to fail with ENOSYS. The expected text is what the same
 * program prints natively on Linux (x86-64 build) and under qemu-user, committed under
 * fixtures/expected (the cases harden-ipc-* of cases.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/api/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('System V IPC between processes and threads', () => {
  for (const arch of ['riscv64', 'aarch64', 'arm']) {
    for (const t of ['ipc-shm', 'ipc-sem', 'ipc-msg']) {
      it(`${arch}: ${t}`, async () => {
        const r = await run(path.join(ROOT, 'fixtures', arch, 'harden'), { args: [t], env: {} });
        const want = fs.readFileSync(path.join(ROOT, 'fixtures/expected', arch, `harden-${t}.stdout`), 'utf8');
        expect(r.stdout).toBe(want);
        expect([r.reason, r.status]).toEqual(['exit', 0]);
      });
    }
  }

  it('the kernel-independent facts the expected files hold', () => {
    const shm = fs.readFileSync(path.join(ROOT, 'fixtures/expected/aarch64/harden-ipc-shm.stdout'), 'utf8');
    expect(shm).toContain("parent sees 'from the child' 'from the thread' 'through the inherited attachment' (thread ok)");
    const sem = fs.readFileSync(path.join(ROOT, 'fixtures/expected/aarch64/harden-ipc-sem.stdout'), 'utf8');
    expect(sem).toContain('child: post\nparent: got it\n');
    expect(sem).toContain('semtimedop: EAGAIN');
  });
});
