/**
 * The import graph of the shipped code (src/, targets/, syscalls/, bin/) for the layering
 * test (tests/core/layers.test.ts): every static import and export-from, value or type-only,
 * and every import() with a literal specifier, resolved to repository paths and grouped into
 * components.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** One import: `from` imports `spec`, which resolves to the repository path `to`. */
export interface Import {
  from: string;
  line: number;
  spec: string;
  to: string;
}

const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/;

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(p, out);
    // bin/ holds extensionless launchers
    else if (e.isFile() && (CODE.test(e.name) || dir === 'bin')) out.push(p);
  }
}

/** Repository paths of the files whose imports are checked. */
export function sourceFiles(dirs = ['src', 'targets', 'syscalls', 'bin']): string[] {
  const out: string[] = [];
  for (const d of dirs) if (existsSync(join(ROOT, d))) walk(d, out);
  return out.sort();
}

/** A relative specifier as a repository path (`./x.js` names `x.ts` in the sources). */
function resolveSpec(from: string, spec: string): string {
  const abs = resolve(ROOT, dirname(from), spec);
  const rel = relative(ROOT, abs);
  if (existsSync(abs) && statSync(abs).isFile()) return rel;
  for (const [js, src] of [['.js', '.ts'], ['.mjs', '.mts'], ['.cjs', '.cts']]) {
    if (rel.endsWith(js) && existsSync(abs.slice(0, -js.length) + src)) return rel.slice(0, -js.length) + src;
  }
  if (existsSync(`${abs}.ts`)) return `${rel}.ts`;
  if (existsSync(join(abs, 'index.ts'))) return `${rel}/index.ts`;
  return rel;
}

/** The relative imports of one file (package imports such as 'node:fs' or 'yargs' are left out). */
export function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const lineOf = (pos: number) => text.slice(0, pos).split('\n').length;
  return info.importedFiles
    .filter((f) => f.fileName.startsWith('.'))
    .map((f) => ({ from: file, line: lineOf(f.pos), spec: f.fileName, to: resolveSpec(file, f.fileName) }));
}

/**
 * The component a repository path belongs to. src/linux and syscalls/ are one component,
 * "linux user mode": the kernel and the syscall handlers call each other (the kernel runs
 * handlers, handlers reach the process, task and loader), so a cycle between them is one
 * layer talking to itself, not a layering fault. In targets/, each architecture's ISA
 * (targets/<arch>/**) and its Linux ABI (targets/<arch>/linux/**) are components; of the files
 * directly in targets/, the registry (index.ts) sits above the per-architecture Linux targets
 * it lists, and the contract they implement (target.ts: Target, LinuxAbi, SignalAbi) below
 * them, so each top-level file is its own component.
 */
export function componentOf(path: string): string {
  const p = path.split('/');
  if (p[0] === 'src') {
    if (p.length === 2) return `src/${p[1]}`; // shared leaves: src/errors.ts
    if (p[1] === 'linux') return 'linux user mode';
    return `src/${p[1]}`;
  }
  if (p[0] === 'syscalls') return 'linux user mode';
  if (p[0] === 'targets') {
    if (p.length === 2) return `targets/${p[1]}`;
    return p[2] === 'linux' ? `targets/${p[1]}/linux` : `targets/${p[1]}`;
  }
  return p[0];
}

/** Is this path a target's ISA file (targets/<arch>/** outside targets/<arch>/linux/)? */
export function isIsaFile(path: string): boolean {
  const p = path.split('/');
  return p[0] === 'targets' && p.length > 2 && p[2] !== 'linux';
}

export const fmt = (i: Import) => `${i.from}:${i.line} imports '${i.spec}' (${i.to})`;

/**
 * Cycles between components: in every strongly connected set of components, the shortest
 * cycle through each member, as the imports that make its edges (one import per edge).
 */
export function componentCycles(imports: Import[]): Import[][] {
  const edges = new Map<string, Map<string, Import>>();
  for (const i of imports) {
    const a = componentOf(i.from), b = componentOf(i.to);
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    const m = edges.get(a)!;
    if (!m.has(b)) m.set(b, i);
  }
  const next = (c: string) => [...(edges.get(c)?.keys() ?? [])].sort();
  // Tarjan's strongly connected components
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
  const sccs: string[][] = [];
  let n = 0;
  const visit = (v: string): void => {
    index.set(v, n); low.set(v, n); n++; stack.push(v); on.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1) sccs.push(scc);
    }
  };
  for (const c of [...edges.keys()].sort()) if (!index.has(c)) visit(c);
  // the shortest cycle through each member of each set, each cycle once
  const shortest = (start: string, inSet: Set<string>): Import[] => {
    const prev = new Map<string, string>();
    const queue = [start];
    while (queue.length && !prev.has(start)) {
      const c = queue.shift()!;
      for (const w of next(c)) {
        if (!inSet.has(w) || prev.has(w)) continue;
        prev.set(w, c);
        if (w === start) break;
        queue.push(w);
      }
    }
    const path: Import[] = [];
    let c = start;
    do { const p = prev.get(c)!; path.unshift(edges.get(p)!.get(c)!); c = p; } while (c !== start);
    return path;
  };
  const seen = new Set<string>();
  const out: Import[][] = [];
  for (const scc of sccs) {
    const inSet = new Set(scc);
    for (const start of [...scc].sort()) {
      const path = shortest(start, inSet);
      const key = path.map((i) => `${componentOf(i.from)}>${componentOf(i.to)}`).sort().join(' ');
      if (!seen.has(key)) { seen.add(key); out.push(path); }
    }
  }
  return out;
}
