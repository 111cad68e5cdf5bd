/** A64 integer data processing (immediate and register forms) and branches. */
import { Excp } from '../../src/core/exceptions.js';
import type { TransTable } from './decoder.generated.js';
import { bitmaskImm, type A64Ctx } from './ctx.js';
import { ExitKind } from '../../src/core/ir.js';

type C = A64Ctx;

const mask = (n: number): bigint => (1n << BigInt(n)) - 1n;

/** shifted register operand: shift 0 LSL, 1 LSR, 2 ASR, 3 ROR */
function shifted(c: C, sf: number, r: number, shift: number, amt: number): number {
  const v = c.w(sf, r);
  if (amt === 0) return v;
  const W = sf ? 64 : 32;
  switch (shift) {
    case 0: return c.op('shl', v, c.k32(amt));
    case 1: return c.op('shr', v, c.k32(amt));
    case 2: return c.op('sar', v, c.k32(amt));
    default: return c.op('or', c.op('shr', v, c.k32(amt)), c.op('shl', v, c.k32(W - amt)));
  }
}

/** extended register operand: option 0..7 = UXTB UXTH UXTW UXTX SXTB SXTH SXTW SXTX, then << sh */
export function extended(c: C, sf: number, r: number, option: number, sh: number): number {
  let v = c.x(r);
  const bits = [8, 16, 32, 64][option & 3];
  if (bits < 64) v = option & 4 ? c.b.sextb(v, bits) : c.b.zextb(v, bits);
  if (sh) v = c.op('shl', v, c.k32(sh));
  return sf ? v : c.b.trunc(v);
}

function addSub(c: C, sf: number, op: number, s: number, a: number, b: number, rd: number, rdSp: boolean): boolean {
  let out: number;
  if (!s) out = c.op(op ? 'sub' : 'add', a, b);
  else if (op) out = c.subWithFlags(a, b);
  else out = c.addWithCarry(a, b, c.k32(0), true);
  if (rdSp) c.setWsp(rd, out);
  else c.setW(rd, out);
  return true;
}

function logic(c: C, sf: number, opc: number, a: number, b: number, rd: number, rdSp: boolean): boolean {
  let res: number;
  switch (opc) {
    case 1: res = c.op('or', a, b); break;
    case 2: res = c.op('xor', a, b); break;
    default: res = c.op('and', a, b); break;
  }
  if (opc === 3) c.flagsLogic(res);
  if (rdSp && opc !== 3) c.setWsp(rd, res);
  else c.setW(rd, res);
  return true;
}

function branchTo(c: C, cond: number, target: number): void {
  const k = c.cv(cond);
  if (k !== undefined) c.b.jmp(k ? target : c.next);
  else c.b.br(cond, target, c.next);
}

export const transInt = {
  adr(c, a) {
    c.setW(a.rd, c.k64(BigInt(c.pc) + BigInt(a.imm)));
    return true;
  },
  adrp(c, a) {
    c.setW(a.rd, c.k64((BigInt(c.pc) & ~0xfffn) + (BigInt(a.imm) << 12n)));
    return true;
  },
  addsub_imm(c, a) {
    const imm = a.sh ? a.imm << 12 : a.imm;
    return addSub(c, a.sf, a.op, a.s, c.wsp(a.sf, a.rn), c.kw(a.sf, imm), a.rd, !a.s);
  },
  addsub_reg(c, a) {
    if (a.shift === 3 || (!a.sf && a.imm >= 32)) return false;
    return addSub(c, a.sf, a.op, a.s, c.w(a.sf, a.rn), shifted(c, a.sf, a.rm, a.shift, a.imm), a.rd, false);
  },
  addsub_ext(c, a) {
    if (a.imm > 4) return false;
    return addSub(c, a.sf, a.op, a.s, c.wsp(a.sf, a.rn), extended(c, a.sf, a.rm, a.option, a.imm), a.rd, !a.s);
  },
  adc(c, a) {
    let b = c.w(a.sf, a.rm);
    if (a.op) b = c.op('xor', b, c.kw(a.sf, -1));
    const res = c.addWithCarry(c.w(a.sf, a.rn), b, c.b.get(34, 'i32'), !!a.s);
    c.setW(a.rd, res);
    return true;
  },
  logic_imm(c, a) {
    const imm = bitmaskImm(a.sf, a.n, a.immr, a.imms);
    if (imm === undefined) return false;
    return logic(c, a.sf, a.opc, c.w(a.sf, a.rn), c.kw(a.sf, imm), a.rd, true);
  },
  logic_reg(c, a) {
    if (!a.sf && a.imm >= 32) return false;
    let b = shifted(c, a.sf, a.rm, a.shift, a.imm);
    if (a.n) b = c.op('xor', b, c.kw(a.sf, -1));
    return logic(c, a.sf, a.opc, c.w(a.sf, a.rn), b, a.rd, false);
  },
  movw(c, a) {
    if (a.opc === 1 || (!a.sf && a.hw >= 2)) return false;
    const sh = BigInt(a.hw * 16);
    const v = BigInt(a.imm) << sh;
    if (a.opc === 0) c.setW(a.rd, c.kw(a.sf, ~v));
    else if (a.opc === 2) c.setW(a.rd, c.kw(a.sf, v));
    else {
      const keep = c.op('and', c.w(a.sf, a.rd), c.kw(a.sf, ~(0xffffn << sh)));
      c.setW(a.rd, c.op('or', keep, c.kw(a.sf, v)));
    }
    return true;
  },
  bitfield(c, a) {
    const W = a.sf ? 64 : 32;
    if (a.n !== a.sf || a.opc === 3 || a.immr >= W || a.imms >= W) return false;
    const r = a.immr;
    const s = a.imms;
    const src = c.w(a.sf, a.rn);
    const k = (v: bigint) => c.kw(a.sf, v);
    let res: number;
    if (a.opc === 2) {
      // UBFM
      res = s >= r
        ? c.op('and', c.op('shr', src, c.k32(r)), k(mask(s - r + 1)))
        : c.op('shl', c.op('and', src, k(mask(s + 1))), c.k32(W - r));
    } else if (a.opc === 0) {
      // SBFM
      const up = c.op('shl', src, c.k32(W - 1 - s));
      res = s >= r
        ? c.op('sar', up, c.k32(W - 1 - s + r))
        : c.op('shl', c.op('sar', up, c.k32(W - 1 - s)), c.k32(W - r));
    } else {
      // BFM
      const dst = c.w(a.sf, a.rd);
      let field: number;
      let m: bigint;
      if (s >= r) {
        m = mask(s - r + 1);
        field = c.op('and', c.op('shr', src, c.k32(r)), k(m));
      } else {
        m = mask(s + 1) << BigInt(W - r);
        field = c.op('shl', c.op('and', src, k(mask(s + 1))), c.k32(W - r));
      }
      res = c.op('or', c.op('and', dst, k(~m)), field);
    }
    c.setW(a.rd, res);
    return true;
  },
  extr(c, a) {
    const W = a.sf ? 64 : 32;
    if (a.imms >= W) return false;
    const lo = c.w(a.sf, a.rm);
    const res = a.imms === 0 ? lo
      : c.op('or', c.op('shr', lo, c.k32(a.imms)), c.op('shl', c.w(a.sf, a.rn), c.k32(W - a.imms)));
    c.setW(a.rd, res);
    return true;
  },
  csel(c, a) {
    if (a.op2 > 1) return false;
    const t = c.w(a.sf, a.rn);
    let f = c.w(a.sf, a.rm);
    if (a.op === 0 && a.op2 === 1) f = c.op('add', f, c.kw(a.sf, 1));
    else if (a.op === 1 && a.op2 === 0) f = c.op('xor', f, c.kw(a.sf, -1));
    else if (a.op === 1) f = c.op('sub', c.kw(a.sf, 0), f);
    const cond = c.cond(a.cond);
    const k = c.cv(cond);
    c.setW(a.rd, k !== undefined ? (k ? t : f) : c.b.select(cond, t, f));
    return true;
  },
  ccmp_reg(c, a) {
    return ccmp(c, a.sf, a.op, c.w(a.sf, a.rn), c.w(a.sf, a.rm), a.cond, a.nzcv);
  },
  ccmp_imm(c, a) {
    return ccmp(c, a.sf, a.op, c.w(a.sf, a.rn), c.kw(a.sf, a.rm), a.cond, a.nzcv);
  },
  dp2(c, a) {
    const x = c.w(a.sf, a.rn);
    const y = c.w(a.sf, a.rm);
    let res: number;
    switch (a.opc) {
      case 2: res = c.b.bin('divu', x, y); break;
      case 3: {
        const m1 = c.cmp('eq', y, c.kw(a.sf, -1));
        const q = c.b.bin('divs', x, c.b.select(m1, c.kw(a.sf, 1), y));
        res = c.b.select(m1, c.op('sub', c.kw(a.sf, 0), x), q);
        break;
      }
      case 8: res = c.op('shl', x, c.b.typeOf(y) === 'i64' ? c.b.trunc(y) : y); break;
      case 9: res = c.op('shr', x, c.b.typeOf(y) === 'i64' ? c.b.trunc(y) : y); break;
      case 10: res = c.op('sar', x, c.b.typeOf(y) === 'i64' ? c.b.trunc(y) : y); break;
      case 11: {
        const n = c.b.typeOf(y) === 'i64' ? c.b.trunc(y) : y;
        res = c.b.rotr(x, n);
        break;
      }
      default: return false;
    }
    c.setW(a.rd, res);
    return true;
  },
  dp1(c, a) {
    const names = ['rbit', 'rev16', a.sf ? 'rev32' : 'rev', 'rev', 'clz', 'cls'];
    if (a.opc > 5 || (a.opc === 3 && !a.sf)) return false;
    const b = c.b;
    const x = c.w(a.sf, a.rn);
    switch (a.opc) {
      case 1: if (a.sf) break; c.setW(a.rd, b.rotl(b.bswap(x), c.k32(16))); return true; // REV16 (32)
      case 2: c.setW(a.rd, a.sf ? b.rotl(b.bswap(x), c.k32(32)) : b.bswap(x)); return true; // REV32 / REV
      case 3: c.setW(a.rd, b.bswap(x)); return true; // REV (64)
      case 4: c.setW(a.rd, b.clz(x)); return true;
      case 5: c.setW(a.rd, b.sub(b.clz(b.xor(x, b.bin('sar', x, c.k32(a.sf ? 63 : 31)))), c.kw(a.sf, 1))); return true; // CLS
      default: break;
    }
    const name = `a64_${names[a.opc]}${a.sf ? '64' : '32'}`;
    if (a.sf) {
      const [lo, hi] = c.pair(c.x(a.rn));
      c.setW(a.rd, c.call(name, 'i64', [lo, hi]));
    } else {
      c.setW(a.rd, c.call(name, 'i32', [c.w(0, a.rn)]));
    }
    return true;
  },
  dp3(c, a) {
    const sub = a.o0 === 1;
    let prod: number;
    switch (a.op31) {
      case 0: prod = c.b.bin('mul', c.w(a.sf, a.rn), c.w(a.sf, a.rm)); break;
      case 1: case 5: {
        if (!a.sf) return false;
        const ext = (r: number) => (a.op31 === 1 ? c.b.sext(c.w(0, r)) : c.b.zext(c.w(0, r)));
        prod = c.b.bin('mul', ext(a.rn), ext(a.rm));
        break;
      }
      case 2: case 6:
        if (!a.sf || a.o0) return false;
        c.setW(a.rd, c.b.bin(a.op31 === 2 ? 'mulhs' : 'mulhu', c.x(a.rn), c.x(a.rm)));
        return true;
      default: return false;
    }
    const acc = c.w(a.sf, a.ra);
    c.setW(a.rd, sub ? c.op('sub', acc, prod) : c.op('add', acc, prod));
    return true;
  },

  b(c, a) {
    c.b.jmp((c.pc + a.imm) >>> 0);
    return true;
  },
  bl(c, a) {
    c.b.set(30, c.k64(c.next));
    c.b.jmp((c.pc + a.imm) >>> 0);
    return true;
  },
  b_cond(c, a) {
    branchTo(c, c.cond(a.cond), (c.pc + a.imm) >>> 0);
    return true;
  },
  cbz(c, a) {
    const v = c.w(a.sf, a.rt);
    branchTo(c, c.cmp(a.op ? 'ne' : 'eq', v, c.zero(v)), (c.pc + a.imm) >>> 0);
    return true;
  },
  tbz(c, a) {
    const bit = (a.b5 << 5) | a.b40;
    const v = c.x(a.rt);
    const t = c.op('and', c.op('shr', v, c.k32(bit)), c.k64(1));
    branchTo(c, c.cmp(a.op ? 'ne' : 'eq', t, c.k64(0)), (c.pc + a.imm) >>> 0);
    return true;
  },
  br(c, a) {
    c.b.jind(c.b.trunc(c.x(a.rn)));
    return true;
  },
  blr(c, a) {
    const t = c.b.trunc(c.x(a.rn));
    c.b.set(30, c.k64(c.next));
    c.b.jind(t);
    return true;
  },
  ret(c, a) {
    c.b.jind(c.b.trunc(c.x(a.rn)));
    return true;
  },
  svc(c) {
    c.b.exception(Excp.Syscall, c.next);
    return true;
  },
  brk(c) {
    c.raise(Excp.Breakpoint);
    return true;
  },
} satisfies Partial<TransTable<A64Ctx>>;

function ccmp(c: C, _sf: number, op: number, x: number, y: number, cond: number, nzcv: number): boolean {
  const cnd = c.cond(cond);
  // compute the comparison's flags into the registers, then choose per flag
  if (op) c.subWithFlags(x, y);
  else c.addWithCarry(x, y, c.k32(0), true);
  const k = c.cv(cnd);
  for (let i = 0; i < 4; i++) {
    const r = 32 + i;
    const imm = c.k32((nzcv >> (3 - i)) & 1);
    if (k === 1n) continue;
    const cur = c.b.get(r, 'i32');
    c.b.set(r, k === 0n ? imm : c.b.select(cnd, cur, imm));
  }
  return true;
}
