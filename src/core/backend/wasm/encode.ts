/**
 * A small encoder for the WebAssembly binary format: LEB128 numbers and the sections a
 * region module needs (types, imports, functions, exports, code). No dependency.
 */

/** value types */
export const I32 = 0x7f, I64 = 0x7e, F64 = 0x7c;

/** The opcodes the region lowering uses. */
export const Op = {
  unreachable: 0x00, block: 0x02, loop: 0x03, if: 0x04, else: 0x05, try: 0x06, catchAll: 0x19, rethrow: 0x09,
  end: 0x0b, br: 0x0c, brIf: 0x0d, brTable: 0x0e, return: 0x0f, call: 0x10, drop: 0x1a, select: 0x1b,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Load: 0x28, i64Load: 0x29, i32Load8s: 0x2c, i32Load8u: 0x2d, i32Load16s: 0x2e, i32Load16u: 0x2f,
  i64Load8s: 0x30, i64Load8u: 0x31, i64Load16s: 0x32, i64Load16u: 0x33, i64Load32s: 0x34, i64Load32u: 0x35,
  i32Store: 0x36, i64Store: 0x37, i32Store8: 0x3a, i32Store16: 0x3b, i64Store8: 0x3c, i64Store16: 0x3d, i64Store32: 0x3e,
  i32Const: 0x41, i64Const: 0x42,
  i32Eqz: 0x45, i32Eq: 0x46, i32Ne: 0x47, i32LtS: 0x48, i32LtU: 0x49, i32GtS: 0x4a, i32GtU: 0x4b, i32LeS: 0x4c, i32LeU: 0x4d,
  i64Eqz: 0x50, i64Eq: 0x51, i64Ne: 0x52, i64LtS: 0x53, i64LtU: 0x54, i64GtS: 0x55, i64GtU: 0x56, i64LeS: 0x57, i64LeU: 0x58,
  i32Clz: 0x67, i32Ctz: 0x68, i32Popcnt: 0x69, i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32DivS: 0x6d, i32DivU: 0x6e,
  i32RemS: 0x6f, i32RemU: 0x70, i32And: 0x71, i32Or: 0x72, i32Xor: 0x73, i32Shl: 0x74, i32ShrS: 0x75, i32ShrU: 0x76,
  i32Rotl: 0x77, i32Rotr: 0x78,
  i64Clz: 0x79, i64Ctz: 0x7a, i64Popcnt: 0x7b, i64Add: 0x7c, i64Sub: 0x7d, i64Mul: 0x7e, i64DivS: 0x7f, i64DivU: 0x80,
  i64RemS: 0x81, i64RemU: 0x82, i64And: 0x83, i64Or: 0x84, i64Xor: 0x85, i64Shl: 0x86, i64ShrS: 0x87, i64ShrU: 0x88,
  i64Rotl: 0x89, i64Rotr: 0x8a,
  i32WrapI64: 0xa7, i64ExtendI32s: 0xac, i64ExtendI32u: 0xad,
} as const;

/** block type: no result */
export const VOID = 0x40;

/** A growable byte buffer with the wasm number encodings. */
export class Bytes {
  buf: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  len = 0;
  byte(b: number): this {
    if (this.len === this.buf.length) {
      const n = new Uint8Array(this.buf.length * 2);
      n.set(this.buf);
      this.buf = n;
    }
    this.buf[this.len++] = b;
    return this;
  }
  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.byte(b[i]);
    return this;
  }
  /** unsigned LEB128 (values below 2^32) */
  u32(v: number): this {
    v >>>= 0;
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v !== 0) b |= 0x80;
      this.byte(b);
    } while (v !== 0);
    return this;
  }
  /** signed LEB128 of an int32 */
  s32(v: number): this {
    v |= 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) { this.byte(b); return this; }
      this.byte(b | 0x80);
    }
  }
  /** signed LEB128 of an int64 */
  s64(v: bigint): this {
    v = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) { this.byte(b); return this; }
      this.byte(b | 0x80);
    }
  }
  name(s: string): this {
    const e = new TextEncoder().encode(s);
    return this.u32(e.length).bytes(e);
  }
  /** a length-prefixed copy of another buffer */
  vec(b: Bytes): this {
    this.u32(b.len);
    return this.bytes(b.buf.subarray(0, b.len));
  }
  done(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.len);
  }
}

export interface FuncType { params: number[]; results: number[] }
export interface Import { module: string; name: string; type: number }
export interface Func { type: number; locals: number[]; body: Bytes }

/**
 * A module: function types, imported functions, an imported memory ("m"."mem", 65536 pages:
 * the whole 4 GiB guest space), defined functions and the exported ones (by function index:
 * imports first, then defined functions).
 */
export function encodeModule(types: FuncType[], imports: Import[], funcs: Func[], exports: { name: string; func: number }[]): Uint8Array<ArrayBuffer> {
  const out = new Bytes().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const section = (id: number, body: Bytes) => { out.byte(id).vec(body); };

  const ty = new Bytes().u32(types.length);
  for (const t of types) ty.byte(0x60).u32(t.params.length).bytes(t.params).u32(t.results.length).bytes(t.results);
  section(1, ty);

  const im = new Bytes().u32(imports.length + 1);
  for (const i of imports) im.name(i.module).name(i.name).byte(0x00).u32(i.type);
  im.name('m').name('mem').byte(0x02).byte(0x01).u32(65536).u32(65536);
  section(2, im);

  const fn = new Bytes().u32(funcs.length);
  for (const f of funcs) fn.u32(f.type);
  section(3, fn);

  const ex = new Bytes().u32(exports.length);
  for (const e of exports) ex.name(e.name).byte(0x00).u32(e.func);
  section(7, ex);

  const code = new Bytes().u32(funcs.length);
  for (const f of funcs) {
    const body = new Bytes();
    // locals grouped in runs of one type
    const runs: [number, number][] = [];
    for (const l of f.locals) {
      const last = runs[runs.length - 1];
      if (last && last[1] === l) last[0]++;
      else runs.push([1, l]);
    }
    body.u32(runs.length);
    for (const [n, t] of runs) body.u32(n).byte(t);
    body.bytes(f.body.buf.subarray(0, f.body.len)).byte(Op.end);
    code.vec(body);
  }
  section(10, code);
  return out.done();
}
