/** RV64I (and Zifencei) translation: one function per decoder handler, emitting IR only. */
import { Excp } from '../../src/core/exceptions.js';
import { ExitKind, type CmpOp } from '../../src/core/ir.js';
import type { Args_imm_rs1_rs2, Args_imm_rd_rs1, Args_rd_rs1_rs2, Args_rd_rs1_shamt, TransTable } from './decoder.generated.js';
import { type RvCtx } from './ctx.js';
import type { BinOp } from '../../src/core/ir.js';

type C = RvCtx;

/** pure ALU result into rd; nothing at all when rd is x0 (nop / hint) */
function alu(c: C, rd: number, f: () => number): boolean {
  if (rd !== 0) c.setX(rd, f());
  return true;
}

function branch(op: CmpOp, swap = false) {
  return (c: C, a: Args_imm_rs1_rs2): boolean => {
    const l = c.x(a.rs1);
    const r = c.x(a.rs2);
    const cond = swap ? c.cmp(op, r, l) : c.cmp(op, l, r);
    const taken = (c.pc + a.imm) >>> 0;
    const k = c.cv(cond);
    if (k !== undefined) c.b.jmp(k ? taken : c.next);
    else c.b.br(cond, taken, c.next);
    return true;
  };
}

function load(size: number, signed: boolean) {
  return (c: C, a: Args_imm_rd_rs1): boolean => {
    // the load comes first and rd is written after it: a faulting load changes nothing
    const v = c.b.load('i64', size, signed, c.addr(a.rs1, a.imm));
    c.setX(a.rd, v);
    return true;
  };
}

function store(size: number) {
  return (c: C, a: Args_imm_rs1_rs2): boolean => {
    const addr = c.addr(a.rs1, a.imm);
    c.b.store(size, addr, size === 8 ? c.x(a.rs2) : c.x32(a.rs2));
    return true;
  };
}

function opImm(op: BinOp) {
  return (c: C, a: Args_imm_rd_rs1) => alu(c, a.rd, () => c.op(op, c.x(a.rs1), c.k64(a.imm)));
}
function opReg(op: BinOp) {
  return (c: C, a: Args_rd_rs1_rs2) => alu(c, a.rd, () => c.op(op, c.x(a.rs1), c.x(a.rs2)));
}
function shiftImm(op: BinOp) {
  return (c: C, a: Args_rd_rs1_shamt) => alu(c, a.rd, () => c.op(op, c.x(a.rs1), c.k32(a.shamt)));
}
/** register shift: the amount is rs2's low bits (the IR masks shift amounts by the width) */
function shiftReg(op: BinOp) {
  return (c: C, a: Args_rd_rs1_rs2) => alu(c, a.rd, () => c.op(op, c.x(a.rs1), c.x32(a.rs2)));
}
function setCmpImm(op: CmpOp) {
  return (c: C, a: Args_imm_rd_rs1) => alu(c, a.rd, () => c.bool64(c.cmp(op, c.x(a.rs1), c.k64(a.imm))));
}
function setCmpReg(op: CmpOp) {
  return (c: C, a: Args_rd_rs1_rs2) => alu(c, a.rd, () => c.bool64(c.cmp(op, c.x(a.rs1), c.x(a.rs2))));
}

/** *W instructions: i32 ops on the low halves, result sign-extended */
function opW(op: BinOp) {
  return (c: C, a: Args_rd_rs1_rs2): boolean => {
    if (a.rd !== 0) c.setX32(a.rd, c.op(op, c.x32(a.rs1), c.x32(a.rs2)));
    return true;
  };
}
function shiftImmW(op: BinOp) {
  return (c: C, a: Args_rd_rs1_shamt): boolean => {
    if (a.rd !== 0) c.setX32(a.rd, c.op(op, c.x32(a.rs1), c.k32(a.shamt)));
    return true;
  };
}

export const transRv64i = {
  lui: (c, a) => alu(c, a.rd, () => c.k64(a.imm)),
  auipc: (c, a) => alu(c, a.rd, () => c.k64(BigInt(c.pc) + BigInt(a.imm))),
  jal(c, a) {
    if (a.rd !== 0) c.setX(a.rd, c.k64(c.next));
    c.b.jmp((c.pc + a.imm) >>> 0);
    return true;
  },
  jalr(c, a) {
    // target first: rd may be rs1
    const t = c.op('and', c.addr(a.rs1, a.imm), c.k32(-2));
    if (a.rd !== 0) c.setX(a.rd, c.k64(c.next));
    const k = c.cv(t);
    if (k !== undefined) c.b.jmp(Number(BigInt.asUintN(32, k)));
    else c.b.jind(t);
    return true;
  },
  beq: branch('eq'),
  bne: branch('ne'),
  blt: branch('lts'),
  bge: branch('les', true),
  bltu: branch('ltu'),
  bgeu: branch('leu', true),

  lb: load(1, true),
  lh: load(2, true),
  lw: load(4, true),
  ld: load(8, true),
  lbu: load(1, false),
  lhu: load(2, false),
  lwu: load(4, false),
  sb: store(1),
  sh: store(2),
  sw: store(4),
  sd: store(8),

  addi: opImm('add'),
  slti: setCmpImm('lts'),
  sltiu: setCmpImm('ltu'),
  xori: opImm('xor'),
  ori: opImm('or'),
  andi: opImm('and'),
  slli: shiftImm('shl'),
  srli: shiftImm('shr'),
  srai: shiftImm('sar'),
  add: opReg('add'),
  sub: opReg('sub'),
  sll: shiftReg('shl'),
  slt: setCmpReg('lts'),
  sltu: setCmpReg('ltu'),
  xor: opReg('xor'),
  srl: shiftReg('shr'),
  sra: shiftReg('sar'),
  or: opReg('or'),
  and: opReg('and'),

  addiw(c, a) {
    if (a.rd !== 0) c.setX32(a.rd, c.op('add', c.x32(a.rs1), c.k32(a.imm)));
    return true;
  },
  slliw: shiftImmW('shl'),
  srliw: shiftImmW('shr'),
  sraiw: shiftImmW('sar'),
  addw: opW('add'),
  subw: opW('sub'),
  sllw: opW('shl'),
  srlw: opW('shr'),
  sraw: opW('sar'),

  // single-threaded so far: fences order nothing
  fence: () => true,
  fence_i(c) {
    c.b.exit(ExitKind.Sync, c.next);
    return true;
  },
  ecall(c) {
    c.b.exception(Excp.Syscall, c.next);
    return true;
  },
  ebreak(c) {
    c.raise(Excp.Breakpoint);
    return true;
  },
  illegal: () => false,
} satisfies Partial<TransTable<RvCtx>>;
