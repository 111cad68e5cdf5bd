/**
 * Lowering of one IR block's ops (all but its terminator) to WebAssembly instructions.
 *
 * i32 temps are i32 locals, i64 temps i64 locals (native 64-bit arithmetic); constants are
 * folded into the code. Cached guest registers are locals of the region function (loaded at
 * entry, stored at its exits); the others are read and written in cpu.r, which lives in the
 * same wasm memory as the guest (at `rb + REG_OFFSET`). Loads and stores test the page
 * flags (the `perm` table, also in the wasm memory at `permBase`) exactly as flat-emit.ts
 * does, and call the memory model's slow paths (imported) when the test fails.
 * An op this file does not know makes the region fall back to the JS backend (Unsupported).
 */
import type { Block, Op as IrOp, Ty } from '../../ir.js';
import type { RegInfo } from '../../isa.js';
import { Bytes, I32, I64, Op } from './encode.js';
import { PAGE_SHIFT, PAGE_SIZE, PAGE_CODE, PROT_R, PROT_W } from '../../memory/pages.js';
import { FUNCS, type FuncName } from './funcs.js';

/** thrown for IR the wasm tier does not handle: the region is compiled to JS instead */
export class Unsupported extends Error {}

/** the region function's fixed locals (param 0 is rb, the address of the CPU's header) */
export const L = { rb: 0, pc: 1, bud: 2, ic: 3, ea: 4, nb: 5, kind: 6 } as const;
export const FIXED_LOCALS = [I32, I32, I32, I32, I32, I32];
/**
 * header words before cpu.r: budget, pc, icount delta, rhi of i64 helper results, and the
 * exit request a helper made (the glue moves Cpu.exitRequest there)
 */
export const HDR = { bud: 0, pc: 4, ic: 8, rhi: 12, xr: 16 } as const;
export const REG_OFFSET = 32;

/** the fixed imports, in function index order, then one per helper (see region.ts) */
export const IMPORT_R = 0, IMPORT_W = 1, IMPORT_EXCP = 2;

export interface FnCtx {
  regs: RegInfo[];
  /** local types after the params (fixed locals first) */
  locals: number[];
  /** cached register -> its local */
  regLocal: Map<number, number>;
  used: Set<number>;
  written: Set<number>;
  /** helper name -> function index of its import */
  helperIndex: Map<string, number>;
  /** function index of the first defined helper function (funcs.ts) */
  funcBase: number;
  permBase: number;
}

export const wasmType = (t: Ty): number => {
  if (t === 'i32') return I32;
  if (t === 'i64') return I64;
  throw new Unsupported(`type ${t}`);
};

export function newLocal(c: FnCtx, t: number): number {
  c.locals.push(t);
  return c.locals.length; // param 0 is rb
}

/** A cached register's local (allocated on first use). */
export function regLocal(c: FnCtx, n: number): number {
  let l = c.regLocal.get(n);
  if (l === undefined) {
    l = newLocal(c, wasmType(c.regs[n].ty));
    c.regLocal.set(n, l);
  }
  c.used.add(n);
  return l;
}

const CMP: Record<string, [number, number]> = {
  eq: [Op.i32Eq, Op.i64Eq], ne: [Op.i32Ne, Op.i64Ne], lts: [Op.i32LtS, Op.i64LtS], ltu: [Op.i32LtU, Op.i64LtU],
  les: [Op.i32LeS, Op.i64LeS], leu: [Op.i32LeU, Op.i64LeU],
};
const BIN: Record<string, [number, number]> = {
  add: [Op.i32Add, Op.i64Add], sub: [Op.i32Sub, Op.i64Sub], mul: [Op.i32Mul, Op.i64Mul], and: [Op.i32And, Op.i64And],
  or: [Op.i32Or, Op.i64Or], xor: [Op.i32Xor, Op.i64Xor],
};
const SHIFT: Record<string, [number, number]> = {
  shl: [Op.i32Shl, Op.i64Shl], shr: [Op.i32ShrU, Op.i64ShrU], sar: [Op.i32ShrS, Op.i64ShrS],
  rotl: [Op.i32Rotl, Op.i64Rotl], rotr: [Op.i32Rotr, Op.i64Rotr],
};
const UN: Record<string, [number, number]> = { clz: [Op.i32Clz, Op.i64Clz], ctz: [Op.i32Ctz, Op.i64Ctz], popcnt: [Op.i32Popcnt, Op.i64Popcnt] };
const DIV = ['divs', 'divu', 'rems', 'remu'];

/**
 * Emit the ops of block `b` but its terminator into `out`. Returns the function that pushes
 * a temp's value (for the terminator) and whether the block called a helper.
 */
export function lowerOps(b: Block, c: FnCtx, out: Bytes): { push: (v: number) => void; calls: boolean } {
  const ops = b.ops;
  const consts = new Map<number, bigint>();
  const tl = new Map<number, number>();
  const ty = (v: number): Ty => b.temps[v];
  const isW = (v: number) => ty(v) === 'i64';
  const op = (x: number) => out.byte(x);
  const k32 = (v: number) => out.byte(Op.i32Const).s32(v);
  const k64 = (v: bigint) => out.byte(Op.i64Const).s64(v);
  const k = (w: boolean, v: bigint) => (w ? k64(v) : k32(Number(BigInt.asIntN(32, v))));
  const lget = (l: number) => out.byte(Op.localGet).u32(l);
  const lset = (l: number) => out.byte(Op.localSet).u32(l);
  const push = (v: number) => {
    const cv = consts.get(v);
    if (cv !== undefined) { k(isW(v), cv); return; }
    const l = tl.get(v);
    if (l === undefined) throw new Error(`wasm: temp t${v} used before it is defined`);
    lget(l);
  };
  const def = (d: number) => {
    let l = tl.get(d);
    if (l === undefined) { l = newLocal(c, wasmType(ty(d))); tl.set(d, l); }
    lset(l);
  };
  /** push v as an i64 (an i32 temp is sign- or zero-extended) */
  const push64 = (v: number, signed: boolean) => { push(v); if (!isW(v)) op(signed ? Op.i64ExtendI32s : Op.i64ExtendI32u); };
  const push32 = (v: number) => { push(v); if (isW(v)) op(Op.i32WrapI64); };
  const call = (f: FuncName) => out.byte(Op.call).u32(c.funcBase + FUNCS.indexOf(f));

  for (const t of b.temps) wasmType(t);

  // forward labels: blocks opened at the start (the label set last outermost)
  const at = new Map<number, number>();
  ops.forEach((o, i) => { if (o.op === 'label') at.set(Number(o.imm), i); });
  const open = [...at.keys()].sort((x, y) => at.get(y)! - at.get(x)!);
  // temps defined after a brcond may be skipped: they read as 0 after the label (ir.ts)
  const firstBr = ops.findIndex((o) => o.op === 'brcond');
  if (firstBr >= 0) {
    for (let i = firstBr; i < ops.length; i++) {
      const d = ops[i].d;
      if (d >= 0 && ops[i].op !== 'const') { if (isW(d)) k64(0n); else k32(0); def(d); }
    }
  }
  for (let i = 0; i < open.length; i++) out.byte(Op.block).byte(0x40);
  const stack = [...open];

  let calls = false;
  for (let i = 0; i < ops.length - 1; i++) {
    const o = ops[i];
    const d = o.d, a = o.a, bb = o.b;
    const w = o.ty === 'i64';
    const W = w ? 1 : 0;
    switch (o.op) {
      case 'const': consts.set(d, BigInt.asIntN(w ? 64 : 32, BigInt(o.imm))); break;
      case 'get': {
        const r = c.regs[Number(o.imm)];
        wasmType(o.ty);
        if (r.zero) { consts.set(d, 0n); break; }
        if (r.cached) {
          if (r.ty !== o.ty) throw new Unsupported(`get ${r.name} as ${o.ty}`);
          lget(regLocal(c, Number(o.imm)));
        } else {
          lget(L.rb);
          out.byte(w ? Op.i64Load : Op.i32Load).u32(0).u32(REG_OFFSET + r.index * 4);
        }
        def(d);
        break;
      }
      case 'set': {
        const n = Number(o.imm);
        const r = c.regs[n];
        if (r.zero) break;
        if (r.cached) {
          if (r.ty !== ty(a)) throw new Unsupported(`set ${r.name} from ${ty(a)}`);
          push(a);
          lset(regLocal(c, n));
          c.written.add(n);
        } else {
          lget(L.rb);
          push(a);
          out.byte(isW(a) ? Op.i64Store : Op.i32Store).u32(0).u32(REG_OFFSET + r.index * 4);
        }
        break;
      }
      case 'add': case 'sub': case 'mul': case 'and': case 'or': case 'xor':
        push(a); push(bb); op(BIN[o.op][W]); def(d);
        break;
      case 'shl': case 'shr': case 'sar': case 'rotl': case 'rotr':
        push(a); if (w) push64(bb, false); else push32(bb); op(SHIFT[o.op][W]); def(d);
        break;
      case 'clz': case 'ctz': case 'popcnt':
        push(a); op(UN[o.op][W]); def(d);
        break;
      case 'bswap': bswap(w, a, d); break;
      case 'not': push(a); k(w, -1n); op(w ? Op.i64Xor : Op.i32Xor); def(d); break;
      case 'neg': k(w, 0n); push(a); op(w ? Op.i64Sub : Op.i32Sub); def(d); break;
      case 'mulhs': case 'mulhu': case 'mulhsu':
        if (w) { push(a); push(bb); call(`${o.op}64` as FuncName); def(d); break; }
        push64(a, o.op !== 'mulhu'); push64(bb, o.op === 'mulhs');
        op(Op.i64Mul); k64(32n); op(Op.i64ShrU); op(Op.i32WrapI64); def(d);
        break;
      case 'divs': case 'divu': case 'rems': case 'remu':
        if (!DIV.includes(o.op)) throw new Unsupported(o.op);
        push(a); push(bb); call(`${o.op}${w ? 64 : 32}` as FuncName); def(d);
        break;
      case 'eq': case 'ne': case 'lts': case 'ltu': case 'les': case 'leu':
        push(a); push(bb); op(CMP[o.op][isW(a) ? 1 : 0]); def(d);
        break;
      case 'select': push(bb); push(o.c); push(a); op(Op.select); def(d); break;
      case 'sext': push(a); op(Op.i64ExtendI32s); def(d); break;
      case 'zext': push(a); op(Op.i64ExtendI32u); def(d); break;
      case 'trunc': push32(a); def(d); break;
      case 'sextb': case 'zextb': {
        const bits = Number(o.imm), width = w ? 64 : 32;
        push(a);
        if (bits < width) {
          if (o.op === 'sextb') { k(w, BigInt(width - bits)); op(w ? Op.i64Shl : Op.i32Shl); k(w, BigInt(width - bits)); op(w ? Op.i64ShrS : Op.i32ShrS); }
          else { k(w, (1n << BigInt(bits)) - 1n); op(w ? Op.i64And : Op.i32And); }
        }
        def(d);
        break;
      }
      case 'extract': {
        const pos = Number(o.imm), len = o.imm2, width = w ? 64 : 32;
        push(a);
        if (o.signed) {
          k(w, BigInt(width - pos - len)); op(w ? Op.i64Shl : Op.i32Shl); k(w, BigInt(width - len)); op(w ? Op.i64ShrS : Op.i32ShrS);
        } else {
          k(w, BigInt(pos)); op(w ? Op.i64ShrU : Op.i32ShrU); k(w, (1n << BigInt(len)) - 1n); op(w ? Op.i64And : Op.i32And);
        }
        def(d);
        break;
      }
      case 'deposit': {
        const pos = Number(o.imm), len = o.imm2;
        const m = ((1n << BigInt(len)) - 1n) << BigInt(pos);
        push(a); k(w, ~m); op(w ? Op.i64And : Op.i32And);
        if (w) push64(bb, true); else push32(bb);
        k(w, BigInt(pos)); op(w ? Op.i64Shl : Op.i32Shl); k(w, m); op(w ? Op.i64And : Op.i32And);
        op(w ? Op.i64Or : Op.i32Or); def(d);
        break;
      }
      case 'addc': case 'subb': carry(o); break;
      case 'load': load(o); break;
      case 'store': store(o); break;
      case 'call': helperCall(o); calls = true; break;
      case 'brcond': {
        const at = stack.indexOf(Number(o.imm));
        if (at < 0) throw new Error(`backend: label ${o.imm} is never set (or a backward branch)`);
        const depth = stack.length - 1 - at;
        push(a);
        if (o.imm2) op(Op.i32Eqz);
        out.byte(Op.brIf).u32(depth);
        break;
      }
      case 'label':
        if (stack.pop() !== Number(o.imm)) throw new Error('wasm: labels out of order');
        op(Op.end);
        break;
      default:
        throw new Unsupported(`op ${o.op}`);
    }
  }
  if (stack.length) throw new Error('wasm: a label is never set');
  return { push, calls };

  function bswap(w: boolean, a: number, d: number): void {
    const s = newLocal(c, I32);
    const sw = (x: () => void) => {
      // ((x >>> 24) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | (x << 24))
      x(); lset(s);
      lget(s); k32(24); op(Op.i32ShrU);
      lget(s); k32(8); op(Op.i32ShrU); k32(0xff00); op(Op.i32And); op(Op.i32Or);
      lget(s); k32(0xff00); op(Op.i32And); k32(8); op(Op.i32Shl); op(Op.i32Or);
      lget(s); k32(24); op(Op.i32Shl); op(Op.i32Or);
    };
    if (!w) { sw(() => push(a)); def(d); return; }
    sw(() => { push(a); op(Op.i32WrapI64); }); op(Op.i64ExtendI32u); k64(32n); op(Op.i64Shl);
    sw(() => { push(a); k64(32n); op(Op.i64ShrU); op(Op.i32WrapI64); }); op(Op.i64ExtendI32u);
    op(Op.i64Or); def(d);
  }

  function carry(o: IrOp): void {
    const { a, b: bb, c: cin, d } = o;
    const add = o.op === 'addc';
    if (!isW(a)) {
      push64(a, false); push64(bb, false);
      if (add) {
        op(Op.i64Add); if (cin >= 0) { push64(cin, false); op(Op.i64Add); }
        k64(32n); op(Op.i64ShrU); op(Op.i32WrapI64);
      } else {
        if (cin >= 0) { push64(cin, false); op(Op.i64Add); }
        op(Op.i64LtU);
      }
      def(d);
      return;
    }
    if (add) {
      // s = a + b; carry = s < a; with a carry in: s2 = s + cin, carry |= s2 < s
      const s = newLocal(c, I64);
      push(a); push(bb); op(Op.i64Add); out.byte(Op.localTee).u32(s); push(a); op(Op.i64LtU);
      if (cin >= 0) { lget(s); push64(cin, false); op(Op.i64Add); lget(s); op(Op.i64LtU); op(Op.i32Or); }
    } else {
      push(a); push(bb); op(Op.i64LtU);
      if (cin >= 0) { push32(cin); k32(0); op(Op.i32Ne); push(a); push(bb); op(Op.i64Eq); op(Op.i32And); op(Op.i32Or); }
    }
    def(d);
  }

  /** ea = address; the flag test (and the page-crossing / alignment tests); the slow path */
  function check(o: IrOp, write: boolean): void {
    push32(o.a); lset(L.ea);
    const [mask, want] = write ? [PROT_W | PAGE_CODE, PROT_W] : [PROT_R, PROT_R];
    lget(L.ea); k32(PAGE_SHIFT); op(Op.i32ShrU); out.byte(Op.i32Load8u).u32(0).u32(c.permBase);
    k32(mask); op(Op.i32And);
    if (mask === want) op(Op.i32Eqz); else { k32(want); op(Op.i32Ne); }
    const align = o.align ?? 0;
    const aligned = align > 1;
    if (aligned) { lget(L.ea); k32(align - 1); op(Op.i32And); op(Op.i32Or); }
    if (o.size > 1 && !(aligned && align >= o.size)) {
      lget(L.ea); k32(PAGE_SIZE - 1); op(Op.i32And); k32(PAGE_SIZE - o.size); op(Op.i32GtU); op(Op.i32Or);
    }
    out.byte(Op.if).byte(0x40);
    lget(L.ea); k32(o.pc); k32(o.size); k32(aligned ? align : 0); out.byte(Op.call).u32(write ? IMPORT_W : IMPORT_R);
    out.byte(Op.if).byte(0x40); k32(0); lset(L.bud); op(Op.end);
    op(Op.end);
  }

  function load(o: IrOp): void {
    check(o, false);
    lget(L.ea);
    const w = o.ty === 'i64', s = o.signed;
    let code: number;
    switch (o.size) {
      case 1: code = w ? (s ? Op.i64Load8s : Op.i64Load8u) : (s ? Op.i32Load8s : Op.i32Load8u); break;
      case 2: code = w ? (s ? Op.i64Load16s : Op.i64Load16u) : (s ? Op.i32Load16s : Op.i32Load16u); break;
      case 4: code = w ? (s ? Op.i64Load32s : Op.i64Load32u) : Op.i32Load; break;
      case 8: code = w ? Op.i64Load : Op.i32Load; break;
      default: throw new Unsupported(`load size ${o.size}`);
    }
    out.byte(code).u32(0).u32(0);
    def(o.d);
  }

  function store(o: IrOp): void {
    check(o, true);
    lget(L.ea);
    const w = isW(o.b);
    let code: number;
    switch (o.size) {
      case 1: push(o.b); code = w ? Op.i64Store8 : Op.i32Store8; break;
      case 2: push(o.b); code = w ? Op.i64Store16 : Op.i32Store16; break;
      case 4: push(o.b); code = w ? Op.i64Store32 : Op.i32Store; break;
      case 8: push64(o.b, true); code = Op.i64Store; break;
      default: throw new Unsupported(`store size ${o.size}`);
    }
    out.byte(code).u32(0).u32(0);
  }

  function helperCall(o: IrOp): void {
    const idx = c.helperIndex.get(o.name);
    if (idx === undefined) throw new Error(`wasm: helper ${o.name} has no import`);
    k32(o.pc);
    for (const x of o.args) {
      if (isW(x)) { push(x); op(Op.i32WrapI64); push(x); k64(32n); op(Op.i64ShrU); op(Op.i32WrapI64); } else push(x);
    }
    out.byte(Op.call).u32(idx);
    if (o.d < 0) return;
    if (o.ty === 'i64') {
      op(Op.i64ExtendI32u);
      lget(L.rb); out.byte(Op.i64Load32u).u32(0).u32(HDR.rhi); k64(32n); op(Op.i64Shl); op(Op.i64Or);
    }
    def(o.d);
  }
}

/** the import signature of a helper call: (pc, args as i32 words) -> i32 lo or nothing */
export function helperSig(o: IrOp, temps: Ty[]): string {
  const words = 1 + o.args.reduce((n, x) => n + (temps[x] === 'i64' ? 2 : 1), 0);
  return `${words}:${o.d >= 0 ? o.ty : 'void'}`;
}
