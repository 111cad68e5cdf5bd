/**
 * -d exec and -d cpu lines in the shape qemu-user 7.2 prints them, with our values:
 *   Trace <thread>: 0x<region> [<cs_base>/<pc>/<flags>/<tier>] <symbol>
 * and a per-target register dump (riscv: ` x1/ra    0000...` four to a row; aarch64:
 * `X01=...` three to a row then PSTATE, with SVCR and BTYPE 0 as there is no SME or BTI
 * here; arm: `R01=...` four to a row then PSR). The layouts are data (CPU_LAYOUTS, keyed by
 * target name); values come from Isa.regs.
 */
import type { Cpu } from '../cpu.js';
import type { Isa } from '../isa.js';

/** One register-dump layout: cells come from `cells`, `perRow` to a line, then `tail` lines. */
interface CpuLayout {
  perRow: number;
  /** between cells (riscv's cells start with their own space) */
  sep?: string;
  /** cell texts in order (label and value) */
  cells(v: (name: string) => bigint, pc: number): string[];
  /** lines before the cells */
  head?(v: (name: string) => bigint, pc: number): string[];
  /** lines after the cells (flags) */
  tail?(v: (name: string) => bigint, pc: number): string[];
}

const h = (v: bigint | number, digits: number) => BigInt.asUintN(digits * 4, BigInt(v)).toString(16).padStart(digits, '0');
const flag = (v: bigint, c: string) => (v ? c : '-');

const RV_ABI = ['zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6'];

export const CPU_LAYOUTS: Record<string, CpuLayout> = {
  riscv64: {
    head: (_v, pc) => [` pc       ${h(pc, 16)}`],
    perRow: 4,
    sep: '',
    cells: (v) => RV_ABI.map((n, i) => ` ${`x${i}/${n}`.padEnd(8)} ${h(i ? v(n) : 0n, 16)}`),
  },
  aarch64: {
    perRow: 3,
    cells: (v, pc) => [` PC=${h(pc, 16)}`, ...Array.from({ length: 31 }, (_, i) => `X${String(i).padStart(2, '0')}=${h(v(`x${i}`), 16)}`),
      ` SP=${h(v('sp'), 16)}`],
    tail: (v) => {
      const nzcv = (v('n') << 3n) | (v('z') << 2n) | (v('c') << 1n) | v('v');
      return [`PSTATE=${h(nzcv << 28n, 8)} ${flag(v('n'), 'N')}${flag(v('z'), 'Z')}${flag(v('c'), 'C')}${flag(v('v'), 'V')} EL0t  SVCR=00000000 --  BTYPE=0`];
    },
  },
  arm: {
    perRow: 4,
    cells: (v, pc) => Array.from({ length: 16 }, (_, i) => `R${String(i).padStart(2, '0')}=${h(i === 15 ? pc & ~1 : v(armReg(i)), 8)}`),
    tail: (v, pc) => {
      const psr = (v('NF') << 31n) | (v('ZF') << 30n) | (v('CF') << 29n) | (v('VF') << 28n) | (v('QF') << 27n) |
        ((v('GE') & 15n) << 16n) | (BigInt(pc & 1) << 5n) | 0x10n;
      return [`PSR=${h(psr, 8)} ${flag(v('NF'), 'N')}${flag(v('ZF'), 'Z')}${flag(v('CF'), 'C')}${flag(v('VF'), 'V')} ${pc & 1 ? 'T' : 'A'} usr32`];
    },
  },
};

/** arm's registers by number as Isa.regs names them */
function armReg(i: number): string {
  return ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'fp', 'ip', 'sp', 'lr', 'pc'][i];
}

/** A reader of the registers by Isa.regs name (unknown names read 0). */
function reader(target: Isa, cpu: Cpu): (name: string) => bigint {
  const byName = new Map(target.regs.map((r) => [r.name, r]));
  return (name) => {
    const r = byName.get(name);
    if (!r) return 0n;
    return r.ty === 'i64' ? BigInt.asUintN(64, cpu.get64(r.index)) : BigInt(cpu.r[r.index] >>> 0);
  };
}

/** -d cpu: the register dump before the block at pc runs. */
export function formatCpu(target: Isa, cpu: Cpu, pc: number): string {
  const layout = CPU_LAYOUTS[target.name];
  const v = reader(target, cpu);
  if (!layout) {
    // a target without a layout: every cached register, one per line
    return [` pc       ${h(pc, 16)}`, ...target.regs.filter((r) => r.cached).map((r) => ` ${r.name.padEnd(8)} ${h(v(r.name), r.ty === 'i64' ? 16 : 8)}`)].join('\n');
  }
  const cells = layout.cells(v, pc);
  const lines = layout.head?.(v, pc) ?? [];
  for (let i = 0; i < cells.length; i += layout.perRow) lines.push(cells.slice(i, i + layout.perRow).join(layout.sep ?? ' '));
  return [...lines, ...(layout.tail?.(v, pc) ?? [])].join('\n');
}

/** What -d exec shows about one block entry. */
export interface ExecInfo {
  /** guest thread (qemu: the cpu index) */
  thread: number;
  /** an id of the compiled function (qemu: its host address) */
  region: number;
  pc: number;
  /** translation flags (arm: 0x20 in Thumb state, like CPSR.T) */
  flags: number;
  /** 1 = single-block function, 2 = region compiled for hot code */
  tier: number;
  /** symbol at pc, if the ELF has one */
  symbol?: string;
}

/** -d exec: `Trace 0: 0x... [00000000/0000000000010078/00000000/00000001] sym` */
export function formatExec(target: Isa, e: ExecInfo): string {
  const w = target.bits === 64 ? 16 : 8;
  return `Trace ${e.thread}: 0x${e.region.toString(16)} [${h(0, w)}/${h(e.pc & (target.name === 'arm' ? ~1 : -1), w)}/${h(e.flags, 8)}/${h(e.tier, 8)}] ${e.symbol ?? ''}`;
}
