/**
 * Translation context for one x86 block: operand access by size (partial registers: 8- and
 * 16-bit writes merge, 32-bit writes zero-extend), effective addresses (segment bases of
 * %fs/%gs, RIP-relative), the stack, and the lazy flags (flags.ts). A value of size 1, 2 or
 * 4 is an i32 temp holding the zero-extended value; size 8 is an i64 temp.
 */
import { Access, Excp } from '../../src/core/exceptions.js';
import type { IrBuilder, Ty } from '../../src/core/ir.js';
import { CC_DST, CC_OP, CC_SRC, CC_SRC2, FS_BASE, GS_BASE } from './cpu.js';
import { RIP, type Insn, type Mem, type Operand } from './decode.js';
import { ccCode, CcOp, FlagEval, type CcState } from './flags.js';

export const RSP = 4;

export class X86Ctx {
  pc = 0;
  len = 0;
  insn!: Insn;
  /** what is known of the flags in this block (undefined: read them from CC_*) */
  cc: CcState | undefined;

  constructor(readonly b: IrBuilder, readonly bits: 32 | 64) {}

  get next(): number { return (this.pc + this.len) >>> 0; }
  /** the word size (stack slots, addresses): 8 or 4 */
  get word(): number { return this.bits === 64 ? 8 : 4; }

  ty(size: number): Ty { return size === 8 ? 'i64' : 'i32'; }
  k(size: number, v: number | bigint): number {
    return size === 8 ? this.b.k64(v) : this.b.k32(Number(BigInt.asUintN(size * 8, BigInt(v))) | 0);
  }
  /** bring a value to the sized representation (zero-extended in an i32 below 8 bytes) */
  fit(size: number, v: number): number {
    const b = this.b;
    if (size === 8) return b.typeOf(v) === 'i64' ? v : b.zext(v);
    const w = b.typeOf(v) === 'i64' ? b.trunc(v) : v;
    return size === 4 ? w : b.zextb(w, size * 8);
  }
  /** sign-extend a sized value to `to` bytes */
  sext(size: number, v: number, to: number): number {
    const b = this.b;
    if (size === to) return v;
    const w = size < 4 ? b.sextb(v, size * 8) : v;
    if (to === 8) return b.typeOf(w) === 'i64' ? w : b.sext(w);
    return this.fit(to, w);
  }
  zext(size: number, v: number, to: number): number {
    if (size === to) return v;
    return to === 8 ? (this.b.typeOf(v) === 'i64' ? v : this.b.zext(v)) : this.fit(to, v);
  }

  // ---- registers
  reg(size: number, r: number, high = false): number {
    const b = this.b;
    const full = b.get(r, 'i64');
    if (size === 8) return full;
    const lo = b.trunc(full);
    if (size === 4) return lo;
    if (high) return b.extract(lo, 8, 8);
    return b.zextb(lo, size * 8);
  }
  setReg(size: number, r: number, v: number, high = false): void {
    const b = this.b;
    if (size === 8) { b.set(r, this.fit(8, v)); return; }
    if (size === 4) { b.set(r, b.zext(this.fit(4, v))); return; }
    b.set(r, b.deposit(b.get(r, 'i64'), this.fit(4, v), high ? 8 : 0, size * 8));
  }
  /** the full-width register as an address-sized i32 (addresses are the low 32 bits) */
  reg32(r: number): number { return this.b.trunc(this.b.get(r, 'i64')); }

  // ---- memory
  /** effective address: i32 (for accesses) or, with wide, an i64 (lea with 64-bit operand) */
  ea(m: Mem, wide = false): number {
    const b = this.b;
    if (m.base === RIP) {
      const a = (this.next + m.disp) >>> 0;
      return wide ? b.k64(a) : b.k32(a);
    }
    const w = wide && !m.addr32;
    const get = (r: number) => (w ? b.get(r, 'i64') : this.reg32(r));
    let a = m.base >= 0 ? get(m.base) : -1;
    if (m.index >= 0) {
      let ix = get(m.index);
      if (m.scale > 1) ix = b.bin('shl', ix, b.k32(Math.log2(m.scale)));
      a = a < 0 ? ix : b.add(a, ix);
    }
    const disp = w ? b.k64(m.disp) : b.k32(m.disp);
    a = a < 0 ? disp : b.add(a, disp);
    if (m.seg === 4 || m.seg === 5) {
      const base = b.get(m.seg === 4 ? FS_BASE : GS_BASE, 'i64');
      a = b.add(a, w ? base : b.trunc(base));
    }
    if (wide && !w) a = b.zext(a);
    return a;
  }
  load(size: number, addr: number): number {
    return this.b.load(this.ty(size), size, false, addr);
  }
  store(size: number, addr: number, v: number): void {
    this.b.store(size, addr, v);
  }

  // ---- operands
  read(o: Operand): number {
    switch (o.k) {
      case 'reg': return this.reg(o.size, o.reg, o.high);
      case 'mem': return this.load(o.size, this.ea(o.mem));
      case 'imm': return this.k(o.size, o.imm);
      case 'one': return this.b.k32(1);
      default: throw new Error(`x86: read of a ${o.k} operand`);
    }
  }
  write(o: Operand, v: number, addr?: number): void {
    switch (o.k) {
      case 'reg': this.setReg(o.size, o.reg, v, o.high); return;
      case 'mem': this.store(o.size, addr ?? this.ea(o.mem), this.fit(o.size, v)); return;
      default: throw new Error(`x86: write of a ${o.k} operand`);
    }
  }
  /** read-modify-write: the operand's value, and a writer that reuses the address */
  rmw(o: Operand): { v: number; put: (v: number) => void } {
    if (o.k === 'mem') {
      const a = this.ea(o.mem);
      return { v: this.load(o.size, a), put: (v) => this.store(o.size, a, this.fit(o.size, v)) };
    }
    return { v: this.read(o), put: (v) => this.write(o, v) };
  }

  // ---- stack
  push(v: number): void {
    const b = this.b;
    const sp = b.sub(b.get(RSP, 'i64'), b.k64(this.word));
    this.store(this.word, b.trunc(sp), this.fit(this.word, v));
    b.set(RSP, sp);
  }
  pop(): number {
    const b = this.b;
    const sp = b.get(RSP, 'i64');
    const v = this.load(this.word, b.trunc(sp));
    b.set(RSP, b.add(sp, b.k64(this.word)));
    return v;
  }

  // ---- flags
  /** record a flag-setting operation (values of the operation's size) */
  setCc(op: CcOp, size: number, dst: number, src = -1, src2 = -1): void {
    const b = this.b;
    const k0 = this.k(size, 0);
    const s: CcState = { op, size, dst, src: src < 0 ? k0 : src, src2: src2 < 0 ? k0 : src2 };
    b.set(CC_OP, b.k32(ccCode(op, size)));
    b.set(CC_DST, this.fit(8, s.dst));
    b.set(CC_SRC, this.fit(8, s.src));
    if (op === CcOp.SUB || op === CcOp.ADC || op === CcOp.SBB) b.set(CC_SRC2, this.fit(8, s.src2));
    this.cc = s;
  }
  /** the flags as EFLAGS bits (i32), recorded so later reads use it */
  setEflags(v: number): void {
    this.setCc(CcOp.EFLAGS, 4, this.b.k32(0), v);
  }
  /** the flag evaluator for the current state (from the CC registers when unknown here) */
  flags(): FlagEval {
    if (!this.cc) {
      const b = this.b;
      const f = b.call('x86_eflags', 'i32', [b.get(CC_OP, 'i32'), b.get(CC_DST, 'i64'), b.get(CC_SRC, 'i64'), b.get(CC_SRC2, 'i64')]);
      this.cc = { op: CcOp.EFLAGS, size: 4, dst: b.k32(0), src: f, src2: b.k32(0) };
    }
    return new FlagEval(this.b, this.cc);
  }
  cond(cc: number): number { return this.flags().cond(cc); }
  /** forget what is known (after a label: temps of skipped code read as 0) */
  forget(): void { this.cc = undefined; }
  label(l: number): void { this.b.setLabel(l); this.forget(); }

  raise(kind: Excp, cause = 0, addr = this.pc, access: Access = Access.Fetch): void {
    this.b.exception(kind, this.pc, cause, addr, access);
  }
  illegal(): void { this.raise(Excp.Illegal); }
}
