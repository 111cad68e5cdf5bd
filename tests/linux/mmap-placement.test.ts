import { describe, expect, it } from 'vitest';
import { Memory, PROT_R } from '../../src/core/memory/flat.js';
import { findFree, isFree, MMAP_MIN, MMAP_TOP, type Placement } from '../../src/linux/mmap-placement.js';

describe('mmap placement (Linux policy, outside the memory model)', () => {
  const place = (): Placement => ({ mem: new Memory(), mmapMin: MMAP_MIN, mmapTop: 0x80000000 });

  it('finds free ranges top-down from mmapTop, skipping mapped pages', () => {
    const p = place();
    expect(findFree(p, 0x3000)).toBe(0x80000000 - 0x3000);
    p.mem.map(0x7ffff000, 0x1000, PROT_R);
    expect(findFree(p, 0x3000)).toBe(0x7ffff000 - 0x3000);
    expect(findFree(p, 1)).toBe(0x7fffe000);
    p.mmapTop = MMAP_MIN + 0x2000;
    expect(findFree(p, 0x3000)).toBe(-1);
    expect(MMAP_TOP).toBeGreaterThan(MMAP_MIN);
  });

  it('isFree: unmapped, at or above mmapMin, inside 4 GiB', () => {
    const p = place();
    p.mem.map(0x20000, 0x1000, 0); // PROT_NONE is still mapped
    expect(isFree(p, 0x10000, 0x10000)).toBe(true);
    expect(isFree(p, 0x10000, 0x11000)).toBe(false);
    expect(isFree(p, 0x8000, 0x1000)).toBe(false);
    expect(isFree(p, 0xfffff000, 0x2000)).toBe(false);
  });
});
