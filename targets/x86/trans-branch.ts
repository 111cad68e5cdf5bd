/** Control transfer: jcc, jmp, call, ret, jrcxz (near, direct and indirect). */
import { RSP } from './ctx.js';
import type { X86Ctx } from './ctx.js';
import type { Insn, Operand } from './decode.js';
import type { Handler } from './trans-alu.js';

function target(o: Operand): number {
  if (o.k !== 'rel') throw new Error('x86: branch without a relative target');
  return o.target;
}

/** an indirect target (register or memory) as an address-sized value */
function indirect(c: X86Ctx, o: Operand): number {
  return c.fit(4, c.read(o.k === 'reg' ? { ...o, size: c.word } : { ...o, size: c.word }));
}

const jcc: Handler = (c, i) => {
  const cc = i.opcode & 15;
  c.b.br(c.cond(cc), target(i.ops[0]), c.next);
  return true;
};

const jmp: Handler = (c, i) => {
  const o = i.ops[0];
  if (o.k === 'rel') c.b.jmp(target(o));
  else c.b.jind(indirect(c, o));
  return true;
};

const call: Handler = (c, i) => {
  const o = i.ops[0];
  const dest = o.k === 'rel' ? -1 : indirect(c, o);
  c.push(c.k(c.word, c.next));
  if (o.k === 'rel') c.b.jmp(target(o));
  else c.b.jind(dest);
  return true;
};

const ret: Handler = (c, i: Insn) => {
  const b = c.b;
  const v = c.pop();
  if (i.ops.length) b.set(RSP, b.add(b.get(RSP, 'i64'), b.k64(Number(i.ops[0].k === 'imm' ? i.ops[0].imm : 0n))));
  b.jind(c.fit(4, v));
  return true;
};

const jrcxz: Handler = (c, i) => {
  const zero = c.b.cmp('eq', c.reg(i.asize, 1), c.k(i.asize, 0));
  c.b.br(zero, target(i.ops[0]), c.next);
  return true;
};

export const transBranch: Record<string, Handler> = {
  jmp, call, ret, jrcxz,
  ...Object.fromEntries(['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'].map((cc) => [`j${cc}`, jcc])),
};
