/**
 * Facts about each target's Debian cross toolchain, shared by the generators in tools/.
 * Adding a target to polyemu's syscall layer means adding a row here and running the
 * generators (they read the cross headers and write data files under syscalls/).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

export interface CrossTarget {
  /** polyemu target name (the qemu-<name> binary that runs the same programs) */
  name: string;
  triplet: string;
  /** extra compiler flags (ABI selection) */
  cflags?: string[];
  /** the header that defines __NR_* for this target (relative to /usr/<triplet>/include) */
  unistd: string;
  /** use struct stat64 / fstat64 family (32-bit targets) */
  stat64?: boolean;
  /**
   * where its syscall table goes when not targets/<name>/linux/syscall-names.generated.ts
   * (relative to targets/) and the table's export name: targets sharing an ABI share a table
   */
  table?: { file: string; name: string };
  /** where its headers are when not /usr/<triplet>/include (the host's own: x86-64 on an x86-64 host) */
  include?: string;
}

const O32 = { file: 'mips/linux/syscall-names-o32.generated.ts', name: 'mipsO32Syscalls' };
const N64 = { file: 'mips/linux/syscall-names-n64.generated.ts', name: 'mipsN64Syscalls' };

export const CROSS_TARGETS: Record<string, CrossTarget> = {
  riscv64: { name: 'riscv64', triplet: 'riscv64-linux-gnu', unistd: 'asm/unistd.h' },
  aarch64: { name: 'aarch64', triplet: 'aarch64-linux-gnu', unistd: 'asm/unistd.h' },
  arm: { name: 'arm', triplet: 'arm-linux-gnueabihf', unistd: 'asm/unistd.h', stat64: true },
  x86_64: { name: 'x86_64', triplet: 'x86_64-linux-gnu', unistd: 'asm/unistd_64.h', include: '/usr/include/x86_64-linux-gnu' },
  i386: { name: 'i386', triplet: 'i686-linux-gnu', unistd: 'asm/unistd_32.h', stat64: true },
  mips: { name: 'mips', triplet: 'mips-linux-gnu', unistd: 'asm/unistd.h', stat64: true, table: O32 },
  mipsel: { name: 'mipsel', triplet: 'mipsel-linux-gnu', unistd: 'asm/unistd.h', stat64: true, table: O32 },
  mips64el: { name: 'mips64el', triplet: 'mips64el-linux-gnuabi64', unistd: 'asm/unistd.h', table: N64 },
};

export const includeDir = (t: CrossTarget) => t.include ?? `/usr/${t.triplet}/include`;

/** The cross C compiler for a target, or undefined when it is not installed. */
export function crossCc(t: CrossTarget): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin').split(':')) {
    const p = `${dir}/${t.triplet}-gcc`;
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Preprocess `source` for the target and return the output. Uses the cross compiler when
 * installed (it defines the target's own macros), else the host cpp pointed at the cross
 * headers only.
 */
export function preprocess(t: CrossTarget, source: string, extra: string[] = []): string {
  const cc = crossCc(t);
  const args = cc
    ? [...(t.cflags ?? []), '-E', '-P', ...extra, '-']
    : ['-nostdinc', '-I', includeDir(t), '-E', '-P', ...extra, '-'];
  return execFileSync(cc ?? 'cpp', args, { input: source, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The header used to compile a generated data file's "current?" check, or undefined. */
export function headerInstalled(t: CrossTarget): boolean {
  return fs.existsSync(`${includeDir(t)}/${t.unistd}`);
}

/** A small evaluator for the integer expressions unistd.h headers use: (A + 15), 4000+1. */
export function evalIntExpr(expr: string): number | undefined {
  const src = expr.replace(/\b(0x[0-9a-f]+|\d+)[uUlL]*\b/gi, '$1');
  const toks = src.match(/0x[0-9a-f]+|\d+|[-+*()|&~]|<<|>>|\S/gi) ?? [];
  let i = 0;
  const prim = (): number => {
    const t = toks[i++];
    if (t === '(') { const v = bin(0); if (toks[i++] !== ')') throw new Error('paren'); return v; }
    if (t === '-') return -prim();
    if (t === '+') return prim();
    if (t === '~') return ~prim();
    if (t !== undefined && /^(0x[0-9a-f]+|\d+)$/i.test(t)) return t.startsWith('0') && t.length > 1 && !/^0x/i.test(t) ? parseInt(t, 8) : Number(t);
    throw new Error(`token ${t}`);
  };
  const prec: Record<string, number> = { '|': 1, '&': 2, '<<': 3, '>>': 3, '+': 4, '-': 4, '*': 5 };
  const bin = (min: number): number => {
    let l = prim();
    for (;;) {
      const op = toks[i];
      const p = op !== undefined ? prec[op] : undefined;
      if (p === undefined || p < min) return l;
      i++;
      const r = bin(p + 1);
      l = op === '+' ? l + r : op === '-' ? l - r : op === '*' ? l * r : op === '|' ? l | r : op === '&' ? l & r : op === '<<' ? l * 2 ** r : Math.floor(l / 2 ** r);
    }
  };
  try {
    const v = bin(0);
    return i === toks.length ? v : undefined;
  } catch {
    return undefined;
  }
}
