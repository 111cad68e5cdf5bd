/**
 * The layers stay honest: src/core knows no operating system, a target's ISA knows no Linux,
 * the components import each other one way, and the repository and the npm package stay lean.
 * Every import and export-from counts, type-only ones too (tests/helpers/imports.ts).
 */
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentCycles, componentOf, fmt, importsOf, isIsaFile, ROOT, sourceFiles, type Import } from '../helpers/imports.js';

const imports: Import[] = sourceFiles().flatMap(importsOf);

/** Above the core: an operating system, a machine, or a frontend. */
const ABOVE_CORE = /^(src\/(linux|system|cli|api|gdb)\/|syscalls\/|targets\/)/;
/** Above an ISA: the same, less the targets (an ISA may use its own files). */
const ABOVE_ISA = /^(src\/(linux|system|cli|api|gdb)\/|syscalls\/)/;

describe('layers', () => {
  it('parses the imports of the whole tree', () => {
    // a parser that found nothing would make every rule below pass
    expect(imports.length).toBeGreaterThan(500);
    const core = imports.find((i) => i.from === 'src/core/engine/translate.ts' && i.to === 'src/core/ir.ts');
    expect(core, 'src/core/engine/translate.ts imports src/core/ir.ts').toBeDefined();
    expect(imports.some((i) => i.from === 'targets/index.ts' && i.to === 'targets/riscv/linux/index.ts')).toBe(true);
    expect(componentOf('syscalls/fs/open.ts')).toBe(componentOf('src/linux/kernel.ts'));
    expect(componentOf('targets/arm/linux/abi.ts')).toBe('targets/arm/linux');
    expect(isIsaFile('targets/arm/cpu.ts') && !isIsaFile('targets/arm/linux/abi.ts') && !isIsaFile('targets/index.ts')).toBe(true);
  });

  it('src/core imports nothing from src/linux, src/system, syscalls/, the CLI, the API, the gdb stub or targets/', () => {
    const bad = imports.filter((i) => i.from.startsWith('src/core/') && ABOVE_CORE.test(i.to)).map(fmt);
    expect(bad).toEqual([]);
  });

  it("a target's ISA files import nothing from Linux user mode, src/system, the frontends or its own linux/", () => {
    const bad = imports.filter((i) => {
      if (!isIsaFile(i.from)) return false;
      if (ABOVE_ISA.test(i.to)) return true;
      const arch = i.from.split('/')[1];
      return i.to.startsWith(`targets/${arch}/linux/`) || (i.to.startsWith('targets/') && !i.to.startsWith(`targets/${arch}/`));
    }).map(fmt);
    expect(bad).toEqual([]);
  });

  it('src/system imports nothing from Linux user mode (src/linux, syscalls/) or the frontends', () => {
    const bad = imports.filter((i) => i.from.startsWith('src/system/') && /^(src\/(linux|cli|api|gdb)\/|syscalls\/)/.test(i.to)).map(fmt);
    expect(bad).toEqual([]);
    // the rule sees the system layer: it imports the core and the riscv ISA
    expect(imports.some((i) => i.from === 'src/system/machine.ts' && i.to.startsWith('targets/riscv/priv/'))).toBe(true);
  });

  it('no import cycle between components', () => {
    const cycles = componentCycles(imports).map((c) =>
      `${c.map((i) => componentOf(i.from)).join(' -> ')} -> ${componentOf(c[0].from)}\n` + c.map((i) => `    ${fmt(i)}`).join('\n'));
    expect(cycles).toEqual([]);
  });
});

describe('repository and package', () => {
  it('tracks no file over 5 MB', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    const big = files.flatMap((f) => {
      let size: number;
      try { size = lstatSync(join(ROOT, f)).size; } catch { return []; } // deleted in the work tree
      return size > 5 * 1024 * 1024 ? [`${f}: ${(size / 1048576).toFixed(1)} MB`] : [];
    });
    expect(big).toEqual([]);
  });

  it('npm pack ships no tests, tools, fixtures or benchmarks', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
    // the package is the built tree: without dist/ this check would see nothing to object to
    expect(files, 'dist/ is built (npx tsc -p tsconfig.json)').toContain('dist/src/api/index.js');
    expect(files).toContain('bin/polyemu');
    const bad = files.filter((f) => /(^|\/)(tests|tools|fixtures|bench)\//.test(f));
    expect(bad).toEqual([]);
  });
});
