/**
 * Syscall numbers that raise a signal instead of failing with ENOSYS. ARM Linux
 * (arch/arm/kernel/traps.c, arm_syscall and bad_syscall): numbers from __ARM_NR_BASE
 * (0xf0000) on are its private calls; the unknown ones up to 0xf07ff return -ENOSYS so that
 * a program can probe for them, anything from 0xf0800 on raises SIGILL (ILL_ILLTRP, si_addr
 * the svc instruction) and leaves r0 as it was. qemu-arm does the same.
 */
import type { Process } from '../src/linux/process.js';
import { archOf } from './arch.js';
import { syscallInsnAddr } from './restart.js';
import { deliverSignal } from './signal/deliver.js';

/** per target: the first number that raises SIGILL */
const SIGILL_FROM: Readonly<Record<string, number>> = {
  arm: 0xf0800,
};

/** Raise the signal an unknown syscall number `nr` raises on this target; false when it is ENOSYS. */
export function badSyscallSignal(proc: Process, nr: number): boolean {
  const from = SIGILL_FROM[proc.target.name];
  if (from === undefined || nr >>> 0 < from) return false;
  const c = archOf(proc).c;
  deliverSignal(proc, c.SIGILL, { signo: c.SIGILL, code: c.ILL_ILLTRP, addr: syscallInsnAddr(proc) }, true);
  return true;
}
