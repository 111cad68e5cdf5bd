/**
 * Translation context for one ARM/Thumb block: register access with the pc rules, the
 * condition of the current instruction, flags, the barrel shifter and the operations A32 and
 * T32 share (data processing, loads and stores, load/store multiple). The trans-*.ts
 * handlers only pick fields and call these.
 *
 * Conditional execution: a block is straight-line IR, so an instruction whose condition is
 * not AL (an A32 cond field, or a Thumb instruction inside an IT block) computes its results
 * and writes each register as `select(cond, new, old)`; each of its memory accesses is a
 * plain load or store skipped by a forward branch (brcond) when the condition fails (a
 * skipped load's value reads as 0 and is never selected); a pc write becomes an indirect
 * jump to `cond ? target : next`.
 */
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import { ExitKind, type BinOp, type CmpOp, type IrBuilder } from '../../src/core/ir.js';
import { CF, D0, NF, R_PC, VF, ZF } from './cpu.js';


/** data-processing operations: the A32 opcode numbers, plus ORN (T32 only) */
export const enum Dp {
  AND = 0, EOR, SUB, RSB, ADD, ADC, SBC, RSC, TST, TEQ, CMP, CMN, ORR, MOV, BIC, MVN, ORN,
}

/** shift types as encoded */
export const enum Sh { LSL = 0, LSR = 1, ASR = 2, ROR = 3 }

export interface Shifted {
  v: number;
  /** shifter carry out (a temp), or -1 when the C flag is left alone */
  c: number;
}

export class ArmCtx {
  /** address of the instruction (without the Thumb bit) and its length */
  pc = 0;
  len = 4;
  /** the instruction's bits (T32: hw1 << 16 | hw2) */
  raw = 0;
  readonly thumb: boolean;
  /** condition of the current instruction: an i32 0/1 temp, or -1 for "always" */
  cond = -1;
  /** ITSTATE (firstcond:mask) for Thumb, 0 outside an IT block */
  it = 0;
  /** ITSTATE set by an IT instruction for the instructions after it (-1: none) */
  itNext = -1;

  constructor(readonly b: IrBuilder, thumb: boolean) {
    this.thumb = thumb;
  }

  /** the cache key (pc with the Thumb bit) of the next instruction */
  get next(): number {
    return ((this.pc + this.len) | (this.thumb ? 1 : 0)) >>> 0;
  }
  /** value of the pc register as instructions read it */
  get pcValue(): number {
    return (this.pc + (this.thumb ? 4 : 8)) >>> 0;
  }

  k32(v: number): number {
    return this.b.k32(v);
  }
  cv(t: number): number | undefined {
    const v = this.b.constValue(t);
    return v === undefined ? undefined : Number(v);
  }

  // ---- registers ----
  reg(n: number): number {
    return n === R_PC ? this.k32(this.pcValue) : this.b.get(n, 'i32');
  }
  /** pc aligned down to a word (literal loads, ADR) */
  pcAligned(): number {
    return this.k32(this.pcValue & ~3);
  }
  /** write a register (not pc) honouring the condition */
  setReg(n: number, v: number): void {
    if (this.cond >= 0) v = this.b.select(this.cond, v, this.b.get(n, 'i32'));
    this.b.set(n, v);
  }
  /** write r<n>; pc writes branch (interworking as BX when `bx`, else staying in this state) */
  writeReg(n: number, v: number, bx: boolean): void {
    if (n === R_PC) this.writePc(v, bx);
    else this.setReg(n, v);
  }
  d(k: number): number {
    return this.b.get(D0 + k, 'i64');
  }
  setD(k: number, v: number): void {
    if (this.cond >= 0) v = this.b.select(this.cond, v, this.b.get(D0 + k, 'i64'));
    this.b.set(D0 + k, v);
  }

  // ---- control flow ----
  /** branch to a constant target key (Thumb bit included) */
  branch(target: number): void {
    if (this.cond >= 0) this.b.br(this.cond, target >>> 0, this.next);
    else this.b.jmp(target >>> 0);
  }
  /** indirect branch: bx gives BX semantics (bit 0 selects Thumb), else stay in this state */
  writePc(v: number, bx: boolean): void {
    let key: number;
    if (bx) {
      const c = this.cv(v);
      if (c !== undefined) key = this.k32(c & 1 ? c : c & ~3);
      else key = this.b.select(this.op('and', v, this.k32(1)), v, this.op('and', v, this.k32(~3)));
    } else {
      key = this.thumb ? this.op('or', v, this.k32(1)) : this.op('and', v, this.k32(~3));
    }
    if (this.cond >= 0) key = this.b.select(this.cond, key, this.k32(this.next));
    this.b.jind(key);
  }

  // ---- arithmetic (the builder folds constants and identities) ----
  op(op: BinOp, a: number, b: number): number {
    return this.b.bin(op, a, b);
  }
  cmp(op: CmpOp, a: number, b: number): number {
    return this.b.cmp(op, a, b);
  }
  not(a: number): number {
    return this.b.not(a);
  }
  /** 1 - a for a 0/1 value */
  inv(a: number): number {
    return this.op('xor', a, this.k32(1));
  }

  // ---- flags and conditions ----
  flag(f: number): number {
    return this.b.get(f, 'i32');
  }
  setFlag(f: number, v: number): void {
    this.setReg(f, v);
  }
  setNZ(r: number): void {
    this.setFlag(NF, this.op('shr', r, this.k32(31)));
    this.setFlag(ZF, this.cmp('eq', r, this.k32(0)));
  }
  /** the 0/1 value of an A32 condition code (14 and 15 give 1) */
  condition(c: number): number {
    const b = this.b;
    let v: number;
    switch (c >> 1) {
      case 0: v = this.flag(ZF); break;
      case 1: v = this.flag(CF); break;
      case 2: v = this.flag(NF); break;
      case 3: v = this.flag(VF); break;
      case 4: v = b.and(this.flag(CF), this.inv(this.flag(ZF))); break;
      case 5: v = b.cmp('eq', this.flag(NF), this.flag(VF)); break;
      case 6: v = b.and(this.inv(this.flag(ZF)), b.cmp('eq', this.flag(NF), this.flag(VF))); break;
      default: return this.k32(1);
    }
    return c & 1 ? this.inv(v) : v;
  }

  /** x + y + cin with the flags of AddWithCarry; cin is a 0/1 temp */
  addc(x: number, y: number, cin: number, setFlags: boolean): number {
    const r = this.op('add', this.op('add', x, y), cin);
    if (setFlags) {
      const c = this.b.addc(x, y, cin);
      const v = this.op('shr', this.op('and', this.op('xor', x, r), this.op('xor', y, r)), this.k32(31));
      this.setNZ(r);
      this.setFlag(CF, c);
      this.setFlag(VF, v);
    }
    return r;
  }

  // ---- shifter ----
  /** shift by an immediate as encoded (imm5 = 0 means 32 for LSR/ASR and RRX for ROR) */
  shiftImm(v: number, type: number, imm5: number, wantCarry: boolean): Shifted {
    const k = (n: number) => this.k32(n);
    const bit = (x: number, n: number) => this.op('and', this.op('shr', x, k(n)), k(1));
    switch (type) {
      case Sh.LSL:
        if (imm5 === 0) return { v, c: -1 };
        return { v: this.op('shl', v, k(imm5)), c: wantCarry ? bit(v, 32 - imm5) : -1 };
      case Sh.LSR:
        if (imm5 === 0) return { v: k(0), c: wantCarry ? bit(v, 31) : -1 };
        return { v: this.op('shr', v, k(imm5)), c: wantCarry ? bit(v, imm5 - 1) : -1 };
      case Sh.ASR: {
        const n = imm5 === 0 ? 32 : imm5;
        return { v: this.op('sar', v, k(Math.min(n, 31))), c: wantCarry ? bit(v, n - 1) : -1 };
      }
      default: {
        if (imm5 === 0) {
          const r = this.op('or', this.op('shl', this.flag(CF), k(31)), this.op('shr', v, k(1)));
          return { v: r, c: wantCarry ? this.op('and', v, k(1)) : -1 };
        }
        const r = this.b.rotr(v, k(imm5));
        return { v: r, c: wantCarry ? this.op('shr', r, k(31)) : -1 };
      }
    }
  }
  /** shift by the bottom byte of a register */
  shiftReg(v: number, type: number, rs: number, wantCarry: boolean): Shifted {
    const amt = this.op('and', rs, this.k32(255));
    const small = this.cmp('ltu', amt, this.k32(32));
    let r: number;
    switch (type) {
      case Sh.LSL: r = this.b.select(small, this.b.bin('shl', v, amt), this.k32(0)); break;
      case Sh.LSR: r = this.b.select(small, this.b.bin('shr', v, amt), this.k32(0)); break;
      case Sh.ASR: r = this.b.bin('sar', v, this.b.select(small, amt, this.k32(31))); break;
      default: r = this.b.rotr(v, amt); // the amount is masked by the width
    }
    const c = wantCarry ? this.b.call('arm_shc', 'i32', [v, this.k32(type), amt, this.flag(CF)]) : -1;
    return { v: r, c };
  }
  /** an expanded modified immediate with its carry (A32 rotation or T32 ThumbExpandImm) */
  immCarry(value: number, rotated: boolean, wantCarry: boolean): Shifted {
    return { v: this.k32(value), c: wantCarry && rotated ? this.k32(value >>> 31) : -1 };
  }

  // ---- data processing ----
  /**
   * One data-processing operation. `op2` is the shifter operand, with its carry for the
   * logical operations. A result written to pc branches (BX-like in ARM state).
   */
  dp(op: Dp, s: boolean, rd: number, rn: number, op2: Shifted): void {
    const k = (n: number) => this.k32(n);
    const x = op === Dp.MOV || op === Dp.MVN ? k(0) : this.reg(rn);
    const y = op2.v;
    const test = op === Dp.TST || op === Dp.TEQ || op === Dp.CMP || op === Dp.CMN;
    // S with a pc destination is an exception return (not in user mode): no flags
    const flags = s && (test || rd !== R_PC);
    let r: number;
    let logical = true;
    switch (op) {
      case Dp.AND: case Dp.TST: r = this.op('and', x, y); break;
      case Dp.EOR: case Dp.TEQ: r = this.op('xor', x, y); break;
      case Dp.ORR: r = this.op('or', x, y); break;
      case Dp.ORN: r = this.op('or', x, this.not(y)); break;
      case Dp.MOV: r = y; break;
      case Dp.BIC: r = this.op('and', x, this.not(y)); break;
      case Dp.MVN: r = this.not(y); break;
      default: {
        logical = false;
        switch (op) {
          case Dp.SUB: case Dp.CMP: r = this.addc(x, this.not(y), k(1), flags); break;
          case Dp.RSB: r = this.addc(y, this.not(x), k(1), flags); break;
          case Dp.ADD: case Dp.CMN: r = this.addc(x, y, k(0), flags); break;
          case Dp.ADC: r = this.addc(x, y, this.flag(CF), flags); break;
          case Dp.SBC: r = this.addc(x, this.not(y), this.flag(CF), flags); break;
          default: r = this.addc(y, this.not(x), this.flag(CF), flags); break; // RSC
        }
      }
    }
    if (logical && flags) {
      this.setNZ(r);
      if (op2.c >= 0) this.setFlag(CF, op2.c);
    }
    if (test) return;
    this.writeReg(rd, r, !this.thumb);
  }

  // ---- memory ----
  /** emit `access` so that it runs only when the instruction's condition holds */
  private guarded<T>(access: () => T): T {
    if (this.cond < 0) return access();
    const skip = this.b.newLabel();
    this.b.brcond(this.cond, skip, true);
    const r = access();
    this.b.setLabel(skip);
    return r;
  }
  /** `word`: the instruction requires a word-aligned address (LDRD/STRD, LDM/STM, VLDR/VLDM): alignment fault otherwise */
  load(size: number, signed: boolean, addr: number, word = false): number {
    return this.guarded(() => this.b.load('i32', size, signed, addr, word ? 4 : 0));
  }
  store(size: number, addr: number, v: number, word = false): void {
    this.guarded(() => this.b.store(size, addr, v, word ? 4 : 0));
  }
  /**
   * 8-byte D-register transfers (word-aligned addresses required) are helper calls even when unconditional: inline they bloat
   * copy loops past what V8 optimises (see helpers-neon-ldst.ts)
   */
  load64(addr: number): number {
    return this.guarded(() => this.b.call('arm_ld64', 'i64', [addr]));
  }
  store64(addr: number, v: number): void {
    this.guarded(() => this.b.call('arm_st64', null, [addr, v]));
  }

  /** base register value for addressing (pc reads as Align(pc, 4)) */
  base(rn: number): number {
    return rn === R_PC ? this.pcAligned() : this.reg(rn);
  }

  /**
   * LDR/STR family: size 1/2/4, offset temp added (u) or subtracted, pre-indexed (p) or not,
   * writeback (w; post-indexed always writes back).
   */
  ldst(load: boolean, size: number, signed: boolean, rt: number, rn: number, off: number, p: boolean, u: boolean, w: boolean): void {
    const base = this.base(rn);
    const offAddr = u ? this.op('add', base, off) : this.op('sub', base, off);
    const addr = p ? offAddr : base;
    if (load) {
      const v = this.load(size, signed, addr);
      if (w || !p) this.setReg(rn, offAddr);
      this.writeReg(rt, v, true);
    } else {
      const v = this.reg(rt);
      this.store(size, addr, v);
      if (w || !p) this.setReg(rn, offAddr);
    }
  }

  /** LDRD/STRD */
  ldstd(load: boolean, rt: number, rt2: number, rn: number, off: number, p: boolean, u: boolean, w: boolean): void {
    const base = this.base(rn);
    const offAddr = u ? this.op('add', base, off) : this.op('sub', base, off);
    const addr = p ? offAddr : base;
    const a2 = this.op('add', addr, this.k32(4));
    if (load) {
      const v1 = this.load(4, false, addr, true);
      const v2 = this.load(4, false, a2, true);
      if (w || !p) this.setReg(rn, offAddr);
      this.writeReg(rt, v1, true);
      this.writeReg(rt2, v2, true);
    } else {
      const v1 = this.reg(rt);
      const v2 = this.reg(rt2);
      this.store(4, addr, v1, true);
      this.store(4, a2, v2, true);
      if (w || !p) this.setReg(rn, offAddr);
    }
  }

  /** LDM/STM: `before` = the address steps before each access (IB/DB), `inc` = upwards */
  ldm(load: boolean, rn: number, list: number, inc: boolean, before: boolean, w: boolean): boolean {
    if (list === 0) return false;
    let n = 0;
    for (let i = 0; i < 16; i++) if (list & (1 << i)) n++;
    const base = this.reg(rn);
    let start: number;
    if (inc) start = before ? 4 : 0;
    else start = before ? -4 * n : -4 * n + 4;
    const end = this.op('add', base, this.k32(inc ? 4 * n : -4 * n));
    let off = start;
    let pcVal = -1;
    const loaded: Array<[number, number]> = [];
    for (let i = 0; i < 16; i++) {
      if (!(list & (1 << i))) continue;
      const a = this.op('add', base, this.k32(off));
      if (load) {
        const v = this.load(4, false, a, true);
        if (i === R_PC) pcVal = v;
        else loaded.push([i, v]);
      } else {
        this.store(4, a, this.reg(i), true);
      }
      off += 4;
    }
    if (w && !(load && list & (1 << rn))) this.setReg(rn, end);
    for (const [i, v] of loaded) this.setReg(i, v);
    if (pcVal >= 0) this.writePc(pcVal, true);
    return true;
  }

  // ---- traps ----
  /** end the block with an architectural exception at this instruction (src/core/exceptions.ts) */
  raise(kind: Excp, cause = 0, addr = this.pc, access: Access = Access.Fetch): void {
    this.b.exception(kind, (this.pc | (this.thumb ? 1 : 0)) >>> 0, cause, addr, access);
  }
  illegal(): void {
    this.raise(Excp.Illegal);
  }
}
