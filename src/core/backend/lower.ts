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
import { lowerBits } from './lower-bits.js';
import type { MemoryEmitter } from '../memory/model.js';

export interface LowerCtx {
  regs: RegInfo[];
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
  /** how loads and stores look in the text (the memory model's emitter) */
  mem: MemoryEmitter;
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
  const memEmit = ctx.mem;

  const ops = b.ops;
  const term = ops[ops.length - 1];
  out.push(...openLabels(ops));
  let calls = false;
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
      case 'load': lowerLoad(o, out, u32, memEmit, ctx.watch === true); break;
      case 'store': lowerStore(o, out, u32, lo, hi, v32, b.temps[bb] === 'i64', memEmit, ctx.watch === true); break;
      case 'call': {
        ctx.helpers.add(o.name);
        const args = ['cpu'];
        for (const x of o.args) {
          if (b.temps[x] === 'i64') args.push(lo(x), hi(x));
          else args.push(v32(x));
        }
        const call = `h_${o.name}(${args.join(', ')})`;
        const pre = `cpu.pc = ${hex(o.pc)}; `;
        calls = true;
        if (d < 0) out.push(`${pre}${call};`);
        else if (wide) out.push(`${pre}${dl} = ${call}; ${dh} = cpu.rhi;`);
        else out.push(`${pre}${d32} = ${call};`);
        break;
      }
      default:
        if (!lowerBits(o, out, { lo, hi, v32, u32, consts, ty })) throw new Error(`backend: unknown IR op ${o.op}`);
    }
  }
  // a helper (or a device behind it) may ask the region to return at its next block
  // boundary (Cpu.exitRequest): one test per block that called any, before its terminator
  if (calls) out.push('if (cpu.exitRequest !== 0) bud = cpu.exitRequest = 0;');
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

/** An IR load through the memory model's emitter: the check (both pages of a crossing access), then the access. */
function lowerLoad(o: Op, out: string[], u32: (v: number) => string, mem: MemoryEmitter, watch: boolean): void {
  const d = o.d;
  const pc = hex(o.pc);
  out.push(mem.check(u32(o.a), o.size, false, pc, watch, o.align));
  const dest: [string] | [string, string] = o.ty === 'i64' ? [`t${d}l`, `t${d}h`] : [`t${d}`];
  out.push(mem.load({ dest, size: o.size, signed: o.signed, pc }));
}

function lowerStore(o: Op, out: string[], u32: (v: number) => string, lo: (v: number) => string, hi: (v: number) => string,
  v32: (v: number) => string, wideVal: boolean, mem: MemoryEmitter, watch: boolean): void {
  const pc = hex(o.pc);
  out.push(mem.check(u32(o.a), o.size, true, pc, watch, o.align));
  const l = wideVal ? lo(o.b) : v32(o.b);
  const h = wideVal ? hi(o.b) : `${v32(o.b)} >> 31`;
  out.push(mem.store({ lo: l, hi: h, size: o.size, pc }));
}
