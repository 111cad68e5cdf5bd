/**
 * Data movement: mov/lea/movzx/movsx, xchg, conditional moves and sets, the stack (push,
 * pop, leave, enter), bswap, sign extensions of rAX, and the flag instructions that move
 * flags around (pushf/popf, lahf/sahf, clc/stc/cmc, cld/std).
 */
import type { X86Ctx } from './ctx.js';
import { RSP } from './ctx.js';
import { DF, FS_BASE, GS_BASE } from './cpu.js';
import type { Insn } from './decode.js';
import { AF, CF, OF, PF, SF, ZF } from './flags.js';
import type { Handler } from './trans-alu.js';

const ARITH = CF | PF | AF | ZF | SF | OF;

const mov: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (d.k === 'seg' || s.k === 'seg') return movSeg(c, i);
  c.write(d, c.fit(d.size, c.read(s)));
  return true;
};

/** mov to/from a segment register: reads give the selector; writes of %fs/%gs keep the base */
function movSeg(c: X86Ctx, i: Insn): boolean {
  const [d, s] = i.ops;
  if (s.k === 'seg') {
    const v = c.b.call('x86_get_seg', 'i32', [c.b.k32(s.reg)]);
    c.write(d, c.fit(d.size, v));
    return true;
  }
  if (d.k !== 'seg') return false;
  loadSeg(c, d.reg, c.fit(4, c.read(s)));
  return true;
}

/** load a segment register: %fs and %gs also take the base of the descriptor they select */
function loadSeg(c: X86Ctx, seg: number, sel: number): void {
  const b = c.b;
  b.call('x86_set_seg', null, [b.k32(seg), sel]);
  if (seg === 4 || seg === 5) b.set(seg === 4 ? FS_BASE : GS_BASE, b.call('x86_seg_base', 'i64', [sel]));
}

const lea: Handler = (c, i) => {
  const [d, s] = i.ops;
  if (s.k !== 'mem') return false;
  c.write(d, c.fit(d.size, c.ea(s.mem, d.size === 8)));
  return true;
};

function movx(signed: boolean): Handler {
  return (c, i) => {
    const [d, s] = i.ops;
    const v = c.read(s);
    c.write(d, signed ? c.sext(s.size, v, d.size) : c.zext(s.size, v, d.size));
    return true;
  };
}

const xchg: Handler = (c, i) => {
  const [d, s] = i.ops;
  const x = c.read(s);
  const { v, put } = c.rmw(d);
  put(x);
  c.write(s, v);
  return true;
};

const cmov: Handler = (c, i) => {
  const [d, s] = i.ops;
  const cond = c.cond(i.map === '0f' ? i.opcode & 15 : 0);
  const x = c.read(s);
  // a 32-bit cmov zero-extends the destination even when the condition is false
  c.write(d, c.b.select(cond, x, c.read(d)));
  return true;
};

const setcc: Handler = (c, i) => {
  c.write(i.ops[0], c.cond(i.opcode & 15));
  return true;
};

const push: Handler = (c, i) => {
  const s = i.ops[0];
  if (s.k === 'seg') { c.push(c.fit(c.word, c.b.call('x86_get_seg', 'i32', [c.b.k32(s.reg)]))); return true; }
  const v = c.read(s);
  c.push(s.k === 'imm' ? c.k(c.word, s.imm) : v);
  return true;
};

const pop: Handler = (c, i) => {
  const d = i.ops[0];
  if (d.k === 'seg') { loadSeg(c, d.reg, c.fit(4, c.pop())); return true; }
  const v = c.pop();
  // pop into memory addressed through %rsp uses the incremented %rsp
  c.write(d, c.fit(d.size, v));
  return true;
};

const leave: Handler = (c) => {
  const b = c.b;
  b.set(RSP, b.get(5, 'i64'));
  const v = c.pop();
  c.setReg(c.word, 5, v);
  return true;
};

const enter: Handler = (c, i) => {
  const b = c.b;
  const size = Number(i.ops[0].k === 'imm' ? i.ops[0].imm : 0n);
  const level = Number(i.ops[1].k === 'imm' ? i.ops[1].imm : 0n) & 31;
  if (level !== 0) return false;
  c.push(c.reg(c.word, 5));
  const sp = b.get(RSP, 'i64');
  c.setReg(c.word, 5, c.fit(c.word, sp));
  b.set(RSP, b.sub(sp, b.k64(size)));
  return true;
};

const bswap: Handler = (c, i) => {
  const d = i.ops[0];
  c.write(d, c.b.bswap(c.read(d)));
  return true;
};

/** cbw/cwde/cdqe */
const cbw: Handler = (c, i) => {
  const half = i.osize / 2;
  c.setReg(i.osize, 0, c.sext(half, c.reg(half, 0), i.osize));
  return true;
};
/** cwd/cdq/cqo */
const cwd: Handler = (c, i) => {
  const n = i.osize;
  const a = c.reg(n, 0);
  c.setReg(n, 2, c.fit(n, c.b.bin('sar', n < 4 ? c.b.sextb(a, n * 8) : a, c.b.k32(n * 8 - 1))));
  return true;
};

/** EFLAGS as the CPU shows it: arithmetic flags, DF, the reserved bit 1, IF */
function eflagsValue(c: X86Ctx): number {
  const b = c.b;
  const arith = c.flags().eflags();
  return b.or(b.or(arith, b.k32(0x202)), b.bin('shl', b.get(DF, 'i32'), b.k32(10)));
}

const pushf: Handler = (c) => { c.push(c.fit(c.word, eflagsValue(c))); return true; };
const popf: Handler = (c) => {
  const b = c.b;
  const v = c.fit(4, c.pop());
  c.setEflags(b.and(v, b.k32(ARITH)));
  b.set(DF, b.extract(v, 10, 1));
  b.call('x86_set_eflags_sys', null, [v]);
  return true;
};
const lahf: Handler = (c) => {
  c.setReg(1, 0, c.b.and(c.b.or(c.flags().eflags(), c.b.k32(2)), c.b.k32(0xd7)), true);
  return true;
};
const sahf: Handler = (c) => {
  const b = c.b;
  const old = c.flags().eflags();
  const ah = c.reg(1, 0, true);
  c.setEflags(b.or(b.and(old, b.k32(OF)), b.and(ah, b.k32(CF | PF | AF | ZF | SF))));
  return true;
};
function cfOp(kind: 'clc' | 'stc' | 'cmc'): Handler {
  return (c) => {
    const b = c.b;
    const old = c.flags().eflags();
    const v = kind === 'clc' ? b.and(old, b.k32(~CF)) : kind === 'stc' ? b.or(old, b.k32(CF)) : b.xor(old, b.k32(CF));
    c.setEflags(v);
    return true;
  };
}

export const transMove: Record<string, Handler> = {
  mov, lea, movzb: movx(false), movzw: movx(false), movsb: movx(true), movsw: movx(true), movslq: movx(true),
  xchg, bswap, cbw, cwd, push, pop, leave, enter, pushf, popf, lahf, sahf,
  clc: cfOp('clc'), stc: cfOp('stc'), cmc: cfOp('cmc'),
  cld: (c) => { c.b.set(DF, c.b.k32(0)); return true; },
  std: (c) => { c.b.set(DF, c.b.k32(1)); return true; },
  ...Object.fromEntries(['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g']
    .flatMap((cc) => [[`cmov${cc}`, cmov], [`set${cc}`, setcc]])),
};
