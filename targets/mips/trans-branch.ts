/**
 * Branches and jumps, each with its delay slot (translate.ts: delaySlot). The condition and
 * the target are computed before the slot runs (the slot may change their registers), and
 * the link register ($31, or rd of jalr) is written before it, as the architecture says.
 * Branch-likely forms skip the slot's IR when not taken (a forward brcond around it).
 * A control transfer in a delay slot is a reserved instruction (false).
 */
import type { CmpOp } from '../../src/core/ir.js';
import type { Args_imm_rs, Args_imm_rs_rt, Args_rd_rs, Args_rs, Args_target, TransTable } from './decoder.generated.js';
import { decode32 } from './decoder.generated.js';
import type { MipsCtx } from './ctx.js';
import { fetchSlot } from './slot.js';

type C = MipsCtx;
type Branches = Pick<TransTable<C>,
  | 'beq' | 'bne' | 'blez' | 'bgtz' | 'beql' | 'bnel' | 'blezl' | 'bgtzl'
  | 'bltz' | 'bgez' | 'bltzl' | 'bgezl' | 'bltzal' | 'bgezal' | 'bltzall' | 'bgezall'
  | 'j' | 'jal' | 'jr' | 'jalr'>;

/** handlers whose instruction ends a block: not translatable inside a skipped likely slot */
const ENDS_BLOCK = new Set(['syscall', 'break', 'sdbbp', 'j', 'jal', 'jr', 'jalr', 'beq', 'bne', 'blez', 'bgtz', 'beql', 'bnel',
  'blezl', 'bgtzl', 'bltz', 'bgez', 'bltzl', 'bgezl', 'bltzal', 'bgezal', 'bltzall', 'bgezall', 'bc1', 'bc1l']);

/** the slot at pc cannot be translated as straight-line IR (it faults, traps or branches) */
function slotEndsBlock(c: C, pc: number): boolean {
  const raw = fetchSlot(c.mem, pc);
  if (raw === undefined) return true;
  const insn = decode32(raw);
  return !insn || ENDS_BLOCK.has(insn.name);
}

/**
 * Emit a control transfer with its delay slot: `cond` an i32 temp (undefined: always),
 * `target` a constant address or (indirect) an i32 temp, `link` the register given pc + 8.
 */
export function branch(c: C, cond: number | undefined, target: { pc: number } | { reg: number }, likely = false, link = 0): boolean {
  if (c.inDelay) return false;
  const b = c.b;
  const pc = c.pc;
  const next = (pc + 8) >>> 0;
  if (cond !== undefined) {
    const k = c.cv(cond);
    if (k !== undefined && k !== 0n) cond = undefined;
  }
  if (link) c.set(link, c.kw(next | 0));
  if (likely && cond !== undefined) {
    const t = 'pc' in target ? target.pc : 0;
    if (slotEndsBlock(c, pc + 4)) {
      // rare: let the slot run (and fault) as a block of its own when taken
      b.br(cond, (pc + 4) >>> 0, next);
      return true;
    }
    const skip = b.newLabel();
    b.brcond(cond, skip, true);
    c.delaySlot(c, pc + 4);
    b.setLabel(skip);
    b.br(cond, t, next);
    return true;
  }
  if (!c.delaySlot(c, pc + 4)) return true;
  if ('reg' in target) b.jind(target.reg);
  else if (cond === undefined) b.jmp(target.pc);
  else b.br(cond, target.pc, next);
  return true;
}

const rel = (c: C, imm: number) => (c.pc + 4 + imm * 4) >>> 0;

function b2(op: CmpOp, likely: boolean) {
  return (c: C, a: Args_imm_rs_rt): boolean => branch(c, c.cmp(op, c.g(a.rs), c.g(a.rt)), { pc: rel(c, a.imm) }, likely);
}
/** compare rs with zero: rs op 0 */
function b1(op: CmpOp, likely: boolean, link = false) {
  return (c: C, a: Args_imm_rs): boolean => branch(c, c.cmp(op, c.g(a.rs), c.kw(0)), { pc: rel(c, a.imm) }, likely, link ? 31 : 0);
}
/** compare zero with rs: 0 op rs (for > and >=) */
function b1r(op: CmpOp, likely: boolean, link = false) {
  return (c: C, a: Args_imm_rs): boolean => branch(c, c.cmp(op, c.kw(0), c.g(a.rs)), { pc: rel(c, a.imm) }, likely, link ? 31 : 0);
}

export const transBranch: Branches = {
  beq: b2('eq', false),
  bne: b2('ne', false),
  beql: b2('eq', true),
  bnel: b2('ne', true),
  blez: b1('les', false),
  bgtz: b1r('lts', false),
  blezl: b1('les', true),
  bgtzl: b1r('lts', true),
  bltz: b1('lts', false),
  bgez: b1r('les', false),
  bltzl: b1('lts', true),
  bgezl: b1r('les', true),
  bltzal: b1('lts', false, true),
  bgezal: b1r('les', false, true),
  bltzall: b1('lts', true, true),
  bgezall: b1r('les', true, true),
  j: (c, a: Args_target) => branch(c, undefined, { pc: (((c.pc + 4) & 0xf0000000) | a.target) >>> 0 }),
  jal: (c, a: Args_target) => branch(c, undefined, { pc: (((c.pc + 4) & 0xf0000000) | a.target) >>> 0 }, false, 31),
  jr: (c, a: Args_rs) => branch(c, undefined, { reg: c.g32(a.rs) }),
  jalr: (c, a: Args_rd_rs) => branch(c, undefined, { reg: c.g32(a.rs) }, false, a.rd),
};
