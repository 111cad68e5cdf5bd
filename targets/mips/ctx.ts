/**
 * Translation context for one MIPS block: register access with the $0 rule and the width
 * rules (MIPS32: i32 registers; MIPS64: i64 registers whose 32-bit results are sign-extended),
 * addresses, traps. Constant folding is the builder's.
 */
import { Access, Excp } from '../../src/core/exceptions.js';
import type { BinOp, CmpOp, IrBuilder, Ty } from '../../src/core/ir.js';
import type { GuestMemory } from '../../src/core/memory/model.js';
import { F0 } from './cpu.js';

export class MipsCtx {
  /** address of the instruction being translated */
  pc = 0;
  /** translating a branch's delay slot (a branch there is a reserved instruction) */
  inDelay = false;
  /** Status.FR (the translation mode): 64-bit FP registers */
  fr = 0;
  /** the register type: i64 on MIPS64 */
  readonly ty: Ty;

  constructor(
    readonly b: IrBuilder,
    readonly mem: GuestMemory,
    readonly is64: boolean,
    readonly little: boolean,
    /** translate the instruction at pc as a delay slot (translate.ts) */
    readonly delaySlot: (c: MipsCtx, pc: number) => boolean,
  ) {
    this.ty = is64 ? 'i64' : 'i32';
  }

  k32(v: number): number {
    return this.b.k32(v);
  }
  /** a constant of the register width (sign-extended from a JS int32 or exact bigint) */
  kw(v: number | bigint): number {
    return this.is64 ? this.b.k64(v) : this.b.k32(Number(BigInt.asIntN(32, BigInt(v))));
  }
  /** the value of a constant temp, if it is one */
  cv(t: number): bigint | undefined {
    return this.b.constValue(t);
  }

  /** a GPR at the register width ($0 reads as 0) */
  g(r: number): number {
    return r === 0 ? this.kw(0) : this.b.get(r, this.ty);
  }
  /** the low 32 bits of a GPR */
  g32(r: number): number {
    if (r === 0) return this.k32(0);
    const v = this.b.get(r, this.ty);
    return this.is64 ? this.b.trunc(v) : v;
  }
  /** write a register-width value (writes to $0 are dropped) */
  set(r: number, v: number): void {
    if (r !== 0) this.b.set(r, v);
  }
  /** write a 32-bit result (sign-extended on MIPS64) */
  set32(r: number, v: number): void {
    if (r === 0) return;
    this.b.set(r, this.is64 ? this.b.sext(v) : v);
  }
  /** an i32 as a register-width value, sign-extended */
  w(v: number): number {
    return this.is64 ? this.b.sext(v) : v;
  }
  /** HI/LO and other non-GPR registers at the register width */
  reg(r: number): number {
    return this.b.get(r, this.ty);
  }
  /** f register bits (i64) */
  f(r: number): number {
    return this.b.get(F0 + r, 'i64');
  }
  setF(r: number, v: number): void {
    this.b.set(F0 + r, v);
  }

  /** guest address base + imm as i32 (addresses are the low 32 bits) */
  addr(base: number, imm: number): number {
    if (base === 0) return this.k32(imm);
    const v = this.g32(base);
    return imm === 0 ? v : this.b.add(v, this.k32(imm));
  }

  op(op: BinOp, a: number, b: number): number {
    return this.b.bin(op, a, b);
  }
  cmp(op: CmpOp, a: number, b: number): number {
    return this.b.cmp(op, a, b);
  }
  call(name: string, ret: Ty | null, args: number[]): number {
    return this.b.call(name, ret, args);
  }

  /** end the block with an architectural exception at this instruction */
  raise(kind: Excp, cause = 0, addr = this.pc, access: Access = Access.Fetch): void {
    this.b.exception(kind, this.pc, cause, addr, access);
  }
  illegal(): void {
    this.raise(Excp.Illegal);
  }
}
