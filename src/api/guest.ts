/**
 * Guest: one guest program loaded into this Node process, to run, inspect and steer. Nothing
 * runs until continue(), step() or run(). Breakpoints, watchpoints, single steps, pause and
 * the budget go through the debugging core (src/core/engine/debug.ts); syscall and signal hooks
 * through Process.hooks (src/linux/hooks.ts). Everything hangs off the Guest: any number of
 * guests run side by side, each with its own output, and none touches process-wide Node
 * state (signal listeners, exit code, the host's stdin) unless asked to ('inherit').
 */
import * as fs from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Process } from '../linux/process.js';
import { validateOptions } from './validate.js';
import type { Task } from '../linux/task.js';
import type { Cpu } from '../core/cpu.js';
import type { DebugReg } from '../core/isa.js';
import type { Target } from '../../targets/target.js';
import { runProcess } from '../linux/kernel.js';
import type { ExitStatus } from '../linux/run.js';
import { Debugger, insnAddr, type StopAction, type StopReason } from '../core/engine/debug.js';
import { UserError } from '../errors.js';
import { GuestExit } from '../linux/errors.js';
import { GuestFault } from '../core/memory/flat.js';
import { hostEnvironment, prepareProgram } from '../linux/run.js';
import { archOf } from '../../syscalls/arch.js';
import type { SigInfo } from '../../syscalls/signal/state.js';
import { setupStdio, type Output } from './stdio.js';
import { readSymbols, type ElfSymbol } from './symbols.js';
import { readReg, regTable, writeReg } from './regs.js';
import type { GuestOptions, RunResult, SignalEvent, Stop, SyscallCall } from './types.js';

type Callback<T, R = unknown> = (ev: T) => R | Promise<R>;
type SyscallHook = { names?: Set<string>; cb: (call: SyscallCall) => number | undefined | void };
type Access = 'r' | 'w' | 'rw';

export class Guest {
  /** the guest's stdout/stderr as they are written (with the 'pipe' option, the default) */
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** with stdin: 'pipe': write the guest's input here, end() for end of file */
  readonly stdin: Writable | undefined;
  /** registers of the stopped thread by name (gdb's names), as unsigned BigInts: `g.regs.x0 = 5n` */
  readonly regs: Record<string, bigint>;

  private readonly dbg = new Debugger<Task>();
  private readonly out: Output;
  private readonly err: Output;
  private state: 'loaded' | 'running' | 'stopped' | 'exited' = 'loaded';
  private result: RunResult | undefined;
  private failure: unknown;
  private readonly done: Promise<RunResult>;
  private settle!: { resolve: (r: RunResult) => void; reject: (e: unknown) => void };
  private waiter: { resolve: (s: Stop) => void; reject: (e: unknown) => void } | undefined;
  private resume: ((a: StopAction | void) => void) | undefined;
  private stopTask: Task | undefined;
  /** run(): go through stops (callbacks still run) */
  private free = false;
  private atStart = false;
  private budgetHit = false;
  private timeUp = false;
  private killWanted = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly bpCallbacks = new Map<number, Array<Callback<Stop>>>();
  private readonly watches = new Map<number, { addr: number; len: number; cb?: Callback<Stop> }>();
  private readonly syscallEntry: SyscallHook[] = [];
  private readonly syscallExit: SyscallHook[] = [];
  private readonly signalHooks: Array<(ev: SignalEvent) => number | undefined | void> = [];
  private symbolMap: Map<string, ElfSymbol> | undefined;
  private table: { target: Target; regs: Map<string, DebugReg> } | undefined;

  private constructor(
    private readonly proc: Process,
    private readonly image: () => Buffer,
    private readonly bias: number,
    private readonly opts: GuestOptions,
  ) {
    const io = setupStdio(proc, opts.stdin, opts.stdout, opts.stderr);
    this.out = io.stdout;
    this.err = io.stderr;
    this.stdout = io.stdout.stream;
    this.stderr = io.stderr.stream;
    this.stdin = io.stdin;
    this.done = new Promise<RunResult>((resolve, reject) => { this.settle = { resolve, reject }; });
    this.done.catch(() => { /* reported to whoever awaits run() */ });
    const dbg = this.dbg;
    dbg.reportSignals = false; // signals reach onSignal through the hooks instead
    if (opts.budget?.instructions !== undefined) dbg.insnLimit = opts.budget.instructions;
    dbg.onStop = (task, why) => this.stopped(task, why);
    proc.debug = dbg;
    this.regs = new Proxy({} as Record<string, bigint>, {
      get: (_, k) => (typeof k === 'string' && this.regTable().has(k) ? this.getReg(k) : undefined),
      set: (_, k, v) => { this.setReg(String(k), v as bigint); return true; },
      has: (_, k) => typeof k === 'string' && this.regTable().has(k),
      ownKeys: () => [...this.regTable().keys()],
      getOwnPropertyDescriptor: (_, k) => (typeof k === 'string' && this.regTable().has(k)
        ? { value: this.getReg(k), writable: true, enumerable: true, configurable: true } : undefined),
    });
  }

  /**
   * Load a program (a host path, or the ELF file's bytes) with its arguments, environment,
   * stdio, cwd and sysroot. Throws UserError ("polyemu: ..." messages) when it cannot be loaded.
   */
  static async load(program: string | Uint8Array, opts: GuestOptions = {}): Promise<Guest> {
    validateOptions(program, opts);
    const bytes = typeof program === 'string' ? undefined : Buffer.from(program);
    const name = typeof program === 'string' ? program : opts.name ?? 'program';
    const env = opts.env === undefined ? hostEnvironment()
      : Array.isArray(opts.env) ? opts.env : Object.entries(opts.env).map(([k, v]) => `${k}=${v}`);
    const { proc, info } = prepareProgram({
      program: name, image: bytes, args: opts.args, argv0: opts.argv0, env, sysroot: opts.sysroot, cwd: opts.cwd,
      stackSize: opts.stackSize, seed: opts.seed, strace: opts.strace, logFile: opts.logFile,
    });
    const image = () => bytes ?? fs.readFileSync(name);
    return new Guest(proc, image, info.exe.bias, opts);
  }

  /** the target's name: 'riscv64', 'aarch64', 'arm' */
  get arch(): string { return this.proc.target.name; }
  /** the guest's process id */
  get pid(): number { return this.proc.pid; }
  /** guest instructions run so far (counted per block) */
  get instructions(): number { return this.dbg.icount; }

  // ---- running ---------------------------------------------------------------------------

  /** Run to the end (breakpoint, watch and hook callbacks are called on the way). */
  run(): Promise<RunResult> {
    this.free = true;
    if (this.state === 'loaded' || this.state === 'stopped') this.go(false).catch(() => {});
    return this.done;
  }

  /** Resume until the next breakpoint, watchpoint, pause() or the end. */
  continue(): Promise<Stop> {
    return this.go(false);
  }

  /** Run one instruction of the stopped thread (the first one, before the start). */
  step(): Promise<Stop> {
    return this.go(true);
  }

  /** Stop a running guest soon: the pending continue() resolves with reason 'pause'. */
  pause(): void {
    if (this.state === 'running') this.dbg.requestStop();
  }

  /** End the run now (result.reason 'killed'); resolves with the result. */
  kill(): Promise<RunResult> {
    this.killWanted = true;
    if (this.state === 'loaded') {
      for (const fd of [...this.proc.fds.fds()]) this.proc.fds.close(fd); // ends the output streams
      this.finish({ status: 0, signal: archOf(this.proc).c.SIGKILL, killed: true });
    }
    else if (this.state === 'stopped') this.release({ kill: true });
    else if (this.state === 'running') this.dbg.requestStop();
    return this.done;
  }

  /** The result, once the guest has ended (await run() to get there). */
  wait(): Promise<RunResult> {
    return this.done;
  }

  private go(step: boolean): Promise<Stop> {
    if (this.state === 'exited') return this.result ? Promise.resolve({ reason: 'exit', result: this.result }) : this.done.then((result) => ({ reason: 'exit' as const, result }));
    if (this.waiter || (this.state === 'running' && this.free)) {
      return Promise.reject(new UserError('the guest is already running: await the last run(), continue() or step() first'));
    }
    const p = new Promise<Stop>((resolve, reject) => { this.waiter = { resolve, reject }; });
    if (this.state === 'loaded') this.start(step);
    else if (this.state === 'stopped') {
      this.dbg.stepping = step;
      this.release(undefined);
    }
    return p;
  }

  private start(step: boolean): void {
    this.state = 'running';
    // a step before the first instruction needs the stop at the entry point
    this.atStart = this.dbg.stopAtStart = step;
    const ms = this.opts.budget?.timeMs;
    if (ms !== undefined) {
      this.timer = setTimeout(() => { this.timeUp = true; this.dbg.requestStop(); }, ms);
    }
    runProcess(this.proc).then((st) => this.finish(st), (e) => this.fail(e));
  }

  private release(a: StopAction | void): void {
    const r = this.resume;
    this.resume = undefined;
    this.stopTask = undefined;
    this.state = 'running';
    r?.(a);
  }

  /** Debugger.onStop: every thread is halted until the returned Promise resolves. */
  private async stopped(task: Task, why: StopReason): Promise<StopAction | void> {
    if (why.kind === 'budget') { this.budgetHit = true; return { kill: true }; }
    if (this.killWanted) return { kill: true };
    if (why.kind === 'signal') return undefined;
    if (why.kind === 'interrupt') {
      if (this.timeUp) { this.budgetHit = true; return { kill: true }; }
      if (this.atStart) { this.atStart = false; this.dbg.stepping = true; return undefined; }
      if (this.free) return undefined;
    }
    const stop = this.describe(task, why);
    this.state = 'stopped';
    this.stopTask = task;
    try {
      for (const cb of this.callbacksFor(why)) await cb(stop);
    } catch (e) {
      this.failure ??= e;
      return { kill: true };
    }
    if (this.killWanted) return { kill: true };
    if (this.free || !this.waiter) {
      this.state = 'running';
      this.stopTask = undefined;
      return undefined;
    }
    const w = this.waiter;
    this.waiter = undefined;
    return new Promise<StopAction | void>((resolve) => {
      this.resume = resolve;
      w.resolve(stop);
    });
  }

  private describe(task: Task, why: StopReason): Stop {
    const tid = task.tid;
    switch (why.kind) {
      case 'breakpoint': return { reason: 'breakpoint', pc: why.pc, tid };
      case 'step': return { reason: 'step', pc: why.pc, tid };
      case 'watch': return { reason: 'watch', pc: why.pc, tid, addr: why.addr, access: why.access === 'a' ? 'rw' : why.access };
      default: return { reason: 'pause', pc: this.dbg.cpuOf(task).pc, tid };
    }
  }

  private callbacksFor(why: StopReason): Array<Callback<Stop>> {
    if (why.kind === 'breakpoint') return this.bpCallbacks.get(insnAddr(why.pc)) ?? [];
    if (why.kind !== 'watch') return [];
    const cbs: Array<Callback<Stop>> = [];
    for (const w of this.watches.values()) if (w.cb && why.addr >= w.addr && why.addr < w.addr + w.len) cbs.push(w.cb);
    return cbs;
  }

  private finish(st: ExitStatus): void {
    if (this.state === 'exited') return;
    this.state = 'exited';
    clearTimeout(this.timer);
    const a = archOf(this.proc);
    const reason = st.killed || this.killWanted ? (this.budgetHit ? 'budget' : 'killed') : st.signal ? 'signal' : 'exit';
    const out = this.out.bytes();
    const err = this.err.bytes();
    this.result = {
      reason, status: st.signal ? 0 : st.status, signal: st.signal, signalName: st.signal ? a.sigName[st.signal] ?? `SIG${st.signal}` : '',
      stdout: out.toString('utf8'), stderr: err.toString('utf8'), stdoutBytes: out, stderrBytes: err,
      instructions: this.dbg.icount,
    };
    const w = this.waiter;
    this.waiter = undefined;
    if (this.failure !== undefined) {
      w?.reject(this.failure);
      this.settle.reject(this.failure);
      return;
    }
    w?.resolve({ reason: 'exit', result: this.result });
    this.settle.resolve(this.result);
  }

  private fail(e: unknown): void {
    this.state = 'exited';
    clearTimeout(this.timer);
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(e);
    this.settle.reject(e);
  }

  // ---- breakpoints and watchpoints ---------------------------------------------------------

  /**
   * Stop before the instruction at `where` (an address or a symbol of the program) runs;
   * `cb`, if given, is called with the stop each time (the guest stays stopped while it runs,
   * so it may read and write registers and memory). Returns the address.
   */
  addBreakpoint(where: number | string, cb?: Callback<Stop>): number {
    const addr = insnAddr(this.resolve(where));
    this.dbg.addBreakpoint(addr);
    if (cb) this.bpCallbacks.set(addr, [...(this.bpCallbacks.get(addr) ?? []), cb]);
    return addr;
  }

  removeBreakpoint(where: number | string): void {
    const addr = insnAddr(this.resolve(where));
    this.dbg.removeBreakpoint(addr);
    this.bpCallbacks.delete(addr);
  }

  /**
   * Stop after an instruction reads ('r'), writes ('w') or does either ('rw') any of the `len`
   * bytes at `where` (an address or a symbol); `cb` as for addBreakpoint. Returns an id for unwatch().
   */
  watch(where: number | string, len: number, access: Access, cb?: Callback<Stop>): number {
    const addr = this.resolve(where);
    const id = this.dbg.addWatch(addr, len, access === 'rw' ? 'a' : access);
    this.watches.set(id, { addr, len, cb });
    return id;
  }

  unwatch(id: number): void {
    this.dbg.removeWatch(id);
    this.watches.delete(id);
  }

  // ---- hooks --------------------------------------------------------------------------------

  /**
   * Call `cb` after each system call (or only those named) with its name, arguments and
   * result; a number returned replaces the result the guest sees. Runs synchronously in the
   * guest's turn. Returns a function that removes the hook.
   */
  onSyscall(cb: (call: SyscallCall) => number | undefined | void): () => void;
  onSyscall(names: string | string[], cb: (call: SyscallCall) => number | undefined | void): () => void;
  onSyscall(a: unknown, b?: unknown): () => void {
    return this.addSyscallHook(this.syscallExit, a, b);
  }

  /** Like onSyscall, before the call runs: a number returned skips the call and becomes its result. */
  onSyscallEntry(cb: (call: SyscallCall) => number | undefined | void): () => void;
  onSyscallEntry(names: string | string[], cb: (call: SyscallCall) => number | undefined | void): () => void;
  onSyscallEntry(a: unknown, b?: unknown): () => void {
    return this.addSyscallHook(this.syscallEntry, a, b);
  }

  /**
   * Call `cb` when a signal is about to be acted on (delivered to a handler, its default
   * action, or ignored). Return another signal number to act on that instead, 0 to drop it.
   */
  onSignal(cb: (ev: SignalEvent) => number | undefined | void): () => void {
    this.signalHooks.push(cb);
    this.installHooks();
    return () => { const i = this.signalHooks.indexOf(cb); if (i >= 0) this.signalHooks.splice(i, 1); };
  }

  private addSyscallHook(list: SyscallHook[], a: unknown, b: unknown): () => void {
    const cb = (typeof a === 'function' ? a : b) as SyscallHook['cb'];
    const names = typeof a === 'function' ? undefined : new Set(typeof a === 'string' ? [a] : (a as string[]));
    const h: SyscallHook = { names, cb };
    list.push(h);
    this.installHooks();
    return () => { const i = list.indexOf(h); if (i >= 0) list.splice(i, 1); };
  }

  /** Put the hooks on the process (only the kinds in use: the others cost nothing). */
  private installHooks(): void {
    const proc = this.proc;
    const call = (list: SyscallHook[], name: string, args: number[], result?: number): number | undefined => {
      let r: number | undefined;
      for (const h of [...list]) {
        if (h.names && !h.names.has(name)) continue;
        const v = this.guard(() => h.cb({ name, args: [...args], result: r ?? result, pid: proc.pid, tid: proc.thread.tid }));
        if (typeof v === 'number') r = v;
      }
      return r;
    };
    proc.hooks = {
      syscallEntry: this.syscallEntry.length ? (_p, name, args) => call(this.syscallEntry, name, args) : undefined,
      syscallExit: this.syscallExit.length ? (_p, name, args, result) => call(this.syscallExit, name, args, result) : undefined,
      signal: this.signalHooks.length ? (_p, sig, info, sync) => this.signalHook(sig, info, sync) : undefined,
    };
  }

  private signalHook(sig: number, info: SigInfo, sync: boolean): number | undefined {
    const proc = this.proc;
    let to: number | undefined;
    for (const cb of [...this.signalHooks]) {
      const s = to ?? sig;
      const ev: SignalEvent = { signal: s, name: archOf(proc).sigName[s] ?? `SIG${s}`, sync, code: info.code, addr: info.addr, pid: proc.pid, tid: proc.thread.tid };
      const v = this.guard(() => cb(ev));
      if (typeof v === 'number') to = v;
      if (to === 0) break;
    }
    return to;
  }

  /** Run a user callback in the guest's turn: an exception ends the run and rejects run()/continue() with it. */
  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      this.failure ??= e;
      this.killWanted = true;
      throw new GuestExit(0, archOf(this.proc).c.SIGKILL);
    }
  }

  // ---- registers, memory, symbols -------------------------------------------------------------

  private regTable(): Map<string, DebugReg> {
    const target = this.proc.target;
    if (this.table?.target !== target) this.table = { target, regs: regTable(target) };
    return this.table.regs;
  }

  /** the registers being read and written: the stopped thread's, else the current thread's */
  private cpu(): Cpu {
    return this.stopTask ? this.dbg.cpuOf(this.stopTask) : this.proc.cpu;
  }

  /** A register by gdb's name ('x0', 'pc', 'a0', 'r7', 'sp', ...), unsigned. */
  getReg(name: string): bigint {
    return readReg(this.regTable(), this.proc.target, this.cpu(), name);
  }

  setReg(name: string, value: bigint | number): void {
    writeReg(this.regTable(), this.proc.target, this.cpu(), name, value);
  }

  /** the program counter */
  get pc(): number { return Number(this.getReg('pc')); }
  set pc(v: number) { this.setReg('pc', v); }

  /** A copy of `len` bytes of guest memory at `addr` (whatever their protection; they must be mapped). */
  readMemory(addr: number, len: number): Buffer {
    this.checkMapped(addr, len);
    return Buffer.from(this.proc.mem.u8.slice(addr, addr + len));
  }

  /** Write bytes (or UTF-8 text) into guest memory, read-only pages included; translated code there is dropped. */
  writeMemory(addr: number, data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    this.checkMapped(addr, bytes.length);
    this.proc.mem.poke(addr, bytes);
  }

  /** The NUL-terminated UTF-8 string at `addr`. */
  readCString(addr: number, max = 65536): string {
    try {
      return this.proc.mem.readCString(addr, max);
    } catch (e) {
      if (e instanceof GuestFault) throw new UserError(`no readable string at guest address 0x${(addr >>> 0).toString(16)}`);
      throw e;
    }
  }

  private checkMapped(addr: number, len: number): void {
    if (!Number.isInteger(addr) || addr < 0 || len < 0 || addr + len > 2 ** 32 || (len > 0 && !this.proc.mem.isMapped(addr, len))) {
      throw new UserError(`guest memory 0x${Math.max(0, addr).toString(16)}..+${len} is not mapped`);
    }
  }

  /** The address of a function or variable of the program (from its symbol table), or undefined. */
  symbol(name: string): number | undefined {
    this.symbolMap ??= readSymbols(this.image(), this.bias);
    return this.symbolMap.get(name)?.addr;
  }

  private resolve(where: number | string): number {
    if (typeof where === 'number') return where >>> 0;
    const a = this.symbol(where);
    if (a === undefined) throw new UserError(`no symbol '${where}' in the program (is it stripped?)`);
    return a;
  }
}
