/**
 * The embedding API as a user writes against it (README "Embedding"): `from 'polyemu'`
 * (vitest.config.ts points it at src/api/index.ts; the last test checks the built package
 * entry). Programs: fixtures/<arch>/hello and fixtures/api/<arch>/api (unstripped, built by
 * fixtures/api/build.sh; argv[1] picks what it does).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { Guest, run, UserError, type SyscallCall } from 'polyemu';

const root = path.resolve(__dirname, '../..');
const fx = (p: string) => path.join(root, 'fixtures', p);
const api = (arch: string) => fx(`api/${arch}/api`);
/** the register holding the first argument of a call, by gdb's name */
const ARG0: Record<string, string> = { aarch64: 'x0', riscv64: 'a0', arm: 'r0' };
const ARCHS = ['aarch64', 'riscv64', 'arm'];

describe('run: load, run, capture', () => {
  for (const arch of ['riscv64', 'aarch64', 'arm', 'armel']) {
    it(`runs ${arch}/hello and captures its stdout`, async () => {
      const r = await run(fx(`${arch}/hello`), { env: {} });
      expect(r).toMatchObject({ reason: 'exit', status: 0, signal: 0, stdout: 'Hello, world!\n', stderr: '' });
      expect(r.stdoutBytes).toEqual(Buffer.from('Hello, world!\n'));
      expect(r.instructions).toBeGreaterThan(0);
    });
  }

  it('gives the program its arguments, environment, stdin and cwd', async () => {
    expect((await run(api('aarch64'), { args: ['upper'], stdin: 'make me loud\n' })).stdout).toBe('MAKE ME LOUD\n');
    // env is the whole environment: HOME is not passed on
    expect((await run(api('riscv64'), { args: ['env', 'GREETING'], env: { GREETING: 'hi there' } })).stdout).toBe('GREETING=hi there\n');
    expect((await run(api('riscv64'), { args: ['env', 'HOME'], env: { GREETING: 'x' } })).stdout).toBe('HOME=(unset)\n');
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-api-')));
    expect((await run(api('arm'), { args: ['cwd'], cwd: dir })).stdout).toBe(`cwd ${dir}\n`);
    fs.rmdirSync(dir);
  });

  it('reports the exit status, stderr, and death by a signal', async () => {
    const r = await run(api('arm'), { args: ['exit', '7'] });
    expect(r).toMatchObject({ reason: 'exit', status: 7, signal: 0, stdout: '', stderr: 'exiting with 7\n' });
    const s = await run(api('aarch64'), { args: ['segv'] });
    expect(s).toMatchObject({ reason: 'signal', status: 0, signal: 11, signalName: 'SIGSEGV' });
  });

  const sysroot = '/usr/aarch64-linux-gnu';
  const haveSysroot = fs.existsSync(path.join(sysroot, 'lib/ld-linux-aarch64.so.1'));
  if (!haveSysroot) console.warn(`tests/api/api.test.ts: SKIPPING the dynamic program test: no ${sysroot} (apt-get install libc6-arm64-cross)`);
  it.skipIf(!haveSysroot)('runs a dynamic program with its sysroot', async () => {
    const r = await run(fx('aarch64/dyn/hello'), { sysroot });
    expect(r).toMatchObject({ reason: 'exit', status: 0, stdout: 'Hello, world!\n' });
    // without one the ELF interpreter is missing
    await expect(run(fx('aarch64/dyn/hello'), { sysroot: '' })).rejects.toThrow(/interpreter/);
  });

  it('logs system calls to a file with strace', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-api-')), 'strace.log');
    const r = await run(api('riscv64'), { args: ['hello'], strace: true, logFile: log });
    expect(r.stdout).toBe('hello from the api fixture\n');
    expect(fs.readFileSync(log, 'utf8')).toMatch(/write\(1,0x[0-9a-f]+,27\) = 27/);
    fs.rmSync(path.dirname(log), { recursive: true });
  });

  it('runs a program given as bytes', async () => {
    const r = await run(fs.readFileSync(fx('riscv64/hello')), { name: 'hello' });
    expect(r.stdout).toBe('Hello, world!\n');
  });

  it('streams stdin and stdout', async () => {
    const g = await Guest.load(api('aarch64'), { args: ['upper'], stdin: 'pipe' });
    const seen: string[] = [];
    g.stdout.on('data', (b: Buffer) => seen.push(b.toString()));
    const ended = new Promise((resolve) => g.stdout.on('end', resolve));
    g.stdin!.write('first ');
    g.stdin!.end('second\n');
    const r = await g.run();
    await ended;
    expect(r.stdout).toBe('FIRST SECOND\n');
    expect(seen.join('')).toBe('FIRST SECOND\n');
    // or straight into a Writable of the caller's (then not kept in the result)
    const sink = new PassThrough();
    const got: Buffer[] = [];
    sink.on('data', (b: Buffer) => got.push(b));
    const r2 = await run(api('arm'), { args: ['hello'], stdout: sink });
    expect(r2.stdout).toBe('');
    expect(Buffer.concat(got).toString()).toBe('hello from the api fixture\n');
  });

  it('refuses what cannot be loaded with a UserError', async () => {
    await expect(run(fx('no/such/program'))).rejects.toThrow(UserError);
    await expect(run(fx('no/such/program'))).rejects.toThrow(/Could not open/);
    await expect(run(api('arm'), { cwd: fx('no/such/dir') })).rejects.toThrow(/not a directory/);
  });
});

describe('hooks', () => {
  it('observes system calls and replaces a result', async () => {
    const g = await Guest.load(api('aarch64'), { args: ['pid'] });
    const calls: SyscallCall[] = [];
    g.onSyscall((call) => { calls.push(call); });
    g.onSyscall('getpid', () => 42);
    const r = await g.run();
    expect(r.stdout).toBe('pid 42\n');
    const write = calls.find((c) => c.name === 'write')!;
    expect(write.args[0]).toBe(1);
    expect(write.result).toBe('pid 42\n'.length);
    expect(calls.find((c) => c.name === 'getpid')!.result).toBe(g.pid); // what the call itself returned
    expect(calls.at(-1)!.name).not.toBe('exit_group'); // exit never returns
  });

  it('answers a system call instead of running it', async () => {
    const g = await Guest.load(api('riscv64'), { args: ['hello'] });
    const written: string[] = [];
    g.onSyscallEntry('write', (call) => {
      written.push(g.readMemory(call.args[1], call.args[2]).toString());
      return call.args[2]; // "all written"
    });
    const r = await g.run();
    expect(r).toMatchObject({ reason: 'exit', status: 0, stdout: '' });
    expect(written.join('')).toBe('hello from the api fixture\n');
  });

  it('sees signals, and can drop one', async () => {
    const seen: string[] = [];
    const g = await Guest.load(api('arm'), { args: ['signal'] });
    g.onSignal((s) => { seen.push(`${s.name} ${s.sync}`); });
    expect((await g.run()).stdout).toBe('handler got signal 10\nafter raise\n');
    expect(seen).toEqual(['SIGUSR1 false']);

    const h = await Guest.load(api('arm'), { args: ['signal'] });
    h.onSignal((s) => (s.name === 'SIGUSR1' ? 0 : undefined));
    expect((await h.run()).stdout).toBe('after raise\n');

    const f = await Guest.load(api('riscv64'), { args: ['segv'] });
    const faults: Array<[string, boolean, number | undefined]> = [];
    f.onSignal((s) => { faults.push([s.name, s.sync, s.addr]); });
    expect((await f.run()).signalName).toBe('SIGSEGV');
    expect(faults).toEqual([['SIGSEGV', true, 8]]);
  });

  it('ends the run when a hook throws, with that error', async () => {
    const g = await Guest.load(api('aarch64'), { args: ['pid'] });
    g.onSyscall('getpid', () => { throw new Error('hook failed'); });
    await expect(g.run()).rejects.toThrow('hook failed');
  });
});

describe('breakpoints, registers, memory, stepping', () => {
  for (const arch of ARCHS) {
    it(`${arch}: a breakpoint on a function changes its argument register`, async () => {
      expect((await run(api(arch), { args: ['check', '7'] })).stdout).toBe('access denied\n');
      const g = await Guest.load(api(arch), { args: ['check', '7'] });
      const args: bigint[] = [];
      const at = g.addBreakpoint('check', () => {
        args.push(g.getReg(ARG0[arch]));
        g.regs[ARG0[arch]] = 42n;
      });
      expect(at).toBe(g.symbol('check'));
      const r = await g.run();
      expect(args).toEqual([7n]);
      expect(r.stdout).toBe('access granted\n');
    });
  }

  it('stops at a breakpoint, steps, reads a string argument, and continues to the end', async () => {
    const g = await Guest.load(api('aarch64'), { args: ['env', 'GREETING'], env: { GREETING: 'hello' } });
    g.addBreakpoint('getenv');
    let stop = await g.continue();
    expect(stop).toMatchObject({ reason: 'breakpoint', pc: g.symbol('getenv') });
    expect(g.pc).toBe(g.symbol('getenv'));
    const asked = [g.readCString(Number(g.regs.x0))];
    // glibc's start-up code asks for its own variables first
    while (asked.at(-1) !== 'GREETING' && asked.length < 20) {
      stop = await g.continue();
      expect(stop.reason).toBe('breakpoint');
      asked.push(g.readCString(Number(g.regs.x0)));
    }
    expect(asked.at(-1)).toBe('GREETING');
    const step = await g.step();
    expect(step).toMatchObject({ reason: 'step', pc: g.symbol('getenv')! + 4 });
    g.removeBreakpoint('getenv');
    const end = await g.continue();
    expect(end.reason).toBe('exit');
    if (end.reason === 'exit') expect(end.result.stdout).toBe('GREETING=hello\n');
  });

  it('steps from the first instruction', async () => {
    const g = await Guest.load(fx('aarch64/asm-exit'));
    const entry = g.pc;
    expect(await g.step()).toMatchObject({ reason: 'step', pc: entry + 4 });
    expect(await g.step()).toMatchObject({ reason: 'step', pc: entry + 8 });
    expect(g.pc).toBe(entry + 8);
    const end = await g.continue();
    expect(end.reason).toBe('exit');
  });

  it('watches writes to a variable and rewrites it', async () => {
    const g = await Guest.load(api('riscv64'), { args: ['count'] });
    const addr = g.symbol('counter')!;
    const values: bigint[] = [];
    g.watch('counter', 8, 'w', (stop) => {
      expect(stop).toMatchObject({ reason: 'watch', addr, access: 'w' });
      values.push(g.readMemory(addr, 8).readBigInt64LE());
      if (values.length === 5) g.writeMemory(addr, Buffer.from([100, 0, 0, 0, 0, 0, 0, 0]));
    });
    const r = await g.run();
    expect(values).toEqual([1n, 3n, 6n, 10n, 15n]);
    expect(r.stdout).toBe('counter 100\n');
  });

  it('rejects unknown symbols, registers and unmapped memory', async () => {
    const g = await Guest.load(api('arm'));
    expect(() => g.addBreakpoint('no_such_function')).toThrow(/no symbol/);
    expect(() => g.getReg('x0')).toThrow(/no register 'x0'/);
    expect(() => g.readMemory(0, 4)).toThrow(/not mapped/);
    expect((await g.kill()).reason).toBe('killed');
  });
});

describe('budget, pause, kill', () => {
  it('stops an endless loop after a budget of instructions', async () => {
    const r = await run(api('aarch64'), { args: ['loop'], budget: { instructions: 2_000_000 } });
    expect(r).toMatchObject({ reason: 'budget', signal: 9 });
    expect(r.instructions).toBeGreaterThanOrEqual(2_000_000);
    expect(r.instructions).toBeLessThan(2_000_000 + 1000);
  });

  it('stops an endless loop after a budget of time', async () => {
    const r = await run(api('riscv64'), { args: ['loop'], budget: { timeMs: 200 } });
    expect(r.reason).toBe('budget');
    expect(r.instructions).toBeGreaterThan(0);
  });

  it('stops a guest waiting for input after a budget of time', async () => {
    const r = await run(api('aarch64'), { args: ['upper'], stdin: 'pipe', budget: { timeMs: 100 } });
    expect(r).toMatchObject({ reason: 'budget', stdout: '' });
  });

  it('pauses a running guest, then kills it', async () => {
    const g = await Guest.load(api('arm'), { args: ['loop'] });
    let spin = 0;
    for (let tries = 0; spin === 0 && tries < 100; tries++) { // until it has reached the loop
      const running = g.continue();
      setTimeout(() => g.pause(), 50);
      expect(await running).toMatchObject({ reason: 'pause', tid: g.pid });
      spin = g.readMemory(g.symbol('spin')!, 4).readUInt32LE();
    }
    expect(spin).toBeGreaterThan(0);
    const r = await g.kill();
    expect(r).toMatchObject({ reason: 'killed', signal: 9 });
  });
});

describe('several guests in one Node process', () => {
  it('run at the same time with their output kept apart', async () => {
    const order: string[] = [];
    const a = await Guest.load(api('aarch64'), { args: ['talk', 'A'] });
    const b = await Guest.load(api('riscv64'), { args: ['talk', 'B'] });
    a.stdout.on('data', () => order.push('A'));
    b.stdout.on('data', () => order.push('B'));
    b.onSyscall('getpid', () => 42); // hooks belong to one guest
    const [ra, rb] = await Promise.all([a.run(), b.run()]);
    const lines = (tag: string) => Array.from({ length: 20 }, (_, i) => `${tag} ${i}\n`).join('');
    expect(ra.stdout).toBe(lines('A'));
    expect(rb.stdout).toBe(lines('B'));
    // they took turns: B wrote before A was done
    expect(order.indexOf('B')).toBeLessThan(order.lastIndexOf('A'));
  });

  it('leaves the host process alone: no signal listeners, no exit code', async () => {
    const before = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
    const g = await Guest.load(api('aarch64'), { args: ['catch-int'] });
    let during: number[] = [];
    g.onSyscall('write', () => { during = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s)); });
    const r = await g.run();
    expect(r.stdout).toBe('handlers set\n');
    expect(during).toEqual(before); // the guest's SIGINT handler did not hook the host's SIGINT
    expect(process.exitCode).toBeUndefined();
  });
});

describe('the package entry', () => {
  const entry = path.join(root, 'dist/src/api/index.js');
  const built = fs.existsSync(entry) && fs.existsSync(path.join(root, 'dist/src/api/index.d.ts'));
  if (!built) console.warn('tests/api/api.test.ts: SKIPPING the package entry test: dist/ is not built (npm run build)');
  it.skipIf(!built)("import { run } from 'polyemu' works in Node from the built package", () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e',
      `import { run } from 'polyemu'; const r = await run(${JSON.stringify(fx('aarch64/hello'))}); process.stdout.write(r.stdout);`,
    ], { cwd: root, encoding: 'utf8' });
    expect(out).toBe('Hello, world!\n');
  });
});
