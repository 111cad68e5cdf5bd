/**
 * Advanced SIMD (NEON) instruction classes for gen-diff.ts: random, valid, unconditional NEON
 * instructions of every group trans-neon.ts handles (3-same integer/float/bitwise, 2-reg misc,
 * shifts by immediate, long/wide/narrow, by-scalar, VEXT/VTBL/VDUP/VMOV scalar, modified
 * immediates, VLD1-4/VST1-4 of all three kinds). Loads and stores address the scratch area
 * through lr, the generator's only temporary. Left out: alignment qualifiers (alignment
 * faults), register post-increment (the offset would leave the scratch area) and f16.
 */
export function neonGenerator(rnd: (n: number) => number): () => string {
  const pick = <T>(a: readonly T[]): T => a[rnd(a.length)];
  const D = () => `d${rnd(32)}`;
  const Q = () => `q${rnd(16)}`;
  const R = () => `r${rnd(13)}`;
  /** a D or Q operand triple for the same-length forms */
  const V = (q: boolean) => (q ? Q : D);
  const sz = (s: readonly number[]) => pick(s);

  function same(): string {
    const q = rnd(2) === 1, v = V(q);
    const k = rnd(10);
    if (k === 0) return `${pick(['vand', 'vbic', 'vorr', 'vorn', 'veor', 'vbsl', 'vbit', 'vbif'])} ${v()}, ${v()}, ${v()}`;
    if (k <= 2) {
      const op = pick(['vadd', 'vsub', 'vmul', 'vmla', 'vmls', 'vfma', 'vfms', 'vabd', 'vmax', 'vmin', 'vceq', 'vcge', 'vcgt', 'vacge', 'vacgt', 'vrecps', 'vrsqrts']);
      return `${op}.f32 ${v()}, ${v()}, ${v()}`;
    }
    if (k === 3) {
      const op = pick(['vpadd', 'vpmax', 'vpmin']);
      return rnd(3) ? `${op}.${pick(['s', 'u'])}${sz([8, 16, 32])} ${D()}, ${D()}, ${D()}`.replace(/^vpadd\.[su]/, 'vpadd.i') : `${op}.f32 ${D()}, ${D()}, ${D()}`;
    }
    if (k === 4) return `${pick(['vqdmulh', 'vqrdmulh'])}.s${sz([16, 32])} ${v()}, ${v()}, ${v()}`;
    if (k === 5) return `${pick(['vadd', 'vsub'])}.i64 ${v()}, ${v()}, ${v()}`;
    if (k === 6) return `${pick(['vqadd', 'vqsub', 'vshl', 'vqshl', 'vrshl', 'vqrshl'])}.${pick(['s', 'u'])}64 ${v()}, ${v()}, ${v()}`;
    const s = sz([8, 16, 32]);
    const op = pick(['vadd.i', 'vsub.i', 'vhadd.s', 'vhadd.u', 'vrhadd.s', 'vrhadd.u', 'vhsub.s', 'vhsub.u', 'vqadd.s', 'vqadd.u',
      'vqsub.s', 'vqsub.u', 'vcgt.s', 'vcgt.u', 'vcge.s', 'vcge.u', 'vceq.i', 'vtst.', 'vmax.s', 'vmax.u', 'vmin.s', 'vmin.u',
      'vabd.s', 'vabd.u', 'vaba.s', 'vaba.u', 'vmul.i', 'vmla.i', 'vmls.i', 'vshl.s', 'vshl.u', 'vqshl.s', 'vqshl.u',
      'vrshl.s', 'vrshl.u', 'vqrshl.s', 'vqrshl.u', 'vmul.p']);
    return `${op}${op === 'vmul.p' ? 8 : s} ${v()}, ${v()}, ${v()}`;
  }

  function misc(): string {
    const q = rnd(2) === 1, v = V(q);
    const s = sz([8, 16, 32]);
    switch (rnd(12)) {
      case 0: { const r = pick([[64, [8, 16, 32]], [32, [8, 16]], [16, [8]]] as const); return `vrev${r[0]}.${pick(r[1])} ${v()}, ${v()}`; }
      case 1: return `${pick(['vpaddl', 'vpadal'])}.${pick(['s', 'u'])}${s} ${v()}, ${v()}`;
      case 2: return pick([`vcls.s${s}`, `vclz.i${s}`, 'vcnt.8', 'vmvn', `vqabs.s${s}`, `vqneg.s${s}`, `vabs.s${s}`, `vneg.s${s}`]) + ` ${v()}, ${v()}`;
      case 3: return `${pick(['vceq.i', 'vcgt.s', 'vcge.s', 'vcle.s', 'vclt.s'])}${s} ${v()}, ${v()}, #0`;
      case 4: return `${pick(['vceq', 'vcgt', 'vcge', 'vcle', 'vclt'])}.f32 ${v()}, ${v()}, #0`;
      case 5: return `${pick(['vabs', 'vneg', 'vrecpe', 'vrsqrte'])}.f32 ${v()}, ${v()}`;
      case 6: return `${pick(['vrecpe', 'vrsqrte'])}.u32 ${v()}, ${v()}`;
      case 7: return `vcvt.${pick(['f32.s32', 'f32.u32', 's32.f32', 'u32.f32'])} ${v()}, ${v()}`;
      case 8: {
        const op = pick(['vswp', 'vtrn', 'vuzp', 'vzip']);
        if (op === 'vswp') return `vswp ${v()}, ${v()}`;
        // the same register twice is UNPREDICTABLE for VTRN/VUZP/VZIP
        const a = rnd(q ? 16 : 32), b = (a + 1 + rnd(q ? 15 : 31)) % (q ? 16 : 32);
        const p = q ? 'q' : 'd';
        return `${op}.${q || op === 'vtrn' ? s : pick([8, 16])} ${p}${a}, ${p}${b}`;
      }
      case 9: return `${pick(['vmovn.i', 'vqmovn.s', 'vqmovn.u', 'vqmovun.s'])}${pick([16, 32, 64])} ${D()}, ${Q()}`;
      case 10: return `vshll.i${s} ${Q()}, ${D()}, #${s}`;
      default: return `vmovl.${pick(['s', 'u'])}${s} ${Q()}, ${D()}`;
    }
  }

  function shift(): string {
    const q = rnd(2) === 1, v = V(q);
    const s = sz([8, 16, 32, 64]);
    const t = pick(['s', 'u']);
    switch (rnd(8)) {
      case 0: case 1: return `${pick(['vshr', 'vsra', 'vrshr', 'vrsra'])}.${t}${s} ${v()}, ${v()}, #${1 + rnd(s)}`;
      case 2: return rnd(2) ? `vsri.${s} ${v()}, ${v()}, #${1 + rnd(s)}` : `${pick(['vsli', 'vshl.i'])}${pick(['', ''])}.${s} ${v()}, ${v()}, #${rnd(s)}`.replace('vshl.i.', 'vshl.i');
      case 3: return `${pick(['vqshl.s', 'vqshl.u', 'vqshlu.s'])}${s} ${v()}, ${v()}, #${rnd(s)}`;
      case 4: {
        const n = sz([16, 32, 64]);
        return `${pick(['vshrn.i', 'vrshrn.i', 'vqshrn.s', 'vqshrn.u', 'vqrshrn.s', 'vqrshrn.u', 'vqshrun.s', 'vqrshrun.s'])}${n} ${D()}, ${Q()}, #${1 + rnd(n / 2)}`;
      }
      case 5: { const n = sz([8, 16, 32]); return `vshll.${t}${n} ${Q()}, ${D()}, #${1 + rnd(n - 1)}`; }
      default: return `vcvt.${pick(['f32.s32', 'f32.u32', 's32.f32', 'u32.f32'])} ${v()}, ${v()}, #${1 + rnd(32)}`;
    }
  }

  function diff(): string {
    const s = sz([8, 16, 32]);
    const t = pick(['s', 'u']);
    switch (rnd(6)) {
      case 0: return `${pick(['vaddl', 'vsubl', 'vabdl', 'vabal', 'vmlal', 'vmlsl', 'vmull'])}.${t}${s} ${Q()}, ${D()}, ${D()}`;
      case 1: return `${pick(['vaddw', 'vsubw'])}.${t}${s} ${Q()}, ${Q()}, ${D()}`;
      case 2: return `${pick(['vaddhn', 'vraddhn', 'vsubhn', 'vrsubhn'])}.i${2 * s} ${D()}, ${Q()}, ${Q()}`;
      case 3: return `${pick(['vqdmlal', 'vqdmlsl', 'vqdmull'])}.s${pick([16, 32])} ${Q()}, ${D()}, ${D()}`;
      case 4: return `vmull.p8 ${Q()}, ${D()}, ${D()}`;
      default: {
        // by scalar
        const e = pick([16, 32]);
        const sc = e === 16 ? `d${rnd(8)}[${rnd(4)}]` : `d${rnd(16)}[${rnd(2)}]`;
        const q = rnd(2) === 1, v = V(q);
        switch (rnd(5)) {
          case 0: return `${pick(['vmul', 'vmla', 'vmls'])}.i${e} ${v()}, ${v()}, ${sc}`;
          case 1: return `${pick(['vmul', 'vmla', 'vmls'])}.f32 ${v()}, ${v()}, ${`d${rnd(16)}[${rnd(2)}]`}`;
          case 2: return `${pick(['vmull', 'vmlal', 'vmlsl'])}.${t}${e} ${Q()}, ${D()}, ${sc}`;
          case 3: return `${pick(['vqdmull', 'vqdmlal', 'vqdmlsl'])}.s${e} ${Q()}, ${D()}, ${sc}`;
          default: return `${pick(['vqdmulh', 'vqrdmulh'])}.s${e} ${v()}, ${v()}, ${sc}`;
        }
      }
    }
  }

  function move(): string {
    const q = rnd(2) === 1, v = V(q);
    switch (rnd(8)) {
      case 0: return q ? `vext.8 ${Q()}, ${Q()}, ${Q()}, #${rnd(16)}` : `vext.${pick([8, 16, 32])} ${D()}, ${D()}, ${D()}, #${rnd(2)}`.replace(/vext\.(\d+) (.*), #\d+$/, (_, e, ops) => `vext.${e} ${ops}, #${rnd(8 / (+e / 8))}`);
      case 1: {
        const n = 1 + rnd(4), f = rnd(33 - n);
        const list = Array.from({ length: n }, (_, i) => `d${f + i}`).join(', ');
        return `${pick(['vtbl', 'vtbx'])}.8 ${D()}, {${list}}, ${D()}`;
      }
      case 2: { const e = pick([8, 16, 32]); return `vdup.${e} ${v()}, ${D()}[${rnd(64 / e)}]`; }
      case 3: return `vdup.${pick([8, 16, 32])} ${v()}, ${R()}`;
      case 4: { const e = pick([8, 16]); return `vmov.${pick(['s', 'u'])}${e} ${R()}, ${D()}[${rnd(64 / e)}]`; }
      case 5: { const e = pick([8, 16]); return `vmov.${e} ${D()}[${rnd(64 / e)}], ${R()}`; }
      default: {
        const b = rnd(256).toString(16).padStart(2, '0');
        switch (rnd(7)) {
          case 0: return `vmov.i8 ${v()}, #0x${b}`;
          case 1: return `${pick(['vmov', 'vmvn'])}.i32 ${v()}, #0x${b}${'00'.repeat(rnd(4))}`;
          case 2: return `${pick(['vorr', 'vbic'])}.i32 ${v()}, #0x${b}${'00'.repeat(rnd(4))}`;
          case 3: return `${pick(['vorr', 'vbic', 'vmov', 'vmvn'])}.i16 ${v()}, #0x${b}${'00'.repeat(rnd(2))}`;
          case 4: return `vmov.i32 ${v()}, #0x${b}${pick(['ff', 'ffff'])}`;
          case 5: return `vmov.i64 ${v()}, #0x${Array.from({ length: 8 }, () => (rnd(2) ? 'ff' : '00')).join('')}`;
          default: return `vmov.f32 ${v()}, #${pick(['1.0', '-2.5', '0.125', '31.0', '-0.5'])}`;
        }
      }
    }
  }

  function mem(): string {
    const wb = rnd(2) ? '!' : '';
    const at = `add lr, sp, #${8 * rnd(8)}\n\tsub lr, lr, #${8 * rnd(8) + 8}`;
    const e = pick([8, 16, 32]);
    const op = rnd(2) ? 'vld' : 'vst';
    switch (rnd(4)) {
      case 0: {
        const n = 1 + rnd(4), f = rnd(33 - n);
        return `${at}\n\t${op}1.${pick([8, 16, 32, 64])} {${Array.from({ length: n }, (_, i) => `d${f + i}`).join(', ')}}, [lr]${wb}`;
      }
      case 1: {
        const k = 2 + rnd(3), inc = 1 + rnd(2);
        const regs = k === 2 && inc === 1 && rnd(2) ? 4 : k; // vld2 of two register pairs
        const step = regs === 4 && k === 2 ? 1 : inc;
        const f = rnd(32 - (regs - 1) * step);
        return `${at}\n\t${op}${k}.${e} {${Array.from({ length: regs }, (_, i) => `d${f + i * step}`).join(', ')}}, [lr]${wb}`;
      }
      case 2: {
        const k = 1 + rnd(4), inc = e === 8 ? 1 : 1 + rnd(2), x = rnd(64 / e);
        const f = rnd(32 - (k - 1) * inc);
        return `${at}\n\t${op}${k}.${e} {${Array.from({ length: k }, (_, i) => `d${f + i * inc}[${x}]`).join(', ')}}, [lr]${wb}`;
      }
      default: {
        const k = 1 + rnd(4), inc = k === 1 ? 1 : 1 + rnd(2);
        const n = k === 1 ? 1 + rnd(2) : k;
        const f = rnd(32 - (n - 1) * inc);
        return `${at}\n\tvld${k}.${e} {${Array.from({ length: n }, (_, i) => `d${f + i * inc}[]`).join(', ')}}, [lr]${wb}`;
      }
    }
  }

  return () => pick([same, same, same, misc, misc, shift, shift, diff, diff, move, move, mem])();
}
