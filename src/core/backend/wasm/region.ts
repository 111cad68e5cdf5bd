/**
 * The WebAssembly tier: a hot region (tier 2) compiled to one wasm function instead of JS.
 *
 * Shape of the function (compare ../region.ts):
 *
 *   func region(rb: i32) -> i32                 ;; rb: the CPU's header, just before cpu.r
 *     load the cached registers the region uses into locals; pc = ENTRY; bud = header.budget
 *     try
 *       loop $L
 *         block $out
 *           block $Bn-1 ... block $B0
 *             br_table nb [$B0 .. $Bn-1] default $out      ;; nb: the block to run
 *           end  <block 0 code> pc = next; nb = its index; if (--bud > 0) br $L; br $out
 *           ...
 *     catch_all                                  ;; a guest fault thrown by an import
 *       store the written registers, header.ic = ic; rethrow
 *     end
 *     store the written registers; header.{pc, budget, ic}; return kind
 *
 * Guest memory is the module's imported memory (the flat model's WebAssembly.Memory), and so
 * are cpu.r (the CPU's registers are placed in it, Cpu constructor) and the page flags. The
 * memory slow paths, helpers and the exception report are imported JS functions. A region
 * with an op the wasm lowering does not know is compiled by the JS backend instead.
 */
import { ExitKind, type Block, type Ty } from '../../ir.js';
import type { RegInfo } from '../../isa.js';
import { Excp } from '../../exceptions.js';
import { optimizeBlock } from '../opt.js';
import { compileRegion, type CompiledRegion, type RegionEnv, type RegionFn } from '../region.js';
import { Bytes, encodeModule, I32, Op, type FuncType, type Import } from './encode.js';
import { buildFuncs, FUNCS } from './funcs.js';
import { FIXED_LOCALS, HDR, IMPORT_EXCP, IMPORT_R, IMPORT_W, L, lowerOps, REG_OFFSET, Unsupported, wasmType, helperSig, type FnCtx } from './lower.js';

/** What a memory model offers the wasm tier: its WebAssembly.Memory and where the page flags are in it. */
export interface WasmMemory {
  wasmMemory?: WebAssembly.Memory;
  permBase?: number;
  littleEndian: boolean;
}

/** The CPU as the glue sees it. */
interface GlueCpu {
  pc: number;
  budget: number;
  icount: number;
  rhi: number;
  exitRequest: number;
  excp: number;
  excpCause: number;
  excpAddr: number;
  excpAccess: number;
}

/** Whether an environment can run wasm regions: a wasm memory holding cpu.r too. */
export function wasmReady(env: RegionEnv): boolean {
  const m = env.mem as unknown as WasmMemory;
  return m.wasmMemory !== undefined && m.permBase !== undefined && m.littleEndian &&
    env.r.buffer === m.wasmMemory.buffer && env.r.byteOffset >= REG_OFFSET;
}

export interface WasmModule {
  module: WebAssembly.Module;
  /** helper names in import order (after the fixed three) */
  helpers: string[];
  /** their argument words (i64 arguments count two) */
  helperWords: number[];
  bytes: number;
}

/** Build the module for a region, or undefined when some op is not supported. */
export function buildWasmRegion(blocks: Block[], entry: number, regs: RegInfo[], permBase: number): WasmModule | undefined {
  try {
    return build(blocks, entry, regs, permBase);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function build(raw: Block[], entry: number, regs: RegInfo[], permBase: number): WasmModule {
  const blocks = raw.map((b) => optimizeBlock(b, regs));
  // types and imports: the fixed three, then one per helper
  const types: FuncType[] = [];
  const typeKeys = new Map<string, number>();
  const typeOf = (t: FuncType) => {
    const key = `${t.params.join(',')}>${t.results.join(',')}`;
    let i = typeKeys.get(key);
    if (i === undefined) { i = types.push(t) - 1; typeKeys.set(key, i); }
    return i;
  };
  const imports: Import[] = [
    { module: 'h', name: 'r', type: typeOf({ params: [I32, I32, I32, I32], results: [I32] }) },
    { module: 'h', name: 'w', type: typeOf({ params: [I32, I32, I32, I32], results: [I32] }) },
    { module: 'h', name: 'excp', type: typeOf({ params: [I32, I32, I32, I32], results: [] }) },
  ];
  const helperIndex = new Map<string, number>();
  const helpers: string[] = [];
  const helperWords: number[] = [];
  for (const b of blocks) {
    for (const o of b.ops) {
      if (o.op !== 'call' || helperIndex.has(o.name)) continue;
      const [words, ret] = helperSig(o, b.temps).split(':');
      if (ret === 'f64') throw new Unsupported('f64 helper result');
      helperIndex.set(o.name, imports.length);
      helpers.push(o.name);
      helperWords.push(Number(words) - 1);
      imports.push({ module: 'x', name: o.name, type: typeOf({ params: new Array(Number(words)).fill(I32), results: ret === 'void' ? [] : [I32] }) });
    }
  }
  const funcBase = imports.length;
  const c: FnCtx = { regs, locals: [...FIXED_LOCALS], regLocal: new Map(), used: new Set(), written: new Set(), helperIndex, funcBase, permBase };

  const n = blocks.length;
  const index = new Map<number, number>();
  blocks.forEach((b, i) => { if (!index.has(b.pc >>> 0)) index.set(b.pc >>> 0, i); });
  const entryIdx = index.get(entry >>> 0);
  if (entryIdx === undefined) throw new Error('wasm: the entry is not a block of the region');

  const body = new Bytes();
  const op = (x: number) => body.byte(x);
  const k32 = (v: number) => body.byte(Op.i32Const).s32(v);
  const lget = (l: number) => body.byte(Op.localGet).u32(l);
  const lset = (l: number) => body.byte(Op.localSet).u32(l);
  body.byte(Op.try).byte(0x40).byte(Op.loop).byte(0x40).byte(Op.block).byte(0x40);
  for (let i = 0; i < n; i++) body.byte(Op.block).byte(0x40);
  lget(L.nb);
  body.byte(Op.brTable).u32(n);
  for (let i = 0; i < n; i++) body.u32(i);
  body.u32(n);
  blocks.forEach((b, i) => {
    op(Op.end); // $Bi: block i's code follows
    const outDepth = n - 1 - i, loopDepth = n - i;
    const { push, calls } = lowerOps(b, c, body);
    lget(L.ic); k32(b.ninsns); op(Op.i32Add); lset(L.ic);
    if (calls) { // a helper asked the region to return (the glue left it in the header)
      lget(L.rb); body.byte(Op.i32Load).u32(2).u32(HDR.xr).byte(Op.if).byte(0x40);
      k32(0); lset(L.bud); lget(L.rb); k32(0); body.byte(Op.i32Store).u32(2).u32(HDR.xr);
      op(Op.end);
    }
    const term = b.ops[b.ops.length - 1];
    const next = () => { // if (--bud > 0) continue L; break L;
      lget(L.bud); k32(1); op(Op.i32Sub); body.byte(Op.localTee).u32(L.bud); k32(0); op(Op.i32GtS);
      body.byte(Op.brIf).u32(loopDepth).byte(Op.br).u32(outDepth);
    };
    const idx = (pc: number) => index.get(pc >>> 0) ?? n;
    switch (term.op) {
      case 'jmp': {
        const t = Number(term.imm) >>> 0;
        k32(t); lset(L.pc);
        if (index.has(t)) { k32(idx(t)); lset(L.nb); next(); } else body.byte(Op.br).u32(outDepth);
        break;
      }
      case 'br': {
        const t = Number(term.imm) >>> 0, f = term.imm2 >>> 0;
        k32(t); k32(f); push(term.a); op(Op.select); lset(L.pc);
        k32(idx(t)); k32(idx(f)); push(term.a); op(Op.select); lset(L.nb);
        next();
        break;
      }
      case 'jind': {
        push(term.a);
        if (b.temps[term.a] === 'i64') op(Op.i32WrapI64);
        lset(L.pc);
        k32(n); lset(L.nb);
        blocks.forEach((x, j) => {
          if (index.get(x.pc >>> 0) !== j) return;
          k32(j); lget(L.nb); lget(L.pc); k32(x.pc); op(Op.i32Eq); op(Op.select); lset(L.nb);
        });
        next();
        break;
      }
      case 'exit':
        k32(Number(term.imm)); lset(L.pc); k32(term.imm2); lset(L.kind); body.byte(Op.br).u32(outDepth);
        break;
      case 'exception': {
        const [cause, addr, access] = term.args;
        k32(term.imm2); k32(term.imm2 === Excp.Syscall ? 0 : cause); k32(addr); k32(access);
        body.byte(Op.call).u32(IMPORT_EXCP);
        k32(Number(term.imm)); lset(L.pc); k32(ExitKind.Exception); lset(L.kind); body.byte(Op.br).u32(outDepth);
        break;
      }
      default:
        throw new Error(`backend: block 0x${b.pc.toString(16)} does not end in a terminator (${term.op})`);
    }
  });
  op(Op.end); // $out
  op(Op.end); // loop
  const used = [...c.used].sort((x, y) => x - y);
  const written = [...c.written].sort((x, y) => x - y);
  const writeBack = (out: Bytes) => {
    for (const r of written) {
      const info = regs[r];
      out.byte(Op.localGet).u32(L.rb).byte(Op.localGet).u32(c.regLocal.get(r)!);
      out.byte(info.ty === 'i64' ? Op.i64Store : Op.i32Store).u32(0).u32(REG_OFFSET + info.index * 4);
    }
  };
  const storeHdr = (out: Bytes, field: number, local: number) => {
    out.byte(Op.localGet).u32(L.rb).byte(Op.localGet).u32(local).byte(Op.i32Store).u32(0).u32(field);
  };
  body.byte(Op.catchAll);
  writeBack(body);
  storeHdr(body, HDR.ic, L.ic);
  body.byte(Op.rethrow).u32(0);
  op(Op.end); // try
  writeBack(body);
  storeHdr(body, HDR.ic, L.ic);
  storeHdr(body, HDR.pc, L.pc);
  storeHdr(body, HDR.bud, L.bud);
  lget(L.kind);

  const pro = new Bytes();
  for (const r of used) {
    const info = regs[r];
    wasmType(info.ty);
    pro.byte(Op.localGet).u32(L.rb).byte(info.ty === 'i64' ? Op.i64Load : Op.i32Load).u32(0).u32(REG_OFFSET + info.index * 4);
    pro.byte(Op.localSet).u32(c.regLocal.get(r)!);
  }
  pro.byte(Op.localGet).u32(L.rb).byte(Op.i32Load).u32(0).u32(HDR.bud).byte(Op.localSet).u32(L.bud);
  pro.byte(Op.i32Const).s32(entry).byte(Op.localSet).u32(L.pc);
  pro.byte(Op.i32Const).s32(entryIdx).byte(Op.localSet).u32(L.nb);
  pro.bytes(body.buf.subarray(0, body.len));

  const extra = buildFuncs(funcBase);
  const funcs = [
    ...extra.map((f) => ({ type: typeOf(f.type), locals: f.locals, body: f.body })),
    { type: typeOf({ params: [I32], results: [I32] }), locals: c.locals, body: pro },
  ];
  const bytes = encodeModule(types, imports, funcs, [{ name: 'run', func: funcBase + FUNCS.length }]);
  return { module: new WebAssembly.Module(bytes), helpers, helperWords, bytes: bytes.length };
}

/** Instantiate a region module for one environment (one CPU's registers, one memory): the region function. */
export function instantiate(m: WasmModule, env: RegionEnv): RegionFn {
  const mem = (env.mem as unknown as WasmMemory).wasmMemory!;
  const H = new Int32Array(mem.buffer);
  const rb = env.r.byteOffset - REG_OFFSET;
  const hb = rb >>> 2;
  const box: { cpu: GlueCpu } = { cpu: undefined as unknown as GlueCpu };
  const F = env.faults;
  const h: WebAssembly.ModuleImports = {
    r: (a: number, pc: number, size: number, align: number) => (F.r(a >>> 0, pc >>> 0, size, align) ? 1 : 0),
    w: (a: number, pc: number, size: number, align: number) => (F.w(a >>> 0, pc >>> 0, size, align) ? 1 : 0),
    excp: (kind: number, cause: number, addr: number, access: number) => {
      const cpu = box.cpu;
      cpu.excp = kind;
      if (kind !== Excp.Syscall) { cpu.excpCause = cause; cpu.excpAddr = addr >>> 0; cpu.excpAccess = access; }
    },
  };
  const x: WebAssembly.ModuleImports = {};
  m.helpers.forEach((name, i) => {
    const fn = env.helpers[name] as (...a: unknown[]) => number;
    if (typeof fn !== 'function') throw new Error(`backend: no helper named ${name}`);
    x[name] = helperGlue(fn, m.helperWords[i], box, H, hb);
  });
  const inst = new WebAssembly.Instance(m.module, { m: { mem }, h, x });
  const run = inst.exports.run as (rb: number) => number;
  return (cpu0: unknown) => {
    const cpu = cpu0 as GlueCpu;
    box.cpu = cpu;
    H[hb] = cpu.budget;
    H[hb + 2] = 0;
    H[hb + 4] = 0;
    let kind: number;
    try {
      kind = run(rb);
    } catch (e) {
      cpu.icount += H[hb + 2];
      throw e;
    }
    cpu.pc = H[hb + 1] >>> 0;
    cpu.icount += H[hb + 2];
    cpu.budget = H[hb];
    return kind;
  };
}

/**
 * A call from wasm into a JS helper costs several times a call between JS functions (which
 * V8 inlines): a region that is mostly helper calls (floating point goes through helpers)
 * runs as fast or faster as JS. nbody's hot loops have 9-20 % calls among their ops (riscv64
 * 12.8 %: 2.36 s as wasm, 2.19 s as JS); the integer kernels' have none.
 */
const HELPER_SHARE = 0.08;
export function helperBound(blocks: Block[], share = HELPER_SHARE): boolean {
  let ops = 0, calls = 0;
  for (const b of blocks) {
    for (const o of b.ops) {
      if (o.op === 'const' || o.op === 'label') continue;
      ops++;
      if (o.op === 'call') calls++;
    }
  }
  return calls > ops * share;
}

type Helper = (...a: unknown[]) => number;

/**
 * The import calling helper `fn`: sets cpu.pc, passes the CPU and the argument words, and
 * leaves in the header what generated JS reads from the CPU (rhi, the exit request).
 * Written out per argument count: a rest parameter and a spread cost a lot on this path.
 */
function helperGlue(fn: Helper, words: number, box: { cpu: GlueCpu }, H: Int32Array, hb: number): Helper {
  const after = (cpu: GlueCpu, v: number) => {
    H[hb + 3] = cpu.rhi;
    if (cpu.exitRequest !== 0) { cpu.exitRequest = 0; H[hb + 4] = 1; }
    return v;
  };
  const at = (pc: number) => { const c = box.cpu; c.pc = pc >>> 0; return c; };
  switch (words) {
    case 0: return (pc) => { const c = at(pc as number); return after(c, fn(c)); };
    case 1: return (pc, a) => { const c = at(pc as number); return after(c, fn(c, a)); };
    case 2: return (pc, a, b) => { const c = at(pc as number); return after(c, fn(c, a, b)); };
    case 3: return (pc, a, b, d) => { const c = at(pc as number); return after(c, fn(c, a, b, d)); };
    case 4: return (pc, a, b, d, e) => { const c = at(pc as number); return after(c, fn(c, a, b, d, e)); };
    case 5: return (pc, a, b, d, e, f) => { const c = at(pc as number); return after(c, fn(c, a, b, d, e, f)); };
    case 6: return (pc, a, b, d, e, f, g) => { const c = at(pc as number); return after(c, fn(c, a, b, d, e, f, g)); };
    default: return (pc, ...args) => { const c = at(pc as number); return after(c, fn(c, ...args)); };
  }
}

/**
 * Compile a hot region to wasm when its environment allows it, every op is supported and
 * at most `helperShare` of its ops are helper calls; undefined otherwise (the caller compiles JS). The result binds to other environments
 * (CompiledRegion.bind) by instantiating the same module, or with the JS backend where wasm cannot run.
 */
export function compileWasmRegion(blocks: Block[], entry: number, regs: RegInfo[], env: RegionEnv,
  helperShare = HELPER_SHARE): CompiledRegion | undefined {
  if (!wasmReady(env)) return undefined;
  if (helperBound(blocks, helperShare)) return undefined;
  const m = buildWasmRegion(blocks, entry, regs, (env.mem as unknown as WasmMemory).permBase!);
  if (!m) return undefined;
  let js: CompiledRegion | undefined;
  const bind = (e: RegionEnv): RegionFn => {
    if (wasmReady(e)) return instantiate(m, e);
    js ??= compileRegion(blocks, entry, regs, e, true);
    return js.bind!(e);
  };
  return {
    entry, mode: 0, tier: 2, hits: 0, fn: bind(env), blocks, bind,
    source: `/* wasm region 0x${(entry >>> 0).toString(16)}: ${blocks.length} blocks, ${m.bytes} bytes */`,
  };
}

export type { Ty };
