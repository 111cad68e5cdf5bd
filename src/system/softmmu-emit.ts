/**
 * Generated-code loads and stores through the software TLB (softmmu.ts).
 *
 * Environment names: `TR`/`TW` (the TLB's read and write tags: the virtual page an entry
 * holds, -1 when empty), `TO` (the entry's offset: host offset minus virtual address), `M`
 * (the model's slow paths) and the flat emitter's views `u8 i8 i16 u16 i32 dv` on the host
 * buffer. The inline test is one tag compare plus the page-crossing test; a hit turns `ea`
 * into a host offset, and the access itself is the flat model's text. A miss calls M.r/M.w,
 * which walk the page tables, fill the TLB and return the host offset — or, for a device or
 * a page-crossing access, an offset in the scratch page (below 0x1000), where a load finds
 * the bytes already read and after which a store calls M.post() to deliver them.
 */
import { flatEmitter } from '../core/memory/flat-emit.js';
import type { MemoryEmitter } from '../core/memory/model.js';

export const TLB_SIZE = 256;
const hex = (n: number) => '0x' + n.toString(16);

export function softmmuEmitter(): MemoryEmitter {
  const flat = flatEmitter(true);
  const exit = 'if (cpu.exitRequest !== 0) bud = cpu.exitRequest = 0;';
  return {
    check(addr, size, write, pc, _watch, align = 0) {
      const tags = write ? 'TW' : 'TR';
      const ix = `(ea >>> 12) & ${TLB_SIZE - 1}`;
      const aligned = align > 1;
      const cross = size > 1 && !(aligned && align >= size) ? ` && (ea & 0xfff) <= ${hex(0x1000 - size)}` : '';
      const mis = aligned ? ` && (ea & ${align - 1}) === 0` : '';
      return `ea = ${addr}; if (${tags}[${ix}] === (ea >>> 12)${cross}${mis}) ea = (ea + TO[${ix}]) | 0; ` +
        `else { ea = M.${write ? 'w' : 'r'}(ea, ${pc}, ${size}, ${align}); ${exit} }`;
    },
    load: (l) => flat.load(l),
    store: (s) => `${flat.store(s)} if (ea < 0x1000) { M.post(); ${exit} }`,
  };
}
