/**
 * Functions every region module defines beside the region itself: 64-bit multiply-high
 * (wasm has no 128-bit product) and division with the IR's conventions (divide by zero
 * gives 0 for div and the dividend for rem; the signed overflow MIN / -1 wraps to MIN with
 * remainder 0, as runtime.ts's div32/div64 do) where wasm's own instructions would trap.
 */
import { Bytes, I32, I64, Op, type FuncType } from './encode.js';

/** names of the defined functions, in order (their index is the import count plus this position) */
export const FUNCS = ['mulhu64', 'mulhs64', 'mulhsu64', 'divs32', 'divu32', 'rems32', 'remu32', 'divs64', 'divu64', 'rems64', 'remu64'] as const;
export type FuncName = typeof FUNCS[number];

export interface BuiltFunc { type: FuncType; locals: number[]; body: Bytes }

const get = (b: Bytes, l: number) => b.byte(Op.localGet).u32(l);
const set = (b: Bytes, l: number) => b.byte(Op.localSet).u32(l);

function mulhu(): BuiltFunc {
  // params a=0, b=1; locals p00=2 p01=3 p10=4 p11=5 mid=6
  const b = new Bytes();
  const lo = (x: number) => { get(b, x); b.byte(Op.i64Const).s64(0xffffffffn).byte(Op.i64And); };
  const hi = (x: number) => { get(b, x); b.byte(Op.i64Const).s64(32n).byte(Op.i64ShrU); };
  lo(0); lo(1); b.byte(Op.i64Mul); set(b, 2);
  lo(0); hi(1); b.byte(Op.i64Mul); set(b, 3);
  hi(0); lo(1); b.byte(Op.i64Mul); set(b, 4);
  hi(0); hi(1); b.byte(Op.i64Mul); set(b, 5);
  hi(2); lo(3); b.byte(Op.i64Add); lo(4); b.byte(Op.i64Add); set(b, 6);
  get(b, 5); hi(3); b.byte(Op.i64Add); hi(4); b.byte(Op.i64Add); hi(6); b.byte(Op.i64Add);
  return { type: { params: [I64, I64], results: [I64] }, locals: [I64, I64, I64, I64, I64], body: b };
}

/** mulhu64(a, b) minus b when a < 0 (and minus a when b < 0 for the signed form) */
function mulhSigned(both: boolean): BuiltFunc {
  const b = new Bytes();
  get(b, 0); get(b, 1); b.byte(Op.call).u32(0); // mulhu64 is defined function 0 (patched below)
  const sub = (x: number, y: number) => { // - (y < 0 ? x : 0)
    get(b, x); b.byte(Op.i64Const).s64(0n); get(b, y); b.byte(Op.i64Const).s64(0n).byte(Op.i64LtS).byte(Op.select).byte(Op.i64Sub);
  };
  sub(1, 0);
  if (both) sub(0, 1);
  return { type: { params: [I64, I64], results: [I64] }, locals: [], body: b };
}

function div(w: boolean, signed: boolean, rem: boolean): BuiltFunc {
  const T = w ? I64 : I32;
  const b = new Bytes();
  const k = (v: number) => (w ? b.byte(Op.i64Const).s64(BigInt(v)) : b.byte(Op.i32Const).s32(v));
  const zero = () => { get(b, 1); b.byte(w ? Op.i64Eqz : Op.i32Eqz); };
  const op = w ? (signed ? (rem ? Op.i64RemS : Op.i64DivS) : (rem ? Op.i64RemU : Op.i64DivU))
    : (signed ? (rem ? Op.i32RemS : Op.i32DivS) : (rem ? Op.i32RemU : Op.i32DivU));
  zero();
  b.byte(Op.if).byte(T);
  if (rem) get(b, 0); else k(0);
  b.byte(Op.else);
  if (signed) {
    get(b, 1); k(-1); b.byte(w ? Op.i64Eq : Op.i32Eq);
    b.byte(Op.if).byte(T);
    if (rem) k(0); else { k(0); get(b, 0); b.byte(w ? Op.i64Sub : Op.i32Sub); }
    b.byte(Op.else);
  }
  get(b, 0); get(b, 1); b.byte(op);
  if (signed) b.byte(Op.end);
  b.byte(Op.end);
  return { type: { params: [T, T], results: [T] }, locals: [], body: b };
}

/** The defined functions, given the index of the first one (after the imports). */
export function buildFuncs(first: number): BuiltFunc[] {
  const fs: BuiltFunc[] = [mulhu(), mulhSigned(true), mulhSigned(false)];
  // the signed forms call mulhu64: its index is `first`
  for (const f of fs.slice(1)) {
    const patched = new Bytes();
    const src = f.body.buf.subarray(0, f.body.len);
    // body starts: local.get 0, local.get 1, call 0 (bytes 0x20 0 0x20 1 0x10 0)
    patched.bytes(src.subarray(0, 5)).u32(first).bytes(src.subarray(6));
    f.body = patched;
  }
  for (const w of [false, true]) {
    fs.push(div(w, true, false), div(w, false, false), div(w, true, true), div(w, false, true));
  }
  return fs;
}
