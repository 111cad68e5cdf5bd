/**
 * A64 loads and stores: unsigned offset, unscaled/pre/post-index, register offset, pairs,
 * literals, exclusives and load-acquire/store-release, for general and FP/SIMD registers.
 * Addresses are the low 32 bits (the guest space is below 4 GiB).
 */
import type { TransTable } from './decoder.generated.js';
import type { A64Ctx } from './ctx.js';
import { extended } from './trans-int.js';

type C = A64Ctx;

/** load `bytes` into V register t (zeroing the rest) */
function loadV(c: C, t: number, bytes: number, addr: number): void {
  if (bytes === 16) {
    const lo = c.b.load('i64', 8, false, addr);
    const hi = c.b.load('i64', 8, false, c.op('add', addr, c.k32(8)));
    c.setVd(t, lo);
    c.setVhi(t, hi);
    return;
  }
  if (bytes === 8) c.setVd(t, c.b.load('i64', 8, false, addr));
  else c.setVd(t, c.b.load('i64', bytes, false, addr));
  c.setVhi(t, c.k64(0));
}
function storeV(c: C, t: number, bytes: number, addr: number): void {
  if (bytes === 16) {
    c.b.store(8, addr, c.vd(t));
    c.b.store(8, c.op('add', addr, c.k32(8)), c.vhi(t));
    return;
  }
  c.b.store(bytes, addr, c.vd(t));
}

/**
 * One general-register access: opc 0 store, 1 load (zero-extend), 2 load signed to 64,
 * 3 load signed to 32. Returns false for unallocated combinations.
 */
/** `align`: the address must be aligned to this (alignment fault otherwise); 0 = no requirement */
function gprAccess(c: C, size: number, opc: number, rt: number, addr: number, align = 0): boolean {
  const bytes = 1 << size;
  if (opc === 0) {
    c.b.store(bytes, addr, c.x(rt), align);
    return true;
  }
  if (opc === 1) {
    const v = c.b.load('i64', bytes, false, addr, align);
    c.setW(rt, v);
    return true;
  }
  if (size === 3 || (size === 2 && opc === 3)) return false;
  if (opc === 2) {
    c.setW(rt, c.b.load('i64', bytes, true, addr));
  } else {
    c.setW(rt, c.b.load('i32', bytes, true, addr));
  }
  return true;
}

/** V=1 size/opc -> bytes (opc bit 1 with size 0 is the 128-bit form), or 0 if unallocated */
function vBytes(size: number, opc: number): number {
  if (opc & 2) return size === 0 ? 16 : 0;
  return 1 << size;
}

function access(c: C, size: number, v: number, opc: number, rt: number, addr: number): boolean {
  if (!v) {
    if (size === 3 && opc === 2) return true; // PRFM
    return gprAccess(c, size, opc, rt, addr);
  }
  const bytes = vBytes(size, opc);
  if (!bytes) return false;
  if (opc & 1) loadV(c, rt, bytes, addr);
  else storeV(c, rt, bytes, addr);
  return true;
}

/** base register (31 = SP) as i64 and as an i32 address */
function base(c: C, rn: number): number {
  return c.xsp(rn);
}

export const transMem = {
  ldst_uimm(c, a) {
    const scale = a.v && a.opc & 2 ? 4 : a.size;
    const addr = c.op('add', c.b.trunc(base(c, a.rn)), c.k32(a.imm << scale));
    return access(c, a.size, a.v, a.opc, a.rt, addr);
  },
  ldst_imm9(c, a) {
    const b64 = base(c, a.rn);
    const pre = a.mode !== 1;
    const wb = a.mode === 1 || a.mode === 3;
    const addr = pre ? c.op('add', c.b.trunc(b64), c.k32(a.imm)) : c.b.trunc(b64);
    if (!wb) return access(c, a.size, a.v, a.opc, a.rt, addr);
    // the access first (a fault leaves the base unchanged), then the write-back; for a load
    // into the base register itself (unpredictable) the loaded value wins
    const isLoad = a.v ? (a.opc & 1) === 1 : a.opc !== 0;
    if (isLoad && !a.v && a.rt === a.rn && a.rn !== 31) {
      c.b.set(a.rn, c.op('add', b64, c.k64(a.imm)));
      return access(c, a.size, a.v, a.opc, a.rt, addr);
    }
    if (!access(c, a.size, a.v, a.opc, a.rt, addr)) return false;
    c.b.set(a.rn, c.op('add', b64, c.k64(a.imm)));
    return true;
  },
  ldst_reg(c, a) {
    if (!(a.option & 2)) return false;
    const scale = a.v && a.opc & 2 ? 4 : a.size;
    const off = extended(c, 1, a.rm, a.option, a.s ? scale : 0);
    const addr = c.b.trunc(c.op('add', base(c, a.rn), off));
    return access(c, a.size, a.v, a.opc, a.rt, addr);
  },
  ldr_lit(c, a) {
    const addr = c.k32((c.pc + a.imm) | 0);
    if (!a.v) {
      switch (a.opc) {
        case 0: c.setW(a.rt, c.b.load('i64', 4, false, addr)); return true;
        case 1: c.setW(a.rt, c.b.load('i64', 8, false, addr)); return true;
        case 2: c.setW(a.rt, c.b.load('i64', 4, true, addr)); return true;
        default: return true; // PRFM
      }
    }
    if (a.opc === 3) return false;
    loadV(c, a.rt, 4 << a.opc, addr);
    return true;
  },
  ldst_pair(c, a) {
    let bytes: number;
    let signed = false;
    if (a.v) {
      if (a.opc === 3) return false;
      bytes = 4 << a.opc;
    } else {
      if (a.opc === 3) return false;
      if (a.opc === 1) {
        if (!a.l) return false; // STGP (MTE)
        signed = true;
        bytes = 4;
      } else bytes = a.opc ? 8 : 4;
    }
    const off = a.imm * bytes;
    const b64 = base(c, a.rn);
    const wb = a.mode === 1 || a.mode === 3;
    const addr = a.mode === 1 ? c.b.trunc(b64) : c.op('add', c.b.trunc(b64), c.k32(off));
    const addr2 = c.op('add', addr, c.k32(bytes));
    if (a.l) {
      if (a.v) {
        // both loads before any register write: a fault leaves everything unchanged
        if (bytes === 16) {
          const v = [c.b.load('i64', 8, false, addr), c.b.load('i64', 8, false, c.op('add', addr, c.k32(8))),
            c.b.load('i64', 8, false, addr2), c.b.load('i64', 8, false, c.op('add', addr2, c.k32(8)))];
          c.setVd(a.rt, v[0]); c.setVhi(a.rt, v[1]); c.setVd(a.rt2, v[2]); c.setVhi(a.rt2, v[3]);
        } else {
          const v1 = c.b.load('i64', bytes, false, addr);
          const v2 = c.b.load('i64', bytes, false, addr2);
          c.setVd(a.rt, v1); c.setVhi(a.rt, c.k64(0)); c.setVd(a.rt2, v2); c.setVhi(a.rt2, c.k64(0));
        }
      } else {
        const v1 = c.b.load('i64', bytes, signed, addr);
        const v2 = c.b.load('i64', bytes, signed, addr2);
        if (wb) c.b.set(a.rn, c.op('add', b64, c.k64(off)));
        c.setW(a.rt, v1);
        c.setW(a.rt2, v2);
        return true;
      }
    } else if (a.v) {
      storeV(c, a.rt, bytes, addr);
      storeV(c, a.rt2, bytes, addr2);
    } else {
      c.b.store(bytes, addr, c.x(a.rt));
      c.b.store(bytes, addr2, c.x(a.rt2));
    }
    if (wb) c.b.set(a.rn, c.op('add', b64, c.k64(off)));
    return true;
  },
  excl(c, a) {
    const bytes = 1 << a.size;
    const addr = c.b.trunc(base(c, a.rn));
    if (a.o2 === 1 && a.o1 === 0) {
      // LDAR/LDLAR/STLR/STLLR: plain accesses (one thread at a time) that must be aligned
      // (qemu-user raises SIGBUS/BUS_ADRALN for a misaligned one)
      return gprAccess(c, a.size, a.l, a.rt, addr, bytes);
    }
    if (a.o2 === 1) return false; // CAS (LSE): not advertised
    if (a.o1 === 1 && a.size < 2) return false; // CASP
    const pair = a.o1 === 1;
    const total = pair ? bytes * 2 : bytes;
    if (a.l) {
      c.call('a64_monitor', null, [addr, c.k32(total)]);
      const v1 = c.b.load('i64', bytes, false, addr);
      if (pair) {
        const v2 = c.b.load('i64', bytes, false, c.op('add', addr, c.k32(bytes)));
        c.setW(a.rt, v1);
        c.setW(a.rt2, v2);
      } else c.setW(a.rt, v1);
      return true;
    }
    const [lo1, hi1] = c.pair(c.x(a.rt));
    const args = [addr, c.k32(bytes), lo1, hi1];
    if (pair) args.push(...c.pair(c.x(a.rt2)));
    const st = c.call(pair ? 'a64_stxp' : 'a64_stxr', 'i32', args);
    c.setW(a.rs, st);
    return true;
  },
} satisfies Partial<TransTable<A64Ctx>>;
