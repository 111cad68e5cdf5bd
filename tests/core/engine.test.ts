// The core's run loop with no operating system around it: a made-up instruction set runs
// through Engine on a bare ExecContext (no Process, no Kernel, no syscall layer), and what
// stops it comes back as architectural exceptions in the CPU's excp fields. It also checks
// that code is cached per (pc, translation mode).
import { describe, expect, it } from 'vitest';
import { Cpu } from '../../src/core/cpu.js';
import { Engine, type EngineOptions } from '../../src/core/engine/engine.js';
import type { ExecContext } from '../../src/core/engine/context.js';
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import { ExitKind, type IrBuilder } from '../../src/core/ir.js';
import { Logger } from '../../src/core/log/log.js';
import { Memory, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import type { ExitRequester, FaultHooks, GuestMemory, MemoryEmitter } from '../../src/core/memory/model.js';

/**
 * The toy ISA: 4-byte little-endian instructions [op, reg, imm16]. r0..r3 are i32 registers,
 * r4 is the translation mode (0 or 1). `back` jumps back by imm bytes. In mode 1 `add` subtracts: the same bytes translate
 * differently, so the cache must keep both.
 */
const OP = { li: 1, add: 2, sys: 3, load: 4, jmp: 5, store: 6, mode: 7, back: 8 };
const MODE = 4;
const regs = [0, 1, 2, 3, 4].map((n) => ({ name: `r${n}`, ty: 'i32' as const, index: n, cached: n !== MODE }));

function translate(b: IrBuilder, mem: GuestMemory, pc: number, maxInsns: number, mode = 0): void {
  for (let n = 0; n < maxInsns; n++) {
    if (!mem.allows(pc, 4, Access.Fetch)) {
      if (n === 0) b.exception(Excp.PageFault, pc, FaultCause.Unmapped, pc, Access.Fetch);
      else b.jmp(pc);
      return;
    }
    const word = mem.fetch32(pc);
    const [op, r, imm] = [word & 0xff, (word >>> 8) & 0xff, word >>> 16];
    b.insn(pc, 4);
    const next = pc + 4;
    switch (op) {
      case OP.li: b.set(r, b.const32(imm)); break;
      case OP.add: b.set(r, b.bin(mode === 1 ? 'sub' : 'add', b.get(r, 'i32'), b.const32(imm))); break;
      case OP.sys: b.exception(Excp.Syscall, next); return;
      case OP.load: b.set(r, b.load('i32', 4, false, b.get(r, 'i32'))); break;
      case OP.store: b.store(4, b.get(r, 'i32'), b.get(0, 'i32')); break;
      case OP.jmp: b.jmp(imm); return;
      case OP.back: b.jmp(pc - imm); return;
      case OP.mode: b.set(MODE, b.const32(imm)); b.exit(ExitKind.Sync, next); return;
      default: b.exception(Excp.Illegal, pc); return;
    }
    pc = next;
  }
  b.jmp(pc);
}

const toyIsa = {
  name: 'toy', bits: 32 as const, littleEndian: true,
  regs,
  createCpu: (mem: GuestMemory) => new Cpu(mem, 6),
  translateBlock: translate,
  translationMode: (cpu: Cpu) => cpu.r[MODE],
  helpers: {},
  helperSigs: {},
};

const CODE = 0x10000;

/**
 * A memory model that is not the flat one: RAM plus a device page at DEVICE whose loads
 * count up and whose stores are recorded, the way a system-mode bus routes I/O. Its generated
 * code calls the model for every access (`M`), through its own slow paths (`F`).
 */
const DEVICE = 0x5000;
class DeviceBus extends Memory {
  reads = 0;
  readonly writes: number[] = [];
  override readonly envNames = ['M'];
  override readonly emitter: MemoryEmitter = {
    check: (addr, size, write, pc) => `ea = ${addr}; if (F.${write ? 'w' : 'r'}(ea, ${pc}, ${size})) bud = 0;`,
    load: ({ dest }) => `${dest[0]} = M.load(ea);`,
    store: ({ lo }) => `M.store(ea, ${lo});`,
  };
  override envValues(): unknown[] { return [this]; }
  override faultHooks(cpu: ExitRequester): FaultHooks {
    const dev = (a: number) => a >>> 12 === DEVICE >>> 12;
    return {
      r: (a) => { if (!dev(a)) this.probe(a, 4, Access.Read); return false; },
      // a device store asks the region to return at the next block (an interrupt may be pending)
      w: (a) => { if (!dev(a)) { this.probe(a, 4, Access.Write); return false; } cpu.exitRequest = 0; return true; },
    };
  }
  // the accessors route the device page too (the interpreter tier and helpers use them)
  override read32(a: number): number { return a >>> 12 === DEVICE >>> 12 ? ++this.reads : super.read32(a); }
  override write32(a: number, v: number): void { if (a >>> 12 === DEVICE >>> 12) this.writes.push(v); else super.write32(a, v); }
  load(a: number): number { return this.read32(a) | 0; }
  store(a: number, v: number): void { this.write32(a, v); }
}

function machine(program: number[][], mem = new Memory(), opts: EngineOptions = {}, code = CODE) {
  mem.map(code, 0x1000, PROT_R | PROT_X);
  mem.poke(code, Uint8Array.from(program.flatMap(([op, r, imm]) => [op, r, imm & 0xff, imm >> 8])));
  const cpu = toyIsa.createCpu(mem);
  cpu.pc = code;
  const ctx: ExecContext = { isa: toyIsa, cpu, mem, log: new Logger() };
  return { mem, cpu, engine: new Engine(ctx, opts) };
}

/** Run slices until one ends with an exception. */
function untilException(e: Engine): void {
  for (let n = 0; n < 100; n++) if (e.runSlice() === ExitKind.Exception) return;
  throw new Error('no exception');
}

describe('Engine without an operating system', () => {
  it('a syscall instruction is an exception with pc after it; the layer above decides the rest', () => {
    const { cpu, engine } = machine([[OP.li, 1, 5], [OP.add, 1, 3], [OP.sys, 0, 0]]);
    untilException(engine);
    expect([cpu.excp, cpu.pc, cpu.r[1]]).toEqual([Excp.Syscall, CODE + 12, 8]);
  });

  it('an undefined instruction is an Illegal exception at its address', () => {
    const { cpu, engine } = machine([[OP.li, 1, 5], [0xee, 0, 0]]);
    untilException(engine);
    expect([cpu.excp, cpu.excpAddr, cpu.pc, cpu.r[1]]).toEqual([Excp.Illegal, CODE + 4, CODE + 4, 5]);
  });

  it('loads and stores without permission are page faults with their access, cause and address', () => {
    const m = machine([[OP.li, 2, 0x3000], [OP.load, 2, 0]]); // 0x3000: nothing mapped
    untilException(m.engine);
    expect([m.cpu.excp, m.cpu.excpCause, m.cpu.excpAccess, m.cpu.excpAddr, m.cpu.pc])
      .toEqual([Excp.PageFault, FaultCause.Unmapped, Access.Read, 0x3000, CODE + 4]);
    const w = machine([[OP.li, 0, 7], [OP.li, 3, 0x2000], [OP.store, 3, 0]]);
    w.mem.map(0x2000, 0x1000, PROT_R);
    untilException(w.engine);
    expect([w.cpu.excp, w.cpu.excpCause, w.cpu.excpAccess, w.cpu.excpAddr, w.cpu.pc])
      .toEqual([Excp.PageFault, FaultCause.Protection, Access.Write, 0x2000, CODE + 8]);
    expect(w.mem.u8[0x2000]).toBe(0);
  });

  it('a jump to unmapped memory is a fetch page fault at the target', () => {
    const { cpu, engine } = machine([[OP.jmp, 0, 0x4000]]);
    untilException(engine);
    expect([cpu.excp, cpu.excpAccess, cpu.excpAddr, cpu.pc]).toEqual([Excp.PageFault, Access.Fetch, 0x4000, 0x4000]);
  });

  it('caches code per (pc, translation mode): the same bytes run both ways', () => {
    const { cpu, engine } = machine([[OP.li, 1, 10], [OP.add, 1, 3], [OP.sys, 0, 0]]);
    untilException(engine);
    expect(cpu.r[1]).toBe(13);
    cpu.pc = CODE;
    cpu.r[MODE] = 1;
    untilException(engine);
    expect(cpu.r[1]).toBe(7); // add subtracts in mode 1: a second translation, not the cached one
    expect(engine.cache.get(CODE, 0)).toBeDefined();
    expect(engine.cache.get(CODE, 1)).toBeDefined();
    expect(engine.cache.get(CODE, 0)).not.toBe(engine.cache.get(CODE, 1));
    // a write to the code page drops both
    engine.cache.invalidatePage(CODE >>> 12);
    expect(engine.cache.get(CODE, 0)).toBeUndefined();
    expect(engine.cache.get(CODE, 1)).toBeUndefined();
  });

  it('interprets a block first, compiles it after `warm` runs, and builds a region once it is hot', () => {
    const LOOP = CODE + 4;
    const { cpu, engine } = machine([[OP.li, 1, 0], [OP.add, 1, 1], [OP.back, 0, 4]], new Memory(), { warm: 3, slice: 1000 });
    expect(engine.runSlice()).toBe(ExitKind.Jump); // the first block (li, add), LOOP three times interpreted, then 1000 compiled
    expect([engine.cache.get(LOOP)?.tier, cpu.r[1]]).toEqual([1, 1004]);
    for (let i = 0; i < 4; i++) engine.runSlice();
    expect([engine.cache.get(LOOP)?.tier, cpu.r[1]]).toEqual([2, 5004]);
  });

  it.each([['interpreted', {}], ['compiled', { warm: 0 }]] as const)('runs on the memory model the machine brings (a device page routed to handlers), %s', (_how, opts) => {
    const bus = new DeviceBus();
    bus.map(0x2000, 0x1000, PROT_R | PROT_W);
    const { cpu, engine } = machine([[OP.li, 1, DEVICE], [OP.load, 1, 0], [OP.li, 2, DEVICE], [OP.load, 2, 0],
      [OP.li, 0, 42], [OP.li, 3, DEVICE], [OP.store, 3, 0], [OP.li, 3, 0x2000], [OP.store, 3, 0], [OP.li, 2, 0x2000],
      [OP.load, 2, 0], [OP.li, 3, 0x9000], [OP.store, 3, 0]], bus, opts);
    untilException(engine);
    expect([cpu.r[1], cpu.r[2], bus.reads, bus.writes, bus.read32(0x2000)]).toEqual([1, 42, 2, [42], 42]);
    // RAM outside the bus's pages still faults through the model's slow paths
    expect([cpu.excp, cpu.excpAccess, cpu.excpAddr]).toEqual([Excp.PageFault, Access.Write, 0x9000]);
  });
});

describe('Engine on a wasm memory (the WebAssembly tier)', () => {
  it('hot code runs as a wasm region; a fault in it writes the registers back exactly', () => {
    // li r1 0; li r0 7; li r3 0x2000; L: add r1 1; store [r3] = r0; jmp L (at 0x8000: jumps reach 16 bits)
    const C = 0x8000;
    const { mem, cpu, engine } = machine([[OP.li, 1, 0], [OP.li, 0, 7], [OP.li, 3, 0x2000], [OP.add, 1, 1], [OP.store, 3, 0], [OP.jmp, 0, C + 12]],
      new Memory(true, true), {}, C);
    mem.map(0x2000, 0x1000, PROT_R | PROT_W);
    expect(cpu.r.buffer).toBe(mem.wasmMemory!.buffer); // the registers live in the wasm memory
    for (let i = 0; i < 3; i++) expect(engine.runSlice()).toBe(ExitKind.Jump);
    expect(engine.cache.get(C + 12, 0)?.source).toMatch(/^\/\* wasm region 0x800c/);
    // first block: 3 li + add + store + jmp; then 3 instructions per iteration
    expect(cpu.r[1]).toBe(1 + (cpu.icount - 6) / 3);
    expect(mem.read32(0x2000)).toBe(7);
    mem.protect(0x2000, 0x1000, PROT_R);
    const before = cpu.icount;
    expect(engine.runSlice()).toBe(ExitKind.Exception);
    expect([cpu.excp, cpu.excpAccess, cpu.excpAddr, cpu.pc]).toEqual([Excp.PageFault, Access.Write, 0x2000, C + 16]);
    expect(cpu.icount).toBe(before); // the faulting block does not count
    expect(cpu.r[1]).toBe(2 + (cpu.icount - 6) / 3); // its add happened and was written back
  });
});
