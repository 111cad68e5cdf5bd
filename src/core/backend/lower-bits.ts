/**
 * Lowering of the bit-manipulation ops (rotl rotr clz ctz popcnt bswap extract deposit addc
 * subb) to JavaScript. i32 values are int32 expressions; i64 values are (lo, hi) int32 pairs.
 * Every statement leaves its destination(s) as int32 (never a uint32 from `>>>`).
 */
import type { Op } from '../ir.js';

export interface ValFns {
  lo: (v: number) => string;
  hi: (v: number) => string;
  v32: (v: number) => string;
  u32: (v: number) => string;
  /** the temp's value when it is a constant */
  consts: Map<number, { lo: number; hi: number }>;
  ty: (v: number) => string;
}

const hex = (n: number) => (n < 0 ? '-0x' + (-n).toString(16) : '0x' + n.toString(16));
const mask32 = (bits: number) => (bits >= 32 ? -1 : bits <= 0 ? 0 : (2 ** bits - 1) | 0);
const bswap32 = (x: string) => `((${x} >>> 24) | ((${x} >>> 8) & 0xff00) | ((${x} & 0xff00) << 8) | (${x} << 24))`;
const ctz32 = (x: string) => `(${x} === 0 ? 32 : 31 - Math.clz32(${x} & -(${x})))`;

/** (lo, hi) expressions of the pair (L, H) shifted left by the constant s (0..63) */
function shlPair(L: string, H: string, s: number): [string, string] {
  if (s === 0) return [L, H];
  if (s < 32) return [`(${L} << ${s})`, `((${H} << ${s}) | (${L} >>> ${32 - s}))`];
  return ['0', `(${L} << ${s - 32})`];
}
/** (lo, hi) of (L, H) rotated left by the constant s (0..63) */
function rotlPair(L: string, H: string, s: number): [string, string] {
  if (s >= 32) { [L, H] = [H, L]; s -= 32; }
  if (s === 0) return [L, H];
  return [`((${L} << ${s}) | (${H} >>> ${32 - s}))`, `((${H} << ${s}) | (${L} >>> ${32 - s}))`];
}

/** Emit the JS for o when it is one of these ops; false otherwise. */
export function lowerBits(o: Op, out: string[], f: ValFns): boolean {
  const { lo, hi, v32 } = f;
  const d = o.d, a = o.a, b = o.b;
  const d32 = `t${d}`, dl = `t${d}l`, dh = `t${d}h`;
  const wide = o.ty === 'i64';
  switch (o.op) {
    case 'rotl': case 'rotr': {
      const c = f.consts.get(b);
      if (!wide) {
        const [x, y] = o.op === 'rotl' ? ['<<', '>>>'] : ['>>>', '<<'];
        if (c) {
          const s = c.lo & 31;
          out.push(`${d32} = (${v32(a)} ${x} ${s}) | (${v32(a)} ${y} ${32 - s});`);
        } else out.push(`${d32} = (${v32(a)} ${x} ${v32(b)}) | (${v32(a)} ${y} (32 - ${v32(b)}));`);
        return true;
      }
      if (!c) {
        out.push(`${dl} = rotl64(cpu, ${lo(a)}, ${hi(a)}, ${o.op === 'rotl' ? v32(b) : `64 - (${v32(b)} & 63)`}); ${dh} = cpu.rhi;`);
        return true;
      }
      const s = o.op === 'rotl' ? c.lo & 63 : (64 - (c.lo & 63)) & 63;
      const [L, H] = rotlPair(lo(a), hi(a), s);
      out.push(`${dl} = ${L} | 0; ${dh} = ${H} | 0;`);
      return true;
    }
    case 'clz':
      if (!wide) out.push(`${d32} = Math.clz32(${v32(a)});`);
      else out.push(`${dl} = ${hi(a)} !== 0 ? Math.clz32(${hi(a)}) : 32 + Math.clz32(${lo(a)}); ${dh} = 0;`);
      return true;
    case 'ctz':
      if (!wide) out.push(`${d32} = ${ctz32(v32(a))};`);
      else out.push(`${dl} = ${lo(a)} !== 0 ? ${ctz32(lo(a))} : 32 + ${ctz32(hi(a))}; ${dh} = 0;`);
      return true;
    case 'popcnt':
      if (!wide) out.push(`${d32} = popcnt32(${v32(a)});`);
      else out.push(`${dl} = popcnt32(${lo(a)}) + popcnt32(${hi(a)}); ${dh} = 0;`);
      return true;
    case 'bswap':
      if (!wide) out.push(`${d32} = ${bswap32(v32(a))};`);
      else out.push(`${dl} = ${bswap32(hi(a))}; ${dh} = ${bswap32(lo(a))};`);
      return true;
    case 'extract': {
      const pos = Number(o.imm), len = o.imm2;
      if (!wide) {
        if (o.signed) out.push(`${d32} = (${v32(a)} << ${32 - pos - len}) >> ${32 - len};`);
        else out.push(`${d32} = (${v32(a)} >>> ${pos}) & ${hex(mask32(len))};`);
        return true;
      }
      // shift the pair right by pos, then extend from len bits
      let L: string, H: string;
      if (pos === 0) { L = lo(a); H = hi(a); }
      else if (pos < 32) { L = `(${lo(a)} >>> ${pos}) | (${hi(a)} << ${32 - pos})`; H = `${hi(a)} >>> ${pos}`; }
      else { L = `${hi(a)} >>> ${pos - 32}`; H = '0'; }
      if (len <= 32) {
        const ext = len === 32 ? `(${L}) | 0` : o.signed ? `((${L}) << ${32 - len}) >> ${32 - len}` : `(${L}) & ${hex(mask32(len))}`;
        out.push(`${dl} = ${ext}; ${dh} = ${o.signed ? `${dl} >> 31` : '0'};`);
      } else {
        const n = len - 32;
        const ext = o.signed ? `((${H}) << ${32 - n}) >> ${32 - n}` : `(${H}) & ${hex(mask32(n))}`;
        out.push(`${dl} = (${L}) | 0; ${dh} = ${ext};`);
      }
      return true;
    }
    case 'deposit': {
      const pos = Number(o.imm), len = o.imm2;
      if (!wide) {
        const m = mask32(len) << pos;
        out.push(`${d32} = (${v32(a)} & ${hex(~m)}) | ((${v32(b)} << ${pos}) & ${hex(m)});`);
        return true;
      }
      const m = (1n << BigInt(len)) - 1n << BigInt(pos);
      const ml = Number(BigInt.asIntN(32, m)), mh = Number(BigInt.asIntN(32, m >> 32n));
      const [sl, sh] = shlPair(lo(b), f.ty(b) === 'i64' ? hi(b) : `(${v32(b)} >> 31)`, pos);
      const part = (x: string, s: string, mk: number) => (mk === 0 ? x : mk === -1 ? `${s} | 0` : `(${x} & ${hex(~mk)}) | (${s} & ${hex(mk)})`);
      out.push(`${dl} = ${part(lo(a), sl, ml)}; ${dh} = ${part(hi(a), sh, mh)};`);
      return true;
    }
    case 'addc': case 'subb': {
      const u = (x: string) => `(${x} >>> 0)`;
      const cin = o.c >= 0 ? ` + ${v32(o.c)}` : '';
      if (f.ty(a) !== 'i64') {
        // int32-only forms (uint32 sums would make V8 work in doubles): the carry of a + b (+ cin)
        // is sum < a unsigned (sum <= a with a carry in); the borrow of a - b (- cin) is a < b
        // unsigned (a <= b with a borrow in)
        const A = u(v32(a)), B = u(v32(b));
        const k = o.c >= 0 ? f.consts.get(o.c)?.lo : 0;
        if (k !== undefined) { // no carry in, or a constant one: a single unsigned compare
          if (o.op === 'addc') out.push(`${d32} = ((${v32(a)} + ${v32(b)}${k ? ' + 1' : ''}) >>> 0) ${k ? '<=' : '<'} ${A} ? 1 : 0;`);
          else out.push(`${d32} = ${A} ${k ? '<=' : '<'} ${B} ? 1 : 0;`);
          return true;
        }
        const withIn = ` || (${v32(o.c)} !== 0 && `;
        if (o.op === 'addc') {
          const sum = `((${v32(a)} + ${v32(b)}${cin}) >>> 0)`;
          out.push(`${d32} = (${sum} < ${A}${withIn}${sum} === ${A})) ? 1 : 0;`);
        } else {
          out.push(`${d32} = (${A} < ${B}${withIn}${A} === ${B})) ? 1 : 0;`);
        }
        return true;
      }
      if (o.op === 'addc') {
        out.push(`${d32} = ${u(hi(a))} + ${u(hi(b))} + (${u(lo(a))} + ${u(lo(b))}${cin} > 0xffffffff ? 1 : 0) > 0xffffffff ? 1 : 0;`);
      } else {
        out.push(`${d32} = ${u(hi(a))} < ${u(hi(b))} + (${u(lo(a))} < ${u(lo(b))}${cin} ? 1 : 0) ? 1 : 0;`);
      }
      return true;
    }
    default:
      return false;
  }
}
