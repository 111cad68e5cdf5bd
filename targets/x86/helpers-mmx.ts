/**
 * MMX: the eight 64-bit registers alias the x87 registers' significands (mm i = physical
 * register i); an MMX write sets TOP to 0, tags every register valid and the exponent to all
 * ones, as the CPU does. The lane operations reuse the SSE helpers on the scratch xmm
 * registers 16 (destination) and 17 (source).
 */
import { xmmIndex, type X86Cpu } from './cpu.js';
import { sseHelpers } from './helpers-sse.js';

const D = 16, S = 17;
/** the operations by index (the translator passes the index) */
export const MMX_OPS = [
  'paddb', 'paddw', 'paddd', 'psubb', 'psubw', 'psubd', 'paddusb', 'paddusw', 'psubusb', 'psubusw', 'paddsb', 'paddsw',
  'psubsb', 'psubsw', 'pcmpeqb', 'pcmpeqw', 'pcmpeqd', 'pcmpgtb', 'pcmpgtw', 'pcmpgtd', 'pminub', 'pmaxub', 'pminsw', 'pmaxsw',
  'pavgb', 'pavgw', 'pmullw', 'pmulhuw', 'pmulhw', 'pmuludq', 'pmaddwd', 'psadbw',
  'punpcklbw', 'punpcklwd', 'punpckldq', 'punpckhbw', 'punpckhwd', 'punpckhdq', 'packsswb', 'packuswb', 'packssdw',
  'pxor', 'por', 'pand', 'pandn', 'paddq', 'psubq',
];

const get = (cpu: X86Cpu, i: number) => (BigInt(cpu.fpm[2 * i + 1]) << 32n) | BigInt(cpu.fpm[2 * i] >>> 0);
function set(cpu: X86Cpu, i: number, v: bigint): void {
  cpu.fpm[2 * i] = Number(BigInt.asIntN(32, v));
  cpu.fpm[2 * i + 1] = Number(BigInt.asIntN(32, v >> 32n));
  cpu.fpe[i] = 0xffff;
  cpu.fptop = 0;
  cpu.fptags = 0;
}
function setX(cpu: X86Cpu, k: number, lo: bigint, hi: bigint): void {
  const r = cpu.r, x = xmmIndex(k);
  r[x] = Number(BigInt.asIntN(32, lo)); r[x + 1] = Number(BigInt.asIntN(32, lo >> 32n));
  r[x + 2] = Number(BigInt.asIntN(32, hi)); r[x + 3] = Number(BigInt.asIntN(32, hi >> 32n));
}
const lowOf = (cpu: X86Cpu, k: number) => (BigInt(cpu.r[xmmIndex(k) + 1]) << 32n) | BigInt(cpu.r[xmmIndex(k)] >>> 0);
const big = (lo: number, hi: number) => BigInt.asUintN(64, (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0));

export const mmxHelpers: Record<string, (cpu: X86Cpu, ...a: number[]) => number | void> = {
  x86_mm_get(cpu, i) { const v = get(cpu, i); cpu.rhi = Number(BigInt.asIntN(32, v >> 32n)); return Number(BigInt.asIntN(32, v)); },
  x86_mm_set(cpu, i, lo, hi) { set(cpu, i, big(lo, hi)); },
  x86_emms(cpu) { cpu.fptags = 0xff; },
  /** mm d = d op src (src a 64-bit value) */
  x86_mmx_op(cpu, op, d, lo, hi) {
    const name = MMX_OPS[op];
    const a = BigInt.asUintN(64, get(cpu, d)), b = big(lo, hi);
    let r: bigint;
    switch (name) {
      case 'pxor': r = a ^ b; break;
      case 'por': r = a | b; break;
      case 'pand': r = a & b; break;
      case 'pandn': r = ~a & b; break;
      case 'paddq': r = a + b; break;
      case 'psubq': r = a - b; break;
      default: {
        const high = name.startsWith('punpckh');
        if (name.startsWith('pack')) { setX(cpu, D, a, b); setX(cpu, S, 0n, 0n); sseHelpers[`x86_${name}`](cpu, D, D); }
        else {
          setX(cpu, D, high ? a >> 32n : a, 0n);
          setX(cpu, S, high ? b >> 32n : b, 0n);
          sseHelpers[`x86_${high ? name.replace('punpckh', 'punpckl') : name}`](cpu, D, S);
        }
        r = lowOf(cpu, D);
      }
    }
    set(cpu, d, BigInt.asUintN(64, r));
  },
  /** shifts: kind 0 w, 1 d, 2 q; op 0 left, 1 logical right, 2 arithmetic right */
  x86_mmx_shift(cpu, d, kind, op, clo, chi) {
    const count = chi !== 0 ? 1 << 30 : clo >>> 0;
    setX(cpu, D, get(cpu, d), 0n);
    sseHelpers.x86_pshift(cpu, D, kind, op, count);
    set(cpu, d, lowOf(cpu, D));
  },
  x86_pshufw(cpu, d, lo, hi, imm) {
    setX(cpu, S, big(lo, hi), 0n);
    sseHelpers.x86_pshuflw(cpu, D, S, imm);
    set(cpu, d, lowOf(cpu, D));
  },
  x86_mmx_pmovmskb(cpu, s) { setX(cpu, D, get(cpu, s), 0n); return sseHelpers.x86_pmovmskb(cpu, D) as number; },
  x86_mmx_pextrw: (cpu, s, imm) => Number((get(cpu, s) >> BigInt(16 * (imm & 3))) & 0xffffn),
  x86_mmx_pinsrw(cpu, d, v, imm) {
    const sh = BigInt(16 * (imm & 3));
    set(cpu, d, BigInt.asUintN(64, (get(cpu, d) & ~(0xffffn << sh)) | (BigInt(v & 0xffff) << sh)));
  },
};

export const mmxSigs: Record<string, string> = {
  'i64(i32)': 'x86_mm_get',
  'void(i32, i64)': 'x86_mm_set',
  'void()': 'x86_emms',
  'void(i32, i32, i64)': 'x86_mmx_op',
  'void(i32, i32, i32, i64)': 'x86_mmx_shift',
  'void(i32, i64, i32)': 'x86_pshufw',
  'i32(i32)': 'x86_mmx_pmovmskb',
  'i32(i32, i32)': 'x86_mmx_pextrw',
  'void(i32, i32, i32)': 'x86_mmx_pinsrw',
};
