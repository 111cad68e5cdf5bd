/**
 * VFP and generic coprocessor assembly text in GNU objdump's syntax (shared by A32 and
 * T32: the encodings agree below the top nibble). Formatters per decoder handler of
 * insns-vfp.spec.ts; mrc/mcr/cdp for the rest of coprocessor space.
 */
import type { InsnArgs } from './decoder-vfp.generated.js';
import { r, type DisCtx, type Fmt } from './disasm-util.js';

type Table = { [K in keyof InsnArgs]?: Fmt<InsnArgs[K]> };

/** a VFP register: D:Vd for doubles, Vd:D for singles */
const vreg = (sz: number, v: number, x: number) => (sz ? `d${(x << 4) | v}` : `s${(v << 1) | x}`);
const ty = (sz: number) => (sz ? 'f64' : 'f32');

/** `{d8-d15}` */
function vlist(sz: number, first: number, n: number): string {
  const p = sz ? 'd' : 's';
  return n > 1 ? `{${p}${first}-${p}${first + n - 1}}` : `{${p}${first}}`;
}

/** names of the three-operand data-processing ops by o1:o2:o3 */
const DP3: Record<string, string> = {
  '000': 'vmla', '001': 'vmls', '010': 'vnmls', '011': 'vnmla', '020': 'vmul', '021': 'vnmul', '030': 'vadd', '031': 'vsub',
  '100': 'vdiv', '110': 'vfnms', '111': 'vfnma', '120': 'vfma', '121': 'vfms',
};

export const VFP: Table = {
  vdp: (a, c) => {
    const key = `${a.o1}${a.o2}${a.o3}`;
    const d = vreg(a.sz, a.vd, a.d);
    const m = vreg(a.sz, a.vm, a.m);
    if (DP3[key]) return `${DP3[key]}${c.cond}.${ty(a.sz)}\t${d}, ${vreg(a.sz, a.vn, a.n)}, ${m}`;
    if (key !== '131') return undefined;
    switch (a.vn) {
      case 0: return `${a.n ? 'vabs' : 'vmov'}${c.cond}.${ty(a.sz)}\t${d}, ${m}`;
      case 1: return `${a.n ? 'vsqrt' : 'vneg'}${c.cond}.${ty(a.sz)}\t${d}, ${m}`;
      case 4: return `vcmp${a.n ? 'e' : ''}${c.cond}.${ty(a.sz)}\t${d}, ${m}`;
      case 5: return `vcmp${a.n ? 'e' : ''}${c.cond}.${ty(a.sz)}\t${d}, #0.0`;
      case 7: return a.n ? `vcvt${c.cond}.${a.sz ? 'f32.f64' : 'f64.f32'}\t${vreg(a.sz ^ 1, a.vd, a.d)}, ${m}` : undefined;
      case 8: return `vcvt${c.cond}.${ty(a.sz)}.${a.n ? 's32' : 'u32'}\t${d}, ${vreg(0, a.vm, a.m)}`;
      case 12: case 13:
        return `vcvt${a.n ? '' : 'r'}${c.cond}.${a.vn === 13 ? 's32' : 'u32'}.${ty(a.sz)}\t${vreg(0, a.vd, a.d)}, ${m}`;
      default: return undefined;
    }
  },
  vmov_imm: (a, c) => `vmov${c.cond}.${ty(a.sz)}\t${vreg(a.sz, a.vd, a.d)}, #${(a.hi << 4) | a.lo}`,
  vmov_sr: (a, c) => (a.l ? `vmov${c.cond}\t${r(a.rt)}, ${vreg(0, a.vn, a.n)}` : `vmov${c.cond}\t${vreg(0, a.vn, a.n)}, ${r(a.rt)}`),
  vmrs: (a, c) => `vmrs${c.cond}\t${a.rt === 15 ? 'APSR_nzcv' : r(a.rt)}, fpscr`,
  vmsr: (a, c) => `vmsr${c.cond}\tfpscr, ${r(a.rt)}`,
  vmov_scalar: (a, c) => {
    // opc1:opc2 = 1xxx: 8-bit lane, 0xx1: 16-bit, 0x00: 32-bit
    const [size, lane] = a.opc1 & 2 ? [8, ((a.opc1 & 1) << 2) | a.opc2] : a.opc2 & 1 ? [16, ((a.opc1 & 1) << 1) | (a.opc2 >> 1)]
      : a.opc2 ? [0, 0] : [32, a.opc1 & 1];
    if (!size) return undefined;
    const s = `d${(a.n << 4) | a.vn}[${lane}]`;
    if (a.l) return `vmov${c.cond}.${size === 32 ? '' : a.u ? 'u' : 's'}${size}\t${r(a.rt)}, ${s}`;
    return `vmov${c.cond}.${size}\t${s}, ${r(a.rt)}`;
  },
  vdup: (a, c) => {
    const size = [32, 16, 8, 0][(a.b << 1) | a.e];
    return size ? `vdup${c.cond}.${size}\t${a.q ? `q${((a.d << 4) | a.vd) >> 1}` : `d${(a.d << 4) | a.vd}`}, ${r(a.rt)}` : undefined;
  },
  vmov_2: (a, c) => {
    const sm = (a.vm << 1) | a.m;
    const regs = a.sz ? `d${(a.m << 4) | a.vm}` : `s${sm}, s${sm + 1}`;
    return a.l ? `vmov${c.cond}\t${r(a.rt)}, ${r(a.rt2)}, ${regs}` : `vmov${c.cond}\t${regs}, ${r(a.rt)}, ${r(a.rt2)}`;
  },
  vldr: (a, c) => {
    const off = a.imm * 4;
    const addr = off === 0 && a.u ? `[${r(a.rn)}]` : `[${r(a.rn)}, #${a.u ? '' : '-'}${off}]`;
    return `${a.l ? 'vldr' : 'vstr'}${c.cond}\t${vreg(a.sz, a.vd, a.d)}, ${addr}`;
  },
  vldm: (a, c) => {
    if (a.sz && a.imm & 1) return undefined; // fldmx/fstmx
    const n = a.sz ? a.imm >> 1 : a.imm;
    const first = a.sz ? (a.d << 4) | a.vd : (a.vd << 1) | a.d;
    const list = vlist(a.sz, first, n);
    if (a.rn === 13 && a.w && ((a.l && !a.p && a.u) || (!a.l && a.p && !a.u))) return `${a.l ? 'vpop' : 'vpush'}${c.cond}\t${list}`;
    const mode = a.p ? 'db' : 'ia';
    return `${a.l ? 'vldm' : 'vstm'}${mode}${c.cond}\t${r(a.rn)}${a.w ? '!' : ''}, ${list}`;
  },
};

/** mrc/mcr/cdp (and their unconditional '2' forms) from the raw encoding, else undefined */
export function coprocessor(insn: number, c: DisCtx, two: boolean): string | undefined {
  if (((insn >>> 24) & 15) !== 14) return undefined;
  const cp = (insn >>> 8) & 15;
  const crn = (insn >>> 16) & 15;
  const rt = (insn >>> 12) & 15;
  const crm = insn & 15;
  const opc2 = (insn >>> 5) & 7;
  const sfx = (two ? '2' : '') + c.cond;
  if (insn & 0x10) {
    return `${insn & (1 << 20) ? 'mrc' : 'mcr'}${sfx}\t${cp}, ${(insn >>> 21) & 7}, ${r(rt)}, cr${crn}, cr${crm}, {${opc2}}`;
  }
  return `cdp${sfx}\t${cp}, ${(insn >>> 20) & 15}, cr${rt}, cr${crn}, cr${crm}, {${opc2}}`;
}
