/**
 * Generates diff.S for tests/targets/mips/diff.test.ts: seeded random sequences of MIPS32r2
 * integer instructions (ALU, shifts and rotates, HI/LO multiply/divide/accumulate, bitfields,
 * byte shuffles, conditional moves, loads and stores of every size and the unaligned
 * lwl/lwr/swl/swr, forward branches of every kind with their delay slots, branch-likely with
 * a nullified slot), and FPU arithmetic, conversions and compares under the four rounding
 * modes, from random registers and scratch memory. After each round the program writes the
 * registers, HI, LO, FCSR, $f0..$f31 and its scratch memory to stdout; the test compares that
 * with what qemu-mipsel writes.
 *
 *   npx tsx tests/targets/mips/data/gen-diff.ts [--seed N] [--rounds N] > diff.S
 *   mipsel-linux-gnu-gcc -nostdlib -static -s -o diff.elf diff.S && qemu-mipsel diff.elf > diff.expected
 *   (and mips-linux-gnu-gcc ... diff-be.elf; qemu-mips diff-be.elf > diff-be.expected)
 *   npx tsx tests/targets/mips/data/gen-diff.ts --abi n64 > diff64.S
 *   mips64el-linux-gnuabi64-gcc -nostdlib -static -s -Wl,-Ttext-segment=0x10000000 -o diff64.elf diff64.S
 *   qemu-mips64el diff64.elf > diff64.expected
 */
import { fileURLToPath } from 'node:url';

export interface Options {
  seed: number;
  rounds: number;
  length: number;
  /** o32 (MIPS32r2) or n64 (MIPS64r2: the d* forms too, 64-bit registers in the dump) */
  abi?: 'o32' | 'n64';
}
export const DEFAULT_OPTIONS: Options = { seed: 11, rounds: 12, length: 160 };
export const N64_OPTIONS: Options = { seed: 64, rounds: 12, length: 160, abi: 'n64' };
/**
 * bytes each round writes: 22 GPRs, HI, LO (4 bytes each on o32, 8 on n64), FCSR and a pad
 * word, the 16 even FP registers as doubles, 64 bytes of memory
 */
export const ROUND_BYTES = 26 * 4 + 16 * 8 + 64;
export const N64_ROUND_BYTES = 24 * 8 + 8 + 16 * 8 + 64;
export const roundBytes = (o: Options) => (o.abi === 'n64' ? N64_ROUND_BYTES : ROUND_BYTES);

// operand registers: v0 v1 a0-a3 t0-t7 s0-s7 (s8 holds the scratch base, t8/t9 are scratch)
const REGS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}

export function generate(o: Options): string {
  const n64 = o.abi === 'n64';
  const sys = (n: number) => (n64 ? { 4004: 5001, 4001: 5058 }[n] : n);
  const W = n64 ? 8 : 4;
  const r = rng(o.seed);
  const pick = <T>(a: readonly T[]): T => a[r() % a.length];
  const reg = () => `$${pick(REGS)}`;
  const imm16 = () => (r() & 0xffff) - 0x8000;
  const interesting = () => pick([0, 1, -1, 0x7fffffff, -0x80000000, 0x80, 0xffff, 0x8000, r() | 0, r() | 0, r() & 0xff, -(r() & 0xfff)]);
  const out: string[] = ['\t.set\tnoreorder', '\t.set\tnoat', '\t.option\tpic0', '\t.text', '\t.globl\t__start', '__start:'];
  let label = 0;
  const emitFpu = (): string[] => {
    const fr = () => `$f${2 * (r() % 8)}`;
    const fmt = pick(['s', 'd']);
    switch (r() % 8) {
      case 0: return [`${pick(['add', 'sub', 'mul', 'div'])}.${fmt}\t${fr()}, ${fr()}, ${fr()}`];
      case 1: return [`${pick(['sqrt', 'abs', 'neg', 'mov'])}.${fmt}\t${fr()}, ${fr()}`];
      case 2: return [`${pick(['cvt.w', 'trunc.w', 'round.w', 'ceil.w', 'floor.w'])}.${fmt}\t${fr()}, ${fr()}`];
      case 3: return [`cvt.${fmt === 's' ? 'd' : 's'}.${pick([fmt, 'w'])}\t${fr()}, ${fr()}`];
      case 4: return [`c.${pick(['f', 'un', 'eq', 'ueq', 'olt', 'ult', 'ole', 'ule', 'lt', 'le', 'ngt', 'seq'])}.${fmt}\t$fcc${r() % 8}, ${fr()}, ${fr()}`];
      case 5: return [`mtc1\t${reg()}, ${fr()}`, `cvt.${fmt}.w\t${fr()}, ${fr()}`];
      case 6: return [`mfc1\t${reg()}, ${fr()}`];
      default: return [`${pick(['madd', 'msub', 'nmadd', 'nmsub'])}.${fmt}\t${fr()}, ${fr()}, ${fr()}, ${fr()}`];
    }
  };
  const emit64 = (): string[] => {
    const d = reg(), s = reg(), t = reg();
    switch (r() % 8) {
      case 0: return [`${pick(['daddu', 'dsubu', 'dsllv', 'dsrlv', 'dsrav', 'drotrv'])}\t${d}, ${s}, ${t}`];
      case 1: return [`${pick(['dsll', 'dsrl', 'dsra', 'drotr', 'dsll32', 'dsrl32', 'dsra32', 'drotr32'])}\t${d}, ${s}, ${r() % 32}`];
      case 2: return [`daddiu\t${d}, ${s}, ${imm16()}`];
      case 3: { const op = pick(['dmult', 'dmultu', 'ddiv', 'ddivu']); return [op.startsWith('dd') ? `${op}\t$zero, ${s}, ${t}` : `${op}\t${s}, ${t}`, `mf${pick(['hi', 'lo'])}\t${d}`]; }
      case 4: { const pos = r() % 32, size = 1 + (r() % 32); return [`dext\t${d}, ${s}, ${pos}, ${size}`]; }
      case 5: { const pos = r() % 32, size = 1 + (r() % (32 - pos)); return [`dins\t${d}, ${s}, ${pos}, ${size}`]; }
      case 6: { const off = (r() % 7) * 8; return [`${pick(['ld', 'sd', 'lwu'])}\t${d}, ${off}($30)`]; }
      default: return [`${pick(['dclz', 'dclo', 'dsbh', 'dshd'])}\t${d}, ${s}`.replace(/^(dsbh|dshd)\t(\$\d+), (\$\d+)/, '$1\t$2, $3')];
    }
  };
  const emitInt = (): string[] => {
    const d = reg(), s = reg(), t = reg();
    if (n64 && r() % 3 === 0) return emit64();
    switch (r() % 16) {
      case 0: return [`${pick(['addu', 'subu', 'and', 'or', 'xor', 'nor', 'slt', 'sltu', 'mul', 'sllv', 'srlv', 'srav', 'rotrv', 'movz', 'movn'])}\t${d}, ${s}, ${t}`];
      case 1: return [`${pick(['addiu', 'slti', 'sltiu'])}\t${d}, ${s}, ${imm16()}`];
      case 2: return [`${pick(['andi', 'ori', 'xori'])}\t${d}, ${s}, ${r() & 0xffff}`, `lui\t${t}, ${r() & 0xffff}`];
      case 3: return [`${pick(['sll', 'srl', 'sra', 'rotr'])}\t${d}, ${s}, ${r() % 32}`];
      case 4: {
        const op = pick(['mult', 'multu', 'div', 'divu', 'madd', 'maddu', 'msub', 'msubu']);
        return [op.startsWith('div') ? `${op}\t$zero, ${s}, ${t}` : `${op}\t${s}, ${t}`, `mf${pick(['hi', 'lo'])}\t${d}`];
      }
      case 5: return [`${pick(['clz', 'clo'])}\t${d}, ${s}`, `${pick(['seb', 'seh', 'wsbh'])}\t${t}, ${s}`];
      case 6: { const pos = r() % 32, size = 1 + (r() % (32 - pos)); return [`${pick(['ext', 'ins'])}\t${d}, ${s}, ${pos}, ${size}`]; }
      case 7: return [`mthi\t${s}`, `mtlo\t${t}`];
      case 8: { const off = (r() % 15) * 4; return [`${pick(['lw', 'sw'])}\t${d}, ${off}($30)`]; }
      case 9: { const off = (r() % 31) * 2; return [`${pick(['lh', 'lhu', 'sh'])}\t${d}, ${off}($30)`]; }
      case 10: { const off = r() % 64; return [`${pick(['lb', 'lbu', 'sb'])}\t${d}, ${off}($30)`]; }
      case 11: { const off = r() % 60; return [`${pick(['lwl', 'lwr', 'swl', 'swr'])}\t${d}, ${off}($30)`]; }
      case 12: case 13: {
        // a forward branch over one instruction, with a delay slot
        const l = ++label;
        const cond = pick(['beq', 'bne', 'beql', 'bnel']);
        const one = pick(['bgez', 'bltz', 'blez', 'bgtz', 'bgezl', 'bltzl', 'blezl', 'bgtzl']);
        const br = r() & 1 ? `${cond}\t${s}, ${t}, ${l}f` : `${one}\t${s}, ${l}f`;
        return [br, `addiu\t${d}, ${d}, ${(r() & 0xff) - 128}`, `xor\t${t}, ${t}, ${s}`, `${l}:`];
      }
      case 14: {
        // bal/jal with the link read in the delay slot, then back
        const l = ++label;
        return [`bal\t${l}f`, `addiu\t$24, $31, 0`, `b\t${l + 1000}f`, 'nop', `${l}:\tsubu\t${d}, $31, $24`, `jr\t$31`, `addu\t${d}, ${d}, ${s}`, `${l + 1000}:`];
      }
      default: return [`li\t${d}, ${interesting()}`];
    }
  };
  for (let round = 0; round < o.rounds; round++) {
    out.push(`# round ${round}`, `\t${n64 ? 'dla' : 'la'}\t$30, scratch + ${round * 64}`);
    for (const n of REGS) out.push(`\tli\t$${n}, ${interesting()}`);
    // (qemu-mips64el 7.2 ignores ctc1 to the FCSR, so n64 rounds keep round-to-nearest and
    // accumulate their flags: only o32 rounds switch rounding modes)
    if (!n64) out.push(`\tli\t$24, ${[0, 1, 2, 3][round % 4]}`, '\tctc1\t$24, $31');
    for (let k = 0; k < 16; k += 2) out.push(`\tli\t$24, ${interesting()}`, `\tmtc1\t$24, $f${k}`, `\tli\t$24, ${interesting()}`, `\tmthc1\t$24, $f${k}`);
    for (let i = 0; i < o.length; i++) for (const l of r() % 4 === 0 ? emitFpu() : emitInt()) out.push(/:$/.test(l) ? l : `\t${l}`);
    const st = n64 ? 'sd' : 'sw';
    out.push(`\t${n64 ? 'dla' : 'la'}\t$24, dump`);
    REGS.forEach((n, i) => out.push(`\t${st}\t$${n}, ${i * W}($24)`));
    out.push('\tmfhi\t$25', `\t${st}\t$25, ${22 * W}($24)`, '\tmflo\t$25', `\t${st}\t$25, ${23 * W}($24)`, '\tcfc1\t$25, $31', `\tsw\t$25, ${24 * W}($24)`);
    out.push(`\tsw\t$zero, ${24 * W + 4}($24)`);
    const fp0 = 24 * W + 8;
    for (let k = 0; k < 32; k += 2) out.push(`\tsdc1\t$f${k}, ${fp0 + k * 4}($24)`);
    out.push('\tli\t$a0, 1', '\tmove\t$a1, $24', `\tli\t$a2, ${roundBytes(o) - 64}`, `\tli\t$v0, ${sys(4004)}`, '\tsyscall');
    out.push('\tli\t$a0, 1', '\tmove\t$a1, $30', '\tli\t$a2, 64', `\tli\t$v0, ${sys(4004)}`, '\tsyscall');
  }
  out.push('\tli\t$a0, 0', `\tli\t$v0, ${sys(4001)}`, '\tsyscall', '\t.data', '\t.align\t3', 'dump:\t.space\t512', 'scratch:');
  for (let i = 0; i < o.rounds * 16; i++) out.push(`\t.word\t${r() | 0}`);
  return out.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const o = { ...DEFAULT_OPTIONS };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    if (a[i] === '--seed') o.seed = Number(a[i + 1]);
    else if (a[i] === '--rounds') o.rounds = Number(a[i + 1]);
    else if (a[i] === '--abi') Object.assign(o, a[i + 1] === 'n64' ? { ...N64_OPTIONS, seed: o.seed === DEFAULT_OPTIONS.seed ? N64_OPTIONS.seed : o.seed } : {});
  }
  process.stdout.write(generate(o));
}
