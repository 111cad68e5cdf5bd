/** MMX instructions (an operand is an mm register): moves, lane operations, shifts, shuffles. */
import type { X86Ctx } from './ctx.js';
import type { Insn, Operand } from './decode.js';
import { MMX_OPS } from './helpers-mmx.js';

const SHIFTS: Record<string, [number, number]> = {
  psrlw: [0, 1], psrld: [1, 1], psrlq: [2, 1], psraw: [0, 2], psrad: [1, 2], psllw: [0, 0], pslld: [1, 0], psllq: [2, 0],
};

export function transMmx(c: X86Ctx, i: Insn): boolean {
  const b = c.b;
  const k = (v: number) => b.k32(v);
  /** a 64-bit source: an mm register, memory, or (movd/movq) a general register */
  const val = (o: Operand): number => {
    if (o.k === 'mm') return b.call('x86_mm_get', 'i64', [k(o.reg)]);
    if (o.k === 'mem') return b.load('i64', 8, false, c.ea(o.mem));
    return c.zext(o.size, c.read(o), 8);
  };
  const [d, s, n] = i.ops;
  const imm = n && n.k === 'imm' ? Number(n.imm) & 0xff : -1;
  switch (i.mnem) {
    case 'movd': case 'movq': case 'movntq':
      if (d.k === 'mm') { b.call('x86_mm_set', null, [k(d.reg), s.k === 'mem' && s.size === 4 ? b.zext(c.load(4, c.ea(s.mem))) : val(s)]); return true; }
      if (s.k !== 'mm') return false;
      if (d.k === 'mem') { const v = val(s); b.store(d.size, c.ea(d.mem), d.size === 8 ? v : b.trunc(v)); return true; }
      c.write(d, d.size === 8 ? val(s) : b.trunc(val(s)));
      return true;
    case 'pshufw':
      if (d.k !== 'mm') return false;
      b.call('x86_pshufw', null, [k(d.reg), val(s), k(imm)]);
      return true;
    case 'pmovmskb':
      if (s.k !== 'mm') return false;
      c.write(d, b.call('x86_mmx_pmovmskb', 'i32', [k(s.reg)]));
      return true;
    case 'pextrw':
      if (s.k !== 'mm') return false;
      c.write(d, b.call('x86_mmx_pextrw', 'i32', [k(s.reg), k(imm)]));
      return true;
    case 'pinsrw':
      if (d.k !== 'mm') return false;
      b.call('x86_mmx_pinsrw', null, [k(d.reg), s.k === 'mem' ? c.load(2, c.ea(s.mem)) : c.fit(4, c.read(s)), k(imm)]);
      return true;
  }
  if (i.mnem in SHIFTS && d.k === 'mm') {
    const [kind, op] = SHIFTS[i.mnem];
    const count = s.k === 'imm' ? b.k64(Number(s.imm) & 0xff) : val(s);
    b.call('x86_mmx_shift', null, [k(d.reg), k(kind), k(op), count]);
    return true;
  }
  const idx = MMX_OPS.indexOf(i.mnem);
  if (idx < 0 || d.k !== 'mm') return false;
  b.call('x86_mmx_op', null, [k(idx), k(d.reg), val(s)]);
  return true;
}
