/**
 * `polyemu binfmt`: print, install and remove binfmt_misc registrations that make the kernel
 * run foreign ELF programs through polyemu (one entry per target, one launcher for all), and
 * the hidden `polyemu binfmt --exec=...` form the launcher uses to run a program.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import yargs from 'yargs';
import { UserError } from '../../errors.js';
import { allTargets } from '../../../targets/index.js';
import {
  DEFAULT_FLAGS, FLAG_DOCS, FLAG_LETTERS, OUTPUT_FORMATS, type OutputFormat, type BinfmtEntry,
  entriesFor, formatEntries, normaliseFlags,
  foreignTargets,
} from './formats.js';
import { buildLauncher } from './launcher.js';
import { binfmtInvocation, binfmtRun, parseExecMode } from './interpreter.js';
import {
  BINFMT_DIR, checkWritable, findConflicts, mountBinfmtMisc, readEntries, registerEntry, removeEntry,
} from './procfs.js';

/**
 * What main() does next: the command is finished, or run a program (the launcher's call):
 * `words` is an ordinary polyemu command line, `image` the program's bytes when polyemu
 * cannot open it by path (RunOptions.image).
 */
export type BinfmtOutcome = { kind: 'done'; code: number } | { kind: 'run'; words: string[]; image?: Uint8Array };

export const DEFAULT_PREFIX = 'polyemu-';
export const DEFAULT_INTERPRETER_DIR = '/usr/local/libexec';

export interface BinfmtOptions {
  action: 'print' | 'install' | 'remove' | 'write-interpreter';
  format: OutputFormat;
  flags: string;
  interpreter: string;
  archs: string[];
  prefix: string;
  mount: boolean;
  force: boolean;
  node: string;
  dir: string;
}

const usage = (msg: string) => new UserError(`binfmt: ${msg} (try 'polyemu binfmt --help')`, 1);

/** The package root (holds package.json and bin/polyemu), from src/linux/binfmt or dist/src/linux/binfmt. */
export function packageRoot(): string {
  let dir = path.dirname(new URL(import.meta.url).pathname);
  for (let k = 0; k < 5; k++) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'polyemu') return dir;
    } catch { /* keep looking */ }
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the polyemu package directory');
}

/** The launcher path when --interpreter is not given: one per P/no-P. */
export function defaultInterpreter(flags: string): string {
  return `${DEFAULT_INTERPRETER_DIR}/polyemu-binfmt${flags.includes('P') ? '-P' : ''}`;
}

/** Split text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

export function helpText(): string {
  const flagLines = FLAG_LETTERS.flatMap((f) => wrap(FLAG_DOCS[f], 88).map((l, i) => `  ${i ? ' ' : f}  ${l}`));
  return [
    'Usage: polyemu binfmt [--print | --install | --remove | --write-interpreter] [options]',
    '',
    'Registers polyemu with the kernel\'s binfmt_misc, so that foreign ELF programs (static and',
    `dynamic, for ${allTargets.map((t) => t.name).join(', ')}) run directly: ./hello. Every entry points at`,
    'one launcher, a tiny native program that starts polyemu, which reads the architecture from',
    'the ELF header.',
    '',
    'Actions:',
    '  --print              print the registrations (default)',
    '  --install            write the launcher and register the entries (root)',
    '  --remove             remove the entries (root)',
    '  --write-interpreter  only write the launcher (for binfmt.d or update-binfmts files)',
    'Options:',
    '  --format F           --print format: register (lines for /proc/sys/fs/binfmt_misc/register),',
    '                       binfmt.d (a systemd /etc/binfmt.d/*.conf file) or update-binfmts',
    '                       (Debian /usr/share/binfmts/<name> files)',
    `  --flags FLAGS        binfmt_misc flags, any of ${FLAG_LETTERS.join('')} (default ${DEFAULT_FLAGS}, as qemu-user-binfmt)`,
    `  --interpreter PATH   the launcher (default ${defaultInterpreter('')}, -P with P)`,
    '  --arch A[,B]         only these architectures',
    `  --prefix NAME        entry names are NAME<arch> (default ${DEFAULT_PREFIX})`,
    '  --mount              mount binfmt_misc first when it is not mounted',
    '  --force              register even when other entries (e.g. qemu-user) handle the same',
    '                       files (polyemu goes in front: the kernel tries the newest first;',
    '                       the other entries are left alone), or replace our own',
    '  --node PATH          the node binary the launcher runs (default: this one)',
    'Flags:',
    ...flagLines,
    'The launcher runs Node and polyemu by absolute path: install again after moving either.',
    'QEMU_* variables (QEMU_LD_PREFIX, QEMU_STRACE, ...) apply to programs run this way.',
  ].join('\n') + '\n';
}

/** Parse `polyemu binfmt` options (after the word binfmt). null: --help. */
export function parseBinfmtOptions(words: string[]): BinfmtOptions | null {
  const y = yargs(words)
    .parserConfiguration({ 'camel-case-expansion': false, 'boolean-negation': false, 'parse-numbers': false, 'duplicate-arguments-array': true })
    .version(false)
    .help(false)
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw usage(err?.message ?? msg);
    })
    .option('help', { type: 'boolean', alias: 'h' })
    .option('print', { type: 'boolean' })
    .option('install', { type: 'boolean' })
    .option('remove', { type: 'boolean' })
    .option('write-interpreter', { type: 'boolean' })
    .option('format', { type: 'string' })
    .option('flags', { type: 'string' })
    .option('interpreter', { type: 'string' })
    .option('arch', { type: 'string', array: true })
    .option('prefix', { type: 'string' })
    .option('mount', { type: 'boolean' })
    .option('force', { type: 'boolean' })
    .option('node', { type: 'string' })
    .option('binfmt-dir', { type: 'string', hidden: true });
  const a = y.parseSync() as Record<string, unknown>;
  if (a.help) return null;
  if ((a._ as unknown[]).length) throw usage(`unexpected argument '${(a._ as unknown[])[0]}'`);
  const one = (k: string): string | undefined => {
    const v = a[k];
    if (v === undefined) return undefined;
    if (Array.isArray(v)) {
      if (v.length > 1) throw usage(`--${k} given twice`);
      return String(v[0]);
    }
    return String(v);
  };
  const actions = (['print', 'install', 'remove', 'write-interpreter'] as const).filter((k) => a[k] === true);
  if (actions.length > 1) throw usage(`--${actions[0]} and --${actions[1]} cannot be combined`);
  const action = actions[0] ?? 'print';
  const format = (one('format') ?? 'register') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw usage(`unknown --format '${format}' (one of ${OUTPUT_FORMATS.join(', ')})`);
  if (one('format') !== undefined && action !== 'print') throw usage('--format is for --print');
  let flags: string;
  try {
    flags = normaliseFlags(one('flags') ?? DEFAULT_FLAGS);
  } catch (e) {
    throw usage((e as Error).message);
  }
  const names = allTargets.map((t) => t.name);
  const archs = ((a.arch as string[] | undefined) ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  for (const x of archs) if (!names.includes(x)) throw usage(`unknown --arch '${x}' (polyemu runs ${names.join(', ')})`);
  const interpreter = one('interpreter') ?? defaultInterpreter(flags);
  if (!path.isAbsolute(interpreter)) throw usage(`--interpreter must be an absolute path: '${interpreter}'`);
  const prefix = one('prefix') ?? DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9_.+-]+$/.test(prefix)) throw usage(`--prefix may only hold letters, digits and . _ + -: '${prefix}'`);
  const node = one('node') ?? process.execPath;
  if (!path.isAbsolute(node)) throw usage(`--node must be an absolute path: '${node}'`);
  return {
    action, format, flags, interpreter, archs: archs.length ? [...new Set(archs)] : foreignTargets(allTargets).map((t) => t.name), prefix,
    mount: a.mount === true, force: a.force === true, node, dir: one('binfmt-dir') ?? BINFMT_DIR,
  };
}

function entries(o: BinfmtOptions): BinfmtEntry[] {
  const targets = allTargets.filter((t) => o.archs.includes(t.name));
  return entriesFor(targets, { prefix: o.prefix, interpreter: o.interpreter, flags: o.flags });
}

/** Write the launcher for `o` atomically (a running launcher is never overwritten in place). */
export function writeInterpreter(o: BinfmtOptions): void {
  let bytes: Uint8Array;
  try {
    bytes = buildLauncher({ node: o.node, entry: path.join(packageRoot(), 'bin', 'polyemu'), preserveArgv0: o.flags.includes('P') });
  } catch (e) {
    throw new UserError(`binfmt: ${(e as Error).message}`);
  }
  const tmp = `${o.interpreter}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(o.interpreter), { recursive: true });
    fs.writeFileSync(tmp, bytes, { mode: 0o755 });
    fs.chmodSync(tmp, 0o755);
    fs.renameSync(tmp, o.interpreter);
  } catch (e) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    throw new UserError(`binfmt: cannot write the launcher ${o.interpreter}: ${(e as Error).message}`);
  }
}

function install(o: BinfmtOptions, out: (s: string) => void): void {
  if (o.mount) mountBinfmtMisc(o.dir);
  checkWritable(o.dir);
  const list = entries(o);
  const { taken, conflicts } = findConflicts(list, readEntries(o.dir));
  if (taken.length && !o.force) {
    throw new UserError(`binfmt: '${taken[0].name}' is already registered (remove it with 'polyemu binfmt --remove', or add --force to replace it)`);
  }
  if (conflicts.length && !o.force) {
    const c = conflicts[0];
    const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more: ${conflicts.slice(1).map((x) => x.theirs.name).join(', ')})` : '';
    throw new UserError(
      `binfmt: '${c.theirs.name}' (${c.theirs.interpreter}) already handles ${c.ours.arch} programs${more}; ` +
      `add --force to register polyemu in front of it (it stays registered), or disable it with 'echo 0 > ${o.dir}/${c.theirs.name}'`,
    );
  }
  writeInterpreter(o);
  for (const t of taken) removeEntry(t.name, o.dir);
  const done: string[] = [];
  try {
    for (const e of list) {
      registerEntry(e, o.dir);
      done.push(e.name);
    }
  } catch (err) {
    for (const n of done) removeEntry(n, o.dir);
    throw err;
  }
  for (const e of list) out(`registered ${e.name} -> ${e.interpreter} (flags ${e.flags || 'none'})\n`);
  for (const c of conflicts) out(`note: ${c.ours.name} is in front of ${c.theirs.name} (${c.theirs.interpreter}), which stays registered\n`);
}

function remove(o: BinfmtOptions, out: (s: string) => void): number {
  checkWritable(o.dir);
  let n = 0;
  for (const e of entries(o)) {
    if (removeEntry(e.name, o.dir)) {
      out(`removed ${e.name}\n`);
      n++;
    }
  }
  if (!n) throw new UserError(`binfmt: no entries named ${o.prefix}{${o.archs.join(',')}} are registered`);
  return 0;
}

/** `polyemu binfmt WORDS...`; `out` receives what goes to stdout. */
export function binfmtCommand(words: string[], out: (s: string) => void): BinfmtOutcome {
  if (words[0]?.startsWith('--exec=')) {
    const run = binfmtRun(parseExecMode(words[0]), words.slice(1));
    return { kind: 'run', ...binfmtInvocation(run) };
  }
  const o = parseBinfmtOptions(words);
  if (!o) {
    out(helpText());
    return { kind: 'done', code: 0 };
  }
  switch (o.action) {
    case 'print': {
      const notes = [
        'polyemu binfmt_misc registrations (polyemu binfmt --print --format binfmt.d)',
        `write the launcher first: polyemu binfmt --write-interpreter --interpreter ${o.interpreter} --flags '${o.flags}'`,
      ];
      out(formatEntries(entries(o), o.format, notes));
      return { kind: 'done', code: 0 };
    }
    case 'write-interpreter':
      writeInterpreter(o);
      out(`wrote ${o.interpreter}\n`);
      return { kind: 'done', code: 0 };
    case 'install':
      install(o, out);
      return { kind: 'done', code: 0 };
    case 'remove':
      return { kind: 'done', code: remove(o, out) };
  }
}
