// End-to-end differential tests: every case of fixtures/cases.json runs under polyemu
// (or POLYEMU_CMD) and must reproduce the committed qemu-riscv64 output byte for byte,
// with the same exit status or terminating signal. When qemu-riscv64 is installed the
// case also runs under it live and the two are compared.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { expandCases, FIXTURES, REPO_ROOT } from './helpers/cases.js';
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
} from './helpers/run.js';

const cases = expandCases();
const emu = emulatorUnderTest();
const arches = [...new Set(cases.map((c) => c.arch))];
const live = new Map(arches.map((a) => [a, qemuFor(a)]));
for (const [arch, q] of live)
  if (!q)
    console.warn(
      `\n!!! e2e: qemu-${arch} is NOT installed: the LIVE comparison with qemu is SKIPPED;` +
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

  for (const c of cases) {
    test(c.id, async () => {
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
      if (hung) console.warn(`e2e: ${HUNG_AFTER}+ timeouts in a row, ${c.id} ran with a ${HUNG_TIMEOUT_MS} ms timeout`);
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
      expect(problems.join('\n\n'), `case ${c.id}: ${[c.binary, ...c.args].join(' ')}`).toBe('');
    }, c.timeoutMs + 70_000);
  }
});
