/**
 * binfmt_misc registrations for polyemu: one entry per target, derived from the target's ELF
 * identity (class, byte order, e_machine), and the three ways to write them down — the
 * kernel's register line, a systemd binfmt.d file, and Debian's update-binfmts format files.
 *
 * The magic and mask cover the first 20 bytes of the ELF header, as qemu's registrations do:
 * e_ident (magic, class, data, version; EI_OSABI masked out; EI_ABIVERSION and the padding
 * must be 0), e_type (ET_EXEC = 2 or ET_DYN = 3: the mask 0xfffe on its low byte, so static,
 * static-pie and PIE programs all match), and e_machine. The kernel matches a file when
 * ((header[offset + i] ^ magic[i]) & mask[i]) == 0 for every byte i.
 */
import type { Target } from '../../../targets/target.js';

/** The binfmt_misc flags polyemu understands (see FLAG_DOCS). */
export const FLAG_LETTERS = ['P', 'O', 'C', 'F'] as const;
export type FlagLetter = (typeof FLAG_LETTERS)[number];

export const FLAG_DOCS: Record<FlagLetter, string> = {
  P: 'preserve-argv0: the program sees the argv[0] it was started with (the interpreter gets it as an extra argument)',
  O: 'open-binary: the kernel passes the program already opened (AT_EXECFD); polyemu falls back on it when the path cannot be opened',
  C: 'credentials: setuid/setgid bits of the program apply (implies O); polyemu runs with them, so only use it for a trusted polyemu',
  F: 'fix-binary: the kernel opens the interpreter (the launcher) when registering; the launcher still starts Node and polyemu by their absolute paths, which must exist where the program runs',
};

/**
 * Default flags: P and O, the flags of Debian's qemu-user-binfmt registrations: programs
 * see their real argv[0], and the kernel hands over the program already opened. Not C: a
 * setuid foreign program would run the whole emulator with its privileges. Not F: it pins only the launcher,
 * which starts Node and polyemu by path anyway (so it gains nothing in a chroot), and a
 * reinstalled launcher would then not take effect until the entries are registered again.
 */
export const DEFAULT_FLAGS = 'PO';

/** One binfmt_misc entry. */
export interface BinfmtEntry {
  /** entry name (file name under /proc/sys/fs/binfmt_misc) */
  name: string;
  /** the polyemu target it is for */
  arch: string;
  offset: number;
  magic: Uint8Array;
  mask: Uint8Array;
  interpreter: string;
  /** flag letters, in the kernel's order (P O C F) */
  flags: string;
}

const ELFMAG = [0x7f, 0x45, 0x4c, 0x46];
const EV_CURRENT = 1;
const ET_EXEC = 2;

/** The 20 magic bytes and their mask for ELF programs of `t` (EXEC or DYN). */
export function elfMagicFor(t: Pick<Target, 'elfMachine' | 'elfClass' | 'littleEndian'>): { magic: Uint8Array; mask: Uint8Array } {
  const magic = new Uint8Array(20);
  const mask = new Uint8Array(20).fill(0xff);
  magic.set(ELFMAG, 0);
  magic[4] = t.elfClass === 64 ? 2 : 1; // EI_CLASS
  magic[5] = t.littleEndian ? 1 : 2; // EI_DATA
  magic[6] = EV_CURRENT; // EI_VERSION
  mask[7] = 0x00; // EI_OSABI: SYSV (0) and GNU/Linux (3) both
  // e_type and e_machine are 16-bit fields in the file's byte order
  const put16 = (off: number, v: number, m: number) => {
    const [lo, hi] = t.littleEndian ? [off, off + 1] : [off + 1, off];
    magic[lo] = v & 0xff;
    magic[hi] = v >> 8;
    mask[lo] = m & 0xff;
    mask[hi] = m >> 8;
  };
  put16(16, ET_EXEC, 0xfffe); // ET_EXEC (2) or ET_DYN (3)
  put16(18, t.elfMachine, 0xffff);
  return { magic, mask };
}

/** The kernel's mask compare (fs/binfmt_misc.c): does this file header match the entry? */
export function headerMatches(e: Pick<BinfmtEntry, 'offset' | 'magic' | 'mask'>, header: Uint8Array): boolean {
  if (header.length < e.offset + e.magic.length) return false;
  for (let i = 0; i < e.magic.length; i++) {
    if ((header[e.offset + i] ^ e.magic[i]) & e.mask[i]) return false;
  }
  return true;
}

/** Could some file match both entries? (byte-wise: the bits both masks test agree) */
export function entriesOverlap(
  a: Pick<BinfmtEntry, 'offset' | 'magic' | 'mask'>,
  b: Pick<BinfmtEntry, 'offset' | 'magic' | 'mask'>,
): boolean {
  const lo = Math.max(a.offset, b.offset);
  const hi = Math.min(a.offset + a.magic.length, b.offset + b.magic.length);
  for (let p = lo; p < hi; p++) {
    const i = p - a.offset;
    const j = p - b.offset;
    if ((a.magic[i] ^ b.magic[j]) & a.mask[i] & b.mask[j]) return false;
  }
  return true;
}

/** Validate and normalise a flag string ('pf', 'FP', '' ...) to the kernel's order. */
export function normaliseFlags(text: string): string {
  const up = text.toUpperCase();
  for (const c of up) {
    if (!(FLAG_LETTERS as readonly string[]).includes(c)) {
      throw new Error(`unknown binfmt flag '${c}' (flags are ${FLAG_LETTERS.join(', ')})`);
    }
  }
  return FLAG_LETTERS.filter((c) => up.includes(c)).join('');
}

/** The entries for `targets`, all pointing at `interpreter`. */
/**
 * The targets binfmt_misc should send programs to by default: not those the host CPU runs
 * itself (an x86-64 host runs x86-64 and i386 programs natively; registering them would take
 * every host program through polyemu).
 */
export function foreignTargets<T extends { name: string }>(targets: readonly T[], hostArch: string = process.arch): T[] {
  const native: Record<string, string[]> = { x64: ['x86_64', 'i386'], ia32: ['i386'] };
  return targets.filter((t) => !(native[hostArch] ?? []).includes(t.name));
}

export function entriesFor(targets: readonly Target[], opts: { prefix: string; interpreter: string; flags: string }): BinfmtEntry[] {
  return targets.map((t) => ({
    name: `${opts.prefix}${t.name}`,
    arch: t.name,
    offset: 0,
    ...elfMagicFor(t),
    interpreter: opts.interpreter,
    flags: normaliseFlags(opts.flags),
  }));
}

/** Every byte as \xHH (the kernel unescapes these; ':' and '\' can never appear raw). */
export function escapeBytes(b: Uint8Array): string {
  return Array.from(b, (x) => `\\x${x.toString(16).padStart(2, '0')}`).join('');
}

/** ':name:type:offset:magic:mask:interpreter:flags' — one write to binfmt_misc/register. */
export function registerLine(e: BinfmtEntry): string {
  if (e.interpreter.includes(':')) throw new Error(`the interpreter path '${e.interpreter}' contains ':', which binfmt_misc cannot register`);
  if (/[/:\s]/.test(e.name) || e.name === '.' || e.name === '..') throw new Error(`invalid binfmt entry name '${e.name}'`);
  return `:${e.name}:M:${e.offset || ''}:${escapeBytes(e.magic)}:${escapeBytes(e.mask)}:${e.interpreter}:${e.flags}`;
}

/** A systemd binfmt.d file (e.g. /etc/binfmt.d/polyemu.conf): comments, then register lines. */
export function binfmtDFile(entries: BinfmtEntry[], header: string[] = []): string {
  return [...header.map((h) => `# ${h}`), ...entries.map(registerLine)].join('\n') + '\n';
}

/**
 * Debian's update-binfmts format file (/usr/share/binfmts/<name>, then
 * `update-binfmts --import <name>`). update-binfmts knows P, C (credentials) and F
 * (fix_binary); O has no keyword there and C implies it.
 */
export function updateBinfmtsFile(e: BinfmtEntry, pkg = 'polyemu'): string {
  const yes = (f: string) => (e.flags.includes(f) ? 'yes' : 'no');
  return [
    `package ${pkg}`,
    `interpreter ${e.interpreter}`,
    `magic ${escapeBytes(e.magic)}`,
    `offset ${e.offset}`,
    `mask ${escapeBytes(e.mask)}`,
    `credentials ${yes('C')}`,
    `fix_binary ${yes('F')}`,
    `preserve ${yes('P')}`,
  ].join('\n') + '\n';
}

export type OutputFormat = 'register' | 'binfmt.d' | 'update-binfmts';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['register', 'binfmt.d', 'update-binfmts'];

/** What --print shows in each format. */
export function formatEntries(entries: BinfmtEntry[], format: OutputFormat, notes: string[] = []): string {
  switch (format) {
    case 'register':
      return entries.map(registerLine).join('\n') + '\n';
    case 'binfmt.d':
      return binfmtDFile(entries, notes);
    case 'update-binfmts':
      return entries.map((e) => `# /usr/share/binfmts/${e.name}\n${updateBinfmtsFile(e)}`).join('\n');
  }
}
