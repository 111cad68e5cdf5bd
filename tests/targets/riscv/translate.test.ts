import { Access, Excp, FaultCause } from '../../../src/core/exceptions.js';
import { describe, expect, it } from 'vitest';
import { ExitKind, IrBuilder, formatIr, type Op } from '../../../src/core/ir.js';
import { Memory, PROT_R, PROT_W, PROT_X } from '../../../src/core/memory/flat.js';
import { translateRiscv } from '../../../targets/riscv/translate.js';
import { riscv64 } from '../../../targets/riscv/linux/index.js';
import { RiscvCpu } from '../../../targets/riscv/cpu.js';
import { FP_HELPER_NAMES } from '../../../targets/riscv/trans-fd.js';

const BASE = 0x10000;

/** Translate one block from `hex` bytes (assembled with riscv64-linux-gnu-as, objcopy -O binary). */
function tr(hex: string, opts: { at?: number; maxInsns?: number; mapLen?: number } = {}) {
  const mem = new Memory();
  const at = opts.at ?? BASE;
  mem.map(BASE, opts.mapLen ?? 0x2000, PROT_R | PROT_X);
  mem.poke(at, Buffer.from(hex, 'hex'));
  const b = new IrBuilder();
  b.wantAsm = true;
  const info = translateRiscv(b, mem, at, opts.maxInsns ?? 64);
  const ir = formatIr({ pc: at, end: info.end, ninsns: info.ninsns, ops: b.ops, temps: b.temps, asm: b.asm });
  return { b, info, ir, ops: b.ops, last: b.ops[b.ops.length - 1], mem };
}
const calls = (ops: Op[]) => ops.filter((o) => o.op === 'call').map((o) => o.name);
const sets = (ops: Op[]) => ops.filter((o) => o.op === 'set').map((o) => Number(o.imm));

describe('riscv translation to IR', () => {
  it('folds li, drops writes to x0, writes load results after the load', () => {
    // li a0,5; add zero,a1,a2; lw a0,4(a1); ld a1,0(a1)   (.option norvc)
    const { ir, info, b } = tr('130550003380c50003a5450083b50500', { maxInsns: 4 });
    expect(ir).toBe([
      'block 0x10000 (4 insns)',
      ' ; 0x10000',
      '  t0:i64 = const 0',
      '  t1:i64 = const 5',
      '  set r10, t1',
      ' ; 0x10008',
      '  t2:i64 = get r11',
      '  t3:i32 = trunc t2',
      '  t4:i32 = const 4',
      '  t5:i32 = add t3, t4',
      '  t6:i64 = load.4s [t5]',
      '  set r10, t6',
      ' ; 0x1000c',
      '  t7:i64 = get r11',
      '  t8:i32 = trunc t7',
      '  t9:i64 = load.8s [t8]',
      '  set r11, t9',
      '  jmp 0x10010',
    ].join('\n'));
    expect(info).toEqual({ end: 0x10010, ninsns: 4 });
    expect(b.asm).toEqual([
      '0x10000: 00500513  li       a0,5',
      '0x10004: 00c58033  add      zero,a1,a2',
      '0x10008: 0045a503  lw       a0,4(a1)',
      '0x1000c: 0005b583  ld       a1,0(a1)',
    ]);
  });

  it('computes the JALR target before writing rd (rd == rs1) and links with a constant', () => {
    const { ir } = tr('e7858500'); // jalr a1,8(a1)
    expect(ir).toContain('t0:i64 = get r11\n  t1:i32 = trunc t0\n  t2:i32 = const 8\n  t3:i32 = add t1, t2\n  t4:i32 = const -2\n  t5:i32 = and t3, t4\n  t6:i64 = const 65540\n  set r11, t6\n  jind t5');
  });

  it('ends blocks with br for branches and uses i32 ops + sext for *W instructions', () => {
    expect(tr('6350b504').last).toMatchObject({ op: 'br', imm: 0x10040, imm2: 0x10004 }); // bge a0,a1,.+64
    const { ops } = tr('3b85c5009b563740bb171801', { maxInsns: 3 }); // addw, sraiw, sllw
    const arith = ops.filter((o) => ['add', 'sar', 'shl'].includes(o.op));
    expect(arith.map((o) => `${o.op}:${o.ty}`)).toEqual(['add:i32', 'sar:i32', 'shl:i32']);
    expect(ops.filter((o) => o.op === 'sext')).toHaveLength(3);
  });

  it('expands compressed instructions', () => {
    const { ir, info } = tr('0505', { maxInsns: 1 }); // c.addi a0,1
    expect(ir).toContain('t0:i64 = get r10\n  t1:i64 = const 1\n  t2:i64 = add t0, t1\n  set r10, t2\n  jmp 0x10002');
    expect(info.end).toBe(0x10002);
  });

  it('ecall, fence.i and ebreak end the block', () => {
    expect(tr('73000000').last).toMatchObject({ op: 'exception', imm2: Excp.Syscall, imm: 0x10004 });
    expect(tr('0f100000').last).toMatchObject({ op: 'exit', imm2: ExitKind.Sync, imm: 0x10004 });
    const eb = tr('0290'); // c.ebreak
    expect(eb.last).toMatchObject({ op: 'exception', imm2: Excp.Breakpoint, imm: 0x10000 });
    expect(calls(eb.ops)).toEqual([]);
  });

  it('F/D: one helper call per instruction, reserved rm is illegal', () => {
    // fadd.d fa0,fa1,fa2,dyn; then the same with rm=5
    const { ops, last } = tr('53f5c50253d5c502');
    const call = ops.find((o) => o.op === 'call' && o.name === 'rv_fp_fadd_d')!;
    const imm = (t: number) => Number(ops.find((o) => o.d === t)!.imm);
    expect(call.args.map(imm)).toEqual([10, 11, 12, 7]);
    expect(last).toMatchObject({ op: 'exception', imm2: Excp.Illegal, imm: 0x10004 });
  });

  it('F/D: x destinations come back from the helper, FLW NaN-boxes', () => {
    // fcvt.w.d a0,fa1,rtz; feq.d zero,fa0,fa1; flw fa0,4(sp)
    const { ops, ir } = tr('539505c2532052a207254100', { maxInsns: 3 });
    expect(calls(ops)).toEqual(['rv_fp_fcvt_w_d', 'rv_fp_feq_d']);
    expect(sets(ops)).toEqual([10, 42]);
    expect(ir).toContain('load.4u');
    expect(ir).toContain('const -4294967296');
  });

  it('CSRs: unknown CSR or a write to a counter is illegal; rdtime is a helper call', () => {
    expect(tr('73250030').last).toMatchObject({ op: 'exception', imm2: Excp.Illegal }); // csrr a0,mstatus
    expect(tr('731005c0').last).toMatchObject({ op: 'exception', imm2: Excp.Illegal }); // csrw cycle,a0
    // privileged instructions are illegal in user mode
    for (const h of ['73002030', '73002010', '73005010', '73000012']) expect(tr(h).last, h).toMatchObject({ op: 'exception', imm2: Excp.Illegal });
    expect(calls(tr('f32510c0', { maxInsns: 1 }).ops)).toEqual(['rv_csr_rw']); // rdtime a1
  });

  it('stops after maxInsns with a jmp to the next instruction', () => {
    const { last, info } = tr('0505'.repeat(10), { maxInsns: 3 });
    expect(last).toMatchObject({ op: 'jmp', imm: 0x10006 });
    expect(info.ninsns).toBe(3);
  });

  it('a first instruction on a non-executable page is a SIGSEGV trap', () => {
    const mem = new Memory();
    mem.map(0x20000, 0x1000, PROT_R | PROT_W);
    for (const pc of [0x20000, 0x30000]) {
      const b = new IrBuilder();
      translateRiscv(b, mem, pc, 8);
      expect(calls(b.ops)).toEqual([]);
      const last = b.ops[b.ops.length - 1];
      expect(last).toMatchObject({ op: 'exception', imm2: Excp.PageFault, imm: pc });
      expect(last.args).toEqual([pc === 0x20000 ? FaultCause.Protection : FaultCause.Unmapped, pc, Access.Fetch]);
    }
  });

  it('never runs into a non-executable page: ends before it, checks both halves of a 32-bit insn', () => {
    const end = BASE + 0x1000;
    // two c.addi then the page ends: the block stops at the boundary with a jmp
    const a = tr('0505'.repeat(2), { at: end - 4, mapLen: 0x1000 });
    expect(a.last).toMatchObject({ op: 'jmp', imm: end });
    // c.addi, then a 32-bit addi whose second half is on the next (unmapped) page
    const b1 = tr('0505' + '1305', { at: end - 4, mapLen: 0x1000 });
    expect(b1.info).toEqual({ end: end - 2, ninsns: 1 });
    expect(b1.last).toMatchObject({ op: 'jmp', imm: end - 2 });
    // the same straddling instruction first in a block: SIGSEGV at the unfetchable half
    const b2 = tr('1305', { at: end - 2, mapLen: 0x1000 });
    expect(b2.last).toMatchObject({ op: 'exception', imm2: Excp.PageFault, imm: end - 2 });
    expect(b2.last.args[1]).toBe(end);
  });

  it('unknown encodings are illegal instructions with the pc as address', () => {
    const { ops, last } = tr('00000000');
    expect(last).toMatchObject({ op: 'exception', imm2: Excp.Illegal, imm: BASE });
    expect(last.args[1]).toBe(BASE);
  });
});

describe('riscv64 target', () => {
  it('describes registers, ABI and ELF flags', () => {
    expect(riscv64.regs).toHaveLength(64);
    expect(riscv64.regs[0]).toMatchObject({ name: 'zero', zero: true, cached: true, index: 0 });
    expect(riscv64.regs[2]).toMatchObject({ name: 'sp', index: 4 });
    expect(riscv64.regs[32 + 10]).toMatchObject({ name: 'fa0', cached: false, index: 84 });
    expect(riscv64.abi.hwcap).toBe(0x112d);
    expect(riscv64.abi.platform).toBe('');
    expect(riscv64.abi.syscallNames[64]).toBe('write');
    expect(riscv64.checkElfFlags!(0x5)).toBeUndefined(); // RVC | double
    expect(riscv64.checkElfFlags!(0x1)).toBeUndefined(); // soft-float
    expect(riscv64.checkElfFlags!(0x9)).toMatch(/RVE/);
    const cpu = riscv64.createCpu(new Memory());
    expect(cpu).toBeInstanceOf(RiscvCpu);
    cpu.set64(2 * 17, 93n);
    cpu.set64(2 * 11, -5n);
    expect(riscv64.abi.syscallNr(cpu)).toBe(93);
    expect(riscv64.abi.syscallArg(cpu, 1)).toBe(-5);
    riscv64.abi.setSyscallResult(cpu, -14);
    expect(cpu.get64(20)).toBe(-14n);
    cpu.set64(20, 7n);
    riscv64.abi.initCpu(cpu);
    expect(cpu.get64(20)).toBe(0n);
  });

  it('has every helper the frontend calls', () => {
    for (const n of [...FP_HELPER_NAMES, 'rv_csr_rw', 'rv_lr_w', 'rv_lr_d', 'rv_sc_w', 'rv_sc_d', 'rv_amoadd_w', 'rv_amomaxu_d']) {
      expect(typeof riscv64.helpers[n], n).toBe('function');
    }
  });
});
