/**
 * The software MMU: Sv39/Sv48 walks (4 KiB pages and superpages, A/D updates, U/SUM/MXR
 * permission rules, page and access faults), the TLB (a stale entry stays until a flush),
 * device pages routed to their handlers, and generated code running through it on the Engine.
 */
import { describe, expect, it } from 'vitest';
import { Access, Excp, FaultCause, GuestFault } from '../../src/core/exceptions.js';
import { Bus, type MmioDevice } from '../../src/system/bus.js';
import { SoftMmu } from '../../src/system/softmmu.js';
import { walk, WalkFault } from '../../targets/riscv/priv/walk.js';
import { MSTATUS, PRV_M, PRV_S, PRV_U, riscv64SysIsa, type RiscvHart } from '../../targets/riscv/priv/index.js';

const RAM = 0x80000000;
const V = 1n, R = 2n, W = 4n, X = 8n, U = 16n, A = 64n, D = 128n;

function setup() {
  const bus = new Bus([0x1000, 0x1000], [RAM, 4 << 20]);
  const mmu = new SoftMmu(bus);
  const hart = riscv64SysIsa().createCpu(mmu) as RiscvHart;
  mmu.attach(hart);
  const root = RAM + 0x100000; // page tables from here
  let next = root + 0x1000;
  const pte = (pa: number, flags: bigint) => (BigInt(pa) >> 12n << 10n) | flags;
  /** map va -> pa at `level` (0: 4 KiB, 1: 2 MiB) with flags, making tables as needed (Sv39) */
  const map = (va: number, pa: number, flags: bigint, level = 0) => {
    let table = root;
    for (let l = 2; l > level; l--) {
      const idx = Math.floor(va / 2 ** (12 + 9 * l)) & 0x1ff;
      let e = mmu.readPte(table + idx * 8)!;
      if (!(e & V)) { e = pte(next, V); next += 0x1000; mmu.writePte(table + idx * 8, e); }
      table = Number((e >> 10n) << 12n);
    }
    mmu.writePte(table + (Math.floor(va / 2 ** (12 + 9 * level)) & 0x1ff) * 8, pte(pa, flags | V));
  };
  const sv39 = () => { hart.satp = (8n << 60n) | BigInt(root >>> 12); hart.paging = 1; mmu.flush(); };
  return { bus, mmu, hart, map, sv39, root };
}

const ptes = (s: ReturnType<typeof setup>) => s.mmu;

describe('Sv39 walk', () => {
  it('M mode and Bare map one to one; S mode through the tables, with A and D set by the access', () => {
    const s = setup();
    expect(walk(s.hart, 0x1234, Access.Read, ptes(s))).toMatchObject({ ppage: 1 });
    s.map(0x400000, RAM + 0x5000, R | W);
    s.sv39();
    s.hart.priv = PRV_S;
    expect(walk(s.hart, 0x400123, Access.Read, ptes(s))).toMatchObject({ ppage: (RAM + 0x5000) >>> 12, read: true, write: false });
    const leaf = () => {
      for (let pa = s.root; pa < s.root + 0x4000; pa += 8) {
        const e = s.mmu.readPte(pa)!;
        if (e & V && e & R) return e;
      }
      return 0n;
    };
    expect(leaf() & (A | D)).toBe(A); // read: accessed, not dirty (and no write through the TLB yet)
    expect(walk(s.hart, 0x400000, Access.Write, ptes(s))).toMatchObject({ write: true });
    expect(leaf() & (A | D)).toBe(A | D);
  });

  it('superpages, and misaligned ones fault', () => {
    const s = setup();
    s.map(0x40000000, RAM + 0x200000, R | X, 1);
    s.map(0x40200000, RAM + 0x201000, R, 1); // not 2 MiB aligned
    s.sv39();
    s.hart.priv = PRV_S;
    expect(walk(s.hart, 0x40012345, Access.Fetch, ptes(s))).toMatchObject({ ppage: (RAM + 0x212000) >>> 12, exec: true });
    expect(walk(s.hart, 0x40200000, Access.Read, ptes(s))).toBe(WalkFault.Page);
  });

  it('U pages: U mode only, S mode with SUM and never for fetch; MXR reads execute-only pages', () => {
    const s = setup();
    s.map(0x10000, RAM + 0x6000, R | W | X | U);
    s.map(0x11000, RAM + 0x7000, X);
    s.sv39();
    s.hart.priv = PRV_U;
    expect(walk(s.hart, 0x10000, Access.Read, ptes(s))).not.toBe(WalkFault.Page);
    expect(walk(s.hart, 0x11000, Access.Fetch, ptes(s))).toBe(WalkFault.Page); // not a U page
    s.hart.priv = PRV_S;
    expect(walk(s.hart, 0x10000, Access.Read, ptes(s))).toBe(WalkFault.Page);
    s.hart.mstatus |= MSTATUS.SUM;
    expect(walk(s.hart, 0x10000, Access.Read, ptes(s))).not.toBe(WalkFault.Page);
    expect(walk(s.hart, 0x10000, Access.Fetch, ptes(s))).toBe(WalkFault.Page);
    expect(walk(s.hart, 0x11000, Access.Read, ptes(s))).toBe(WalkFault.Page);
    s.hart.mstatus |= MSTATUS.MXR;
    expect(walk(s.hart, 0x11000, Access.Read, ptes(s))).not.toBe(WalkFault.Page);
    // M mode with MPRV translates data as MPP says
    s.hart.priv = PRV_M;
    s.hart.mstatus = (s.hart.mstatus & ~MSTATUS.SUM) | MSTATUS.MPRV | (1n << 11n);
    expect(walk(s.hart, 0x10000, Access.Read, ptes(s))).toBe(WalkFault.Page);
    expect(walk(s.hart, 0x10000, Access.Fetch, ptes(s))).toMatchObject({ ppage: 0x10 }); // fetch: M, untranslated
  });

  it('an invalid PTE is a page fault; a table outside RAM an access fault', () => {
    const s = setup();
    s.sv39();
    s.hart.priv = PRV_S;
    expect(walk(s.hart, 0x5000, Access.Read, ptes(s))).toBe(WalkFault.Page);
    s.hart.satp = (8n << 60n) | 0x10n; // root table at 0x10000: no RAM
    expect(walk(s.hart, 0x5000, Access.Read, ptes(s))).toBe(WalkFault.Access);
  });
});

describe('SoftMmu', () => {
  it('faults carry the RISC-V kind: Protection is a page fault, Unmapped an access fault', () => {
    const s = setup();
    const f = (fn: () => void) => { try { fn(); } catch (e) { return e as GuestFault; } return undefined; };
    expect(f(() => s.mmu.read32(0x50000000))).toMatchObject({ kind: Excp.PageFault, detail: FaultCause.Unmapped, addr: 0x50000000 });
    expect(f(() => s.mmu.write32(0x1000, 1))).toMatchObject({ detail: FaultCause.Unmapped, access: Access.Write }); // ROM
    s.sv39();
    s.hart.priv = PRV_S;
    expect(f(() => s.mmu.read8(0x7000))).toMatchObject({ detail: FaultCause.Protection, access: Access.Read });
  });

  it('the TLB keeps a translation until flushed (sfence.vma), then sees the new mapping', () => {
    const s = setup();
    s.map(0x400000, RAM + 0x5000, R | W | A | D);
    s.sv39();
    s.hart.priv = PRV_S;
    s.bus.load(RAM + 0x5000, Uint8Array.of(1));
    s.bus.load(RAM + 0x6000, Uint8Array.of(2));
    expect(s.mmu.r(0x400000, 0, 1, 0)).toBeGreaterThan(0x1000); // a miss fills the TLB
    expect(s.mmu.tr[0x400 & 255]).toBe(0x400);
    s.map(0x400000, RAM + 0x6000, R | W | A | D);
    expect(s.mmu.read8(0x400000)).toBe(2); // helpers walk again; generated code would use the entry:
    expect(s.bus.u8[(0x400000 + s.mmu.to[0x400 & 255]) | 0]).toBe(2); // refilled by that walk
    s.map(0x400000, RAM + 0x5000, R | W | A | D);
    s.mmu.flush();
    expect(s.mmu.tr[0x400 & 255]).toBe(-1);
    expect(s.mmu.read8(0x400000)).toBe(1);
  });

  it('device pages go to their handler at every access, in the width the guest used', () => {
    const s = setup();
    const log: string[] = [];
    const dev: MmioDevice = { read: (off, size) => { log.push(`r${size}@${off}`); return 0x11223344; }, write: (off, size, v) => { log.push(`w${size}@${off}=${v.toString(16)}`); } };
    s.bus.map(0x10000000, 0x1000, dev, 'dev');
    expect(s.mmu.read32(0x10000004)).toBe(0x11223344);
    s.mmu.write16(0x10000008, 0xbeef);
    expect(s.mmu.read64(0x10000010)).toBe(0x1122334411223344n);
    expect(log).toEqual(['r4@4', 'w2@8=beef', 'r4@16', 'r4@20']);
    expect(s.mmu.tr[0x10000 & 255]).not.toBe(0x10000); // never in the TLB
  });

  it('an access crossing into an unmapped page faults before any byte is written', () => {
    const s = setup();
    s.map(0x400000, RAM + 0x5000, R | W | A | D);
    s.sv39();
    s.hart.priv = PRV_S;
    expect(() => s.mmu.write32(0x400ffe, 0xffffffff)).toThrow(GuestFault);
    expect([s.bus.u8[s.bus.ramOffset(RAM + 0x5ffe)!], s.bus.u8[s.bus.ramOffset(RAM + 0x5fff)!]]).toEqual([0, 0]);
  });
});
