/**
 * qemu-user compatible command line: `polyemu [options] PROGRAM [ARGS...]`.
 *
 * Options are qemu's single-dash words (-strace, -L path); the double-dash spelling
 * (--strace) works too. Options end at the first word that does not start with '-' (or
 * after '--'): that is the program and everything after it is the guest's argv. Each option
 * can also come from its QEMU_* environment variable, read first so the command line wins;
 * a flag's variable turns it on whatever its value (QEMU_STRACE= enables -strace). -E/-U
 * values are comma separated lists and accumulate from the variable and every -E/-U.
 *
 * We split the words ourselves (yargs cannot know where the program starts for single-dash
 * words), then hand the option words, normalised to --name, to yargs for typing, coercion
 * and validation.
 */
import yargs from 'yargs';
import { UserError } from '../errors.js';
import { LOG_ITEMS } from '../core/log/log.js';

export interface OptionDef {
  /** qemu's name: -L, -strace, ... */
  name: string;
  /** other accepted spellings (without dashes) */
  aliases?: string[];
  /** yargs key */
  key: string;
  /** metavariable when the option takes a value */
  arg?: string;
  env?: string;
  desc: string;
}

export const OPTIONS: OptionDef[] = [
  { name: 'h', aliases: ['help'], key: 'help', desc: 'print this help and exit' },
  { name: 'L', key: 'sysroot', arg: 'path', env: 'QEMU_LD_PREFIX', desc: "sysroot: where the ELF interpreter and absolute guest paths are looked up first (default /usr/<triplet> when it exists)" },
  { name: 's', key: 'stack-size', arg: 'size', env: 'QEMU_STACK_SIZE', desc: 'stack size in bytes, with an optional k, M or G suffix (default 8M)' },
  { name: 'E', key: 'set-env', arg: 'var=value', env: 'QEMU_SET_ENV', desc: 'set variables in the guest environment (comma separated list)' },
  { name: 'U', key: 'unset-env', arg: 'var', env: 'QEMU_UNSET_ENV', desc: 'remove variables from the guest environment (comma separated list)' },
  { name: '0', key: 'argv0', arg: 'argv0', env: 'QEMU_ARGV0', desc: "the guest's argv[0] (default: the program as given)" },
  { name: 'd', key: 'log', arg: 'item[,...]', env: 'QEMU_LOG', desc: "enable debug log items ('-d help' lists them)" },
  { name: 'D', key: 'log-file', arg: 'logfile', env: 'QEMU_LOG_FILENAME', desc: 'write the debug log to logfile instead of stderr' },
  { name: 'strace', key: 'strace', env: 'QEMU_STRACE', desc: 'log system calls (the same as -d strace)' },
  { name: 'seed', key: 'seed', arg: 'number', env: 'QEMU_RAND_SEED', desc: 'seed the random bytes given to the guest (AT_RANDOM), for reproducible runs' },
  { name: 'g', key: 'gdb', arg: 'port', env: 'QEMU_GDB', desc: 'wait for gdb to connect on TCP port; the guest stops before its first instruction' },
  { name: 'version', key: 'version', env: 'QEMU_VERSION', desc: 'print the version and exit' },
];

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'log-help' }
  | { kind: 'run'; options: CliRunOptions };

export interface CliRunOptions {
  program: string;
  args: string[];
  argv0?: string;
  env: string[];
  sysroot?: string;
  stackSize?: number;
  logItems: string[];
  logFile?: string;
  strace: boolean;
  seed?: number;
  /** -g: TCP port of the gdb stub */
  gdbPort?: number;
}

const USAGE_HINT = "try 'polyemu -h' for help";
const usageError = (msg: string) => new UserError(`${msg} (${USAGE_HINT})`, 1);

function lookup(word: string): OptionDef | undefined {
  return OPTIONS.find((o) => o.name === word || o.aliases?.includes(word));
}

/** "8M" -> 8388608. Decimal, 0x hex or 0 octal digits, then k/K, m/M or g/G. */
export function parseSize(text: string): number {
  const m = /^(0x[0-9a-f]+|[0-9]+)([kmg]?)$/i.exec(text.trim());
  if (!m) throw new Error(`invalid size '${text}' (e.g. 8M, 512k, 1048576)`);
  const base = m[1].toLowerCase().startsWith('0x') ? Number.parseInt(m[1], 16)
    : m[1].length > 1 && m[1].startsWith('0') ? Number.parseInt(m[1], 8) : Number.parseInt(m[1], 10);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  const v = base * mult;
  if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`invalid size '${text}'`);
  return v;
}

/** -d items: 'help' or a comma list of known items. */
export function parseLogItems(text: string): string[] | 'help' {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.includes('help')) return 'help';
  for (const it of items) {
    if (!(LOG_ITEMS as readonly string[]).includes(it)) throw new Error(`unknown log item '${it}' (-d help lists them)`);
  }
  return items;
}

const last = <T>(v: T | T[]): T => (Array.isArray(v) ? v[v.length - 1] : v);

/**
 * Parse the words after `polyemu`. `env` supplies the QEMU_* variables and the host
 * environment the guest starts from.
 */
export function parseCommandLine(words: string[], env: NodeJS.ProcessEnv = process.env): Command {
  // 1. the option words, from the environment first and then the command line
  const given: Array<{ def: OptionDef; value?: string }> = [];
  for (const def of OPTIONS) {
    const v = def.env !== undefined ? env[def.env] : undefined;
    if (v !== undefined) given.push({ def, value: def.arg ? v : undefined });
  }
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (!w.startsWith('-') || w === '-') break;
    i++;
    if (w === '--') break;
    let name = w.slice(w.startsWith('--') ? 2 : 1);
    let inline: string | undefined;
    const eq = name.indexOf('=');
    if (eq > 0 && !lookup(name)) {
      inline = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const def = lookup(name);
    if (!def) throw usageError(`unknown option '${w}'`);
    if (def.arg) {
      if (inline === undefined) {
        if (i >= words.length) throw usageError(`missing argument for option '${w}'`);
        inline = words[i++];
      }
      given.push({ def, value: inline });
    } else if (inline !== undefined) {
      throw usageError(`option '-${name}' takes no argument`);
    } else {
      given.push({ def });
    }
  }
  const optWords = given.flatMap(({ def, value }) => (value === undefined ? [`--${def.key}`] : [`--${def.key}`, value]));

  // 2. typing and validation
  const y = yargs(optWords)
    .parserConfiguration({
      'short-option-groups': false,
      'camel-case-expansion': false,
      'dot-notation': false,
      'parse-numbers': false,
      'parse-positional-numbers': false,
      'boolean-negation': false,
      'duplicate-arguments-array': true,
      'greedy-arrays': false,
      'strip-aliased': true,
      'unknown-options-as-args': false,
    })
    .version(false)
    .help(false)
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw usageError(err?.message ?? msg);
    });
  for (const o of OPTIONS) {
    if (!o.arg) y.option(o.key, { type: 'boolean' });
    else if (o.key === 'set-env' || o.key === 'unset-env') y.option(o.key, { type: 'string', array: true });
    else y.option(o.key, { type: 'string' });
  }
  y.coerce('stack-size', (v: string | string[]) => {
    try { return parseSize(last(v)); } catch (e) { throw new Error(`-s/QEMU_STACK_SIZE: ${(e as Error).message}`); }
  });
  y.coerce('seed', (v: string | string[]) => {
    const s = last(v);
    if (!/^-?(0x[0-9a-f]+|[0-9]+)$/i.test(s.trim())) throw new Error(`-seed/QEMU_RAND_SEED: invalid number '${s}'`);
    return Number(s.trim());
  });
  y.coerce('gdb', (v: string | string[]) => {
    const s = last(v).trim();
    const n = /^[0-9]+$/.test(s) ? Number(s) : NaN;
    if (!(n >= 1 && n <= 65535)) throw new Error(`-g/QEMU_GDB: invalid port '${s}' (1-65535)`);
    return n;
  });
  const a = y.parseSync() as Record<string, unknown>;

  if (a.help) return { kind: 'help' };
  if (a.version) return { kind: 'version' };
  // every -d counts (qemu takes the last; accumulating is more useful and a superset)
  const logItems = new Set<string>();
  for (const v of (([] as string[]).concat((a.log as string | string[] | undefined) ?? []))) {
    let items: string[] | 'help';
    try { items = parseLogItems(v); } catch (e) { throw usageError(`-d/QEMU_LOG: ${(e as Error).message}`); }
    if (items === 'help') return { kind: 'log-help' };
    items.forEach((it) => logItems.add(it));
  }
  if (i >= words.length) throw usageError('no user program specified');

  // 3. the guest environment: the host's (QEMU_* included, as qemu does), then every -U and
  // -E in the order given (variables first, then the command line)
  const genv = new Map<string, string>();
  for (const [k, v] of Object.entries(env)) if (v !== undefined) genv.set(k, v);
  for (const { def, value } of given) {
    if (def.key !== 'set-env' && def.key !== 'unset-env') continue;
    for (const item of value!.split(',').filter(Boolean)) {
      if (def.key === 'unset-env') { genv.delete(item); continue; }
      const eq = item.indexOf('=');
      if (eq <= 0) throw usageError(`-E: expected var=value, got '${item}'`);
      genv.set(item.slice(0, eq), item.slice(eq + 1));
    }
  }

  const str = (key: string) => (a[key] === undefined ? undefined : last(a[key] as string | string[]));
  return {
    kind: 'run',
    options: {
      program: words[i],
      args: words.slice(i + 1),
      argv0: str('argv0'),
      env: [...genv].map(([k, v]) => `${k}=${v}`),
      sysroot: str('sysroot'),
      stackSize: a['stack-size'] as number | undefined,
      logItems: [...logItems],
      logFile: str('log-file'),
      strace: a.strace === true || logItems.has('strace'),
      seed: a.seed as number | undefined,
      gdbPort: a.gdb as number | undefined,
    },
  };
}
