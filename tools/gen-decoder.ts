/**
 * A decodetree-like decoder generator for fixed-width instruction sets.
 *
 * An ISA describes its encodings as data (a `DecoderSpec`: fields, formats, patterns; see
 * targets/riscv/insns.spec.ts) and this tool turns the spec into TypeScript: one decode
 * function per instruction width, a decision tree of `switch`es on the opcode bits that all
 * remaining candidate patterns fix, and `if` tests where patterns overlap. Nothing here knows
 * an ISA.
 *
 * Semantics: the first pattern in spec order whose fixed bits match wins. More specific
 * patterns (reserved encodings, `rd == 2` cases, ...) are therefore listed before the general
 * ones they overlap; the generator rejects a pattern that an earlier one makes unreachable.
 *
 * Patterns sharing a handler must produce the same argument names (that is how compressed
 * encodings expand to their base instruction: they map onto the base handler with a format
 * whose fields extract the same arguments, some of them constants).
 *
 * Usage: npx tsx tools/gen-decoder.ts [spec.ts ...]   (default: every targets/<arch>/insns.spec.ts and insns-*.spec.ts)
 * Each spec module exports `spec: DecoderSpec`; the output goes next to the spec.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

/** A field: bit slices concatenated most significant first, then shifted, sign-extended, mapped. */
export interface FieldSpec {
  /** [position of the lowest bit, length] slices, most significant slice first */
  parts: Array<[pos: number, len: number]>;
  /** shift the concatenated value left by this many bits (implicit low zero bits) */
  shl?: number;
  /** sign-extend from the top of the concatenated value */
  signed?: boolean;
  /** a JS expression in `x` applied last (e.g. 'x + 8' for a 3-bit register field) */
  expr?: string;
}

/** A format: argument name -> field name, or a constant. */
export type FormatSpec = Record<string, string | { const: number }>;

/**
 * One pattern: [name, bits, format, handler?]. `bits` lists the instruction bits most
 * significant first: '0'/'1' fixed, '.' or '-' free; spaces and '_' are ignored.
 * The handler defaults to the name.
 */
export type PatternSpec = [name: string, bits: string, format: string, handler?: string];

export interface DecoderGroupSpec {
  /** name of the generated function, e.g. 'decode32' */
  name: string;
  width: number;
  patterns: PatternSpec[];
}

export interface DecoderSpec {
  /** ISA name for comments */
  isa: string;
  /** output file name, relative to the spec's directory */
  output: string;
  fields: Record<string, FieldSpec>;
  formats: Record<string, FormatSpec>;
  decoders: DecoderGroupSpec[];
}

interface Pattern {
  id: number;
  name: string;
  handler: string;
  format: string;
  mask: number;
  match: number;
  width: number;
}

const hex = (n: number) => '0x' + (n >>> 0).toString(16);

function parseBits(p: PatternSpec, width: number): { mask: number; match: number } {
  const bits = p[1].replace(/[\s_]/g, '');
  if (bits.length !== width) throw new Error(`pattern ${p[0]}: ${bits.length} bits, expected ${width}`);
  let mask = 0;
  let match = 0;
  for (let i = 0; i < width; i++) {
    const c = bits[i];
    const bit = width - 1 - i;
    if (c === '0' || c === '1') {
      mask = (mask | (1 << bit)) >>> 0;
      if (c === '1') match = (match | (1 << bit)) >>> 0;
    } else if (c !== '.' && c !== '-') {
      throw new Error(`pattern ${p[0]}: bad bit character '${c}'`);
    }
  }
  return { mask, match };
}

/** JS expression extracting `f` from `insn`. */
function fieldExpr(name: string, f: FieldSpec): string {
  if (f.parts.length === 0) throw new Error(`field ${name}: no parts`);
  const total = f.parts.reduce((s, [, len]) => s + len, 0);
  if (total + (f.shl ?? 0) > 32) throw new Error(`field ${name}: wider than 32 bits`);
  const pieces: string[] = [];
  let rest = total;
  f.parts.forEach(([pos, len], i) => {
    if (pos < 0 || len < 1 || pos + len > 32) throw new Error(`field ${name}: bad slice ${pos}:${len}`);
    rest -= len;
    let e: string;
    if (i === 0 && f.signed) {
      const up = 32 - pos - len;
      e = up ? `((insn << ${up}) >> ${32 - len})` : `(insn >> ${32 - len})`;
    } else {
      const m = len === 32 ? '' : ` & ${hex(2 ** len - 1)}`;
      e = pos ? `((insn >>> ${pos})${m})` : `(insn${m})`;
    }
    if (rest) e = `(${e} << ${rest})`;
    pieces.push(e);
  });
  let e = pieces.length === 1 ? pieces[0] : `(${pieces.join(' | ')})`;
  if (f.shl) e = `(${e} << ${f.shl})`;
  if (f.expr) e = `(${f.expr.replace(/\bx\b/g, e)})`;
  return e;
}

function argsTypeName(args: string[]): string {
  return args.length ? 'Args_' + args.join('_') : 'ArgsNone';
}

/** Generate the decoder source for `spec`. `specPath` is shown in the header. */
export function generateDecoder(spec: DecoderSpec, specPath: string): string {
  const formatArgs = new Map<string, string[]>();
  for (const [fname, fmt] of Object.entries(spec.formats)) {
    for (const [arg, src] of Object.entries(fmt)) {
      if (typeof src === 'string' && !spec.fields[src]) {
        throw new Error(`format ${fname}: argument ${arg} uses unknown field ${src}`);
      }
    }
    formatArgs.set(fname, Object.keys(fmt).sort());
  }

  // handler -> argument names (must agree across patterns)
  const handlerArgs = new Map<string, string[]>();
  const patterns: Pattern[] = [];
  const names = new Set<string>();
  for (const group of spec.decoders) {
    if (group.width < 1 || group.width > 32) throw new Error(`${group.name}: width must be 1..32`);
    for (const p of group.patterns) {
      const [name, , format, handler = name] = p;
      if (names.has(name)) throw new Error(`duplicate pattern name ${name}`);
      names.add(name);
      const args = formatArgs.get(format);
      if (!args) throw new Error(`pattern ${name}: unknown format ${format}`);
      const prev = handlerArgs.get(handler);
      if (prev && prev.join() !== args.join()) {
        throw new Error(`pattern ${name}: handler ${handler} takes (${prev}) but format ${format} gives (${args})`);
      }
      handlerArgs.set(handler, args);
      patterns.push({ id: patterns.length, name, handler, format, width: group.width, ...parseBits(p, group.width) });
    }
  }

  const out: string[] = [];
  out.push(`// GENERATED by tools/gen-decoder.ts from ${specPath} — do not edit.`);
  out.push(`// Regenerate with: npx tsx tools/gen-decoder.ts`);
  out.push(`/* eslint-disable */`);
  out.push('');

  // argument types
  const argTypes = new Set<string>();
  for (const args of handlerArgs.values()) argTypes.add(args.join(','));
  for (const a of [...argTypes].sort()) {
    const args = a ? a.split(',') : [];
    out.push(`export interface ${argsTypeName(args)} {${args.map((x) => ` ${x}: number;`).join('')}${args.length ? ' ' : ''}}`);
  }
  out.push('');
  out.push(`/** ${spec.isa}: handler name -> its argument record */`);
  out.push('export interface InsnArgs {');
  for (const [h, args] of [...handlerArgs].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`  ${h}: ${argsTypeName(args)};`);
  out.push('}');
  out.push('export type HandlerName = keyof InsnArgs;');
  out.push('/** A decoded instruction: the pattern that matched, its handler and arguments. */');
  out.push('export type Insn = { [K in HandlerName]: { pat: number; name: K; args: InsnArgs[K] } }[HandlerName];');
  out.push('/** One translation function per handler; false means "illegal instruction". */');
  out.push('export type TransTable<C> = { [K in HandlerName]: (ctx: C, a: InsnArgs[K]) => boolean };');
  out.push('');
  out.push('/** Pattern names by pattern id. */');
  out.push('export const PATTERNS: readonly string[] = [');
  for (let i = 0; i < patterns.length; i += 6) {
    out.push('  ' + patterns.slice(i, i + 6).map((p) => `'${p.name}',`).join(' '));
  }
  out.push('];');
  out.push('');

  // per-format extractors
  for (const [fname, fmt] of Object.entries(spec.formats)) {
    const args = formatArgs.get(fname)!;
    const body = args.map((arg) => {
      const src = fmt[arg];
      const e = typeof src === 'string' ? fieldExpr(src, spec.fields[src]) : String(src.const);
      return `${arg}: ${e}`;
    });
    out.push(`function fmt_${fname}(insn: number): ${argsTypeName(args)} {`);
    out.push(`  return { ${body.join(', ')} };`);
    out.push('}');
  }
  out.push('');

  for (const group of spec.decoders) {
    const ps = patterns.filter((p) => group.patterns.some((g) => g[0] === p.name));
    out.push(`/** Decode a ${group.width}-bit ${spec.isa} instruction; null when no pattern matches. */`);
    out.push(`export function ${group.name}(insn: number): Insn | null {`);
    emitTree(out, ps, 0, '  ');
    out.push('}');
    out.push('');
  }
  return out.join('\n');
}

function leaf(p: Pattern): string {
  return `return { pat: ${p.id}, name: '${p.handler}', args: fmt_${p.format}(insn) } as Insn;`;
}

function test(mask: number, match: number): string {
  const lhs = mask & 0x80000000 ? `((insn & ${hex(mask)}) >>> 0)` : `(insn & ${hex(mask)})`;
  return `${lhs} === ${hex(match)}`;
}

/** Emit code that returns the first of `ps` matching insn, given bits in `known` already tested. */
function emitTree(out: string[], ps: Pattern[], known: number, ind: string): void {
  let rest = ps;
  while (rest.length) {
    let common = 0xffffffff;
    for (const p of rest) common &= p.mask & ~known;
    common >>>= 0;
    if (common && rest.length > 1) {
      // switch on the bits every candidate fixes; candidates keep their order inside a case
      const groups = new Map<number, Pattern[]>();
      for (const p of rest) {
        const v = (p.match & common) >>> 0;
        if (!groups.has(v)) groups.set(v, []);
        groups.get(v)!.push(p);
      }
      const sw = common & 0x80000000 ? `((insn & ${hex(common)}) >>> 0)` : `(insn & ${hex(common)})`;
      out.push(`${ind}switch ${sw} {`);
      for (const [v, g] of [...groups].sort(([a], [b]) => a - b)) {
        if (g.length === 1 && !(g[0].mask & ~(known | common))) {
          out.push(`${ind}  case ${hex(v)}: ${leaf(g[0])}`);
          continue;
        }
        out.push(`${ind}  case ${hex(v)}: {`);
        emitTree(out, g, (known | common) >>> 0, ind + '    ');
        out.push(`${ind}  }`);
      }
      out.push(`${ind}}`);
      out.push(`${ind}return null;`);
      return;
    }
    // No bit is fixed by all candidates: test the first one on its own, then the others.
    const [p, ...others] = rest;
    const rem = (p.mask & ~known) >>> 0;
    if (!rem) {
      if (others.length) throw new Error(`pattern ${p.name} makes ${others.map((o) => o.name).join(', ')} unreachable`);
      out.push(`${ind}${leaf(p)}`);
      return;
    }
    out.push(`${ind}if (${test(rem, (p.match & rem) >>> 0)}) ${leaf(p)}`);
    rest = others;
  }
  out.push(`${ind}return null;`);
}

/** Load a spec module and write its decoder; returns the output path. */
export async function generateFile(specFile: string): Promise<string> {
  const abs = path.resolve(specFile);
  const mod = (await import(pathToFileURL(abs).href)) as { spec: DecoderSpec };
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const rel = path.relative(root, abs).split(path.sep).join('/');
  const outPath = path.join(path.dirname(abs), mod.spec.output);
  fs.writeFileSync(outPath, generateDecoder(mod.spec, rel));
  return outPath;
}

async function main(): Promise<void> {
  let specs = process.argv.slice(2);
  if (!specs.length) {
    process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
    // insns.spec.ts, or one spec per instruction set (insns-a32.spec.ts, insns-t16.spec.ts, ...)
    specs = fs
      .readdirSync('targets', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => fs.readdirSync(path.join('targets', d.name)).filter((f) => /^insns(-[\w-]+)?\.spec\.ts$/.test(f)).sort()
        .map((f) => path.join('targets', d.name, f)));
  }
  for (const s of specs) console.log(`wrote ${path.relative(process.cwd(), await generateFile(s))}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
