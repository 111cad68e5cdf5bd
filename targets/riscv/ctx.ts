/**
 * Translation context for one RISC-V block: IR emission helpers shared by the trans-*.ts
 * handlers (register access with x0 rules, trivial constant folding, traps).
 */
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import { ExitKind, type BinOp, type CmpOp, type IrBuilder, type Ty } from '../../src/core/ir.js';
import { F0 } from './cpu.js';


export class RvCtx {
  /** address of the instruction being translated, and its length in bytes (2 or 4) */
  pc = 0;
  len = 4;
  /** values of the constant temps created through k32/k64 (for folding) */

  constructor(readonly b: IrBuilder) {}

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
  private kOf(ty: Ty, v: bigint): number {
    return ty === 'i64' ? this.k64(v) : this.k32(Number(BigInt.asIntN(32, v)));
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
    const c = this.cv(v);
    this.b.set(r, c !== undefined ? this.k64(c) : this.b.sext(v));
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

  /** a binary op with trivial folding (constants, identities) */
  op(op: BinOp, a: number, b: number): number {
    const ty = this.b.typeOf(a);
    const ca = this.cv(a);
    const cb = this.cv(b);
    const bits = ty === 'i64' ? 64 : 32;
    const wrap = (v: bigint) => BigInt.asIntN(bits, v);
    const sh = () => Number(cb! & BigInt(bits - 1));
    switch (op) {
      case 'add': case 'or': case 'xor':
        if (cb === 0n) return a;
        if (ca === 0n) return b;
        break;
      case 'sub':
        if (cb === 0n) return a;
        if (ca === 0n && cb === undefined) return this.b.neg(b);
        break;
      case 'and':
        if (ca === 0n || cb === 0n) return this.kOf(ty, 0n);
        if (cb === -1n) return a;
        if (ca === -1n) return b;
        break;
      case 'shl': case 'shr': case 'sar':
        if (ca === 0n || (cb !== undefined && sh() === 0)) return a;
        break;
      case 'mul':
        if (ca === 0n || cb === 0n) return this.kOf(ty, 0n);
        break;
      default: break;
    }
    if (ca !== undefined && cb !== undefined) {
      const ua = BigInt.asUintN(bits, ca);
      switch (op) {
        case 'add': return this.kOf(ty, wrap(ca + cb));
        case 'sub': return this.kOf(ty, wrap(ca - cb));
        case 'and': return this.kOf(ty, ca & cb);
        case 'or': return this.kOf(ty, ca | cb);
        case 'xor': return this.kOf(ty, ca ^ cb);
        case 'shl': return this.kOf(ty, wrap(ca << BigInt(sh())));
        case 'shr': return this.kOf(ty, wrap(ua >> BigInt(sh())));
        case 'sar': return this.kOf(ty, ca >> BigInt(sh()));
        default: break;
      }
    }
    return this.b.bin(op, a, b);
  }

  /** a comparison (i32 0/1), folded on constants */
  cmp(op: CmpOp, a: number, b: number): number {
    const ca = this.cv(a);
    const cb = this.cv(b);
    if (ca !== undefined && cb !== undefined) {
      const bits = this.b.typeOf(a) === 'i64' ? 64 : 32;
      const ua = BigInt.asUintN(bits, ca);
      const ub = BigInt.asUintN(bits, cb);
      const r = { eq: ca === cb, ne: ca !== cb, lts: ca < cb, ltu: ua < ub, les: ca <= cb, leu: ua <= ub }[op];
      return this.k32(r ? 1 : 0);
    }
    return this.b.cmp(op, a, b);
  }

  /** i32 0/1 -> i64 */
  bool64(c: number): number {
    const v = this.cv(c);
    return v !== undefined ? this.k64(v) : this.b.zext(c);
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
