// The core's run loop with no operating system around it: a made-up instruction set runs
// through Engine on a bare ExecContext (no Process, no Kernel, no syscall layer), and what
// stops it comes back as architectural exceptions in the CPU's excp fields. It also checks
// that code is cached per (pc, translation mode).
import { describe, expect, it } from 'vitest';
import { Cpu } from '../../src/core/cpu.js';
import { Engine } from '../../src/core/engine/engine.js';
import type { ExecContext } from '../../src/core/engine/context.js';
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';
import { ExitKind, type IrBuilder } from '../../src/core/ir.js';
import { Logger } from '../../src/core/log/log.js';
import { Memory, PROT_R, PROT_X } from '../../src/core/memory/flat.js';

/**
 * The toy ISA: 4-byte little-endian instructions [op, reg, imm16]. r0..r3 are i32 registers,
 * r4 is the translation mode (0 or 1). In mode 1 `add` subtracts: the same bytes translate
 * differently, so the cache must keep both.
 */
const OP = { li: 1, add: 2, sys: 3, load: 4, jmp: 5, store: 6, mode: 7 };
const MODE = 4;
const regs = [0, 1, 2, 3, 4].map((n) => ({ name: `r${n}`, ty: 'i32' as const, index: n, cached: n !== MODE }));

function translate(b: IrBuilder, mem: Memory, pc: number, maxInsns: number, mode = 0): void {
  for (let n = 0; n < maxInsns; n++) {
    if (!mem.ok(pc, 4, PROT_X)) {
      if (n === 0) b.exception(Excp.PageFault, pc, FaultCause.Unmapped, pc, Access.Fetch);
      else b.jmp(pc);
      return;
    }
    const [op, r] = [mem.u8[pc], mem.u8[pc + 1]];
    const imm = mem.u8[pc + 2] | (mem.u8[pc + 3] << 8);
    b.insn(pc, 4);
    const next = pc + 4;
    switch (op) {
      case OP.li: b.set(r, b.const32(imm)); break;
      case OP.add: b.set(r, b.bin(mode === 1 ? 'sub' : 'add', b.get(r, 'i32'), b.const32(imm))); break;
      case OP.sys: b.exception(Excp.Syscall, next); return;
      case OP.load: b.set(r, b.load('i32', 4, false, b.get(r, 'i32'))); break;
      case OP.store: b.store(4, b.get(r, 'i32'), b.get(0, 'i32')); break;
      case OP.jmp: b.jmp(imm); return;
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
  createCpu: (mem: Memory) => new Cpu(mem, 6),
  translateBlock: translate,
  translationMode: (cpu: Cpu) => cpu.r[MODE],
  helpers: {},
  helperSigs: {},
};

const CODE = 0x10000;

function machine(program: number[][]) {
  const mem = new Memory();
  mem.map(CODE, 0x1000, PROT_R | PROT_X);
  mem.poke(CODE, Uint8Array.from(program.flatMap(([op, r, imm]) => [op, r, imm & 0xff, imm >> 8])));
  const cpu = toyIsa.createCpu(mem);
  cpu.pc = CODE;
  const ctx: ExecContext = { isa: toyIsa, cpu, mem, log: new Logger() };
  return { mem, cpu, engine: new Engine(ctx) };
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
});
