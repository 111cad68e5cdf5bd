/**
 * String instructions (movs, stos, lods, cmps, scas) with rep/repe/repne. A repeated one
 * does one element per execution and branches back to itself while it is not done, so each
 * element is exact (a fault, a signal or a store into code sees the registers as the CPU
 * leaves them) and the region keeps the loop inside one compiled function.
 */
import { DF, FS_BASE, GS_BASE } from './cpu.js';
import type { X86Ctx } from './ctx.js';
import type { Insn, Operand } from './decode.js';
import { CcOp } from './flags.js';
import type { Handler } from './trans-alu.js';

const RCX = 1, RSI = 6, RDI = 7;

/** the address of a string operand: rsi or rdi (plus a %fs/%gs base) */
function addr(c: X86Ctx, i: Insn, o: Operand): number {
  const b = c.b;
  if (o.k !== 'str') throw new Error('x86: not a string operand');
  let a = c.reg32(o.dst ? RDI : RSI);
  if (!o.dst && (o.seg === 4 || o.seg === 5)) a = b.add(a, b.trunc(b.get(o.seg === 4 ? FS_BASE : GS_BASE, 'i64')));
  void i;
  return a;
}

function advance(c: X86Ctx, i: Insn, reg: number, size: number): void {
  const b = c.b;
  const step = b.select(b.get(DF, 'i32'), b.k64(-size), b.k64(size));
  const v = b.add(b.get(reg, 'i64'), step);
  if (i.asize === 8) b.set(reg, v);
  else c.setReg(4, reg, b.trunc(v));
}

/** one element of the operation; returns nothing (flags recorded for cmps/scas) */
type Body = (c: X86Ctx, i: Insn, size: number) => void;

const bodies: Record<string, Body> = {
  movs(c, i, size) {
    const [d, s] = i.ops;
    c.store(size, addr(c, i, d), c.load(size, addr(c, i, s)));
    advance(c, i, RSI, size);
    advance(c, i, RDI, size);
  },
  stos(c, i, size) {
    c.store(size, addr(c, i, i.ops[0]), c.reg(size, 0));
    advance(c, i, RDI, size);
  },
  lods(c, i, size) {
    c.setReg(size, 0, c.load(size, addr(c, i, i.ops[1])));
    advance(c, i, RSI, size);
  },
  cmps(c, i, size) {
    const [s, d] = i.ops;
    const a = c.load(size, addr(c, i, s));
    const x = c.load(size, addr(c, i, d));
    c.setCc(CcOp.SUB, size, c.fit(size, c.b.sub(a, x)), x, a);
    advance(c, i, RSI, size);
    advance(c, i, RDI, size);
  },
  scas(c, i, size) {
    const a = c.reg(size, 0);
    const x = c.load(size, addr(c, i, i.ops[1]));
    c.setCc(CcOp.SUB, size, c.fit(size, c.b.sub(a, x)), x, a);
    advance(c, i, RDI, size);
  },
};

function stringOp(name: string): Handler {
  const body = bodies[name];
  return (c, i) => {
    const size = i.ops.find((o) => o.k === 'str')!.size;
    if (!i.rep) { body(c, i, size); return true; }
    const b = c.b;
    const asz = i.asize;
    // rcx == 0: nothing at all
    const cnt = c.reg(asz, RCX);
    const skip = b.newLabel();
    b.brcond(b.cmp('eq', cnt, c.k(asz, 0)), skip);
    body(c, i, size);
    const left = c.fit(asz, b.sub(cnt, c.k(asz, 1)));
    c.setReg(asz, RCX, left);
    let more = b.cmp('ne', left, c.k(asz, 0));
    if (name === 'cmps' || name === 'scas') {
      const zf = c.flags().zf();
      more = b.and(more, i.rep === 'F3' ? zf : b.xor(zf, b.k32(1)));
    }
    // loop back to this instruction while there is more to do (a skipped `more` reads 0)
    c.label(skip);
    b.br(more, c.pc, c.next);
    return true;
  };
}

export const transString: Record<string, Handler> = Object.fromEntries(Object.keys(bodies).map((n) => [n, stringOp(n)]));
