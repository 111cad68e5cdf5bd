// The e2e harness itself: the case list is well formed, every case has a binary and an
// expected output, and the comparison really catches differences.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expandCases, loadCaseFile } from '../helpers/cases.js';
import { loudReport, registeredArches } from '../helpers/pending.js';
import { compareRun, describeDiff, filterStderr, runCase, statusString, which } from '../helpers/run.js';

describe('e2e harness', () => {
  const file = loadCaseFile();
  const cases = expandCases(file);

  test('every case has a binary and committed expected stdout/status, for every arch', () => {
    const missing = cases.flatMap((c) =>
      [c.binary, c.expectedStem + '.stdout', c.expectedStem + '.status'].filter((p) => !existsSync(p)),
    );
    expect(missing).toEqual([]);
    for (const arch of ['riscv64', 'aarch64', 'arm']) {
      expect(Object.keys(file.archs)).toContain(arch);
      expect(cases.filter((c) => c.arch === arch).length).toBeGreaterThan(50);
    }
  });

  test('static and dynamic ids are distinct and dynamic cases carry their arch sysroot', () => {
    const dyn = cases.filter((c) => c.variant === 'dyn');
    expect(dyn.length).toBeGreaterThan(30);
    for (const c of dyn) {
      expect(c.id.startsWith('dyn/')).toBe(true);
      expect(c.key).toBe(`${c.arch}/${c.id}`);
      expect(c.sysroot).toBe(file.archs[c.arch]!.sysroot);
      expect(c.binary).toContain(`/${c.arch}/dyn/`);
    }
    expect(cases.find((c) => c.key === 'riscv64/hello')?.binary).toMatch(/fixtures\/riscv64\/hello$/);
    expect(cases.find((c) => c.key === 'arm/dyn/hello')?.binary).toMatch(/fixtures\/arm\/dyn\/hello$/);
    expect(cases.find((c) => c.key === 'aarch64/asm-fib')?.binary).toMatch(/fixtures\/aarch64\/asm-fib$/);
    // riscv-only programs are not expanded for the ARM targets
    expect(cases.filter((c) => c.spec.name === 'fpu-ops').map((c) => c.arch)).toEqual(['riscv64']);
  });

  test('pending entries resolve per arch and variant, and must name a real build', () => {
    const f = structuredClone(file);
    const hello = f.cases.find((c) => c.name === 'hello')!;
    hello.pending = { aarch64: 'not yet', 'arm/dyn': 'dynamic loader' };
    const x = expandCases(f);
    const pend = (key: string) => x.find((c) => c.key === key)!.pending;
    expect(pend('aarch64/hello')).toBe('not yet');
    expect(pend('aarch64/dyn/hello')).toBe('not yet');
    expect(pend('arm/hello')).toBeUndefined();
    expect(pend('arm/dyn/hello')).toBe('dynamic loader');
    expect(pend('riscv64/hello')).toBeUndefined();
    hello.pending = { sparc: 'no such arch' };
    expect(() => expandCases(f)).toThrow(/pending key sparc/);
    expect(expandCases(file, ['arm']).every((c) => c.arch === 'arm')).toBe(true);
  });

  test('the loud report names every unregistered arch and pending case', () => {
    expect(loudReport('s', new Map(), [])).toBe('');
    const text = loudReport('s', new Map([['arm', 70]]), [{ key: 'aarch64/jit', reason: 'no icache flush' }]);
    expect(text).toContain('arch arm is NOT registered in targets/index.ts: its 70 case(s) are NOT run');
    expect(text).toContain('aarch64/jit');
    expect(text).toContain('no icache flush');
    expect(registeredArches()).toContain('riscv64');
  });

  test('signals and exit codes are recorded as such', () => {
    const status = (key: string) => readFileSync(cases.find((c) => c.key === key)!.expectedStem + '.status', 'utf8').trim();
    expect(status('riscv64/segv')).toBe('signal SIGSEGV');
    expect(status('riscv64/abort')).toBe('signal SIGABRT');
    expect(status('riscv64/exit-42')).toBe('exit 42');
    expect(status('riscv64/exit-256')).toBe('exit 0');
    expect(status('riscv64/asm-exit')).toBe('exit 42');
    expect(status('aarch64/asm-exit')).toBe('exit 42');
    expect(status('arm/asm-exit')).toBe('exit 42');
    expect(status('arm/dyn/segv')).toBe('signal SIGSEGV');
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
    const c = cases.find((x) => x.key === 'riscv64/stdin-upper')!;
    // run host tools as the "emulator" with the guest path as their argument
    const r = await runCase({ label: 'env', argv: [env!] }, { ...c, binary: 'X=1', args: [] }, 10_000);
    expect(r.status).toBe('exit 0');
    expect(r.stdout.toString()).toBe('X=1\n');
    const echo = await runCase({ label: 'cat', argv: [cat!] }, { ...c, binary: '-', args: [] }, 10_000);
    expect(echo.stdout.equals(c.stdin)).toBe(true);
  });
});
