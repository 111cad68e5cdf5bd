/**
 * Translation context for one RISC-V block: IR emission helpers shared by the trans-*.ts
 * handlers (register access with x0 rules, traps). Constant folding is the builder's.
 */
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import { ExitKind, type BinOp, type CmpOp, type IrBuilder, type Ty } from '../../src/core/ir.js';
import { F0 } from './cpu.js';

/** translation-mode bit of a system-mode hart (its privilege level is in bits 0-1) */
export const SYS_MODE = 0x10;


export class RvCtx {
  /** address of the instruction being translated, and its length in bytes (2 or 4) */
  pc = 0;
  len = 4;

  /**
   * System mode (bit SYS_MODE of the translation mode, targets/riscv/priv/): privileged
   * instructions and every CSR go to the privileged helpers; user mode leaves it false.
   */
  readonly sys: boolean;

  constructor(readonly b: IrBuilder, mode = 0) {
    this.sys = (mode & SYS_MODE) !== 0;
  }

  /** address of the next instruction */
  get next(): number {
    return (this.pc + this.len) >>> 0;
  }

  /** an i64 constant (one temp per value per block: the block is straight-line SSA) */
  k64(v: bigint | number): number {
    return this.b.k64(v);
  }
  k32(v: number): number {
    return this.b.k32(v);
  }
  /** the value of a constant temp, if it is one */
  cv(t: number): bigint | undefined {
    return this.b.constValue(t);
  }

  /** x register as i64 (x0 reads as 0) */
  x(r: number): number {
    return r === 0 ? this.k64(0) : this.b.get(r, 'i64');
  }
  /** low 32 bits of an x register as i32 */
  x32(r: number): number {
    return r === 0 ? this.k32(0) : this.b.trunc(this.b.get(r, 'i64'));
  }
  /** write an i64 to an x register (writes to x0 are dropped) */
  setX(r: number, v: number): void {
    if (r !== 0) this.b.set(r, v);
  }
  /** write an i32 to an x register, sign-extended */
  setX32(r: number, v: number): void {
    if (r === 0) return;
    this.b.set(r, this.b.sext(v));
  }
  /** f register bits (i64) */
  f(r: number): number {
    return this.b.get(F0 + r, 'i64');
  }
  setF(r: number, v: number): void {
    this.b.set(F0 + r, v);
  }

  /** guest address rs1 + imm as i32 (addresses are the low 32 bits) */
  addr(rs1: number, imm: number): number {
    if (rs1 === 0) return this.k32(imm);
    const base = this.x32(rs1);
    return imm === 0 ? base : this.b.add(base, this.k32(imm));
  }

  /** a binary op (the builder folds constants and identities) */
  op(op: BinOp, a: number, b: number): number {
    return this.b.bin(op, a, b);
  }
  /** a comparison (i32 0/1) */
  cmp(op: CmpOp, a: number, b: number): number {
    return this.b.cmp(op, a, b);
  }

  /** i32 0/1 -> i64 */
  bool64(c: number): number {
    return this.b.zext(c);
  }

  /** a helper call; i32 constants are made from plain numbers */
  call(name: string, ret: Ty | null, args: number[]): number {
    return this.b.call(name, ret, args);
  }

  /** end the block with an architectural exception at this instruction (src/core/exceptions.ts) */
  raise(kind: Excp, cause = 0, addr = this.pc, access: Access = Access.Fetch): void {
    this.b.exception(kind, this.pc, cause, addr, access);
  }
  illegal(): void {
    this.raise(Excp.Illegal);
  }
}
