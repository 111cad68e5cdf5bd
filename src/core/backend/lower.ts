/**
 * Lowering of IR ops to JavaScript statements.
 *
 * Representation (measured choice, see GUIDE rule 4): an i32 value is a JS int32; an i64 value
 * is a pair of int32 locals (lo, hi). Add/sub/logic/compare/extend on pairs are a few int32
 * operations; multiply uses Math.imul plus a 16-bit-split high half; division and dynamic
 * shifts call src/core/backend/runtime.ts. Constants are folded into the text as literals.
 * Guest registers marked `cached` live in locals (x<n> or x<n>l/x<n>h) for the whole
 * compiled function.
 */
import type { Block, Op } from '../ir.js';
import type { RegInfo } from '../isa.js';
import { endianness } from 'node:os';
import { lowerBits } from './lower-bits.js';

const HOST_LE = endianness() === 'LE';

export interface LowerCtx {
  regs: RegInfo[];
  littleEndian: boolean;
  /** cached registers read or written (filled while lowering) */
  used: Set<number>;
  written: Set<number>;
  /** helper names used (filled while lowering) */
  helpers: Set<string>;
  /**
   * a debugger watches memory: loads and stores on pages flagged PAGE_WATCH (128, see
   * src/core/engine/debug.ts) take the slow path too. Only code compiled while a watchpoint is set.
   */
  watch?: boolean;
}

const hex = (n: number) => (n < 0 ? '-0x' + (-n).toString(16) : '0x' + n.toString(16));

/** JS text for one block's ops except its terminator (returned separately). */
export function lowerBlock(b: Block, ctx: LowerCtx): { body: string[]; term: Op } {
  const consts = new Map<number, { lo: number; hi: number }>();
  const out: string[] = [];
  const ty = (v: number) => b.temps[v];
  const lo = (v: number): string => {
    const c = consts.get(v);
    if (c) return hex(c.lo);
    return ty(v) === 'i64' ? `t${v}l` : `t${v}`;
  };
  const hi = (v: number): string => {
    const c = consts.get(v);
    if (c) return hex(c.hi);
    return ty(v) === 'i64' ? `t${v}h` : `(t${v} >> 31)`;
  };
  const v32 = lo;
  const u32 = (v: number) => {
    const c = consts.get(v);
    return c ? hex(c.lo >>> 0) : `(${lo(v)} >>> 0)`;
  };
  const isConst = (v: number) => consts.has(v);
  const E = ctx.littleEndian ? 'true' : 'false';
  // guest order equals host order: aligned accesses use typed arrays, others DataView
  const native = ctx.littleEndian === HOST_LE;

  const ops = b.ops;
  const term = ops[ops.length - 1];
  out.push(...openLabels(ops));
  for (let i = 0; i < ops.length - 1; i++) {
    const o = ops[i];
    const d = o.d;
    const dl = `t${d}l`, dh = `t${d}h`, d32 = `t${d}`;
    const wide = o.ty === 'i64';
    const a = o.a, bb = o.b;
    switch (o.op) {
      case 'const': {
        const v = BigInt(o.imm);
        consts.set(d, { lo: Number(BigInt.asIntN(32, v)), hi: Number(BigInt.asIntN(32, v >> 32n)) });
        break;
      }
      case 'get': {
        const r = ctx.regs[Number(o.imm)];
        if (r.zero) { consts.set(d, { lo: 0, hi: 0 }); break; }
        if (r.cached) {
          ctx.used.add(Number(o.imm));
          if (wide) out.push(`${dl} = x${o.imm}l; ${dh} = x${o.imm}h;`);
          else out.push(`${d32} = x${o.imm};`);
        } else if (wide) out.push(`${dl} = r[${r.index}]; ${dh} = r[${r.index + 1}];`);
        else out.push(`${d32} = r[${r.index}];`);
        break;
      }
      case 'set': {
        const r = ctx.regs[Number(o.imm)];
        if (r.zero) break;
        if (r.cached) {
          ctx.used.add(Number(o.imm));
          ctx.written.add(Number(o.imm));
          if (wide) out.push(`x${o.imm}l = ${lo(a)}; x${o.imm}h = ${hi(a)};`);
          else out.push(`x${o.imm} = ${v32(a)};`);
        } else if (wide) out.push(`r[${r.index}] = ${lo(a)}; r[${r.index + 1}] = ${hi(a)};`);
        else out.push(`r[${r.index}] = ${v32(a)};`);
        break;
      }
      case 'add':
        if (!wide) { out.push(`${d32} = (${v32(a)} + ${v32(bb)}) | 0;`); break; }
        out.push(`${dl} = (${lo(a)} + ${lo(bb)}) | 0; ${dh} = (${hi(a)} + ${hi(bb)} + ((${dl} >>> 0) < ${u32(a)} ? 1 : 0)) | 0;`);
        break;
      case 'sub':
        if (!wide) { out.push(`${d32} = (${v32(a)} - ${v32(bb)}) | 0;`); break; }
        out.push(`${dl} = (${lo(a)} - ${lo(bb)}) | 0; ${dh} = (${hi(a)} - ${hi(bb)} - (${u32(a)} < ${u32(bb)} ? 1 : 0)) | 0;`);
        break;
      case 'and': case 'or': case 'xor': {
        const sym = o.op === 'and' ? '&' : o.op === 'or' ? '|' : '^';
        if (!wide) { out.push(`${d32} = ${v32(a)} ${sym} ${v32(bb)};`); break; }
        out.push(`${dl} = ${lo(a)} ${sym} ${lo(bb)}; ${dh} = ${hi(a)} ${sym} ${hi(bb)};`);
        break;
      }
      case 'not':
        if (!wide) out.push(`${d32} = ~${v32(a)};`);
        else out.push(`${dl} = ~${lo(a)}; ${dh} = ~${hi(a)};`);
        break;
      case 'neg':
        if (!wide) out.push(`${d32} = (-(${v32(a)})) | 0;`);
        else out.push(`${dl} = (-(${lo(a)})) | 0; ${dh} = (~${hi(a)} + (${dl} === 0 ? 1 : 0)) | 0;`);
        break;
      case 'mul':
        if (!wide) { out.push(`${d32} = Math.imul(${v32(a)}, ${v32(bb)});`); break; }
        out.push(`${dl} = Math.imul(${lo(a)}, ${lo(bb)}); ${dh} = (Math.imul(${lo(a)}, ${hi(bb)}) + Math.imul(${hi(a)}, ${lo(bb)}) + mulhu32(${lo(a)}, ${lo(bb)})) | 0;`);
        break;
      case 'mulhs': case 'mulhu': case 'mulhsu':
        if (!wide) { out.push(`${d32} = ${o.op}32(${v32(a)}, ${v32(bb)});`); break; }
        out.push(`${dl} = ${o.op}64(cpu, ${lo(a)}, ${hi(a)}, ${lo(bb)}, ${hi(bb)}); ${dh} = cpu.rhi;`);
        break;
      case 'divs': case 'divu': case 'rems': case 'remu': {
        const k = ['divs', 'divu', 'rems', 'remu'].indexOf(o.op);
        if (!wide) { out.push(`${d32} = div32(${v32(a)}, ${v32(bb)}, ${k});`); break; }
        out.push(`${dl} = div64(cpu, ${lo(a)}, ${hi(a)}, ${lo(bb)}, ${hi(bb)}, ${k}); ${dh} = cpu.rhi;`);
        break;
      }
      case 'shl': case 'shr': case 'sar':
        lowerShift(o, out, { lo, hi, v32, isConst, consts });
        break;
      case 'eq': case 'ne': case 'lts': case 'ltu': case 'les': case 'leu':
        out.push(`${d32} = (${compare(o.op, b.temps[a] === 'i64', a, bb, lo, hi, u32)}) ? 1 : 0;`);
        break;
      case 'select': {
        const [x, y] = [bb, o.c];
        if (!wide) out.push(`${d32} = ${v32(a)} !== 0 ? ${v32(x)} : ${v32(y)};`);
        else out.push(`if (${v32(a)} !== 0) { ${dl} = ${lo(x)}; ${dh} = ${hi(x)}; } else { ${dl} = ${lo(y)}; ${dh} = ${hi(y)}; }`);
        break;
      }
      case 'sext': out.push(`${dl} = ${v32(a)}; ${dh} = ${dl} >> 31;`); break;
      case 'zext': out.push(`${dl} = ${v32(a)}; ${dh} = 0;`); break;
      case 'trunc': out.push(`${d32} = ${lo(a)};`); break;
      case 'sextb': case 'zextb': {
        const n = Number(o.imm);
        const s = o.op === 'sextb';
        const ext32 = (x: string, bits: number) =>
          bits >= 32 ? x : s ? `((${x} << ${32 - bits}) >> ${32 - bits})` : `(${x} & ${hex(bits === 31 ? 0x7fffffff : (1 << bits) - 1)})`;
        if (!wide) { out.push(`${d32} = ${ext32(v32(a), n)};`); break; }
        if (n <= 32) out.push(`${dl} = ${ext32(lo(a), n)}; ${dh} = ${s ? `${dl} >> 31` : '0'};`);
        else out.push(`${dl} = ${lo(a)}; ${dh} = ${ext32(hi(a), n - 32)};`);
        break;
      }
      case 'brcond': out.push(`if (${v32(a)} ${o.imm2 ? '===' : '!=='} 0) break B${o.imm};`); break;
      case 'label': out.push(`} // B${o.imm}`); break;
      case 'load': lowerLoad(o, out, u32, E, native, ctx.watch === true); break;
      case 'store': lowerStore(o, out, u32, lo, hi, v32, b.temps[bb] === 'i64', E, native, ctx.watch === true); break;
      case 'call': {
        ctx.helpers.add(o.name);
        const args = ['cpu'];
        for (const x of o.args) {
          if (b.temps[x] === 'i64') args.push(lo(x), hi(x));
          else args.push(v32(x));
        }
        const call = `h_${o.name}(${args.join(', ')})`;
        const pre = `cpu.pc = ${hex(o.pc)}; `;
        if (d < 0) out.push(`${pre}${call};`);
        else if (wide) out.push(`${pre}${dl} = ${call}; ${dh} = cpu.rhi;`);
        else out.push(`${pre}${d32} = ${call};`);
        break;
      }
      default:
        if (!lowerBits(o, out, { lo, hi, v32, u32, consts, ty })) throw new Error(`backend: unknown IR op ${o.op}`);
    }
  }
  return { body: out, term };

  function compare(op: string, w: boolean, x: number, y: number, L: typeof lo, H: typeof hi, U: typeof u32): string {
    if (!w) {
      switch (op) {
        case 'eq': return `${L(x)} === ${L(y)}`;
        case 'ne': return `${L(x)} !== ${L(y)}`;
        case 'lts': return `${L(x)} < ${L(y)}`;
        case 'les': return `${L(x)} <= ${L(y)}`;
        case 'ltu': return `${U(x)} < ${U(y)}`;
        default: return `${U(x)} <= ${U(y)}`;
      }
    }
    const uh = (v: number) => (consts.has(v) ? hex(consts.get(v)!.hi >>> 0) : `(${H(v)} >>> 0)`);
    switch (op) {
      case 'eq': return `${L(x)} === ${L(y)} && ${H(x)} === ${H(y)}`;
      case 'ne': return `${L(x)} !== ${L(y)} || ${H(x)} !== ${H(y)}`;
      case 'lts': return `${H(x)} < ${H(y)} || (${H(x)} === ${H(y)} && ${U(x)} < ${U(y)})`;
      case 'les': return `${H(x)} < ${H(y)} || (${H(x)} === ${H(y)} && ${U(x)} <= ${U(y)})`;
      case 'ltu': return `${uh(x)} < ${uh(y)} || (${H(x)} === ${H(y)} && ${U(x)} < ${U(y)})`;
      default: return `${uh(x)} < ${uh(y)} || (${H(x)} === ${H(y)} && ${U(x)} <= ${U(y)})`;
    }
  }
}

/**
 * Forward branches inside a block are JS labeled blocks left with `break`: every label's block
 * opens at the start of the block's code and closes where the label is set, so they nest by
 * the label positions (the label set last is the outermost).
 */
function openLabels(ops: Op[]): string[] {
  const at = new Map<number, number>();
  const used = new Set<number>();
  ops.forEach((o, i) => {
    if (o.op === 'label') at.set(Number(o.imm), i);
    else if (o.op === 'brcond') {
      const l = Number(o.imm);
      if (at.has(l)) throw new Error(`backend: brcond to label ${l} before it is a backward branch`);
      used.add(l);
    }
  });
  for (const l of used) if (!at.has(l)) throw new Error(`backend: label ${l} is never set`);
  return [...at.keys()].sort((x, y) => at.get(y)! - at.get(x)!).map((l) => `B${l}: {`);
}

interface ValFns {
  lo: (v: number) => string;
  hi: (v: number) => string;
  v32: (v: number) => string;
  isConst: (v: number) => boolean;
  consts: Map<number, { lo: number; hi: number }>;
}

function lowerShift(o: Op, out: string[], f: ValFns): void {
  const d = o.d;
  const { lo, hi, v32 } = f;
  const sh = o.op;
  if (o.ty !== 'i64') {
    const sym = sh === 'shl' ? '<<' : sh === 'shr' ? '>>>' : '>>';
    out.push(`t${d} = (${v32(o.a)} ${sym} ${v32(o.b)})${sh === 'shr' ? ' | 0' : ''};`);
    return;
  }
  const dl = `t${d}l`, dh = `t${d}h`;
  const c = f.consts.get(o.b);
  if (!c) {
    const k = sh === 'shl' ? 0 : sh === 'shr' ? 1 : 2;
    out.push(`${dl} = shift64(cpu, ${lo(o.a)}, ${hi(o.a)}, ${v32(o.b)}, ${k}); ${dh} = cpu.rhi;`);
    return;
  }
  const s = c.lo & 63;
  const L = lo(o.a), H = hi(o.a);
  if (s === 0) out.push(`${dl} = ${L}; ${dh} = ${H};`);
  else if (sh === 'shl') {
    if (s < 32) out.push(`${dh} = (${H} << ${s}) | (${L} >>> ${32 - s}); ${dl} = ${L} << ${s};`);
    else out.push(`${dh} = ${L} << ${s - 32}; ${dl} = 0;`);
  } else if (s < 32) {
    out.push(`${dl} = (${L} >>> ${s}) | (${H} << ${32 - s}); ${dh} = ${sh === 'shr' ? `(${H} >>> ${s}) | 0` : `${H} >> ${s}`};`);
  } else if (sh === 'shr') out.push(`${dl} = (${H} >>> ${s - 32}) | 0; ${dh} = 0;`);
  else out.push(`${dl} = ${H} >> ${s - 32}; ${dh} = ${H} >> 31;`);
}

const LOADS: Record<string, string> = { '1s': 'getInt8', '1u': 'getUint8', '2s': 'getInt16', '2u': 'getUint16', '4s': 'getInt32', '4u': 'getInt32' };
const STORES: Record<number, string> = { 1: 'setInt8', 2: 'setInt16', 4: 'setInt32' };
/** typed-array views used when guest and host byte order agree (aligned fast path) */
const VIEWS: Record<string, [string, number]> = { '1s': ['i8', 0], '1u': ['u8', 0], '2s': ['i16', 1], '2u': ['u16', 1], '4s': ['i32', 2], '4u': ['i32', 2] };

/** A load of `size` bytes at `ea` as an int32 expression. */
function loadExpr(size: number, signed: boolean, native: boolean, E: string, at = 'ea'): string {
  const key = `${size}${signed ? 's' : 'u'}`;
  if (!native) return `dv.${LOADS[key]}(${at}, ${E})`;
  const [view, shift] = VIEWS[key];
  if (shift === 0) return `${view}[${at}]`;
  return `((${at} & ${(1 << shift) - 1}) === 0 ? ${view}[${at} >>> ${shift}] : dv.${LOADS[key]}(${at}, true))`;
}

function storeStmt(size: number, native: boolean, E: string, v: string, at = 'ea'): string {
  if (!native) return `dv.${STORES[size]}(${at}, ${v}, ${E});`;
  if (size === 1) return `u8[${at}] = ${v};`;
  const view = size === 2 ? 'i16' : 'i32';
  const shift = size === 2 ? 1 : 2;
  return `if ((${at} & ${(1 << shift) - 1}) === 0) ${view}[${at} >>> ${shift}] = ${v}; else dv.${STORES[size]}(${at}, ${v}, true);`;
}

function lowerLoad(o: Op, out: string[], u32: (v: number) => string, E: string, native: boolean, watch: boolean): void {
  const d = o.d;
  const pc = hex(o.pc);
  out.push(watch ? `ea = ${u32(o.a)}; if ((p[ea >>> 12] & 129) !== 1) F.r(ea, ${pc}, ${o.size});`
    : `ea = ${u32(o.a)}; if ((p[ea >>> 12] & 1) === 0) F.r(ea, ${pc});`);
  const wide = o.ty === 'i64';
  if (o.size === 8) {
    const [l, h] = E === 'true' ? ['ea', 'ea + 4'] : ['ea + 4', 'ea'];
    if (native) {
      if (wide) out.push(`if ((ea & 3) === 0) { t${d}l = i32[ea >>> 2]; t${d}h = i32[(ea >>> 2) + 1]; } else { t${d}l = dv.getInt32(ea, true); t${d}h = dv.getInt32(ea + 4, true); }`);
      else out.push(`t${d} = ${loadExpr(4, true, true, E)};`);
      return;
    }
    if (wide) out.push(`t${d}l = dv.getInt32(${l}, ${E}); t${d}h = dv.getInt32(${h}, ${E});`);
    else out.push(`t${d} = dv.getInt32(${l}, ${E});`);
    return;
  }
  const expr = loadExpr(o.size, o.signed, native, E);
  if (!wide) { out.push(`t${d} = ${expr};`); return; }
  const hiExpr = o.signed ? `t${d}l >> 31` : '0';
  out.push(`t${d}l = ${expr}; t${d}h = ${hiExpr};`);
}

function lowerStore(o: Op, out: string[], u32: (v: number) => string, lo: (v: number) => string, hi: (v: number) => string,
  v32: (v: number) => string, wideVal: boolean, E: string, native: boolean, watch: boolean): void {
  const pc = hex(o.pc);
  out.push(`ea = ${u32(o.a)}; if ((p[ea >>> 12] & ${watch ? 138 : 10}) !== 2 && F.w(ea, ${pc}, ${o.size})) bud = 0;`);
  if (o.size === 8) {
    const hv = wideVal ? hi(o.b) : `${v32(o.b)} >> 31`;
    if (native) {
      out.push(`if ((ea & 3) === 0) { i32[ea >>> 2] = ${lo(o.b)}; i32[(ea >>> 2) + 1] = ${hv}; } else { dv.setInt32(ea, ${lo(o.b)}, true); dv.setInt32(ea + 4, ${hv}, true); }`);
      return;
    }
    const [l, h] = E === 'true' ? ['ea', 'ea + 4'] : ['ea + 4', 'ea'];
    out.push(`dv.setInt32(${l}, ${lo(o.b)}, ${E}); dv.setInt32(${h}, ${hv}, ${E});`);
    return;
  }
  out.push(storeStmt(o.size, native, E, wideVal ? lo(o.b) : v32(o.b)));
}
