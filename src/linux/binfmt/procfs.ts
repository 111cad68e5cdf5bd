/**
 * The kernel's binfmt_misc file system (/proc/sys/fs/binfmt_misc): what is registered, and
 * registering and removing entries. Every failure is a UserError with one line saying what to
 * do (not root, not mounted, already registered, another entry handles the same files).
 */
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { UserError } from '../../errors.js';
import { type BinfmtEntry, entriesOverlap, registerLine } from './formats.js';

export const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';

/** An entry as the kernel shows it in BINFMT_DIR/<name>. */
export interface RegisteredEntry {
  name: string;
  enabled: boolean;
  interpreter: string;
  flags: string;
  /** magic entries only; extension entries (type E) have no magic */
  offset?: number;
  magic?: Uint8Array;
  mask?: Uint8Array;
}

const fromHex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

/** Parse the text of BINFMT_DIR/<name>. */
export function parseEntryFile(name: string, text: string): RegisteredEntry {
  const e: RegisteredEntry = { name, enabled: false, interpreter: '', flags: '' };
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.split(' ');
    const value = rest.join(' ');
    if (line === 'enabled') e.enabled = true;
    else if (key === 'interpreter') e.interpreter = value;
    else if (key === 'flags:') e.flags = value;
    else if (key === 'offset') e.offset = Number(value);
    else if (key === 'magic') e.magic = fromHex(value);
    else if (key === 'mask') e.mask = fromHex(value);
  }
  if (e.magic && !e.mask) e.mask = new Uint8Array(e.magic.length).fill(0xff);
  return e;
}

/** Is binfmt_misc mounted at `dir`? */
export function isMounted(dir = BINFMT_DIR): boolean {
  return fs.existsSync(`${dir}/register`);
}

/** Every registered entry (the mount must exist). */
export function readEntries(dir = BINFMT_DIR): RegisteredEntry[] {
  const out: RegisteredEntry[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (name === 'register' || name === 'status') continue;
    try {
      out.push(parseEntryFile(name, fs.readFileSync(`${dir}/${name}`, 'utf8')));
    } catch {
      /* removed meanwhile */
    }
  }
  return out;
}

export const MOUNT_HINT = `mount it with 'mount -t binfmt_misc binfmt_misc ${BINFMT_DIR}' or add --mount`;

/** Mount binfmt_misc at `dir` (for --mount); a UserError when that fails. */
export function mountBinfmtMisc(dir = BINFMT_DIR): void {
  if (isMounted(dir)) return;
  const r = spawnSync('mount', ['-t', 'binfmt_misc', 'binfmt_misc', dir], { encoding: 'utf8' });
  if (r.status !== 0 || !isMounted(dir)) {
    const why = (r.stderr || r.error?.message || `mount exited with ${r.status}`).trim().split('\n')[0];
    throw new UserError(`binfmt: cannot mount binfmt_misc on ${dir}: ${why}`);
  }
}

/** Check that we can change registrations at all. */
export function checkWritable(dir = BINFMT_DIR, uid = process.getuid?.() ?? 0): void {
  if (!isMounted(dir)) throw new UserError(`binfmt: binfmt_misc is not mounted on ${dir} (${MOUNT_HINT})`);
  if (uid !== 0) throw new UserError(`binfmt: changing binfmt_misc registrations needs root (run it with sudo)`);
}

/** A registered entry that would take files away from (or give them to) one of ours. */
export interface Conflict {
  ours: BinfmtEntry;
  theirs: RegisteredEntry;
}

/** The problems registering `entries` would have: our names taken, and other entries matching the same files. */
export function findConflicts(entries: BinfmtEntry[], registered: RegisteredEntry[]): { taken: RegisteredEntry[]; conflicts: Conflict[] } {
  const names = new Set(entries.map((e) => e.name));
  const taken = registered.filter((r) => names.has(r.name));
  const conflicts: Conflict[] = [];
  for (const ours of entries) {
    for (const theirs of registered) {
      if (names.has(theirs.name) || !theirs.enabled || !theirs.magic || !theirs.mask) continue;
      if (entriesOverlap(ours, { offset: theirs.offset ?? 0, magic: theirs.magic, mask: theirs.mask })) conflicts.push({ ours, theirs });
    }
  }
  return { taken, conflicts };
}

function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return 'an entry of that name exists';
  if (code === 'EINVAL') return 'the kernel rejected the line (EINVAL)';
  if (code === 'ENOENT') return 'the interpreter does not exist (ENOENT)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

/** Register one entry (one write to BINFMT_DIR/register). */
export function registerEntry(e: BinfmtEntry, dir = BINFMT_DIR): void {
  try {
    fs.writeFileSync(`${dir}/register`, registerLine(e));
  } catch (err) {
    throw new UserError(`binfmt: cannot register '${e.name}': ${describeWriteError(err)}`);
  }
}

/** Remove one entry by name (writes -1 to it); false when it was not registered. */
export function removeEntry(name: string, dir = BINFMT_DIR): boolean {
  const file = `${dir}/${name}`;
  if (!fs.existsSync(file)) return false;
  try {
    fs.writeFileSync(file, '-1');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new UserError(`binfmt: cannot remove '${name}': ${describeWriteError(err)}`);
  }
  return true;
}
