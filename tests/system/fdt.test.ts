/**
 * The FDT writer and the virt board's tree: dtc (device-tree-compiler) reads the blobs back,
 * and the nodes of the devices this board has match qemu-system-riscv64's own tree
 * (`-M virt,dumpdtb=`) property for property.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { node, writeFdt } from '../../src/system/fdt.js';
import { virtFdt } from '../../src/system/virt.js';
import { QEMU_SYSTEM, which } from '../helpers/system.js';

const DTC = which('dtc');
if (!DTC) console.warn('fdt.test: SKIPPED the dtc checks: dtc is not installed (apt-get install device-tree-compiler)');
if (!QEMU_SYSTEM) console.warn('fdt.test: SKIPPED the comparison with qemu\'s virt tree: qemu-system-riscv64 is not installed (apt-get install qemu-system-misc)');

const dts = (blob: Uint8Array): string => {
  const f = join(mkdtempSync(join(tmpdir(), 'polyemu-fdt-')), 'x.dtb');
  writeFileSync(f, blob);
  return execFileSync(DTC!, ['-I', 'dtb', '-O', 'dts', f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
};

/** the nodes of a dts as { path: body } (bodies without child nodes) */
function nodes(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack: string[] = [];
  for (const raw of text.split('\n')) {
    const l = raw.trim();
    const open = /^(\S*) \{$/.exec(l);
    if (open) { stack.push(open[1]); out.set(stack.join('/'), []); continue; }
    if (l === '};') { stack.pop(); continue; }
    if (l && stack.length) out.get(stack.join('/'))!.push(l);
  }
  return out;
}

describe('FDT', () => {
  it('writes the header, strings and structure of a version-17 blob', () => {
    const blob = writeFdt(node('', [['compatible', 'a'], ['#size-cells', [2]]], [node('x@10', [['reg', [0x10, 0x20]], ['flag', null], ['names', ['p', 'q']]])]));
    const dv = new DataView(blob.buffer);
    expect([dv.getUint32(0), dv.getUint32(4), dv.getUint32(20), dv.getUint32(24)]).toEqual([0xd00dfeed, blob.length, 17, 16]);
    if (!DTC) return;
    expect(dts(blob)).toBe('/dts-v1/;\n\n/ {\n\tcompatible = "a";\n\t#size-cells = <0x02>;\n\n\tx@10 {\n\t\treg = <0x10 0x20>;\n\t\tflag;\n\t\tnames = "p\\0q";\n\t};\n};\n');
  });

  it.skipIf(!DTC || !QEMU_SYSTEM)('the virt tree describes its devices as qemu\'s does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-fdt-'));
    const qf = join(dir, 'qemu.dtb');
    spawnSync(QEMU_SYSTEM!, ['-M', `virt,dumpdtb=${qf}`, '-nographic', '-bios', 'none'], { timeout: 30_000 });
    const q = nodes(dts(readFileSync(qf)));
    const ours = nodes(dts(virtFdt({ ramSize: 128 << 20, harts: 1, isa: 'rv64imafdc', mmu: 'riscv,sv48' })));
    // every node we emit is in qemu's tree, with the same properties (the isa string aside)
    for (const [path, props] of ours) {
      expect(q.has(path), path).toBe(true);
      // the isa string says what each cpu implements; the seed is random
      const strip = (ps: string[]) => ps.filter((p) => !p.startsWith('riscv,isa')).map((p) => p.replace(/^rng-seed = <[^>]*>/, 'rng-seed')).sort();
      expect(strip(props), path).toEqual(strip(q.get(path)!));
    }
    // and qemu's nodes we leave out are the devices this board does not have
    const absent = [...q.keys()].filter((k) => !ours.has(k)).map((k) => k.split('/').pop()!.split('@')[0]);
    expect(new Set(absent)).toEqual(new Set(['pmu', 'fw-cfg', 'flash', 'platform-bus', 'pci']));
  });
});
