/**
 * x87 instructions: one helper call each (helpers-x87.ts), chosen by opcode byte and ModRM
 * (the register forms' Intel semantics; the names objdump prints differ for dc/de e0-ff).
 * Memory operands are loaded and stored here, so faults happen in the IR like any access.
 */
import type { X86Ctx } from './ctx.js';
import type { Insn } from './decode.js';

/** the stack register operand of a register form, or 0 */
const sti = (i: Insn) => i.modrm & 7;

function memOp(c: X86Ctx, i: Insn): number {
  const o = i.ops.find((x) => x.k === 'mem');
  if (!o || o.k !== 'mem') throw new Error('x87: no memory operand');
  return c.ea(o.mem);
}

/** DC/DE register forms: Intel's op for ModRM.reg (st(i) = st(i) op st(0)) */
const REVERSED = [0, 1, 2, 3, 5, 4, 7, 6];

export function transX87(c: X86Ctx, i: Insn): boolean {
  const b = c.b;
  const k = (v: number) => b.k32(v);
  const call = (name: string, args: number[]) => b.call(name, null, args);
  const op = i.opcode - 0xd8;
  const reg = (i.modrm >> 3) & 7;
  const isMem = i.modrm >> 6 !== 3;
  if (isMem) {
    const a = memOp(c, i);
    const ld = (size: number) => (size === 8 ? b.load('i64', 8, false, a) : b.load('i32', size, false, a));
    const st = (size: number, v: number) => b.store(size, a, v);
    switch (op) {
      case 0: case 4: { // arithmetic with f32 / f64
        const v = op === 0 ? b.zext(ld(4)) : ld(8);
        if (reg === 2 || reg === 3) call('x86_fcom_m', [k(op === 0 ? 0 : 1), v, k(reg & 1)]);
        else call('x86_farith_m', [k(reg), k(op === 0 ? 0 : 1), v]);
        return true;
      }
      case 2: case 6: { // arithmetic with int32 / int16
        const v = b.sext(op === 2 ? ld(4) : b.sextb(ld(2), 16));
        if (reg === 2 || reg === 3) call('x86_fcom_m', [k(2), v, k(reg & 1)]);
        else call('x86_farith_m', [k(reg), k(2), v]);
        return true;
      }
      case 1:
        switch (reg) {
          case 0: call('x86_fld_f32', [ld(4)]); return true;
          case 2: case 3: st(4, b.call('x86_fst_f32', 'i32', [k(reg & 1)])); return true;
          case 4: call('x86_fldenv', [a]); return true;
          case 5: call('x86_fldcw', [ld(2)]); return true;
          case 6: call('x86_fnstenv', [a]); return true;
          case 7: st(2, b.call('x86_fnstcw', 'i32', [])); return true;
        }
        return false;
      case 3:
        switch (reg) {
          case 0: call('x86_fild', [b.sext(ld(4))]); return true;
          case 1: case 2: case 3: st(4, b.trunc(b.call('x86_fist', 'i64', [k(32 | (reg !== 2 ? 0x100 : 0) | (reg === 1 ? 0x200 : 0))]))); return true;
          case 5: call('x86_fld_f80', [ld(8), b.load('i32', 2, false, b.add(a, k(8)))]); return true;
          case 7: {
            const mant = b.call('x86_fst_f80_mant', 'i64', []);
            const se = b.call('x86_fst_f80_se', 'i32', [k(1)]);
            b.store(8, a, mant);
            b.store(2, b.add(a, k(8)), se);
            return true;
          }
        }
        return false;
      case 5:
        switch (reg) {
          case 0: call('x86_fld_f64', [ld(8)]); return true;
          case 1: st(8, b.call('x86_fist', 'i64', [k(64 | 0x300)])); return true;
          case 2: case 3: st(8, b.call('x86_fst_f64', 'i64', [k(reg & 1)])); return true;
          case 7: st(2, b.call('x86_fnstsw', 'i32', [])); return true;
        }
        return false;
      case 7:
        switch (reg) {
          case 0: call('x86_fild', [b.sext(b.sextb(ld(2), 16))]); return true;
          case 1: case 2: case 3: st(2, b.trunc(b.call('x86_fist', 'i64', [k(16 | (reg !== 2 ? 0x100 : 0) | (reg === 1 ? 0x200 : 0))]))); return true;
          case 5: call('x86_fild', [ld(8)]); return true;
          case 7: st(8, b.call('x86_fist', 'i64', [k(64 | 0x100)])); return true;
        }
        return false;
    }
    return false;
  }
  const r = sti(i);
  switch (op) {
    case 0:
      if (reg === 2 || reg === 3) call('x86_fcom', [k(r), k(reg & 1)]);
      else call('x86_farith', [k(reg), k(0), k(r), k(0)]);
      return true;
    case 4: case 6:
      if (op === 6 && reg === 3) { if (r !== 1) return false; call('x86_fcom', [k(1), k(2)]); return true; }
      if (reg === 2 || reg === 3) return false;
      call('x86_farith', [k(REVERSED[reg]), k(r), k(0), k(op === 6 ? 1 : 0)]);
      return true;
    case 1:
      switch (reg) {
        case 0: call('x86_fld_st', [k(r)]); return true;
        case 1: call('x86_fxch', [k(r)]); return true;
        case 2: return r === 0;
        case 5: if (r === 7) return false; call('x86_fld_const', [k(r)]); return true;
        case 4: if (r === 2 || r === 3 || r > 5) return false; call('x86_fun', [k(i.modrm)]); return true;
        case 6: case 7: call('x86_fun', [k(i.modrm)]); return true;
      }
      return false;
    case 2: case 3:
      if (reg < 4) {
        // fcmov: b e be u, negated in DB
        const cc = [2, 4, 6, 10][reg] | (op === 3 ? 1 : 0);
        call('x86_fcmov', [k(r), c.cond(cc)]);
        return true;
      }
      if (op === 2) { if (reg !== 5 || r !== 1) return false; call('x86_fcom', [k(1), k(6)]); return true; }
      if (reg === 4) {
        if (r === 2) { call('x86_fnclex', []); return true; }
        if (r === 3) { call('x86_fninit', []); return true; }
        return r === 0 || r === 1 || r === 4; // 8087/287 leftovers: nops
      }
      if (reg === 5 || reg === 6) { c.setEflags(b.call('x86_fcomi', 'i32', [k(r), k(0)])); return true; }
      return false;
    case 5:
      switch (reg) {
        case 0: call('x86_ffree', [k(r)]); return true;
        case 2: case 3: call('x86_fst_st', [k(r), k(reg & 1)]); return true;
        case 4: case 5: call('x86_fcom', [k(r), k(4 | (reg & 1))]); return true;
      }
      return false;
    case 7:
      if (reg === 4 && r === 0) { c.setReg(2, 0, b.call('x86_fnstsw', 'i32', [])); return true; }
      if (reg === 5 || reg === 6) { c.setEflags(b.call('x86_fcomi', 'i32', [k(r), k(1)])); return true; }
      return false;
  }
  return false;
}

/** fxsave/fxrstor m512 (the helpers write and read the image) */
export const transFx: Record<string, (c: X86Ctx, i: Insn) => boolean> = {
  fxsave: (c, i) => { c.b.call('x86_fxsave', null, [memOp(c, i)]); return true; },
  fxrstor: (c, i) => { c.b.call('x86_fxrstor', null, [memOp(c, i)]); return true; },
};
