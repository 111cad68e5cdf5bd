/**
 * The instruction-level differential test: seeded random integer instruction sequences
 * (random-program.ts) assembled into one program with the host gcc, run natively on this
 * x86-64 host (the oracle), under polyemu and under qemu-x86_64; every general register and
 * the defined flags after each sequence must agree. It cannot run on another host: it says
 * so loudly.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/api/index.js';
import { haveTool } from '../../helpers/objdump.js';
import { program, prng, SAVED, sequence, type Sequence } from './random-program.js';

const native = process.arch === 'x64' && process.platform === 'linux' && haveTool('gcc');
if (!native) console.warn('SKIPPED: the x86-64 differential test needs an x86-64 Linux host with gcc (native execution is the oracle)');
const qemu = haveTool('qemu-x86_64');
if (native && !qemu) console.warn('NOTE: qemu-x86_64 is not installed: the differential test compares with the host CPU only');

function compare(seqs: Sequence[], want: Buffer, got: Buffer, who: string): string[] {
  const cols = SAVED.length;
  const bad: string[] = [];
  seqs.forEach((s, k) => {
    const diffs: string[] = [];
    for (let i = 0; i < cols; i++) {
      const off = 8 * (k * cols + i);
      let a = want.readBigUInt64LE(off), b = got.readBigUInt64LE(off);
      if (SAVED[i] === 'rflags') { a &= BigInt(s.mask); b &= BigInt(s.mask); }
      if (a !== b) diffs.push(`${SAVED[i]}: native ${a.toString(16)} ${who} ${b.toString(16)}`);
    }
    if (diffs.length) bad.push(`sequence ${k} (flags mask ${s.mask.toString(16)}):\n  ${s.lines.join('\n  ')}\n  => ${diffs.join(', ')}`);
  });
  return bad;
}

describe('x86-64 random instruction sequences: polyemu and qemu-x86_64 against the host CPU', () => {
  for (const seed of [1, 2, 3, 4]) {
    it.skipIf(!native)(`seed ${seed}: 150 sequences of 12 instructions`, async () => {
      const rnd = prng(seed * 7919);
      const seqs = Array.from({ length: 150 }, () => sequence(rnd, 12));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-x86diff-'));
      try {
        const src = path.join(dir, 'p.S'), exe = path.join(dir, 'p');
        fs.writeFileSync(src, program(seqs));
        execFileSync('gcc', ['-nostdlib', '-static', '-o', exe, src]);
        const want = execFileSync(exe);
        expect(want.length).toBe(8 * SAVED.length * seqs.length);
        const r = await run(exe, { stdout: 'pipe', stderr: 'pipe' });
        expect({ reason: r.reason, status: r.status }).toEqual({ reason: 'exit', status: 0 });
        const bad = compare(seqs, want, r.stdoutBytes, 'polyemu');
        expect(bad.slice(0, 3).join('\n')).toBe('');
        if (qemu) {
          const q = execFileSync('qemu-x86_64', [exe]);
          expect(compare(seqs, want, q, 'qemu').slice(0, 3).join('\n')).toBe('');
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  }
});
