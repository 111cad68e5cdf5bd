import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../../src/linux/run.js';

/**
 * 32-bit ARM signal frames: tests/targets/arm/data/sigframe.elf (from sigframe.S) installs a
 * handler without SA_SIGINFO (the kernel builds the smaller sigframe, leaves r1/r2 alone and
 * returns through sigreturn) and one with SA_SIGINFO (rt_sigframe, r1 = &info, r2 = &uc,
 * rt_sigreturn), neither with SA_RESTORER, raises both and writes where the frames were.
 * sigframe.expected is what qemu-arm 7.2 wrote: [sp(main) - sp(plain handler), r2 in the
 * plain handler, sp(main) - sp(rt handler), r1 - sp, r2 - sp] as 32-bit words.
 */
const DATA = fileURLToPath(new URL('./data/', import.meta.url));

describe('arm signal frames', () => {
  it('builds sigframe without SA_SIGINFO and rt_sigframe with it, as qemu-arm does', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'armsig-')), 'frames.bin');
    const st = await runProgram({ program: DATA + 'sigframe.elf', args: [out], env: [], sysroot: '' });
    expect(st).toEqual({ status: 0, signal: 0 });
    const words = (b: Buffer) => Array.from({ length: b.length / 4 }, (_, i) => b.readInt32LE(4 * i));
    const want = words(fs.readFileSync(DATA + 'sigframe.expected'));
    expect(want).toEqual([760, 0x1234, 888, 0, 128]);
    expect(words(fs.readFileSync(out))).toEqual(want);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
