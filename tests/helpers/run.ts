// Running a guest program under an emulator (polyemu or qemu-user) and comparing what it
// did with what it should have done: stdout byte for byte, stderr (minus the emulator's own
// diagnostics) and the exit status or terminating signal.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { E2eCase } from './cases.js';
import { archQemu, REPO_ROOT } from './cases.js';

export interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
  /** `exit N` or `signal SIGNAME` (or `timeout` when we had to kill it). */
  status: string;
  ms: number;
}

/** What a case is expected to produce (as committed under fixtures/expected/). */
export interface Expected {
  stdout: Buffer;
  stderr: string;
  status: string;
}

/** An emulator invocation: the command and the arguments that come before the program. */
export interface Emulator {
  label: string;
  argv: string[];
}

/** Find an executable on PATH (or check an absolute path); undefined when absent. */
export function which(cmd: string): string | undefined {
  const isExec = (p: string): boolean => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (cmd.includes('/')) return isExec(cmd) ? cmd : undefined;
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter))
    if (dir && isExec(join(dir, cmd))) return join(dir, cmd);
  return undefined;
}

/**
 * The emulator under test. `POLYEMU_CMD` (a whitespace-separated command line, e.g.
 * `qemu-riscv64`) replaces the default `node bin/polyemu`; running the suite with
 * POLYEMU_CMD=qemu-riscv64 must pass and checks the harness itself.
 */
export function emulatorUnderTest(): Emulator {
  const custom = process.env.POLYEMU_CMD?.trim();
  if (custom) {
    const [cmd, ...rest] = custom.split(/\s+/);
    const path = which(cmd!);
    if (!path) throw new Error(`POLYEMU_CMD: ${cmd} not found on PATH`);
    return { label: custom, argv: [path, ...rest] };
  }
  return { label: 'polyemu', argv: [process.execPath, join(REPO_ROOT, 'bin', 'polyemu')] };
}

/** qemu-user for a fixtures arch (cases.json `qemu`, default qemu-<target>), when installed (the live oracle). */
export function qemuFor(arch: string): Emulator | undefined {
  const cmd = archQemu(arch);
  const path = which(cmd);
  return path ? { label: cmd, argv: [path] } : undefined;
}

export function statusString(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `signal ${signal}`;
  return `exit ${code ?? -1}`;
}

/** Drop the emulator's own messages (e.g. "qemu: uncaught target signal 11 ...") from stderr. */
export function filterStderr(stderr: Buffer | string): string {
  return stderr
    .toString('utf8')
    .split(/(?<=\n)/)
    .filter((line) => !/^(qemu|polyemu)(-[\w]+)?: /.test(line))
    .join('');
}

/**
 * Run one case under an emulator. The guest sees exactly the case's environment (the
 * shell wrapper only disables core dumps and does not leak PWD), runs in a fresh temp
 * directory, and gets the case's stdin through a pipe.
 */
export function runCase(emu: Emulator, c: E2eCase, timeoutMs = c.timeoutMs): Promise<RunResult> {
  const cwd = mkdtempSync(join(tmpdir(), 'polyemu-e2e-'));
  const sysrootArgs = c.sysroot ? ['-L', c.sysroot] : [];
  const argv = [...emu.argv, ...sysrootArgs, c.binary, ...c.args];
  const started = performance.now();
  return new Promise<RunResult>((resolvePromise, reject) => {
    const child = spawn('/bin/sh', ['-c', 'unset PWD; ulimit -c 0; exec "$@"', 'sh', ...argv], {
      cwd,
      env: c.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => {}); // the guest may exit without reading its input (EPIPE)
    child.stdin.end(c.stdin);
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      resolvePromise({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err),
        status: timedOut ? `timeout after ${timeoutMs} ms` : statusString(code, signal),
        ms: performance.now() - started,
      });
    });
  });
}

export function readExpected(c: E2eCase): Expected {
  const stem = c.expectedStem;
  for (const ext of ['.stdout', '.status'])
    if (!existsSync(stem + ext))
      throw new Error(`missing ${stem}${ext}: run fixtures/build.sh (or npx tsx fixtures/gen-expected.ts)`);
  return {
    stdout: readFileSync(stem + '.stdout'),
    stderr: existsSync(stem + '.stderr') ? readFileSync(stem + '.stderr', 'utf8') : '',
    status: readFileSync(stem + '.status', 'utf8').trim(),
  };
}

function show(s: string | undefined): string {
  if (s === undefined) return '<end of output>';
  const j = JSON.stringify(s);
  return j.length > 240 ? j.slice(0, 240) + '…"' : j;
}

/** A short description of where two texts first differ ('' when equal). */
export function describeDiff(expected: Buffer | string, actual: Buffer | string): string {
  const e = Buffer.isBuffer(expected) ? expected : Buffer.from(expected);
  const a = Buffer.isBuffer(actual) ? actual : Buffer.from(actual);
  if (e.equals(a)) return '';
  const el = e.toString('latin1').split('\n');
  const al = a.toString('latin1').split('\n');
  let i = 0;
  while (i < el.length && i < al.length && el[i] === al[i]) i++;
  const lines = [
    `first difference at line ${i + 1} (expected ${e.length} bytes / ${el.length} lines, got ${a.length} bytes / ${al.length} lines)`,
  ];
  for (let k = Math.max(0, i - 2); k < i; k++) lines.push(`    ${show(el[k])}`);
  lines.push(`  - ${show(el[i])}`);
  lines.push(`  + ${show(al[i])}`);
  return lines.join('\n');
}

/** Every way `actual` differs from `expected`, one message per stream ([] when identical). */
export function compareRun(what: string, expected: Expected, actual: RunResult): string[] {
  const problems: string[] = [];
  if (expected.status !== actual.status)
    problems.push(`${what}: status: expected "${expected.status}", got "${actual.status}"`);
  const out = describeDiff(expected.stdout, actual.stdout);
  if (out) problems.push(`${what}: stdout differs: ${out}`);
  const err = describeDiff(expected.stderr, filterStderr(actual.stderr));
  if (err) problems.push(`${what}: stderr differs: ${err}`);
  if (problems.length && actual.stderr.length && !err)
    problems.push(`${what}: its stderr was:\n${actual.stderr.toString('utf8').slice(0, 2000)}`);
  return problems;
}

/** The problem with running a dynamic case on this machine ('' when it can run). */
export function sysrootProblem(c: E2eCase): string {
  if (!c.sysroot) return '';
  const pkgs: Record<string, string> = {
    'libc.so.6': `libc6-${c.deb}-cross`,
    'libstdc++.so.6': `libstdc++6-${c.deb}-cross`,
    'libm.so.6': `libc6-${c.deb}-cross`,
  };
  for (const lib of c.needs) {
    if (!existsSync(join(c.sysroot, c.libdir ?? 'lib', lib))) {
      const pkg = pkgs[lib] ?? `the ${c.deb} cross package that ships ${lib}`;
      return `dynamic case ${c.id} needs ${join(c.sysroot, c.libdir ?? 'lib', lib)}: install ${pkg} (apt-get install ${pkg}; .ci/run does)`;
    }
  }
  return '';
}

function newestMtime(dir: string, exts: string[]): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const ent of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!ent.isFile() || !exts.some((x) => ent.name.endsWith(x))) continue;
    const p = join(ent.parentPath ?? (ent as unknown as { path: string }).path, ent.name);
    newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Make sure dist/ exists and is not older than the TypeScript sources (npm test only
 * type-checks) and that the bundle bin/polyemu runs is newer still. Runs tsc and tools/bundle.mjs
 * when needed. Returns a note for the log ('' when nothing done).
 */
export function ensureDistBuilt(): string {
  const dist = join(REPO_ROOT, 'dist');
  const srcDirs = ['src', 'targets', 'syscalls', 'bin'].map((d) => join(REPO_ROOT, d));
  const newestSrc = Math.max(...srcDirs.map((d) => newestMtime(d, ['.ts'])));
  const newestOut = newestMtime(dist, ['.js']);
  const bundle = join(dist, 'polyemu.cjs');
  const bundled = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (newestOut > 0 && newestOut >= newestSrc && bundled >= newestOut) return '';
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(REPO_ROOT, 'tsconfig.json')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (!existsSync(dist))
    throw new Error(`building dist/ with tsc failed (status ${r.status}):\n${r.stdout}${r.stderr}`);
  // the bundle bin/polyemu runs (tools/bundle.mjs, the second step of npm run build)
  const b = spawnSync(process.execPath, [join(REPO_ROOT, 'tools', 'bundle.mjs')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 600_000 });
  if (b.status !== 0) throw new Error(`bundling dist/polyemu.cjs failed (status ${b.status}):\n${b.stdout}${b.stderr}`);
  return r.status === 0
    ? `built dist/ with tsc (${newestOut ? 'it was stale' : 'it was missing'})`
    : `tsc reported errors but emitted dist/ (status ${r.status}):\n${(r.stdout + r.stderr).slice(0, 3000)}`;
}
