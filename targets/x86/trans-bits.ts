/** Bit instructions: bt/bts/btr/btc, bsf/bsr, tzcnt/lzcnt/popcnt. */
import type { X86Ctx } from './ctx.js';
import type { Insn } from './decode.js';
import { CcOp, CF } from './flags.js';
import type { Handler } from './trans-alu.js';

function bt(kind: 'bt' | 'bts' | 'btr' | 'btc'): Handler {
  return (c: X86Ctx, i: Insn) => {
    const b = c.b;
    const [d, s] = i.ops;
    const size = d.size, bits = size * 8;
    let off = c.fit(4, c.read(s));
    let o = d;
    if (d.k === 'mem' && s.k === 'reg') {
      // a register bit offset reaches beyond the operand: a bit string in memory
      const sOff = s.size === 8 ? c.b.trunc(c.read(s)) : size === 2 ? b.sextb(off, 16) : off;
      const a = b.add(c.ea(d.mem), b.bin('shl', b.bin('sar', sOff, b.k32(Math.log2(bits))), b.k32(Math.log2(size))));
      const v = c.load(size, a);
      off = b.and(off, b.k32(bits - 1));
      return finish(c, kind, size, v, off, (r) => c.store(size, a, r));
    }
    off = b.and(off, b.k32(bits - 1));
    const { v, put } = c.rmw(o);
    o = d;
    return finish(c, kind, size, v, off, put);
  };
}

function finish(c: X86Ctx, kind: string, size: number, v: number, off: number, put: (v: number) => void): boolean {
  const b = c.b;
  const one = size === 8 ? b.k64(1) : b.k32(1);
  const mask = b.bin('shl', one, off);
  const bit = b.cmp('ne', b.and(v, mask), size === 8 ? b.k64(0) : b.k32(0));
  if (kind === 'bts') put(b.or(v, mask));
  else if (kind === 'btr') put(b.and(v, b.not(mask)));
  else if (kind === 'btc') put(b.xor(v, mask));
  const old = c.flags().eflags();
  c.setEflags(b.or(b.and(old, b.k32(~CF)), bit));
  return true;
}

function scan(kind: 'bsf' | 'bsr' | 'tzcnt' | 'lzcnt' | 'popcnt'): Handler {
  return (c, i) => {
    const b = c.b;
    const [d, s] = i.ops;
    const size = d.size, bits = size * 8;
    const v = c.fit(size, c.read(s));
    const z = c.k(size, 0);
    const isZero = b.cmp('eq', v, z);
    const wide = size < 4 ? b.bin('or', v, b.k32(1 << bits)) : v; // ctz of a zero short = its width
    const ctz = () => c.fit(size, b.ctz(wide));
    const clz = () => (size < 4 ? c.fit(size, b.sub(b.clz(v), b.k32(32 - bits))) : c.fit(size, b.clz(v)));
    switch (kind) {
      case 'bsf': case 'bsr': {
        const idx = kind === 'bsf' ? ctz() : c.fit(size, b.sub(c.k(size, bits - 1), clz()));
        // a zero source leaves the destination alone (all of it: no 32-bit zero extension)
        if (d.k !== 'reg') return false;
        const before = b.get(d.reg, 'i64');
        c.write(d, idx);
        b.set(d.reg, b.select(isZero, before, b.get(d.reg, 'i64')));
        c.setCc(CcOp.BMI, size, v, z);
        return true;
      }
      case 'tzcnt': case 'lzcnt': {
        const r = kind === 'tzcnt' ? ctz() : clz();
        c.write(d, r);
        c.setCc(CcOp.BMI, size, r, c.fit(size, isZero));
        return true;
      }
      case 'popcnt': {
        const r = c.fit(size, b.popcnt(v));
        c.write(d, r);
        c.setCc(CcOp.BMI, size, r, z);
        return true;
      }
    }
  };
}

export const transBits: Record<string, Handler> = {
  bt: bt('bt'), bts: bt('bts'), btr: bt('btr'), btc: bt('btc'),
  bsf: scan('bsf'), bsr: scan('bsr'), tzcnt: scan('tzcnt'), lzcnt: scan('lzcnt'), popcnt: scan('popcnt'),
};
