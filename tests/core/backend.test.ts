import { Access, Excp, pageFault } from '../../src/core/exceptions.js';
import { describe, expect, it } from 'vitest';
import { ExitKind, IrBuilder, type BinOp, type Block, type CmpOp } from '../../src/core/ir.js';
import type { RegionEnv } from '../../src/core/backend/region.js';
import { BACKENDS, type Backend } from '../helpers/backends.js';
import { Memory, PROT_R, PROT_W, GuestFault } from '../../src/core/memory/flat.js';
import { Cpu } from '../../src/core/cpu.js';
import type { RegInfo } from '../../src/core/isa.js';

// A toy register file: r0..r3 cached i64, r4 uncached i64, r5 cached i32.
const regs: RegInfo[] = [
  ...[0, 1, 2, 3].map((n) => ({ name: `r${n}`, ty: 'i64' as const, index: 2 * n, cached: true })),
  { name: 'r4', ty: 'i64', index: 8, cached: false },
  { name: 'r5', ty: 'i32', index: 10, cached: true },
];

function setup(be: Backend, littleEndian = true) {
  const mem = new Memory(littleEndian, be.wasm);
  const cpu = new Cpu(mem, 12);
  const env: RegionEnv = {
    r: cpu.r, mem, helpers: {},
    faults: {
      r(a, pc) { throw pageFault(a, Access.Read, false, pc); },
      w(a, pc) { if (!(mem.perm[a >>> 12] & PROT_W)) throw pageFault(a, Access.Write, true, pc); return false; },
    },
  };
  return { mem, cpu, env };
}

function block(build: (b: IrBuilder) => void, pc = 0x1000): Block {
  const b = new IrBuilder();
  b.insn(pc, 4);
  build(b);
  if (!b.done) b.exit(ExitKind.Jump, pc + 4);
  return { pc, end: b.end, ninsns: b.ninsns, ops: b.ops, temps: b.temps, asm: b.asm };
}

const M64 = (1n << 64n) - 1n;
const s64 = (v: bigint) => BigInt.asIntN(64, v);
const u64 = (v: bigint) => BigInt.asUintN(64, v);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
}
function interesting(next: () => number): bigint[] {
  const out: bigint[] = [0n, 1n, -1n, 2n, 63n, 64n, 0x7fffffffn, 0x80000000n, 0xffffffffn, 0x100000000n,
    -0x80000000n, (1n << 63n) - 1n, -(1n << 63n), 10n, -10n, 3n];
  for (let i = 0; i < 40; i++) out.push(s64((BigInt(next()) << 32n) | BigInt(next())));
  for (let i = 0; i < 10; i++) out.push(BigInt((next() | 0) % 1000));
  return out;
}

const ref: Record<BinOp, (a: bigint, b: bigint) => bigint> = {
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b,
  and: (a, b) => a & b, or: (a, b) => a | b, xor: (a, b) => a ^ b,
  shl: (a, b) => a << (b & 63n), shr: (a, b) => u64(a) >> (b & 63n), sar: (a, b) => a >> (b & 63n),
  rotl: (a, b) => (u64(a) << (b & 63n)) | (u64(a) >> ((64n - (b & 63n)) & 63n)),
  rotr: (a, b) => (u64(a) >> (b & 63n)) | (u64(a) << ((64n - (b & 63n)) & 63n)),
  mulhs: (a, b) => (a * b) >> 64n, mulhu: (a, b) => (u64(a) * u64(b)) >> 64n, mulhsu: (a, b) => (a * u64(b)) >> 64n,
  divs: (a, b) => (b === 0n ? 0n : a / b), divu: (a, b) => (b === 0n ? 0n : u64(a) / u64(b)),
  rems: (a, b) => (b === 0n ? a : a % b), remu: (a, b) => (b === 0n ? a : u64(a) % u64(b)),
};

describe.each(BACKENDS)('$name backend: i64 lowering matches BigInt semantics', (be) => {
  const compileRegion = be.compile;
  const { cpu, env } = setup(be);
  const next = rng(12345);
  const vals = interesting(next);
  for (const op of Object.keys(ref) as BinOp[]) {
    for (const constB of [false, true]) {
      it(`${op}${constB ? ' (constant rhs)' : ''}`, () => {
        const cache = new Map<string, (c: unknown) => number>();
        for (let i = 0; i < 120; i++) {
          const a = vals[next() % vals.length];
          let b = vals[next() % vals.length];
          if (op.startsWith('sh') || op.startsWith('rot')) b = BigInt(next() % 64);
          const key = constB ? String(b) : 'dyn';
          let fn = cache.get(key);
          if (!fn) {
            const bl = block((ir) => {
              const x = ir.get(0, 'i64');
              const amt = op.startsWith('sh') || op.startsWith('rot');
              const y = constB ? (amt ? ir.const32(Number(b)) : ir.const64(b)) : amt ? ir.trunc(ir.get(1, 'i64')) : ir.get(1, 'i64');
              ir.set(2, ir.bin(op, x, y));
            });
            fn = compileRegion([bl], 0x1000, regs, env).fn;
            cache.set(key, fn);
          }
          cpu.set64(0, a);
          cpu.set64(2, b);
          fn(cpu);
          expect(cpu.get64(4), `${op} ${a} ${b}`).toBe(s64(ref[op](a, b) & M64));
        }
      });
    }
  }

  const cmps: Record<CmpOp, (a: bigint, b: bigint) => boolean> = {
    eq: (a, b) => a === b, ne: (a, b) => a !== b, lts: (a, b) => a < b, les: (a, b) => a <= b,
    ltu: (a, b) => u64(a) < u64(b), leu: (a, b) => u64(a) <= u64(b),
  };
  it('compares and select', () => {
    for (const op of Object.keys(cmps) as CmpOp[]) {
      const fn = compileRegion([block((ir) => {
        const c = ir.cmp(op, ir.get(0, 'i64'), ir.get(1, 'i64'));
        ir.set(2, ir.select(c, ir.get(0, 'i64'), ir.get(1, 'i64')));
        ir.set(5, c);
      })], 0x1000, regs, env).fn;
      for (let i = 0; i < 200; i++) {
        const a = vals[next() % vals.length], b = i % 7 === 0 ? a : vals[next() % vals.length];
        cpu.set64(0, a); cpu.set64(2, b);
        fn(cpu);
        expect(cpu.r[10], `${op} ${a} ${b}`).toBe(cmps[op](a, b) ? 1 : 0);
        expect(cpu.get64(4)).toBe(cmps[op](a, b) ? a : b);
      }
    }
  });

  it('extensions, neg, not and 32-bit ops', () => {
    const fn = compileRegion([block((ir) => {
      const x = ir.get(0, 'i64');
      ir.set(1, ir.sextb(x, 8));
      ir.set(2, ir.zextb(x, 48));
      ir.set(3, ir.neg(x));
      const w = ir.trunc(x);
      ir.set(4, ir.sext(ir.bin('shr', w, ir.const32(3))));
      ir.set(5, ir.bin('divs', w, ir.const32(-7)));
    })], 0x1000, regs, env).fn;
    for (const a of vals) {
      cpu.set64(0, a);
      fn(cpu);
      expect(cpu.get64(2)).toBe(BigInt.asIntN(8, a));
      expect(cpu.get64(4)).toBe(BigInt.asUintN(48, a));
      expect(cpu.get64(6)).toBe(s64(-a));
      expect(cpu.get64(8)).toBe(BigInt.asIntN(32, BigInt.asUintN(32, a) >> 3n));
      const w = BigInt.asIntN(32, a);
      expect(cpu.r[10]).toBe(Number(BigInt.asIntN(32, w / -7n)));
    }
  });
});

describe.each(BACKENDS)('$name backend: memory, faults and regions', (be) => {
  const compileRegion = be.compile;
  // the wasm tier takes little-endian guests only (big-endian regions stay JS)
  it(`loads and stores every size, ${be.wasm ? 'little endian' : 'little and big endian'}`, () => {
    for (const le of be.wasm ? [true] : [true, false]) {
      const { mem, cpu, env } = setup(be, le);
      mem.map(0x20000, 0x1000, PROT_R | PROT_W);
      const fn = compileRegion([block((ir) => {
        const addr = ir.const64(0x20000);
        ir.store(8, addr, ir.get(0, 'i64'));
        ir.set(1, ir.load('i64', 1, true, ir.const64(0x20000 + (le ? 0 : 7))));
        ir.set(2, ir.load('i64', 4, false, ir.const64(0x20000 + (le ? 0 : 4))));
        ir.set(3, ir.load('i64', 8, false, addr));
      })], 0x1000, regs, env).fn;
      cpu.set64(0, -0x123456789abcdefn);
      fn(cpu);
      const v = -0x123456789abcdefn;
      expect(cpu.get64(2)).toBe(BigInt.asIntN(8, v));
      expect(cpu.get64(4)).toBe(BigInt.asUintN(32, v));
      expect(cpu.get64(6)).toBe(v);
      expect(mem.dv.getBigInt64(0x20000, le)).toBe(v);
    }
  });

  it('a load from an unmapped page throws a GuestFault with its pc and writes back registers', () => {
    const { cpu, env } = setup(be);
    const fn = compileRegion([block((ir) => {
      ir.set(1, ir.const64(77));
      ir.pc = 0x1004;
      ir.set(2, ir.load('i64', 8, false, ir.const64(0x5000)));
    })], 0x1000, regs, env).fn;
    let err: unknown;
    try { fn(cpu); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(GuestFault);
    expect((err as GuestFault).pc).toBe(0x1004);
    expect((err as GuestFault).addr).toBe(0x5000);
    expect(cpu.get64(2)).toBe(77n);
  });

  it('a loop region runs inside one function and keeps registers in locals', () => {
    const { cpu, env } = setup(be);
    // r0 = counter, r1 = accumulator: loop: r1 += r0; r0 -= 1; if r0 != 0 goto loop
    const loop = block((ir) => {
      const c = ir.get(0, 'i64');
      ir.set(1, ir.add(ir.get(1, 'i64'), c));
      const c2 = ir.sub(c, ir.const64(1));
      ir.set(0, c2);
      ir.br(ir.cmp('ne', c2, ir.const64(0)), 0x1000, 0x1010);
    });
    const out = block((ir) => { ir.exception(Excp.Syscall, 0x1014); }, 0x1010);
    const r = compileRegion([loop, out], 0x1000, regs, env);
    expect(r.source).toMatch(be.wasm ? /wasm region 0x1000: 2 blocks/ : /case 0x1010/);
    cpu.set64(0, 100000n); cpu.set64(2, 0n); cpu.budget = 1e9;
    expect([r.fn(cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(cpu.get64(2)).toBe(5000050000n);
    expect(cpu.pc).toBe(0x1014);
    expect(cpu.icount).toBe(100001);
  });
});

describe('runtime: 64-bit division without BigInt', () => {
  it('matches BigInt on adversarial operands (all four kinds)', async () => {
    const { div64 } = await import('../../src/core/backend/runtime.js');
    const next = rng(777);
    const pick = (): bigint => {
      const k = next() % 6;
      const bits = BigInt(next() % 64);
      if (k === 0) return (1n << bits) + BigInt((next() % 5) - 2);
      if (k === 1) return BigInt(next() % 100);
      if (k === 2) return -(1n << bits) + BigInt((next() % 5) - 2);
      return BigInt.asIntN(64, (BigInt(next()) << 32n) | BigInt(next())) >> BigInt(next() % 40);
    };
    const out = { rhi: 0 };
    const edge = [-1n, (1n << 63n) - 1n, -(1n << 63n), (1n << 63n) - 2n, 1n << 62n, (1n << 62n) + 1n, 6148914691236517205n, 1n << 32n, (1n << 32n) - 1n];
    const pairs: Array<[bigint, bigint]> = [];
    for (const a of edge) for (const b of edge) pairs.push([a, b]);
    for (let i = 0; i < 20000 + pairs.length; i++) {
      const [a, b] = i < pairs.length ? pairs[i] : [s64(pick()), s64(pick())];
      if (b === 0n) continue;
      const parts = (v: bigint) => [Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n))];
      const [al, ah] = parts(a), [bl, bh] = parts(b);
      const expect4 = [s64(a / b), s64(u64(a) / u64(b)), s64(a % b), s64(u64(a) % u64(b))];
      for (let kind = 0; kind < 4; kind++) {
        const lo = div64(out, al, ah, bl, bh, kind);
        const got = (BigInt(out.rhi) << 32n) | BigInt(lo >>> 0);
        if (got !== expect4[kind]) expect(`${kind} ${a} ${b} -> ${got}`).toBe(`${kind} ${a} ${b} -> ${expect4[kind]}`);
      }
    }
  });
});
