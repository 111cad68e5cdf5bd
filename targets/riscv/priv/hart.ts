/**
 * A RISC-V hart in system mode: the user-mode CPU state plus the privileged state (the
 * privilege level and the machine/supervisor CSRs). 64-bit CSRs are BigInts: they are read
 * and written by helpers, never by generated code, so their speed does not matter.
 *
 * What the hart needs of its board (a timer, the TLB and code cache of its memory) it reaches
 * through `HartBoard`, so this file knows nothing of src/system.
 */
import type { Memory } from '../../../src/core/memory/flat.js';
import { RiscvCpu } from '../cpu.js';

export const PRV_U = 0;
export const PRV_S = 1;
export const PRV_M = 3;

/** mstatus bits */
export const MSTATUS = {
  SIE: 1n << 1n, MIE: 1n << 3n, SPIE: 1n << 5n, MPIE: 1n << 7n, SPP: 1n << 8n,
  MPP: 3n << 11n, FS: 3n << 13n, MPRV: 1n << 17n, SUM: 1n << 18n, MXR: 1n << 19n,
  TVM: 1n << 20n, TW: 1n << 21n, TSR: 1n << 22n, UXL: 3n << 32n, SXL: 3n << 34n, SD: 1n << 63n,
} as const;

/** interrupt numbers (bits of mip/mie) */
export const IRQ = { SSI: 1, MSI: 3, STI: 5, MTI: 7, SEI: 9, MEI: 11 } as const;

/** What a hart asks of the board it sits on. */
export interface HartBoard {
  /** the `time` CSR: mtime of the board's timer (ticks of timebase-frequency) */
  time(): bigint;
  /** the address translation context changed (privilege, MPRV, SUM, MXR): drop cached translations */
  flushTlb(): void;
  /** the mappings may have changed (a satp write, sfence.vma): drop translations and code fetched through them */
  fence(): void;
  /** wfi: the hart sleeps until an interrupt is pending (the board's run loop waits) */
  wfi(): void;
}

/** A board that has not attached itself (unit tests of the ISA alone): time stands still. */
const NO_BOARD: HartBoard = { time: () => 0n, flushTlb: () => {}, fence: () => {}, wfi: () => {} };

export class RiscvHart extends RiscvCpu {
  priv = PRV_M;
  board: HartBoard = NO_BOARD;
  hartid = 0n;
  misa: bigint;
  mstatus = (2n << 32n) | (2n << 34n); // UXL = SXL = 64 bits
  medeleg = 0n;
  mideleg = 0n;
  mie = 0n;
  /** mip bits software wrote (SSIP, STIP without Sstc, SEIP) */
  mipSw = 0n;
  /** mip bits the board's devices drive (MSIP, MTIP, MEIP, SEIP from the PLIC, STIP from stimecmp) */
  mipHw = 0n;
  mtvec = 0n;
  stvec = 0n;
  mepc = 0n;
  sepc = 0n;
  mcause = 0n;
  scause = 0n;
  mtval = 0n;
  stval = 0n;
  mscratch = 0n;
  sscratch = 0n;
  satp = 0n;
  /** 1 when satp selects a paging mode (kept with satp: the translation mode reads it often) */
  paging = 0;
  mcounteren = 0n;
  scounteren = 0n;
  mcountinhibit = 0n;
  menvcfg = 0n;
  senvcfg = 0n;
  stimecmp = (1n << 64n) - 1n;
  readonly pmpcfg = new Array<bigint>(2).fill(0n);
  readonly pmpaddr = new Array<bigint>(16).fill(0n);
  /** mhpmcounter3..31 and mhpmevent3..31 (index n - 3); only the first `hpmCounters` hold values */
  readonly hpmcounter = new Array<bigint>(29).fill(0n);
  readonly hpmevent = new Array<bigint>(29).fill(0n);
  /** hypervisor-extension CSRs, by number: storage only (see csr.ts) */
  readonly hcsr = new Map<number, bigint>();
  /** the hart sleeps in wfi until an interrupt is pending */
  waiting = false;

  constructor(mem: Memory, readonly config: HartConfig = DEFAULT_HART) {
    super(mem);
    this.misa = config.misa;
  }

  get mip(): bigint {
    return this.mipSw | this.mipHw;
  }
  /** Set or clear a device-driven interrupt line (IRQ.*); the running region returns when one becomes pending. */
  setIrq(irq: number, on: boolean): void {
    const bit = 1n << BigInt(irq);
    const was = this.mipHw;
    this.mipHw = on ? was | bit : was & ~bit;
    if (on && !(was & bit)) this.requestExit();
  }
}

/** What a hart implements beyond RV64GC + S + U (qemu's `virt` cpu properties). */
export interface HartConfig {
  misa: bigint;
  /** mhpmcounter3.. that exist (qemu's pmu-num) */
  hpmCounters: number;
  /** Sstc: stimecmp */
  sstc: boolean;
}

const ext = (letters: string) => [...letters].reduce((m, ch) => m | (1n << BigInt(ch.charCodeAt(0) - 97)), 0n);

/**
 * qemu-system-riscv64's default `rv64` cpu as firmware probes it: misa rv64imafdcsu plus H
 * (qemu enables the hypervisor extension by default; here H is advertised in misa and its
 * CSRs hold values, but virtualisation itself is not implemented), 16 PMP entries, 16
 * hardware performance counters, Sstc.
 */
export const DEFAULT_HART: HartConfig = { misa: (2n << 62n) | ext('imafdcsuh'), hpmCounters: 16, sstc: true };
