// The debugging core (src/core/engine/debug.ts, debug-run.ts and the kernel's stops) on fixture
// binaries for riscv64, aarch64 and arm: breakpoints, single steps (checked against
// qemu-user's one-instruction-per-block exec trace when qemu is installed), watchpoints,
// requestStop, kill, the instruction budget and signal stops.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { prepareProgram } from '../../src/linux/run.js';
import { runProcess } from '../../src/linux/kernel.js';
import type { ExitStatus } from '../../src/linux/run.js';
import { Debugger, type StopAction, type StopReason } from '../../src/core/engine/debug.js';
import { readSymbols } from '../../src/api/symbols.js';
import type { Process } from '../../src/linux/process.js';
import type { Task } from '../../src/linux/task.js';

const ARCHES = ['riscv64', 'aarch64', 'arm'] as const;
type Arch = (typeof ARCHES)[number];
const QEMU: Record<Arch, string> = { riscv64: 'qemu-riscv64', aarch64: 'qemu-aarch64', arm: 'qemu-arm' };

/**
 * Tiny programs poked over the entry point (machine code from the Debian cross assemblers;
 * the fixtures' _start is A32 on arm for asm-exit):
 *  loop:  1: j 1b
 *  ppoll: ppoll(NULL, 0, NULL, NULL) (waits forever); then loop
 *  fault: load from address 0, then exit(7)       (the load is the 2nd instruction)
 *  kill:  kill(getpid(), SIGUSR1), then exit(3)
 *  pipe:  pipe2(sp), read(its read end, sp + 8, 1) (waits forever), exit_group(read's result)
 */
const CODE: Record<Arch, Record<'loop' | 'ppoll' | 'fault' | 'kill' | 'pipe', number[]>> = {
  riscv64: {
    loop: [0x0000006f],
    ppoll: [0x00000513, 0x00000593, 0x00000613, 0x00000693, 0x04900893, 0x00000073, 0x0000006f],
    fault: [0x00000593, 0x0005a503, 0x00700513, 0x05d00893, 0x00000073],
    kill: [0x0ac00893, 0x00000073, 0x00a00593, 0x08100893, 0x00000073, 0x00300513, 0x05d00893, 0x00000073],
    pipe: [0x00010513, 0x00000593, 0x03b00893, 0x00000073, 0x00012503, 0x00810593, 0x00100613, 0x03f00893, 0x00000073,
      0x05e00893, 0x00000073],
  },
  aarch64: {
    loop: [0x14000000],
    ppoll: [0xd2800000, 0xd2800001, 0xd2800002, 0xd2800003, 0xd2800928, 0xd4000001, 0x14000000],
    fault: [0xd2800001, 0xb9400020, 0xd28000e0, 0xd2800ba8, 0xd4000001],
    kill: [0xd2801588, 0xd4000001, 0xd2800141, 0xd2801028, 0xd4000001, 0xd2800060, 0xd2800ba8, 0xd4000001],
    pipe: [0x910003e0, 0xd2800001, 0xd2800768, 0xd4000001, 0xb94003e0, 0x910023e1, 0xd2800022, 0xd28007e8, 0xd4000001,
      0xd2800bc8, 0xd4000001],
  },
  arm: {
    loop: [0xeafffffe],
    ppoll: [0xe3a00000, 0xe3a01000, 0xe3a02000, 0xe3a03000, 0xe3007150, 0xef000000, 0xeafffffe],
    fault: [0xe3a01000, 0xe5910000, 0xe3a00007, 0xe3a07001, 0xef000000],
    kill: [0xe3a07014, 0xef000000, 0xe3a0100a, 0xe3a07025, 0xef000000, 0xe3a00003, 0xe3a07001, 0xef000000],
    pipe: [0xe1a0000d, 0xe3a01000, 0xe3007167, 0xef000000, 0xe59d0000, 0xe28d1008, 0xe3a02001, 0xe3a07003, 0xef000000,
      0xe3a070f8, 0xef000000],
  },
};

const fixture = (arch: Arch, name: string) => `fixtures/${arch}/${name}`;

/**
 * the environment the step and breakpoint tests give both emulators (it makes asm-args
 * longer); one variable: qemu-user hands several to the guest in reverse order
 */
const ENV = { ALPHA: `one two three ${'x'.repeat(40)}` };

function load(program: string, args: string[] = []): { proc: Process; dbg: Debugger<Task> } {
  const { proc } = prepareProgram({ program, args, env: Object.entries(ENV).map(([k, v]) => `${k}=${v}`) });
  const dbg = new Debugger<Task>();
  proc.debug = dbg;
  return { proc, dbg };
}

/** Write `words` (little-endian) at the process's current pc (its ELF entry before it runs). */
function poke(proc: Process, words: number[]): number {
  const at = proc.cpu.pc & ~1;
  const bytes = new Uint8Array(words.length * 4);
  const dv = new DataView(bytes.buffer);
  words.forEach((w, i) => dv.setUint32(4 * i, w, true));
  proc.mem.poke(at, bytes);
  return at;
}

/** Run with a stop handler that sees every stop; resolves with the exit status. */
function run(proc: Process, dbg: Debugger<Task>, onStop: (t: Task, why: StopReason) => StopAction | void | Promise<StopAction | void>): Promise<ExitStatus> {
  dbg.onStop = onStop;
  return runProcess(proc);
}

/** qemu-user's trace of every instruction's pc, or undefined when qemu is not installed. */
function qemuTrace(arch: Arch, program: string, args: string[]): number[] | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'polyemu-dbg-'));
  try {
    const log = join(dir, 'trace');
    try {
      execFileSync(QEMU[arch], ['-singlestep', '-d', 'exec,nochain', '-D', log, program, ...args], { env: ENV, stdio: 'ignore' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    }
    const pcs: number[] = [];
    for (const m of readFileSync(log, 'utf8').matchAll(/^Trace \d+: 0x[0-9a-f]+ \[[0-9a-f]+\/([0-9a-f]+)\//gm)) pcs.push(parseInt(m[1], 16));
    return pcs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function noQemu(arch: Arch, what: string): void {
  console.warn(`debug.test: SKIPPED ${what} on ${arch}: ${QEMU[arch]} is not installed (it is the oracle)`);
}

describe.each(ARCHES)('debugger on %s', (arch) => {
  test('a breakpoint at the ELF entry stops there, before anything runs', async () => {
    const { proc, dbg } = load(fixture(arch, 'asm-hello'));
    const entry = proc.cpu.pc & ~1;
    dbg.addBreakpoint(entry);
    const stops: Array<[StopReason, number, number]> = [];
    const exits: unknown[] = [];
    dbg.onExit = (e) => exits.push(e);
    const st = await run(proc, dbg, (t, why) => { stops.push([why, dbg.cpuOf(t).pc & ~1, dbg.icount]); });
    expect(stops).toEqual([[{ kind: 'breakpoint', pc: entry }, entry, 0]]);
    expect(st).toEqual({ status: 0, signal: 0 });
    expect(exits).toEqual([{ status: 0, signal: 0 }]);
  });

  test('stopAtStart, then N single steps follow qemu-user instruction by instruction', async (ctx) => {
    const args = ['one', 'two'];
    const program = fixture(arch, 'asm-args');
    const trace = qemuTrace(arch, program, args);
    if (!trace) { noQemu(arch, 'the step trace'); ctx.skip(); return; }
    const { proc, dbg } = load(program, args);
    dbg.stopAtStart = true;
    const pcs: number[] = [];
    const st = await run(proc, dbg, (t, why) => {
      if (why.kind === 'interrupt') pcs.push(dbg.cpuOf(t).pc & ~1);
      else if (why.kind === 'step') {
        expect(why.pc).toBe(dbg.cpuOf(t).pc & ~1);
        pcs.push(why.pc);
      } else throw new Error(`unexpected stop ${JSON.stringify(why)}`);
      dbg.stepping = true;
    });
    expect(st).toEqual({ status: 0, signal: 0 });
    // qemu's trace ends with the exit syscall instruction; our last step stop is before it runs
    expect(pcs.length).toBeGreaterThan(300);
    expect(pcs).toEqual(trace.slice(0, pcs.length));
    expect(pcs.length).toBe(trace.length);
  });

  test('breakpoints hit as often as qemu-user runs those instructions; resuming runs the instruction', async (ctx) => {
    const args = ['x', 'y', 'z'];
    const program = fixture(arch, 'asm-args');
    const trace = qemuTrace(arch, program, args);
    if (!trace) { noQemu(arch, 'the breakpoint counts'); ctx.skip(); return; }
    const counts = new Map<number, number>();
    for (const pc of trace) counts.set(pc, (counts.get(pc) ?? 0) + 1);
    const chosen = [...counts].filter(([, n]) => n >= 3 && n <= 40).map(([pc]) => pc).slice(0, 12);
    expect(chosen.length).toBeGreaterThan(3);
    const { proc, dbg } = load(program, args);
    for (const pc of chosen) dbg.addBreakpoint(pc);
    const hits = new Map<number, number>();
    const st = await run(proc, dbg, (t, why) => {
      expect(why.kind).toBe('breakpoint');
      const pc = (why as { pc: number }).pc;
      expect(dbg.cpuOf(t).pc & ~1).toBe(pc);
      hits.set(pc, (hits.get(pc) ?? 0) + 1);
    });
    expect(st).toEqual({ status: 0, signal: 0 });
    expect(new Map(chosen.map((pc) => [pc, hits.get(pc) ?? 0]))).toEqual(new Map(chosen.map((pc) => [pc, counts.get(pc)])));
  });

  test('a breakpoint in a C function (symbol address), removed after its first hit', async () => {
    const program = `fixtures/gdb/${arch}/dbg`;
    const syms = readSymbols(readFileSync(program), 0);
    const fn = syms.get('square')!;
    expect(fn).toBeDefined();
    const { proc, dbg } = load(program);
    dbg.addBreakpoint(fn.addr);
    let hits = 0;
    const out: number[] = [];
    const st = await run(proc, dbg, (t, why) => {
      hits++;
      expect(why).toEqual({ kind: 'breakpoint', pc: fn.addr & ~1 });
      out.push(dbg.threads().length);
      if (hits === 2) dbg.removeBreakpoint(fn.addr);
    });
    expect(hits).toBe(2);
    expect(out).toEqual([1, 1]);
    expect(st).toEqual({ status: 0, signal: 0 });
  });

  test('a write watchpoint on a global stops after each store, with the storing pc', async () => {
    const program = `fixtures/gdb/${arch}/dbg`;
    const syms = readSymbols(readFileSync(program), 0);
    const counter = syms.get('counter')!;
    const acc = syms.get('accumulate')!;
    const { proc, dbg } = load(program);
    dbg.addWatch(counter.addr, 4, 'w');
    const seen: number[] = [];
    const st = await run(proc, dbg, (t, why) => {
      if (why.kind !== 'watch') throw new Error(`unexpected stop ${JSON.stringify(why)}`);
      expect(why.addr).toBe(counter.addr);
      expect(why.access).toBe('w');
      const base = acc.addr & ~1;
      expect(why.pc >= base && why.pc < base + acc.size).toBe(true);
      // the store has happened; the pc is past it
      seen.push(proc.mem.read32(counter.addr));
      expect(dbg.cpuOf(t).pc & ~1).not.toBe(why.pc);
    });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(st).toEqual({ status: 0, signal: 0 });
  });

  test('a read watchpoint reports the loads; removing it ends the stops', async () => {
    const program = `fixtures/gdb/${arch}/dbg`;
    const counter = readSymbols(readFileSync(program), 0).get('counter')!;
    const { proc, dbg } = load(program);
    const id = dbg.addWatch(counter.addr, 4, 'r');
    const values: number[] = [];
    const st = await run(proc, dbg, (_t, why) => {
      expect(why).toMatchObject({ kind: 'watch', access: 'r', addr: counter.addr });
      values.push(proc.mem.read32(counter.addr));
      if (values.length === 3) dbg.removeWatch(id);
    });
    // counter = counter + 1 loads it before each store: the value read is the old one
    expect(values).toEqual([0, 1, 2]);
    expect(st).toEqual({ status: 0, signal: 0 });
  });

  test('requestStop stops a guest in a tight loop; kill ends the run', async () => {
    const { proc, dbg } = load(fixture(arch, 'asm-exit'));
    const at = poke(proc, CODE[arch].loop);
    const stops: StopReason[] = [];
    setTimeout(() => dbg.requestStop(), 50);
    const st = await run(proc, dbg, (t, why) => {
      stops.push(why);
      expect(dbg.cpuOf(t).pc & ~1).toBe(at);
      return { kill: true };
    });
    expect(stops).toEqual([{ kind: 'interrupt' }]);
    expect(st).toEqual({ status: 0, signal: 9, killed: true });
  });

  test('requestStop stops a guest parked in a blocking syscall; kill releases the wait', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    let during = 0;
    const { proc, dbg } = load(fixture(arch, 'asm-exit'));
    poke(proc, CODE[arch].ppoll);
    const stops: StopReason[] = [];
    setTimeout(() => dbg.requestStop(), 50);
    const st = await run(proc, dbg, (t, why) => {
      stops.push(why);
      expect(t.state).toBe('parked');
      during = timers(); // the parked call's keep-alive timer among them
      return { kill: true };
    });
    expect(stops).toEqual([{ kind: 'interrupt' }]);
    expect(st).toEqual({ status: 0, signal: 9, killed: true });
    // no keep-alive timer of the abandoned ppoll is left to hold Node's event loop
    await new Promise((r) => setImmediate(r));
    expect(timers()).toBeLessThan(during);
  });

  test('insnLimit stops the run at the budget (block granularity), raising it goes on', async () => {
    const { proc, dbg } = load(fixture(arch, 'asm-fib'));
    dbg.insnLimit = 5000;
    const counts: number[] = [];
    const st = await run(proc, dbg, (_t, why) => {
      expect(why).toEqual({ kind: 'budget' });
      counts.push(dbg.icount);
      dbg.insnLimit = counts.length < 3 ? dbg.insnLimit + 100_000 : Infinity;
    });
    expect(counts.length).toBe(3);
    expect(counts[0]).toBeGreaterThanOrEqual(5000);
    expect(counts[0]).toBeLessThan(5000 + 64);
    expect(counts[2]).toBeGreaterThanOrEqual(205_000);
    expect(st).toEqual({ status: 55, signal: 0 });
  });

  test('a breakpoint set in hot code that is already compiled (multi-block regions) still stops', async () => {
    const { proc, dbg } = load(fixture(arch, 'asm-fib'));
    dbg.insnLimit = 2_000_000; // inside the fib recursion (hot: compiled as regions by now)
    const steps: number[] = [];
    let bp = -1;
    let hits = 0;
    const st = await run(proc, dbg, (t, why) => {
      if (why.kind === 'budget') {
        dbg.insnLimit = Infinity;
        dbg.stepping = true;
        return;
      }
      if (why.kind === 'step') {
        steps.push(why.pc);
        dbg.stepping = steps.length < 5;
        if (steps.length === 5) dbg.addBreakpoint((bp = steps[2]));
        return;
      }
      expect(why).toEqual({ kind: 'breakpoint', pc: bp });
      expect(dbg.cpuOf(t).pc & ~1).toBe(bp);
      if (++hits === 3) dbg.removeBreakpoint(bp);
    });
    expect(hits).toBe(3);
    expect(st).toEqual({ status: 55, signal: 0 });
  });

  test('a fault stops as a signal; suppressed it faults again; skipped over, the program goes on', async () => {
    const { proc, dbg } = load(fixture(arch, 'asm-exit'));
    const at = poke(proc, CODE[arch].fault);
    const stops: Array<[StopReason, number]> = [];
    const st = await run(proc, dbg, (t, why) => {
      const cpu = dbg.cpuOf(t);
      stops.push([why, cpu.pc - at]);
      if (stops.length === 1) return { signal: 0 };
      cpu.pc += 4; // over the load
      return { signal: 0 };
    });
    expect(stops).toEqual([[{ kind: 'signal', sig: 11 }, 4], [{ kind: 'signal', sig: 11 }, 4]]);
    expect(st).toEqual({ status: 7, signal: 0 });
  });

  test('a fault delivered after its stop kills as without a debugger; reportSignals=false skips the stop', async () => {
    const a = load(fixture(arch, 'asm-exit'));
    poke(a.proc, CODE[arch].fault);
    let n = 0;
    expect(await run(a.proc, a.dbg, () => { n++; })).toEqual({ status: 0, signal: 11 });
    expect(n).toBe(1);
    const b = load(fixture(arch, 'asm-exit'));
    poke(b.proc, CODE[arch].fault);
    b.dbg.reportSignals = false;
    expect(await run(b.proc, b.dbg, () => { throw new Error('no stop expected'); })).toEqual({ status: 0, signal: 11 });
  });

  test('an asynchronous signal (kill to itself) stops; another signal may replace it', async () => {
    const a = load(fixture(arch, 'asm-exit'));
    poke(a.proc, CODE[arch].kill);
    const stops: StopReason[] = [];
    expect(await run(a.proc, a.dbg, (_t, why) => { stops.push(why); return { signal: 0 }; })).toEqual({ status: 3, signal: 0 });
    expect(stops).toEqual([{ kind: 'signal', sig: 10 }]);
    const b = load(fixture(arch, 'asm-exit'));
    poke(b.proc, CODE[arch].kill);
    expect(await run(b.proc, b.dbg, (_t, why) => (why.kind === 'signal' && why.sig === 10 ? { signal: 15 } : {})))
      .toEqual({ status: 0, signal: 15 });
  });

  test('a fatal signal to a guest parked in read(2), suppressed at its stop, makes the read fail with EINTR', async () => {
    const { proc, dbg } = load(fixture(arch, 'asm-exit'));
    poke(proc, CODE[arch].pipe);
    setTimeout(() => proc.kernel!.postTo(proc, 15, { signo: 15, code: 0, shared: true }), 50);
    const stops: StopReason[] = [];
    const st = await run(proc, dbg, (_t, why) => { stops.push(why); return { signal: 0 }; });
    expect(stops).toEqual([{ kind: 'signal', sig: 15 }]);
    expect(st).toEqual({ status: 256 - 4, signal: 0 }); // exit_group(-EINTR)
  });

  test('stepping into a syscall performs it; stepping onto a faulting instruction reports the signal', async () => {
    const { proc, dbg } = load(fixture(arch, 'asm-exit'));
    const at = poke(proc, CODE[arch].fault);
    dbg.stopAtStart = true;
    const stops: Array<[string, number]> = [];
    const st = await run(proc, dbg, (t, why) => {
      const cpu = dbg.cpuOf(t);
      stops.push([why.kind, cpu.pc - at]);
      dbg.stepping = true;
      if (why.kind === 'signal') { cpu.pc += 4; return { signal: 0 }; }
    });
    // start, step (li), the load faults (no step), then steps over the next two, then the exit call
    expect(stops).toEqual([['interrupt', 0], ['step', 4], ['signal', 4], ['step', 12], ['step', 16]]);
    expect(st).toEqual({ status: 7, signal: 0 });
  });
});

test.each(ARCHES)('threads on %s: stops name the running thread, cpuOf reads the others, a step stays on its thread', async (arch) => {
  const { proc, dbg } = load(fixture(arch, 'tasks'), ['threads']);
  dbg.insnLimit = 20_000;
  const seen = new Set<number>();
  let stepper: Task | undefined;
  let checked = 0;
  const st = await run(proc, dbg, (t, why) => {
    expect(dbg.threads()).toContain(t);
    seen.add(t.tid);
    for (const o of dbg.threads()) {
      if (o === t) continue;
      expect(dbg.cpuOf(o)).not.toBe(proc.cpu);
      expect(dbg.cpuOf(o).pc).toBe(o.ctx!.cpu.pc);
      checked++;
    }
    expect(dbg.cpuOf(t)).toBe(proc.cpu);
    if (why.kind === 'step') {
      expect(t).toBe(stepper);
      dbg.stepping = false;
    } else {
      expect(why.kind).toBe('budget');
      if (!stepper && dbg.threads().length > 2) {
        stepper = t;
        dbg.stepping = true;
      }
    }
    dbg.insnLimit = dbg.icount + 20_000;
  });
  expect(st).toEqual({ status: 0, signal: 0 });
  expect(stepper).toBeDefined();
  expect(seen.size).toBeGreaterThan(2);
  expect(checked).toBeGreaterThan(10);
});

test('without a debugger the same program runs as before', async () => {
  const { proc } = prepareProgram({ program: fixture('riscv64', 'asm-fib'), args: [], env: [] });
  expect(proc.debug).toBeUndefined();
  expect(await runProcess(proc)).toEqual({ status: 55, signal: 0 });
});
