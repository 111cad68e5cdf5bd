/**
 * The one path by which translated code raises a synchronous trap: every frontend calls
 * `emitTrap`, which ends the block with a call of the core helper `core_trap` and an
 * exit(Trap) at the trapping instruction. Today a trap is described as a Linux signal
 * (sig, si_code, fault address) recorded in cpu.trapSig/trapCode/trapAddr; keeping this the
 * only place that knows it lets that description change in one place.
 */
import type { Cpu } from '../cpu.js';
import { sigTable } from '../helpers.js';
import { ExitKind, type IrBuilder } from '../ir.js';

export const TRAP_HELPER = 'core_trap';

/** End the block with a trap described by (sig, code, addr); `pc` is the instruction's block key. */
export function emitTrap(b: IrBuilder, sig: number, code: number, addr: number, pc: number): void {
  b.call(TRAP_HELPER, null, [b.k32(sig), b.k32(code), b.k32(addr)]);
  b.exit(ExitKind.Trap, pc);
}

/** Helpers every target's generated code may call (merged into each target's helper table). */
export const coreHelpers = {
  /** core_trap(sig, code, addr): record a synchronous trap; the block then exits with Trap */
  core_trap(cpu: Cpu, sig: number, code: number, addr: number): void {
    cpu.trapSig = sig;
    cpu.trapCode = code;
    cpu.trapAddr = addr >>> 0;
  },
};

export const coreHelperSigs = sigTable({
  'void(i32, i32, i32)': 'core_trap',
});
