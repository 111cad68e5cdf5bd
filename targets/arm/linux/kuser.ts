/**
 * The kernel user helpers page (Documentation/arm/kernel_user_helpers.rst): ARM-state code
 * at fixed addresses near the top of the address space that old ARM code calls for TLS and
 * atomics. Linux maps it read+exec at 0xffff0000; polyemu maps the same page at load time
 * (the loader keeps the top 64 KiB free). The routines below were written for polyemu
 * (assembled with arm-linux-gnueabihf-as; the source is in the comments).
 */
import { PROT_R, PROT_X, type Memory } from '../../../src/core/memory/flat.js';

export const KUSER_PAGE = 0xffff0000;
export const KUSER_HELPER_VERSION = 0xffff0ffc;
export const KUSER_GET_TLS = 0xffff0fe0;
export const KUSER_CMPXCHG = 0xffff0fc0;
export const KUSER_MEMORY_BARRIER = 0xffff0fa0;
export const KUSER_CMPXCHG64 = 0xffff0f60;

const CODE: Array<[number, number[]]> = [
  [KUSER_CMPXCHG64, [
    0xe92d00f0, // push   {r4, r5, r6, r7}
    0xe1c040d0, // ldrd   r4, r5, [r0]        old value
    0xe1c160d0, // ldrd   r6, r7, [r1]        new value
    0xe1b20f9f, // 1: ldrexd r0, r1, [r2]
    0xe0303004, // eors   r3, r0, r4
    0x00313005, // eorseq r3, r1, r5
    0x01a23f96, // strexdeq r3, r6, r7, [r2]
    0x03330001, // teqeq  r3, #1             store lost the monitor: retry
    0x0afffff9, // beq    1b
    0xe8bd00f0, // pop    {r4, r5, r6, r7}
    0xe2730000, // rsbs   r0, r3, #0          0 and C set on success
    0xe12fff1e, // bx     lr
  ]],
  [KUSER_MEMORY_BARRIER, [
    0xf57ff05b, // dmb    ish
    0xe12fff1e, // bx     lr
  ]],
  [KUSER_CMPXCHG, [
    0xe1923f9f, // 1: ldrex r3, [r2]
    0xe0533000, // subs   r3, r3, r0
    0x01823f91, // strexeq r3, r1, [r2]
    0x03330001, // teqeq  r3, #1
    0x0afffffa, // beq    1b
    0xe2730000, // rsbs   r0, r3, #0
    0xe12fff1e, // bx     lr
  ]],
  [KUSER_GET_TLS, [
    0xee1d0f70, // mrc    p15, 0, r0, c13, c0, 3
    0xe12fff1e, // bx     lr
  ]],
  [KUSER_HELPER_VERSION, [5]], // helpers present: (0x1000 - 0xf60) / 32
];

/** Map the helpers page into `mem` (read + execute). */
export function mapKuserPage(mem: Memory): void {
  mem.map(KUSER_PAGE, 4096, PROT_R | PROT_X);
  const page = new Uint8Array(4096);
  const dv = new DataView(page.buffer);
  for (const [addr, words] of CODE) words.forEach((w, i) => dv.setUint32(addr - KUSER_PAGE + 4 * i, w >>> 0, true));
  mem.poke(KUSER_PAGE, page);
}
