/**
 * The flat memory model: page-crossing loads and stores are checked on both pages (generated
 * code through the emitter and slow paths of src/core/memory, and the accessors helpers use),
 * a faulting store writes nothing, alignment attributes fault first, and the CPU's exit request
 * ends a running region at its next block boundary.
 */
import { describe, expect, it } from 'vitest';
import { ExitKind, IrBuilder, type Block } from '../../src/core/ir.js';
import { compileRegion, regionArg, type RegionEnv } from '../../src/core/backend/region.js';
import { interpretBlock } from '../../src/core/backend/interp.js';
import { BACKENDS } from '../helpers/backends.js';
import { GuestFault, Memory, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import { flatFaultHooks } from '../../src/core/memory/flat-hooks.js';
import { Cpu } from '../../src/core/cpu.js';
import type { RegInfo } from '../../src/core/isa.js';
import { Access, Excp, FaultCause } from '../../src/core/exceptions.js';

const regs: RegInfo[] = [
  { name: 'r0', ty: 'i64', index: 0, cached: true },
  { name: 'r1', ty: 'i64', index: 2, cached: true },
];
const PG = 0x1000;
const A = 0x20000; // writable page; A + PG is the protected one, A + 2 * PG writable again
const B = A + PG;

/** with `onWasm`, a memory for the WebAssembly tier */
function setup(bProt: number, onWasm = false) {
  const mem = new Memory(true, onWasm);
  mem.map(A, 3 * PG, PROT_R | PROT_W);
  for (let i = 0; i < 3 * PG; i++) mem.u8[A + i] = (i * 7 + 1) & 0xff;
  mem.protect(B, PG, bProt);
  const cpu = new Cpu(mem, 4);
  const helpers: Record<string, unknown> = {};
  const env: RegionEnv = { r: cpu.r, mem, helpers, faults: flatFaultHooks(mem, cpu) };
  return { mem, cpu, env, helpers };
}

function block(build: (b: IrBuilder) => void, pc = 0x1000): Block {
  const b = new IrBuilder();
  b.insn(pc, 4);
  build(b);
  if (!b.done) b.exit(ExitKind.Jump, pc + 4);
  return { pc, end: b.end, ninsns: b.ninsns, ops: b.ops, temps: b.temps, asm: b.asm };
}

/**
 * run `blocks` from its first pc in tier 2 (true), tier 1 (false) or interpreted (tier 0: the
 * first block alone); returns the thrown fault (or undefined)
 */
function run(env: RegionEnv, cpu: Cpu, blocks: Block[], tier2: Tier): GuestFault | undefined {
  const fn = tier2 === 0 ? interpretBlock(blocks[0], regs, env) : tier2 === 'wasm' ? BACKENDS[1].compile(blocks, blocks[0].pc, regs, env).fn
    : compileRegion(blocks, blocks[0].pc, regs, env, tier2).fn;
  cpu.budget = 100;
  try {
    fn(cpu, regionArg(env));
  } catch (e) {
    if (e instanceof GuestFault) return e;
    throw e;
  }
  return undefined;
}

const snapshot = (mem: Memory) => mem.u8.slice(A, A + 3 * PG);

/** interpreted (0), JS tier 1 (false) or tier 2 (true), or the WebAssembly tier (on a wasm memory) */
type Tier = boolean | 0 | 'wasm';
const TIER = (t: Tier) => (t === 'wasm' ? 'wasm' : t === 0 ? 'interpreted' : t ? 'tier 2' : 'tier 1');

describe('page-crossing accesses in generated code', () => {
  for (const tier2 of [0, false, true, 'wasm'] as const) {
    for (const prot of [0, PROT_R]) {
      for (const size of [2, 4, 8]) {
        for (const wide of [false, true]) {
          if (size === 8 && !wide) continue;
          const name = `${TIER(tier2)}, ${prot ? 'read-only' : 'PROT_NONE'} page, ${size} bytes${wide ? ' (i64)' : ''}`;
          it(`store: ${name}`, () => {
            for (let k = 1; k < size; k++) {
              const { mem, cpu, env } = setup(prot, tier2 === 'wasm');
              const before = snapshot(mem);
              const addr = B - k;
              const f = run(env, cpu, [block((b) => {
                const v = wide ? b.const64(-1n) : b.const32(-1);
                b.store(size, b.const32(addr), v);
              })], tier2);
              expect(f, `store at B-${k}`).toBeInstanceOf(GuestFault);
              expect(f!.addr).toBe(B);
              expect(f!.write).toBe(true);
              expect([f!.kind, f!.detail]).toEqual([Excp.PageFault, FaultCause.Protection]);
              expect(f!.pc).toBe(0x1000);
              expect(Buffer.compare(snapshot(mem), before), `bytes changed by the store at B-${k}`).toBe(0);
            }
          });
          it(`load: ${name}`, () => {
            for (const [start, faultAt] of [[B - 1, B], [B + PG - 1, B + PG - 1]]) {
              for (let k = 0; k < size - 1; k++) {
                const { mem, cpu, env } = setup(prot, tier2 === 'wasm');
                const addr = start - k;
                const f = run(env, cpu, [block((b) => {
                  const v = b.load(wide ? 'i64' : 'i32', size, false, b.const32(addr));
                  b.set(0, wide ? v : b.zext(v));
                })], tier2);
                if (prot & PROT_R) {
                  expect(f).toBeUndefined();
                  const want = size === 8 ? mem.dv.getBigUint64(addr, true) : BigInt(size === 4 ? mem.dv.getUint32(addr, true) : mem.dv.getUint16(addr, true));
                  expect(BigInt.asUintN(size * 8, cpu.get64(0))).toBe(want);
                } else {
                  expect(f, `load at 0x${addr.toString(16)}`).toBeInstanceOf(GuestFault);
                  expect(f!.addr).toBe(Math.max(addr, faultAt === B ? B : addr));
                  expect(f!.write).toBe(false);
                }
              }
            }
          });
        }
      }
    }
    it(`${TIER(tier2)}: accesses that do not cross run inline and work`, () => {
      const { mem, cpu, env } = setup(PROT_R, tier2 === 'wasm');
      const f = run(env, cpu, [block((b) => {
        b.store(8, b.const32(B - 8), b.const64(0x1122334455667788n));
        b.set(1, b.load('i64', 8, false, b.const32(B - 8)));
        b.set(0, b.load('i64', 4, true, b.const32(B - 5)));
      })], tier2);
      expect(f).toBeUndefined();
      expect(cpu.get64(2)).toBe(0x1122334455667788n); // r1 (register words 2, 3)
      expect(cpu.get64(0)).toBe(0x22334455n);
      expect(mem.dv.getBigUint64(B - 8, true)).toBe(0x1122334455667788n);
    });
  }

  for (const t of [false, 'wasm'] as const) {
  it(`a crossing store between two writable pages writes every byte (${TIER(t)})`, () => {
    const { mem, cpu, env } = setup(PROT_R | PROT_W, t === 'wasm');
    const f = run(env, cpu, [block((b) => b.store(8, b.const32(B - 3), b.const64(0x0102030405060708n)))], t);
    expect(f).toBeUndefined();
    expect(mem.dv.getBigUint64(B - 3, true)).toBe(0x0102030405060708n);
  });

  it(`an alignment attribute faults first (SIGBUS-class), before any page check (${TIER(t)})`, () => {
    const { mem, cpu, env } = setup(0, t === 'wasm');
    const before = snapshot(mem);
    const f = run(env, cpu, [block((b) => b.store(4, b.const32(B - 2), b.const32(5), 4))], t);
    expect(f).toBeInstanceOf(GuestFault);
    expect(f!.addr).toBe(B - 2);
    expect(f!.kind).toBe(Excp.Alignment);
    const g = run(env, cpu, [block((b) => b.set(0, b.zext(b.load('i32', 4, false, b.const32(A + 2), 4))))], t || true);
    expect(g!.kind).toBe(Excp.Alignment);
    expect(g!.addr).toBe(A + 2);
    // aligned: goes through (and a word-aligned 8-byte access may still cross: both pages checked)
    expect(run(env, cpu, [block((b) => b.store(4, b.const32(A + 4), b.const32(5), 4))], t)).toBeUndefined();
    const h = run(env, cpu, [block((b) => b.store(8, b.const32(B - 4), b.const64(-1n), 4))], t);
    expect(h!.kind).toBe(Excp.PageFault);
    expect(h!.addr).toBe(B);
    expect(mem.u8[A + 4]).toBe(5);
    mem.u8.set(before.subarray(4, 8), A + 4);
    expect(Buffer.compare(snapshot(mem), before)).toBe(0);
  });
  }
});

describe('memory accessors (helpers use these)', () => {
  it('check both pages of every width before writing anything', () => {
    for (const prot of [0, PROT_R]) {
      const { mem } = setup(prot);
      const before = snapshot(mem);
      const writes: Array<[number, (a: number) => void]> = [
        [2, (a) => mem.write16(a, 0xffff)], [4, (a) => mem.write32(a, -1)], [8, (a) => mem.write64(a, -1n)],
        [8, (a) => mem.write64w(a, -1, -1)], [16, (a) => mem.writeBytes(a, new Uint8Array(16).fill(0xff))],
      ];
      for (const [size, w] of writes) {
        for (let k = 1; k < size; k++) {
          let err: unknown;
          try { w(B - k); } catch (e) { err = e; }
          expect(err, `write of ${size} at B-${k}`).toBeInstanceOf(GuestFault);
          expect((err as GuestFault).addr).toBe(B);
          expect([(err as GuestFault).kind, (err as GuestFault).detail]).toEqual([Excp.PageFault, FaultCause.Protection]);
          expect(Buffer.compare(snapshot(mem), before)).toBe(0);
        }
      }
      const reads: Array<[number, (a: number) => unknown]> = [
        [2, (a) => mem.read16(a)], [4, (a) => mem.read32(a)], [8, (a) => mem.read64(a)],
        [8, (a) => mem.read64w(a, { rhi: 0 })], [16, (a) => mem.readBytes(a, 16)],
      ];
      for (const [size, r] of reads) {
        for (let k = 1; k < size; k++) {
          if (prot) expect(() => r(B - k)).not.toThrow();
          else expect(() => r(B - k)).toThrow(GuestFault);
        }
      }
    }
  });

  it('read64w/write64w move int32 words (fast and slow paths agree)', () => {
    const { mem } = setup(PROT_R | PROT_W);
    const out = { rhi: 0 };
    for (const a of [A + 8, A + 4, A + 3, B - 4, B - 3]) {
      mem.write64w(a, 0x11223344, -0x789abcdf);
      expect(mem.read64w(a, out)).toBe(0x11223344);
      expect(out.rhi).toBe(-0x789abcdf);
      expect(mem.dv.getInt32(a + 4, true)).toBe(-0x789abcdf);
    }
  });

  it('fetch needs execute permission on every byte; probe answers per access kind', () => {
    const mem = new Memory();
    mem.map(A, PG, PROT_R | PROT_X);
    mem.map(B, PG, PROT_R);
    mem.dv.setUint32(A, 0x12345678, true);
    expect(mem.fetch32(A)).toBe(0x12345678);
    expect(mem.fetch16(A + 2)).toBe(0x1234);
    expect(() => mem.fetch32(B - 2)).toThrow(GuestFault);
    expect(() => mem.fetch16(B - 2)).not.toThrow();
    expect(mem.allows(B - 2, 4, Access.Read)).toBe(true);
    expect(mem.allows(B - 2, 4, Access.Fetch)).toBe(false);
    expect(mem.allows(B - 2, 1, Access.Write)).toBe(false);
    expect(() => mem.probe(B - 1, 2, Access.Write)).toThrow(GuestFault);
    try { mem.probe(B - 2, 4, Access.Fetch); } catch (e) { expect((e as GuestFault).addr).toBe(B); }
  });
});

describe('exit requests', () => {
  // a loop of one block that would run until its budget runs out
  const loop = (call: boolean) => block((b) => {
    b.set(0, b.add(b.get(0, 'i64'), b.const64(1)));
    if (call) b.call('poke', null, []);
    b.jmp(0x1000);
  });

  for (const tier2 of [false, true, 'wasm'] as const) {
    it(`a helper's request ends the region at the next block boundary (${TIER(tier2)})`, () => {
      const { cpu, env, helpers } = setup(PROT_R | PROT_W, tier2 === 'wasm');
      let calls = 0;
      helpers.poke = (c: Cpu) => { if (++calls === 3) c.requestExit(); };
      run(env, cpu, [loop(true)], tier2);
      expect(cpu.get64(0)).toBe(3n); // without the request: 100 (the budget)
      expect(cpu.exitRequest).toBe(0); // consumed by the region
      expect(cpu.budget).toBeLessThanOrEqual(0); // so the run loop ends its slice too
    });
  }

  it('interpreted: a helper\'s request is consumed and ends the slice after the block', () => {
    const { cpu, env, helpers } = setup(PROT_R | PROT_W);
    helpers.poke = (c: Cpu) => c.requestExit();
    run(env, cpu, [loop(true)], 0);
    expect([cpu.get64(0), cpu.exitRequest, cpu.pc]).toEqual([1n, 0, 0x1000]);
    expect(cpu.budget).toBeLessThanOrEqual(0);
  });

  for (const t of [true, 'wasm'] as const) {
  it(`without a request the loop runs its whole budget (${TIER(t)})`, () => {
    const { cpu, env, helpers } = setup(PROT_R | PROT_W, t === 'wasm');
    helpers.poke = () => {};
    run(env, cpu, [loop(true)], t);
    expect(cpu.get64(0)).toBe(100n);
  });

  it(`a store slow path passes a request on (a device behind a page, translated code) (${TIER(t)})`, () => {
    const { mem, cpu, env } = setup(PROT_R | PROT_W, t === 'wasm');
    let code = 0;
    mem.onCodeWrite = () => { code++; cpu.requestExit(); };
    mem.perm[B >>> 12] |= 8; // PAGE_CODE: stores there take the slow path
    const blk = block((b) => {
      b.set(0, b.add(b.get(0, 'i64'), b.const64(1)));
      b.store(4, b.const32(B + 16), b.const32(1));
      b.jmp(0x1000);
    });
    run(env, cpu, [blk], t);
    expect(code).toBe(1);
    expect(cpu.get64(0)).toBe(1n);
    expect(cpu.exitRequest).toBe(0);
  });
  }
});

describe('a memory made for the wasm tier', () => {
  it('is one 4 GiB WebAssembly.Memory holding the page flags and the registers; that range is never mapped', async () => {
    const { PERM_BASE, REGS_BASE } = await import('../../src/core/memory/flat.js');
    const mem = new Memory(true, true);
    expect(mem.buf).toBe(mem.wasmMemory!.buffer);
    expect(mem.buf.byteLength).toBe(2 ** 32);
    expect([mem.perm.buffer, mem.perm.byteOffset, mem.perm.length]).toEqual([mem.buf, PERM_BASE, 1 << 20]);
    mem.map(A, PG, PROT_R | PROT_W);
    expect(mem.u8[PERM_BASE + (A >>> 12)] & PROT_W).toBe(PROT_W);
    // two CPUs: registers side by side in the reserved range, zeroed
    const c1 = new Cpu(mem, 64), c2 = new Cpu(mem, 64);
    expect(c1.r.buffer).toBe(mem.buf);
    expect(c1.r.byteOffset).toBeGreaterThanOrEqual(REGS_BASE);
    expect(c2.r.byteOffset).toBeGreaterThanOrEqual(c1.r.byteOffset + c1.r.byteLength);
    expect(c2.r.byteOffset + c2.r.byteLength).toBeLessThanOrEqual(PERM_BASE);
    c1.r[3] = 5;
    expect([c2.r[3], c1.f64.byteOffset]).toEqual([0, c1.r.byteOffset]);
    // mapping over the reserved range leaves it unmapped: the flags and registers survive
    mem.map(REGS_BASE, 2 ** 32 - 0x10000 - REGS_BASE, PROT_R | PROT_W);
    mem.unmap(REGS_BASE, 2 ** 32 - 0x10000 - REGS_BASE);
    expect([c1.r[3], mem.perm[A >>> 12] & PROT_W]).toEqual([5, PROT_W]);
    expect(mem.isMapped(PERM_BASE, 1)).toBe(false);
    expect(() => mem.write8(PERM_BASE, 1)).toThrow(GuestFault);
    expect(mem.protect(REGS_BASE, PG, PROT_R)).toBe(false);
    // an ordinary memory has none of it
    const plain = new Memory();
    expect([plain.wasmMemory, plain.regArea(64), new Cpu(plain, 4).r.byteOffset]).toEqual([undefined, undefined, 0]);
  });
});
