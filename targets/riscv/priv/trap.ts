/**
 * Traps of a system-mode hart: taking an exception or interrupt (delegated to S by
 * medeleg/mideleg when it comes from S or U), the pending-interrupt check with the privileged
 * spec's priority order, and the trap returns mret/sret.
 */
import { Access, Excp, FaultCause, illegalInsn } from '../../../src/core/exceptions.js';
import { IRQ, MSTATUS, PRV_M, PRV_S, PRV_U, type RiscvHart } from './hart.js';

/** exception causes (mcause values without the interrupt bit) */
export const CAUSE = {
  FETCH_MISALIGNED: 0, FETCH_ACCESS: 1, ILLEGAL: 2, BREAKPOINT: 3, LOAD_MISALIGNED: 4, LOAD_ACCESS: 5,
  STORE_MISALIGNED: 6, STORE_ACCESS: 7, ECALL_U: 8, ECALL_S: 9, ECALL_M: 11,
  FETCH_PAGE: 12, LOAD_PAGE: 13, STORE_PAGE: 15,
} as const;

const INTERRUPT = 1n << 63n;
const bitOf = (b: bigint, n: bigint) => (b >> n) & 1n;

/**
 * Take a trap: `cause` without the interrupt bit, `tval` for mtval/stval, `epc` the pc that
 * mepc/sepc keep. Sets cpu.pc to the handler.
 */
export function takeTrap(h: RiscvHart, cause: number, interrupt: boolean, tval: bigint, epc: number): void {
  const c = BigInt(cause);
  const deleg = interrupt ? h.mideleg : h.medeleg;
  const toS = h.priv <= PRV_S && bitOf(deleg, c) === 1n;
  let s = h.mstatus;
  if (toS) {
    h.scause = interrupt ? INTERRUPT | c : c;
    h.sepc = BigInt(epc >>> 0);
    h.stval = tval;
    s = (s & ~MSTATUS.SPP) | (h.priv === PRV_S ? MSTATUS.SPP : 0n);
    s = (s & ~MSTATUS.SPIE) | ((s & MSTATUS.SIE) << 4n);
    s &= ~MSTATUS.SIE;
    h.priv = PRV_S;
    h.pc = vector(h.stvec, c, interrupt);
  } else {
    h.mcause = interrupt ? INTERRUPT | c : c;
    h.mepc = BigInt(epc >>> 0);
    h.mtval = tval;
    s = (s & ~MSTATUS.MPP) | (BigInt(h.priv) << 11n);
    s = (s & ~MSTATUS.MPIE) | ((s & MSTATUS.MIE) << 4n);
    s &= ~MSTATUS.MIE;
    h.priv = PRV_M;
    h.pc = vector(h.mtvec, c, interrupt);
  }
  h.mstatus = s;
  h.waiting = false;
  h.board.flushTlb();
}

/** the handler's address: the base, plus 4 × cause for an interrupt in vectored mode */
function vector(tvec: bigint, cause: bigint, interrupt: boolean): number {
  const base = tvec & ~3n;
  const pc = interrupt && (tvec & 3n) === 1n ? base + 4n * cause : base;
  return Number(pc & 0xffffffffn);
}

/** interrupts in the order the privileged spec takes them */
const PRIORITY = [IRQ.MEI, IRQ.MSI, IRQ.MTI, IRQ.SEI, IRQ.SSI, IRQ.STI];

/** The interrupt the hart takes now (its number), or -1. */
export function pendingInterrupt(h: RiscvHart): number {
  const pend = h.mip & h.mie;
  if (pend === 0n) return -1;
  const mOn = h.priv < PRV_M || (h.mstatus & MSTATUS.MIE) !== 0n;
  const sOn = h.priv < PRV_S || (h.priv === PRV_S && (h.mstatus & MSTATUS.SIE) !== 0n);
  for (const irq of PRIORITY) {
    const n = BigInt(irq);
    if (!bitOf(pend, n)) continue;
    if (bitOf(h.mideleg, n) ? sOn : mOn) return irq;
  }
  return -1;
}

/** mret: back to the privilege in MPP at mepc (illegal below M) */
export function mret(h: RiscvHart): number {
  if (h.priv !== PRV_M) throw illegalInsn();
  let s = h.mstatus;
  const prev = Number((s & MSTATUS.MPP) >> 11n);
  s = (s & ~MSTATUS.MIE) | ((s & MSTATUS.MPIE) >> 4n);
  s |= MSTATUS.MPIE;
  s &= ~MSTATUS.MPP; // U
  if (prev !== PRV_M) s &= ~MSTATUS.MPRV;
  h.mstatus = s;
  h.priv = prev;
  h.board.flushTlb();
  h.requestExit();
  return Number(h.mepc & 0xffffffffn);
}

/** sret: back to the privilege in SPP at sepc (illegal in U, and in S under TSR) */
export function sret(h: RiscvHart): number {
  if (h.priv === PRV_U || (h.priv === PRV_S && (h.mstatus & MSTATUS.TSR) !== 0n)) throw illegalInsn();
  let s = h.mstatus;
  const prev = (s & MSTATUS.SPP) !== 0n ? PRV_S : PRV_U;
  s = (s & ~MSTATUS.SIE) | ((s & MSTATUS.SPIE) >> 4n);
  s |= MSTATUS.SPIE;
  s &= ~MSTATUS.SPP;
  s &= ~MSTATUS.MPRV;
  h.mstatus = s;
  h.priv = prev;
  h.board.flushTlb();
  h.requestExit();
  return Number(h.sepc & 0xffffffffn);
}

/**
 * Turn the architectural exception that ended the core's slice (cpu.excp*, see
 * src/core/exceptions.ts) into the RISC-V trap it is: the cause, mtval as qemu gives it (the
 * instruction's bits for an illegal instruction, the pc for a breakpoint, the address for
 * faults), the return pc (an ecall's own address). Page faults carry FaultCause.Protection
 * and access faults FaultCause.Unmapped (the system MMU's convention).
 */
export function exceptionTrap(h: RiscvHart): void {
  const pc = h.pc;
  switch (h.excp as Excp) {
    case Excp.Syscall:
      return takeTrap(h, h.priv === PRV_U ? CAUSE.ECALL_U : h.priv === PRV_S ? CAUSE.ECALL_S : CAUSE.ECALL_M, false, 0n, pc - 4);
    case Excp.Illegal:
      return takeTrap(h, CAUSE.ILLEGAL, false, insnBits(h, pc), pc);
    case Excp.Breakpoint:
      return takeTrap(h, CAUSE.BREAKPOINT, false, BigInt(pc >>> 0), pc);
    case Excp.Alignment:
      return takeTrap(h, h.excpAccess === Access.Read ? CAUSE.LOAD_MISALIGNED : h.excpAccess === Access.Write ? CAUSE.STORE_MISALIGNED : CAUSE.FETCH_MISALIGNED,
        false, BigInt(h.excpAddr >>> 0), pc);
    case Excp.PageFault: {
      const page = h.excpCause === FaultCause.Protection;
      const cause = h.excpAccess === Access.Fetch ? (page ? CAUSE.FETCH_PAGE : CAUSE.FETCH_ACCESS)
        : h.excpAccess === Access.Write ? (page ? CAUSE.STORE_PAGE : CAUSE.STORE_ACCESS)
        : (page ? CAUSE.LOAD_PAGE : CAUSE.LOAD_ACCESS);
      return takeTrap(h, cause, false, BigInt(h.excpAddr >>> 0), pc);
    }
    default:
      return takeTrap(h, CAUSE.ILLEGAL, false, 0n, pc);
  }
}

/** the bits of the instruction at pc (16 for a compressed one), 0 when it cannot be fetched */
function insnBits(h: RiscvHart, pc: number): bigint {
  try {
    const lo = h.mem.fetch16(pc);
    if ((lo & 3) !== 3) return BigInt(lo);
    return BigInt((lo | (h.mem.fetch16(pc + 2) << 16)) >>> 0);
  } catch {
    return 0n;
  }
}
