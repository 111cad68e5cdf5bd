// Real software nobody here wrote: Debian's own dynamically linked programs for arm64 and
// armhf (coreutils, sed, grep, gawk, lua5.4, python3; fixtures/debian.json) run under polyemu
// and live under qemu-<arch>, both with -L <sysroot>; stdout, stderr and exit status must
// match. The sysroot is not in git: tools/debian-sysroot.sh <deb> $POLYEMU_DEBS/sysroot-<deb>
// assembles it from Debian's packages (.ci/run does). Runs for every architecture registered
// in targets/index.ts; a missing sysroot, program or qemu, unregistered architectures and
// pending cases are reported loudly, never skipped in silence.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TIMEOUT_MS, type E2eCase, FIXTURES, REPO_ROOT } from '../helpers/cases.js';
import { loudReport, registeredArches, RUN_PENDING } from '../helpers/pending.js';
import { compareRun, emulatorUnderTest, ensureDistBuilt, filterStderr, qemuFor, runCase } from '../helpers/run.js';

interface DebianCase {
  name: string;
  /** the program's path inside the sysroot */
  prog: string;
  args?: string[];
  stdin?: string;
  stdinFile?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  pending?: Record<string, string>;
}
interface DebianFile {
  archs: Record<string, string>;
  cases: DebianCase[];
}

const DEBS = process.env.POLYEMU_DEBS ?? '/var/cache/polyemu-debs';
const INPUTS = join(FIXTURES, 'inputs');
const DEFAULT_ENV = { PATH: '/usr/bin:/bin' };
/** Dynamic programs load and translate a lot of library code: far slower to start than qemu. */
const MIN_TIMEOUT_MS = Math.max(DEFAULT_TIMEOUT_MS, 120_000);
const file = JSON.parse(readFileSync(join(FIXTURES, 'debian.json'), 'utf8')) as DebianFile;
const only = process.env.POLYEMU_E2E_ARCHS?.split(',').filter(Boolean);
const selected = only ?? registeredArches();
const emu = emulatorUnderTest();

const unregistered = new Map<string, number>();
const warnings: string[] = [];
const cases: E2eCase[] = [];
for (const [arch, deb] of Object.entries(file.archs)) {
  if (!selected.includes(arch)) {
    unregistered.set(arch, file.cases.length);
    continue;
  }
  const sysroot = join(DEBS, `sysroot-${deb}`);
  if (!existsSync(join(sysroot, '.polyemu-sysroot'))) {
    warnings.push(
      `${sysroot} is missing: the ${file.cases.length} Debian program cases of ${arch} are NOT run ` +
        `(tools/debian-sysroot.sh ${deb} ${sysroot} builds it; .ci/run does)`,
    );
    continue;
  }
  if (!qemuFor(arch)) {
    warnings.push(`qemu-${arch} is NOT installed: the Debian program cases of ${arch} have no oracle and are NOT run`);
    continue;
  }
  for (const s of file.cases) {
    const binary = join(sysroot, s.prog);
    if (!existsSync(binary)) {
      warnings.push(`${binary} is missing from the sysroot: case ${arch}/debian/${s.name} is NOT run`);
      continue;
    }
    const stdin = s.stdinFile !== undefined ? readFileSync(join(FIXTURES, s.stdinFile)) : Buffer.from(s.stdin ?? '', 'utf8');
    cases.push({
      id: `debian/${s.name}`,
      key: `${arch}/debian/${s.name}`,
      spec: { name: s.name, binary: s.prog },
      variant: 'dyn',
      arch,
      binary,
      args: (s.args ?? []).map((a) => a.replaceAll('{inputs}', INPUTS)),
      stdin,
      env: s.env ?? DEFAULT_ENV,
      timeoutMs: Math.max(s.timeoutMs ?? 0, MIN_TIMEOUT_MS),
      sysroot,
      deb,
      needs: [],
      expectedStem: '',
      pending: s.pending?.[arch],
    });
  }
}
const pending = cases.filter((c) => c.pending).map((c) => ({ key: c.key, reason: c.pending! }));
const banner = loudReport(`e2e-debian (${emu.label})`, unregistered, pending, only !== undefined);
for (const w of warnings) console.warn(`\n!!! e2e-debian: ${w} !!!`);
if (banner) console.warn(banner);

describe(`Debian programs (${emu.label})`, () => {
  beforeAll(() => {
    if (process.env.POLYEMU_CMD) return;
    const note = ensureDistBuilt();
    if (note) console.warn(`e2e-debian: ${note}`);
  }, 600_000);

  test('the case list is well formed', () => {
    const names = file.cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(40);
    for (const c of file.cases) {
      for (const k of Object.keys(c.pending ?? {})) expect(Object.keys(file.archs)).toContain(k);
      expect(c.prog.startsWith('/'), `${c.name}: prog is an absolute path inside the sysroot`).toBe(true);
      expect(c.stdin !== undefined && c.stdinFile !== undefined, `${c.name}: stdin and stdinFile`).toBe(false);
      if (c.stdinFile !== undefined) expect(existsSync(join(FIXTURES, c.stdinFile))).toBe(true);
    }
    // an interpreter running a script file is part of the requirement
    expect(file.cases.some((c) => c.prog.includes('python3') && c.args?.some((a) => a.endsWith('.py')))).toBe(true);
    expect(file.cases.some((c) => c.prog.includes('lua') && c.args?.some((a) => a.endsWith('.lua')))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'bin', 'polyemu'))).toBe(true);
  });

  for (const c of cases) {
    const run = c.pending && !RUN_PENDING ? test.skip : test;
    run(c.pending ? `${c.key} [PENDING: ${c.pending}]` : c.key, async () => {
      const q = qemuFor(c.arch)!;
      const [mine, theirs] = await Promise.all([runCase(emu, c), runCase(q, c, 60_000)]);
      const expected = { stdout: theirs.stdout, stderr: filterStderr(theirs.stderr), status: theirs.status };
      expect(theirs.status.startsWith('timeout'), `qemu itself timed out on ${c.key}`).toBe(false);
      if (mine.ms > 20_000) console.warn(`e2e-debian: ${c.key} took ${(mine.ms / 1000).toFixed(1)} s under ${emu.label} (${q.label}: ${(theirs.ms / 1000).toFixed(1)} s)`);
      const problems = compareRun(`${emu.label} vs live ${q.label}`, expected, mine);
      expect(problems.join('\n\n'), `case ${c.key}: ${c.spec.binary} ${c.args.join(' ')}`).toBe('');
    }, c.timeoutMs + 70_000);
  }
});
