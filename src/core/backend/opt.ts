/**
 * A small optimisation pass over one block, run before lowering:
 *
 *  - register reads are forwarded: a `get` after a `set` (or an earlier `get`) of the same
 *    register uses that value;
 *  - a `set` is dropped when a later `set` of the same register (or a `discard` of it)
 *    overwrites it with nothing in between that reads it or is a barrier;
 *  - ops whose results are unused and that have no side effects are dropped.
 *
 * Barriers are the points where the architectural state must be exact: ops that can fault
 * or leave straight-line code (load, store, call, brcond, label, the terminator). Helpers may
 * read and write registers that are not cached (they live in cpu.r), so a call also forgets
 * what is known about those; cached registers are never touched by helpers (they live in JS
 * locals in tier-2 code). A label is a join: nothing known before it is known after it.
 * Registers overlap when their cpu.r words do (a target may give one storage two views).
 * The block is not modified: a new op list is returned (temps are shared).
 */
import { TERMINATORS, type Block, type Op } from '../ir.js';
import type { RegInfo } from '../isa.js';

const BARRIERS = new Set(['load', 'store', 'call', 'brcond', 'label', ...TERMINATORS]);
/** ops with effects besides their result (everything else is pure) */
const EFFECTS = new Set([...BARRIERS, 'set', 'discard']);

export function optimizeBlock(b: Block, regs: RegInfo[]): Block {
  const words = (r: number): [number, number] => {
    const info = regs[r];
    return [info.index, info.index + (info.ty === 'i32' ? 1 : 2)];
  };
  const overlaps = (x: number, y: number) => {
    if (x === y) return true;
    const [a0, a1] = words(x), [b0, b1] = words(y);
    return a0 < b1 && b0 < a1;
  };
  const covers = (outer: number, inner: number) => {
    if (outer === inner) return true;
    const [a0, a1] = words(outer), [b0, b1] = words(inner);
    return a0 <= b0 && b1 <= a1;
  };

  const alias = new Map<number, number>();
  const ren = (t: number) => (t >= 0 ? alias.get(t) ?? t : t);
  /** register -> temp holding its current value */
  const known = new Map<number, number>();
  /** register -> index (in out) of a set nothing has observed yet */
  const pending = new Map<number, number>();
  const dead = new Set<number>();
  const out: Op[] = [];

  for (const o0 of b.ops) {
    let o = o0;
    if (ren(o.a) !== o.a || ren(o.b) !== o.b || ren(o.c) !== o.c || o.args.some((x) => ren(x) !== x)) {
      o = { ...o0, a: ren(o0.a), b: ren(o0.b), c: ren(o0.c), args: o0.args.map(ren) };
    }
    const reg = Number(o.imm);
    switch (o.op) {
      case 'get': {
        if (regs[reg].zero) break;
        const k = known.get(reg);
        if (k !== undefined && b.temps[k] === o.ty) { alias.set(o.d, k); continue; }
        for (const r of [...pending.keys()]) if (overlaps(r, reg)) pending.delete(r);
        known.set(reg, o.d);
        break;
      }
      case 'set':
      case 'discard': {
        if (regs[reg].zero) break;
        for (const [r, i] of [...pending]) if (covers(reg, r)) { dead.add(i); pending.delete(r); }
        for (const r of [...known.keys()]) if (overlaps(r, reg)) known.delete(r);
        if (o.op === 'set') {
          pending.set(reg, out.length);
          known.set(reg, o.a);
        }
        break;
      }
      default:
        if (BARRIERS.has(o.op)) {
          pending.clear();
          if (o.op === 'label') known.clear();
          else if (o.op === 'call') for (const r of [...known.keys()]) if (!regs[r].cached) known.delete(r);
        }
    }
    out.push(o);
  }

  // drop dead stores, then (backwards) every pure op whose result nobody uses
  const used = new Set<number>();
  const keep: Op[] = [];
  for (let i = out.length - 1; i >= 0; i--) {
    const o = out[i];
    if (dead.has(i)) continue;
    if (!EFFECTS.has(o.op) && !used.has(o.d)) continue;
    if (o.op === 'discard') continue; // only an annotation for this pass
    for (const x of [o.a, o.b, o.c, ...o.args]) if (x >= 0) used.add(x);
    keep.push(o);
  }
  keep.reverse();
  return { ...b, ops: keep };
}
