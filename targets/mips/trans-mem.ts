/**
 * Loads and stores: aligned accesses (a misaligned one is an address error: SIGBUS), the
 * unaligned pairs lwl/lwr and swl/swr (and ldl/ldr, sdl/sdr on MIPS64) as read-modify of the
 * aligned word that holds the addressed byte, LL/SC (and LLD/SCD) through helpers that keep
 * the reservation, and the cache hints (cache, pref, synci) as no-ops.
 *
 * The byte order decides which bytes of the aligned word lwl/lwr take: with b = addr & 3,
 * lwl shifts the memory word left by 8 * (3 - b) on a little-endian CPU and 8 * b on a
 * big-endian one; lwr shifts it right by 8 * b (little) or 8 * (3 - b) (big).
 */
import type { Args_imm_rs_rt, Args_imm_rs, TransTable } from './decoder.generated.js';
import type { MipsCtx } from './ctx.js';

type C = MipsCtx;
type Mem = Pick<TransTable<C>,
  | 'lb' | 'lbu' | 'lh' | 'lhu' | 'lw' | 'lwu' | 'ld' | 'sb' | 'sh' | 'sw' | 'sd'
  | 'lwl' | 'lwr' | 'swl' | 'swr' | 'ldl' | 'ldr' | 'sdl' | 'sdr'
  | 'll' | 'sc' | 'lld' | 'scd' | 'cache' | 'pref' | 'synci'>;

function load(size: number, signed: boolean, wide = false) {
  return (c: C, a: Args_imm_rs_rt): boolean => {
    if ((wide || (size === 4 && !signed)) && !c.is64) return false;
    const addr = c.addr(a.rs, a.imm);
    if (size === 8) c.set(a.rt, c.b.load('i64', 8, false, addr, 8));
    else if (c.is64) c.set(a.rt, c.b.load('i64', size, signed, addr, size));
    else c.set(a.rt, c.b.load('i32', size, signed, addr, size));
    return true;
  };
}
function store(size: number) {
  return (c: C, a: Args_imm_rs_rt): boolean => {
    if (size === 8 && !c.is64) return false;
    const addr = c.addr(a.rs, a.imm);
    c.b.store(size, addr, size === 8 ? c.g(a.rt) : c.g32(a.rt), size);
    return true;
  };
}

/**
 * (aligned address, shift in bits) for the left/right forms of a `size`-byte word. A fault
 * names the instruction's own address (as the CPU's BadVAddr): a byte access there first
 * (a load, or for stores `probeStore`) faults before the aligned word is touched.
 */
function split(c: C, a: Args_imm_rs_rt, size: 4 | 8, left: boolean, store = false): [number, number, number] {
  const addr = c.addr(a.rs, a.imm);
  if (!store) c.b.load('i32', 1, false, addr);
  const aligned = c.op('and', addr, c.k32(~(size - 1)));
  const byte = c.op('and', addr, c.k32(size - 1));
  // left: little (size-1-b), big b; right: little b, big (size-1-b)
  const rev = left === c.little;
  const n = rev ? c.op('sub', c.k32(size - 1), byte) : byte;
  return [aligned, c.op('shl', n, c.k32(3)), addr];
}

/**
 * store first the byte that lands at the instruction's own address: the left forms put the
 * register's most significant byte there, the right forms its least significant one (in
 * either byte order), so a fault names that address and precedes any other access
 */
function probeStore(c: C, v: number, addr: number, size: 4 | 8, left: boolean): void {
  const b = left ? c.op('shr', v, c.k32(size * 8 - 8)) : v;
  c.b.store(1, addr, c.b.typeOf(b) === 'i64' ? c.b.trunc(b) : b);
}

function lwlr(left: boolean) {
  return (c: C, a: Args_imm_rs_rt): boolean => {
    const [aligned, sh] = split(c, a, 4, left);
    const mem = c.b.load('i32', 4, false, aligned, 4);
    const old = c.g32(a.rt);
    const ones = c.k32(-1);
    const r = left
      ? c.op('or', c.op('shl', mem, sh), c.op('and', old, c.b.not(c.op('shl', ones, sh))))
      : c.op('or', c.op('shr', mem, sh), c.op('and', old, c.b.not(c.op('shr', ones, sh))));
    c.set32(a.rt, r);
    return true;
  };
}
function swlr(left: boolean) {
  return (c: C, a: Args_imm_rs_rt): boolean => {
    const [aligned, sh, addr] = split(c, a, 4, left, true);
    const v = c.g32(a.rt);
    probeStore(c, v, addr, 4, left);
    const mem = c.b.load('i32', 4, false, aligned, 4);
    const ones = c.k32(-1);
    const r = left
      ? c.op('or', c.op('shr', v, sh), c.op('and', mem, c.b.not(c.op('shr', ones, sh))))
      : c.op('or', c.op('shl', v, sh), c.op('and', mem, c.b.not(c.op('shl', ones, sh))));
    c.b.store(4, aligned, r, 4);
    return true;
  };
}
function ldlr(left: boolean) {
  return (c: C, a: Args_imm_rs_rt): boolean => {
    if (!c.is64) return false;
    const [aligned, sh] = split(c, a, 8, left);
    const mem = c.b.load('i64', 8, false, aligned, 8);
    const old = c.g(a.rt);
    const ones = c.b.k64(-1);
    const r = left
      ? c.op('or', c.op('shl', mem, sh), c.op('and', old, c.b.not(c.op('shl', ones, sh))))
      : c.op('or', c.op('shr', mem, sh), c.op('and', old, c.b.not(c.op('shr', ones, sh))));
    c.set(a.rt, r);
    return true;
  };
}
function sdlr(left: boolean) {
  return (c: C, a: Args_imm_rs_rt): boolean => {
    if (!c.is64) return false;
    const [aligned, sh, addr] = split(c, a, 8, left, true);
    const v = c.g(a.rt);
    probeStore(c, v, addr, 8, left);
    const mem = c.b.load('i64', 8, false, aligned, 8);
    const ones = c.b.k64(-1);
    const r = left
      ? c.op('or', c.op('shr', v, sh), c.op('and', mem, c.b.not(c.op('shr', ones, sh))))
      : c.op('or', c.op('shl', v, sh), c.op('and', mem, c.b.not(c.op('shl', ones, sh))));
    c.b.store(8, aligned, r, 8);
    return true;
  };
}

const nop = (_c: C, _a: Args_imm_rs_rt | Args_imm_rs): boolean => true;

export const transMem: Mem = {
  lb: load(1, true),
  lbu: load(1, false),
  lh: load(2, true),
  lhu: load(2, false),
  lw: load(4, true),
  lwu: load(4, false),
  ld: load(8, false, true),
  sb: store(1),
  sh: store(2),
  sw: store(4),
  sd: store(8),
  lwl: lwlr(true),
  lwr: lwlr(false),
  swl: swlr(true),
  swr: swlr(false),
  ldl: ldlr(true),
  ldr: ldlr(false),
  sdl: sdlr(true),
  sdr: sdlr(false),
  ll(c, a) {
    c.set32(a.rt, c.call('mips_ll', 'i32', [c.addr(a.rs, a.imm)]));
    return true;
  },
  sc(c, a) {
    const ok = c.call('mips_sc', 'i32', [c.addr(a.rs, a.imm), c.g32(a.rt)]);
    c.set32(a.rt, ok);
    return true;
  },
  lld(c, a) {
    if (!c.is64) return false;
    c.set(a.rt, c.call('mips_lld', 'i64', [c.addr(a.rs, a.imm)]));
    return true;
  },
  scd(c, a) {
    if (!c.is64) return false;
    const ok = c.call('mips_scd', 'i32', [c.addr(a.rs, a.imm), c.g(a.rt)]);
    c.set(a.rt, c.b.sext(ok));
    return true;
  },
  cache: nop,
  pref: nop,
  synci: nop,
};
