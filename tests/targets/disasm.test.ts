/**
 * -d in_asm prints real assembly: our disassemblers (targets/<arch>/disasm*.ts) against GNU
 * objdump on every instruction of the fixture binaries' .text (static glibc programs and the
 * asm fixtures), after light normalisation (whitespace, comments, <symbol> annotations).
 * Each target must agree on nearly all instructions and exactly on a list of common
 * mnemonics; the most frequent mismatches are printed. Also: the debug log's sections
 * (-d in_asm,op,out_asm,exec,cpu -D file) for each target, the -d cpu layouts, symbols.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { compare, haveTool, objdump, report, type ObjLine } from '../helpers/objdump.js';
import { decode16, decode32 } from '../../targets/riscv/decoder.generated.js';
import { disasm as rvDisasm } from '../../targets/riscv/disasm.js';
import { decode32 as a64Decode } from '../../targets/aarch64/decoder.generated.js';
import { disasm as a64Disasm } from '../../targets/aarch64/disasm.js';
import { fpImm8 } from '../../targets/aarch64/disasm-fp.js';
import { ArmDisassembler, armText, disasmArm } from '../../targets/arm/disasm.js';
import { runProgram } from '../../src/linux/run.js';
import { parseCommandLine } from '../../src/cli/options.js';
import { formatCpu, formatExec } from '../../src/core/log/cpu.js';
import { Symbols } from '../../src/core/log/symbols.js';
import { Memory } from '../../src/core/memory/flat.js';
import { Logger } from '../../src/core/log/log.js';
import { allTargets } from '../../targets/index.js';
import { decode32 as mipsDecode } from '../../targets/mips/decoder.generated.js';
import { disasm as mipsDisasm } from '../../targets/mips/disasm.js';

const FX = new URL('../../fixtures/', import.meta.url).pathname;

interface Case {
  name: string;
  tool: string;
  arch: string;
  files: string[];
  args?: string[];
  comment: string;
  /** lowest share of agreeing instructions over all files */
  min: number;
  /** mnemonics (as objdump prints them) that must never disagree */
  exact: string[];
  ours(): (l: ObjLine) => string;
}

const ASM = ['asm-hello', 'asm-fib', 'asm-args', 'asm-exit'];

const CASES: Case[] = [
  {
    name: 'riscv64', tool: 'riscv64-linux-gnu-objdump', arch: 'riscv64', files: ['libc', 'fpu-ops', ...ASM], comment: '#', min: 0.999,
    exact: ['ld', 'sd', 'add', 'li', 'mv', 'j', 'jal', 'auipc', 'beqz', 'bnez', 'sll', 'lw', 'and', 'beq', 'addw', 'ret', 'sext.w', 'fld', 'fmadd.d', 'csrr', 'lr.w', 'sc.w.aq', 'fcvt.w.d', 'fmv.x.d', 'fence', 'ecall'],
    ours: () => (l) => rvDisasm(l.len === 2 ? decode16(l.insn) : decode32(l.insn), l.insn, l.addr, l.len),
  },
  {
    name: 'aarch64', tool: 'aarch64-linux-gnu-objdump', arch: 'aarch64', files: ['libc', ...ASM], comment: '//', min: 0.99,
    exact: ['ldr', 'str', 'stp', 'ldp', 'mov', 'add', 'sub', 'bl', 'b', 'b.ne', 'cbz', 'cmp', 'adrp', 'ret', 'csel', 'cset', 'ubfx', 'lsl', 'madd', 'ldxr', 'stlxr', 'fmov', 'fadd', 'fmadd', 'fcmpe', 'scvtf', 'movi', 'dup', 'ext', 'dmb', 'prfm', 'ccmp', 'mrs', 'svc', 'tbnz',
      'cmeq', 'umaxp', 'addv', 'xtn', 'uzp1', 'ld1', 'shrn', 'umull', 'uaddw', 'fcvtzs', 'frintm', 'fccmp'],
    ours: () => (l) => a64Disasm(a64Decode(l.insn), l.insn, l.addr),
  },
  {
    name: 'arm (A32, armel)', tool: 'arm-linux-gnueabi-objdump', arch: 'armel', files: ['libc', ...ASM], comment: '@ ;', min: 0.99,
    exact: ['ldr', 'mov', 'cmp', 'add', 'bl', 'str', 'b', 'beq', 'bne', 'sub', 'ldrb', 'pop', 'push', 'ldrd', 'and', 'lsl', 'orr', 'subs', 'mvn', 'cmn', 'bx', 'ldm', 'stm', 'svc', 'smull', 'nop', 'moveq', 'ldrne', 'rsb', 'bic'],
    ours: () => { const d = new ArmDisassembler(false); return (l) => d.text(l.addr, l.insn, l.len); },
  },
  {
    name: 'arm (Thumb-2, VFP, NEON; armhf)', tool: 'arm-linux-gnueabihf-objdump', arch: 'arm', files: ['libc', 'neon'], args: ['-M', 'force-thumb'], comment: '@ ;', min: 0.99,
    exact: ['ldr', 'movs', 'mov', 'cmp', 'add', 'str', 'bl', 'b.n', 'ldr.w', 'adds', 'add.w', 'bne.n', 'mov.w', 'subs', 'beq.n', 'it', 'ite', 'str.w', 'bne.w', 'cmp.w', 'b.w', 'cbz', 'cbnz', 'ldrd', 'strd', 'push', 'pop', 'ldmia.w', 'stmdb', 'movw', 'movt', 'dmb', 'ldrex', 'strex', 'vldr', 'vstr', 'vmov', 'vadd.f64', 'vmrs', 'uxtb.w', 'tbb', 'mul.w', 'clz', 'moveq', 'movne', 'lsls', 'lsl.w', 'ubfx', 'sub.w', 'and.w', 'orr.w', 'bic.w', 'nop.w', 'mrc', 'udiv',
      'vorr', 'vmov.u8', 'vmull.s8', 'vaddw.s16', 'vld1.64', 'vst1.64', 'vmovl.u8', 'vmovn.i16', 'vmin.u16', 'vadd.i32', 'vmla.i8', 'vpush', 'vpop', 'vand', 'vmov.i32', 'vcmpe.f32'],
    ours: () => { const d = new ArmDisassembler(true); return (l) => d.text(l.addr, l.insn, l.len); },
  },
  {
    name: 'mipsel (MIPS32r2, FPU)', tool: 'mipsel-linux-gnu-objdump', arch: 'mipsel', files: ['libc', ...ASM], comment: '#', min: 0.999,
    exact: ['lw', 'sw', 'addiu', 'move', 'jalr', 'jr', 'beqz', 'bnez', 'lui', 'li', 'nop', 'bal', 'b', 'sll', 'srl', 'negu', 'ext', 'ins', 'teq', 'll', 'sc', 'rdhwr', 'ldc1', 'sdc1', 'c.lt.d', 'cfc1', 'movt', 'mul', 'seb', 'wsbh', 'syscall'],
    ours: () => (l) => mipsDisasm(mipsDecode(l.insn), l.insn, l.addr),
  },
];

describe('disassembly agrees with GNU objdump', () => {
  for (const c of CASES) {
    const ok = haveTool(c.tool);
    if (!ok) console.warn(`SKIPPED: ${c.tool} is not installed; cannot compare ${c.name} disassembly with objdump`);
    it.skipIf(!ok)(`${c.name}: ${c.files.join(', ')}`, () => {
      const lines = c.files.flatMap((f) => objdump(c.tool, path.join(FX, c.arch, f), c.args));
      expect(lines.length).toBeGreaterThan(10_000);
      const res = compare(lines, c.ours(), c.comment);
      console.log(`${c.name}: ${report(res, 15)}`);
      expect(res.agree / res.total).toBeGreaterThanOrEqual(c.min);
      const bad = c.exact.filter((m) => res.byMnemonic.has(m)).map((m) => `${m}: objdump '${res.byMnemonic.get(m)!.objdump}' ours '${res.byMnemonic.get(m)!.ours}'`);
      expect(bad).toEqual([]);
    }, 120_000);
  }
});

describe('disassembler details', () => {
  it('arm: instructions of an IT block print its condition, and 16-bit ALU ops drop their s inside it', () => {
    const d = new ArmDisassembler(true);
    // ite eq; moveq r0, #1; movne r0, #0; movs r0, #0
    const out = [[0xbf0c, 0x10000], [0x2001, 0x10002], [0x2000, 0x10004], [0x2000, 0x10006]].map(([i, a]) => d.text(a, i, 2));
    expect(out).toEqual(['ite\teq', 'moveq\tr0, #1', 'movne\tr0, #0', 'movs\tr0, #0']);
    // the translator passes its ITSTATE instead (firstcond ne, one instruction left)
    expect(armText(0x10002, 0x2001, 2, true, 1)).toBe('movne\tr0, #1');
  });

  it('arm: encodings without a formatter print their pattern name and fields', () => {
    // vmul.f32 q8, q2, d8[0] (NEON by scalar): no formatter yet
    expect(armText(0x1000, 0xf3e40948, 4, false)).toMatch(/^v2scalar\t.*size=2/);
    expect(armText(0x1000, 0xf2220844, 4, false)).toBe('vadd.i32\tq0, q1, q2');
    expect(disasmArm(0x1000, 0xe3a00001, 4, false)).toBe('0x00001000:  e3a00001    mov      r0, #1');
    expect(disasmArm(0x1000, 0xf04f0b00, 4, true)).toBe('0x00001000:  f04f 0b00   mov.w    fp, #0');
  });

  it('aarch64: FP immediates print as objdump does', () => {
    expect(fpImm8(0x70)).toBe('1.000000000000000000e+00');
    expect(fpImm8(0x00)).toBe('2.000000000000000000e+00');
    expect(fpImm8(0xe0)).toBe('-5.000000000000000000e-01');
    expect(a64Disasm(a64Decode(0x1e6e1000), 0x1e6e1000, 0)).toBe('fmov\td0, #1.000000000000000000e+00');
  });
});

describe('-d cpu and -d exec formats', () => {
  const t = (name: string) => allTargets.find((x) => x.name === name)!;
  it('riscv64: pc line, then x0/zero .. x31/t6 four to a row', () => {
    const tg = t('riscv64');
    const cpu = tg.createCpu(new Memory());
    const text = formatCpu(tg, cpu, 0x10078);
    const lines = text.split('\n');
    expect(lines[0]).toBe(' pc       0000000000010078');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(/^ x0\/zero  0{16} x1\/ra    0{16} x2\/sp    0{16} x3\/gp    0{16}$/);
    expect(lines[8]).toMatch(/ x31\/t6   0{16}$/);
  });
  it('aarch64: PC, X00..X30 and SP three to a row, then PSTATE', () => {
    const tg = t('aarch64');
    const cpu = tg.createCpu(new Memory());
    cpu.set64(0, 0x1234n);
    const lines = formatCpu(tg, cpu, 0x400078).split('\n');
    expect(lines[0]).toBe(' PC=0000000000400078 X00=0000000000001234 X01=0000000000000000');
    expect(lines[10]).toMatch(/^X29=0{16} X30=0{16}  SP=0{16}$/);
    expect(lines[11]).toBe('PSTATE=00000000 ---- EL0t  SVCR=00000000 --  BTYPE=0');
  });
  it('arm: R00..R15 four to a row, then PSR with the instruction set', () => {
    const tg = t('arm');
    const cpu = tg.createCpu(new Memory());
    cpu.r[1] = 0x40800ab7;
    const lines = formatCpu(tg, cpu, 0x10099).split('\n');
    expect(lines[0]).toBe('R00=00000000 R01=40800ab7 R02=00000000 R03=00000000');
    expect(lines[3]).toBe('R12=00000000 R13=00000000 R14=00000000 R15=00010098');
    expect(lines[4]).toBe('PSR=00000030 ---- T usr32');
  });
  it('exec: Trace line in qemu 7.2 shape', () => {
    expect(formatExec(t('riscv64'), { thread: 0, region: 0x10078, pc: 0x10078, flags: 0, tier: 1, symbol: 'main' }))
      .toBe('Trace 0: 0x10078 [0000000000000000/0000000000010078/00000000/00000001] main');
    expect(formatExec(t('arm'), { thread: 0, region: 0x10099, pc: 0x10099, flags: 0x20, tier: 2 }))
      .toBe('Trace 0: 0x10099 [00000000/00010098/00000020/00000002] ');
  });
});

describe('symbols for IN: headers', () => {
  const lib = '/usr/aarch64-linux-gnu/lib/libc.so.6';
  const ok = fs.existsSync(lib) && haveTool('aarch64-linux-gnu-nm');
  if (!ok) console.warn(`SKIPPED: ${lib} or aarch64-linux-gnu-nm missing; cannot check .dynsym lookups`);
  it.skipIf(!ok)('reads .dynsym of a stripped library and finds the function containing an address', () => {
    const nm = execFileSync('aarch64-linux-gnu-nm', ['-D', '--defined-only', lib]).toString();
    const addr = parseInt(/^([0-9a-f]+) [TW] puts@/m.exec(nm)![1], 16);
    const s = Symbols.fromFile(lib, 0x100000);
    expect(s.size).toBeGreaterThan(1000);
    expect(['puts', '_IO_puts']).toContain(s.at(0x100000 + addr + 8));
  });
  it.skipIf(!ok)('Logger: IN: headers name the function; out_asm names tier-2 regions and their blocks', () => {
    const file = path.join(os.tmpdir(), `polyemu-log-${process.pid}.txt`);
    const log = new Logger(['in_asm', 'out_asm'], file);
    const nm = execFileSync('aarch64-linux-gnu-nm', ['-D', '--defined-only', lib]).toString();
    const addr = 0x200000 + parseInt(/^([0-9a-f]+) [Ti] memcpy@/m.exec(nm)![1], 16);
    log.addImage(lib, 0x200000);
    const b = { pc: addr, end: addr + 4, ninsns: 1, ops: [], temps: [], asm: [`0x${addr.toString(16)}: d503201f  nop`] };
    log.inAsm(b);
    log.outAsm(addr, 2, [b, { ...b, pc: addr + 8 }], 'return 0;');
    const text = fs.readFileSync(file, 'utf8');
    fs.rmSync(file);
    expect(text).toBe(`----------------\nIN: memcpy\n${b.asm[0]}\n\nOUT: [region 0x${addr.toString(16)}, tier 2, blocks 0x${addr.toString(16)} 0x${(addr + 8).toString(16)}]\nreturn 0;\n`);
  });
  it('gives nothing for a stripped static program', () => {
    expect(Symbols.fromFile(path.join(FX, 'aarch64/libc')).at(0x400340)).toBeUndefined();
  });
});

describe('-d in_asm,op,out_asm,exec,cpu -D file', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-log-'));
  const marks: Record<string, RegExp[]> = {
    riscv64: [/^ pc {7}[0-9a-f]{16}$/m, / x10\/a0 {3}[0-9a-f]{16} /, /^0x[0-9a-f]+: [0-9a-f]+ +(add|auipc|li|ld|sd|j|jal|mv)\b/m],
    aarch64: [/^ PC=[0-9a-f]{16} X00=/m, /^PSTATE=[0-9a-f]{8} [-N][-Z][-C][-V] EL0t  SVCR=0{8} -- {2}BTYPE=0$/m, /^0x[0-9a-f]+: [0-9a-f]{8} +(mov|adrp|bl|stp|ldr|add) /m],
    arm: [/^R00=[0-9a-f]{8} R01=/m, /^PSR=[0-9a-f]{8} [-N][-Z][-C][-V] [AT] usr32$/m, /^0x[0-9a-f]{8}: +[0-9a-f ]+ +(mov|ldr|bl|add|push|str)/m],
  };
  for (const arch of ['riscv64', 'aarch64', 'arm']) {
    it(`${arch}: hello writes every section`, async () => {
      const file = path.join(tmp, `${arch}.log`);
      const cmd = parseCommandLine(['-d', 'in_asm,op,out_asm,exec,cpu', '-D', file, path.join(FX, arch, 'hello')], {});
      if (cmd.kind !== 'run') throw new Error(`not a run command: ${cmd.kind}`);
      const r = await runProgram({ ...cmd.options, env: [], sysroot: '' });
      expect(r).toMatchObject({ status: 0, signal: 0 });
      const log = fs.readFileSync(file, 'utf8');
      // (booleans, not toMatch: a failure must not print a log of megabytes)
      const has = (re: RegExp) => [re.source, re.test(log)];
      const want = [/^IN: /m, /^OP:$/m, /^OUT: \[region 0x[0-9a-f]+/m,
        /^Trace 0: 0x[0-9a-f]+ \[0+\/[0-9a-f]+\/[0-9a-f]{8}\/0000000[12]\] /m, ...marks[arch]];
      expect(want.map(has)).toEqual(want.map((re) => [re.source, true]));
      // real disassembly, not decoder field dumps (pattern name + fields)
      const dumps = log.split('\n').filter((l) => /^0x[0-9a-f]+:.*\w+=\d+, \w+=\d+/.test(l));
      expect(dumps.slice(0, 5)).toEqual([]);
    }, 120_000);
  }
});
