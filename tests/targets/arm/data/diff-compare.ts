/**
 * The live mode of gen-diff.ts (`--compare`): build a generated program, run it under
 * qemu-arm and polyemu, report the differing rounds and bisect each to the first sequence item
 * after which the states differ.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from './gen-diff.js';

/** what gen-diff.ts provides (passed in: gen-diff.ts loads this module from its main) */
export interface DiffGen {
  generate(opt: Options): string;
  describeOffset(o: number): string;
  roundBytes: number;
}

/** build the program for `opt` in `dir`, run it under qemu-arm and polyemu: both outputs */
function runBoth(g: DiffGen, opt: Options, dir: string): { want: Buffer; got: Buffer; status: string } {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  fs.writeFileSync(path.join(dir, 'diff.S'), g.generate(opt));
  const elf = path.join(dir, 'diff.elf');
  execFileSync('arm-linux-gnueabihf-gcc', ['-nostdlib', '-static', '-o', elf, path.join(dir, 'diff.S')], { stdio: 'inherit' });
  for (const f of ['want.bin', 'got.bin']) fs.rmSync(path.join(dir, f), { force: true });
  const q = spawnSync('qemu-arm', [elf, path.join(dir, 'want.bin')], { stdio: 'inherit' });
  const p = spawnSync(path.join(root, 'bin/polyemu'), [elf, path.join(dir, 'got.bin')], { stdio: 'inherit' });
  const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f)) : Buffer.alloc(0));
  return { want: read('want.bin'), got: read('got.bin'), status: `qemu-arm ${q.status ?? q.signal}, polyemu ${p.status ?? p.signal}` };
}

/** the registers / regions that differ in round r, with both values for registers */
function roundDiff(g: DiffGen, want: Buffer, got: Buffer, r: number): string[] {
  const ROUND_BYTES = g.roundBytes;
  const w = want.subarray(r * ROUND_BYTES, (r + 1) * ROUND_BYTES);
  const gr = got.subarray(r * ROUND_BYTES, (r + 1) * ROUND_BYTES);
  const diffs = new Set<string>();
  for (let i = 0; i < ROUND_BYTES; i++) if (w[i] !== gr[i]) diffs.add(g.describeOffset(i).replace(/ \(.*/, '').replace(/byte \d+/, 'bytes'));
  const word = (b: Buffer, o: number) => (o + 4 <= b.length ? b.readUInt32LE(o).toString(16).padStart(8, '0') : '--------');
  return [...diffs].map((d) => {
    const m = /^r(\d+)$|^(apsr)$|^(fpscr)$|^d(\d+)$/.exec(d);
    if (!m) return d;
    const o = m[1] ? 4 * +m[1] : m[2] ? 52 : m[3] ? 56 : 60 + 8 * +m[4];
    const n = m[4] ? 2 : 1;
    const show = (b: Buffer) => Array.from({ length: n }, (_, k) => word(b, o + 4 * (n - 1 - k))).join('');
    return `${d}: qemu ${show(w)} polyemu ${show(gr)}`;
  });
}

/**
 * Run `opt` under both; for each differing round, bisect its sequence to the first item after
 * which the states differ and print it. Returns the number of differing rounds.
 */
export function compareLive(g: DiffGen, opt: Options): number {
  const ROUND_BYTES = g.roundBytes;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armdiff-'));
  const items: string[][] = [];
  const { want, got, status } = runBoth(g, { ...opt, items }, dir);
  console.log(`${dir}: ${status}; ${want.length} / ${got.length} bytes`);
  let bad = 0;
  for (let r = 0; r * ROUND_BYTES < want.length; r++) {
    const d = roundDiff(g, want, got, r);
    if (!d.length) continue;
    bad++;
    console.log(`round ${r}: ${d.join('; ')}`);
    if (bad > 3) continue;
    let lo = 0, hi = items[r].length; // states agree after lo items, differ after hi
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const x = runBoth(g, { ...opt, cut: { round: r, len: mid } }, dir);
      if (roundDiff(g, x.want, x.got, r).length) hi = mid;
      else lo = mid;
    }
    const x = runBoth(g, { ...opt, cut: { round: r, len: hi } }, dir);
    console.log(`  first difference after item ${hi - 1}:\n    ${items[r][hi - 1].replace(/\n/g, '\n    ')}\n  ${roundDiff(g, x.want, x.got, r).join('\n  ')}`);
  }
  console.log(bad ? `${bad} round(s) differ` : 'same');
  return bad || want.length !== got.length ? 1 : 0;
}

