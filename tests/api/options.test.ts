/**
 * The embedding API checks its arguments: a wrong option is a TypeError that names the
 * option, what it may be and what it got, thrown before anything loads (it used to surface as
 * "TypeError: stdin.on is not a function" from deep inside).
 */
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Guest, run } from '../../src/api/index.js';

const HELLO = path.join(new URL('../..', import.meta.url).pathname, 'fixtures/aarch64/hello');

describe('embedding API options are validated', () => {
  it('run(prog, { stdin: 12345 }): a clear TypeError', async () => {
    await expect(run(HELLO, { stdin: 12345 as never })).rejects.toThrow(
      new TypeError("options.stdin: expected text, bytes (Uint8Array), a Readable stream, 'pipe', 'inherit' or 'ignore'; got the number 12345"),
    );
  });

  it('each kind of mistake names its option', async () => {
    const cases: Array<[unknown, unknown, RegExp]> = [
      [HELLO, { stdout: 'file.txt' }, /^options\.stdout: expected 'pipe', 'inherit', 'ignore' or a Writable stream; got the string "file\.txt"$/],
      [HELLO, { stderr: {} }, /^options\.stderr: .*; got an object \(Object\)$/],
      [HELLO, { args: 'one two' }, /^options\.args: expected an array of strings; got the string "one two"$/],
      [HELLO, { args: [1, 2] }, /^options\.args: expected an array of strings; got an array$/],
      [HELLO, { env: { A: 1 } }, /^options\.env: expected an object of string values/],
      [HELLO, { budget: { instructions: -1 } }, /^options\.budget: expected \{ instructions\?, timeMs\? \} with numbers >= 0/],
      [HELLO, { budget: { insns: 5 } }, /^options\.budget: /],
      [HELLO, { stackSize: '8M' }, /^options\.stackSize: expected a positive whole number of bytes; got the string "8M"$/],
      [HELLO, { strace: 'yes' }, /^options\.strace: expected true or false/],
      [HELLO, { stdni: 'text' }, /^options\.stdni: unknown option \(known: args, /],
      [HELLO, 'options', /^options: expected an object; got the string "options"$/],
      [42, {}, /^program: expected a file path or the ELF file's bytes \(Uint8Array\); got the number 42$/],
    ];
    for (const [prog, opts, msg] of cases) {
      const e = await Guest.load(prog as string, opts as never).then(() => undefined, (x: unknown) => x);
      expect(e, JSON.stringify(opts)).toBeInstanceOf(TypeError);
      expect((e as Error).message, JSON.stringify(opts)).toMatch(msg);
    }
  });

  it('the values the README lists are accepted', async () => {
    const input = new PassThrough();
    input.end('in');
    for (const opts of [
      { stdin: 'text', stdout: 'pipe', stderr: 'ignore' },
      { stdin: new Uint8Array([1]), stdout: new PassThrough(), env: ['A=b'] },
      { stdin: input, env: { A: 'b' }, args: [], budget: { instructions: 1e9 }, seed: 3, strace: false, stackSize: 1 << 20 },
      { stdin: 'pipe' as const, stdout: 'ignore' as const },
    ]) {
      const g = await Guest.load(HELLO, opts as never);
      g.stdin?.end();
      expect((await g.run()).reason).toBe('exit');
    }
  });
});
