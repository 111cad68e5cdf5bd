import type { GuestMemory } from './memory/model.js';

/**
 * The state every target's CPU shares. Registers live in `r` (an Int32Array; a 64-bit
 * register is a lo/hi pair at 2n, 2n+1); `f64` aliases the same bytes for FP helpers.
 * Targets extend this class with their own fields (FP control, reservations, ...).
 */
export class Cpu {
  readonly r: Int32Array;
  readonly f64: Float64Array;
  /** guest program counter (an address below 4 GiB) */
  pc = 0;
  /** high half of an i64 helper result */
  rhi = 0;
  /** blocks left before a compiled function must return to the run loop */
  budget = 0;
  /**
   * Non-zero: a helper, a memory slow path or a device asks the running compiled region to
   * return at its next block boundary (generated code checks it after helper calls and slow
   * paths, clears it and ends the region's budget). Set it with requestExit().
   */
  exitRequest = 0;
  /**
   * The exception that ended the last slice with ExitKind.Exception (src/core/exceptions.ts):
   * its kind (Excp), kind-specific cause, address and access (Access).
   */
  excp = 0;
  excpCause = 0;
  excpAddr = 0;
  excpAccess = 0;
  /** guest instructions retired (approximate: counted per executed block) */
  icount = 0;

  constructor(readonly mem: GuestMemory, nInt32: number) {
    const bytes = Math.ceil(nInt32 / 2) * 8;
    // the memory may want the registers where its compiled code reaches them (a wasm memory)
    const area = (mem as GuestMemory | null)?.regArea?.(bytes); // (unit tests make CPUs with no memory)
    const buf = area?.buffer ?? new ArrayBuffer(bytes);
    const at = area?.byteOffset ?? 0;
    this.r = new Int32Array(buf, at, bytes >>> 2);
    this.f64 = new Float64Array(buf, at, bytes >>> 3);
  }

  /** Ask the running region (if any) to return at its next block boundary, and the run loop to end its slice. */
  requestExit(): void {
    this.exitRequest = 1;
    this.budget = 0;
  }

  /** Read a 64-bit register pair as a signed BigInt. */
  get64(i32index: number): bigint {
    return (BigInt(this.r[i32index + 1]) << 32n) | BigInt(this.r[i32index] >>> 0);
  }
  set64(i32index: number, v: bigint): void {
    this.r[i32index] = Number(BigInt.asIntN(32, v));
    this.r[i32index + 1] = Number(BigInt.asIntN(32, v >> 32n));
  }
  /** A 64-bit register as a JS number (exact below 2^53 in magnitude). */
  getNum(i32index: number): number {
    return this.r[i32index + 1] * 4294967296 + (this.r[i32index] >>> 0);
  }
  setNum(i32index: number, v: number): void {
    this.r[i32index] = v | 0;
    this.r[i32index + 1] = Math.floor(v / 4294967296) | 0;
  }

  /**
   * A copy of the whole register state (a guest thread's context, or a forked child's):
   * the register file (FP and vector registers included) plus every numeric field, so a
   * target subclass's own state (FP control, exclusive monitor, ...) comes along without
   * a list to keep up to date.
   */
  saveState(): CpuState {
    const fields: Record<string, number> = {};
    for (const [k, v] of Object.entries(this)) if (typeof v === 'number') fields[k] = v;
    return { r: this.r.slice(), pc: this.pc, fields };
  }
  restoreState(s: CpuState): void {
    this.r.set(s.r);
    const self = this as unknown as Record<string, number>;
    for (const [k, v] of Object.entries(s.fields)) self[k] = v;
    this.pc = s.pc;
    this.clearExclusive();
  }
  /** Forget an LL/SC or LDREX reservation (a context switch does, as on Linux). */
  clearExclusive(): void {}
}

/** Saved register state (Cpu.saveState). */
export interface CpuState {
  r: Int32Array;
  pc: number;
  fields: Record<string, number>;
}
