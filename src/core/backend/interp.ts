/**
 * Tier 0: an interpreter over the IR of one block, for code that has run only a few times.
 *
 * Compiling a block to JS (`new Function`) costs about 100-150 µs; most blocks of a program's
 * start-up run once or a handful of times, so the engine first runs each block here and
 * compiles it only once it has run WARM times (src/core/engine/engine.ts). A block is turned
 * into an array of closures once (a "closure compiler"), which then run in a loop over two
 * Int32Arrays holding every temp as a (lo, hi) pair — an i32 temp keeps its sign extension in
 * hi, as the JS backend's `hi()` of an i32 does.
 *
 * The semantics are those of the JS backend's lowering (lower.ts, lower-bits.ts), op for op,
 * with tier 1's register handling (no register caching: every get and set goes to cpu.r, so
 * the state is exact at a fault) and the same memory slow paths: every load and store first
 * goes through the memory model's `F.r`/`F.w` (which check every page, the alignment the op
 * requires, watchpoints and code pages, and throw the fault with the instruction's pc), then
 * moves the bytes with the model's accessors. tests/core/interp.test.ts runs the backend's op
 * tests through both.
 */
import { ExitKind, type Block, type Op } from '../ir.js';
import { Excp } from '../exceptions.js';
import type { RegInfo } from '../isa.js';
import type { FaultHooks, GuestMemory } from '../memory/model.js';
import type { CompiledRegion } from './region.js';
import { div32, div64, mulhs32, mulhs64, mulhsu32, mulhsu64, mulhu32, mulhu64, popcnt32, rotl64, shift64 } from './runtime.js';

/** What an interpreted block runs against (the engine's RegionEnv supplies it). */
export interface InterpEnv {
  r: Int32Array;
  mem: GuestMemory;
  faults: FaultHooks;
  helpers: Record<string, unknown>;
}

/** The CPU fields an interpreted block reads and writes. */
interface CpuLike {
  pc: number;
  rhi: number;
  budget: number;
  icount: number;
  exitRequest: number;
  excp: number;
  excpCause: number;
  excpAddr: number;
  excpAccess: number;
}

/** One interpreter step: runs an op and returns the index of the next one. */
type Step = (s: State) => number;

interface State {
  cpu: CpuLike;
  l: Int32Array;
  h: Int32Array;
  /** cleared when a slow path or helper asks the region to return (an exit request) */
  go: boolean;
}

type Fn2 = (x: number, y: number) => number;

const mask32 = (bits: number) => (bits >= 32 ? -1 : bits <= 0 ? 0 : (2 ** bits - 1) | 0);
const bswap32 = (x: number) => (x >>> 24) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | (x << 24);
const ctz32 = (x: number) => (x === 0 ? 32 : 31 - Math.clz32(x & -x));
const BIN32: Record<string, Fn2> = {
  add: (x, y) => (x + y) | 0, sub: (x, y) => (x - y) | 0, mul: Math.imul,
  and: (x, y) => x & y, or: (x, y) => x | y, xor: (x, y) => x ^ y,
  shl: (x, y) => x << y, shr: (x, y) => (x >>> y) | 0, sar: (x, y) => x >> y,
  rotl: (x, y) => (x << y) | (x >>> (32 - y)), rotr: (x, y) => (x >>> y) | (x << (32 - y)),
  mulhs: mulhs32, mulhu: mulhu32, mulhsu: mulhsu32,
  divs: (x, y) => div32(x, y, 0), divu: (x, y) => div32(x, y, 1), rems: (x, y) => div32(x, y, 2), remu: (x, y) => div32(x, y, 3),
};
const CMP32: Record<string, Fn2> = {
  eq: (x, y) => (x === y ? 1 : 0), ne: (x, y) => (x !== y ? 1 : 0), lts: (x, y) => (x < y ? 1 : 0),
  les: (x, y) => (x <= y ? 1 : 0), ltu: (x, y) => ((x >>> 0) < (y >>> 0) ? 1 : 0), leu: (x, y) => ((x >>> 0) <= (y >>> 0) ? 1 : 0),
};
/** i64 compares on (lo, hi) pairs, as lower.ts's compare() */
const CMP64: Record<string, (xl: number, xh: number, yl: number, yh: number) => boolean> = {
  eq: (xl, xh, yl, yh) => xl === yl && xh === yh,
  ne: (xl, xh, yl, yh) => xl !== yl || xh !== yh,
  lts: (xl, xh, yl, yh) => xh < yh || (xh === yh && (xl >>> 0) < (yl >>> 0)),
  les: (xl, xh, yl, yh) => xh < yh || (xh === yh && (xl >>> 0) <= (yl >>> 0)),
  ltu: (xl, xh, yl, yh) => (xh >>> 0) < (yh >>> 0) || (xh === yh && (xl >>> 0) < (yl >>> 0)),
  leu: (xl, xh, yl, yh) => (xh >>> 0) < (yh >>> 0) || (xh === yh && (xl >>> 0) <= (yl >>> 0)),
};
/** i64 ops through runtime.ts (lo returned, hi in cpu.rhi) */
type Fn64 = (cpu: CpuLike, al: number, ah: number, bl: number, bh: number) => number;
const RT64: Record<string, Fn64> = {
  mulhs: mulhs64, mulhu: mulhu64, mulhsu: mulhsu64,
  divs: (c, a, b, x, y) => div64(c, a, b, x, y, 0), divu: (c, a, b, x, y) => div64(c, a, b, x, y, 1),
  rems: (c, a, b, x, y) => div64(c, a, b, x, y, 2), remu: (c, a, b, x, y) => div64(c, a, b, x, y, 3),
  shl: (c, a, b, s) => shift64(c, a, b, s, 0), shr: (c, a, b, s) => shift64(c, a, b, s, 1), sar: (c, a, b, s) => shift64(c, a, b, s, 2),
  rotl: (c, a, b, s) => rotl64(c, a, b, s), rotr: (c, a, b, s) => rotl64(c, a, b, 64 - (s & 63)),
};

/**
 * The function that runs `block` by interpretation: (cpu) => ExitKind, with cpu.pc set to
 * where execution goes next, as a compiled tier-1 function returns.
 */
export function interpretBlock(block: Block, regs: RegInfo[], env: InterpEnv): (cpu: unknown) => number {
  const n = block.temps.length;
  const init = { l: new Int32Array(n), h: new Int32Array(n) };
  const steps = block.ops.slice(0, -1).map((o, i) => step(o, i, block, regs, env, init));
  fixLabels(block.ops, steps);
  const term = terminator(block.ops[block.ops.length - 1]);
  const s: State = { cpu: undefined as unknown as CpuLike, l: new Int32Array(n), h: new Int32Array(n), go: true };
  const count = steps.length;
  return (cpu: unknown) => {
    s.cpu = cpu as CpuLike;
    s.l.set(init.l); // constants; every other temp starts at 0 (a skipped definition reads 0)
    s.h.set(init.h);
    s.go = true;
    for (let i = 0; i < count;) i = steps[i](s);
    const c = s.cpu;
    const kind = term(s);
    c.icount += block.ninsns;
    if (!s.go) c.budget = 0; // (a straight-line compiled block leaves the budget alone too)
    return kind;
  };
}

/** A tier-0 region: `block` run by interpretBlock, in the shape of a compiled one (no source). */
export function interpretedRegion(block: Block, regs: RegInfo[], env: InterpEnv): CompiledRegion {
  return { entry: block.pc, mode: 0, tier: 0, hits: 0, fn: interpretBlock(block, regs, env), source: '', blocks: [block] };
}

/** brcond steps jump to their label's index: patch them now that every index is known. */
function fixLabels(ops: Op[], steps: Step[]): void {
  const at = new Map<number, number>();
  ops.forEach((o, i) => { if (o.op === 'label') at.set(Number(o.imm), i); });
  ops.forEach((o, i) => {
    if (o.op !== 'brcond') return;
    const target = at.get(Number(o.imm));
    if (target === undefined || target < i) throw new Error(`interp: brcond to label ${o.imm} that is not set after it`);
    const a = o.a, onZero = o.imm2 !== 0, next = i + 1;
    steps[i] = (s) => ((s.l[a] === 0) === onZero ? target : next);
  });
}

function terminator(o: Op): (s: State) => number {
  switch (o.op) {
    case 'jmp': {
      const t = Number(o.imm) >>> 0;
      return (s) => { s.cpu.pc = t; return ExitKind.Jump; };
    }
    case 'br': {
      const a = o.a, t = Number(o.imm), f = o.imm2;
      return (s) => { s.cpu.pc = s.l[a] !== 0 ? t : f; return ExitKind.Jump; };
    }
    case 'jind': {
      const a = o.a;
      return (s) => { s.cpu.pc = s.l[a] >>> 0; return ExitKind.Jump; };
    }
    case 'exit': {
      const t = Number(o.imm), kind = o.imm2;
      return (s) => { s.cpu.pc = t; return kind; };
    }
    case 'exception': {
      const t = Number(o.imm), excp = o.imm2;
      const [cause, addr, access] = o.args;
      return (s) => {
        const c = s.cpu;
        c.excp = excp;
        if (excp !== Excp.Syscall) { c.excpCause = cause; c.excpAddr = addr >>> 0; c.excpAccess = access; }
        c.pc = t;
        return ExitKind.Exception;
      };
    }
    default:
      throw new Error(`interp: block does not end in a terminator (${o.op})`);
  }
}

/** The step for op `o` at index `i`. */
function step(o: Op, i: number, b: Block, regs: RegInfo[], env: InterpEnv, init: { l: Int32Array; h: Int32Array }): Step {
  const next = i + 1;
  const d = o.d, a = o.a, y = o.b;
  const wide = o.ty === 'i64';
  const isWide = (v: number) => b.temps[v] === 'i64';
  switch (o.op) {
    case 'const': {
      const v = BigInt(o.imm);
      init.l[d] = Number(BigInt.asIntN(32, v));
      init.h[d] = Number(BigInt.asIntN(32, v >> 32n));
      return () => next;
    }
    case 'discard': case 'label': return () => next;
    case 'brcond': return () => next; // patched by fixLabels
    case 'get': {
      const r = regs[Number(o.imm)];
      const R = env.r, k = r.index;
      if (r.zero) return (s) => { s.l[d] = 0; s.h[d] = 0; return next; };
      if (wide) return (s) => { s.l[d] = R[k]; s.h[d] = R[k + 1]; return next; };
      return (s) => { const v = R[k]; s.l[d] = v; s.h[d] = v >> 31; return next; };
    }
    case 'set': {
      const r = regs[Number(o.imm)];
      const R = env.r, k = r.index;
      if (r.zero) return () => next;
      if (wide) return (s) => { R[k] = s.l[a]; R[k + 1] = s.h[a]; return next; };
      return (s) => { R[k] = s.l[a]; return next; };
    }
    case 'add':
      if (!wide) return bin32(d, a, y, BIN32.add, next);
      return (s) => {
        const l = s.l, h = s.h, al = l[a], r = (al + l[y]) | 0;
        h[d] = (h[a] + h[y] + ((r >>> 0) < (al >>> 0) ? 1 : 0)) | 0; l[d] = r;
        return next;
      };
    case 'sub':
      if (!wide) return bin32(d, a, y, BIN32.sub, next);
      return (s) => {
        const l = s.l, h = s.h, al = l[a], bl = l[y];
        h[d] = (h[a] - h[y] - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0; l[d] = (al - bl) | 0;
        return next;
      };
    case 'and': case 'or': case 'xor': {
      const f = BIN32[o.op];
      if (!wide) return bin32(d, a, y, f, next);
      return (s) => { const l = s.l, h = s.h; const hv = f(h[a], h[y]); l[d] = f(l[a], l[y]); h[d] = hv; return next; };
    }
    case 'not':
      return (s) => { const l = s.l, h = s.h; const hv = ~h[a]; l[d] = ~l[a]; h[d] = wide ? hv : l[d] >> 31; return next; };
    case 'neg':
      if (!wide) return (s) => { const v = (-s.l[a]) | 0; s.l[d] = v; s.h[d] = v >> 31; return next; };
      return (s) => { const l = s.l, h = s.h; const v = (-l[a]) | 0; h[d] = (~h[a] + (v === 0 ? 1 : 0)) | 0; l[d] = v; return next; };
    case 'mul':
      if (!wide) return bin32(d, a, y, BIN32.mul, next);
      return (s) => {
        const l = s.l, h = s.h, al = l[a], bl = l[y];
        const hv = (Math.imul(al, h[y]) + Math.imul(h[a], bl) + mulhu32(al, bl)) | 0;
        l[d] = Math.imul(al, bl); h[d] = hv;
        return next;
      };
    case 'mulhs': case 'mulhu': case 'mulhsu': case 'divs': case 'divu': case 'rems': case 'remu':
      if (!wide) return bin32(d, a, y, BIN32[o.op], next);
      return rt64(d, a, y, RT64[o.op], next, false);
    case 'shl': case 'shr': case 'sar':
      if (!wide) return bin32(d, a, y, BIN32[o.op], next);
      return rt64(d, a, y, RT64[o.op], next, true);
    case 'rotl': case 'rotr':
      if (!wide) return bin32(d, a, y, BIN32[o.op], next);
      return rt64(d, a, y, RT64[o.op], next, true);
    case 'eq': case 'ne': case 'lts': case 'ltu': case 'les': case 'leu': {
      if (!isWide(a)) return bin32(d, a, y, CMP32[o.op], next);
      const f = CMP64[o.op];
      return (s) => { const l = s.l, h = s.h; l[d] = f(l[a], h[a], l[y], h[y]) ? 1 : 0; h[d] = 0; return next; };
    }
    case 'select': {
      const x = y, z = o.c;
      return (s) => { const l = s.l, h = s.h; const src = l[a] !== 0 ? x : z; l[d] = l[src]; h[d] = h[src]; return next; };
    }
    case 'sext': return (s) => { const v = s.l[a]; s.l[d] = v; s.h[d] = v >> 31; return next; };
    case 'zext': return (s) => { s.l[d] = s.l[a]; s.h[d] = 0; return next; };
    case 'trunc': return (s) => { const v = s.l[a]; s.l[d] = v; s.h[d] = v >> 31; return next; };
    case 'sextb': case 'zextb': return extend(o, wide, next);
    case 'load': return load(o, env, next);
    case 'store': return store(o, env, isWide(y), next);
    case 'call': return call(o, b, env, next);
    default: {
      const f = bits(o, wide, isWide);
      if (!f) throw new Error(`interp: unknown IR op ${o.op}`);
      return (s) => { f(s); return next; };
    }
  }
}

function bin32(d: number, a: number, y: number, f: Fn2, next: number): Step {
  return (s) => { const v = f(s.l[a], s.l[y]); s.l[d] = v; s.h[d] = v >> 31; return next; };
}

/** an i64 op through runtime.ts; `amount`: the second operand is an i32 shift/rotate amount */
function rt64(d: number, a: number, y: number, f: Fn64, next: number, amount: boolean): Step {
  if (amount) return (s) => { const l = s.l, h = s.h; l[d] = f(s.cpu, l[a], h[a], l[y], 0); h[d] = s.cpu.rhi; return next; };
  return (s) => { const l = s.l, h = s.h; l[d] = f(s.cpu, l[a], h[a], l[y], h[y]); h[d] = s.cpu.rhi; return next; };
}

function extend(o: Op, wide: boolean, next: number): Step {
  const nbits = Number(o.imm), signed = o.op === 'sextb', d = o.d, a = o.a;
  const ext32 = (x: number, k: number) => (k >= 32 ? x : signed ? (x << (32 - k)) >> (32 - k) : x & (k === 31 ? 0x7fffffff : (1 << k) - 1));
  if (!wide) return (s) => { const v = ext32(s.l[a], nbits); s.l[d] = v; s.h[d] = v >> 31; return next; };
  if (nbits <= 32) return (s) => { const v = ext32(s.l[a], nbits); s.l[d] = v; s.h[d] = signed ? v >> 31 : 0; return next; };
  return (s) => { s.l[d] = s.l[a]; s.h[d] = ext32(s.h[a], nbits - 32); return next; };
}

/** An IR load: the model's slow path checks it (and may ask for an exit), then the accessor reads. */
function load(o: Op, env: InterpEnv, next: number): Step {
  const { faults: F, mem } = env;
  const d = o.d, a = o.a, pc = o.pc, size = o.size, align = o.align;
  const wide = o.ty === 'i64', signed = o.signed;
  const read = (ea: number, s: State): void => {
    let v: number;
    if (size === 8) {
      const lo = mem.read64w(ea, s.cpu);
      s.l[d] = lo;
      s.h[d] = wide ? s.cpu.rhi : lo >> 31;
      return;
    }
    if (size === 1) v = signed ? (mem.read8(ea) << 24) >> 24 : mem.read8(ea);
    else if (size === 2) v = signed ? (mem.read16(ea) << 16) >> 16 : mem.read16(ea);
    else v = mem.read32(ea) | 0;
    s.l[d] = v;
    s.h[d] = wide && !signed ? 0 : v >> 31;
  };
  return (s) => {
    const ea = s.l[a] >>> 0;
    if (F.r(ea, pc, size, align)) s.go = false;
    read(ea, s);
    return next;
  };
}

/** An IR store: checked by the model's slow path first (a faulting store writes nothing). */
function store(o: Op, env: InterpEnv, wideVal: boolean, next: number): Step {
  const { faults: F, mem } = env;
  const a = o.a, v = o.b, pc = o.pc, size = o.size, align = o.align;
  return (s) => {
    const ea = s.l[a] >>> 0;
    if (F.w(ea, pc, size, align)) s.go = false;
    const lo = s.l[v];
    if (size === 1) mem.write8(ea, lo & 0xff);
    else if (size === 2) mem.write16(ea, lo & 0xffff);
    else if (size === 4) mem.write32(ea, lo);
    else mem.write64w(ea, lo, wideVal ? s.h[v] : lo >> 31);
    return next;
  };
}

/** A helper call: i64 arguments as (lo, hi), an i64 result's hi from cpu.rhi; cpu.pc is the call's instruction. */
function call(o: Op, b: Block, env: InterpEnv, next: number): Step {
  const fn = env.helpers[o.name];
  if (typeof fn !== 'function') throw new Error(`backend: no helper named ${o.name}`);
  const h = fn as (...args: unknown[]) => number;
  const args = o.args, pc = o.pc, d = o.d, wide = o.ty === 'i64';
  const wideArg = args.map((x) => b.temps[x] === 'i64');
  return (s) => {
    const l = s.l, hh = s.h, cpu = s.cpu;
    const vals: unknown[] = [cpu];
    for (let k = 0; k < args.length; k++) {
      vals.push(l[args[k]]);
      if (wideArg[k]) vals.push(hh[args[k]]);
    }
    cpu.pc = pc;
    const r = h(...vals);
    if (d >= 0) {
      l[d] = r;
      hh[d] = wide ? cpu.rhi : r >> 31;
    }
    if (cpu.exitRequest !== 0) { cpu.exitRequest = 0; s.go = false; }
    return next;
  };
}

/** rotl rotr (i64 handled above) clz ctz popcnt bswap extract deposit addc subb, as lower-bits.ts */
function bits(o: Op, wide: boolean, isWide: (v: number) => boolean): ((s: State) => void) | undefined {
  const d = o.d, a = o.a, y = o.b;
  const put = (s: State, lo: number, hi: number) => { s.l[d] = lo; s.h[d] = wide ? hi : lo >> 31; };
  switch (o.op) {
    case 'clz':
      return (s) => put(s, wide ? (s.h[a] !== 0 ? Math.clz32(s.h[a]) : 32 + Math.clz32(s.l[a])) : Math.clz32(s.l[a]), 0);
    case 'ctz':
      return (s) => put(s, wide ? (s.l[a] !== 0 ? ctz32(s.l[a]) : 32 + ctz32(s.h[a])) : ctz32(s.l[a]), 0);
    case 'popcnt':
      return (s) => put(s, wide ? popcnt32(s.l[a]) + popcnt32(s.h[a]) : popcnt32(s.l[a]), 0);
    case 'bswap':
      return (s) => (wide ? put(s, bswap32(s.h[a]), bswap32(s.l[a])) : put(s, bswap32(s.l[a]), 0));
    case 'extract': {
      const pos = Number(o.imm), len = o.imm2, signed = o.signed;
      if (!wide) {
        return signed ? (s) => put(s, (s.l[a] << (32 - pos - len)) >> (32 - len), 0)
          : (s) => put(s, (s.l[a] >>> pos) & mask32(len), 0);
      }
      return (s) => {
        const al = s.l[a], ah = s.h[a];
        const L = pos === 0 ? al : pos < 32 ? (al >>> pos) | (ah << (32 - pos)) : ah >>> (pos - 32);
        const H = pos === 0 ? ah : pos < 32 ? ah >>> pos : 0;
        if (len <= 32) {
          const lo = len === 32 ? L | 0 : signed ? (L << (32 - len)) >> (32 - len) : L & mask32(len);
          put(s, lo, signed ? lo >> 31 : 0);
        } else {
          const k = len - 32;
          put(s, L | 0, signed ? (H << (32 - k)) >> (32 - k) : H & mask32(k));
        }
      };
    }
    case 'deposit': {
      const pos = Number(o.imm), len = o.imm2;
      if (!wide) {
        const m = mask32(len) << pos;
        return (s) => put(s, (s.l[a] & ~m) | ((s.l[y] << pos) & m), 0);
      }
      const m = ((1n << BigInt(len)) - 1n) << BigInt(pos);
      const ml = Number(BigInt.asIntN(32, m)), mh = Number(BigInt.asIntN(32, m >> 32n));
      return (s) => {
        const bl = s.l[y], bh = isWide(y) ? s.h[y] : bl >> 31;
        const sl = pos === 0 ? bl : pos < 32 ? bl << pos : 0;
        const sh = pos === 0 ? bh : pos < 32 ? (bh << pos) | (bl >>> (32 - pos)) : bl << (pos - 32);
        const part = (x: number, v: number, mk: number) => (mk === 0 ? x : mk === -1 ? v | 0 : (x & ~mk) | (v & mk));
        put(s, part(s.l[a], sl, ml), part(s.h[a], sh, mh));
      };
    }
    case 'addc': case 'subb': {
      const c = o.c, add = o.op === 'addc';
      if (!isWide(a)) {
        return (s) => {
          const A = s.l[a] >>> 0, B = s.l[y] >>> 0, cin = c >= 0 ? s.l[c] : 0;
          const r = add ? (A + B + cin > 0xffffffff ? 1 : 0) : (A < B + cin ? 1 : 0);
          put(s, r, 0);
        };
      }
      return (s) => {
        const cin = c >= 0 ? s.l[c] : 0;
        const al = s.l[a] >>> 0, ah = s.h[a] >>> 0, bl = s.l[y] >>> 0, bh = s.h[y] >>> 0;
        const r = add ? (ah + bh + (al + bl + cin > 0xffffffff ? 1 : 0) > 0xffffffff ? 1 : 0)
          : (ah < bh + (al < bl + cin ? 1 : 0) ? 1 : 0);
        put(s, r, 0);
      };
    }
    default:
      return undefined;
  }
}
