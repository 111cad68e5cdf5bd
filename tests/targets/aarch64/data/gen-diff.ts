/**
 * Generates diff.S: an instruction-level differential test for the A64 frontend. Each of
 * its rounds loads random values into x0..x15, v0..v15 (integers, and floats including NaNs,
 * infinities, zeros and subnormals) and a 256-byte scratch area (x28 points at it), sets FPCR,
 * runs a seeded random sequence of valid integer, FP, Advanced SIMD and load/store
 * instructions, then appends x0..x15, NZCV, FPSR, v0..v15 and the scratch area to a buffer;
 * the program writes the buffer to the file named by argv[1] (stdout without one).
 * tests/targets/aarch64/diff.test.ts runs the built binary (diff.elf) under polyemu and compares with
 * diff.expected, what qemu-aarch64 wrote.
 *
 *   npx tsx tests/targets/aarch64/data/gen-diff.ts > tests/targets/aarch64/data/diff.S
 *   aarch64-linux-gnu-gcc -nostdlib -static -o tests/targets/aarch64/data/diff.elf tests/targets/aarch64/data/diff.S
 *   qemu-aarch64 tests/targets/aarch64/data/diff.elf tests/targets/aarch64/data/diff.expected
 */
let seed = Number(process.env.SEED ?? 0x2545f491) >>> 0 || 1;
function rnd(n: number): number {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}
const pick = <T>(a: readonly T[]): T => a[rnd(a.length)];
const X = () => `x${rnd(16)}`;
const W = () => `w${rnd(16)}`;
const D = () => `d${rnd(16)}`;
const S = () => `s${rnd(16)}`;
const V = () => rnd(16);
const COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le'];
const SH = ['lsl', 'lsr', 'asr'];

function intInsn(): string {
  const w = rnd(3) === 0;
  const R = w ? W : X;
  const bits = w ? 32 : 64;
  switch (rnd(24)) {
    case 0: return `${pick(['add', 'sub', 'adds', 'subs'])} ${R()}, ${R()}, ${R()}, ${pick(SH)} #${rnd(bits)}`;
    case 1: return `${pick(['and', 'orr', 'eor', 'bic', 'orn', 'eon', 'ands', 'bics'])} ${R()}, ${R()}, ${R()}, ${pick([...SH, 'ror'])} #${rnd(bits)}`;
    case 2: return `${pick(['add', 'sub', 'adds', 'subs'])} ${R()}, ${R()}, #${rnd(4096)}${rnd(2) ? ', lsl #12' : ''}`;
    case 3: return `${pick(['and', 'orr', 'eor', 'ands'])} ${R()}, ${R()}, #${pick(['0xff', '0xfffffff0', '0x7ffffffe', '0x3', '0x1', '0x3c'])}`;
    case 4: return `${pick(['lsl', 'lsr', 'asr', 'ror'])} ${R()}, ${R()}, ${R()}`;
    case 5: return `${pick(['mul', 'udiv', 'sdiv'])} ${R()}, ${R()}, ${R()}`;
    case 6: return `${pick(['madd', 'msub'])} ${R()}, ${R()}, ${R()}, ${R()}`;
    case 7: return `${pick(['smulh', 'umulh'])} ${X()}, ${X()}, ${X()}`;
    case 8: return `${pick(['smaddl', 'umaddl', 'smsubl', 'umsubl'])} ${X()}, ${W()}, ${W()}, ${X()}`;
    case 9: return `${pick(['csel', 'csinc', 'csinv', 'csneg'])} ${R()}, ${R()}, ${R()}, ${pick(COND)}`;
    case 10: return `${pick(['ccmp', 'ccmn'])} ${R()}, ${R()}, #${rnd(16)}, ${pick(COND)}`;
    case 11: return `${pick(['ccmp', 'ccmn'])} ${R()}, #${rnd(32)}, #${rnd(16)}, ${pick(COND)}`;
    case 12: return `${pick(['clz', 'cls', 'rbit', 'rev', 'rev16'])} ${R()}, ${R()}`;
    case 13: return `rev32 ${X()}, ${X()}`;
    case 14: {
      const lsb = rnd(bits);
      const width = 1 + rnd(bits - lsb);
      return `${pick(['ubfx', 'sbfx', 'bfxil', 'ubfiz', 'sbfiz', 'bfi'])} ${R()}, ${R()}, #${lsb}, #${width}`;
    }
    case 15: return `extr ${w ? `${W()}, ${W()}, ${W()}` : `${X()}, ${X()}, ${X()}`}, #${rnd(bits)}`;
    case 16: return `${pick(['adc', 'adcs', 'sbc', 'sbcs'])} ${R()}, ${R()}, ${R()}`;
    case 17: return `cset ${R()}, ${pick(COND)}`;
    case 18: return `${pick(['movz', 'movn', 'movk'])} ${R()}, #${rnd(65536)}, lsl #${16 * rnd(w ? 2 : 4)}`;
    case 19: return `${pick(['add', 'sub', 'adds', 'subs'])} ${X()}, ${X()}, ${W()}, ${pick(['uxtb', 'uxth', 'uxtw', 'sxtb', 'sxth', 'sxtw'])} #${rnd(5)}`;
    case 20: return `${pick(['sxtb', 'sxth', 'sxtw'])} ${X()}, ${W()}`;
    case 21: return `${pick(['neg', 'negs', 'mvn'])} ${R()}, ${R()}`;
    case 22: return `cmp ${R()}, ${R()}`;
    default: return `tst ${R()}, ${R()}`;
  }
}

function fpInsn(): string {
  const R = rnd(2) ? D : S;
  switch (rnd(14)) {
    case 0: return `${pick(['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fnmul'])} ${((r) => `${r}, ${r.replace(/\d+/, String(V()))}, ${r.replace(/\d+/, String(V()))}`)(R())}`;
    case 1: { const p = R()[0]; return `${pick(['fmadd', 'fmsub', 'fnmadd', 'fnmsub'])} ${p}${V()}, ${p}${V()}, ${p}${V()}, ${p}${V()}`; }
    case 2: { const p = R()[0]; return `${pick(['fsqrt', 'fabs', 'fneg', 'fmov', 'frintn', 'frintp', 'frintm', 'frintz', 'frinta', 'frintx', 'frinti'])} ${p}${V()}, ${p}${V()}`; }
    case 3: return `${pick(['fcvtzs', 'fcvtzu', 'fcvtns', 'fcvtms', 'fcvtps', 'fcvtas', 'fcvtau'])} ${pick([X, W])()}, ${R()}`;
    case 4: return `${pick(['scvtf', 'ucvtf'])} ${R()}, ${pick([X, W])()}`;
    case 5: { const p = R()[0]; return `${pick(['fcmp', 'fcmpe'])} ${p}${V()}, ${p}${V()}`; }
    case 6: { const p = R()[0]; return `fccmp ${p}${V()}, ${p}${V()}, #${rnd(16)}, ${pick(COND)}`; }
    case 7: { const p = R()[0]; return `fcsel ${p}${V()}, ${p}${V()}, ${p}${V()}, ${pick(COND)}`; }
    case 8: return rnd(2) ? `fcvt ${D()}, ${S()}` : `fcvt ${S()}, ${D()}`;
    case 9: return rnd(2) ? `fmov ${X()}, ${D()}` : `fmov ${D()}, ${X()}`;
    case 10: return `fmov ${R()}, #${pick(['1.0', '-2.5', '0.125', '31.0', '-0.5'])}`;
    case 11: return `fcmp ${R()}, #0.0`;
    case 12: return `fcvtzs ${X()}, ${D()}, #${1 + rnd(63)}`;
    default: return `scvtf ${D()}, ${X()}, #${1 + rnd(63)}`;
  }
}

function simdInsn(): string {
  const T = pick(['16b', '8h', '4s', '8b', '4h', '2s']);
  const T2 = pick(['16b', '8h', '4s', '2d']);
  const F = pick(['4s', '2d', '2s']);
  const v = (t: string) => `v${V()}.${t}`;
  switch (rnd(28)) {
    case 0: return `${pick(['add', 'sub', 'cmeq', 'cmgt', 'cmge', 'cmhi', 'cmhs', 'cmtst'])} ${v(T2)}, ${v(T2)}, ${v(T2)}`;
    case 1: return `${pick(['mul', 'mla', 'mls', 'umax', 'umin', 'smax', 'smin', 'addp', 'umaxp', 'uminp'])} ${v(T)}, ${v(T)}, ${v(T)}`;
    case 2: { const t = pick(['16b', '8b']); return `${pick(['and', 'orr', 'eor', 'bic', 'orn', 'bsl', 'bit', 'bif'])} ${v(t)}, ${v(t)}, ${v(t)}`; }
    case 3: return `${pick(['cmeq', 'cmgt', 'cmge', 'cmle', 'cmlt', 'abs', 'neg'])} ${v(T2)}, ${v(T2)}${/abs|neg/.test('') ? '' : ''}${rnd(2) ? '' : ''}`.replace(/^(cm\w+ [^,]+, [^,]+)$/, '$1, #0');
    case 4: { const t = pick(['16b', '8b']); return `${pick(['cnt', 'not', 'rbit'])} ${v(t)}, ${v(t)}`; }
    case 5: return `${pick(['addv', 'umaxv', 'uminv', 'smaxv', 'sminv'])} ${pick(['b', 'h'])}${V()}, ${v(pick(['16b', '8h']))}`.replace(/^(\w+) b(\d+), (v\d+)\.8h/, '$1 h$2, $3.8h').replace(/^(\w+) h(\d+), (v\d+)\.16b/, '$1 b$2, $3.16b');
    case 6: { const [wide, nar] = pick([['8h', '8b'], ['4s', '4h'], ['2d', '2s']]); return `${pick(['shrn', 'xtn'])} v${V()}.${nar}, v${V()}.${wide}`.replace(/^shrn (.*)$/, `shrn $1, #${1 + rnd(8)}`); }
    case 7: return `${pick(['uzp1', 'uzp2', 'zip1', 'zip2', 'trn1', 'trn2'])} ${v(T2)}, ${v(T2)}, ${v(T2)}`;
    case 8: return `ext v${V()}.16b, v${V()}.16b, v${V()}.16b, #${rnd(16)}`;
    case 9: return `tbl v${V()}.16b, {v${V()}.16b}, v${V()}.16b`;
    case 10: { const t = pick(['16b', '8h', '4s', '2d']); const bits = { '16b': 8, '8h': 16, '4s': 32, '2d': 64 }[t]!; return `${pick(['ushr', 'sshr'])} ${v(t)}, ${v(t)}, #${1 + rnd(bits)}`; }
    case 11: { const t = pick(['16b', '8h', '4s', '2d']); const bits = { '16b': 8, '8h': 16, '4s': 32, '2d': 64 }[t]!; return `shl ${v(t)}, ${v(t)}, #${rnd(bits)}`; }
    case 12: return `dup v${V()}.${pick(['16b', '8h', '4s'])}, w${rnd(16)}`;
    case 13: return `${pick(['umov', 'mov'])} w${rnd(16)}, v${V()}.s[${rnd(4)}]`.replace(/^mov/, 'umov');
    case 14: return `ins v${V()}.d[${rnd(2)}], x${rnd(16)}`;
    case 15: return `dup v${V()}.4s, v${V()}.s[${rnd(4)}]`;
    case 16: return `${pick(['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmla', 'fabd', 'fcmeq', 'fcmge', 'fcmgt', 'faddp'])} ${v(F)}, ${v(F)}, ${v(F)}`;
    case 17: return `${pick(['fabs', 'fneg', 'fsqrt', 'scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu', 'frintn', 'frintm'])} ${v(F)}, ${v(F)}`;
    case 18: return `movi v${V()}.${pick(['16b', '8b'])}, #${rnd(256)}`;
    case 19: return `${pick(['umull', 'smull', 'uaddl', 'saddl'])} v${V()}.${pick(['8h'])}, v${V()}.8b, v${V()}.8b`;
    case 20: return `${pick(['uqadd', 'sqadd', 'uqsub', 'sqsub', 'uhadd', 'shadd', 'urhadd', 'srhadd'])} ${v(T)}, ${v(T)}, ${v(T)}`;
    case 21: return `${pick(['clz', 'cls'])} ${v(T)}, ${v(T)}`;
    case 22: { const [wide, nar] = pick([['8h', '16b'], ['4s', '8h'], ['2d', '4s']]); return `${pick(['uaddlp', 'saddlp', 'uadalp', 'sadalp'])} v${V()}.${wide}, v${V()}.${nar}`; }
    case 23: { const [wide, nar] = pick([['8h', '8b'], ['4s', '4h'], ['2d', '2s']]); return `${pick(['uqxtn', 'sqxtn', 'sqxtun'])} v${V()}.${nar}, v${V()}.${wide}`; }
    case 24: return `${pick(['uaddlv', 'saddlv'])} ${pick(['h', 's'])}${V()}, ${v('16b')}`.replace(/^(\w+) s(\d+), (v\d+)\.16b/, '$1 s$2, $3.8h');
    case 25: { const t = pick(['16b', '8h', '4s']); const bits = { '16b': 8, '8h': 16, '4s': 32 }[t]!; return `${pick(['usra', 'ssra', 'urshr', 'srshr', 'sri'])} ${v(t)}, ${v(t)}, #${1 + rnd(bits)}`; }
    case 26: { const t = pick(['16b', '8h', '4s']); const bits = { '16b': 8, '8h': 16, '4s': 32 }[t]!; return `sli ${v(t)}, ${v(t)}, #${rnd(bits)}`; }
    default: return `ushll v${V()}.8h, v${V()}.8b, #${rnd(8)}`;
  }
}

/** loads and stores on the 256-byte scratch area at x28 (x28 ends where it started) */
function memInsn(): string {
  const off = (scale: number, max: number) => scale * rnd(Math.floor(max / scale));
  switch (rnd(16)) {
    case 0: return `${pick(['ldr', 'str'])} ${X()}, [x28, #${off(8, 248)}]`;
    case 1: return `${pick(['ldr', 'str', 'ldrsw'])} ${pick(['ldrsw']).length && rnd(2) ? X() : W()}, [x28, #${off(4, 252)}]`.replace(/^ldrsw w/, 'ldr w');
    case 2: return `${pick(['ldrh', 'strh', 'ldrsh'])} ${W()}, [x28, #${off(2, 254)}]`;
    case 3: return `${pick(['ldrb', 'strb', 'ldrsb'])} ${rnd(2) ? W() : X()}, [x28, #${rnd(256)}]`.replace(/^(ldrb|strb) x/, '$1 w');
    case 4: return `${pick(['ldur', 'stur'])} ${X()}, [x28, #${rnd(249)}]`;
    case 5: return `${pick(['ldp', 'stp'])} ${X()}, ${X()}, [x28, #${off(8, 240)}]`.replace(/^ldp x(\d+), x\1,/, 'ldp x$1, x20,');
    case 6: return `${pick(['ldp', 'stp'])} ${W()}, ${W()}, [x28, #${off(4, 248)}]`.replace(/^ldp w(\d+), w\1,/, 'ldp w$1, w20,');
    case 7: return `${pick(['ldp', 'stp'])} q${V()}, q${V()}, [x28, #${off(16, 224)}]`.replace(/^ldp q(\d+), q\1,/, 'ldp q$1, q16,');
    case 8: return `${pick(['ldr', 'str'])} ${pick(['q', 'd', 's', 'h', 'b'])}${V()}, [x28, #16]`;
    case 9: return `and x21, ${X()}, #0x78\n\t${pick(['ldr', 'str'])} ${X()}, [x28, x21]`;
    case 10: return `and x21, ${X()}, #0x3c\n\t${pick(['ldr', 'str'])} ${W()}, [x28, w21, uxtw]`;
    case 11: return `str ${X()}, [x28, #-16]!\n\tldr ${X()}, [x28], #16`;
    case 12: return `stp ${X()}, ${X()}, [x28, #32]!\n\tldp ${X()}, x20, [x28], #-32`;
    case 13: return `${pick(['ld1', 'st1'])} {v${V()}.${pick(['16b', '4s', '2d', '8b'])}}, [x28]`;
    case 14: return `${pick(['ld1', 'st1'])} {v${V()}.s}[${rnd(4)}], [x28]`;
    default: return `ld1r {v${V()}.${pick(['16b', '8h', '4s', '2d'])}}, [x28]`;
  }
}

const ROUNDS = 3;
const LEN = 400;
const out: string[] = [];
const data: string[] = [];
out.push('// GENERATED by tests/targets/aarch64/data/gen-diff.ts — do not edit.', '\t.text', '\t.globl _start', '_start:');
out.push('\tldr x0, [sp]', '\tadr x27, buf', '\tmov x26, #1', '\tcmp x0, #2', '\tb.lt 1f');
// openat(AT_FDCWD, argv[1], O_WRONLY|O_CREAT|O_TRUNC, 0644)
out.push('\tmov x0, #-100', '\tldr x1, [sp, #16]', '\tmov x2, #0x241', '\tmov x3, #0644', '\tmov x8, #56', '\tsvc #0', '\tmov x26, x0', '1:');
const FPVALS = ['0x3ff0000000000000', '0xbff8000000000000', '0x7ff0000000000000', '0xfff0000000000000', '0x7ff8000000000000', '0x7ff4000000000000',
  '0x0000000000000001', '0x8000000000000000', '0x43e0000000000000', '0x41dfffffffc00000', '0x3f80000040490fdb', '0xc2c80000ff800000', '0x7fc000017f800000', '0x3e99999a00000000'];
const rand64 = () => '0x' + Array.from({ length: 4 }, () => rnd(65536).toString(16).padStart(4, '0')).join('');
for (let r = 0; r < ROUNDS; r++) {
  data.push(`init${r}:`);
  for (let i = 0; i < 16; i++) data.push(`\t.quad ${rnd(4) === 0 ? pick(['0', '1', '-1', '0x8000000000000000', '0x7fffffff', '0x80000000']) : rand64()}`);
  for (let i = 0; i < 32; i++) data.push(`\t.quad ${rnd(2) ? pick(FPVALS) : rand64()}`);
  for (let i = 0; i < 32; i++) data.push(`\t.quad ${rand64()}`);
  out.push(`\tadr x28, init${r}`);
  for (let i = 0; i < 16; i += 2) out.push(`\tldp q${i}, q${i + 1}, [x28, #${128 + 16 * i}]`);
  out.push('\tadr x20, scr');
  for (let i = 0; i < 16; i += 2) out.push(`\tldp q16, q17, [x28, #${384 + 16 * i}]`, `\tstp q16, q17, [x20, #${16 * i}]`);
  for (let i = 0; i < 16; i += 2) out.push(`\tldp x${i}, x${i + 1}, [x28, #${8 * i}]`);
  // round 0: round to nearest; 1: toward zero; 2: default NaN and toward minus infinity
  out.push(`\tmov x28, #${[0, 0xc00000, 0x2800000][r]}`, '\tmsr fpcr, x28', '\tmsr fpsr, xzr', '\tmsr nzcv, xzr', '\tadr x28, scr');
  for (let i = 0; i < LEN; i++) out.push('\t' + pick([intInsn, intInsn, fpInsn, simdInsn, memInsn])());
  for (let i = 0; i < 16; i += 2) out.push(`\tstp x${i}, x${i + 1}, [x27], #16`);
  out.push('\tmrs x0, nzcv', '\tmrs x1, fpsr', '\tstp x0, x1, [x27], #16');
  for (let i = 0; i < 16; i += 2) out.push(`\tstp q${i}, q${i + 1}, [x27], #32`);
  for (let i = 0; i < 16; i += 2) out.push(`\tldp q16, q17, [x28, #${16 * i}]`, '\tstp q16, q17, [x27], #32');
}
out.push('\tmov x0, x26', '\tadr x1, buf', '\tsub x2, x27, x1', '\tmov x8, #64', '\tsvc #0', '\tmov x0, #0', '\tmov x8, #93', '\tsvc #0');
out.push('\t.data', '\t.balign 16', ...data, '\t.bss', '\t.balign 16', `scr:\t.space 256`, `buf:\t.space ${ROUNDS * (16 * 8 + 16 + 16 * 16 + 256)}`);
console.log(out.join('\n'));
