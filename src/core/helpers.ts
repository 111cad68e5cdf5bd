/**
 * Helpers: functions generated code calls (`call` in the IR) for work too large or too rare
 * to inline. Each target registers its helpers with their signatures: every argument and
 * the result is i32 (one JS number) or i64 (two numbers, lo then hi; an i64 result is
 * returned as lo with hi in cpu.rhi). A helper's name starts with its owner's prefix
 * (core_, rv_, a64_, arm_, ...). The builder checks each `call` against the signature when
 * it is built (translate time), so a wrong argument list is an error in the frontend, not
 * a silently wrong value at run time.
 */
import type { Ty } from './ir.js';

/** A helper callable from generated code: helpers[name](cpu, ...args). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Helper = (cpu: any, ...args: number[]) => number | void;

export type HelperTy = 'i32' | 'i64';
export interface HelperSig {
  args: HelperTy[];
  /** null: no result */
  ret: HelperTy | null;
}
export type HelperSigs = Record<string, HelperSig>;

export interface HelperSet {
  fns: Record<string, Helper>;
  sigs: HelperSigs;
}

const isTy = (s: string): s is HelperTy => s === 'i32' || s === 'i64';

/** 'i64(i32, i64)' or 'void()' */
export function parseSig(text: string): HelperSig {
  const m = /^\s*(\w+)\s*\(([^)]*)\)\s*$/.exec(text);
  if (!m) throw new Error(`helper signature ${JSON.stringify(text)}: expected ret(args)`);
  const args = m[2].split(',').map((s) => s.trim()).filter((s) => s !== '');
  const ret = m[1] === 'void' ? null : m[1];
  if ((ret !== null && !isTy(ret)) || !args.every(isTy)) throw new Error(`helper signature ${JSON.stringify(text)}: types are i32, i64 (void result)`);
  return { args: args as HelperTy[], ret: ret as HelperTy | null };
}

/** A signature table written by signature: { 'i32(i32, i32)': 'name1 name2', ... }. */
export function sigTable(bySig: Record<string, string>): HelperSigs {
  const out: HelperSigs = {};
  for (const [text, names] of Object.entries(bySig)) {
    const sig = parseSig(text);
    for (const n of names.split(/\s+/).filter((x) => x !== '')) {
      if (n in out) throw new Error(`helper ${n} has two signatures`);
      out[n] = sig;
    }
  }
  return out;
}

/**
 * Register helpers: every function must have a signature (and every signature a function),
 * carry one of `prefixes`, and declare no more parameters than the signature passes
 * (the function's `length`; parameters with defaults are not counted by JS).
 */
export function defineHelpers(prefixes: string[], fns: Record<string, Helper>, sigs: HelperSigs): HelperSet {
  for (const [name, fn] of Object.entries(fns)) {
    if (!prefixes.some((p) => name.startsWith(p))) throw new Error(`helper ${name}: name must start with ${prefixes.join(' or ')}`);
    const sig = sigs[name];
    if (!sig) throw new Error(`helper ${name} has no signature`);
    const words = sig.args.reduce((n, t) => n + (t === 'i64' ? 2 : 1), 0);
    if (fn.length - 1 > words) throw new Error(`helper ${name} takes ${fn.length - 1} numbers, its signature passes ${words}`);
  }
  for (const name of Object.keys(sigs)) if (!(name in fns)) throw new Error(`helper signature for ${name}, which does not exist`);
  return { fns, sigs };
}

const fmt = (s: { args: string[]; ret: string | null }) => `${s.ret ?? 'void'}(${s.args.join(', ')})`;

/** Check a call as built: a registered name, the argument types and the result type. */
export function checkCall(sigs: HelperSigs, name: string, args: Ty[], ret: Ty | null): void {
  const sig = sigs[name];
  if (!sig) throw new Error(`IR: call of unknown helper ${name}`);
  if (sig.ret !== ret || sig.args.length !== args.length || sig.args.some((t, i) => t !== args[i])) {
    throw new Error(`IR: call ${name} as ${fmt({ args, ret })}, but its signature is ${fmt(sig)}`);
  }
}
