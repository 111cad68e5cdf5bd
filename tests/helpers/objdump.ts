/**
 * Comparing our disassemblers with GNU objdump (tests/targets/disasm.test.ts): run
 * `<triplet>-objdump -d` on a fixture binary, read back address, encoding and text of every
 * instruction, disassemble the same encoding with ours, and count agreements after light
 * normalisation (whitespace, comments, `<symbol>` annotations).
 */
import { execFileSync } from 'node:child_process';

export interface ObjLine {
  addr: number;
  /** the encoding as objdump groups it: one word, or (Thumb-2) two halfwords hw1<<16|hw2 */
  insn: number;
  /** bytes */
  len: number;
  text: string;
}

/** True when `tool` runs here. */
export function haveTool(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** objdump -d of one section; lines that are not instructions are dropped. */
export function objdump(tool: string, file: string, args: string[] = [], section = '.text'): ObjLine[] {
  const out = execFileSync(tool, ['-d', '-j', section, ...args, file], { maxBuffer: 1 << 30 }).toString();
  const lines: ObjLine[] = [];
  for (const l of out.split('\n')) {
    const m = /^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t(.*)$/.exec(l);
    if (!m) continue;
    const groups = m[2].trim().split(' ');
    if (groups.length > 2 || groups.some((g) => g.length !== 4 && g.length !== 8)) continue;
    const len = groups.reduce((s, g) => s + g.length / 2, 0);
    const insn = groups.length === 2 ? ((parseInt(groups[0], 16) << 16) | parseInt(groups[1], 16)) >>> 0 : parseInt(groups[0], 16);
    lines.push({ addr: parseInt(m[1], 16), insn, len, text: m[3] });
  }
  return lines;
}

/** Text reduced to what both disassemblers must agree on. */
export function normalise(text: string, commentChars: string): string {
  let t = text.replace(/<[^>]*>/g, '');
  for (const c of commentChars.split(' ')) {
    const i = t.indexOf(c);
    if (i >= 0) t = t.slice(0, i);
  }
  return t.replace(/\s+/g, ' ').replace(/ ?, ?/g, ',').trim();
}

export interface Agreement {
  total: number;
  agree: number;
  /** instructions our decoder does not know at all (ours print .inst): SVE, MTE ... */
  undecoded: number;
  /** the other mismatches by objdump's mnemonic: count and one example */
  byMnemonic: Map<string, { count: number; objdump: string; ours: string; insn: number; addr: number }>;
}

export function compare(lines: ObjLine[], ours: (l: ObjLine) => string, commentChars: string): Agreement {
  const res: Agreement = { total: 0, agree: 0, undecoded: 0, byMnemonic: new Map() };
  for (const l of lines) {
    res.total++;
    const want = normalise(l.text, commentChars);
    const got = normalise(ours(l), commentChars);
    // objdump leaves undefined encodings blank (only a comment): ours say .inst
    if (want === got || (want === '' && got.startsWith('.inst'))) { res.agree++; continue; }
    if (got.startsWith('.inst')) { res.undecoded++; continue; }
    const mn = want.split(' ')[0];
    const e = res.byMnemonic.get(mn);
    if (e) e.count++;
    else res.byMnemonic.set(mn, { count: 1, objdump: want, ours: got, insn: l.insn, addr: l.addr });
  }
  return res;
}

/** The most frequent mismatches, one line each. */
export function report(a: Agreement, n = 25): string {
  const rows = [...a.byMnemonic.entries()].sort((x, y) => y[1].count - x[1].count).slice(0, n);
  return [`${a.agree}/${a.total} agree (${((100 * a.agree) / Math.max(a.total, 1)).toFixed(2)}%), ${a.undecoded} not decoded by us`,
    ...rows.map(([mn, e]) => `${String(e.count).padStart(6)} ${mn.padEnd(10)} ${e.insn.toString(16).padStart(8, '0')} @${e.addr.toString(16)}  objdump: ${e.objdump}  ours: ${e.ours}`)].join('\n');
}
