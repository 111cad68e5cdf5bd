/**
 * cmpxchg, xadd, cmpxchg8b/16b. Guest threads never run in the middle of another's
 * instruction (the scheduler switches between blocks), so a locked read-modify-write is the
 * plain one.
 */
import { CcOp, ZF } from './flags.js';
import type { Handler } from './trans-alu.js';

const cmpxchg: Handler = (c, i) => {
  const b = c.b;
  const [d, s] = i.ops;
  const size = d.size;
  const acc = c.reg(size, 0);
  const { v, put } = c.rmw(d);
  const x = c.read(s);
  const eq = b.cmp('eq', acc, v);
  c.setCc(CcOp.SUB, size, c.fit(size, b.sub(acc, v)), v, acc);
  if (d.k === 'reg') {
    // a register destination is written only when the comparison succeeds (as the CPU does:
    // a failed 32-bit cmpxchg leaves its upper half alone)
    const before = b.get(d.reg, 'i64');
    c.write(d, x);
    b.set(d.reg, b.select(eq, b.get(d.reg, 'i64'), before));
  } else put(b.select(eq, x, v));
  // the accumulator is written only when the comparison fails (a 32-bit write zero-extends)
  const full = b.get(0, 'i64');
  c.setReg(size, 0, v);
  const after = b.get(0, 'i64');
  b.set(0, b.select(eq, full, after));
  return true;
};

const xadd: Handler = (c, i) => {
  const b = c.b;
  const [d, s] = i.ops;
  const size = d.size;
  const { v, put } = c.rmw(d);
  const x = c.read(s);
  const r = c.fit(size, b.add(v, x));
  c.write(s, v);
  put(r);
  c.setCc(CcOp.ADD, size, r, x);
  return true;
};

/** cmpxchg8b m64 (EDX:EAX vs memory, ECX:EBX stored) and cmpxchg16b m128 (the 64-bit registers) */
const cmpxchgNb: Handler = (c, i) => {
  const b = c.b;
  const m = i.ops[0];
  if (m.k !== 'mem') return false;
  const half = i.mnem === 'cmpxchg16b' ? 8 : 4;
  const a = c.ea(m.mem);
  const a2 = b.add(a, b.k32(half));
  const lo = c.load(half, a), hi = c.load(half, a2);
  const eq = b.and(b.cmp('eq', lo, c.reg(half, 0)), b.cmp('eq', hi, c.reg(half, 2)));
  c.store(half, a, b.select(eq, c.reg(half, 3), lo));
  c.store(half, a2, b.select(eq, c.reg(half, 1), hi));
  const rax = b.get(0, 'i64'), rdx = b.get(2, 'i64');
  c.setReg(half, 0, lo);
  c.setReg(half, 2, hi);
  b.set(0, b.select(eq, rax, b.get(0, 'i64')));
  b.set(2, b.select(eq, rdx, b.get(2, 'i64')));
  const old = c.flags().eflags();
  c.setEflags(b.or(b.and(old, b.k32(~ZF)), b.bin('shl', eq, b.k32(6))));
  return true;
};

export const transAtomic: Record<string, Handler> = { cmpxchg, xadd, cmpxchg8b: cmpxchgNb, cmpxchg16b: cmpxchgNb };
