/**
 * The CSRs of a system-mode hart (privileged spec v1.12, the set qemu's `virt` cpu has and
 * OpenSBI probes): rv_csr_sys(csr, op, value) reads and writes them with their WARL masks.
 * An access the hart does not allow — a CSR that does not exist, too low a privilege, a
 * write to a read-only one, a counter that mcounteren/scounteren hide, satp under TVM — is
 * an illegal-instruction trap (mtval: the instruction, filled in by the board's trap code).
 */
import { illegalInsn } from '../../../src/core/exceptions.js';
import type { Helper } from '../../../src/core/isa.js';
import { CSR_CLEAR, CSR_READ, CSR_SET, CSR_WRITE } from '../helpers-csr.js';
import { MSTATUS, PRV_M, PRV_S, type RiscvHart } from './hart.js';

const M64 = (1n << 64n) - 1n;
/** the mstatus bits software may write (with UXL/SXL fixed at 64 bits) */
const MSTATUS_W = MSTATUS.SIE | MSTATUS.MIE | MSTATUS.SPIE | MSTATUS.MPIE | MSTATUS.SPP | MSTATUS.MPP |
  MSTATUS.FS | MSTATUS.MPRV | MSTATUS.SUM | MSTATUS.MXR | MSTATUS.TVM | MSTATUS.TW | MSTATUS.TSR | (3n << 9n);
/** sstatus: the supervisor view of mstatus */
const SSTATUS = MSTATUS.SIE | MSTATUS.SPIE | MSTATUS.SPP | MSTATUS.FS | (3n << 9n) | MSTATUS.SUM | MSTATUS.MXR | MSTATUS.UXL | MSTATUS.SD;
/** interrupts: all that mie holds; those S-mode may see; those software may set in mip */
const MIE_W = 0xaaan | 0x1444n;
const S_INTS = 0x222n;
const MIP_W = 0x222n;
/** exceptions medeleg may delegate (not an ecall from M); with H also VS-ecall and guest page faults */
const MEDELEG_W = 0xb7ffn | 0xf00000n;
const MIDELEG_W = 0x222n;
/** with H, the VS-level interrupts and SGEI are always delegated (read-only ones, as qemu) */
const MIDELEG_H = 0x1444n;
/** menvcfg: FIOM, CBIE, CBCFE, CBZE, PBMTE, STCE */
const MENVCFG_W = 0xf1n | (3n << 62n);
const PMPADDR_W = (1n << 54n) - 1n;

/** hypervisor-extension CSRs (storage only: virtualisation is not implemented) */
const H_CSRS = new Set([0x600, 0x602, 0x603, 0x604, 0x605, 0x606, 0x607, 0x643, 0x644, 0x645, 0x64a, 0x680,
  0xe12, 0x200, 0x204, 0x205, 0x240, 0x241, 0x242, 0x243, 0x244, 0x280, 0x34a, 0x34b, 0x60a]);

const hasH = (h: RiscvHart) => (h.misa & (1n << 7n)) !== 0n;

/** mstatus as read: SD summarises FS (FS is kept Dirty whenever it is not Off: see write) */
function mstatusRead(h: RiscvHart): bigint {
  const s = h.mstatus;
  return (s & MSTATUS.FS) === MSTATUS.FS ? s | MSTATUS.SD : s;
}
function mstatusWrite(h: RiscvHart, v: bigint, mask: bigint): void {
  let s = (h.mstatus & ~mask) | (v & mask);
  // the FPU does not track clean/dirty: any state other than Off reads as Dirty, so a kernel
  // always saves the FP registers (correct, if slower)
  if (s & MSTATUS.FS) s |= MSTATUS.FS;
  if (((s & MSTATUS.MPP) >> 11n) === 2n) s &= ~MSTATUS.MPP; // reserved MPP: U
  if (hasH(h)) s = (s & ~(3n << 38n)) | (h.mstatus & (3n << 38n)); // MPV/GVA: read-only here
  h.mstatus = s;
  h.board.flushTlb();
}

/** Is counter n (0: cycle, 1: time, 2: instret, 3..: hpm) readable at this privilege? */
function counterVisible(h: RiscvHart, n: number): boolean {
  if (h.priv === PRV_M) return true;
  if (!((h.mcounteren >> BigInt(n)) & 1n)) return false;
  return h.priv === PRV_S || ((h.scounteren >> BigInt(n)) & 1n) === 1n;
}

function counter(h: RiscvHart, n: number): bigint {
  if (n === 1) return h.board.time();
  if (n === 0 || n === 2) return BigInt(h.icount);
  return n - 3 < h.config.hpmCounters ? h.hpmcounter[n - 3] : 0n;
}

/** The value of a CSR, or undefined when it does not exist (privilege already checked). */
export function csrRead(h: RiscvHart, csr: number): bigint | undefined {
  if (csr >= 0xc00 && csr <= 0xc1f) return counterVisible(h, csr - 0xc00) ? counter(h, csr - 0xc00) : undefined;
  if (csr >= 0xb03 && csr <= 0xb1f) return counter(h, csr - 0xb00);
  if (csr >= 0x323 && csr <= 0x33f) return csr - 0x323 < h.config.hpmCounters ? h.hpmevent[csr - 0x323] : 0n;
  if (csr >= 0x3b0 && csr <= 0x3bf) return h.pmpaddr[csr - 0x3b0];
  if (csr === 0x3a0 || csr === 0x3a2) return h.pmpcfg[(csr - 0x3a0) >> 1];
  if (H_CSRS.has(csr)) return hasH(h) ? h.hcsr.get(csr) ?? 0n : undefined;
  switch (csr) {
    case 0x001: return BigInt(h.fflags);
    case 0x002: return BigInt(h.frm);
    case 0x003: return BigInt((h.frm << 5) | h.fflags);
    case 0x100: return mstatusRead(h) & SSTATUS;
    case 0x104: return h.mie & h.mideleg & S_INTS;
    case 0x105: return h.stvec;
    case 0x106: return h.scounteren;
    case 0x10a: return h.senvcfg;
    case 0x140: return h.sscratch;
    case 0x141: return h.sepc;
    case 0x142: return h.scause;
    case 0x143: return h.stval;
    case 0x144: return h.mip & h.mideleg & S_INTS;
    case 0x14d: return h.config.sstc && (h.priv === PRV_M || (h.menvcfg >> 63n) === 1n) ? h.stimecmp : undefined;
    case 0x180: return h.priv === PRV_S && h.mstatus & MSTATUS.TVM ? undefined : h.satp;
    case 0x300: return mstatusRead(h);
    case 0x301: return h.misa;
    case 0x302: return h.medeleg;
    case 0x303: return hasH(h) ? h.mideleg | MIDELEG_H : h.mideleg;
    case 0x304: return h.mie;
    case 0x305: return h.mtvec;
    case 0x306: return h.mcounteren;
    case 0x30a: return h.menvcfg;
    case 0x320: return h.mcountinhibit;
    case 0x340: return h.mscratch;
    case 0x341: return h.mepc;
    case 0x342: return h.mcause;
    case 0x343: return h.mtval;
    case 0x344: return h.mip;
    case 0xb00: case 0xb02: return BigInt(h.icount);
    case 0xf11: case 0xf12: case 0xf13: case 0xf15: return 0n; // mvendorid, marchid, mimpid, mconfigptr
    case 0xf14: return h.hartid;
    default: return undefined;
  }
}

const tvec = (v: bigint) => v & ~2n & M64; // modes 0 (direct) and 1 (vectored)

/** Write a CSR that exists and may be written (csrRead answered for it). */
export function csrWrite(h: RiscvHart, csr: number, v: bigint): void {
  v &= M64;
  if (csr >= 0xb03 && csr <= 0xb1f) { if (csr - 0xb03 < h.config.hpmCounters) h.hpmcounter[csr - 0xb03] = v; return; }
  if (csr >= 0x323 && csr <= 0x33f) { if (csr - 0x323 < h.config.hpmCounters) h.hpmevent[csr - 0x323] = v; return; }
  if (csr >= 0x3b0 && csr <= 0x3bf) { pmpaddrWrite(h, csr - 0x3b0, v); return; }
  if (csr === 0x3a0 || csr === 0x3a2) { pmpcfgWrite(h, (csr - 0x3a0) >> 1, v); return; }
  if (H_CSRS.has(csr)) { h.hcsr.set(csr, v); return; }
  switch (csr) {
    case 0x001: h.fflags = Number(v & 0x1fn); break;
    case 0x002: h.frm = Number(v & 7n); break;
    case 0x003: h.fflags = Number(v & 0x1fn); h.frm = Number((v >> 5n) & 7n); break;
    case 0x100: mstatusWrite(h, v, SSTATUS & MSTATUS_W); break;
    case 0x104: { const m = h.mideleg & S_INTS; h.mie = (h.mie & ~m) | (v & m); break; }
    case 0x105: h.stvec = tvec(v); break;
    case 0x106: h.scounteren = v & 0xffffffffn; break;
    case 0x10a: h.senvcfg = v & 0xf1n; break;
    case 0x140: h.sscratch = v; break;
    case 0x141: h.sepc = v & ~1n; break;
    case 0x142: h.scause = v; break;
    case 0x143: h.stval = v; break;
    case 0x144: { const m = h.mideleg & 0x2n; h.mipSw = (h.mipSw & ~m) | (v & m); break; } // SSIP only
    case 0x14d: h.stimecmp = v; break;
    case 0x180: satpWrite(h, v); break;
    case 0x300: mstatusWrite(h, v, MSTATUS_W); break;
    case 0x301: break; // misa: WARL, fixed here
    case 0x302: h.medeleg = v & MEDELEG_W & (hasH(h) ? M64 : 0xffffn); break;
    case 0x303: h.mideleg = v & MIDELEG_W; break;
    case 0x304: h.mie = v & MIE_W & (hasH(h) ? M64 : 0xfffn); break;
    case 0x305: h.mtvec = tvec(v); break;
    case 0x306: h.mcounteren = v & 0xffffffffn; break;
    case 0x30a: h.menvcfg = v & MENVCFG_W & (h.config.sstc ? M64 : ~(1n << 63n)); break;
    case 0x320: h.mcountinhibit = v & 0xfffffffdn; break;
    case 0x340: h.mscratch = v; break;
    case 0x341: h.mepc = v & ~1n; break;
    case 0x342: h.mcause = v; break;
    case 0x343: h.mtval = v; break;
    case 0x344: {
      // with Sstc enabled, STIP follows stimecmp and is not writable
      const m = MIP_W & ((h.menvcfg >> 63n) === 1n ? ~0x20n : M64);
      h.mipSw = (h.mipSw & ~m) | (v & m);
      break;
    }
    case 0xb00: case 0xb02: h.icount = Number(v & ((1n << 53n) - 1n)); break;
    default: break;
  }
}

/** satp: Bare, Sv39 and Sv48 are accepted; another mode leaves satp unchanged (WARL) */
function satpWrite(h: RiscvHart, v: bigint): void {
  const mode = v >> 60n;
  if (mode !== 0n && mode !== 8n && mode !== 9n) return;
  h.satp = v & ~(0xffffn << 44n); // ASID not implemented: reads as 0
  h.paging = mode !== 0n ? 1 : 0;
  h.board.fence();
}

const locked = (h: RiscvHart, i: number) => ((h.pmpcfg[i >> 3] >> BigInt((i & 7) * 8)) & 0x80n) !== 0n;

function pmpaddrWrite(h: RiscvHart, i: number, v: bigint): void {
  if (locked(h, i)) return;
  // a TOR entry above a locked one locks this address too
  if (i < 15 && locked(h, i + 1) && ((h.pmpcfg[(i + 1) >> 3] >> BigInt(((i + 1) & 7) * 8 + 3)) & 3n) === 1n) return;
  h.pmpaddr[i] = v & PMPADDR_W;
}

function pmpcfgWrite(h: RiscvHart, reg: number, v: bigint): void {
  let out = 0n;
  for (let k = 0; k < 8; k++) {
    const i = reg * 8 + k;
    const old = (h.pmpcfg[reg] >> BigInt(k * 8)) & 0xffn;
    let b = (v >> BigInt(k * 8)) & 0xffn;
    if (locked(h, i)) b = old;
    else {
      b &= 0x9fn; // bits 5-6 are reserved
      if ((b & 3n) === 2n) b = old; // W without R is reserved: keep the old value
    }
    out |= b << BigInt(k * 8);
  }
  h.pmpcfg[reg] = out;
}

/**
 * CSRs whose writes may enable an interrupt or change the translation mode (mstatus/sstatus,
 * mie/sie, mip/sip, the delegations, satp, menvcfg, stimecmp): after one, the region returns
 * to the run loop. Other writes (scratch, epc, cause, tval, tvec, counters, PMP) need not.
 */
const EXIT_CSRS = new Set([0x100, 0x104, 0x144, 0x14d, 0x180, 0x300, 0x302, 0x303, 0x304, 0x30a, 0x344]);

/** minimum privilege of a CSR from its number (bits 9:8; 2 is the hypervisor level, treated as S... as M here) */
function minPriv(csr: number): number {
  const p = (csr >> 8) & 3;
  return p === 2 ? PRV_M : p; // hypervisor CSRs: reachable from M only (no HS/VS modes)
}

/** rv_csr_sys(csr, op, vlo, vhi) -> old value */
function csrSys(h: RiscvHart, csr: number, op: number, vlo: number, vhi: number): number {
  const write = op !== CSR_READ;
  if (h.priv < minPriv(csr) || (write && csr >>> 10 === 3)) throw illegalInsn();
  const old = csrRead(h, csr);
  if (old === undefined) throw illegalInsn();
  if (write) {
    const v = (BigInt(vhi) << 32n) | BigInt(vlo >>> 0);
    const nv = op === CSR_WRITE ? v : op === CSR_SET ? old | v : op === CSR_CLEAR ? old & ~v : v;
    csrWrite(h, csr, nv);
    // interrupts may be enabled, the translation mode may have changed: back to the run loop
    if (EXIT_CSRS.has(csr)) h.requestExit();
  }
  h.rhi = Number(BigInt.asIntN(32, old >> 32n));
  return Number(BigInt.asIntN(32, old));
}

export const csrSysHelpers: Record<string, Helper> = {
  rv_csr_sys: csrSys as Helper,
};
