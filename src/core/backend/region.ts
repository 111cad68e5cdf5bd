/**
 * Compiles a region (one or more IR blocks found from an entry pc) into one JS function.
 *
 * Shape of the generated code:
 *
 *   function region(cpu) {
 *     let x1l = r[2], x1h = r[3], ...;        // cached guest registers in locals
 *     let pc = ENTRY, ea = 0, kind = 0, ic = 0;
 *     try {
 *       L: for (;;) switch (pc) {              // every block of the region is a case
 *         case 0x10078: { ...ops...; pc = next; if (--bud > 0) continue L; break L; }
 *         default: break L;                     // left the region: back to the run loop
 *       }
 *     } catch (e) { write back; throw e; }     // guest faults carry their pc
 *     write back; cpu.pc = pc; return kind;
 *   }
 *
 * A loop whose blocks are all in the region runs inside one JS function with the guest
 * registers in locals, which is what lets V8 optimise it (GUIDE rule 3). Direct and indirect
 * branches to any block of the region stay inside; anything else returns to the run loop,
 * which looks up (or translates) the next region.
 */
import { ExitKind, type Block } from '../ir.js';
import { Excp } from '../exceptions.js';
import type { RegInfo } from '../isa.js';
import { lowerBlock, type LowerCtx } from './lower.js';
import { optimizeBlock } from './opt.js';
import { runtime } from './runtime.js';
import type { FaultHooks, MemoryModel } from '../memory/model.js';

/** A compiled region. `env` is used by tier-1 functions only (tier 2 closes over it). */
export type RegionFn = (cpu: unknown, env?: unknown) => number;

/** The slow paths of generated loads and stores (the memory model's; see src/core/memory/model.ts). */
export type { FaultHooks };

export interface CompiledRegion {
  entry: number;
  /** the translation mode it was translated in (Isa.translationMode; 0 for most) */
  mode: number;
  /** 1 = a single block compiled on first execution; 2 = a multi-block region for hot code */
  tier: number;
  /** times the run loop entered it (tier 1 only: decides promotion) */
  hits: number;
  fn: RegionFn;
  source: string;
  blocks: Block[];
  /**
   * Code that closes over its process (register caching): the same function bound to another
   * process's registers and memory, without compiling it again (fork and execve share code,
   * src/core/engine/code-store.ts). Absent for functions that take the environment as an argument.
   */
  bind?: (env: RegionEnv) => RegionFn;
}

const hex = (n: number) => '0x' + (n >>> 0).toString(16);

/** What the generated text needs of the memory model: its emitter and environment names. */
export type MemoryText = Pick<MemoryModel, 'emitter' | 'envNames'>;

export function generateRegionSource(blocks: Block[], entry: number, allRegs: RegInfo[], mem: MemoryText,
  cacheRegs = true, watch = false): { source: string; helpers: string[] } {
  // Without register caching every access goes to cpu.r, so the state is exact at any fault
  // and no write-back (or try/catch) is needed: cheaper to generate for code that runs rarely.
  const regs = cacheRegs ? allRegs : allRegs.map((r) => ({ ...r, cached: false }));
  const ctx: LowerCtx = { regs, mem: mem.emitter, used: new Set(), written: new Set(), helpers: new Set(), watch };
  const inRegion = new Set(blocks.map((b) => b.pc >>> 0));
  const cases: string[] = [];
  for (const raw of blocks) {
    // what helpers may touch is decided by the target's caching, also in tier 1
    const b = optimizeBlock(raw, allRegs);
    const { body, term } = lowerBlock(b, ctx);
    // temps are block-scoped: V8 then sees they do not live across the dispatch loop
    const text = body.join('\n');
    const present = new Set(text.match(TEMP_NAME));
    const names: string[] = [];
    b.temps.forEach((t, i) => {
      for (const n of t === 'i64' ? [`t${i}l`, `t${i}h`] : [`t${i}`]) {
        if (present.has(n)) names.push(`${n} = 0`);
      }
    });
    const lines = [`case ${hex(b.pc)}: {`, ...(names.length ? [`  let ${names.join(', ')};`] : []),
      ...body.map((l) => '  ' + l), `  ic += ${b.ninsns};`];
    const lo = (v: number) => (b.temps[v] === 'i64' ? `t${v}l` : `t${v}`);
    // terminator operands may be constants folded away by lowerBlock: re-find them
    const constOf = (v: number): string | undefined => {
      const op = b.ops.find((o) => o.d === v && o.op === 'const');
      return op ? hex(Number(BigInt.asUintN(32, BigInt(op.imm)))) : undefined;
    };
    const val = (v: number) => constOf(v) ?? `(${lo(v)} >>> 0)`;
    const next = `if (--bud > 0) continue L; break L;`;
    switch (term.op) {
      case 'jmp': {
        const t = Number(term.imm) >>> 0;
        lines.push(`  pc = ${hex(t)}; ${inRegion.has(t) ? next : 'break L;'}`);
        break;
      }
      case 'br': {
        const c = constOf(term.a);
        const cond = c !== undefined ? c : lo(term.a);
        lines.push(`  pc = ${cond} !== 0 ? ${hex(Number(term.imm))} : ${hex(term.imm2)}; ${next}`);
        break;
      }
      case 'jind':
        lines.push(`  pc = ${val(term.a)}; ${next}`);
        break;
      case 'exit':
        lines.push(`  pc = ${hex(Number(term.imm))}; kind = ${term.imm2}; break L;`);
        break;
      case 'exception': {
        const [cause, addr, access] = term.args;
        // a syscall needs only its kind: the details matter for faults
        lines.push(term.imm2 === Excp.Syscall ? `  cpu.excp = ${term.imm2};`
          : `  cpu.excp = ${term.imm2}; cpu.excpCause = ${cause}; cpu.excpAddr = ${hex(addr)}; cpu.excpAccess = ${access};`,
          `  pc = ${hex(Number(term.imm))}; kind = ${ExitKind.Exception}; break L;`);
        break;
      }
      default:
        throw new Error(`backend: block 0x${b.pc.toString(16)} does not end in a terminator (${term.op})`);
    }
    lines.push('}');
    cases.push(...lines);
  }
  const used = [...ctx.used].sort((a, b) => a - b);
  const written = [...ctx.written].sort((a, b) => a - b);
  const load = used.map((n) => {
    const r = regs[n];
    return r.ty === 'i64' ? `x${n}l = r[${r.index}], x${n}h = r[${r.index + 1}]` : `x${n} = r[${r.index}]`;
  });
  const wb = written.map((n) => {
    const r = regs[n];
    return r.ty === 'i64' ? `r[${r.index}] = x${n}l; r[${r.index + 1}] = x${n}h;` : `r[${r.index}] = x${n};`;
  }).join(' ');
  const helpers = [...ctx.helpers].sort();
  const text = cases.join('\n');
  const guarded = written.length > 0;
  const prelude = [
    ...Object.keys(runtime).filter((k) => text.includes(`${k}(`)).map((k) => `const ${k} = RT.${k};`),
    ...helpers.map((h) => `const h_${h} = H[${JSON.stringify(h)}];`),
  ];
  // one block that cannot branch to itself needs no dispatch loop: straight-line code
  const single = blocks.length === 1 ? blocks[0] : undefined;
  const straight = single !== undefined && !cases.some((l) => l.includes(`${hex(single.pc)} :`) || l.includes(`? ${hex(single.pc)}`) ||
    l.includes(`pc = ${hex(single.pc)};`)); // (an indirect jump to itself just returns to the run loop)
  const body = [
    load.length ? `  let ${load.join(', ')};` : '',
    `  let pc = ${hex(entry)}, ea = 0, kind = 0, ic = 0, bud = cpu.budget;`,
    guarded ? '  try {' : '',
    ...(straight ? cases.slice(1, -1).map((l) => l.replace(/ (if \(--bud > 0\) continue L; )?break L;$/, '')) : [
      '    L: for (;;) switch (pc) {',
      ...cases.map((l) => '      ' + l),
      '      default: break L;',
      '    }',
    ]),
    guarded ? '  } catch (e) {' : '',
    guarded ? `    ${wb} cpu.icount += ic;` : '',
    guarded ? '    throw e;' : '',
    guarded ? '  }' : '',
    guarded ? `  ${wb}` : '',
    '  cpu.pc = pc; cpu.icount += ic; cpu.budget = bud;',
    '  return kind;',
  ];
  const keep = (l: string) => l !== '';
  const src = cacheRegs
    ? [...prelude, `return function region_${entry.toString(16)}(cpu) {`, ...body, '};'].filter(keep).join('\n')
    // tier 1: one function, its environment destructured from the second argument (a
    // factory plus an inner function costs V8 about half as much again to compile)
    : [`const { ${tier1Env(prelude.join('\n') + text, mem.envNames)} } = E;`, ...prelude, ...body].filter(keep).join('\n');

  return { source: src, helpers };
}

/** The environment names every compiled function may use besides the memory model's. */
const CORE_ENV = ['r', 'F', 'RT', 'H'] as const;

/** every temp name in a block's text (t12, t3l, t3h) */
const TEMP_NAME = /\bt\d+[lh]?\b/g;
/** identifiers indexed or called into (`u8[`, `F.r`), not after a dot: candidates for the environment */
const INDEXED_NAME = /(?<![\w.])[A-Za-z_]\w*(?=[[.])/g;

/** The environment names a tier-1 function's text uses (cpu.r is `r`, memory views, ...). */
function tier1Env(text: string, memNames: readonly string[]): string {
  const used = new Set(text.match(INDEXED_NAME));
  return [...CORE_ENV, ...memNames].filter((n) => used.has(n)).join(', ');
}

export interface RegionEnv {
  r: Int32Array;
  /** the machine's memory model: its environment values are bound into compiled code */
  mem: MemoryModel;
  faults: FaultHooks;
  helpers: Record<string, unknown>;
  /** the flat object tier-1 functions receive as their second argument (made on first use) */
  flat?: Record<string, unknown>;
}

/** The second argument every caller passes to a compiled region. */
export function regionArg(env: RegionEnv): Record<string, unknown> {
  if (env.flat) return env.flat;
  const flat: Record<string, unknown> = { r: env.r, F: env.faults, RT: runtime, H: env.helpers };
  const values = env.mem.envValues();
  env.mem.envNames.forEach((n, i) => { flat[n] = values[i]; });
  return (env.flat = flat);
}

export function compileRegion(blocks: Block[], entry: number, regs: RegInfo[], env: RegionEnv,
  cacheRegs = true, watch = false): CompiledRegion {
  const { source, helpers } = generateRegionSource(blocks, entry, regs, env.mem, cacheRegs, watch);
  for (const h of helpers) {
    if (typeof env.helpers[h] !== 'function') throw new Error(`backend: no helper named ${h}`);
  }
  let fn: RegionFn;
  let bind: ((e: RegionEnv) => RegionFn) | undefined;
  if (cacheRegs) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const factory = new Function(...CORE_ENV, ...env.mem.envNames, source) as (...a: unknown[]) => RegionFn;
    bind = (e) => factory(e.r, e.faults, runtime, e.helpers, ...e.mem.envValues());
    fn = bind(env);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    fn = new Function('cpu', 'E', source) as RegionFn;
  }
  return { entry, mode: 0, tier: blocks.length > 1 ? 2 : 1, hits: 0, fn, source, blocks, bind };
}
