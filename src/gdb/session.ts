/**
 * One gdb connection: reads packets, answers them and turns gdb's run control (c/C/s/S,
 * vCont, Ctrl-C, k, D) into the engine Debugger's all-stop protocol. The guest is halted
 * while a Debugger.onStop promise is pending; a resume packet resolves it, and the next stop
 * sends gdb its stop reply. Queries (qXfer, qSupported, threads) live in queries.ts.
 */
import type { Process } from '../linux/process.js';
import type { Task } from '../linux/task.js';
import type { Cpu } from '../core/cpu.js';
import type { DebugReg, GdbTarget } from '../core/isa.js';
import type { DebugPort, StopAction, StopReason } from './debug-port.js';
import { PacketReader, framePacket, fromHex, hex2, hexToReg, regToHex, unescapeBinary } from './packet.js';
import { answerQuery } from './queries.js';
import { gdbToLinuxSignal, linuxToGdbSignal } from './signals.js';

const SIGTRAP = 5;
const SIGINT = 2;
const WATCH_KIND: Record<string, 'w' | 'r' | 'a'> = { 2: 'w', 3: 'r', 4: 'a' };
const WATCH_REPLY = { w: 'watch', r: 'rwatch', a: 'awatch' } as const;

interface Stopped {
  task: Task;
  why: StopReason;
  resolve: (a: StopAction) => void;
}

export class GdbSession {
  noAck = false;
  /** features gdb announced in qSupported */
  gdbFeatures = new Set<string>();
  /** the halted guest, while it is halted */
  private stopped: Stopped | undefined;
  /** a resume packet went out: the next stop is gdb's stop reply */
  private waiting = false;
  /** the first stop (before the first instruction) reports SIGTRAP, as a fresh ptrace child */
  private first = true;
  /** Hg thread (registers), by tid; 0 = any */
  private gTid = 0;
  /** breakpoints by address: how many Z0 and Z1 hold each */
  private readonly bps = new Map<number, { sw: number; hw: number }>();
  /** watchpoints by "type,addr,len" -> Debugger watch id */
  private readonly watches = new Map<string, number>();
  /** signals (Linux numbers) delivered without stopping (QPassSignals) */
  passSignals = new Set<number>();
  /**
   * A watch stop on a stepsOverWatch target. gdb expects such a stop before the access and
   * then steps over the accessing instruction itself (an `s`, or on targets that step in
   * software a breakpoint after it and a `c`). The engine stops after the access, so until
   * that step we show gdb the pc of the accessing instruction, and the step is answered at
   * once: it is already done.
   */
  private watchStep: { task: Task; pc: number } | undefined;
  /** a thread gdb resumed alone (vCont;c:tid): it runs by single steps until a breakpoint */
  private locked: Task | undefined;
  private readonly reader = new PacketReader();
  /** the guest has reached its first stop; packets before it wait in `early` */
  private started = false;
  private readonly early: string[] = [];
  detached = false;

  constructor(
    readonly proc: Process,
    readonly dbg: DebugPort,
    /** writes raw (latin1) bytes to gdb */
    private readonly write: (raw: string) => void,
    /** ends the connection (after kill, detach, exit) */
    private readonly close: () => void = () => {},
  ) {
    dbg.onStop = (task, why) => this.onStop(task, why);
    dbg.onExit = (st) => this.onExit(st);
  }

  get gdb(): GdbTarget {
    const g = this.proc.target.gdb;
    if (!g) throw new Error(`no gdb description for target ${this.proc.target.name}`);
    return g;
  }

  // ---- transport -----------------------------------------------------------------------

  /** Bytes from gdb (latin1). */
  receive(chunk: string): void {
    for (const ev of this.reader.push(chunk)) {
      if (ev.kind === 'interrupt') {
        if (!this.stopped && !this.detached) this.dbg.requestStop();
      } else if (ev.kind === 'bad') {
        if (!this.noAck) this.write('-');
      } else if (ev.kind === 'packet') {
        if (!this.noAck) this.write('+');
        // gdb talks at once; the guest reaches its first stop a little later (engine start)
        if (!this.started) this.early.push(ev.data);
        else this.answer(ev.data);
      }
    }
  }

  private answer(packet: string): void {
    const reply = this.dispatch(packet);
    if (reply !== undefined) this.send(reply);
  }

  send(data: string): void {
    this.write(framePacket(data));
  }

  /** The connection went away without D or k: run on undebugged, as after a detach. */
  disconnected(): void {
    if (!this.detached) this.detach();
  }

  // ---- stops ---------------------------------------------------------------------------

  private onStop(task: Task, why: StopReason): StopAction | Promise<StopAction> {
    if (this.detached) return why.kind === 'signal' ? { signal: why.sig } : {};
    if (why.kind === 'signal' && this.passSignals.has(why.sig)) return { signal: why.sig };
    if (this.locked === task && why.kind === 'step') {
      // running this thread alone, an instruction at a time, until it reaches a breakpoint
      const pc = this.dbg.cpuOf(task).pc & ~1;
      if (!this.bps.has(pc)) {
        this.dbg.stepping = true;
        return {};
      }
      why = { kind: 'breakpoint', pc };
    }
    this.locked = undefined;
    return new Promise<StopAction>((resolve) => {
      this.stopped = { task, why, resolve };
      // a stop makes its thread the one g/G address (gdb assumes so: it sends no Hg then)
      this.gTid = 0;
      if (!this.started) {
        this.started = true;
        for (const p of this.early.splice(0)) this.answer(p);
        return;
      }
      if (why.kind === 'watch' && this.gdb.stepsOverWatch) this.watchStep = { task, pc: why.pc };
      if (this.waiting) {
        this.waiting = false;
        this.send(this.stopReply());
      }
    });
  }

  private onExit(st: { status: number; signal: number }): void {
    this.stopped = undefined;
    if (this.detached) return;
    this.detached = true;
    this.send(st.signal ? `X${hex2(linuxToGdbSignal(st.signal))}` : `W${hex2(st.status)}`);
    this.close();
  }

  /** The stop reply packet for the current stop. */
  stopReply(): string {
    const s = this.stopped;
    if (!s) return 'OK';
    const { task, why } = s;
    let sig = SIGTRAP;
    let extra = '';
    if (why.kind === 'signal') sig = linuxToGdbSignal(why.sig);
    else if (why.kind === 'interrupt') sig = this.first ? SIGTRAP : SIGINT;
    else if (why.kind === 'watch') extra = `${WATCH_REPLY[why.access]}:${why.addr.toString(16)};`;
    else if (why.kind === 'breakpoint') {
      const bp = this.bps.get(why.pc);
      if (bp?.sw && this.gdbFeatures.has('swbreak')) extra = 'swbreak:;';
      else if (bp?.hw && this.gdbFeatures.has('hwbreak')) extra = 'hwbreak:;';
    }
    return `T${hex2(sig)}thread:${task.tid.toString(16)};${extra}`;
  }

  private resume(action: StopAction, step: boolean, locked = false): undefined {
    const s = this.stopped;
    if (!s) return undefined;
    this.locked = locked && !step ? s.task : undefined;
    const ws = this.watchStep;
    this.watchStep = undefined;
    if (ws?.task === s.task) {
      const pc = this.dbg.cpuOf(s.task).pc;
      const bp = this.bps.get(pc & ~1);
      if (step || bp) {
        s.why = step ? { kind: 'step', pc } : { kind: 'breakpoint', pc: pc & ~1 };
        this.send(this.stopReply());
        return undefined;
      }
    }
    this.first = false;
    this.stopped = undefined;
    this.waiting = true;
    this.dbg.stepping = step || this.locked !== undefined;
    if (s.why.kind !== 'signal') delete action.signal;
    s.resolve(action);
    return undefined;
  }

  private detach(): void {
    this.detached = true;
    for (const pc of this.bps.keys()) this.dbg.removeBreakpoint(pc);
    this.bps.clear();
    for (const id of this.watches.values()) this.dbg.removeWatch(id);
    this.watches.clear();
    this.dbg.reportSignals = false;
    const s = this.stopped;
    this.stopped = undefined;
    this.dbg.stepping = false;
    if (s) s.resolve(s.why.kind === 'signal' ? { signal: s.why.sig } : {});
  }

  // ---- commands ------------------------------------------------------------------------

  /** The reply to one packet, or undefined when the reply is a later stop reply. */
  dispatch(p: string): string | undefined {
    const c = p[0];
    const rest = p.slice(1);
    switch (c) {
      case '?': return this.stopReply();
      case 'g': return this.readAllRegs();
      case 'G': return this.writeAllRegs(rest);
      case 'p': return this.readReg(Number.parseInt(rest, 16));
      case 'P': return this.writeReg(rest);
      case 'm': return this.readMem(rest);
      case 'M': return this.writeMem(rest, false);
      case 'X': return this.writeMem(rest, true);
      case 'Z': case 'z': return this.breakpoint(c === 'Z', rest);
      case 'c': return this.resume({ signal: 0 }, false);
      case 's': return this.resume({ signal: 0 }, true);
      case 'C': case 'S': {
        const sig = gdbToLinuxSignal(Number.parseInt(rest.split(';')[0], 16));
        return this.resume({ signal: sig }, c === 'S');
      }
      case 'H': {
        const tid = Number.parseInt(rest.slice(1), 16);
        if (tid > 0 && !this.findTask(tid)) return 'E22';
        if (rest[0] === 'g') this.gTid = tid > 0 ? tid : 0;
        return 'OK';
      }
      case 'T': return this.findTask(Number.parseInt(rest, 16)) ? 'OK' : 'E10';
      case 'k': this.kill(); return undefined;
      case 'D': this.send('OK'); this.detach(); this.close(); return undefined;
      case 'v': return this.vPacket(p);
      case 'q': case 'Q': return answerQuery(this, p);
      default: return '';
    }
  }

  private vPacket(p: string): string | undefined {
    if (p === 'vCont?') return 'vCont;c;C;s;S';
    if (p.startsWith('vCont;')) return this.vCont(p.slice(6));
    if (p.startsWith('vKill')) { this.send('OK'); this.kill(); return undefined; }
    return '';
  }

  /**
   * vCont;action[:tid];... — the first action that applies to the stopped thread wins. With
   * no action for the other threads (`vCont;c:tid`: gdb stepping over a breakpoint in
   * software, or scheduler-locking) they stay stopped: the thread runs alone, stepped.
   */
  private vCont(actions: string): string | undefined {
    const s = this.stopped;
    if (!s) return 'E01';
    const list = actions.split(';');
    const alone = list.every((a) => a.includes(':'));
    for (const a of list) {
      const [act, tidText] = a.split(':');
      if (tidText !== undefined) {
        const tid = Number.parseInt(tidText.startsWith('p') ? tidText.split('.')[1] ?? '-1' : tidText, 16);
        if (tid > 0 && tid !== s.task.tid) continue;
      }
      const kind = act[0];
      if (kind === 'c' || kind === 's') return this.resume({ signal: 0 }, kind === 's', alone);
      if (kind === 'C' || kind === 'S') return this.resume({ signal: gdbToLinuxSignal(Number.parseInt(act.slice(1), 16)) }, kind === 'S', alone);
      return 'E01';
    }
    return this.resume({ signal: 0 }, false);
  }

  private kill(): void {
    this.detached = true;
    const s = this.stopped;
    this.stopped = undefined;
    if (s) s.resolve({ kill: true });
    this.close();
  }

  findTask(tid: number): Task | undefined {
    return this.dbg.threads().find((t) => t.tid === tid);
  }

  /** the thread whose registers g/p/G/P address */
  private regTask(): Task | undefined {
    return (this.gTid ? this.findTask(this.gTid) : undefined) ?? this.stopped?.task;
  }

  get stoppedTask(): Task | undefined {
    return this.stopped?.task;
  }

  /** a register as gdb must see it (the pc of a watched access until gdb steps over it) */
  private regValue(t: Task, r: DebugReg, cpu: Cpu): bigint {
    if (r.name === 'pc' && this.watchStep?.task === t) return BigInt(this.watchStep.pc & ~1);
    return r.get(cpu);
  }

  /** gdb writing back the pc it was shown changes nothing; another pc ends the pretence */
  private keepsWatchPc(t: Task, r: DebugReg, v: bigint): boolean {
    if (r.name !== 'pc' || this.watchStep?.task !== t) return false;
    if (v === BigInt(this.watchStep.pc & ~1)) return true;
    this.watchStep = undefined;
    return false;
  }

  private readAllRegs(): string {
    const t = this.regTask();
    if (!t) return 'E01';
    const cpu = this.dbg.cpuOf(t);
    const le = this.proc.target.littleEndian;
    return this.gdb.regs.map((r) => regToHex(this.regValue(t, r, cpu), r.bits, le)).join('');
  }

  private writeAllRegs(hex: string): string {
    const t = this.regTask();
    if (!t) return 'E01';
    const cpu = this.dbg.cpuOf(t);
    const le = this.proc.target.littleEndian;
    let off = 0;
    for (const r of this.gdb.regs) {
      const n = r.bits / 4;
      if (off + n > hex.length) break;
      const v = hexToReg(hex.slice(off, off + n), r.bits, le);
      if (v === undefined) return 'E01';
      if (!this.keepsWatchPc(t, r, v)) r.set(cpu, v);
      off += n;
    }
    return 'OK';
  }

  private readReg(n: number): string {
    const t = this.regTask();
    const r = this.gdb.regs[n];
    if (!t || !r) return 'E01';
    return regToHex(this.regValue(t, r, this.dbg.cpuOf(t)), r.bits, this.proc.target.littleEndian);
  }

  private writeReg(arg: string): string {
    const [num, val] = arg.split('=');
    const t = this.regTask();
    const r = this.gdb.regs[Number.parseInt(num, 16)];
    if (!t || !r || val === undefined) return 'E01';
    const v = hexToReg(val, r.bits, this.proc.target.littleEndian);
    if (v === undefined) return 'E01';
    if (!this.keepsWatchPc(t, r, v)) r.set(this.dbg.cpuOf(t), v);
    return 'OK';
  }

  /** "addr,len" -> [addr, len] inside the 4 GiB guest space, or undefined */
  private range(text: string): [number, number] | undefined {
    const [a, l] = text.split(',');
    const addr = Number.parseInt(a, 16);
    const len = Number.parseInt(l, 16);
    if (!Number.isFinite(addr) || !Number.isFinite(len) || addr < 0 || len < 0 || addr + len > 2 ** 32) return undefined;
    return [addr, len];
  }

  /** m: reads any mapped page, whatever its protection (as ptrace does). */
  private readMem(arg: string): string {
    const r = this.range(arg);
    const mem = this.proc.mem;
    if (!r) return 'E14';
    const [addr, len] = r;
    if (len === 0) return '';
    // as much as is mapped from the start (gdb accepts a short read)
    let n = 0;
    while (n < len && mem.isMapped(addr + n, 1)) n = Math.min(len, (Math.floor((addr + n) / 4096) + 1) * 4096 - addr);
    if (n === 0) return 'E14';
    let s = '';
    for (let i = 0; i < n; i++) s += hex2(mem.u8[addr + i]);
    return s;
  }

  private writeMem(arg: string, binary: boolean): string {
    const colon = arg.indexOf(':');
    const r = this.range(arg.slice(0, colon));
    if (colon < 0 || !r) return 'E14';
    const [addr, len] = r;
    let bytes: Uint8Array | undefined;
    if (binary) bytes = Uint8Array.from(unescapeBinary(arg.slice(colon + 1)), (ch) => ch.charCodeAt(0));
    else bytes = fromHex(arg.slice(colon + 1));
    if (!bytes || bytes.length !== len) return 'E01';
    if (len === 0) return 'OK';
    if (!this.proc.mem.isMapped(addr, len)) return 'E14';
    this.proc.mem.poke(addr, bytes);
    return 'OK';
  }

  /** Z/z type,addr,kind: 0/1 breakpoints (both engine breakpoints), 2/3/4 watchpoints */
  private breakpoint(insert: boolean, arg: string): string {
    const [type, a, k] = arg.split(/[,;]/);
    const addr = Number.parseInt(a, 16);
    const len = Number.parseInt(k, 16);
    if (!Number.isFinite(addr) || addr < 0 || addr >= 2 ** 32) return 'E01';
    if (type === '0' || type === '1') {
      const which = type === '0' ? 'sw' : 'hw';
      const bp = this.bps.get(addr) ?? { sw: 0, hw: 0 };
      if (insert) {
        if (bp.sw + bp.hw === 0) this.dbg.addBreakpoint(addr);
        bp[which]++;
        this.bps.set(addr, bp);
      } else if (bp[which] > 0) {
        bp[which]--;
        if (bp.sw + bp.hw === 0) { this.bps.delete(addr); this.dbg.removeBreakpoint(addr); }
      }
      return 'OK';
    }
    const access = WATCH_KIND[type];
    if (!access || !(len > 0)) return '';
    const key = `${type},${addr},${len}`;
    if (insert) {
      if (!this.watches.has(key)) this.watches.set(key, this.dbg.addWatch(addr, len, access));
    } else {
      const id = this.watches.get(key);
      if (id !== undefined) { this.dbg.removeWatch(id); this.watches.delete(key); }
    }
    return 'OK';
  }
}
