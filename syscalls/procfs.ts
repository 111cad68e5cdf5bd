/**
 * Synthetic /proc/self files: the host's would describe Node, not the guest.
 * (/proc/self/exe is opened as proc.hostExePath by openat.)
 */
import { PAGE_MAPPED, PAGE_SHIFT, PROT_R, PROT_W, PROT_X } from '../src/memory.js';
import type { Process } from '../src/process.js';
import { archOf } from './arch.js';

function cstrings(list: string[]): Uint8Array {
  return Buffer.from(list.map((s) => s + '\0').join(''), 'utf8');
}

/** /proc/self/maps from the page table: one line per run of pages with equal protection. */
export function procMaps(proc: Process): string {
  const perm = proc.mem.perm;
  const lines: string[] = [];
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  let start = -1;
  let cur = 0;
  const flush = (end: number) => {
    if (start < 0) return;
    const p = (cur & PROT_R ? 'r' : '-') + (cur & PROT_W ? 'w' : '-') + (cur & PROT_X ? 'x' : '-') + 'p';
    lines.push(`${hex(start)}-${hex(end)} ${p} 00000000 00:00 0`);
    start = -1;
  };
  for (let pg = 0; pg < perm.length; pg++) {
    const f = perm[pg];
    const prot = f & 7;
    if (!(f & PAGE_MAPPED)) {
      flush(pg << PAGE_SHIFT >>> 0);
      continue;
    }
    if (start >= 0 && prot !== cur) flush(pg << PAGE_SHIFT >>> 0);
    if (start < 0) { start = pg << PAGE_SHIFT >>> 0; cur = prot; }
  }
  flush(2 ** 32);
  return lines.join('\n') + '\n';
}

/** Contents of /proc/self/<rest>, or undefined to fall through to the host's file. */
export function procFile(proc: Process, rest: string): Uint8Array | undefined {
  switch (rest) {
    case 'cmdline':
      return cstrings(proc.argv);
    case 'environ':
      return cstrings(proc.envp);
    case 'maps':
      return Buffer.from(procMaps(proc), 'utf8');
    case 'auxv': {
      const w = archOf(proc).wordSize;
      const out = new Uint8Array((proc.auxv.length + 1) * 2 * w);
      // encode through a scratch view with the guest's byte order
      const dv = new DataView(out.buffer);
      const put = (i: number, v: number) => {
        if (w === 8) dv.setBigUint64(i * 8, BigInt.asUintN(64, BigInt(v)), proc.mem.littleEndian);
        else dv.setUint32(i * 4, v >>> 0, proc.mem.littleEndian);
      };
      proc.auxv.forEach(([t, v], i) => { put(2 * i, t); put(2 * i + 1, v); });
      return out;
    }
    default:
      return undefined;
  }
}
