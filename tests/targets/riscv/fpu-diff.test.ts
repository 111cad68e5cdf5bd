/**
 * Differential test of the RISC-V FPU helpers against qemu-riscv64: every line of
 * fixtures/expected/riscv64/fpu-ops.stdout (produced by fixtures/src/fpu-ops.c under qemu)
 * names an instruction, a rounding mode, operands, the result and fflags. The same case is
 * replayed through fpuHelpers and printed the same way; the lines must match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RiscvCpu } from '../../../targets/riscv/cpu.js';
import { fpuHelpers } from '../../../targets/riscv/fpu.js';

const EXPECTED = new URL('../../../fixtures/expected/riscv64/fpu-ops.stdout', import.meta.url);

const X_DEST = /^((feq|flt|fle|fclass)\.[sd]|fcvt\.(w|wu|l|lu)\.[sd]|fmv\.x\.[wd])$/;
const X_SRC = /^(fcvt\.[sd]\.(w|wu|l|lu)|fmv\.[wd]\.x)$/;

const hex = (v: number, n: number) => (v >>> 0).toString(16).padStart(n, '0');
const RD = 4;
const SRC = [1, 2, 3];

/** result precision of an f-destination instruction */
function resultSingle(name: string): boolean {
  if (name.startsWith('fcvt.')) return name.split('.')[1] === 's';
  if (name === 'fmv.w.x') return true;
  if (name === 'fmv.d.x') return false;
  return name.endsWith('.s');
}

function fmtF(single: boolean, lo: number, hi: number): string {
  if (single && hi === -1) return hex(lo, 8);
  return hex(hi, 8) + hex(lo, 8);
}

/** an operand token as (lo, hi): 8 digits = a NaN-boxed single */
function parseOperand(tok: string): [number, number] {
  if (tok.length === 8) return [parseInt(tok, 16) | 0, -1];
  return [parseInt(tok.slice(8), 16) | 0, parseInt(tok.slice(0, 8), 16) | 0];
}

function replay(cpu: RiscvCpu, line: string, useDynamic: boolean): string {
  const toks = line.split(' ');
  const name = toks[0], rmTok = toks[1];
  const arrow = toks.indexOf('->');
  const ops = toks.slice(2, arrow).map(parseOperand);
  const helper = fpuHelpers['rv_fp_' + name.replace(/\./g, '_')];
  if (!helper) throw new Error(`no helper for ${name}`);
  const args: number[] = [];
  const xdest = X_DEST.test(name), xsrc = X_SRC.test(name);
  if (!xdest) args.push(RD);
  ops.forEach(([lo, hi], i) => {
    if (xsrc) args.push(lo, hi);
    else {
      cpu.r[64 + 2 * SRC[i]] = lo;
      cpu.r[65 + 2 * SRC[i]] = hi;
      args.push(SRC[i]);
    }
  });
  if (rmTok !== '-') {
    const rm = Number(rmTok);
    if (useDynamic) {
      cpu.frm = rm;
      args.push(7);
    } else {
      cpu.frm = 6; // must be ignored with a static rm
      args.push(rm);
    }
  }
  cpu.fflags = 0;
  cpu.r[64 + 2 * RD] = 0x5a5a5a5a;
  cpu.r[65 + 2 * RD] = 0x5a5a5a5a;
  const ret = helper(cpu, ...args);
  let res: string;
  if (xdest) res = hex(cpu.rhi, 8) + hex(ret as number, 8);
  else res = fmtF(resultSingle(name), cpu.r[64 + 2 * RD], cpu.r[65 + 2 * RD]);
  return `${toks.slice(0, arrow + 1).join(' ')} ${res} ${hex(cpu.fflags, 2)}`;
}

describe('RISC-V F/D helpers vs qemu-riscv64 (fixtures/src/fpu-ops.c)', () => {
  const lines = readFileSync(EXPECTED, 'utf8').split('\n').filter((l) => l !== '');

  it('has a meaningful number of cases covering every helper', () => {
    expect(lines.length).toBeGreaterThan(20000);
    const seen = new Set(lines.map((l) => 'rv_fp_' + l.split(' ')[0].replace(/\./g, '_')));
    for (const name of Object.keys(fpuHelpers)) expect(seen.has(name), name).toBe(true);
  });

  it('reproduces every line', () => {
    const cpu = new RiscvCpu(null as never);
    const bad: string[] = [];
    const perOp = new Map<string, number>();
    lines.forEach((line, i) => {
      const got = replay(cpu, line, (i & 1) === 0);
      if (got !== line) {
        const op = line.split(' ')[0];
        perOp.set(op, (perOp.get(op) ?? 0) + 1);
        if ((perOp.get(op) ?? 0) <= 2) bad.push(`want ${line}\n got ${got}`);
      }
    });
    expect(bad).toEqual([]);
    expect([...perOp].map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });
});
