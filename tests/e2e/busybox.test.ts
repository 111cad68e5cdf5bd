// Real software nobody here wrote: applets of Debian's busybox-static for arm64 and armhf
// (fixtures/busybox.json) run under polyemu and live under qemu-<arch>; stdout, stderr and
// exit status must match. The binaries are not in git: .ci/run unpacks them into
// $POLYEMU_DEBS/<deb>/bin/busybox. Runs for every architecture registered in
// targets/index.ts; missing busybox or qemu, unregistered architectures and pending cases
// are reported loudly, never skipped in silence.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { archQemu, DEFAULT_TIMEOUT_MS, type E2eCase, FIXTURES, REPO_ROOT } from '../helpers/cases.js';
import { loudReport, registeredFixtureArches, RUN_PENDING } from '../helpers/pending.js';
import { compareRun, emulatorUnderTest, ensureDistBuilt, filterStderr, qemuFor, runCase } from '../helpers/run.js';

interface BusyboxCase {
  name: string;
  args: string[];
  stdin?: string;
  stdinRepeat?: { text: string; times: number };
  pending?: Record<string, string>;
  /** for cases that start many shells (each one translates busybox afresh) */
  timeoutMs?: number;
}
interface BusyboxFile {
  archs: Record<string, string>;
  cases: BusyboxCase[];
}

const DEBS = process.env.POLYEMU_DEBS ?? '/var/cache/polyemu-debs';
const file = JSON.parse(readFileSync(join(FIXTURES, 'busybox.json'), 'utf8')) as BusyboxFile;
const only = process.env.POLYEMU_E2E_ARCHS?.split(',').filter(Boolean);
const selected = only ?? registeredFixtureArches(Object.keys(file.archs));
const emu = emulatorUnderTest();

const unregistered = new Map<string, number>();
const warnings: string[] = [];
const cases: E2eCase[] = [];
for (const [arch, deb] of Object.entries(file.archs)) {
  if (!selected.includes(arch)) {
    unregistered.set(arch, file.cases.length);
    continue;
  }
  const busybox = join(DEBS, deb, 'bin', 'busybox');
  if (!existsSync(busybox)) {
    warnings.push(`${busybox} is missing: the ${file.cases.length} busybox cases of ${arch} are NOT run (.ci/run fetches it)`);
    continue;
  }
  if (!qemuFor(arch)) {
    warnings.push(`${archQemu(arch)} is NOT installed: the busybox cases of ${arch} have no oracle and are NOT run`);
    continue;
  }
  for (const s of file.cases) {
    const stdin = s.stdinRepeat ? s.stdinRepeat.text.repeat(s.stdinRepeat.times) : (s.stdin ?? '');
    cases.push({
      id: `busybox/${s.name}`,
      key: `${arch}/busybox/${s.name}`,
      spec: { name: s.name, binary: 'busybox' },
      variant: 'static',
      arch,
      binary: busybox,
      args: s.args,
      stdin: Buffer.from(stdin, 'utf8'),
      env: {},
      timeoutMs: s.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      deb,
      needs: [],
      expectedStem: '',
      pending: s.pending?.[arch],
    });
  }
}
const pending = cases.filter((c) => c.pending).map((c) => ({ key: c.key, reason: c.pending! }));
const banner = loudReport(`e2e-busybox (${emu.label})`, unregistered, pending, only !== undefined);
for (const w of warnings) console.warn(`\n!!! e2e-busybox: ${w} !!!`);
if (banner) console.warn(banner);

describe(`busybox (${emu.label})`, () => {
  beforeAll(() => {
    if (process.env.POLYEMU_CMD) return;
    const note = ensureDistBuilt();
    if (note) console.warn(`e2e-busybox: ${note}`);
  }, 600_000);

  test('the case list is well formed', () => {
    const names = file.cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(20);
    for (const c of file.cases) for (const k of Object.keys(c.pending ?? {})) expect(Object.keys(file.archs)).toContain(k);
    expect(existsSync(join(REPO_ROOT, 'bin', 'polyemu'))).toBe(true);
  });

  for (const c of cases) {
    const run = c.pending && !RUN_PENDING ? test.skip : test;
    run(c.pending ? `${c.key} [PENDING: ${c.pending}]` : c.key, async () => {
      const q = qemuFor(c.arch)!;
      const [mine, theirs] = await Promise.all([runCase(emu, c), runCase(q, c, 60_000)]);
      const expected = { stdout: theirs.stdout, stderr: filterStderr(theirs.stderr), status: theirs.status };
      expect(theirs.status.startsWith('timeout'), `qemu itself timed out on ${c.key}`).toBe(false);
      const problems = compareRun(`${emu.label} vs live ${q.label}`, expected, mine);
      expect(problems.join('\n\n'), `case ${c.key}: busybox ${c.args.join(' ')}`).toBe('');
    }, c.timeoutMs + 70_000);
  }
});
