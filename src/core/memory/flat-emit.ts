/**
 * Generated-code loads and stores for the flat memory model (flat.ts).
 *
 * Environment names: `p` (page flags), `F` (slow paths, flat-hooks.ts), `dv` (a DataView on
 * the buffer) and the typed views `u8 i8 i16 u16 i32` for aligned accesses when guest and
 * host byte order agree.
 *
 * The inline check is one flag test on the page of `ea`; an access of more than one byte also
 * goes to the slow path when it crosses into the next page (`(ea & 0xfff) > 0x1000 - size`),
 * where both pages are checked before any byte moves. That costs one AND and one compare on
 * the fast path and nothing else.
 */
import { endianness } from 'node:os';
import type { LoadEmit, MemoryEmitter, StoreEmit } from './model.js';
import { PAGE_SIZE, PAGE_SHIFT, PROT_R, PROT_W, PAGE_CODE, PAGE_WATCH } from './pages.js';

const HOST_LE = endianness() === 'LE';
const hex = (n: number) => '0x' + n.toString(16);

const LOADS: Record<string, string> = { '1s': 'getInt8', '1u': 'getUint8', '2s': 'getInt16', '2u': 'getUint16', '4s': 'getInt32', '4u': 'getInt32' };
const STORES: Record<number, string> = { 1: 'setInt8', 2: 'setInt16', 4: 'setInt32' };
/** typed-array views used when guest and host byte order agree (aligned fast path) */
const VIEWS: Record<string, [string, number]> = { '1s': ['i8', 0], '1u': ['u8', 0], '2s': ['i16', 1], '2u': ['u16', 1], '4s': ['i32', 2], '4u': ['i32', 2] };

/** flag bits tested inline, and the value they must have for the fast path */
const READ_TEST = [PROT_R, PROT_R];
const READ_TEST_WATCH = [PROT_R | PAGE_WATCH, PROT_R];
const WRITE_TEST = [PROT_W | PAGE_CODE, PROT_W];
const WRITE_TEST_WATCH = [PROT_W | PAGE_CODE | PAGE_WATCH, PROT_W];

export function flatEmitter(littleEndian: boolean): MemoryEmitter {
  const E = littleEndian ? 'true' : 'false';
  // guest order equals host order: aligned accesses use typed arrays, others DataView
  const native = littleEndian === HOST_LE;

  /** A load of `size` (1, 2, 4) bytes at `ea` as an int32 expression. */
  const loadExpr = (size: number, signed: boolean, at = 'ea'): string => {
    const key = `${size}${signed ? 's' : 'u'}`;
    if (!native) return `dv.${LOADS[key]}(${at}, ${E})`;
    const [view, shift] = VIEWS[key];
    if (shift === 0) return `${view}[${at}]`;
    return `((${at} & ${(1 << shift) - 1}) === 0 ? ${view}[${at} >>> ${shift}] : dv.${LOADS[key]}(${at}, true))`;
  };
  const storeStmt = (size: number, v: string, at = 'ea'): string => {
    if (!native) return `dv.${STORES[size]}(${at}, ${v}, ${E});`;
    if (size === 1) return `u8[${at}] = ${v};`;
    const view = size === 2 ? 'i16' : 'i32';
    const shift = size === 2 ? 1 : 2;
    return `if ((${at} & ${(1 << shift) - 1}) === 0) ${view}[${at} >>> ${shift}] = ${v}; else dv.${STORES[size]}(${at}, ${v}, true);`;
  };

  return {
    check(addr, size, write, pc, watch, align = 0) {
      const [mask, want] = write ? (watch ? WRITE_TEST_WATCH : WRITE_TEST) : (watch ? READ_TEST_WATCH : READ_TEST);
      const page = want === mask ? `(p[ea >>> ${PAGE_SHIFT}] & ${mask}) === 0` : `(p[ea >>> ${PAGE_SHIFT}] & ${mask}) !== ${want}`;
      const aligned = align > 1;
      // an aligned access of at most its alignment cannot cross a page
      const cross = size > 1 && !(aligned && align >= size) ? ` || (ea & ${hex(PAGE_SIZE - 1)}) > ${hex(PAGE_SIZE - size)}` : '';
      const mis = aligned ? ` || (ea & ${align - 1}) !== 0` : '';
      const test = cross || mis ? `(${page}${mis}${cross})` : page;
      return `ea = ${addr}; if (${test} && F.${write ? 'w' : 'r'}(ea, ${pc}, ${size}${aligned ? `, ${align}` : ''})) bud = 0;`;
    },

    load({ dest, size, signed, pc: _pc }: LoadEmit): string {
      if (size === 8) {
        if (dest.length === 1) return `${dest[0]} = ${native ? loadExpr(4, true) : `dv.getInt32(${E === 'true' ? 'ea' : 'ea + 4'}, ${E})`};`;
        const [dl, dh] = dest;
        if (native) return `if ((ea & 3) === 0) { ${dl} = i32[ea >>> 2]; ${dh} = i32[(ea >>> 2) + 1]; } else { ${dl} = dv.getInt32(ea, true); ${dh} = dv.getInt32(ea + 4, true); }`;
        const [l, h] = E === 'true' ? ['ea', 'ea + 4'] : ['ea + 4', 'ea'];
        return `${dl} = dv.getInt32(${l}, ${E}); ${dh} = dv.getInt32(${h}, ${E});`;
      }
      const expr = loadExpr(size, signed);
      if (dest.length === 1) return `${dest[0]} = ${expr};`;
      return `${dest[0]} = ${expr}; ${dest[1]} = ${signed ? `${dest[0]} >> 31` : '0'};`;
    },

    store({ lo, hi, size }: StoreEmit): string {
      if (size === 8) {
        if (native) return `if ((ea & 3) === 0) { i32[ea >>> 2] = ${lo}; i32[(ea >>> 2) + 1] = ${hi}; } else { dv.setInt32(ea, ${lo}, true); dv.setInt32(ea + 4, ${hi}, true); }`;
        const [l, h] = E === 'true' ? ['ea', 'ea + 4'] : ['ea + 4', 'ea'];
        return `dv.setInt32(${l}, ${lo}, ${E}); dv.setInt32(${h}, ${hi}, ${E});`;
      }
      return storeStmt(size, lo);
    },
  };
}
