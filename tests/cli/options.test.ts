import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseSize, type CliRunOptions } from '../../src/cli/options.js';
import { helpText, logHelp } from '../../src/cli/help.js';
import { UserError } from '../../src/errors.js';

const HOST = { PATH: '/bin', HOME: '/home/u' };

function run(words: string[], env: Record<string, string> = HOST): CliRunOptions {
  const c = parseCommandLine(words, env);
  if (c.kind !== 'run') throw new Error(`expected a run command, got ${c.kind}`);
  return c.options;
}

function fails(words: string[], env: Record<string, string> = HOST): UserError {
  try {
    parseCommandLine(words, env);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

describe('command line: program and guest arguments', () => {
  it('stops at the program: everything after it is the guest argv', () => {
    const o = run(['-strace', 'prog', '-L', '/x', '--help', '-s']);
    expect(o.program).toBe('prog');
    expect(o.args).toEqual(['-L', '/x', '--help', '-s']);
    expect(o.strace).toBe(true);
    expect(o.sysroot).toBeUndefined();
  });

  it("ends options at '--'", () => {
    const o = run(['--', '-prog', 'a']);
    expect(o.program).toBe('-prog');
    expect(o.args).toEqual(['a']);
  });

  it('gives defaults when nothing is set', () => {
    const o = run(['prog']);
    expect(o).toEqual({
      program: 'prog', args: [], argv0: undefined, env: ['PATH=/bin', 'HOME=/home/u'], sysroot: undefined,
      stackSize: undefined, logItems: [], logFile: undefined, strace: false, seed: undefined,
    });
  });
});

describe('command line: options', () => {
  it('accepts single-dash and double-dash spellings', () => {
    for (const words of [
      ['-L', '/sr', '-s', '1M', '-0', 'zero', '-d', 'in_asm,op', '-D', 'log.txt', '-strace', '-seed', '7', 'p'],
      ['--L', '/sr', '--s', '1M', '--0', 'zero', '--d', 'in_asm,op', '--D', 'log.txt', '--strace', '--seed', '7', 'p'],
      ['-L=/sr', '-s=1M', '-0=zero', '-d=in_asm,op', '-D=log.txt', '--strace', '--seed=7', 'p'],
    ]) {
      const o = run(words);
      expect(o.sysroot).toBe('/sr');
      expect(o.stackSize).toBe(1 << 20);
      expect(o.argv0).toBe('zero');
      expect(o.logItems).toEqual(['in_asm', 'op']);
      expect(o.logFile).toBe('log.txt');
      expect(o.strace).toBe(true);
      expect(o.seed).toBe(7);
      expect(o.program).toBe('p');
    }
  });

  it('parses stack sizes with suffixes', () => {
    expect(parseSize('8M')).toBe(8 << 20);
    expect(parseSize('512k')).toBe(512 << 10);
    expect(parseSize('512K')).toBe(512 << 10);
    expect(parseSize('1G')).toBe(1 << 30);
    expect(parseSize('0x10000')).toBe(65536);
    expect(parseSize('65536')).toBe(65536);
    expect(() => parseSize('12q')).toThrow(/invalid size/);
    expect(() => parseSize('0')).toThrow(/invalid size/);
  });

  it('-d strace means -strace; several -d accumulate', () => {
    const o = run(['-d', 'strace', '-d', 'page', 'p']);
    expect(o.strace).toBe(true);
    expect(o.logItems).toEqual(['strace', 'page']);
  });

  it('asks for help, version and the -d list', () => {
    expect(parseCommandLine(['-h']).kind).toBe('help');
    expect(parseCommandLine(['--help', 'prog']).kind).toBe('help');
    expect(parseCommandLine(['-help']).kind).toBe('help');
    expect(parseCommandLine(['-version']).kind).toBe('version');
    expect(parseCommandLine(['--version']).kind).toBe('version');
    expect(parseCommandLine(['-d', 'help']).kind).toBe('log-help');
    expect(parseCommandLine(['-d', 'in_asm,help', 'p']).kind).toBe('log-help');
  });
});

describe('command line: guest environment', () => {
  it('starts from the host environment, QEMU_* variables included (as qemu-user does)', () => {
    const o = run(['p'], { A: '1', QEMU_STRACE: '', B: '2' });
    expect(o.env).toEqual(['A=1', 'QEMU_STRACE=', 'B=2']);
  });

  it('-E sets and -U removes, comma separated, in order', () => {
    const o = run(['-E', 'X=1,Y=a=b', '-U', 'A', '-E', 'A=again', '-U', 'B,X', 'p'], { A: '1', B: '2', C: '3' });
    expect(o.env).toEqual(['C=3', 'Y=a=b', 'A=again']);
  });

  it('replaces a variable in place', () => {
    expect(run(['-E', 'B=9', 'p'], { A: '1', B: '2', C: '3' }).env).toEqual(['A=1', 'B=9', 'C=3']);
  });
});

describe('command line: QEMU_* environment variables', () => {
  it('reads every option from its variable', () => {
    const o = run(['p'], {
      QEMU_LD_PREFIX: '/sr', QEMU_STACK_SIZE: '256k', QEMU_ARGV0: 'a0', QEMU_LOG: 'cpu,exec',
      QEMU_LOG_FILENAME: '/tmp/l', QEMU_STRACE: '', QEMU_RAND_SEED: '42',
      QEMU_SET_ENV: 'N=1,M=2', QEMU_UNSET_ENV: 'GONE',
      GONE: 'x',
    });
    expect(o.sysroot).toBe('/sr');
    expect(o.stackSize).toBe(256 << 10);
    expect(o.argv0).toBe('a0');
    expect(o.logItems).toEqual(['cpu', 'exec']);
    expect(o.logFile).toBe('/tmp/l');
    expect(o.strace).toBe(true); // the variable's presence is enough
    expect(o.seed).toBe(42);
    const env = new Map(o.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    expect(env.get('N')).toBe('1');
    expect(env.get('M')).toBe('2');
    expect(env.has('GONE')).toBe(false);
    expect(env.get('QEMU_LD_PREFIX')).toBe('/sr');
  });

  it('lets the command line win over the variable', () => {
    const o = run(['-L', '/cli', '-s', '1M', '-0', 'cli0', 'p'], { QEMU_LD_PREFIX: '/env', QEMU_STACK_SIZE: '64k', QEMU_ARGV0: 'env0' });
    expect(o.sysroot).toBe('/cli');
    expect(o.stackSize).toBe(1 << 20);
    expect(o.argv0).toBe('cli0');
  });

  it('applies QEMU_SET_ENV before -U on the command line', () => {
    expect(run(['-U', 'V', 'p'], { QEMU_SET_ENV: 'V=1' }).env).toEqual(['QEMU_SET_ENV=V=1']);
  });

  it('QEMU_VERSION prints the version', () => {
    expect(parseCommandLine(['p'], { QEMU_VERSION: '' }).kind).toBe('version');
  });
});

describe('command line: errors (exit 1, one line, with a hint)', () => {
  it('reports a missing program', () => {
    const e = fails([]);
    expect(e.message).toBe("no user program specified (try 'polyemu -h' for help)");
    expect(e.code).toBe(1);
    expect(fails(['-strace']).message).toMatch(/^no user program specified/);
  });

  it('reports unknown options and missing arguments', () => {
    expect(fails(['-bogus', 'p']).message).toBe("unknown option '-bogus' (try 'polyemu -h' for help)");
    expect(fails(['--cpu', 'rv64', 'p']).message).toMatch(/^unknown option '--cpu'/);
    expect(fails(['-L']).message).toBe("missing argument for option '-L' (try 'polyemu -h' for help)");
    expect(fails(['-strace=1', 'p']).message).toMatch(/option '-strace' takes no argument/);
  });

  it('reports bad values, naming the option and its variable', () => {
    expect(fails(['-s', '12q', 'p']).message).toMatch(/^-s\/QEMU_STACK_SIZE: invalid size '12q'/);
    expect(fails(['p'], { QEMU_STACK_SIZE: 'lots' }).message).toMatch(/QEMU_STACK_SIZE: invalid size 'lots'/);
    expect(fails(['-d', 'in_asm,bogus', 'p']).message).toMatch(/^-d\/QEMU_LOG: unknown log item 'bogus'/);
    expect(fails(['-E', 'NOEQUALS', 'p']).message).toMatch(/^-E: expected var=value, got 'NOEQUALS'/);
    expect(fails(['-seed', 'abc', 'p']).message).toMatch(/-seed\/QEMU_RAND_SEED: invalid number 'abc'/);
  });
});

describe('help texts', () => {
  it('lists every option with its variable', () => {
    const h = helpText(['riscv64']);
    expect(h).toMatch(/^usage: polyemu \[options\] program \[arguments\.\.\.\]/);
    for (const [opt, env] of [['-L path', 'QEMU_LD_PREFIX'], ['-s size', 'QEMU_STACK_SIZE'], ['-E var=value', 'QEMU_SET_ENV'],
      ['-U var', 'QEMU_UNSET_ENV'], ['-0 argv0', 'QEMU_ARGV0'], ['-d item[,...]', 'QEMU_LOG'], ['-D logfile', 'QEMU_LOG_FILENAME'],
      ['-strace', 'QEMU_STRACE'], ['-seed number', 'QEMU_RAND_SEED'], ['-version', 'QEMU_VERSION']]) {
      expect(h).toMatch(new RegExp(`^${opt.replace(/[[\].]/g, '\\$&')} +${env} `, 'm'));
    }
    expect(h.split('\n').every((l) => l.length <= 100)).toBe(true);
  });

  it('-d help lists the log items', () => {
    const t = logHelp();
    for (const it of ['in_asm', 'op', 'out_asm', 'exec', 'cpu', 'unimp', 'strace', 'page']) expect(t).toMatch(new RegExp(`^${it} +\\S`, 'm'));
  });
});
