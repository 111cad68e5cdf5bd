/** -d page: the guest memory map, in the format qemu-user prints it. */
import { PAGE_MAPPED, PAGE_SHIFT, PROT_R, PROT_W, PROT_X, type Memory } from '../../core/memory/flat.js';
import type { LoadInfo } from './loader.js';

const h16 = (n: number) => n.toString(16).padStart(16, '0');

/** "start-end size prot" lines for every run of mapped pages with the same permissions. */
export function formatPageLayout(mem: Memory, title = 'page layout changed following binary load'): string {
  const lines = [title, 'start            end              size             prot'];
  const n = mem.perm.length;
  let p = 0;
  while (p < n) {
    const f = mem.perm[p];
    if (!(f & PAGE_MAPPED)) { p++; continue; }
    const prot = f & 7;
    let q = p + 1;
    while (q < n && mem.perm[q] & PAGE_MAPPED && (mem.perm[q] & 7) === prot) q++;
    const start = p * 2 ** PAGE_SHIFT;
    const end = q * 2 ** PAGE_SHIFT;
    const ps = (prot & PROT_R ? 'r' : '-') + (prot & PROT_W ? 'w' : '-') + (prot & PROT_X ? 'x' : '-');
    lines.push(`${h16(start)}-${h16(end)} ${h16(end - start)} ${ps}`);
    p = q;
  }
  return lines.join('\n');
}

/** The summary qemu prints after loading (start_brk, end_code, ... auxv_start). */
export function formatLoadInfo(info: LoadInfo): string {
  const e = info.exe;
  const row = (k: string, v: number) => `${k.padEnd(11)} 0x${h16(v)}`;
  return [
    row('start_brk', info.brk),
    row('end_code', e.endCode),
    row('start_code', e.startCode),
    row('start_data', e.startData),
    row('end_data', e.endData),
    row('start_stack', info.stack.sp),
    row('brk', info.brk),
    row('entry', info.entry),
    row('argv_start', info.stack.argvAddr),
    row('env_start', info.stack.envpAddr),
    row('auxv_start', info.stack.auxvAddr),
  ].join('\n');
}
