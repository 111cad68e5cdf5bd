/**
 * Constant folding for IrBuilder: every op built on constant operands becomes a constant, and
 * identities (x+0, x&0, x|~0, shifts by 0, ...) return an existing temp. Values are bigints
 * holding the signed value of the op's width; the backend's conventions hold (shift amounts
 * masked by the width, division by zero gives 0 and remainder by zero the dividend).
 */
import type { BinOp, CmpOp, Ty, UnOp } from './ir.js';

export const widthOf = (ty: Ty) => (ty === 'i64' ? 64 : 32);

/**
 * A binary op: a bigint result (to be made a constant), an existing temp (an identity),
 * or undefined (emit the op). `ca`/`cb` are the operands' values when they are constants.
 */
export function foldBin(op: BinOp, ty: Ty, ca: bigint | undefined, cb: bigint | undefined, a: number, b: number): bigint | number | undefined {
  const bits = widthOf(ty);
  const sh = () => BigInt(Number(cb! & BigInt(bits - 1)));
  switch (op) {
    case 'add': case 'or': case 'xor':
      if (cb === 0n) return a;
      if (ca === 0n) return b;
      if (op === 'or' && (ca === -1n || cb === -1n)) return -1n;
      break;
    case 'sub':
      if (cb === 0n) return a;
      if (a === b) return 0n;
      break;
    case 'and':
      if (ca === 0n || cb === 0n) return 0n;
      if (cb === -1n) return a;
      if (ca === -1n) return b;
      break;
    case 'rotl': case 'rotr':
      if (ca === 0n || ca === -1n) return ca;
      if (cb !== undefined && sh() === 0n) return a;
      break;
    case 'shl': case 'shr': case 'sar':
      if (ca === 0n) return 0n;
      if (cb !== undefined && sh() === 0n) return a;
      break;
    case 'mul':
      if (ca === 0n || cb === 0n) return 0n;
      if (cb === 1n) return a;
      if (ca === 1n) return b;
      break;
    default: break;
  }
  if (ca === undefined || cb === undefined) return undefined;
  const M = (1n << BigInt(bits)) - 1n;
  const ua = ca & M, ub = cb & M;
  const w = (v: bigint) => BigInt.asIntN(bits, v);
  switch (op) {
    case 'add': return w(ca + cb);
    case 'sub': return w(ca - cb);
    case 'mul': return w(ca * cb);
    case 'and': return ca & cb;
    case 'or': return ca | cb;
    case 'xor': return ca ^ cb;
    case 'shl': return w(ca << sh());
    case 'shr': return w(ua >> sh());
    case 'sar': return ca >> sh();
    case 'rotl': case 'rotr': {
      const k = op === 'rotl' ? sh() : (BigInt(bits) - sh()) % BigInt(bits);
      return w((ua << k) | (ua >> (BigInt(bits) - k)));
    }
    case 'mulhs': return w((ca * cb) >> BigInt(bits));
    case 'mulhu': return w((ua * ub) >> BigInt(bits));
    case 'mulhsu': return w((ca * ub) >> BigInt(bits));
    case 'divs': return cb === 0n ? 0n : w(ca / cb);
    case 'divu': return ub === 0n ? 0n : w(ua / ub);
    case 'rems': return cb === 0n ? ca : w(ca % cb);
    case 'remu': return ub === 0n ? ca : w(ua % ub);
    default: return undefined;
  }
}

export function foldCmp(op: CmpOp, bits: number, ca: bigint, cb: bigint): boolean {
  const M = (1n << BigInt(bits)) - 1n;
  const ua = ca & M, ub = cb & M;
  switch (op) {
    case 'eq': return ca === cb;
    case 'ne': return ca !== cb;
    case 'lts': return ca < cb;
    case 'les': return ca <= cb;
    case 'ltu': return ua < ub;
    default: return ua <= ub;
  }
}


export function foldUn(op: UnOp, bits: number, v: bigint): bigint {
  const M = (1n << BigInt(bits)) - 1n;
  const u = v & M;
  switch (op) {
    case 'clz': return u === 0n ? BigInt(bits) : BigInt(bits - u.toString(2).length);
    case 'ctz': {
      if (u === 0n) return BigInt(bits);
      let n = 0n;
      while (((u >> n) & 1n) === 0n) n++;
      return n;
    }
    case 'popcnt': return BigInt([...u.toString(2)].filter((ch) => ch === '1').length);
    default: { // bswap
      let r = 0n;
      for (let i = 0; i < bits / 8; i++) r = (r << 8n) | ((u >> BigInt(8 * i)) & 0xffn);
      return BigInt.asIntN(bits, r);
    }
  }
}

/** bits [pos, pos+len) of a, zero- or sign-extended */
export function foldExtract(bits: number, a: bigint, pos: number, len: number, signed: boolean): bigint {
  const f = (BigInt.asUintN(bits, a) >> BigInt(pos)) & ((1n << BigInt(len)) - 1n);
  return BigInt.asIntN(bits, signed ? BigInt.asIntN(len, f) : f);
}

/** a with bits [pos, pos+len) replaced by the low len bits of b */
export function foldDeposit(bits: number, a: bigint, b: bigint, pos: number, len: number): bigint {
  const m = ((1n << BigInt(len)) - 1n) << BigInt(pos);
  return BigInt.asIntN(bits, (a & ~m) | ((b << BigInt(pos)) & m));
}

/** carry out of a+b+cin (addc) or borrow out of a-b-cin (subb), unsigned at `bits` */
export function foldCarry(sub: boolean, bits: number, a: bigint, b: bigint, cin: bigint): bigint {
  const M = (1n << BigInt(bits)) - 1n;
  const ua = a & M, ub = b & M;
  return sub ? (ua < ub + cin ? 1n : 0n) : (ua + ub + cin > M ? 1n : 0n);
}
