// The end-to-end case list: fixtures/cases.json expanded into one runnable case per
// (architecture, case, build variant). Shared by tests/e2e/fixtures.test.ts and fixtures/gen-expected.ts.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(REPO_ROOT, 'fixtures');
/** Every case takes well under a second under qemu; this leaves room for a slow emulator. */
export const DEFAULT_TIMEOUT_MS = Number(process.env.POLYEMU_E2E_TIMEOUT_MS ?? 30_000);

/** How a binary was linked: `static` lives in fixtures/<arch>/, `dyn` in fixtures/<arch>/dyn/. */
export type Variant = 'static' | 'dyn';

/**
 * One guest architecture of the fixtures: a Debian ABI (armhf and armel are two archs of the
 * one polyemu target `arm`). Its name names fixtures/<arch>/ and expected/<arch>/.
 */
export interface ArchSpec {
  /** The polyemu target that runs it (default: the arch name). */
  target?: string;
  /** The qemu-user binary that is the oracle (default: qemu-<target>). */
  qemu?: string;
  /** Debian cross toolchain triplet: <triplet>-gcc / <triplet>-g++. */
  triplet: string;
  /** Sysroot passed as -L to dynamic cases. */
  sysroot: string;
  /** Debian architecture name (arm64, armhf, riscv64): names the -cross packages. */
  deb: string;
  /** Where the sysroot's libraries are (default lib; the host's own: lib/<triplet>). */
  libdir?: string;
}

export interface BinarySpec {
  /**
   * Source files relative to fixtures/ (a C++ source makes it a C++ build), either one list
   * for every architecture or one list per architecture (assembly).
   */
  sources: string[] | Record<string, string[]>;
  /** Extra compiler flags (e.g. -nostdlib) and libraries (e.g. -lm). */
  cflags?: string[];
  libs?: string[];
  variants: Variant[];
  /** Architectures this binary is built for (default: every arch of the file). */
  archs?: string[];
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
  /** Restrict to some of the binary's architectures. */
  archs?: string[];
  /** Per-run timeout for the emulator under test, in ms (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /**
   * Known not to work yet under polyemu, with the reason. Keys: `<arch>` (every variant),
   * `<arch>/static` or `<arch>/dyn`. Pending cases are listed loudly at the start of the
   * e2e run and not asserted (POLYEMU_E2E_PENDING=run runs them too).
   */
  pending?: Record<string, string>;
}

export interface CaseFile {
  archs: Record<string, ArchSpec>;
  binaries: Record<string, BinarySpec>;
  cases: CaseSpec[];
}

export interface E2eCase {
  /** `name` for static builds, `dyn/name` for dynamic ones; also the expected-output stem. */
  id: string;
  /** `<arch>/<id>`: unique across architectures (the test name). */
  key: string;
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
  /** Debian architecture name of `arch` (for package hints). */
  deb: string;
  /** the sysroot's library directory (ArchSpec.libdir; default lib) */
  libdir?: string;
  /** Libraries from the sysroot this case needs (dynamic only). */
  needs: string[];
  /** Absolute path stem of the expected files: `<stem>.stdout`, `.stderr`, `.status`. */
  expectedStem: string;
  /** Why this case is pending on this arch/variant (undefined: it must pass). */
  pending?: string;
}

export function loadCaseFile(path = join(FIXTURES, 'cases.json')): CaseFile {
  return JSON.parse(readFileSync(path, 'utf8')) as CaseFile;
}

/** The polyemu target of a fixtures arch (`target` in cases.json, default the arch itself). */
export function archTarget(arch: string, file: CaseFile = loadCaseFile()): string {
  return file.archs[arch]?.target ?? arch;
}

/** The qemu-user command of a fixtures arch (`qemu` in cases.json, default qemu-<target>). */
export function archQemu(arch: string, file: CaseFile = loadCaseFile()): string {
  return file.archs[arch]?.qemu ?? `qemu-${archTarget(arch, file)}`;
}

/** The architectures a binary is built for. */
export function binaryArchs(file: CaseFile, bin: BinarySpec): string[] {
  const all = Object.keys(file.archs);
  const listed = bin.archs ?? (Array.isArray(bin.sources) ? all : Object.keys(bin.sources));
  for (const a of listed) if (!file.archs[a]) throw new Error(`cases.json: unknown arch ${a}`);
  return all.filter((a) => listed.includes(a));
}

/** A binary's sources for one architecture. */
export function binarySources(bin: BinarySpec, arch: string): string[] {
  const s = Array.isArray(bin.sources) ? bin.sources : bin.sources[arch];
  if (!s) throw new Error(`cases.json: no sources for ${arch}`);
  return s;
}

/** Every case of the file (optionally only some architectures), arch by arch in file order. */
export function expandCases(file: CaseFile = loadCaseFile(), archs?: readonly string[]): E2eCase[] {
  const out: E2eCase[] = [];
  const seen = new Set<string>();
  for (const spec of file.cases) {
    const bin = file.binaries[spec.binary];
    if (!bin) throw new Error(`cases.json: case ${spec.name} uses unknown binary ${spec.binary}`);
    if (spec.stdin !== undefined && spec.stdinFile !== undefined)
      throw new Error(`cases.json: case ${spec.name} has both stdin and stdinFile`);
    const binArchs = binaryArchs(file, bin);
    for (const a of spec.archs ?? [])
      if (!binArchs.includes(a)) throw new Error(`cases.json: case ${spec.name} wants arch ${a} that ${spec.binary} lacks`);
    for (const k of Object.keys(spec.pending ?? {})) {
      const [a, v] = k.split('/');
      if (!binArchs.includes(a!) || (v !== undefined && !bin.variants.includes(v as Variant)))
        throw new Error(`cases.json: case ${spec.name} has pending key ${k} that matches no build`);
    }
    for (const variant of spec.variants ?? bin.variants)
      if (!bin.variants.includes(variant))
        throw new Error(`cases.json: case ${spec.name} wants variant ${variant} that ${spec.binary} lacks`);
  }
  for (const arch of Object.keys(file.archs)) {
    if (archs && !archs.includes(arch)) continue;
    const a = file.archs[arch]!;
    for (const spec of file.cases) {
      const bin = file.binaries[spec.binary]!;
      if (!(spec.archs ?? binaryArchs(file, bin)).includes(arch)) continue;
      for (const variant of spec.variants ?? bin.variants) {
        const id = variant === 'static' ? spec.name : `dyn/${spec.name}`;
        const key = `${arch}/${id}`;
        if (seen.has(key)) throw new Error(`cases.json: duplicate case ${key}`);
        seen.add(key);
        const binDir = variant === 'static' ? arch : `${arch}/dyn`;
        out.push({
          id,
          key,
          spec,
          variant,
          arch,
          binary: join(FIXTURES, binDir, spec.binary),
          args: spec.args ?? [],
          stdin:
            spec.stdinFile !== undefined
              ? readFileSync(join(FIXTURES, spec.stdinFile))
              : Buffer.from(spec.stdin ?? '', 'utf8'),
          env: spec.env ?? {},
          timeoutMs: Math.max(spec.timeoutMs ?? 0, DEFAULT_TIMEOUT_MS),
          sysroot: variant === 'dyn' ? a.sysroot : undefined,
          deb: a.deb,
          libdir: a.libdir ?? 'lib',
          needs: variant === 'dyn' ? ['libc.so.6', ...(bin.needs ?? [])] : [],
          expectedStem: join(FIXTURES, 'expected', arch, id),
          pending: spec.pending?.[`${arch}/${variant}`] ?? spec.pending?.[arch],
        });
      }
    }
  }
  return out;
}
