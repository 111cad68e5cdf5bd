/**
 * The polyemu IR: one small typed, SSA-like instruction list per guest basic block.
 *
 * A frontend (targets/<arch>) decodes guest instructions and emits IR through `IrBuilder`;
 * the backend (src/backend) turns a set of blocks into one JavaScript function. Frontends
 * never see how values are represented in JS, and the backend knows nothing about any ISA.
 *
 * Values are numbered temporaries, each written once, with a type:
 *   i32  a 32-bit integer (sign does not matter; operations say how they interpret it)
 *   i64  a 64-bit integer
 *   f64  an IEEE double held as a JS number (rarely used: most FP goes through helpers
 *        that operate on the register bits, so NaN payloads and flags stay exact)
 *
 * Guest state is reached with `get`/`set` on register numbers described by the target's
 * `RegFile` (see targets/target.ts). "Cached" registers live in JS locals inside a compiled
 * function and are written back at its exits; the others are read and written in
 * `cpu.r` (an Int32Array, i64 registers as lo/hi pairs) every time.
 *
 * Operations (d = destination temp, a/b/c = source temps):
 *   const   d = imm                         (i32: number, i64: bigint)
 *   get     d = reg                         set   reg = a
 *   discard reg: its value is dead from here (a later get reads an unspecified value)
 *   add sub mul and or xor                  same type in and out
 *   shl shr sar rotl rotr                   b is the shift amount (i32), masked by the width
 *   clz ctz popcnt bswap                    same type in and out (clz/ctz of 0 = the width)
 *   extract d = bits [imm, imm+imm2) of a, zero-extended (sign-extended when `signed`)
 *   deposit d = a with bits [imm, imm+imm2) replaced by the low imm2 bits of b
 *   addc    d:i32 = carry out of the unsigned a + b + c (c optional: an i32 0/1 temp)
 *   subb    d:i32 = borrow out of the unsigned a - b - c (a < b + c)
 *   mulhs mulhu mulhsu                      high half of the signed/unsigned/mixed product
 *   divs divu rems remu                     guest-neutral: the frontend handles /0 and overflow
 *                                           (backend: divide by zero gives 0 for div and a for rem)
 *   eq ne lts ltu les leu                   i32 result 0/1
 *   select  d = a ? b : c                   a is i32
 *   sext/zext d:i64 = a:i32                 trunc d:i32 = a:i64
 *   sextb   d = sign-extend the low `imm` bits of a (same type)
 *   zextb   d = zero-extend the low `imm` bits of a (same type)
 *   neg not
 *   load    d = mem[a] of `size` bytes, sign-extended when `signed`, into type ty
 *   store   mem[a] = b, low `size` bytes
 *   call    d = helpers[name](cpu, ...args)  (d optional). An i64 argument is passed as two
 *           numbers (lo, hi); an i64 result is returned as lo with hi in cpu.rhi.
 *   brcond  if (a !== 0) go to label imm     (imm2 = 1: if a === 0). Forward only: a label is a
 *           point later in the same block, set with `label`.
 *   label   imm: the target of earlier brconds (each label set once, after its brconds)
 *           A temp defined in code a brcond skipped reads as 0 after the label.
 *   Terminators (exactly one, last):
 *   jmp     pc = imm                     (direct branch, chainable)
 *   br      pc = a ? imm : imm2          (a: i32)
 *   jind    pc = a                       (indirect; i32 or i64 whose low 32 bits are used)
 *   exit    stop with reason `imm2` (ExitKind) and pc = imm
 *   exception  raise architectural exception `imm2` (Excp) at pc = imm; args = [cause, addr,
 *           access] as plain numbers (not temps): the run loop returns ExitKind.Exception
 *
 * Guest addresses are the low 32 bits of a value: the whole guest space is below 4 GiB.
 *
 * The builder folds as it goes (src/core/ir-fold.ts): an op on constants is a constant and
 * identities (x+0, x&~0, shifts by 0, select on a constant, ...) return an existing temp, so
 * frontends emit the obvious IR and need no folding of their own. Calls are checked against
 * the target's helper signatures (src/core/helpers.ts). Before lowering, the backend runs a
 * small pass over each block (src/core/backend/opt.ts).
 */

import { Access, type Excp } from './exceptions.js';
import { checkCall, type HelperSigs } from './helpers.js';
import { foldBin, foldCarry, foldCmp, foldDeposit, foldExtract, foldUn, widthOf } from './ir-fold.js';

export type Ty = 'i32' | 'i64' | 'f64';

export type BinOp =
  | 'add' | 'sub' | 'mul' | 'and' | 'or' | 'xor'
  | 'shl' | 'shr' | 'sar' | 'rotl' | 'rotr'
  | 'mulhs' | 'mulhu' | 'mulhsu'
  | 'divs' | 'divu' | 'rems' | 'remu';
/** count leading/trailing zeros, population count, byte swap: same type in and out */
export type UnOp = 'clz' | 'ctz' | 'popcnt' | 'bswap';
export type CmpOp = 'eq' | 'ne' | 'lts' | 'ltu' | 'les' | 'leu';

/** Why a compiled function returned to the run loop. */
export const enum ExitKind {
  /** Continue at cpu.pc (a jump out of the compiled region, or the budget ran out). */
  Jump = 0,
  /**
   * An architectural exception (src/core/exceptions.ts): cpu.excp says which (a syscall, an
   * illegal instruction, a page fault...), cpu.excpCause/excpAddr/excpAccess the details.
   */
  Exception = 1,
  /** Translation must stop and restart (e.g. fence.i, state change). cpu.pc is next. */
  Sync = 3,
}

export interface Op {
  op: string;
  ty: Ty;
  /** destination temp or -1 */
  d: number;
  a: number;
  b: number;
  c: number;
  imm: number | bigint;
  imm2: number;
  /** load/store size in bytes */
  size: number;
  /**
   * load/store: the alignment the architecture requires of the address (a power of two; a
   * misaligned access raises an alignment fault before any page is checked); absent = none
   */
  align?: number;
  signed: boolean;
  name: string;
  args: number[];
  /** guest pc of the instruction that produced this op (for faults) */
  pc: number;
}

export interface Block {
  pc: number;
  /** address just past the last translated instruction */
  end: number;
  ninsns: number;
  ops: Op[];
  temps: Ty[];
  /** guest disassembly lines for -d in_asm */
  asm: string[];
}

/** Emits the IR for one block. Frontends use only this. */
export class IrBuilder {
  readonly ops: Op[] = [];
  readonly temps: Ty[] = [];
  readonly asm: string[] = [];
  /** pc of the instruction being translated; stamped on every op */
  pc = 0;
  done = false;
  /** instructions translated so far and the address just past the last one */
  ninsns = 0;
  end = 0;
  /** whether disassembly is wanted (-d in_asm); frontends skip it otherwise */
  wantAsm = false;
  /** the target's helper signatures: every call is checked against them (src/core/helpers.ts) */
  helperSigs?: HelperSigs;

  /** Start a guest instruction: frontends call this once per instruction, before its ops. */
  insn(pc: number, len: number, asm?: string): void {
    this.pc = pc >>> 0;
    this.ninsns++;
    this.end = (pc + len) >>> 0;
    if (asm !== undefined) this.asm.push(asm);
  }

  private readonly k32s = new Map<number, number>();
  private readonly k64s = new Map<bigint, number>();
  private readonly kvals = new Map<number, bigint>();

  /** An interned i32 constant: one temp per value per block (a block is straight-line SSA). */
  k32(v: number): number {
    const n = v | 0;
    let t = this.k32s.get(n);
    if (t === undefined) {
      t = this.raw32(n);
      this.k32s.set(n, t);
      this.kvals.set(t, BigInt(n));
    }
    return t;
  }
  /** An interned i64 constant. */
  k64(v: bigint | number): number {
    const n = BigInt.asIntN(64, BigInt(v));
    let t = this.k64s.get(n);
    if (t === undefined) {
      t = this.raw64(n);
      this.k64s.set(n, t);
      this.kvals.set(t, n);
    }
    return t;
  }
  /** The value of a temp made by k32/k64, if it is one. */
  constValue(t: number): bigint | undefined {
    return this.kvals.get(t);
  }

  private push(op: string, ty: Ty, hasDest: boolean, fields: Partial<Op>): number {
    const d = hasDest ? this.temps.push(ty) - 1 : -1;
    this.ops.push({
      op, ty, d, a: -1, b: -1, c: -1, imm: 0, imm2: 0, size: 0, signed: false, name: '', args: [],
      pc: this.pc, ...fields,
    });
    return d;
  }
  typeOf(v: number): Ty { return this.temps[v]; }

  /** constants are interned (see k32/k64), so every constant temp is known to the folder */
  const32(v: number): number { return this.k32(v); }
  const64(v: bigint | number): number { return this.k64(v); }
  constOf(ty: Ty, v: bigint | number): number {
    return ty === 'i64' ? this.k64(v) : this.k32(Number(BigInt.asIntN(32, BigInt(v))));
  }
  private raw32(v: number): number { return this.push('const', 'i32', true, { imm: v | 0 }); }
  private raw64(v: bigint): number { return this.push('const', 'i64', true, { imm: v }); }
  get(reg: number, ty: Ty): number { return this.push('get', ty, true, { imm: reg }); }
  /** The register's value is dead from here: earlier stores to it may be dropped (see backend/opt.ts). */
  discard(reg: number): void { this.push('discard', 'i32', false, { imm: reg }); }
  set(reg: number, a: number): void { this.push('set', this.typeOf(a), false, { imm: reg, a }); }

  /** A binary op, folded when both operands are constants or one is an identity. */
  bin(op: BinOp, a: number, b: number): number {
    const ty = this.typeOf(a);
    const f = foldBin(op, ty, this.kvals.get(a), this.kvals.get(b), a, b);
    if (f !== undefined) return typeof f === 'number' ? f : this.constOf(ty, f);
    if (op === 'sub' && this.kvals.get(a) === 0n) return this.neg(b);
    return this.push(op, ty, true, { a, b });
  }
  add(a: number, b: number) { return this.bin('add', a, b); }
  sub(a: number, b: number) { return this.bin('sub', a, b); }
  and(a: number, b: number) { return this.bin('and', a, b); }
  or(a: number, b: number) { return this.bin('or', a, b); }
  xor(a: number, b: number) { return this.bin('xor', a, b); }
  cmp(op: CmpOp, a: number, b: number): number {
    const ca = this.kvals.get(a), cb = this.kvals.get(b);
    if (ca !== undefined && cb !== undefined) return this.k32(foldCmp(op, widthOf(this.typeOf(a)), ca, cb) ? 1 : 0);
    return this.push(op, 'i32', true, { a, b });
  }
  select(c: number, a: number, b: number): number {
    const cc = this.kvals.get(c);
    if (cc !== undefined) return cc !== 0n ? a : b;
    if (a === b) return a;
    return this.push('select', this.typeOf(a), true, { a: c, b: a, c: b });
  }
  /** fold a unary op of a constant through `f` (on the value as a signed bigint) */
  private un(op: string, ty: Ty, a: number, f: (v: bigint) => bigint, fields: Partial<Op> = {}): number {
    const ca = this.kvals.get(a);
    if (ca !== undefined) return this.constOf(ty, f(ca));
    return this.push(op, ty, true, { a, ...fields });
  }
  neg(a: number) { return this.un('neg', this.typeOf(a), a, (v) => -v); }
  not(a: number) { return this.un('not', this.typeOf(a), a, (v) => ~v); }
  sext(a: number): number { return this.un('sext', 'i64', a, (v) => v); }
  zext(a: number): number { return this.un('zext', 'i64', a, (v) => BigInt.asUintN(32, v)); }
  trunc(a: number): number {
    const o = this.defOf(a);
    if (o && (o.op === 'sext' || o.op === 'zext')) return o.a; // trunc(ext(x)) = x
    return this.un('trunc', 'i32', a, (v) => BigInt.asIntN(32, v));
  }
  sextb(a: number, bits: number): number {
    if (bits >= widthOf(this.typeOf(a))) return a;
    return this.un('sextb', this.typeOf(a), a, (v) => BigInt.asIntN(bits, v), { imm: bits });
  }
  zextb(a: number, bits: number): number {
    if (bits >= widthOf(this.typeOf(a))) return a;
    return this.un('zextb', this.typeOf(a), a, (v) => BigInt.asUintN(bits, v), { imm: bits });
  }
  rotl(a: number, b: number) { return this.bin('rotl', a, b); }
  rotr(a: number, b: number) { return this.bin('rotr', a, b); }
  /** clz ctz popcnt bswap (counts of a zero value are the width) */
  unop(op: UnOp, a: number): number {
    const ty = this.typeOf(a);
    return this.un(op, ty, a, (v) => foldUn(op, widthOf(ty), v));
  }
  clz(a: number) { return this.unop('clz', a); }
  ctz(a: number) { return this.unop('ctz', a); }
  popcnt(a: number) { return this.unop('popcnt', a); }
  bswap(a: number) { return this.unop('bswap', a); }
  /** the bitfield of a at [pos, pos+len), zero- or sign-extended to a's type */
  extract(a: number, pos: number, len: number, signed = false): number {
    const ty = this.typeOf(a);
    const bits = widthOf(ty);
    if (pos < 0 || len < 1 || pos + len > bits) throw new Error(`IR: extract ${pos},${len} out of ${ty}`);
    if (pos === 0) return signed ? this.sextb(a, len) : this.zextb(a, len);
    if (pos + len === bits) return this.bin(signed ? 'sar' : 'shr', a, this.k32(pos));
    return this.un('extract', ty, a, (v) => foldExtract(bits, v, pos, len, signed), { imm: pos, imm2: len, signed });
  }
  /** a with its bits [pos, pos+len) replaced by the low len bits of b (b: i32 or i64) */
  deposit(a: number, b: number, pos: number, len: number): number {
    const ty = this.typeOf(a);
    const bits = widthOf(ty);
    if (pos < 0 || len < 1 || pos + len > bits) throw new Error(`IR: deposit ${pos},${len} out of ${ty}`);
    if (len === bits) return ty === 'i64' && this.typeOf(b) === 'i32' ? this.sext(b) : b;
    const ca = this.kvals.get(a), cb = this.kvals.get(b);
    if (ca !== undefined && cb !== undefined) return this.constOf(ty, foldDeposit(bits, ca, cb, pos, len));
    return this.push('deposit', ty, true, { a, b, imm: pos, imm2: len });
  }
  /** i32 0/1: carry out of the unsigned a + b (+ cin, an i32 0/1 temp) */
  addc(a: number, b: number, cin = -1): number { return this.carry('addc', a, b, cin); }
  /** i32 0/1: borrow out of the unsigned a - b (- bin, an i32 0/1 temp): a < b + bin */
  subb(a: number, b: number, bin = -1): number { return this.carry('subb', a, b, bin); }
  private carry(op: 'addc' | 'subb', a: number, b: number, cin: number): number {
    let ci: bigint | undefined = 0n;
    if (cin >= 0) ci = this.kvals.get(cin);
    const ca = this.kvals.get(a), cb = this.kvals.get(b);
    if (ca !== undefined && cb !== undefined && ci !== undefined) {
      return this.k32(Number(foldCarry(op === 'subb', widthOf(this.typeOf(a)), ca, cb, ci)));
    }
    if (ci === 0n) cin = -1;
    if (ci === 0n && (cb === 0n || (op === 'addc' && ca === 0n))) return this.k32(0);
    return this.push(op, 'i32', true, { a, b, c: cin });
  }
  /** the op that defined temp t (undefined for constants folded by the backend: use constValue) */
  private defOf(t: number): Op | undefined {
    for (let i = this.ops.length - 1; i >= 0 && i >= this.ops.length - 8; i--) if (this.ops[i].d === t) return this.ops[i];
    return undefined;
  }

  /** `align`: the alignment the address must have (alignment fault otherwise); 0 or 1 = none */
  load(ty: Ty, size: number, signed: boolean, addr: number, align = 0): number {
    return this.push('load', ty, true, align > 1 ? { a: addr, size, signed, align } : { a: addr, size, signed });
  }
  store(size: number, addr: number, v: number, align = 0): void {
    this.push('store', this.typeOf(v), false, align > 1 ? { a: addr, b: v, size, align } : { a: addr, b: v, size });
  }
  call(name: string, ret: Ty | null, args: number[]): number {
    if (this.helperSigs) checkCall(this.helperSigs, name, args.map((a) => this.typeOf(a)), ret);
    return this.push('call', ret ?? 'i32', ret !== null, { name, args });
  }

  private labels = 0;
  private readonly labelSet = new Set<number>();
  /** A new label for forward branches inside this block (see brcond, setLabel). */
  newLabel(): number { return this.labels++; }
  /** If c (i32) is non-zero (or zero, with ifZero) continue at `label`, which must be set later. */
  brcond(c: number, label: number, ifZero = false): void {
    if (this.labelSet.has(label)) throw new Error(`IR: brcond to label ${label} that is already set (forward only)`);
    const cc = this.kvals.get(c);
    if (cc !== undefined && (cc !== 0n) === ifZero) return; // never taken
    this.push('brcond', 'i32', false, { a: c, imm: label, imm2: ifZero ? 1 : 0 });
  }
  /** Place `label` here: brconds to it land on the next op. */
  setLabel(label: number): void {
    if (this.labelSet.has(label) || label >= this.labels) throw new Error(`IR: label ${label} set twice or never made`);
    this.labelSet.add(label);
    this.push('label', 'i32', false, { imm: label });
  }

  jmp(pc: number): void { this.push('jmp', 'i32', false, { imm: pc >>> 0 }); this.done = true; }
  br(c: number, taken: number, notTaken: number): void {
    this.push('br', 'i32', false, { a: c, imm: taken >>> 0, imm2: notTaken >>> 0 }); this.done = true;
  }
  jind(a: number): void { this.push('jind', 'i32', false, { a }); this.done = true; }
  exit(kind: ExitKind, pc: number): void {
    this.push('exit', 'i32', false, { imm: pc >>> 0, imm2: kind }); this.done = true;
  }
  /**
   * End the block with architectural exception `kind` (Excp) at `pc`: for a syscall the pc to
   * resume at (the next instruction), for the others the faulting instruction. `addr` defaults
   * to pc; `access` (Access) matters for page faults and alignment faults.
   */
  exception(kind: Excp, pc: number, cause = 0, addr = pc, access: Access = Access.Fetch): void {
    this.push('exception', 'i32', false, { imm: pc >>> 0, imm2: kind, args: [cause, addr >>> 0, access] }); this.done = true;
  }
}

/** The ops that end a block (exactly one, last): the backend and the block pass rely on this list. */
export const TERMINATORS: ReadonlySet<string> = new Set(['jmp', 'br', 'jind', 'exit', 'exception']);

const EXCP_NAMES = ['none', 'syscall', 'illegal', 'breakpoint', 'pagefault', 'alignment', 'arith', 'trap', 'interrupt'];

/** Printable form of a block's IR (for -d op and golden snapshots). */
export function formatIr(b: Block): string {
  const t = (v: number) => (v < 0 ? '' : `t${v}`);
  const lines = [`block 0x${b.pc.toString(16)} (${b.ninsns} insns)`];
  let lastPc = -1;
  for (const o of b.ops) {
    if (o.pc !== lastPc) { lines.push(` ; 0x${o.pc.toString(16)}`); lastPc = o.pc; }
    const d = o.d >= 0 ? `${t(o.d)}:${o.ty} = ` : '';
    let rest: string;
    switch (o.op) {
      case 'const': rest = `const ${o.imm}`; break;
      case 'get': rest = `get r${o.imm}`; break;
      case 'set': rest = `set r${o.imm}, ${t(o.a)}`; break;
      case 'discard': rest = `discard r${o.imm}`; break;
      case 'load': rest = `load.${o.size}${o.signed ? 's' : 'u'}${o.align ? `.a${o.align}` : ''} [${t(o.a)}]`; break;
      case 'store': rest = `store.${o.size}${o.align ? `.a${o.align}` : ''} [${t(o.a)}], ${t(o.b)}`; break;
      case 'sextb': case 'zextb': rest = `${o.op} ${t(o.a)}, ${o.imm}`; break;
      case 'extract': rest = `extract${o.signed ? 's' : 'u'} ${t(o.a)}, ${o.imm}, ${o.imm2}`; break;
      case 'deposit': rest = `deposit ${t(o.a)}, ${t(o.b)}, ${o.imm}, ${o.imm2}`; break;
      case 'call': rest = `call ${o.name}(${o.args.map(t).join(', ')})`; break;
      case 'brcond': rest = `brcond ${o.imm2 ? '!' : ''}${t(o.a)}, L${o.imm}`; break;
      case 'label': rest = `L${o.imm}:`; break;
      case 'jmp': rest = `jmp 0x${(o.imm as number).toString(16)}`; break;
      case 'br': rest = `br ${t(o.a)} ? 0x${(o.imm as number).toString(16)} : 0x${o.imm2.toString(16)}`; break;
      case 'jind': rest = `jind ${t(o.a)}`; break;
      case 'exit': rest = `exit kind=${o.imm2} pc=0x${(o.imm as number).toString(16)}`; break;
      case 'exception': {
        const what = EXCP_NAMES[o.imm2] ?? String(o.imm2);
        rest = `exception ${what} pc=0x${(o.imm as number).toString(16)}`;
        if (what !== 'syscall') rest += ` cause=${o.args[0]} addr=0x${o.args[1].toString(16)} ${['read', 'write', 'fetch'][o.args[2]]}`;
        break;
      }
      default: rest = `${o.op} ${[o.a, o.b, o.c].filter((x) => x >= 0).map(t).join(', ')}`;
    }
    lines.push(`  ${d}${rest}`);
  }
  return lines.join('\n');
}
