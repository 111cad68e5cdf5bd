/**
 * -d in_asm for ARM and Thumb: GNU objdump-style assembly from the generated decoders'
 * fields. Decode (A32 / T16 / T32, NEON and VFP space) -> the pattern's formatter in
 * disasm-a32.ts, disasm-thumb.ts, disasm-vfp.ts or disasm-neon.ts -> text. An encoding without a formatter
 * prints its pattern name and fields, so nothing is lost; one no decoder knows prints
 * `.inst`. Thumb's IT state (which conditions the next instructions) is tracked by
 * ArmDisassembler when it walks a stream; disasmArm takes the ITSTATE from the translator.
 */
import { decodeA32, PATTERNS as A32P } from './decoder-a32.generated.js';
import { decodeT16, PATTERNS as T16P } from './decoder-t16.generated.js';
import { decodeT32, PATTERNS as T32P } from './decoder-t32.generated.js';
import { decodeVfp, PATTERNS as VFPP } from './decoder-vfp.generated.js';
import { decodeNeon, PATTERNS as NEONP } from './decoder-neon.generated.js';
import { A32_UNCONDITIONAL } from './trans-a32.js';
import { neonFromT32 } from './trans-neon.js';
import { A32 } from './disasm-a32.js';
import { T16, T32 } from './disasm-thumb.js';
import { VFP, coprocessor } from './disasm-vfp.js';
import { NEON } from './disasm-neon.js';
import { COND, type DisCtx, type Fmt } from './disasm-util.js';
import { asmLine } from '../../src/core/log/log.js';

type Decoded = { pat: number; name: string; args: unknown } | null;
type Table = Record<string, Fmt<never> | undefined>;

/** the formatter tables, by instruction set (read-only data) */
const TABLES = { A32, T16, T32, VFP, NEON } as unknown as Record<'A32' | 'T16' | 'T32' | 'VFP' | 'NEON', Table>;

function fields(d: { args: unknown }): string {
  return Object.entries(d.args as Record<string, number>).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** format with `table`, or the fallback `pattern<cond>\tfields` */
function run(table: Table, names: readonly string[], d: NonNullable<Decoded>, c: DisCtx): string {
  const f = table[d.name] as Fmt<unknown> | undefined;
  return f?.(d.args, c) ?? `${names[d.pat]}${c.cond}\t${fields(d)}`;
}

/** Assembly text ("mnemonic\toperands") of one instruction. `itCond`: IT block condition, -1 outside. */
export function armText(addr: number, insn: number, len: number, thumb: boolean, itCond = -1): string {
  const c: DisCtx = { addr, insn, thumb, inIt: itCond >= 0, cond: itCond >= 0 ? (itCond === 14 ? 'al' : COND[itCond]) : '' };
  if (!thumb) {
    const cond = insn >>> 28;
    c.cond = COND[cond];
    if ((insn >>> 25 === 0x79 || insn >>> 24 === 0xf4)) {
      const n = decodeNeon(insn) as Decoded;
      return n ? run(TABLES.NEON, NEONP, n, { ...c, cond: '' }) : `.inst\t0x${insn.toString(16).padStart(8, '0')}\t@ <UNDEFINED>`;
    }
    const d = decodeA32(insn) as Decoded;
    if (!d) return `.inst\t0x${insn.toString(16).padStart(8, '0')}\t@ <UNDEFINED>`;
    if (cond === 15 && !A32_UNCONDITIONAL.has(d.name)) {
      return coprocessor(insn, { ...c, cond: '' }, true) ?? `.inst\t0x${insn.toString(16).padStart(8, '0')}`;
    }
    if (d.name === 'cop' || d.name === 'mrc') return copText(insn, c, d, A32P);
    return run(TABLES.A32, A32P, d, c);
  }
  if (len === 2) {
    const d = decodeT16(insn) as Decoded;
    return d ? run(TABLES.T16, T16P, d, c) : `.short\t0x${insn.toString(16).padStart(4, '0')}`;
  }
  const neon = neonFromT32(insn);
  if (neon >= 0) {
    const n = decodeNeon(neon) as Decoded;
    if (n) return run(TABLES.NEON, NEONP, n, c);
  }
  const d = decodeT32(insn) as Decoded;
  if (!d) return `.inst.w\t0x${insn.toString(16).padStart(8, '0')}\t@ <UNDEFINED>`;
  if (d.name === 'cop') return copText(insn, c, d, T32P);
  return run(TABLES.T32, T32P, d, c);
}

/** coprocessor space: VFP when it decodes as VFP, else mrc/mcr/cdp, else the fallback */
function copText(insn: number, c: DisCtx, d: NonNullable<Decoded>, names: readonly string[]): string {
  const two = c.thumb && ((insn >>> 28) & 1) === 1;
  if (!two) {
    const v = decodeVfp(insn) as Decoded;
    const t = v && (VFP as Record<string, Fmt<unknown> | undefined>)[v.name]?.(v.args, c);
    if (t) return t;
    if (v) return `${VFPP[v.pat]}${c.cond}\t${fields(v)}`;
  }
  return coprocessor(insn, c, two) ?? `${names[d.pat]}${c.cond}\t${fields(d)}`;
}

/**
 * Walks a stream of instructions the way objdump does, keeping Thumb's IT state so the
 * instructions of an IT block print their condition.
 */
export class ArmDisassembler {
  private it = 0;
  constructor(readonly thumb: boolean) {}
  text(addr: number, insn: number, len: number): string {
    if (!this.thumb) return armText(addr, insn, len, false);
    const cond = this.it ? this.it >> 4 : -1;
    const t = armText(addr, insn, len, true, cond);
    if (len === 2 && (insn & 0xff00) === 0xbf00 && (insn & 15) !== 0) this.it = insn & 0xff;
    else if (this.it) this.it = (this.it & 7) === 0 ? 0 : (this.it & 0xe0) | ((this.it << 1) & 0x1f);
    return t;
  }
}

export function armDisassembler(thumb: boolean): ArmDisassembler {
  return new ArmDisassembler(thumb);
}

/** One -d in_asm line: address, encoding, text. `it`: the translator's ITSTATE (0 outside IT blocks). */
export function disasmArm(addr: number, insn: number, len: number, thumb: boolean, it = 0): string {
  const raw = len === 2 ? insn.toString(16).padStart(4, '0') : thumb
    ? `${(insn >>> 16).toString(16).padStart(4, '0')} ${(insn & 0xffff).toString(16).padStart(4, '0')}`
    : insn.toString(16).padStart(8, '0');
  return asmLine(addr, raw, armText(addr, insn, len, thumb, it ? it >> 4 : -1));
}
