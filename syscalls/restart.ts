/**
 * Blocking calls that a signal interrupts (Linux's ERESTARTSYS): a read waiting on a pipe,
 * an eventfd or a terminal ends when a signal with a handler (or a fatal one) becomes
 * deliverable; the call is then restarted after the handler if its action has SA_RESTART
 * (the pc goes back to the syscall instruction, the argument registers are untouched), and
 * fails with EINTR otherwise, as Linux does. poll/select/epoll/sigsuspend return EINTR
 * themselves: they are never restarted.
 */
import type { Process } from '../src/linux/process.js';
import { archOf } from './arch.js';
import { nextDeliverable, readAction } from './signal/deliver.js';

/** kernel-internal errno: "restart the call if the handler's action allows it" */
export const ERESTARTSYS = 512;

/**
 * Bytes of the syscall instruction before cpu.pc, per target: riscv64 ecall, aarch64 svc
 * (4 bytes); arm svc is 4 bytes in A32 and 2 in Thumb (bit 0 of the pc marks Thumb state).
 */
const SYSCALL_INSN: Readonly<Record<string, (pc: number) => number>> = {
  riscv64: () => 4,
  aarch64: () => 4,
  arm: (pc) => (pc & 1 ? 2 : 4),
  mipsel: () => 4,
  mips: () => 4,
  mips64el: () => 4,
};

/** The address of the syscall instruction that trapped (cpu.pc is past it; arm: without the Thumb bit). */
export function syscallInsnAddr(proc: Process): number {
  const pc = proc.cpu.pc;
  return ((pc - (SYSCALL_INSN[proc.target.name]?.(pc) ?? 0)) & ~1) >>> 0;
}

/** A signal that would interrupt a wait of the thread running now is pending. */
export function interrupted(proc: Process): boolean {
  const t = proc.thread;
  if (t && proc.kernel) return proc.kernel.interrupting(t);
  return nextDeliverable(proc) !== 0;
}

/**
 * Wait until `attempt` gives a result (retried whenever `subscribe`'s callback fires), or a
 * signal interrupts: then -ERESTARTSYS. `attempt` returns undefined while it would block.
 */
export function blockingWait(proc: Process, attempt: () => number | undefined, subscribe: (cb: () => void) => () => void): number | Promise<number> {
  const first = attempt();
  if (first !== undefined) return first;
  if (interrupted(proc)) return -ERESTARTSYS;
  const sigWaiters = proc.sys.sig.waiters;
  return new Promise((resolve) => {
    let unsub = (): void => {};
    let done = false;
    const finish = (v: number) => {
      done = true;
      unsub();
      sigWaiters.delete(onSignal);
      resolve(v);
    };
    const check = () => {
      if (done) return;
      const r = attempt();
      if (r !== undefined) finish(r);
      else unsub = subscribe(check);
    };
    function onSignal(): void {
      if (!done && interrupted(proc)) finish(-ERESTARTSYS);
    }
    sigWaiters.add(onSignal);
    unsub = subscribe(check);
  });
}

/**
 * A call ended with -ERESTARTSYS: restart it (true: pc back on the syscall instruction, no
 * result written) when the signal about to be delivered has SA_RESTART or none is; false
 * means it fails with EINTR.
 */
export function restartSyscall(proc: Process): boolean {
  const sig = nextDeliverable(proc);
  if (sig && !(readAction(proc, sig).flags & archOf(proc).c.SA_RESTART)) return false;
  const back = SYSCALL_INSN[proc.target.name];
  if (!back) return false;
  const cpu = proc.cpu;
  cpu.pc = (cpu.pc - back(cpu.pc)) >>> 0;
  return true;
}
