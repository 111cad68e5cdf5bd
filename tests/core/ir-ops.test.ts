/**
 * The bit-manipulation IR ops (rotl rotr clz ctz popcnt bswap extract deposit addc subb) at
 * i32 and i64, lowered by the JS backend and run by the interpreter (tier 0) with operands in
 * registers, and folded by the builder with constant operands: all must match BigInt
 * reference values.
 */
import { Access, pageFault } from '../../src/core/exceptions.js';
import { describe, expect, it } from 'vitest';
import { ExitKind, IrBuilder, type Block, type Ty } from '../../src/core/ir.js';
import { compileRegion, type RegionEnv } from '../../src/core/backend/region.js';
import { interpretBlock } from '../../src/core/backend/interp.js';
import { BACKENDS as TIERS } from '../helpers/backends.js';
import { Memory, GuestFault } from '../../src/core/memory/flat.js';
import { Cpu } from '../../src/core/cpu.js';
import type { RegInfo } from '../../src/core/isa.js';

// r0..r3 cached i64, r4 i32 (cached), r5 i32 uncached
const regs: RegInfo[] = [
  ...[0, 1, 2, 3].map((n) => ({ name: `r${n}`, ty: 'i64' as const, index: 2 * n, cached: true })),
  { name: 'r4', ty: 'i32', index: 8, cached: true },
  { name: 'r5', ty: 'i32', index: 9, cached: false },
];
const env = (cpu: Cpu, mem: Memory): RegionEnv => ({
  r: cpu.r, mem, helpers: {},
  faults: { r(a, pc) { throw pageFault(a, Access.Read, false, pc); }, w() { return false; } },
});
function block(build: (b: IrBuilder) => void): Block {
  const b = new IrBuilder();
  b.insn(0x1000, 4);
  build(b);
  b.exit(ExitKind.Jump, 0x1004);
  return { pc: 0x1000, end: b.end, ninsns: b.ninsns, ops: b.ops, temps: b.temps, asm: b.asm };
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
}
const next = rng(4242);
const EDGE = [0n, 1n, -1n, 2n, 0x7fffffffn, -0x80000000n, 0xffffffffn, 0x100000000n, (1n << 63n) - 1n, -(1n << 63n), 0x80n, 0xff00n];
const vals = (bits: number) => {
  const out = EDGE.map((v) => BigInt.asIntN(bits, v));
  for (let i = 0; i < 40; i++) out.push(BigInt.asIntN(bits, (BigInt(next()) << 32n) | BigInt(next())));
  for (let i = 0; i < 8; i++) out.push(BigInt.asIntN(bits, 1n << BigInt(next() % bits)));
  return out;
};

// BigInt reference semantics (u = unsigned value at the width)
const U = (bits: number, v: bigint) => BigInt.asUintN(bits, v);
const S = (bits: number, v: bigint) => BigInt.asIntN(bits, v);
const ref = {
  rotl: (n: number, a: bigint, s: number) => { const k = BigInt(s % n); return S(n, (U(n, a) << k) | (U(n, a) >> (BigInt(n) - k))); },
  rotr: (n: number, a: bigint, s: number) => { const k = BigInt(s % n); return S(n, (U(n, a) >> k) | (U(n, a) << (BigInt(n) - k))); },
  clz: (n: number, a: bigint) => { let c = 0; for (let i = n - 1; i >= 0 && !((U(n, a) >> BigInt(i)) & 1n); i--) c++; return BigInt(c); },
  ctz: (n: number, a: bigint) => { let c = 0; while (c < n && !((U(n, a) >> BigInt(c)) & 1n)) c++; return BigInt(c); },
  popcnt: (n: number, a: bigint) => { let c = 0n; for (let i = 0; i < n; i++) c += (U(n, a) >> BigInt(i)) & 1n; return c; },
  bswap: (n: number, a: bigint) => { let r = 0n; for (let i = 0; i < n; i += 8) r = (r << 8n) | ((U(n, a) >> BigInt(i)) & 0xffn); return S(n, r); },
};

type Case = { name: string; ty: Ty; build: (ir: IrBuilder, x: number, y: number, c: number) => number; want: (x: bigint, y: bigint, c: bigint) => bigint; args?: () => [bigint, bigint, bigint] };

function cases(): Case[] {
  const out: Case[] = [];
  for (const ty of ['i32', 'i64'] as const) {
    const n = ty === 'i64' ? 64 : 32;
    for (const op of ['rotl', 'rotr'] as const) {
      out.push({ name: `${op} ${ty}`, ty, build: (ir, x, _y, c) => ir[op](x, c), want: (x, _y, c) => ref[op](n, x, Number(c) & (n - 1)),
        args: () => [vals(n)[next() % 60], 0n, BigInt(next() % 130)] });
    }
    for (const op of ['clz', 'ctz', 'popcnt', 'bswap'] as const) {
      out.push({ name: `${op} ${ty}`, ty, build: (ir, x) => ir[op](x), want: (x) => ref[op](n, x) });
    }
    for (const [pos, len] of [[1, 7], [8, 8], [3, 20], [n - 9, 8], [5, n - 6], [20, 12], ...(n === 64 ? [[32, 32], [30, 4], [31, 33], [40, 9], [4, 40], [0, 40]] : [[0, 12]])]) {
      for (const signed of [false, true]) {
        out.push({ name: `extract${signed ? 's' : 'u'} ${ty} ${pos},${len}`, ty, build: (ir, x) => ir.extract(x, pos, len, signed),
          want: (x) => { const f = (U(n, x) >> BigInt(pos)) & ((1n << BigInt(len)) - 1n); return S(n, signed ? S(len, f) : f); } });
      }
      out.push({ name: `deposit ${ty} ${pos},${len}`, ty, build: (ir, x, y) => ir.deposit(x, y, pos, len),
        want: (x, y) => { const m = ((1n << BigInt(len)) - 1n) << BigInt(pos); return S(n, (x & ~m) | ((y << BigInt(pos)) & m)); } });
    }
    for (const cin of [false, true]) {
      out.push({ name: `addc ${ty}${cin ? ' with carry in' : ''}`, ty, build: (ir, x, y, c) => ir.addc(x, y, cin ? c : -1),
        want: (x, y, c) => (U(n, x) + U(n, y) + (cin ? c : 0n) >= 1n << BigInt(n) ? 1n : 0n),
        args: () => { const v = vals(n); const x = v[next() % v.length]; return [x, next() % 5 === 0 ? S(n, -x - 1n) : v[next() % v.length], BigInt(next() & 1)]; } });
      out.push({ name: `subb ${ty}${cin ? ' with borrow in' : ''}`, ty, build: (ir, x, y, c) => ir.subb(x, y, cin ? c : -1),
        want: (x, y, c) => (U(n, x) < U(n, y) + (cin ? c : 0n) ? 1n : 0n),
        args: () => { const v = vals(n); const x = v[next() % v.length]; return [x, next() % 5 === 0 ? x : v[next() % v.length], BigInt(next() & 1)]; } });
    }
  }
  return out;
}

/** the JS backend (tier 2: registers in locals) and the interpreter, one block each */
const BACKENDS = {
  compiled: (b: Block, e: RegionEnv) => compileRegion([b], 0x1000, regs, e).fn,
  interpreted: (b: Block, e: RegionEnv) => interpretBlock(b, regs, e),
  /** the WebAssembly tier (on a wasm memory) */
  wasm: (b: Block, e: RegionEnv) => TIERS[1].compile([b], 0x1000, regs, e).fn,
};

describe.each(Object.keys(BACKENDS) as (keyof typeof BACKENDS)[])('IR bit ops %s: lowering, interpretation and builder folding match BigInt', (backend) => {
  const mem = new Memory(true, backend === 'wasm');
  const cpu = new Cpu(mem, 12);
  const compile = BACKENDS[backend];
  for (const k of cases()) {
    it(k.name, () => {
      const n = k.ty === 'i64' ? 64 : 32;
      const v = vals(n);
      const pick = k.args ?? (() => [v[next() % v.length], v[next() % v.length], BigInt(next() & 1)] as [bigint, bigint, bigint]);
      const fn = compile(block((ir) => {
        const g = (r: number) => (k.ty === 'i64' ? ir.get(r, 'i64') : ir.trunc(ir.get(r, 'i64')));
        const r = k.build(ir, g(0), g(1), ir.get(5, 'i32'));
        ir.set(2, ir.typeOf(r) === 'i64' ? r : ir.sext(r));
      }), env(cpu, mem));
      for (let i = 0; i < 150; i++) {
        const [x, y, c] = pick();
        const want = k.want(x, y, c);
        cpu.set64(0, x); cpu.set64(2, y); cpu.r[9] = Number(c);
        fn(cpu);
        expect(cpu.get64(4), `${k.name} x=${x} y=${y} c=${c}`).toBe(want);
        if (i % 10 === 0) { // the same with constant operands: folded by the builder
          const b = block((ir) => {
            const kk = (w: bigint) => (k.ty === 'i64' ? ir.k64(w) : ir.k32(Number(w)));
            const r = k.build(ir, kk(x), kk(y), ir.k32(Number(c)));
            expect(ir.constValue(r), `${k.name} folded x=${x} y=${y} c=${c}`).toBe(want);
          });
          expect(b.ops.filter((o) => o.op !== 'const' && o.op !== 'exit')).toEqual([]);
          // constants the builder cannot see (a register written then read: forwarded by the
          // optimisation pass) reach the backend as constant operands
          const viaRegs = compile(block((ir) => {
            const kk = (r: number, w: bigint) => {
              ir.set(r, ir.k64(w));
              const g = ir.get(r, 'i64');
              return k.ty === 'i64' ? g : ir.trunc(g);
            };
            const cc = ir.k32(Number(c));
            ir.set(4, cc);
            const r = k.build(ir, kk(0, x), kk(1, y), ir.get(4, 'i32'));
            ir.set(2, ir.typeOf(r) === 'i64' ? r : ir.sext(r));
          }), env(cpu, mem));
          viaRegs(cpu);
          expect(cpu.get64(4), `${k.name} via registers x=${x} y=${y} c=${c}`).toBe(want);
        }
      }
    });
  }
});
