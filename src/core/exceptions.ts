/**
 * Architectural exceptions: what the core reports when guest code cannot simply go on. They
 * are facts about the CPU, not about an operating system: the layer above decides what each
 * means. Linux user mode (src/linux/cpu-loop.ts) turns a syscall exception into a system call
 * and the others into the architecture's own signal and si_code (numbers differ per
 * architecture: SIGBUS is 7 on ARM and RISC-V, 10 on MIPS); a system-mode board will vector
 * them through the guest's trap table instead.
 *
 * A translated block reports one with the IR terminator `exception` (IrBuilder.exception):
 * the block ends, the run loop returns ExitKind.Exception, and the CPU's excp* fields say
 * which. Helpers and memory slow paths report one by throwing a GuestFault; the run loop
 * catches it and fills the same fields, so the layer above sees a single shape.
 */

/** Kinds of architectural exception (Cpu.excp). */
export const enum Excp {
  None = 0,
  /** a system call instruction (ecall, svc, swi, syscall); cpu.pc is the instruction after it */
  Syscall = 1,
  /** an undefined, reserved or not-permitted instruction; cpu.pc is the instruction */
  Illegal = 2,
  /** a breakpoint instruction (ebreak, brk, bkpt); cpu.pc is the instruction */
  Breakpoint = 3,
  /** an access to an address without the permission it needs (excpAccess, excpCause: FaultCause) */
  PageFault = 4,
  /** a misaligned access (data or instruction fetch) the architecture does not allow */
  Alignment = 5,
  /** an arithmetic trap (integer division by zero or overflow where it traps, an enabled FP trap) */
  Arith = 6,
  /** a conditional trap instruction (MIPS teq and friends, x86 into/bound); excpCause: its code */
  Trap = 7,
  /** an interrupt is pending (system mode: checked between blocks) */
  Interrupt = 8,
}

/** What kind of access faulted (Cpu.excpAccess). */
export const enum Access {
  Read = 0,
  Write = 1,
  Fetch = 2,
}

/** Why a page fault happened (Cpu.excpCause of a PageFault). */
export const enum FaultCause {
  /** nothing is mapped there */
  Unmapped = 1,
  /** something is mapped there, without the permission the access needs */
  Protection = 2,
}

/** The fields of a CPU that describe its last exception (see src/core/cpu.ts). */
export interface ExceptionState {
  pc: number;
  excp: number;
  excpCause: number;
  excpAddr: number;
  excpAccess: number;
}

/**
 * An exception raised by a helper or a memory slow path, thrown out of translated code. The
 * run loop records it in the CPU (recordFault) and ends the slice with ExitKind.Exception.
 * Never a host error: nothing above the run loop sees it as an exception.
 */
export class GuestFault extends Error {
  constructor(
    readonly kind: Excp,
    /** the faulting address (a data address; -1: the faulting instruction's own) */
    readonly addr: number,
    readonly access: Access = Access.Read,
    /** guest pc of the faulting instruction, when known (-1: the cpu.pc generated code set) */
    public pc = -1,
    /** kind-specific detail (FaultCause for page faults, the trap code for Trap) */
    readonly detail = 0,
  ) {
    super(`guest exception ${kind} at ${addr === -1 ? 'its instruction' : `0x${(addr >>> 0).toString(16)}`}`);
  }
  get write(): boolean {
    return this.access === Access.Write;
  }
}

/** A page fault at addr: `mapped` says whether the page exists (then: a protection fault). */
export function pageFault(addr: number, access: Access, mapped: boolean, pc = -1): GuestFault {
  return new GuestFault(Excp.PageFault, addr >>> 0, access, pc, mapped ? FaultCause.Protection : FaultCause.Unmapped);
}

/** A misaligned data access at addr. */
export function alignFault(addr: number, access: Access, pc = -1): GuestFault {
  return new GuestFault(Excp.Alignment, addr >>> 0, access, pc);
}

/** An instruction the CPU does not accept (raised from a helper: pc is cpu.pc). */
export function illegalInsn(pc = -1, cause = 0): GuestFault {
  return new GuestFault(Excp.Illegal, pc, Access.Fetch, pc, cause);
}

/** Record a thrown GuestFault in the CPU as the exception that ended the slice. */
export function recordFault(cpu: ExceptionState, f: GuestFault): void {
  if (f.pc === -1) f.pc = cpu.pc; // thrown by a helper: generated code set cpu.pc before the call
  cpu.pc = f.pc >>> 0;
  cpu.excp = f.kind;
  cpu.excpCause = f.detail;
  cpu.excpAddr = (f.addr === -1 ? cpu.pc : f.addr) >>> 0;
  cpu.excpAccess = f.access;
}

/** Record an exception that has no GuestFault object (e.g. an access off the top of the address space). */
export function recordException(cpu: ExceptionState, kind: Excp, addr: number, access = Access.Read, cause = 0): void {
  cpu.excp = kind;
  cpu.excpCause = cause;
  cpu.excpAddr = addr >>> 0;
  cpu.excpAccess = access;
}
