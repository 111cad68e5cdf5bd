/**
 * Checks of the embedding API's arguments, so that a wrong option is a TypeError naming the
 * option and what it may be (`options.stdin: expected ...; got the number 12345`), thrown
 * before anything is loaded, never a TypeError from deep inside (`stdin.on is not a function`).
 */
import type { GuestOptions } from './types.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isReadable = (v: unknown) => isObj(v) && typeof v.on === 'function' && typeof v.read === 'function';
const isWritable = (v: unknown) => isObj(v) && typeof v.write === 'function' && typeof v.end === 'function';
const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** How a value shows in a message: `the number 12345`, `a string "x"`, `an object`. */
function shown(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string': return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
    case 'number': case 'bigint': case 'boolean': return `the ${typeof v} ${String(v)}`;
    case 'function': return 'a function';
    case 'object': return `an object (${(v as object).constructor?.name ?? 'no prototype'})`;
    default: return typeof v;
  }
}

type Check = [(v: unknown) => boolean, string];

/** Each option: how to tell a good value, and what to say it should be. */
const OPTIONS: Readonly<Record<keyof GuestOptions, Check>> = {
  args: [isStrings, 'an array of strings'],
  argv0: [(v) => typeof v === 'string', 'a string'],
  env: [(v) => isStrings(v) || (isObj(v) && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string')),
    'an object of string values or an array of "NAME=value" strings'],
  stdin: [(v) => typeof v === 'string' || v instanceof Uint8Array || isReadable(v),
    "text, bytes (Uint8Array), a Readable stream, 'pipe', 'inherit' or 'ignore'"],
  stdout: [(v) => v === 'pipe' || v === 'inherit' || v === 'ignore' || isWritable(v), "'pipe', 'inherit', 'ignore' or a Writable stream"],
  stderr: [(v) => v === 'pipe' || v === 'inherit' || v === 'ignore' || isWritable(v), "'pipe', 'inherit', 'ignore' or a Writable stream"],
  cwd: [(v) => typeof v === 'string' && v !== '', 'a directory path'],
  sysroot: [(v) => typeof v === 'string', "a directory path ('' for none)"],
  budget: [(v) => isObj(v) && Object.entries(v).every(([k, n]) => (k === 'instructions' || k === 'timeMs') && (n === undefined || isCount(n))),
    '{ instructions?, timeMs? } with numbers >= 0'],
  name: [(v) => typeof v === 'string' && v !== '', 'a non-empty string'],
  stackSize: [(v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0, 'a positive whole number of bytes'],
  seed: [(v) => typeof v === 'number' && Number.isSafeInteger(v), 'a whole number'],
  strace: [(v) => typeof v === 'boolean', 'true or false'],
  logFile: [(v) => typeof v === 'string' && v !== '', 'a file path'],
};

/** Throw a TypeError for the first bad argument of Guest.load / run. */
export function validateOptions(program: unknown, opts: unknown): void {
  if (typeof program !== 'string' && !(program instanceof Uint8Array)) {
    throw new TypeError(`program: expected a file path or the ELF file's bytes (Uint8Array); got ${shown(program)}`);
  }
  if (program === '') throw new TypeError('program: expected a file path; got the empty string');
  if (opts === undefined) return;
  if (!isObj(opts) || Array.isArray(opts)) throw new TypeError(`options: expected an object; got ${shown(opts)}`);
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined) continue;
    const check = (OPTIONS as Record<string, Check | undefined>)[key];
    if (!check) throw new TypeError(`options.${key}: unknown option (known: ${Object.keys(OPTIONS).join(', ')})`);
    if (!check[0](value)) throw new TypeError(`options.${key}: expected ${check[1]}; got ${shown(value)}`);
  }
}
