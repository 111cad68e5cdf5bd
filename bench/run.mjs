#!/usr/bin/env node
// `npm run bench`: times each C kernel of bench/src natively, and for every guest architecture
// (riscv64, aarch64, arm: the committed multi-kernel binaries bench/<arch>/kernels) under
// qemu-<arch> and under polyemu, side by side in one run (best wall-clock time of N runs), and
// prints a table with the ratios and the peak RSS of both emulators. An architecture whose
// target is not registered in polyemu, or a kernel that fails under it, is shown as such in
// the table. Not a test: nothing here asserts a time.
//
// Then start-up and cold code (coldRows): hello, Debian python3, a busybox fork+exec loop.
//
//   node bench/run.mjs [KERNEL...] [--arch ARCH]... [--runs N] [--kernels-only]
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
const ARCHES = ['riscv64', 'aarch64', 'arm'];

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
  const opts = { runs: Number(process.env.BENCH_RUNS ?? 3), only: [], arches: [], kernelsOnly: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') opts.runs = Number(argv[++i]);
    else if (argv[i] === '--arch') opts.arches.push(argv[++i]);
    else if (argv[i] === '--kernels-only') opts.kernelsOnly = true;
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log('usage: node bench/run.mjs [KERNEL...] [--arch ARCH]... [--runs N] [--kernels-only]   (env POLYEMU_CMD, BENCH_RUNS, POLYEMU_DEBS)');
      process.exit(0);
    } else opts.only.push(argv[i]);
  }
  if (!(opts.runs >= 1)) throw new Error('--runs must be >= 1');
  for (const a of opts.arches) if (!ARCHES.includes(a)) throw new Error(`--arch: one of ${ARCHES.join(', ')}`);
  if (opts.arches.length === 0) opts.arches = ARCHES;
  return opts;
}

/** Build the host multi-kernel binary into .cache/bench with bench/build.sh --host (when stale). */
function nativeBinary(cc) {
  if (!cc) return undefined;
  const out = join(CACHE, 'kernels');
  const sources = [join(BENCH, 'driver.c'), ...readdirSync(join(BENCH, 'src')).map((f) => join(BENCH, 'src', f))];
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (existsSync(out) && statSync(out).mtimeMs >= newest) return out;
  mkdirSync(CACHE, { recursive: true });
  const r = spawnSync(join(BENCH, 'build.sh'), ['--host', out], { encoding: 'utf8', env: { ...process.env, CC: cc } });
  if (r.status !== 0) {
    console.warn(`bench: host build failed:\n${r.stdout}${r.stderr}`);
    return undefined;
  }
  return out;
}

/** Names of the targets polyemu registers (from dist/), or undefined when unknown. */
async function registeredArches() {
  try {
    const m = await import(join(ROOT, 'dist', 'targets', 'index.js'));
    return m.allTargets.map((t) => t.name);
  } catch (e) {
    console.warn(`bench: cannot read the registered targets from dist/ (${e.message}): running every arch`);
    return undefined;
  }
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

/** One timed run: { ms, rssKb, stdout, ok, status }. `env`: extra environment variables. */
function runOnce(argv, timeBin, scratch, env) {
  return new Promise((resolvePromise) => {
    const report = join(scratch, 'time.txt');
    rmSync(report, { force: true });
    const full = timeBin ? [timeBin, '-f', '%M', '-o', report, ...argv] : argv;
    const started = performance.now();
    const child = spawn(full[0], full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : process.env });
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

/**
 * Best of `runs` runs of each runner ({name: argv, or {argv, env()}: env() gives each run's
 * extra environment}); a runner that fails once is not retried.
 */
async function timeRunners(runners, runs, timeBin, scratch) {
  const best = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, spec] of Object.entries(runners)) {
      if (!spec) continue;
      if (best[name] && !best[name].ok) continue;
      const argv = Array.isArray(spec) ? spec : spec.argv;
      const r = await runOnce(argv, timeBin, scratch, Array.isArray(spec) ? undefined : spec.env());
      const prev = best[name];
      if (!prev || !r.ok || r.ms < prev.ms) best[name] = { ...r, rssKb: Math.max(r.rssKb ?? 0, prev?.rssKb ?? 0) || undefined };
      else prev.rssKb = Math.max(prev.rssKb ?? 0, r.rssKb ?? 0) || undefined;
    }
    process.stdout.write('.');
  }
  return best;
}

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
  const poly = polyemuCommand();
  const registered = process.env.POLYEMU_CMD ? undefined : await registeredArches();
  const cc = which('gcc') ?? which('cc');
  if (!poly) console.warn('bench: bin/polyemu missing: polyemu column is n/a');
  if (!cc) console.warn('bench: no host gcc: native column is n/a');
  const native = nativeBinary(cc);
  console.log(
    `bench: best of ${opts.runs} run(s), wall clock incl. start-up; peak RSS via ${timeBin ? '/usr/bin/time' : '/proc VmHWM polling'}`,
  );
  const scratch = mkdtempSync(join(tmpdir(), 'polyemu-bench-'));
  const rows = [['arch', 'kernel', 'native ms', 'qemu ms', 'polyemu ms', 'polyemu/qemu', 'polyemu/native', 'qemu MB', 'polyemu MB', 'output']];
  const notes = [];
  try {
    const nativeBest = {};
    for (const arch of opts.arches) {
      const guest = join(BENCH, arch, 'kernels');
      const qemuPath = which(`qemu-${arch}`);
      const isRegistered = !registered || registered.includes(arch);
      if (!existsSync(guest)) notes.push(`${arch}: ${guest} missing (run bench/build.sh ${arch})`);
      if (!qemuPath) notes.push(`${arch}: qemu-${arch} not installed: qemu column is n/a`);
      if (!isRegistered) notes.push(`${arch}: target NOT registered in polyemu (targets/index.ts): polyemu column says so`);
      const ratios = { q: [], n: [] };
      for (const k of kernels) {
        if (!existsSync(guest)) break;
        // native timings are shared by every arch: the same kernel, measured once
        nativeBest[k] ??= (await timeRunners({ native: native ? [native, k] : undefined }, opts.runs, timeBin, scratch)).native;
        const best = await timeRunners(
          {
            qemu: qemuPath ? [qemuPath, guest, k] : undefined,
            polyemu: poly && isRegistered ? [...poly.argv, guest, k] : undefined,
          },
          opts.runs,
          timeBin,
          scratch,
        );
        if (nativeBest[k]) best.native = nativeBest[k];
        const outputs = new Set(Object.values(best).filter((r) => r.ok).map((r) => r.stdout));
        const verdict = outputs.size <= 1 ? 'same' : 'DIFFERENT';
        if (verdict !== 'same')
          for (const [name, r] of Object.entries(best)) console.warn(`\nbench: ${arch} ${k} ${name} printed: ${JSON.stringify(r.stdout)}`);
        for (const [name, r] of Object.entries(best))
          if (!r.ok) console.warn(`\nbench: ${arch} ${k} failed under ${name} (${r.status}): ${r.stderr.slice(0, 500)}`);
        if (best.polyemu?.ok && best.qemu?.ok) ratios.q.push(best.polyemu.ms / best.qemu.ms);
        if (best.polyemu?.ok && best.native?.ok) ratios.n.push(best.polyemu.ms / best.native.ms);
        rows.push([
          arch,
          k,
          fmtMs(best.native),
          fmtMs(best.qemu),
          isRegistered ? fmtMs(best.polyemu) : 'not registered',
          fmtRatio(best.polyemu, best.qemu),
          fmtRatio(best.polyemu, best.native),
          fmtMb(best.qemu),
          fmtMb(best.polyemu),
          best.polyemu && !best.polyemu.ok ? 'FAILED' : verdict,
        ]);
      }
      rows.push([arch, 'geomean', '', '', '', geo(ratios.q), geo(ratios.n), '', '', '']);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log('\n\n' + table(rows));
  if (!opts.kernelsOnly) {
    const cold = await coldRows(opts, poly, timeBin, registered, notes);
    console.log('\n\n' + table(cold));
  }
  for (const n of notes) console.log(`note: ${n}`);
}

/**
 * Start-up and cold code, per arch: a static and a dynamic hello (fixtures/<arch>), Debian's
 * python3 printing 1 and a busybox sh loop of 100 fork+exec (when tools/debian-sysroot.sh and
 * .ci/run have put them in $POLYEMU_DEBS), beside qemu-user and `node -e 0`. polyemu runs twice:
 * "first" with an empty cache directory each time (XDG_CACHE_HOME), "warm" with one a previous
 * run filled.
 */
async function coldRows(opts, poly, timeBin, registered, notes) {
  const debs = process.env.POLYEMU_DEBS || '/var/cache/polyemu-debs';
  const DEB = { aarch64: 'arm64', arm: 'armhf', riscv64: 'riscv64' };
  const TRIPLET = { aarch64: 'aarch64-linux-gnu', arm: 'arm-linux-gnueabihf', riscv64: 'riscv64-linux-gnu' };
  const rows = [['arch', 'program', 'node -e 0 ms', 'qemu ms', 'first ms', 'warm ms', 'first/qemu', 'warm/qemu', 'first/node', 'qemu MB', 'polyemu MB']];
  const scratch = mkdtempSync(join(tmpdir(), 'polyemu-cold-'));
  try {
    const node = (await timeRunners({ node: [process.execPath, '-e', '0'] }, opts.runs, timeBin, scratch)).node;
    let fresh = 0;
    const freshCache = () => ({ XDG_CACHE_HOME: join(scratch, `cache-${fresh++}`) });
    const warmCache = { XDG_CACHE_HOME: join(scratch, 'warm') };
    for (const arch of opts.arches) {
      const qemuPath = which(`qemu-${arch}`);
      if (!poly || (registered && !registered.includes(arch))) continue;
      const sysroot = join(debs, `sysroot-${DEB[arch]}`);
      const busybox = join(debs, DEB[arch], 'bin', 'busybox');
      const cases = [
        ['static hello', [join(ROOT, 'fixtures', arch, 'hello')]],
        ['dynamic hello', ['-L', `/usr/${TRIPLET[arch]}`, join(ROOT, 'fixtures', arch, 'dyn', 'hello')]],
        ['python3 -c print(1)', existsSync(join(sysroot, 'usr/bin/python3.11')) ? ['-L', sysroot, join(sysroot, 'usr/bin/python3.11'), '-c', 'print(1)'] : undefined],
        ['busybox sh: 100 fork+exec', existsSync(busybox) ? [busybox, 'sh', '-c', `i=0; while [ $i -lt 100 ]; do ${busybox} true; i=$((i+1)); done`] : undefined],
      ];
      for (const [name, args] of cases) {
        if (!args) { notes.push(`${arch} ${name}: not present in ${debs} (tools/debian-sysroot.sh, .ci/run)`); continue; }
        if (!existsSync(args.find((a) => a.startsWith('/')))) { notes.push(`${arch} ${name}: ${args[0]} missing`); continue; }
        await runOnce([...poly.argv, ...args], timeBin, scratch, warmCache); // fill the warm cache
        const best = await timeRunners({
          qemu: qemuPath ? [qemuPath, ...args] : undefined,
          first: { argv: [...poly.argv, ...args], env: freshCache },
          warm: { argv: [...poly.argv, ...args], env: () => warmCache },
        }, opts.runs, timeBin, scratch);
        const outs = new Set(Object.values(best).filter((r) => r.ok).map((r) => r.stdout));
        if (outs.size > 1) notes.push(`${arch} ${name}: outputs DIFFER between qemu and polyemu`);
        rows.push([arch, name, fmtMs(node), fmtMs(best.qemu), fmtMs(best.first), fmtMs(best.warm), fmtRatio(best.first, best.qemu),
          fmtRatio(best.warm, best.qemu), fmtRatio(best.first, node), fmtMb(best.qemu), fmtMb(best.first)]);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

const geo = (xs) => (xs.length ? `${Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length).toFixed(2)}x` : 'n/a');

await main();
