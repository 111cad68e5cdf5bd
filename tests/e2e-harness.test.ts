// The e2e harness itself: the case list is well formed, every case has a binary and an
// expected output, and the comparison really catches differences.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expandCases, loadCaseFile } from './helpers/cases.js';
import { compareRun, describeDiff, filterStderr, runCase, statusString, which } from './helpers/run.js';

describe('e2e harness', () => {
  const file = loadCaseFile();
  const cases = expandCases(file);

  test('every case has a binary and committed expected stdout/status', () => {
    const missing = cases.flatMap((c) =>
      [c.binary, c.expectedStem + '.stdout', c.expectedStem + '.status'].filter((p) => !existsSync(p)),
    );
    expect(missing).toEqual([]);
    expect(cases.length).toBeGreaterThan(50);
  });

  test('static and dynamic ids are distinct and dynamic cases carry the sysroot', () => {
    const dyn = cases.filter((c) => c.variant === 'dyn');
    expect(dyn.length).toBeGreaterThan(10);
    for (const c of dyn) {
      expect(c.id.startsWith('dyn/')).toBe(true);
      expect(c.sysroot).toBe(file.sysroot);
      expect(c.binary).toContain(`/${file.arch}/dyn/`);
    }
    expect(cases.find((c) => c.id === 'hello')?.binary).toMatch(/fixtures\/riscv64\/hello$/);
  });

  test('signals and exit codes are recorded as such', () => {
    const status = (id: string) => readFileSync(cases.find((c) => c.id === id)!.expectedStem + '.status', 'utf8').trim();
    expect(status('segv')).toBe('signal SIGSEGV');
    expect(status('abort')).toBe('signal SIGABRT');
    expect(status('exit-42')).toBe('exit 42');
    expect(status('exit-256')).toBe('exit 0');
    expect(status('asm-exit')).toBe('exit 42');
    expect(statusString(null, 'SIGSEGV')).toBe('signal SIGSEGV');
    expect(statusString(3, null)).toBe('exit 3');
  });

  test('comparison reports stdout, stderr and status differences', () => {
    const expected = { stdout: Buffer.from('a\nb\nc\n'), stderr: 'warn\n', status: 'exit 0' };
    const same = { stdout: Buffer.from('a\nb\nc\n'), stderr: Buffer.from('qemu: noise\nwarn\n'), status: 'exit 0', ms: 1 };
    expect(compareRun('x', expected, same)).toEqual([]);
    const diff = { stdout: Buffer.from('a\nB\nc\n'), stderr: Buffer.from(''), status: 'signal SIGSEGV', ms: 1 };
    const problems = compareRun('x', expected, diff);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('expected "exit 0", got "signal SIGSEGV"');
    expect(problems[1]).toContain('line 2');
    expect(problems[1]).toContain('"B"');
    expect(describeDiff('abc', 'abc')).toBe('');
    expect(describeDiff('abc\n', 'abc')).toContain('first difference');
    expect(filterStderr('polyemu: unimplemented syscall 999\nguest\n')).toBe('guest\n');
  });

  test('runCase passes exactly the case environment, argv and stdin', async () => {
    const cat = which('cat');
    const env = which('env');
    expect(cat && env).toBeTruthy();
    const c = cases.find((x) => x.id === 'stdin-upper')!;
    // run host tools as the "emulator" with the guest path as their argument
    const r = await runCase({ label: 'env', argv: [env!] }, { ...c, binary: 'X=1', args: [] }, 10_000);
    expect(r.status).toBe('exit 0');
    expect(r.stdout.toString()).toBe('X=1\n');
    const echo = await runCase({ label: 'cat', argv: [cat!] }, { ...c, binary: '-', args: [] }, 10_000);
    expect(echo.stdout.equals(c.stdin)).toBe(true);
  });
});
