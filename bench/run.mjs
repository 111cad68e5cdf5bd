#!/usr/bin/env node
// `npm run bench`: times each C kernel of bench/src natively, under qemu-riscv64 and under
// polyemu, side by side in one run (best wall-clock time of N runs), and prints a table with
// the ratios and the peak RSS of both emulators. Not a test: nothing here asserts a time.
//
//   node bench/run.mjs [KERNEL...] [--runs N]
//   env: POLYEMU_CMD (emulator command line instead of `node bin/polyemu`), BENCH_RUNS
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const CACHE = join(ROOT, '.cache', 'bench');
const TIMEOUT_MS = 600_000;

function which(cmd) {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter)) {
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {}
  }
  return undefined;
}

function parseArgs(argv) {
  const opts = { runs: Number(process.env.BENCH_RUNS ?? 3), only: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') opts.runs = Number(argv[++i]);
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log('usage: node bench/run.mjs [KERNEL...] [--runs N]   (env POLYEMU_CMD, BENCH_RUNS)');
      process.exit(0);
    } else opts.only.push(argv[i]);
  }
  if (!(opts.runs >= 1)) throw new Error('--runs must be >= 1');
  return opts;
}

/** Build the host version of a kernel into .cache/bench (when gcc exists and it is stale). */
function nativeBinary(kernel, cc) {
  if (!cc) return undefined;
  const src = join(BENCH, 'src', `${kernel}.c`);
  const out = join(CACHE, kernel);
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) return out;
  mkdirSync(CACHE, { recursive: true });
  const r = spawnSync(cc, ['-O2', '-o', out, src, '-lm'], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.warn(`bench: host build of ${kernel} failed:\n${r.stderr}`);
    return undefined;
  }
  return out;
}

/** polyemu's command line; builds dist/ first when it is missing. */
function polyemuCommand() {
  const custom = process.env.POLYEMU_CMD?.trim();
  if (custom) {
    const [cmd, ...rest] = custom.split(/\s+/);
    const path = cmd.includes('/') ? cmd : which(cmd);
    if (!path) throw new Error(`POLYEMU_CMD: ${cmd} not found`);
    return { label: custom, argv: [path, ...rest] };
  }
  const bin = join(ROOT, 'bin', 'polyemu');
  if (!existsSync(bin)) return undefined;
  if (!existsSync(join(ROOT, 'dist'))) {
    console.log('bench: building dist/ (tsc)…');
    spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], {
      stdio: 'inherit',
    });
  }
  return { label: 'polyemu', argv: [process.execPath, bin] };
}

/** Peak RSS of a finished child: from /usr/bin/time's report, else the polled VmHWM. */
function readTimeReport(path) {
  try {
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    const kb = Number(lines[lines.length - 1]);
    return Number.isFinite(kb) ? kb : undefined;
  } catch {
    return undefined;
  }
}

function pollHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** One timed run: { ms, rssKb, stdout, ok, status }. */
function runOnce(argv, timeBin, scratch) {
  return new Promise((resolvePromise) => {
    const report = join(scratch, 'time.txt');
    rmSync(report, { force: true });
    const full = timeBin ? [timeBin, '-f', '%M', '-o', report, ...argv] : argv;
    const started = performance.now();
    const child = spawn(full[0], full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let hwm = 0;
    const poller = timeBin ? undefined : setInterval(() => (hwm = Math.max(hwm, pollHwm(child.pid))), 10);
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      const rssKb = timeBin ? readTimeReport(report) : hwm || undefined;
      const status = signal ? `signal ${signal}` : `exit ${code}`;
      resolvePromise({ ms, rssKb, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), ok: code === 0, status });
    });
  });
}

const fmtMs = (r) => (r === undefined ? 'n/a' : r.ok ? r.ms.toFixed(0) : r.status);
const fmtRatio = (a, b) => (a?.ok && b?.ok ? `${(a.ms / b.ms).toFixed(2)}x` : 'n/a');
const fmtMb = (r) => (r?.rssKb ? (r.rssKb / 1024).toFixed(1) : 'n/a');

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r, k) => {
      const line = r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
      return k === 0 ? `${line}\n${'-'.repeat(line.length)}` : line;
    })
    .join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const kernels = readdirSync(join(BENCH, 'src'))
    .filter((f) => f.endsWith('.c'))
    .map((f) => basename(f, '.c'))
    .filter((k) => opts.only.length === 0 || opts.only.includes(k))
    .sort();
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const qemuPath = which('qemu-riscv64');
  const poly = polyemuCommand();
  const cc = which('gcc') ?? which('cc');
  if (!qemuPath) console.warn('bench: qemu-riscv64 not installed: qemu column is n/a');
  if (!poly) console.warn('bench: bin/polyemu missing: polyemu column is n/a');
  if (!cc) console.warn('bench: no host gcc: native column is n/a');
  console.log(
    `bench: best of ${opts.runs} run(s), wall clock incl. start-up; peak RSS via ${timeBin ? '/usr/bin/time' : '/proc VmHWM polling'}`,
  );
  const scratch = mkdtempSync(join(tmpdir(), 'polyemu-bench-'));
  const rows = [['kernel', 'native ms', 'qemu ms', 'polyemu ms', 'polyemu/qemu', 'polyemu/native', 'qemu MB', 'polyemu MB', 'output']];
  const ratios = { q: [], n: [] };
  try {
    for (const k of kernels) {
      const guest = join(BENCH, 'riscv64', k);
      if (!existsSync(guest)) {
        console.warn(`bench: ${guest} missing (run bench/build.sh)`);
        continue;
      }
      const native = nativeBinary(k, cc);
      const runners = {
        native: native ? [native] : undefined,
        qemu: qemuPath ? [qemuPath, guest] : undefined,
        polyemu: poly ? [...poly.argv, guest] : undefined,
      };
      const best = {};
      for (let i = 0; i < opts.runs; i++) {
        for (const [name, argv] of Object.entries(runners)) {
          if (!argv) continue;
          if (best[name] && !best[name].ok) continue; // failed once: do not retry
          const r = await runOnce(argv, timeBin, scratch);
          const prev = best[name];
          if (!prev || !r.ok || r.ms < prev.ms) best[name] = { ...r, rssKb: Math.max(r.rssKb ?? 0, prev?.rssKb ?? 0) || undefined };
          else prev.rssKb = Math.max(prev.rssKb ?? 0, r.rssKb ?? 0) || undefined;
        }
        process.stdout.write('.');
      }
      const outputs = new Set(Object.values(best).filter((r) => r.ok).map((r) => r.stdout));
      const verdict = outputs.size <= 1 ? 'same' : 'DIFFERENT';
      if (verdict !== 'same')
        for (const [name, r] of Object.entries(best)) console.warn(`\nbench: ${k} ${name} printed: ${JSON.stringify(r.stdout)}`);
      for (const [name, r] of Object.entries(best))
        if (!r.ok) console.warn(`\nbench: ${k} failed under ${name} (${r.status}): ${r.stderr.slice(0, 500)}`);
      if (best.polyemu?.ok && best.qemu?.ok) ratios.q.push(best.polyemu.ms / best.qemu.ms);
      if (best.polyemu?.ok && best.native?.ok) ratios.n.push(best.polyemu.ms / best.native.ms);
      rows.push([
        k,
        fmtMs(best.native),
        fmtMs(best.qemu),
        fmtMs(best.polyemu),
        fmtRatio(best.polyemu, best.qemu),
        fmtRatio(best.polyemu, best.native),
        fmtMb(best.qemu),
        fmtMb(best.polyemu),
        verdict,
      ]);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const geo = (xs) => (xs.length ? `${Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length).toFixed(2)}x` : 'n/a');
  rows.push(['geomean', '', '', '', geo(ratios.q), geo(ratios.n), '', '', '']);
  console.log('\n\n' + table(rows));
}

await main();
