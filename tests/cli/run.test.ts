/**
 * The polyemu command as users run it: `node bin/polyemu ...` on the compiled dist/ (built
 * here first; tsc still emits JavaScript when some file has a type error).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allTargets } from '../../targets/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = path.join(ROOT, 'bin/polyemu');
const FX = path.join(ROOT, 'fixtures/loader');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-cli-'));

beforeAll(() => {
  try {
    execSync('npx tsc -p tsconfig.json', { cwd: ROOT, stdio: 'ignore' });
  } catch {
    /* type errors elsewhere: the JavaScript is emitted anyway */
  }
}, 300_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function polyemu(args: string[], opts: { env?: Record<string, string>; cwd?: string; bin?: string } = {}) {
  const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], {
    cwd: opts.cwd ?? FX,
    env: opts.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** One line on stderr, starting with "polyemu: ", and no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^polyemu: /);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0];
}

describe('polyemu command: help and usage errors', () => {
  it('-h prints the usage on stdout and exits 0', () => {
    const r = polyemu(['-h']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: polyemu \[options\] program/);
    expect(r.stdout).toContain('QEMU_LD_PREFIX');
  });

  it('-version and -d help', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const v = polyemu(['-version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toBe(`polyemu version ${pkg.version} (targets: ${allTargets.map((t) => t.name).join(', ')})\n`);
    const d = polyemu(['-d', 'help']);
    expect(d.status).toBe(0);
    expect(d.stdout).toMatch(/^Log items/);
  });

  it('usage errors exit 1 with one line', () => {
    for (const [args, msg] of [
      [[], "polyemu: no user program specified (try 'polyemu -h' for help)"],
      [['-bogus', 'x'], "polyemu: unknown option '-bogus' (try 'polyemu -h' for help)"],
      [['-s'], "polyemu: missing argument for option '-s' (try 'polyemu -h' for help)"],
      [['-d', 'nope', 'x'], /^polyemu: -d\/QEMU_LOG: unknown log item 'nope'/],
    ] as Array<[string[], string | RegExp]>) {
      const r = polyemu(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(oneLine(r.stderr)).toMatch(msg);
    }
  });
});

describe('polyemu command: internal errors', () => {
  const report = (debug: string) => spawnSync(process.execPath, ['--input-type=module', '-e',
    `import { reportError } from ${JSON.stringify(path.join(ROOT, 'dist/src/cli/main.js'))};
     process.exitCode = reportError(new Error('boom\\nmore'), { POLYEMU_DEBUG: ${JSON.stringify(debug)} });`], { encoding: 'utf8' });

  it('are reported in one line and exit 70', () => {
    const r = report('');
    expect(r.status).toBe(70);
    expect(r.stderr).toBe('polyemu: internal error: boom\n');
  });

  it('show the stack trace with POLYEMU_DEBUG=1', () => {
    const r = report('1');
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(/^polyemu: internal error: boom\nError: boom\nmore\n\s+at /);
  });
});

describe('polyemu command: programs it cannot load', () => {
  it('a missing file: exit 1', () => {
    const r = polyemu(['./nonexistent', 'a']);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toBe("polyemu: Could not open './nonexistent': No such file or directory");
  });

  it('a file that is not ELF: exit 1', () => {
    const r = polyemu(['src/exit42.c']);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toBe("polyemu: 'src/exit42.c': not an ELF executable (Exec format error)");
  });

  it('a truncated ELF: exit 255', () => {
    const f = path.join(tmp, 'trunc');
    fs.writeFileSync(f, fs.readFileSync(path.join(FX, 'exit42')).subarray(0, 0x150));
    const r = polyemu([f]);
    expect(r.status).toBe(255);
    expect(oneLine(r.stderr)).toMatch(/invalid ELF image: segment 1 .* extends beyond the end of the file/);
  });

  it('an ELF for another architecture: exit 255', () => {
    const f = path.join(tmp, 'sparc64prog');
    const b = fs.readFileSync(path.join(FX, 'exit42'));
    b.writeUInt16LE(43, 18);
    fs.writeFileSync(f, b);
    const r = polyemu([f]);
    expect(r.status).toBe(255);
    expect(oneLine(r.stderr)).toBe(`polyemu: '${f}': unsupported architecture: SPARC64 (ELF machine 43), 64-bit little-endian; polyemu runs ${allTargets.map((t) => t.name).join(', ')}`);
  });

  it('a missing ELF interpreter: exit 255, pointing at -L', () => {
    const r = polyemu(['-L', tmp, 'dyn-fakeld']);
    expect(r.status).toBe(255);
    const line = oneLine(r.stderr);
    expect(line).toMatch(/^polyemu: Could not open '\/lib\/ld-polyemu-test\.so\.1': No such file or directory/);
    expect(line).toContain('-L');
  });

  it('a sysroot that does not exist: exit 1', () => {
    const r = polyemu(['-L', path.join(tmp, 'nowhere'), 'exit42']);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/sysroot '.*nowhere' \(-L \/ QEMU_LD_PREFIX\) is not a directory/);
  });

  it('a log file that cannot be created: exit 1', () => {
    const r = polyemu(['-D', path.join(tmp, 'no/such/dir/log'), '-d', 'page', 'exit42']);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^polyemu: Could not open log file '.*': No such file or directory$/);
  });

  it('bin/polyemu without dist/ tells to build', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'nodist-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync(BIN, path.join(dir, 'bin/polyemu'));
    const r = polyemu(['exit42'], { bin: path.join(dir, 'bin/polyemu') });
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^polyemu: not built: run 'npm install' \(or 'npm run build'\)/);
  });
});

describe('polyemu command: running programs', () => {
  it('exits with the guest status and passes stdout through', () => {
    const r = polyemu(['exit42']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello\n');
    expect(r.status).toBe(42);
  });

  it('runs a static-pie', () => {
    const r = polyemu(['static-pie']);
    expect([r.stdout, r.status]).toEqual(['spie\n', 7]);
  });

  it('runs through the ELF interpreter from -L, which finds AT_ENTRY and jumps to the program', () => {
    const r = polyemu(['-L', 'sysroot', 'dyn-fakeld']);
    expect([r.stdout, r.status]).toEqual(['interp\nmain\n', 5]);
    const viaEnv = polyemu(['dyn-fakeld'], { env: { QEMU_LD_PREFIX: 'sysroot' } });
    expect([viaEnv.stdout, viaEnv.status]).toEqual(['interp\nmain\n', 5]);
  });

  it('gives the guest argv, argv[0] (-0) and the environment with -E/-U applied', () => {
    const r = polyemu(['-0', 'zero', '-E', 'C=3,D=4', '-U', 'A', 'args', 'x', '-E'], { env: { A: '1', B: '2' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('argc 3\narg zero\narg x\narg -E\nenv B=2\nenv C=3\nenv D=4\n');
  });

  it('passes QEMU_* variables through to the guest, like qemu-user', () => {
    const r = polyemu(['args'], { env: { QEMU_ARGV0: 'fromenv', QEMU_SET_ENV: 'Z=26' } });
    expect(r.stdout).toBe('argc 1\narg fromenv\nenv QEMU_ARGV0=fromenv\nenv QEMU_SET_ENV=Z=26\nenv Z=26\n');
  });

  it('dies by the signal that killed the guest', () => {
    const r = polyemu(['segv']);
    expect(r.stdout).toBe('before\n');
    expect(r.signal).toBe('SIGSEGV');
    expect(r.status).toBe(null);
  });

  it('-d page logs the memory map to the -D file', () => {
    const log = path.join(tmp, 'page.log');
    const r = polyemu(['-d', 'page', '-D', log, 'exit42']);
    expect(r.status).toBe(42);
    const text = fs.readFileSync(log, 'utf8');
    expect(text).toContain('0000000000010000-0000000000011000 0000000000001000 r-x');
    expect(text).toMatch(/^entry\s+0x000000000001015e$/m);
  });

  it('works through a symlink, as node_modules/.bin/polyemu (npx, npm install) runs it', () => {
    // `npx polyemu` itself was checked by hand: npm first copies the package into its cache
    // (25 s of CPU on a busy machine), then runs exactly this kind of link.
    const dir = fs.mkdtempSync(path.join(tmp, 'dotbin-'));
    fs.symlinkSync(BIN, path.join(dir, 'polyemu'));
    const r = polyemu(['exit42'], { bin: path.join(dir, 'polyemu') });
    expect([r.stdout, r.status]).toEqual(['hello\n', 42]);
  });

  const sysroot = '/usr/riscv64-linux-gnu';
  it.skipIf(!fs.existsSync(path.join(sysroot, 'lib/libc.so.6')))(
    'runs a dynamic glibc program with the default sysroot /usr/riscv64-linux-gnu (needs the Debian riscv64 cross libc: skipped without it)',
    () => {
      const r = polyemu(['hello-dyn', 'a']);
      expect(r.stderr).toBe('');
      expect([r.stdout, r.status]).toEqual(['hello from hello-dyn, argc=2\n', 3]);
    },
  );
});
