/**
 * Generates diff.S: an instruction-level differential test for the 32-bit ARM frontends (A32,
 * Thumb-2 with its 16- and 32-bit encodings, VFP). Each round loads random values into r0-r12,
 * the APSR (NZCVQ, GE), d0-d31 (integers and floats: NaNs, infinities, zeros, subnormals) and a
 * 256-byte scratch area (sp points at its middle), sets FPSCR (rounding mode, FZ, DN: one
 * setting per round), runs a seeded random sequence of valid instructions — in ARM state, or in
 * Thumb state entered by BLX and left by an interworking LDR pc — and then appends r0-r12,
 * APSR, FPSCR, d0-d31 and the scratch area (ROUND_BYTES per round) to a buffer; the program
 * writes the buffer to the file named by argv[1] (stdout without one).
 * tests/targets/arm/diff.test.ts runs diff.elf under polyemu and compares with diff.expected, what
 * qemu-arm wrote.
 *
 *   npx tsx tests/targets/arm/data/gen-diff.ts > tests/targets/arm/data/diff.S
 *   arm-linux-gnueabihf-gcc -nostdlib -static -o tests/targets/arm/data/diff.elf tests/targets/arm/data/diff.S
 *   qemu-arm tests/targets/arm/data/diff.elf tests/targets/arm/data/diff.expected
 *
 * Longer runs, compared live (builds in a temporary directory, runs qemu-arm and polyemu,
 * names the first differing register of the first differing round and prints its code):
 *
 *   npx tsx tests/targets/arm/data/gen-diff.ts --seed N [--long] --compare
 *
 * Left out on purpose (UNPREDICTABLE or implementation defined in the ARMv7-A ARM, or not what
 * this test is about): pc and sp as operands (sp is only a load/store base); SMULL & co. with
 * RdLo == RdHi; LDRD/STRD with an odd or r12 first register in ARM state; LDM/STM with
 * writeback of a base in the list; unaligned LDRD/LDM/VLDR (alignment faults); MRS bits other
 * than NZCVQ and GE (masked); VFP short vectors (FPSCR.Len/Stride); the exception-enable bits
 * of FPSCR (untrapped only); ARMv8-only VFP (VSEL, VRINT, VMAXNM, VCVTA...).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { neonGenerator } from './gen-diff-neon.js';

/** bytes per round in the output: r0-r12, APSR, FPSCR, d0-d31, scratch */
export const ROUND_BYTES = 13 * 4 + 8 + 32 * 8 + 256;

/** the region of a round's dump that byte offset `o` (0..ROUND_BYTES) falls in */
export function describeOffset(o: number): string {
  if (o < 52) return `r${o >> 2}`;
  if (o < 56) return 'apsr';
  if (o < 60) return 'fpscr';
  if (o < 316) return `d${(o - 60) >> 3}`;
  return `scratch byte ${o - 316} (sp${o - 316 - 128 >= 0 ? '+' : ''}${o - 316 - 128})`;
}

export interface Options {
  seed: number;
  rounds: number;
  len: number;
  /** stop after round `round`, cut to its first `len` sequence items (bisecting a difference) */
  cut?: { round: number; len: number };
  /** include the Advanced SIMD classes (gen-diff-neon.ts; on by default, --no-neon) */
  neon?: boolean;
  /** the generated sequence items, per round (filled by generate) */
  items?: string[][];
}

/** FPSCR per round (cycled): RMode (23:22), FZ (24), DN (25) */
const FPSCRS = [0, 0x00c00000, 0x01400000, 0x02800000, 0x03000000, 0x00000000, 0x01c00000, 0x02400000];

export function generate(opt: Options): string {
  let seed = opt.seed >>> 0 || 1;
  const rnd = (n: number): number => {
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed % n;
  };
  const pick = <T>(a: readonly T[]): T => a[rnd(a.length)];
  const R = () => `r${rnd(13)}`;
  const L = () => `r${rnd(8)}`;
  /** distinct registers */
  const regs = (n: number, from = 13): string[] => {
    const s = new Set<number>();
    while (s.size < n) s.add(rnd(from));
    return [...s].map((r) => `r${r}`);
  };
  const COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le'];
  const INV: Record<string, string> = { eq: 'ne', ne: 'eq', cs: 'cc', cc: 'cs', mi: 'pl', pl: 'mi', vs: 'vc', vc: 'vs', hi: 'ls', ls: 'hi', ge: 'lt', lt: 'ge', gt: 'le', le: 'gt' };
  const hex = (v: number) => '0x' + (v >>> 0).toString(16);
  const rotr = (v: number, n: number) => ((v >>> n) | (v << (32 - n))) >>> 0;
  /** an A32 modified immediate: imm8 rotated right by an even amount */
  const immA = () => hex(rotr(rnd(256), 2 * rnd(16)));
  /** a T32 modified immediate */
  const immT = () => {
    const b = rnd(256);
    switch (rnd(5)) {
      case 0: return hex(b);
      case 1: return hex(b * 0x00010001);
      case 2: return hex(b * 0x01000100);
      case 3: return hex(b * 0x01010101);
      default: return hex(rotr(0x80 | rnd(128), 8 + rnd(24)));
    }
  };

  // ---- integer data processing, both instruction sets ---------------------------------------
  /** `t`: Thumb state; `c`: condition suffix ('' or a condition, only inside IT in Thumb) */
  const shiftImm = () => {
    switch (rnd(6)) {
      case 0: return `, lsl #${rnd(32)}`;
      case 1: return `, lsr #${1 + rnd(32)}`;
      case 2: return `, asr #${1 + rnd(32)}`;
      case 3: return `, ror #${1 + rnd(31)}`;
      case 4: return ', rrx';
      default: return '';
    }
  };
  const op2 = (t: boolean) => {
    const k = rnd(t ? 3 : 4);
    if (k === 0) return `#${t ? immT() : immA()}`;
    if (k === 3) return `${R()}, ${pick(['lsl', 'lsr', 'asr', 'ror'])} ${R()}`;
    return `${R()}${shiftImm()}`;
  };
  const ext = () => pick(['', '', ', ror #8', ', ror #16', ', ror #24']);

  function intInsn(t: boolean, c: string): string {
    const s = () => (rnd(2) ? 's' : '');
    switch (rnd(30)) {
      case 0: case 1: case 2: {
        const ops = ['and', 'eor', 'sub', 'rsb', 'add', 'adc', 'sbc', 'orr', 'bic', ...(t ? ['orn'] : ['rsc'])];
        return `${pick(ops)}${s()}${c} ${R()}, ${R()}, ${op2(t)}`;
      }
      case 3: return `${pick(['mov', 'mvn'])}${s()}${c} ${R()}, ${op2(t)}`;
      case 4: return `${pick(['tst', 'teq', 'cmp', 'cmn'])}${c} ${R()}, ${op2(t)}`;
      case 5: return `${pick(['lsl', 'lsr', 'asr', 'ror'])}${s()}${c} ${R()}, ${R()}, ${rnd(2) ? R() : `#${1 + rnd(31)}`}`;
      case 6: {
        const op = pick(['mul', 'mla', 'mls']);
        const fl = !t && op !== 'mls' ? s() : ''; // Thumb-2 has MULS only in 16 bits, no MLAS
        return `${op}${fl}${c} ${R()}, ${R()}, ${R()}${op === 'mul' ? '' : `, ${R()}`}`;
      }
      case 7: {
        const [lo, hi] = regs(2);
        const op = pick(['umull', 'smull', 'umlal', 'smlal', 'umaal', 'smlalbb', 'smlaltb', 'smlald', 'smlaldx', 'smlsld', 'smlsldx']);
        const fl = !t && ['umull', 'smull', 'umlal', 'smlal'].includes(op) ? s() : '';
        return `${op}${fl}${c} ${lo}, ${hi}, ${R()}, ${R()}`;
      }
      case 8: return `${pick(['smulbb', 'smulbt', 'smultb', 'smultt', 'smulwb', 'smulwt', 'smuad', 'smuadx', 'smusd', 'smusdx', 'smmul', 'smmulr'])}${c} ${R()}, ${R()}, ${R()}`;
      case 9: return `${pick(['smlabb', 'smlabt', 'smlatb', 'smlatt', 'smlawb', 'smlawt', 'smlad', 'smladx', 'smlsd', 'smlsdx', 'smmla', 'smmlar', 'smmls', 'smmlsr', 'usada8'])}${c} ${R()}, ${R()}, ${R()}, ${R()}`;
      case 10: return `${pick(['qadd', 'qsub', 'qdadd', 'qdsub'])}${c} ${R()}, ${R()}, ${R()}`;
      case 11: {
        const k = rnd(4);
        if (k === 0) return `ssat${c} ${R()}, #${1 + rnd(32)}, ${R()}${pick(['', `, lsl #${rnd(32)}`, `, asr #${1 + rnd(31)}`])}`;
        if (k === 1) return `usat${c} ${R()}, #${rnd(32)}, ${R()}${pick(['', `, lsl #${rnd(32)}`, `, asr #${1 + rnd(31)}`])}`;
        return k === 2 ? `ssat16${c} ${R()}, #${1 + rnd(16)}, ${R()}` : `usat16${c} ${R()}, #${rnd(16)}, ${R()}`;
      }
      case 12: case 13:
        return `${pick(['s', 'q', 'sh', 'u', 'uq', 'uh'])}${pick(['add16', 'sub16', 'add8', 'sub8', 'asx', 'sax'])}${c} ${R()}, ${R()}, ${R()}`;
      case 14: return `sel${c} ${R()}, ${R()}, ${R()}`;
      case 15: return `${pick(['rev', 'rev16', 'revsh', 'rbit', 'clz'])}${c} ${R()}, ${R()}`;
      case 16: {
        const lsb = rnd(32);
        const w = 1 + rnd(32 - lsb);
        const op = pick(['ubfx', 'sbfx', 'bfi', 'bfc']);
        return op === 'bfc' ? `bfc${c} ${R()}, #${lsb}, #${w}` : `${op}${c} ${R()}, ${R()}, #${lsb}, #${w}`;
      }
      case 17: return `usad8${c} ${R()}, ${R()}, ${R()}`;
      case 18: return `${pick(['sdiv', 'udiv'])}${c} ${R()}, ${R()}, ${R()}`;
      case 19: return rnd(2) ? `pkhbt${c} ${R()}, ${R()}, ${R()}${pick(['', `, lsl #${1 + rnd(31)}`])}` : `pkhtb${c} ${R()}, ${R()}, ${R()}, asr #${1 + rnd(32)}`;
      case 20: return `${pick(['sxtb', 'sxth', 'uxtb', 'uxth', 'sxtb16', 'uxtb16'])}${c} ${R()}, ${R()}${ext()}`;
      case 21: return `${pick(['sxtab', 'sxtah', 'uxtab', 'uxtah', 'sxtab16', 'uxtab16'])}${c} ${R()}, ${R()}, ${R()}${ext()}`;
      case 22: return `${pick(['movw', 'movt'])}${c} ${R()}, #${rnd(65536)}`;
      case 23: return t ? `${pick(['addw', 'subw'])}${c} ${R()}, ${R()}, #${rnd(4096)}` : `${pick(['adc', 'sbc', 'rsc'])}s${c} ${R()}, ${R()}, ${R()}`;
      case 24: return `mrs${c} ${R()}, apsr\n\tbic${c} lr, lr, lr`; // masked when dumped; the bic keeps lr a pure temporary
      case 25: return `msr${c} ${pick(['APSR_nzcvq', 'APSR_g', 'APSR_nzcvqg'])}, ${R()}`;
      case 26: return `${pick(['smulbb', 'smultt', 'smlabb', 'smlatt'])}${c} ${R()}, ${R()}, ${R()}`.replace(/^(smla\w*)(.*)$/, (_, m, a) => `${m}${a}, ${R()}`);
      case 27: return `${pick(['add', 'sub', 'cmp', 'cmn'])}${c} ${R()}, ${R()}, ${R()}, ${pick(['lsl', 'lsr', 'asr'])} #${1 + rnd(31)}`.replace(/^(cm[pn]\w*) (\S+), /, '$1 ');
      case 28: return t ? `${pick(['orn', 'orns'])}${c} ${R()}, ${R()}, #${immT()}` : `${pick(['rsc', 'rscs'])}${c} ${R()}, ${R()}, #${immA()}`;
      default: return `${pick(['qadd16', 'qsub16', 'qadd8', 'qsub8', 'shadd8', 'uhsub16'])}${c} ${R()}, ${R()}, ${R()}`;
    }
  }

  /** Thumb-only 16-bit encodings (outside IT they set flags; inside, `c` and no flags) */
  function t16Insn(c: string): string {
    const s = c ? '' : 's';
    const n = c ? '' : '.n';
    const lo = L;
    const [a, b] = [lo(), lo()];
    switch (rnd(14)) {
      case 0: return `${pick(['add', 'sub'])}${s}${c}${n} ${lo()}, ${lo()}, ${rnd(2) ? lo() : `#${rnd(8)}`}`;
      case 1: return `${pick(['add', 'sub'])}${s}${c}${n} ${a}, ${a}, #${rnd(256)}`;
      case 2: return `mov${s}${c}${n} ${lo()}, #${rnd(256)}`;
      case 3: {
        const op = pick(['lsl', 'lsr', 'asr']);
        return `${op}${s}${c}${n} ${lo()}, ${lo()}, #${op === 'lsl' ? rnd(32) : 1 + rnd(32)}`;
      }
      case 4: return `${pick(['and', 'eor', 'adc', 'sbc', 'orr', 'bic', 'lsl', 'lsr', 'asr', 'ror'])}${s}${c}${n} ${a}, ${a}, ${b}`;
      case 5: return `mul${s}${c}${n} ${a}, ${b}, ${a}`;
      case 6: return `${pick(['tst', 'cmp', 'cmn'])}${c}${n} ${lo()}, ${lo()}`;
      case 7: return `${pick(['mvn'])}${s}${c}${n} ${lo()}, ${lo()}`;
      case 8: return `rsb${s}${c}${n} ${lo()}, ${lo()}, #0`;
      case 9: return `cmp${c}${n} ${lo()}, #${rnd(256)}`;
      case 10: return `${pick(['rev', 'rev16', 'revsh', 'sxtb', 'sxth', 'uxtb', 'uxth'])}${c}.n ${lo()}, ${lo()}`;
      case 11: { // ADD (register) T2: at least one high register
        const d = R();
        return `add${c}.n ${d}, ${+d.slice(1) < 8 ? pick(['r8', 'r9', 'r10', 'r11', 'r12']) : R()}`;
      }
      case 12: return `mov${c}.n ${R()}, ${R()}`;
      default: return `cmp${c}.n ${pick(['r8', 'r9', 'r10', 'r11', 'r12'])}, ${R()}`;
    }
  }

  // ---- loads and stores: sp points at the middle of the 256-byte scratch area ---------------
  // lr is the only temporary (address or index); sp ends where it started
  function memInsn(t: boolean, c: string): string {
    const sz = pick(['', 'b', 'h', 'sb', 'sh']);
    const isLd = rnd(2) === 1 || sz === 'sb' || sz === 'sh';
    const op = `${isLd ? 'ldr' : 'str'}${sz}${c}`;
    const al = sz === '' ? 4 : sz.endsWith('h') ? 2 : 1;
    const off = (lo: number, hi: number, a = 1) => a * (Math.ceil(lo / a) + rnd(Math.floor((hi - lo) / a) + 1));
    const unal = () => off(-120, 120, rnd(3) ? al : 1); // unaligned word/halfword accesses are fine on ARMv7
    switch (rnd(t ? 10 : 11)) {
      case 0: case 1: return `${op} ${R()}, [sp, #${unal()}]`;
      case 2: return `add${c} lr, sp, #${off(0, 64, 4)}\n\t${op} ${R()}, [lr, #${unal() >> 1}]!`;
      case 3: return `add${c} lr, sp, #${off(0, 64, 4)}\n\t${op} ${R()}, [lr], #${unal() >> 1}`;
      case 4: {
        const sh = t ? rnd(4) : sz === '' || sz === 'b' ? rnd(3) : 0; // A32 halfword forms take no shift
        return `and${c} lr, ${R()}, #${hex(0x7f >> sh)}\n\t${op} ${R()}, [sp, lr${sh ? `, lsl #${sh}` : ''}]`;
      }
      case 5: {
        // ldrd/strd: ARM wants an even first register below r12 and its successor
        const [r1, r2] = t ? regs(2) : (() => { const e = 2 * rnd(6); return [`r${e}`, `r${e + 1}`]; })();
        return `${pick(['ldrd', 'strd'])}${c} ${r1}, ${r2}, [sp, #${off(-120, 112, 4)}]`;
      }
      case 6: {
        const list = regs(1 + rnd(8)).sort((x, y) => +x.slice(1) - +y.slice(1));
        const modes = t ? ['ia', 'db'] : ['ia', 'ib', 'da', 'db'];
        return `${pick(['ldm', 'stm'])}${pick(modes)}${c} sp, {${list.join(', ')}}`;
      }
      case 7: {
        const list = regs(1 + rnd(8)).sort((x, y) => +x.slice(1) - +y.slice(1));
        return `add${c} lr, sp, #${off(-64, 16, 4)}\n\t${pick(['ldm', 'stm'])}ia${c} lr!, {${list.join(', ')}}`;
      }
      case 8: {
        if (c) return `${op} ${R()}, [sp, #-${off(0, 120, al)}]`;
        const a = regs(1 + rnd(6)).sort((x, y) => +x.slice(1) - +y.slice(1));
        const b = regs(a.length).sort((x, y) => +x.slice(1) - +y.slice(1));
        return `push {${a.join(', ')}}\n\t${pick(['ldr', 'str'])} ${R()}, [sp, #${off(0, 20, 4)}]\n\tpop {${b.join(', ')}}`;
      }
      case 9: {
        // an exclusive pair on an aligned scratch word: the store succeeds (0 in the status)
        const [a, st, v] = regs(3);
        const [ls, ss] = pick([['ldrex', 'strex'], ['ldrexb', 'strexb'], ['ldrexh', 'strexh']]);
        if (c) return `${op} ${R()}, [sp, #${unal()}]`; // exclusives are unconditional here
        return `${ls} ${a}, [sp]\n\t${ss} ${st}, ${v}, [sp]`;
      }
      default: return `and${c} lr, ${R()}, #${hex(0x7c)}\n\t${op} ${R()}, [sp, -lr]`;
    }
  }

  /** 16-bit Thumb loads and stores (r7 borrowed as a low base register, saved in lr) */
  function t16MemInsn(c: string): string {
    const d = `r${rnd(7)}`;
    const k = rnd(6);
    if (k === 0) return `${pick(['ldr', 'str'])}${c}.n ${L()}, [sp, #${4 * rnd(32)}]`;
    if (k === 4) {
      // SUB SP / ADD SP (imm7) around a store below the old sp
      const n = 4 * (1 + rnd(30));
      return `sub${c}.n sp, #${n}\n\tstr${c}.n ${L()}, [sp, #${4 * rnd(n / 4)}]\n\tadd${c}.n sp, #${n}`;
    }
    if (k === 5) {
      // LDMIA/STMIA with writeback on r7 pointed into the scratch area (r7 not in the list)
      const list = regs(1 + rnd(4), 7).sort((x, y) => +x.slice(1) - +y.slice(1));
      return `mov${c} lr, r7\n\tadd${c}.n r7, sp, #${4 * rnd(8)}\n\t${pick(['ldmia', 'stmia'])}${c}.n r7!, {${list.join(', ')}}\n\tmov${c} r7, lr`;
    }
    const [op, a] = pick([['ldr', 4], ['str', 4], ['ldrh', 2], ['strh', 2], ['ldrb', 1], ['strb', 1]] as const);
    if (k === 1) return `mov${c} lr, r7\n\tadd${c} r7, sp, #${4 * rnd(16)}\n\t${op}${c}.n ${d}, [r7, #${a * rnd(16)}]\n\tmov${c} r7, lr`;
    const op2r = pick([op, 'ldrsb', 'ldrsh']);
    const idx = `r${rnd(7)}`;
    // r7 = sp + (idx & 0x3f) - idx, so [r7, idx] is sp + (idx & 0x3f)
    return `mov${c} lr, r7\n\tand${c} r7, ${idx}, #0x3f\n\tadd${c} r7, sp\n\tsub${c} r7, r7, ${idx}\n\t${op2r}${c}.n ${d}, [r7, ${idx}]\n\tmov${c} r7, lr`;
  }

  // ---- VFP ---------------------------------------------------------------------------------
  const Dn = () => `d${rnd(32)}`;
  const Sn = () => `s${rnd(32)}`;
  function vfpInsn(c: string): string {
    const dbl = rnd(2) === 1;
    const F = dbl ? Dn : Sn;
    const ty = dbl ? 'f64' : 'f32';
    switch (rnd(19)) {
      case 0: case 1: return `${pick(['vadd', 'vsub', 'vmul', 'vnmul', 'vdiv'])}${c}.${ty} ${F()}, ${F()}, ${F()}`;
      case 2: return `${pick(['vmla', 'vmls', 'vnmla', 'vnmls', 'vfma', 'vfms', 'vfnma', 'vfnms'])}${c}.${ty} ${F()}, ${F()}, ${F()}`;
      case 3: return `${pick(['vsqrt', 'vabs', 'vneg', 'vmov'])}${c}.${ty} ${F()}, ${F()}`;
      case 4: return `${pick(['vcmp', 'vcmpe'])}${c}.${ty} ${F()}, ${rnd(4) ? F() : '#0'}\n\tvmrs${c} APSR_nzcv, fpscr`;
      case 5: return dbl ? `vcvt${c}.f64.f32 ${Dn()}, ${Sn()}` : `vcvt${c}.f32.f64 ${Sn()}, ${Dn()}`;
      case 6: return `${pick(['vcvt', 'vcvtr'])}${c}.${pick(['s32', 'u32'])}.${ty} ${Sn()}, ${F()}`;
      case 7: return `vcvt${c}.${ty}.${pick(['s32', 'u32'])} ${F()}, ${Sn()}`;
      case 8: {
        const [fx, bits] = pick([['s16', 16], ['u16', 16], ['s32', 32], ['u32', 32]] as const);
        const r = F();
        const fb = `#${(bits === 16 ? 0 : 1) + rnd(bits)}`;
        return rnd(2) ? `vcvt${c}.${fx}.${ty} ${r}, ${r}, ${fb}` : `vcvt${c}.${ty}.${fx} ${r}, ${r}, ${fb}`;
      }
      case 9: return `vmov${c}.${ty} ${F()}, #${pick(['1.0', '-2.5', '0.125', '31.0', '-0.5', '17.0', '0.1875', '-1.0625'])}`;
      case 10: return rnd(2) ? `vmov${c} ${R()}, ${Sn()}` : `vmov${c} ${Sn()}, ${R()}`;
      case 11: {
        const [a, b] = regs(2);
        return rnd(2) ? `vmov${c} ${a}, ${b}, ${Dn()}` : `vmov${c} ${Dn()}, ${a}, ${b}`;
      }
      case 12: {
        const [a, b] = regs(2);
        const s = rnd(31);
        return rnd(2) ? `vmov${c} ${a}, ${b}, s${s}, s${s + 1}` : `vmov${c} s${s}, s${s + 1}, ${a}, ${b}`;
      }
      case 13: return rnd(2) ? `vmov${c}.32 ${Dn()}[${rnd(2)}], ${R()}` : `vmov${c}.32 ${R()}, ${Dn()}[${rnd(2)}]`;
      case 14: return `${pick(['vldr', 'vstr'])}${c} ${F()}, [sp, #${dbl ? 8 * (rnd(30) - 15) : 4 * (rnd(60) - 30)}]`;
      case 15: {
        const n = 1 + rnd(dbl ? 6 : 12);
        const first = rnd(32 - n + 1);
        const p = dbl ? 'd' : 's';
        const list = n === 1 ? `{${p}${first}}` : `{${p}${first}-${p}${first + n - 1}}`;
        // at sp, or decrementing before from sp + 64 with writeback of lr
        return rnd(2) ? `${pick(['vldmia', 'vstmia'])}${c} sp, ${list}` : `add${c} lr, sp, #64\n\t${pick(['vldmdb', 'vstmdb'])}${c} lr!, ${list}`;
      }
      // FPSCR from a random register, without Len/Stride (short vectors) and trap enables
      case 16: return `vmrs${c} ${R()}, fpscr\n\tbic${c} lr, ${R()}, #0x00370000\n\tbic${c} lr, lr, #0x00009f00\n\tvmsr${c} fpscr, lr`;
      case 17: return `${pick(['vcvtb', 'vcvtt'])}${c}.${pick(['f32.f16', 'f16.f32'])} ${Sn()}, ${Sn()}`;
      default: {
        if (c) return `vmov${c}.${ty} ${F()}, ${F()}`;
        // VPUSH then VPOP of as many registers (sp ends where it started)
        const p = dbl ? 'd' : 's';
        const a = rnd(8), b = 8 + rnd(8), x = 8 + rnd(8);
        return `vpush {${p}${a}-${p}${b}}\n\tvpop {${p}${x}-${p}${x + b - a}}`;
      }
    }
  }

  /**
   * Instruction classes as [weight, generator(thumb, cond)]; `cond` is '' or a condition
   * suffix the generator may use (A32 conditional execution; in Thumb only '' reaches here,
   * IT blocks pick their own single-instruction members). NEON (Advanced SIMD) classes go
   * here too, e.g. `[2, (_t, _c) => neon()]` with `neon` built on this generator's `rnd`
   * (NEON is unconditional: ignore `cond`).
   */
  const neon = neonGenerator(rnd);
  const CLASSES: Array<[number, (t: boolean, c: string) => string]> = [
    [6, intInsn],
    [2, memInsn],
    [3, (_t, c) => vfpInsn(c)],
    // Advanced SIMD: unconditional only (inside an IT block a VFP instruction stands in)
    ...(opt.neon ? [[4, (_t: boolean, c: string) => (c ? vfpInsn(c) : neon())] as [number, (t: boolean, c: string) => string]] : []),
  ];
  const total = CLASSES.reduce((s, [w]) => s + w, 0);
  const anyInsn = (t: boolean, c: string): string => {
    let k = rnd(total);
    for (const [w, g] of CLASSES) {
      if (k < w) return g(t, c);
      k -= w;
    }
    throw new Error('unreachable');
  };

  /** an A32 sequence: a third of the instructions conditional, some skipped by branches */
  function a32Seq(n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      if (rnd(24) === 0) { out.push(`b${pick(COND)} 1f\n${anyInsn(false, '')}\n1:`); continue; }
      if (rnd(40) === 0) { out.push(call(false, rnd(2) ? pick(COND) : '')); continue; }
      out.push(anyInsn(false, rnd(3) === 0 ? pick(COND) : ''));
    }
    return out;
  }

  /** BL (conditional in ARM state) to a one-instruction subroutine that returns by BX LR */
  function call(t: boolean, c: string): string {
    let body: string;
    do body = anyInsn(t, ''); while (body.includes('lr'));
    return `bl${c} 1f\nb 2f\n1:\n${body}\nbx lr\n2:`;
  }

  /** a Thumb sequence: T32 and T16 encodings, IT blocks with random conditions, CBZ/CBNZ */
  function t32Seq(n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = rnd(12);
      if (k < 2) {
        // IT block: 1..4 instructions with the condition or its inverse
        const cond = pick(COND);
        const len = 1 + rnd(4);
        let mask = '';
        const conds = [cond];
        for (let j = 1; j < len; j++) {
          const then = rnd(2) === 0;
          mask += then ? 't' : 'e';
          conds.push(then ? cond : INV[cond]);
        }
        const block = [`it${mask} ${cond}`];
        for (const cc of conds) {
          // a multi-instruction expansion would break the block: keep to single instructions
          let ins: string;
          do ins = pick([t16Insn, t16Insn, (x: string) => intInsn(true, x), (x: string) => intInsn(true, x), vfpInsn, (x: string) => memInsn(true, x)])(cc);
          while (ins.includes('\n'));
          block.push(ins);
        }
        out.push(block.join('\n'));
      } else if (k < 5) {
        out.push(rnd(3) ? t16Insn('') : t16MemInsn(''));
      } else if (k === 5 && rnd(4) === 0) {
        out.push(`${pick(['cbz', 'cbnz'])} ${L()}, 1f\n${anyInsn(true, '')}\n1:`);
      } else if (k === 6 && rnd(4) === 0) {
        out.push(`b${pick(COND)}${pick(['.n', '.w'])} 1f\n${anyInsn(true, '')}\n1:`);
      } else if (k === 7 && rnd(8) === 0) {
        out.push(call(true, ''));
      } else {
        out.push(anyInsn(true, ''));
      }
    }
    return out;
  }

  const FPVALS = ['0x3ff0000000000000', '0xbff8000000000000', '0x7ff0000000000000', '0xfff0000000000000', '0x7ff8000000000000', '0x7ff4000000000000',
    '0x0000000000000001', '0x8000000000000000', '0x43e0000000000000', '0x41dfffffffc00000', '0x3f80000040490fdb', '0xc2c80000ff800000',
    '0x7fc000017f800000', '0x3e99999a00000000', '0x00000001807fffff', '0x4f0000004f800000', '0x000fffffffffffff', '0x41efffffffe00000'];
  const rand32 = () => '0x' + (((rnd(65536) << 16) | rnd(65536)) >>> 0).toString(16);
  const rand64 = () => '0x' + Array.from({ length: 4 }, () => rnd(65536).toString(16).padStart(4, '0')).join('');

  const out: string[] = [];
  const thumb: string[] = [];
  const data: string[] = [];
  out.push('@ GENERATED by tests/targets/arm/data/gen-diff.ts — do not edit.',
    `@ seed ${opt.seed} rounds ${opt.rounds} length ${opt.len}`,
    '\t.syntax unified', '\t.arch armv7ve', '\t.fpu neon-vfpv4', '\t.text', '\t.arm', '\t.globl _start', '_start:');
  // fd = argc >= 2 ? openat(AT_FDCWD, argv[1], O_WRONLY|O_CREAT|O_TRUNC, 0644) : 1
  out.push('\tldr r0, [sp]', '\tmov r6, #1', '\tcmp r0, #2', '\tblt 1f',
    '\tmvn r0, #99', '\tldr r1, [sp, #8]', '\tldr r2, =0x241', '\tldr r3, =0644', '\tldr r7, =322', '\tsvc #0', '\tmov r6, r0', '1:',
    '\tldr r0, =outfd', '\tstr r6, [r0]', '\tldr r0, =cur', '\tldr r1, =buf', '\tstr r1, [r0]');
  for (let r = 0; r < opt.rounds; r++) {
    const isThumb = r % 2 === 1;
    data.push(`init${r}:`);
    for (let i = 0; i < 32; i++) data.push(`\t.quad ${rnd(2) ? pick(FPVALS) : rand64()}`);
    data.push(`\t.word ${rand32()}`); // APSR
    for (let i = 0; i < 64; i++) data.push(`\t.word ${rand32()}`); // scratch
    for (let i = 0; i < 13; i++) data.push(`\t.word ${rnd(4) === 0 ? pick(['0', '1', '0xffffffff', '0x80000000', '0x7fffffff', '0x8000', '0xffff8000']) : rand32()}`);
    out.push(`@ ---- round ${r} (${isThumb ? 'Thumb' : 'ARM'}, FPSCR ${hex(FPSCRS[r % FPSCRS.length])})`,
      `\tldr lr, =init${r}`, '\tvldmia lr!, {d0-d15}', '\tvldmia lr!, {d16-d31}', '\tldr r0, [lr], #4', '\tmsr APSR_nzcvqg, r0',
      `\tldr r0, =${hex(FPSCRS[r % FPSCRS.length])}`, '\tvmsr fpscr, r0', '\tldr sp, =scr');
    for (let i = 0; i < 8; i++) out.push('\tldmia lr!, {r0-r7}', '\tstmia sp!, {r0-r7}');
    // a literal pool between the set-up and the sequence keeps long sequences assemblable
    out.push('\tldmia lr, {r0-r12}', '\tldr sp, =scr+128', '\tb 8f', '\t.ltorg', '8:');
    const items = [EDGES, ...(isThumb ? t32Seq(opt.len) : a32Seq(opt.len))];
    opt.items?.push(items);
    const seq = (opt.cut?.round === r ? items.slice(0, opt.cut.len) : items).flatMap((l) => l.split('\n')).map((l) => (l.endsWith(':') ? l : '\t' + l.replace(/^\t/, '')));
    if (isThumb) {
      out.push(`\tblx t${r}`, `back${r}:`);
      thumb.push('\t.thumb', '\t.balign 4', `\t.thumb_func`, `t${r}:`, ...seq, `\tldr.w pc, =back${r}`, '\t.ltorg');
    } else {
      out.push(...seq);
    }
    out.push('\tldr lr, =cur', '\tldr lr, [lr]', '\tstmia lr!, {r0-r12}', '\tmrs r0, apsr', '\tand r1, r0, #0x000f0000',
      '\tand r0, r0, #0xf8000000', '\torr r0, r0, r1', '\tvmrs r1, fpscr', '\tstmia lr!, {r0, r1}', '\tvstmia lr!, {d0-d15}', '\tvstmia lr!, {d16-d31}',
      '\tldr sp, =scr');
    for (let i = 0; i < 8; i++) out.push('\tldmia sp!, {r0-r7}', '\tstmia lr!, {r0-r7}');
    out.push('\tldr r0, =cur', '\tstr lr, [r0]', `\tb 9f`, '\t.ltorg', '9:');
    if (opt.cut?.round === r) break;
  }
  // write(fd, buf, cur - buf); exit(0)
  out.push('\tldr r0, =outfd', '\tldr r0, [r0]', '\tldr r1, =buf', '\tldr r2, =cur', '\tldr r2, [r2]', '\tsub r2, r2, r1', '\tmov r7, #4', '\tsvc #0',
    '\tmov r0, #0', '\tmov r7, #1', '\tsvc #0', '\t.ltorg');
  out.push(...thumb, '\t.arm');
  out.push('\t.data', '\t.balign 8', ...data, '\t.bss', '\t.balign 8', 'outfd:\t.space 4', 'cur:\t.space 4', '\t.balign 8', 'scr:\t.space 256',
    `buf:\t.space ${opt.rounds * ROUND_BYTES}`);
  return out.join('\n') + '\n';
}

/**
 * Fixed VFP corner cases run first in every round (so under every FPSCR setting): a product
 * just below the smallest normal that rounds up to it (ARM judges tininess before rounding:
 * UFC, or zero under FZ), single and double; FMA NaN priority (addend first, signalling before
 * quiet); fixed-point to float conversion (round to nearest whatever FPSCR says).
 */
const EDGES = [
  'movw r0, #0xffff', 'movt r0, #0x3f7f', 'mov r1, #0x00800000', 'vmov s0, s1, r0, r1', 'vmul.f32 s2, s0, s1',
  'mvn r0, #0', 'movw r1, #0xffff', 'movt r1, #0x3fef', 'vmov d2, r0, r1', 'mov r0, #0', 'mov r1, #0x00100000', 'vmov d3, r0, r1',
  'vmul.f64 d4, d2, d3',
  'movw r0, #1', 'movt r0, #0x7fc0', 'movw r1, #1', 'movt r1, #0x7f80', 'vmov s10, s11, r0, r1', 'vmov.f32 s12, #1.0',
  'vmov s13, r0', 'vfma.f32 s10, s11, s12', 'movw r1, #2', 'movt r1, #0x7fc0', 'vmov s14, r1', 'vfma.f32 s13, s14, s12',
  'mvn r0, #0', 'vmov s15, r0', 'vcvt.f32.u32 s15, s15, #1',
].join('\n');

export const DEFAULT_OPTIONS: Options = { seed: 0x2545f491, rounds: 8, len: 300, neon: true };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = { ...DEFAULT_OPTIONS };
  const i = argv.indexOf('--seed');
  if (i >= 0) opt.seed = Number(argv[i + 1]);
  if (argv.includes('--long')) { opt.rounds = 16; opt.len = 2000; }
  if (argv.includes('--no-neon')) opt.neon = false;
  const r = argv.indexOf('--rounds');
  if (r >= 0) opt.rounds = Number(argv[r + 1]);
  const l = argv.indexOf('--len');
  if (l >= 0) opt.len = Number(argv[l + 1]);
  if (argv.includes('--compare')) process.exitCode = (await import('./diff-compare.js')).compareLive({ generate, describeOffset, roundBytes: ROUND_BYTES }, opt);
  else process.stdout.write(generate(opt));
}
