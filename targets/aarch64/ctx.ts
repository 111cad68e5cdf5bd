/**
 * Translation context for one A64 block: register access with the XZR/SP rules of register
 * 31, 32/64-bit operand width, NZCV as four i32 0/1 registers, condition codes, traps
 * (constant folding is the builder's).
 */
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import { ExitKind, type BinOp, type CmpOp, type IrBuilder, type Ty } from '../../src/core/ir.js';
import { CF, NF, SP, VD0, VF, VW0, ZF } from './cpu.js';


export class A64Ctx {
  pc = 0;
  insn = 0;

  constructor(readonly b: IrBuilder) {}

  get next(): number {
    return (this.pc + 4) >>> 0;
  }

  k64(v: bigint | number): number {
    return this.b.k64(v);
  }
  k32(v: number): number {
    return this.b.k32(v);
  }
  /** a constant of width sf (1: i64, 0: i32) */
  kw(sf: number, v: bigint | number): number {
    return sf ? this.k64(v) : this.k32(Number(BigInt.asIntN(32, BigInt(v))));
  }
  cv(t: number): bigint | undefined {
    return this.b.constValue(t);
  }

  /** x register as i64, register 31 = XZR */
  x(r: number): number {
    return r === 31 ? this.k64(0) : this.b.get(r, 'i64');
  }
  /** x register as i64, register 31 = SP */
  xsp(r: number): number {
    return this.b.get(r, 'i64');
  }
  /** operand of width sf: i64 or the low 32 bits as i32 (31 = XZR) */
  w(sf: number, r: number): number {
    if (sf) return this.x(r);
    return r === 31 ? this.k32(0) : this.b.trunc(this.b.get(r, 'i64'));
  }
  /** like w() with 31 = SP */
  wsp(sf: number, r: number): number {
    return sf ? this.xsp(r) : this.b.trunc(this.xsp(r));
  }
  /** write a result of width sf (i32 results are zero-extended); 31 = XZR: dropped */
  setW(r: number, v: number): void {
    if (r === 31) return;
    this.setWsp(r, v);
  }
  /** write a result, 31 = SP */
  setWsp(r: number, v: number): void {
    if (this.b.typeOf(v) === 'i64') {
      this.b.set(r, v);
      return;
    }
    this.b.set(r, this.b.zext(v));
  }

  /** V register views */
  vd(k: number): number {
    return this.b.get(VD0 + 2 * k, 'i64');
  }
  vhi(k: number): number {
    return this.b.get(VD0 + 2 * k + 1, 'i64');
  }
  setVd(k: number, v: number): void {
    this.b.set(VD0 + 2 * k, v);
  }
  setVhi(k: number, v: number): void {
    this.b.set(VD0 + 2 * k + 1, v);
  }
  vw(k: number, j: number): number {
    return this.b.get(VW0 + 4 * k + j, 'i32');
  }
  setVw(k: number, j: number, v: number): void {
    this.b.set(VW0 + 4 * k + j, v);
  }

  /** a binary op / comparison (the builder folds constants and identities) */
  op(op: BinOp, a: number, b: number): number {
    return this.b.bin(op, a, b);
  }
  cmp(op: CmpOp, a: number, b: number): number {
    return this.b.cmp(op, a, b);
  }
  /** the zero of a value's type */
  zero(v: number): number {
    return this.b.typeOf(v) === 'i64' ? this.k64(0) : this.k32(0);
  }

  /** NZCV from a logical result (C = V = 0) */
  flagsLogic(res: number): void {
    const z = this.zero(res);
    this.b.set(NF, this.cmp('lts', res, z));
    this.b.set(ZF, this.cmp('eq', res, z));
    this.b.set(CF, this.k32(0));
    this.b.set(VF, this.k32(0));
  }
  /** a + b + cin with NZCV (cin an i32 0/1 temp); returns the result */
  addWithCarry(a: number, b: number, cin: number, setFlags: boolean): number {
    const ty = this.b.typeOf(a);
    const cc = this.cv(cin);
    let res = this.op('add', a, b);
    if (cc === undefined) res = this.op('add', res, ty === 'i64' ? this.b.zext(cin) : cin);
    else if (cc === 1n) res = this.op('add', res, ty === 'i64' ? this.k64(1) : this.k32(1));
    if (!setFlags) return res;
    const z = this.zero(res);
    this.b.set(NF, this.cmp('lts', res, z));
    this.b.set(ZF, this.cmp('eq', res, z));
    this.b.set(CF, this.b.addc(a, b, cin));
    const v = this.op('and', this.op('xor', a, res), this.op('xor', b, res));
    this.b.set(VF, this.cmp('lts', v, z));
    return res;
  }

  /** a - b with NZCV (C = no borrow: a >= b unsigned) */
  subWithFlags(a: number, b: number): number {
    const res = this.op('sub', a, b);
    const z = this.zero(res);
    this.b.set(NF, this.cmp('lts', res, z));
    this.b.set(ZF, this.cmp('eq', res, z));
    this.b.set(CF, this.cmp('leu', b, a));
    this.b.set(VF, this.cmp('lts', this.op('and', this.op('xor', a, b), this.op('xor', a, res)), z));
    return res;
  }

  /** condition code (0..15) as an i32 0/1 */
  cond(cc: number): number {
    const g = (r: number) => this.b.get(r, 'i32');
    let v: number;
    switch (cc >> 1) {
      case 0: v = g(ZF); break;
      case 1: v = g(CF); break;
      case 2: v = g(NF); break;
      case 3: v = g(VF); break;
      case 4: v = this.b.and(g(CF), this.b.xor(g(ZF), this.k32(1))); break; // HI
      case 5: v = this.b.xor(this.b.xor(g(NF), g(VF)), this.k32(1)); break; // GE
      case 6: v = this.b.and(this.b.xor(this.b.xor(g(NF), g(VF)), this.k32(1)), this.b.xor(g(ZF), this.k32(1))); break; // GT
      default: return this.k32(1); // AL, NV
    }
    return cc & 1 ? this.b.xor(v, this.k32(1)) : v;
  }

  call(name: string, ret: Ty | null, args: number[]): number {
    return this.b.call(name, ret, args);
  }
  /** i64 as (lo, hi) i32 helper arguments */
  pair(v: number): [number, number] {
    return [this.b.trunc(v), this.b.trunc(this.b.bin('shr', v, this.k32(32)))];
  }

  /** end the block with an architectural exception at this instruction (src/core/exceptions.ts) */
  raise(kind: Excp, cause = 0, addr = this.pc, access: Access = Access.Fetch): void {
    this.b.exception(kind, this.pc, cause, addr, access);
  }
  illegal(): void {
    this.raise(Excp.Illegal);
  }
}

/** DecodeBitMasks for logical immediates: the 64-bit (or 32-bit) mask, or undefined if reserved */
export function bitmaskImm(sf: number, n: number, immr: number, imms: number): bigint | undefined {
  const combined = (n << 6) | (~imms & 0x3f);
  if (combined === 0) return undefined;
  let len = 31 - Math.clz32(combined);
  if (len < 1) return undefined;
  if (!sf && n) return undefined;
  const esize = 1 << len;
  const levels = esize - 1;
  const s = imms & levels;
  const r = immr & levels;
  if (s === levels) return undefined;
  const ones = (1n << BigInt(s + 1)) - 1n;
  const emask = (1n << BigInt(esize)) - 1n;
  const elem = r === 0 ? ones : ((ones >> BigInt(r)) | (ones << BigInt(esize - r))) & emask;
  const width = sf ? 64 : 32;
  let out = 0n;
  for (let i = 0; i < width; i += esize) out |= elem << BigInt(i);
  len = 0;
  return BigInt.asIntN(width, out);
}
