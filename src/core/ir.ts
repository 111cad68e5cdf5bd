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
 *   add sub mul and or xor                  same type in and out
 *   shl shr sar                             b is the shift amount (i32), masked by the width
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
 *   Terminators (exactly one, last):
 *   jmp     pc = imm                     (direct branch, chainable)
 *   br      pc = a ? imm : imm2          (a: i32)
 *   jind    pc = a                       (indirect; i32 or i64 whose low 32 bits are used)
 *   exit    stop with reason `imm2` (ExitKind) and pc = imm
 *
 * Guest addresses are the low 32 bits of a value: the whole guest space is below 4 GiB.
 */

export type Ty = 'i32' | 'i64' | 'f64';

export type BinOp =
  | 'add' | 'sub' | 'mul' | 'and' | 'or' | 'xor'
  | 'shl' | 'shr' | 'sar'
  | 'mulhs' | 'mulhu' | 'mulhsu'
  | 'divs' | 'divu' | 'rems' | 'remu';
export type CmpOp = 'eq' | 'ne' | 'lts' | 'ltu' | 'les' | 'leu';

/** Why a compiled function returned to the run loop. */
export const enum ExitKind {
  /** Continue at cpu.pc (a jump out of the compiled region, or the budget ran out). */
  Jump = 0,
  /** A system call instruction; cpu.pc is the instruction after it. */
  Syscall = 1,
  /** A synchronous guest trap: cpu.trapSig/trapCode/trapAddr say what; cpu.pc is the insn. */
  Trap = 2,
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
      t = this.const32(n);
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
      t = this.const64(n);
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

  const32(v: number): number { return this.push('const', 'i32', true, { imm: v | 0 }); }
  const64(v: bigint | number): number {
    return this.push('const', 'i64', true, { imm: BigInt.asIntN(64, BigInt(v)) });
  }
  constOf(ty: Ty, v: bigint | number): number {
    return ty === 'i64' ? this.const64(v) : this.const32(Number(BigInt.asIntN(32, BigInt(v))));
  }
  get(reg: number, ty: Ty): number { return this.push('get', ty, true, { imm: reg }); }
  set(reg: number, a: number): void { this.push('set', this.typeOf(a), false, { imm: reg, a }); }

  bin(op: BinOp, a: number, b: number): number {
    const ty = this.typeOf(a);
    return this.push(op, ty, true, { a, b });
  }
  add(a: number, b: number) { return this.bin('add', a, b); }
  sub(a: number, b: number) { return this.bin('sub', a, b); }
  and(a: number, b: number) { return this.bin('and', a, b); }
  or(a: number, b: number) { return this.bin('or', a, b); }
  xor(a: number, b: number) { return this.bin('xor', a, b); }
  cmp(op: CmpOp, a: number, b: number): number { return this.push(op, 'i32', true, { a, b }); }
  select(c: number, a: number, b: number): number {
    return this.push('select', this.typeOf(a), true, { a: c, b: a, c: b });
  }
  neg(a: number) { return this.push('neg', this.typeOf(a), true, { a }); }
  not(a: number) { return this.push('not', this.typeOf(a), true, { a }); }
  sext(a: number): number { return this.push('sext', 'i64', true, { a }); }
  zext(a: number): number { return this.push('zext', 'i64', true, { a }); }
  trunc(a: number): number { return this.push('trunc', 'i32', true, { a }); }
  sextb(a: number, bits: number): number { return this.push('sextb', this.typeOf(a), true, { a, imm: bits }); }
  zextb(a: number, bits: number): number { return this.push('zextb', this.typeOf(a), true, { a, imm: bits }); }

  /** `align`: the alignment the address must have (alignment fault otherwise); 0 or 1 = none */
  load(ty: Ty, size: number, signed: boolean, addr: number, align = 0): number {
    return this.push('load', ty, true, align > 1 ? { a: addr, size, signed, align } : { a: addr, size, signed });
  }
  store(size: number, addr: number, v: number, align = 0): void {
    this.push('store', this.typeOf(v), false, align > 1 ? { a: addr, b: v, size, align } : { a: addr, b: v, size });
  }
  call(name: string, ret: Ty | null, args: number[]): number {
    return this.push('call', ret ?? 'i32', ret !== null, { name, args });
  }

  jmp(pc: number): void { this.push('jmp', 'i32', false, { imm: pc >>> 0 }); this.done = true; }
  br(c: number, taken: number, notTaken: number): void {
    this.push('br', 'i32', false, { a: c, imm: taken >>> 0, imm2: notTaken >>> 0 }); this.done = true;
  }
  jind(a: number): void { this.push('jind', 'i32', false, { a }); this.done = true; }
  exit(kind: ExitKind, pc: number): void {
    this.push('exit', 'i32', false, { imm: pc >>> 0, imm2: kind }); this.done = true;
  }
}

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
      case 'load': rest = `load.${o.size}${o.signed ? 's' : 'u'}${o.align ? `.a${o.align}` : ''} [${t(o.a)}]`; break;
      case 'store': rest = `store.${o.size}${o.align ? `.a${o.align}` : ''} [${t(o.a)}], ${t(o.b)}`; break;
      case 'sextb': case 'zextb': rest = `${o.op} ${t(o.a)}, ${o.imm}`; break;
      case 'call': rest = `call ${o.name}(${o.args.map(t).join(', ')})`; break;
      case 'jmp': rest = `jmp 0x${(o.imm as number).toString(16)}`; break;
      case 'br': rest = `br ${t(o.a)} ? 0x${(o.imm as number).toString(16)} : 0x${o.imm2.toString(16)}`; break;
      case 'jind': rest = `jind ${t(o.a)}`; break;
      case 'exit': rest = `exit kind=${o.imm2} pc=0x${(o.imm as number).toString(16)}`; break;
      default: rest = `${o.op} ${[o.a, o.b, o.c].filter((x) => x >= 0).map(t).join(', ')}`;
    }
    lines.push(`  ${d}${rest}`);
  }
  return lines.join('\n');
}
