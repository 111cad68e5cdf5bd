/**
 * The privileged part of the riscv ISA on its own: CSR access rules and WARL masks, traps
 * with delegation, interrupt priority and enables, mret/sret.
 */
import { describe, expect, it } from 'vitest';
import { Access, Excp, FaultCause, GuestFault } from '../../../src/core/exceptions.js';
import { Memory } from '../../../src/core/memory/flat.js';
import { CAUSE, IRQ, MSTATUS, PRV_M, PRV_S, PRV_U, exceptionTrap, pendingInterrupt, riscv64SysIsa, takeTrap, type RiscvHart } from '../../../targets/riscv/priv/index.js';
import { csrRead } from '../../../targets/riscv/priv/csr.js';

const isa = riscv64SysIsa();
const hart = () => isa.createCpu(new Memory()) as RiscvHart;
const csr = isa.helpers.rv_csr_sys as (h: RiscvHart, csr: number, op: number, lo: number, hi: number) => number;
const W = 1;
const rd = (h: RiscvHart, n: number) => csrRead(h, n);

describe('CSRs', () => {
  it('reject too low a privilege, writes to read-only CSRs and CSRs that do not exist', () => {
    const h = hart();
    const illegal = (f: () => void) => { try { f(); } catch (e) { return (e as GuestFault).kind === Excp.Illegal; } return false; };
    expect(illegal(() => csr(h, 0xf14, W, 1, 0))).toBe(true); // mhartid is read-only
    expect(illegal(() => csr(h, 0x3c0, 0, 0, 0))).toBe(true); // pmpaddr16: 16 PMP entries only
    h.priv = PRV_S;
    expect(illegal(() => csr(h, 0x300, 0, 0, 0))).toBe(true); // mstatus from S
    expect(illegal(() => csr(h, 0xc01, 0, 0, 0))).toBe(true); // time, hidden by mcounteren
    h.mcounteren = 2n;
    expect(illegal(() => csr(h, 0xc01, 0, 0, 0))).toBe(false);
  });

  it('keep only their writable bits (WARL), as firmware probes them', () => {
    const h = hart();
    csr(h, 0x302, W, -1, -1); // medeleg
    expect(rd(h, 0x302)).toBe(0xf0b7ffn); // not ecall-from-M (bit 11), not 14
    csr(h, 0x303, W, -1, -1); // mideleg: S interrupts; with H the VS ones read as delegated
    expect(rd(h, 0x303)).toBe(0x1666n);
    csr(h, 0x3b0, W, -1, -1); // pmpaddr0: 54 bits
    expect(rd(h, 0x3b0)).toBe((1n << 54n) - 1n);
    csr(h, 0x3a0, W, 0x6f, 0); // pmpcfg0 entry 0: bits 5-6 reserved, W without R kept as before
    expect(rd(h, 0x3a0)).toBe(0x0fn);
    csr(h, 0x180, W, 0, 5 << 28); // satp mode 5: not supported, unchanged
    expect(rd(h, 0x180)).toBe(0n);
    csr(h, 0x300, W, 2 << 11, 0); // MPP = 2 (reserved) reads as U
    expect((rd(h, 0x300)! & MSTATUS.MPP) >> 11n).toBe(0n);
    expect(rd(h, 0x300)! >> 32n & 0xfn).toBe(0xan); // UXL = SXL = 64
    expect(rd(h, 0x301)! >> 62n).toBe(2n); // misa: RV64
  });

  it('sstatus, sie and sip are views of the machine registers', () => {
    const h = hart();
    csr(h, 0x300, W, Number(MSTATUS.MIE | MSTATUS.SIE), 0);
    expect(rd(h, 0x100)).toBe(MSTATUS.SIE | (2n << 32n)); // and UXL: 64 bits
    csr(h, 0x303, W, 0x222, 0);
    csr(h, 0x304, W, 0xaaa, 0);
    expect(rd(h, 0x104)).toBe(0x222n);
  });
});

describe('traps', () => {
  it('an exception from U delegated by medeleg goes to S; from M it never does', () => {
    const h = hart();
    h.medeleg = 1n << BigInt(CAUSE.ECALL_U);
    h.stvec = 0x80200000n;
    h.mtvec = 0x80000100n;
    h.priv = PRV_U;
    h.mstatus |= MSTATUS.SIE;
    h.pc = 0x1004; h.excp = Excp.Syscall; // an ecall leaves pc after it
    exceptionTrap(h);
    expect([h.priv, h.pc, h.sepc, h.scause, (h.mstatus & MSTATUS.SPP) !== 0n, (h.mstatus & MSTATUS.SPIE) !== 0n, (h.mstatus & MSTATUS.SIE) !== 0n])
      .toEqual([PRV_S, 0x80200000, 0x1000n, 8n, false, true, false]);
    h.priv = PRV_M;
    h.pc = 0x2000; h.excp = Excp.PageFault; h.excpAccess = Access.Write; h.excpCause = FaultCause.Protection; h.excpAddr = 0x1234;
    h.medeleg = -1n & 0xffffn;
    exceptionTrap(h);
    expect([h.priv, h.pc, h.mcause, h.mtval, h.mepc, (h.mstatus & MSTATUS.MPP) >> 11n]).toEqual([PRV_M, 0x80000100, 15n, 0x1234n, 0x2000n, 3n]);
  });

  it('interrupts: machine ones first, S ones only when delegated and enabled, vectored mtvec', () => {
    const h = hart();
    h.mie = (1n << 7n) | (1n << 9n);
    h.mipHw = (1n << 7n) | (1n << 9n);
    h.mideleg = 1n << 9n;
    expect(pendingInterrupt(h)).toBe(-1); // M mode, MIE clear
    h.mstatus |= MSTATUS.MIE;
    expect(pendingInterrupt(h)).toBe(IRQ.MTI);
    h.mie = 1n << 9n;
    expect(pendingInterrupt(h)).toBe(-1); // SEI delegated: never taken in M
    h.priv = PRV_U;
    expect(pendingInterrupt(h)).toBe(IRQ.SEI); // below S it is always enabled
    h.mtvec = 0x80000001n; // vectored
    h.mie = 1n << 7n;
    h.pc = 0x4000;
    takeTrap(h, pendingInterrupt(h), true, 0n, h.pc);
    expect([h.pc, h.mcause]).toEqual([0x80000000 + 4 * 7, (1n << 63n) | 7n]);
  });

  it('mret and sret restore the previous privilege and enables; illegal below their level', () => {
    const h = hart();
    const mret = isa.helpers.rv_mret as (h: RiscvHart) => number;
    const sret = isa.helpers.rv_sret as (h: RiscvHart) => number;
    h.mstatus = (h.mstatus & ~MSTATUS.MPP) | (1n << 11n) | MSTATUS.MPIE | MSTATUS.MPRV;
    h.mepc = 0x80200000n;
    expect(mret(h)).toBe(0x80200000 | 0);
    expect([h.priv, (h.mstatus & MSTATUS.MIE) !== 0n, (h.mstatus & MSTATUS.MPRV) !== 0n]).toEqual([PRV_S, true, false]);
    expect(() => mret(h)).toThrow(GuestFault);
    h.sepc = 0x1000n;
    expect(sret(h)).toBe(0x1000);
    expect(h.priv).toBe(PRV_U);
    expect(() => sret(h)).toThrow(GuestFault);
  });
});
