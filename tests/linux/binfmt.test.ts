/**
 * `polyemu binfmt`: the registrations it prints (checked against the kernel's syntax and its
 * mask compare on real ELF files), the native launcher, the interpreter's reading of the
 * kernel's argv, and — as root, where binfmt_misc can be mounted — a live run: install with
 * a unique name prefix, run foreign programs directly (static, dynamic, with arguments, from
 * a shell script, argv[0] and exit status), then remove everything again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allTargets } from '../../targets/index.js';
import {
  elfMagicFor, entriesFor, foreignTargets, entriesOverlap, formatEntries, headerMatches, normaliseFlags, registerLine, updateBinfmtsFile,
  type BinfmtEntry,
} from '../../src/linux/binfmt/formats.js';
import { buildLauncher, LAUNCHER_ARCHS } from '../../src/linux/binfmt/launcher.js';
import { binfmtInvocation, binfmtRun, isExecFd, kernelHasAtFlagsPreserve, parseExecMode, runWords } from '../../src/linux/binfmt/interpreter.js';
import { findConflicts, parseEntryFile, BINFMT_DIR } from '../../src/linux/binfmt/procfs.js';
import { binfmtCommand, parseBinfmtOptions } from '../../src/linux/binfmt/command.js';
import { UserError } from '../../src/errors.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const FX = path.join(ROOT, 'fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-binfmt-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const INTERP = '/usr/local/libexec/polyemu-binfmt-P';
const all = () => entriesFor(foreignTargets(allTargets), { prefix: 'polyemu-', interpreter: INTERP, flags: 'PO' });

/** Parse '\x7f\x45...' back into bytes (what the kernel's unescaping does for our output). */
const unescape = (s: string) => Uint8Array.from(s.match(/\\x([0-9a-f]{2})/g)!.map((h) => Number.parseInt(h.slice(2), 16)));

/** A register line parsed by the kernel's rules: ':name:type:offset:magic:mask:interpreter:flags'. */
function parseRegister(line: string) {
  const m = /^:([^:/\s]+):M:(\d*):((?:\\x[0-9a-f]{2})+):((?:\\x[0-9a-f]{2})+):(\/[^:]+):([POCF]*)$/.exec(line);
  expect(m, line).not.toBeNull();
  const [, name, off, magic, mask, interpreter, flags] = m!;
  return { name, offset: off === '' ? 0 : Number(off), magic: unescape(magic), mask: unescape(mask), interpreter, flags };
}

/** ELF programs of the fixtures, by target name (armel programs are the arm target's too). */
function fixtureElfs(): Array<{ file: string; arch: string }> {
  const dirs: Record<string, string> = { riscv64: 'riscv64', aarch64: 'aarch64', arm: 'arm', armel: 'arm' };
  const out: Array<{ file: string; arch: string }> = [];
  for (const [dir, arch] of Object.entries(dirs)) {
    for (const sub of ['', 'dyn']) {
      const d = path.join(FX, dir, sub);
      if (!fs.existsSync(d)) continue;
      for (const f of fs.readdirSync(d)) {
        const file = path.join(d, f);
        if (fs.statSync(file).isFile()) out.push({ file, arch });
      }
    }
  }
  return out;
}

const header = (file: string) => {
  const fd = fs.openSync(file, 'r');
  const b = Buffer.alloc(128);
  const n = fs.readSync(fd, b, 0, 128, 0);
  fs.closeSync(fd);
  return new Uint8Array(b.subarray(0, n));
};

describe('binfmt registrations', () => {
  it('register lines follow the kernel syntax, one per target, all pointing at one interpreter', () => {
    const text = formatEntries(all(), 'register');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(foreignTargets(allTargets).length);
    for (const [i, line] of lines.entries()) {
      const r = parseRegister(line);
      expect(r.name).toBe(`polyemu-${allTargets[i].name}`);
      expect(r.magic).toHaveLength(20);
      expect(r.mask).toHaveLength(20);
      expect(r.interpreter).toBe(INTERP);
      expect(r.flags).toBe('PO');
      expect(line.length).toBeLessThan(1920); // the kernel's longest register write
    }
    expect(() => registerLine({ ...all()[0], interpreter: '/a:b' })).toThrow(/contains ':'/);
  });

  it('magic and mask match every fixture program of their architecture (static and PIE) and nothing else', () => {
    const entries = all();
    const elfs = fixtureElfs();
    expect(elfs.length).toBeGreaterThan(20);
    let dyn = 0;
    for (const { file, arch } of elfs) {
      const h = header(file);
      const matching = entries.filter((e) => headerMatches(parseRegister(registerLine(e)), h)).map((e) => e.arch);
      expect(matching, file).toEqual([arch]);
      if (h[16] === 3) dyn++; // ET_DYN: PIE
    }
    expect(dyn).toBeGreaterThan(5);
  });

  it('host programs (x86-64 /bin/ls, node) match no entry', () => {
    const hosts = ['/bin/ls', '/bin/sh', process.execPath].filter((f) => fs.existsSync(f));
    expect(hosts.length).toBeGreaterThan(0);
    for (const f of hosts) {
      const h = header(fs.realpathSync(f));
      for (const e of all()) expect(headerMatches(e, h), `${f} vs ${e.name}`).toBe(false);
    }
  });

  it('matches ET_EXEC and ET_DYN only, whatever EI_OSABI says', () => {
    const aarch64 = all().find((e) => e.arch === 'aarch64')!;
    const h = header(path.join(FX, 'aarch64/hello'));
    for (const [type, ok] of [[1, false], [2, true], [3, true], [4, false]] as const) {
      const x = h.slice();
      x[16] = type;
      expect(headerMatches(aarch64, x), `e_type ${type}`).toBe(ok);
    }
    const gnu = h.slice();
    gnu[7] = 3; // ELFOSABI_GNU
    expect(headerMatches(aarch64, gnu)).toBe(true);
    const be = h.slice();
    be[5] = 2;
    expect(headerMatches(aarch64, be)).toBe(false);
  });

  it('big-endian targets put e_type and e_machine in their byte order', () => {
    const { magic, mask } = elfMagicFor({ elfMachine: 40, elfClass: 32, littleEndian: false });
    expect([...magic.slice(16)]).toEqual([0x00, 0x02, 0x00, 0x28]);
    expect([...mask.slice(16)]).toEqual([0xff, 0xfe, 0xff, 0xff]);
  });

  it("the same magic and mask as Debian's qemu-user-binfmt entries for our targets", (ctx) => {
    const dir = '/usr/lib/binfmt.d';
    const names: Record<string, string> = { riscv64: 'qemu-riscv64', aarch64: 'qemu-aarch64', arm: 'qemu-arm' };
    const files = Object.values(names).map((n) => `${dir}/${n}.conf`);
    if (!files.every((f) => fs.existsSync(f))) {
      console.warn(`binfmt: SKIPPED comparing with qemu's entries: ${files.join(', ')} missing (install qemu-user-binfmt)`);
      ctx.skip();
    }
    for (const e of all()) {
      const q = parseRegister(fs.readFileSync(`${dir}/${names[e.arch]}.conf`, 'utf8').trim());
      expect([...e.magic], e.arch).toEqual([...q.magic]);
      expect([...e.mask], e.arch).toEqual([...q.mask]);
    }
  });

  it('binfmt.d output: comments, then the register lines', () => {
    const text = formatEntries(all(), 'binfmt.d', ['note one']);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('# note one');
    const body = lines.filter((l) => !l.startsWith('#'));
    expect(body).toEqual(all().map(registerLine));
    body.forEach(parseRegister);
  });

  it('update-binfmts output: one format file per entry with the same bytes and flags', () => {
    const e = entriesFor(allTargets.slice(0, 1), { prefix: 'p-', interpreter: INTERP, flags: 'CF' })[0];
    const kv = Object.fromEntries(updateBinfmtsFile(e).trimEnd().split('\n').map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)]));
    expect(kv).toMatchObject({ package: 'polyemu', interpreter: INTERP, offset: '0', credentials: 'yes', fix_binary: 'yes', preserve: 'no' });
    expect(unescape(kv.magic)).toEqual(e.magic);
    expect(unescape(kv.mask)).toEqual(e.mask);
    const text = formatEntries(all(), 'update-binfmts');
    expect(text.match(/^# \/usr\/share\/binfmts\/polyemu-\w+$/gm)).toHaveLength(foreignTargets(allTargets).length);
  });

  it('flags are validated and put in the kernel order', () => {
    expect(normaliseFlags('fcop')).toBe('POCF');
    expect(normaliseFlags('')).toBe('');
    expect(() => normaliseFlags('PX')).toThrow(/unknown binfmt flag 'X'/);
  });
});

describe('binfmt command line', () => {
  const err = (words: string[]) => {
    try {
      parseBinfmtOptions(words);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return (e as Error).message;
    }
    throw new Error(`no error for ${words.join(' ')}`);
  };

  it('defaults: print all targets with flags PO', () => {
    const o = parseBinfmtOptions([])!;
    expect(o).toMatchObject({ action: 'print', format: 'register', flags: 'PO', prefix: 'polyemu-', interpreter: INTERP });
    expect(o.archs).toEqual(foreignTargets(allTargets).map((t) => t.name));
    expect(parseBinfmtOptions(['--flags', 'oc'])!.interpreter).toBe('/usr/local/libexec/polyemu-binfmt');
    expect(parseBinfmtOptions(['--help'])).toBeNull();
    expect(parseBinfmtOptions(['--arch', 'arm,aarch64'])!.archs).toEqual(['arm', 'aarch64']);
  });

  it('one-line errors for bad usage', () => {
    expect(err(['--arch', 'x86'])).toMatch(/unknown --arch 'x86'/);
    expect(err(['--flags', 'Q'])).toMatch(/unknown binfmt flag/);
    expect(err(['--install', '--remove'])).toMatch(/cannot be combined/);
    expect(err(['--format', 'xml'])).toMatch(/unknown --format/);
    expect(err(['--install', '--format', 'binfmt.d'])).toMatch(/--format is for --print/);
    expect(err(['--interpreter', 'rel/path'])).toMatch(/absolute/);
    expect(err(['--bogus'])).toMatch(/Unknown argument/i);
    expect(err(['stray'])).toMatch(/Unknown argument: stray/);
  });

  it('--print writes the lines to stdout', () => {
    let out = '';
    const r = binfmtCommand(['--arch', 'aarch64', '--interpreter', '/opt/x/launcher'], (s) => (out += s));
    expect(r).toEqual({ kind: 'done', code: 0 });
    expect(parseRegister(out.trim())).toMatchObject({ name: 'polyemu-aarch64', interpreter: '/opt/x/launcher', flags: 'PO' });
  });

  it('bin/polyemu binfmt: help on stdout, one-line errors with exit 1', () => {
    ensureBuilt();
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/polyemu'), 'binfmt', ...args], { encoding: 'utf8' });
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: polyemu binfmt /);
    const print = run(['--arch', 'arm']);
    expect(print.status).toBe(0);
    expect(parseRegister(print.stdout.trim()).name).toBe('polyemu-arm');
    const bad = run(['--flags', 'Z']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^polyemu: binfmt: unknown binfmt flag 'Z'.*\n$/);
    const mode = run(['--exec=nonsense', '/l', '/p']);
    expect(mode.status).toBe(1);
    expect(mode.stderr).toMatch(/^polyemu: binfmt: bad launcher mode '--exec=nonsense'.*\n$/);
  });

  it('--install and --remove say what is wrong when binfmt_misc is not there', () => {
    const o = ['--binfmt-dir', path.join(tmp, 'nowhere')];
    expect(() => binfmtCommand(['--install', ...o], () => {})).toThrow(/binfmt_misc is not mounted on .*nowhere.*--mount/);
    expect(() => binfmtCommand(['--remove', ...o], () => {})).toThrow(/not mounted/);
  });
});

describe('binfmt conflicts with registered entries', () => {
  const qemuText = 'enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: POF\noffset 0\n' +
    'magic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n';

  it('parses the kernel entry files', () => {
    const e = parseEntryFile('qemu-aarch64', qemuText);
    expect(e).toMatchObject({ name: 'qemu-aarch64', enabled: true, interpreter: '/usr/libexec/qemu-binfmt/aarch64-binfmt-P', flags: 'POF', offset: 0 });
    expect(e.magic).toEqual(elfMagicFor(allTargets.find((t) => t.name === 'aarch64')!).magic);
  });

  it('reports our names taken and other entries for the same files; ignores disabled and unrelated ones', () => {
    const qemu = parseEntryFile('qemu-aarch64', qemuText);
    const off = parseEntryFile('qemu-aarch64-off', qemuText.replace('enabled', 'disabled'));
    const jar = parseEntryFile('jar', 'enabled\ninterpreter /usr/bin/jexec\nflags: \noffset 0\nmagic 504b0304\n');
    const ours = parseEntryFile('polyemu-arm', 'enabled\ninterpreter /x\nflags: P\noffset 0\nmagic 00\n');
    const { taken, conflicts } = findConflicts(all(), [qemu, off, jar, ours]);
    expect(taken.map((t) => t.name)).toEqual(['polyemu-arm']);
    expect(conflicts.map((c) => [c.ours.name, c.theirs.name])).toEqual([['polyemu-aarch64', 'qemu-aarch64']]);
  });

  it('overlap is byte-wise on the bits both masks test', () => {
    const a: BinfmtEntry = all()[0];
    expect(entriesOverlap(a, a)).toBe(true);
    expect(entriesOverlap(a, { offset: 0, magic: Uint8Array.of(0x7f, 0x45), mask: Uint8Array.of(0xff, 0xff) })).toBe(true);
    expect(entriesOverlap(a, { offset: 0, magic: Uint8Array.of(0x50, 0x4b), mask: Uint8Array.of(0xff, 0xff) })).toBe(false);
    expect(entriesOverlap(a, { offset: 18, magic: Uint8Array.of(0x3e), mask: Uint8Array.of(0xff) })).toBe(false);
  });
});

describe('binfmt interpreter: the kernel argv', () => {
  it('parses the launcher mode word', () => {
    expect(parseExecMode('--exec=P1,3')).toEqual({ launcherP: true, atFlags: 1, execFd: 3 });
    expect(parseExecMode('--exec=-0,')).toEqual({ launcherP: false, atFlags: 0, execFd: undefined });
    expect(() => parseExecMode('--exec=1,2')).toThrow(/bad launcher mode/);
  });

  it('P (AT_FLAGS bit 0): program, original argv[0], args', () => {
    const r = binfmtRun(parseExecMode('--exec=P1,3'), ['/l', '/w/hello', 'myname', 'a', '-x'], '6.1.0');
    expect(r).toEqual({ program: '/w/hello', argv0: 'myname', args: ['a', '-x'], preserveArgv0: true, execFd: 3 });
    expect(runWords({ ...r, execFd: undefined })).toEqual(['-0', 'myname', '--', '/w/hello', 'a', '-x']);
  });

  it('without P: program and args; argv[0] is the path', () => {
    const r = binfmtRun(parseExecMode('--exec=P0,'), ['/l', '/w/hello', 'a'], '6.1.0');
    expect(r).toEqual({ program: '/w/hello', args: ['a'], preserveArgv0: false, execFd: undefined });
    expect(runWords(r)).toEqual(['--', '/w/hello', 'a']);
  });

  it('before Linux 5.12 (no AT_FLAGS bit) the launcher flag decides', () => {
    expect(kernelHasAtFlagsPreserve('5.11.0')).toBe(false);
    expect(kernelHasAtFlagsPreserve('5.12.1-foo')).toBe(true);
    expect(kernelHasAtFlagsPreserve('6.18.44')).toBe(true);
    expect(binfmtRun(parseExecMode('--exec=P0,'), ['/l', '/p', 'n', 'a'], '5.10.0').argv0).toBe('n');
    expect(binfmtRun(parseExecMode('--exec=-0,'), ['/l', '/p', 'n', 'a'], '5.10.0').args).toEqual(['n', 'a']);
  });

  it('an unopenable program is read from the open file the kernel passed (O), only when it is that file', () => {
    const file = path.join(tmp, 'prog');
    fs.writeFileSync(file, 'program bytes');
    const gone = path.join(tmp, 'missing');
    const isOpen = (fd: number) => { try { fs.fstatSync(fd); return true; } catch { return false; } };
    let fd = fs.openSync(file, 'r');
    fs.readSync(fd, Buffer.alloc(4)); // a moved file position does not matter
    expect(isExecFd(fd, file)).toBe(true);
    expect(isExecFd(fd, '/bin/sh')).toBe(false);
    const inv = binfmtInvocation(binfmtRun(parseExecMode(`--exec=P1,${fd}`), ['/l', gone, 'n', 'a'], '6.1.0'));
    expect(inv.words).toEqual(['-0', 'n', '--', gone, 'a']);
    expect(Buffer.from(inv.image!).toString()).toBe('program bytes');
    expect(isOpen(fd)).toBe(false); // closed once read
    fd = fs.openSync(file, 'r');
    const byPath = binfmtInvocation(binfmtRun(parseExecMode(`--exec=P1,${fd}`), ['/l', file, 'n'], '6.1.0'));
    expect(byPath).toEqual({ words: ['-0', 'n', '--', file], image: undefined });
    expect(isOpen(fd)).toBe(false); // not needed: closed
    fd = fs.openSync(file, 'r');
    try {
      const other = binfmtInvocation(binfmtRun(parseExecMode(`--exec=-0,${fd}`), ['/l', '/bin/sh'], '6.1.0'));
      expect(other).toEqual({ words: ['--', '/bin/sh'], image: undefined });
      expect(isOpen(fd)).toBe(true); // not the program: left alone
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe('binfmt launcher (native ELF)', () => {
  const runnable = process.arch in LAUNCHER_ARCHS && process.platform === 'linux';

  it('is a static ELF for the host CPU', (ctx) => {
    if (!runnable) {
      console.warn(`binfmt: SKIPPED launcher test: no launcher for host ${process.platform}/${process.arch}`);
      ctx.skip();
    }
    const b = Buffer.from(buildLauncher({ node: '/usr/bin/node', entry: '/x/bin/polyemu', preserveArgv0: true }));
    expect(b.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(b.readUInt16LE(16)).toBe(2);
    expect(b.readUInt16LE(18)).toBe(LAUNCHER_ARCHS[process.arch].machine);
    expect(b.length).toBeLessThan(1024);
    expect(() => buildLauncher({ node: 'node', entry: '/x', preserveArgv0: false })).toThrow(/absolute/);
    expect(() => buildLauncher({ node: '/n', entry: '/x', preserveArgv0: false }, 'mips')).toThrow(/no binfmt launcher for host CPU 'mips'/);
  });

  it('run by hand, it execs node ENTRY binfmt --exec=... with its argv and environment', (ctx) => {
    if (!runnable) {
      console.warn(`binfmt: SKIPPED launcher run: no launcher for host ${process.platform}/${process.arch}`);
      ctx.skip();
    }
    const entry = path.join(tmp, 'show.mjs');
    fs.writeFileSync(entry, 'console.log(JSON.stringify([process.argv.slice(2), process.env.LAUNCH_VAR]));\n');
    const launcher = path.join(tmp, 'launcher');
    for (const p of [true, false]) {
      fs.writeFileSync(launcher, buildLauncher({ node: process.execPath, entry, preserveArgv0: p }), { mode: 0o755 });
      const r = spawnSync(launcher, ['one', 'two words', ''], { encoding: 'utf8', env: { LAUNCH_VAR: 'v' } });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual([['binfmt', `--exec=${p ? 'P' : '-'}0,`, launcher, 'one', 'two words', ''], 'v']);
    }
    fs.writeFileSync(launcher, buildLauncher({ node: path.join(tmp, 'no-node'), entry, preserveArgv0: true }), { mode: 0o755 });
    const r = spawnSync(launcher, [], { encoding: 'utf8' });
    expect(r.status).toBe(127);
    expect(r.stderr).toBe(`polyemu binfmt launcher: cannot execute ${path.join(tmp, 'no-node')}\n`);
  });
});

describe('binfmt launcher for arm64 hosts', () => {
  it('under qemu-aarch64 it execs node with the same argv as the x86-64 one', (ctx) => {
    const qemu = ['/usr/bin/qemu-aarch64', '/usr/bin/qemu-aarch64-static'].find((f) => fs.existsSync(f));
    if (!qemu || process.arch !== 'x64') {
      console.warn(`binfmt: SKIPPED the arm64 launcher run: ${qemu ? `host is ${process.arch}, not x64` : 'qemu-aarch64 (qemu-user) missing'}`);
      ctx.skip();
    }
    const entry = path.join(tmp, 'show64.mjs');
    fs.writeFileSync(entry, 'console.log(JSON.stringify(process.argv.slice(2)));\n');
    const launcher = path.join(tmp, 'launcher-arm64');
    const b = buildLauncher({ node: process.execPath, entry, preserveArgv0: false }, 'arm64');
    expect(Buffer.from(b).readUInt16LE(18)).toBe(183);
    fs.writeFileSync(launcher, b, { mode: 0o755 });
    // qemu-user runs the launcher; its execve of the host's node runs natively
    const r = spawnSync(qemu!, [launcher, 'one', 'two words', ''], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['binfmt', '--exec=-0,', launcher, 'one', 'two words', '']);
    fs.writeFileSync(launcher, buildLauncher({ node: '/nonexistent/node', entry, preserveArgv0: true }, 'arm64'), { mode: 0o755 });
    const bad = spawnSync(qemu!, [launcher], { encoding: 'utf8' });
    expect(bad.status).toBe(127);
    expect(bad.stderr).toBe('polyemu binfmt launcher: cannot execute /nonexistent/node\n');
  });
});

// ---------------------------------------------------------------------------------------------
// live: the kernel runs foreign programs through polyemu

/** Can we register here? Mounts binfmt_misc when we are root and it is not mounted. */
function liveSetup(): { ok: true; mounted: boolean } | { ok: false; why: string } {
  if (process.platform !== 'linux') return { ok: false, why: 'not Linux' };
  if (!(process.arch in LAUNCHER_ARCHS)) return { ok: false, why: `no launcher for host CPU ${process.arch}` };
  if (process.getuid?.() !== 0) return { ok: false, why: 'not root (registering needs root)' };
  if (fs.existsSync(`${BINFMT_DIR}/register`)) return { ok: true, mounted: false };
  const r = spawnSync('mount', ['-t', 'binfmt_misc', 'binfmt_misc', BINFMT_DIR], { encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(`${BINFMT_DIR}/register`)) return { ok: false, why: `cannot mount binfmt_misc: ${(r.stderr || r.error?.message || '').trim()}` };
  return { ok: true, mounted: true };
}

/** dist/ is what the launcher runs (bin/polyemu): build it when it is missing or older than our sources. */
function ensureBuilt(): void {
  const js = path.join(ROOT, 'dist/src/linux/binfmt/command.js');
  const newest = Math.max(...fs.readdirSync(path.join(ROOT, 'src/linux/binfmt')).map((f) => fs.statSync(path.join(ROOT, 'src/linux/binfmt', f)).mtimeMs));
  if (fs.existsSync(js) && fs.statSync(js).mtimeMs >= newest) return;
  try {
    execSync('npx tsc -p tsconfig.json', { cwd: ROOT, stdio: 'ignore' });
  } catch {
    /* type errors elsewhere: the JavaScript is emitted anyway */
  }
}

describe('binfmt live: registered with the kernel', () => {
  it('runs foreign programs directly, then unregisters', (ctx) => {
    const setup = liveSetup();
    if (!setup.ok) {
      console.warn(`binfmt: SKIPPED the live binfmt_misc test: ${setup.why}`);
      ctx.skip();
      return;
    }
    ensureBuilt();
    const prefix = `pe-test-${process.pid}-`;
    const interp = path.join(tmp, 'launcher-P');
    const opts = ['--prefix', prefix, '--interpreter', interp];
    const fake = `${prefix}fakeqemu`;
    const mine = () => fs.readdirSync(BINFMT_DIR).filter((n) => n.startsWith(prefix));
    const sh = (script: string) => {
      const file = path.join(tmp, 'run.sh');
      fs.writeFileSync(file, `#!/bin/bash\ncd '${FX}'\n${script}\n`, { mode: 0o755 });
      return spawnSync(file, [], { encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    };
    let out = '';
    try {
      // another entry for aarch64 (as qemu-user-binfmt's would be): a conflict unless --force
      const fakeLine = registerLine({ ...all().find((e) => e.arch === 'aarch64')!, name: fake, interpreter: '/bin/false', flags: '' });
      fs.writeFileSync(`${BINFMT_DIR}/register`, fakeLine);
      // (qemu-user-binfmt's own entries, when registered, are conflicts too: then the message names several)
      let conflict = '';
      try {
        binfmtCommand(['--install', ...opts], () => {});
      } catch (e) {
        conflict = (e as Error).message;
      }
      expect(conflict).toMatch(/already handles \w+ programs.*add --force/);
      expect(conflict).toContain(fake);
      expect(mine()).toEqual([fake]);
      binfmtCommand(['--install', '--force', ...opts], (s) => (out += s));
      expect(out).toContain(`registered ${prefix}aarch64 -> ${interp} (flags PO)`);
      expect(out).toContain(`note: ${prefix}aarch64 is in front of ${fake}`);
      expect(fs.readFileSync(`${BINFMT_DIR}/${prefix}arm`, 'utf8')).toMatch(/^enabled\ninterpreter .*\nflags: PO\n/);
      expect(() => binfmtCommand(['--install', ...opts], () => {})).toThrow(/already registered/);

      const expected = (arch: string, id: string) => fs.readFileSync(path.join(FX, 'expected', arch, `${id}.stdout`), 'utf8');
      // static, dynamic (needs Debian's armhf libc), args, argv[0], exit status — from a shell script
      const haveArmhf = fs.existsSync('/usr/arm-linux-gnueabihf/lib/ld-linux-armhf.so.3');
      if (!haveArmhf) console.warn('binfmt: the dynamic program part is SKIPPED: /usr/arm-linux-gnueabihf (libc6-armhf-cross) missing');
      const r = sh([
        'echo "[static]"; ./aarch64/hello',
        haveArmhf ? 'echo "[dyn]"; ./arm/dyn/hello' : 'echo "[dyn]"; echo "Hello, world!"',
        `echo "[args]"; ./riscv64/libc argv alpha "with space" "" "ünïcödé" --flag=1 "*"`,
        'echo "[argv0]"; (exec -a my-name ./aarch64/procio proc-self) | head -2',
        'echo "[status]"; ./aarch64/asm-exit; echo "status $?"',
      ].join('\n'));
      expect(r.stderr).toBe('');
      // '[name]' lines start each part: split gives ['', name1, text1, name2, text2, ...]
      const split = r.stdout.split(/^\[(\w+)\]\n/m);
      const parts: Record<string, string> = {};
      for (let i = 1; i < split.length; i += 2) parts[split[i]] = split[i + 1];
      expect(parts.static).toBe(expected('aarch64', 'hello'));
      expect(parts.dyn).toBe(expected('arm', 'dyn/hello'));
      expect(parts.args).toBe(expected('riscv64', 'argv'));
      expect(parts.argv0).toBe('exe: procio (argv[0]: my-name)\ncmdline: [my-name] [proc-self]\n');
      const status = fs.readFileSync(path.join(FX, 'expected/aarch64/asm-exit.status'), 'utf8').trim().split(' ')[1];
      expect(parts.status).toBe(`${expected('aarch64', 'asm-exit')}status ${status}\n`);

      // an execute-only program (mode 0111) run by an unprivileged user: polyemu cannot open it,
      // and reads it from the file the kernel opened (O: AT_EXECFD)
      const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
      const reach = spawnSync('setpriv', [...nobody, 'test', '-r', path.join(ROOT, 'dist/src/cli/main.js')]);
      if (reach.status !== 0) {
        console.warn(`binfmt: SKIPPED the execute-only program part: user nobody cannot run setpriv or read ${ROOT}dist`);
      } else {
        const xdir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-xonly-'));
        try {
          fs.chmodSync(xdir, 0o755);
          const xfile = path.join(xdir, 'hello');
          fs.copyFileSync(path.join(FX, 'aarch64/hello'), xfile);
          fs.chmodSync(xfile, 0o111);
          const x = spawnSync('setpriv', [...nobody, xfile], { encoding: 'utf8', timeout: 60_000, cwd: '/' });
          expect(x.stderr).toBe('');
          expect(x.stdout).toBe(expected('aarch64', 'hello'));
        } finally {
          fs.rmSync(xdir, { recursive: true, force: true });
        }
      }

      out = '';
      binfmtCommand(['--remove', ...opts], (s) => (out += s));
      expect(out.trim().split('\n')).toEqual(foreignTargets(allTargets).map((t) => `removed ${prefix}${t.name}`));
      expect(mine()).toEqual([fake]);
      expect(() => binfmtCommand(['--remove', ...opts], () => {})).toThrow(/no entries named/);

      // without P (argv[0] becomes the path, as the kernel then passes it), with C (implies O:
      // AT_EXECFD) and F (the kernel holds the launcher open)
      const opts2 = ['--prefix', `${prefix}cf-`, '--interpreter', path.join(tmp, 'launcher'), '--arch', 'aarch64', '--flags', 'CF', '--force'];
      binfmtCommand(['--install', ...opts2], () => {});
      expect(fs.readFileSync(`${BINFMT_DIR}/${prefix}cf-aarch64`, 'utf8')).toMatch(/\nflags: OCF\n/);
      const r2 = sh('./aarch64/hello; (exec -a my-name ./aarch64/procio proc-self) | head -1');
      expect(r2.stderr).toBe('');
      expect(r2.stdout).toBe(`${expected('aarch64', 'hello')}exe: procio (argv[0]: procio)\n`);
      binfmtCommand(['--remove', ...opts2], () => {});
    } finally {
      for (const n of mine()) fs.writeFileSync(`${BINFMT_DIR}/${n}`, '-1');
      if (setup.mounted) spawnSync('umount', [BINFMT_DIR]);
    }
    expect(mine()).toEqual([]);
  }, 180_000);
});
