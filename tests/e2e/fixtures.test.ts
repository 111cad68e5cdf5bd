// End-to-end differential tests: every case of fixtures/cases.json, for every architecture
// whose target is registered in targets/index.ts, runs under polyemu (or POLYEMU_CMD) and
// must reproduce the committed qemu-<arch> output byte for byte, with the same exit status or
// terminating signal. When qemu-<arch> is installed the case also runs under it live and the
// two are compared. Pending cases (cases.json "pending") and unregistered architectures are
// listed loudly at the start and not asserted.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { archQemu, archTarget, expandCases, FIXTURES, loadCaseFile, REPO_ROOT } from '../helpers/cases.js';
import { loudReport, registeredArches, registeredFixtureArches, RUN_PENDING } from '../helpers/pending.js';
import {
  compareRun,
  emulatorUnderTest,
  type Expected,
  filterStderr,
  ensureDistBuilt,
  qemuFor,
  readExpected,
  runCase,
  sysrootProblem,
} from '../helpers/run.js';

const file = loadCaseFile();
// POLYEMU_E2E_ARCHS=aarch64,arm picks the architectures instead of those whose target is
// registered (armel runs on the arm target: cases.json archs.<arch>.target) (with
// POLYEMU_CMD=qemu-aarch64 POLYEMU_E2E_ARCHS=aarch64 the suite checks the harness itself).
const only = process.env.POLYEMU_E2E_ARCHS?.split(',').filter(Boolean);
const registered = registeredArches();
const selected = only ?? registeredFixtureArches(Object.keys(file.archs));
const everything = expandCases(file);
const cases = everything.filter((c) => selected.includes(c.arch));
const emu = emulatorUnderTest();
const unregistered = new Map<string, number>();
for (const c of everything)
  if (!selected.includes(c.arch)) unregistered.set(c.arch, (unregistered.get(c.arch) ?? 0) + 1);
const pending = cases.filter((c) => c.pending).map((c) => ({ key: c.key, reason: c.pending! }));
const banner = loudReport(`e2e (${emu.label})`, unregistered, pending, only !== undefined);
if (banner) console.warn(banner);

const arches = [...new Set(cases.map((c) => c.arch))];
const live = new Map(arches.map((a) => [a, qemuFor(a)]));
for (const [arch, q] of live)
  if (!q)
    console.warn(
      `\n!!! e2e: ${archQemu(arch, file)} is NOT installed: the LIVE comparison with qemu is SKIPPED for ${arch};` +
        ` only the committed expected outputs are checked (apt-get install qemu-user) !!!\n`,
    );

// A hung emulator must not eat the CI budget: after HUNG_AFTER timeouts in a row the
// remaining cases get a short timeout (they still run and still fail loudly).
const HUNG_AFTER = 3;
const HUNG_TIMEOUT_MS = 10_000;
let timeoutStreak = 0;

describe(`e2e (${emu.label})`, () => {
  beforeAll(() => {
    if (process.env.POLYEMU_CMD) return;
    if (!existsSync(`${REPO_ROOT}/bin/polyemu`)) throw new Error('bin/polyemu does not exist yet');
    const note = ensureDistBuilt();
    if (note) console.warn(`e2e: ${note}`);
  }, 600_000);

  test('registered architectures have fixtures', () => {
    // A target registered without fixtures would silently test nothing.
    const covered = Object.keys(file.archs).map((a) => archTarget(a, file));
    for (const target of registered) expect(covered).toContain(target);
    for (const arch of selected) expect(Object.keys(file.archs)).toContain(arch);
  });

  for (const c of cases) {
    const run = c.pending && !RUN_PENDING ? test.skip : test;
    run(c.pending ? `${c.key} [PENDING: ${c.pending}]` : c.key, async () => {
      expect(existsSync(c.binary), `${relative(FIXTURES, c.binary)} is missing: run fixtures/build.sh`).toBe(true);
      const sys = sysrootProblem(c);
      if (sys) throw new Error(sys);
      const expected = readExpected(c);
      const q = live.get(c.arch);
      const hung = timeoutStreak >= HUNG_AFTER;
      const [mine, theirs] = await Promise.all([
        runCase(emu, c, hung ? HUNG_TIMEOUT_MS : c.timeoutMs),
        q ? runCase(q, c, 60_000) : undefined,
      ]);
      timeoutStreak = mine.status.startsWith('timeout') ? timeoutStreak + 1 : 0;
      if (hung) console.warn(`e2e: ${HUNG_AFTER}+ timeouts in a row, ${c.key} ran with a ${HUNG_TIMEOUT_MS} ms timeout`);
      const problems = compareRun(`${emu.label} vs committed expected`, expected, mine);
      if (theirs) {
        const live: Expected = { stdout: theirs.stdout, stderr: filterStderr(theirs.stderr), status: theirs.status };
        const drift = compareRun(`live ${q!.label} vs committed expected`, expected, theirs);
        // When live qemu agrees with the committed output, comparing with it again adds nothing.
        if (drift.length) {
          problems.push(`NOTE: live ${q!.label} itself differs from the committed output (regenerate with fixtures/build.sh?):`);
          problems.push(...drift, ...compareRun(`${emu.label} vs live ${q!.label}`, live, mine));
        }
      }
      expect(problems.join('\n\n'), `case ${c.key}: ${[c.binary, ...c.args].join(' ')}`).toBe('');
    }, c.timeoutMs + 70_000);
  }
});
