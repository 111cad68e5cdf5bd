// The end-to-end case list: fixtures/cases.json expanded into one runnable case per
// (case, build variant). Shared by tests/e2e.test.ts and fixtures/gen-expected.ts.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(REPO_ROOT, 'fixtures');
/** Every case takes well under a second under qemu; this leaves room for a slow emulator. */
export const DEFAULT_TIMEOUT_MS = Number(process.env.POLYEMU_E2E_TIMEOUT_MS ?? 30_000);

/** How a binary was linked: `static` lives in fixtures/<arch>/, `dyn` in fixtures/<arch>/dyn/. */
export type Variant = 'static' | 'dyn';

export interface BinarySpec {
  /** Source files relative to fixtures/. The first one decides C, C++ or assembly. */
  sources: string[];
  /** Extra compiler flags (e.g. -nostdlib) and libraries (e.g. -lm). */
  cflags?: string[];
  libs?: string[];
  variants: Variant[];
  /** Sysroot libraries the dynamic variant needs beyond libc (for a helpful error). */
  needs?: string[];
}

export interface CaseSpec {
  name: string;
  binary: string;
  args?: string[];
  /** Text fed to stdin (UTF-8). Mutually exclusive with stdinFile. */
  stdin?: string;
  /** File under fixtures/ fed to stdin. */
  stdinFile?: string;
  /** The guest's whole environment (nothing else is passed). */
  env?: Record<string, string>;
  /** Restrict to some of the binary's variants. */
  variants?: Variant[];
  /** Per-run timeout for the emulator under test, in ms (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}

export interface CaseFile {
  arch: string;
  sysroot: string;
  binaries: Record<string, BinarySpec>;
  cases: CaseSpec[];
}

export interface E2eCase {
  /** `name` for static builds, `dyn/name` for dynamic ones; also the expected-output stem. */
  id: string;
  spec: CaseSpec;
  variant: Variant;
  arch: string;
  /** Absolute path of the guest binary. */
  binary: string;
  args: string[];
  stdin: Buffer;
  env: Record<string, string>;
  timeoutMs: number;
  /** Sysroot for dynamic cases (passed as -L), undefined for static ones. */
  sysroot?: string;
  /** Libraries from the sysroot this case needs (dynamic only). */
  needs: string[];
  /** Absolute path stem of the expected files: `<stem>.stdout`, `.stderr`, `.status`. */
  expectedStem: string;
}

export function loadCaseFile(path = join(FIXTURES, 'cases.json')): CaseFile {
  return JSON.parse(readFileSync(path, 'utf8')) as CaseFile;
}

export function expandCases(file: CaseFile = loadCaseFile()): E2eCase[] {
  const out: E2eCase[] = [];
  const seen = new Set<string>();
  for (const spec of file.cases) {
    const bin = file.binaries[spec.binary];
    if (!bin) throw new Error(`cases.json: case ${spec.name} uses unknown binary ${spec.binary}`);
    if (spec.stdin !== undefined && spec.stdinFile !== undefined)
      throw new Error(`cases.json: case ${spec.name} has both stdin and stdinFile`);
    for (const variant of spec.variants ?? bin.variants) {
      if (!bin.variants.includes(variant))
        throw new Error(`cases.json: case ${spec.name} wants variant ${variant} that ${spec.binary} lacks`);
      const id = variant === 'static' ? spec.name : `dyn/${spec.name}`;
      if (seen.has(id)) throw new Error(`cases.json: duplicate case ${id}`);
      seen.add(id);
      const binDir = variant === 'static' ? file.arch : `${file.arch}/dyn`;
      out.push({
        id,
        spec,
        variant,
        arch: file.arch,
        binary: join(FIXTURES, binDir, spec.binary),
        args: spec.args ?? [],
        stdin:
          spec.stdinFile !== undefined
            ? readFileSync(join(FIXTURES, spec.stdinFile))
            : Buffer.from(spec.stdin ?? '', 'utf8'),
        env: spec.env ?? {},
        timeoutMs: Math.max(spec.timeoutMs ?? 0, DEFAULT_TIMEOUT_MS),
        sysroot: variant === 'dyn' ? file.sysroot : undefined,
        needs: variant === 'dyn' ? ['libc.so.6', ...(bin.needs ?? [])] : [],
        expectedStem: join(FIXTURES, 'expected', file.arch, id),
      });
    }
  }
  return out;
}
