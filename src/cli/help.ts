/** Texts of -h, -version and -d help. */
import * as fs from 'node:fs';
import { LOG_ITEMS } from '../core/log/log.js';
import { OPTIONS } from './options.js';

const LOG_DESCRIPTIONS: Record<string, string> = {
  in_asm: 'show the guest assembly (objdump syntax) of each translated block',
  op: 'show the IR of each translated block',
  out_asm: 'show the JavaScript compiled for each block and each hot region',
  exec: "show a 'Trace' line before each block runs (lots of output)",
  cpu: 'show the registers before each block runs (lots of output)',
  unimp: 'log unimplemented system calls and features',
  strace: 'log system calls (the same as -strace)',
  page: 'show the memory map after the program is loaded',
};

export function logHelp(): string {
  const w = Math.max(...LOG_ITEMS.map((s) => s.length)) + 2;
  return ['Log items (comma separated):', ...LOG_ITEMS.map((it) => it.padEnd(w) + (LOG_DESCRIPTIONS[it] ?? ''))].join('\n') + '\n';
}

/** The version from package.json (found by walking up from this file, in src/ or dist/src/). */
export function version(): string {
  let dir = new URL('..', import.meta.url);
  for (let k = 0; k < 4; k++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL('package.json', dir), 'utf8'));
      if (pkg.name === 'polyemu') return pkg.version;
    } catch { /* keep looking */ }
    dir = new URL('..', dir);
  }
  return 'unknown';
}

export function versionText(targets: string[]): string {
  return `polyemu version ${version()} (targets: ${targets.join(', ')})\n`;
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

export function helpText(targets: string[]): string {
  const rows = OPTIONS.map((o) => {
    const names = ['-' + o.name, ...(o.aliases ?? []).map((a) => '-' + a)].join(', ');
    return [o.arg ? `${names} ${o.arg}` : names, o.env ?? '', o.desc];
  });
  const w0 = Math.max(...rows.map((r) => r[0].length), 'Argument'.length) + 2;
  const w1 = Math.max(...rows.map((r) => r[1].length)) + 2;
  const table = [['Argument', 'Env-variable', 'Description'], ...rows].flatMap((r) =>
    wrap(r[2], Math.max(30, 80 - w0 - w1)).map((d, k) => (k ? ' '.repeat(w0 + w1) + d : r[0].padEnd(w0) + r[1].padEnd(w1) + d).trimEnd()));
  return [
    'usage: polyemu [options] program [arguments...]',
    '       polyemu binfmt [--install | --remove | --print] ...  (binfmt_misc; see polyemu binfmt --help)',
    `Runs a Linux program built for another CPU (${targets.join(', ')}), like qemu-user;`,
    'the architecture comes from the ELF header.',
    '',
    'Options and associated environment variables:',
    '',
    ...table,
    '',
    'Options also work with two dashes (--strace). They end at the program name: every word',
    'after it goes to the program. A flag\'s variable enables it whatever its value.',
    '',
    'Exit status: the program\'s; if it dies by a signal, polyemu dies by the same signal.',
    'polyemu itself exits 1 for usage errors and programs it cannot open, 255 for programs',
    'it cannot load, 70 for an internal error (POLYEMU_DEBUG=1 shows its stack trace).',
    '',
  ].join('\n');
}
