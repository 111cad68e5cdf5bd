/**
 * The memory model of a system-mode RISC-V hart: a software TLB in front of the page-table
 * walk (targets/riscv/priv/walk.ts) and the board's physical bus (bus.ts).
 *
 * The TLB is direct-mapped, TLB_SIZE entries, typed arrays that generated code reads inline
 * (softmmu-emit.ts): a read tag, a write tag and the offset from virtual address to host
 * buffer. Only RAM and ROM pages enter it; device pages always take the slow path, which
 * calls the device's handler (the "I/O bit" is the absence of an entry). A page holding
 * translated code never gets a write tag, so a store to it reaches the slow path, which
 * drops the code first (self-modifying code, and a kernel loading programs).
 *
 * Faults are the core's GuestFault with the RISC-V meaning in FaultCause: Protection for a
 * page fault, Unmapped for an access fault (no memory or device there; a PTE outside RAM).
 */
import { Access, Excp, FaultCause, GuestFault, alignFault } from '../core/exceptions.js';
import type { ExitRequester, FaultHooks, HiOut, MemoryModel } from '../core/memory/model.js';
import { walk, WalkFault, type PhysPtes } from '../../targets/riscv/priv/walk.js';
import type { RiscvHart } from '../../targets/riscv/priv/hart.js';
import { Bus, SCRATCH, type Region } from './bus.js';
import { TLB_SIZE, softmmuEmitter } from './softmmu-emit.js';

const MASK = TLB_SIZE - 1;

/** a translated access: the physical address and the region holding it */
interface Phys {
  pa: number;
  region: Region;
}

export class SoftMmu implements MemoryModel, PhysPtes {
  readonly littleEndian = true;
  readonly emitter = softmmuEmitter();
  readonly envNames = ['TR', 'TW', 'TO', 'M', 'u8', 'i8', 'u16', 'i16', 'i32', 'dv'];
  readonly tr = new Int32Array(TLB_SIZE).fill(-1);
  readonly tw = new Int32Array(TLB_SIZE).fill(-1);
  readonly to = new Int32Array(TLB_SIZE);
  /** the physical page of each entry (to drop write tags when a page gets code) */
  private readonly tp = new Int32Array(TLB_SIZE).fill(-1);
  private readonly u8: Uint8Array;
  private readonly dv: DataView;
  /** physical pages holding translated code -> the virtual pages the code cache knows them by */
  private readonly code = new Map<number, Set<number>>();
  /** a store staged in the scratch page, delivered by post() */
  private pending: Phys[] = [];
  private pendingSize = 0;
  private hart!: RiscvHart;
  onCodeWrite: (page: number) => void = () => {};

  constructor(readonly bus: Bus) {
    this.u8 = bus.u8;
    this.dv = bus.dv;
  }

  /** the hart whose privilege and satp translate addresses */
  attach(hart: RiscvHart): void {
    this.hart = hart;
  }

  envValues(): unknown[] {
    const b = this.bus.buf;
    return [this.tr, this.tw, this.to, this, this.u8, new Int8Array(b), new Uint16Array(b), new Int16Array(b), new Int32Array(b), this.dv];
  }

  /** drop every cached translation */
  flush(): void {
    this.tr.fill(-1);
    this.tw.fill(-1);
    this.tp.fill(-1);
  }

  // --- translation -------------------------------------------------------------------------

  /** Translate va for access, or throw the fault (pc: the instruction's, -1 from a helper). */
  private translate(va: number, access: Access, pc: number): Phys {
    const w = walk(this.hart, va, access, this);
    if (typeof w === 'number') throw fault(va, access, pc, w === WalkFault.Page);
    const pa = ((w.ppage << 12) | (va & 0xfff)) >>> 0;
    const region = this.bus.find(pa);
    if (!region || (access === Access.Write && region.readonly) || (access === Access.Fetch && region.dev)) {
      throw fault(va, access, pc, false);
    }
    if (region.host !== undefined) this.fill(va >>> 12, w.ppage, region, w.read, w.write && !region.readonly);
    return { pa, region };
  }

  private fill(vpage: number, ppage: number, region: Region, read: boolean, write: boolean): void {
    const i = vpage & MASK;
    const host = region.host! + ((ppage << 12) >>> 0) - region.base;
    this.to[i] = (host - (vpage << 12)) | 0;
    this.tp[i] = ppage;
    this.tr[i] = read ? vpage : -1;
    this.tw[i] = write && !this.code.has(ppage) ? vpage : -1;
  }

  private hostOf(p: Phys): number {
    return p.region.host! + (p.pa - p.region.base);
  }

  /** the physical pieces of an access (two when it crosses a page), all checked first */
  private pieces(va: number, size: number, access: Access, pc: number): Phys[] {
    const first = this.translate(va, access, pc);
    if ((va & 0xfff) + size <= 0x1000) return [first];
    const next = ((va | 0xfff) + 1) >>> 0;
    return [first, this.translate(next, access, pc)];
  }

  // --- slow paths of generated code (M.r, M.w, M.post) ---------------------------------------

  /** a load the TLB did not answer: the host offset to load from */
  r(va: number, pc: number, size: number, align: number): number {
    if (align > 1 && va & (align - 1)) throw alignFault(va, Access.Read, pc);
    const ps = this.pieces(va, size, Access.Read, pc);
    if (ps.length === 1 && ps[0].region.host !== undefined) return this.hostOf(ps[0]);
    // a device, or bytes on two pages: staged in the scratch page
    this.readPieces(ps, va, size);
    return 0;
  }

  /** a store the TLB did not take: the host offset to store to (the scratch page: then post()) */
  w(va: number, pc: number, size: number, align: number): number {
    if (align > 1 && va & (align - 1)) throw alignFault(va, Access.Write, pc);
    const ps = this.pieces(va, size, Access.Write, pc);
    for (const p of ps) if (p.region.host !== undefined) this.codeWritten(p.pa >>> 12, va);
    if (ps.length === 1 && ps[0].region.host !== undefined) {
      // the page may now enter the TLB for writes (its code was just dropped)
      const page = ps[0].pa >>> 12;
      const i = (va >>> 12) & MASK;
      if (this.tp[i] === page && this.tr[i] === va >>> 12) this.tw[i] = va >>> 12;
      return this.hostOf(ps[0]);
    }
    this.pending = ps;
    this.pendingSize = size;
    return 0;
  }

  /** deliver the store staged in the scratch page */
  post(): void {
    const ps = this.pending;
    const size = this.pendingSize;
    this.pending = [];
    if (ps.length === 1) return this.writeDev(ps[0], 0, size);
    const n0 = 0x1000 - (ps[0].pa & 0xfff);
    for (let k = 0; k < size; k++) {
      const p = k < n0 ? { pa: ps[0].pa + k, region: ps[0].region } : { pa: ps[1].pa + (k - n0), region: ps[1].region };
      if (p.region.host !== undefined) this.u8[this.hostOf(p)] = this.u8[k];
      else p.region.dev!.write(p.pa - p.region.base, 1, this.u8[k]);
    }
  }

  private readPieces(ps: Phys[], va: number, size: number): void {
    if (ps.length === 1) {
      const p = ps[0];
      const dev = p.region.dev!;
      const off = p.pa - p.region.base;
      if (size === 8) {
        this.dv.setInt32(0, dev.read(off, 4), true);
        this.dv.setInt32(4, dev.read(off + 4, 4), true);
      } else this.dv.setInt32(0, dev.read(off, size), true);
      return;
    }
    const n0 = 0x1000 - (va & 0xfff);
    for (let k = 0; k < size; k++) {
      const base = k < n0 ? ps[0] : ps[1];
      const p = { pa: base.pa + (k < n0 ? k : k - n0), region: base.region };
      this.u8[k] = p.region.host !== undefined ? this.u8[this.hostOf(p)] : p.region.dev!.read(p.pa - p.region.base, 1);
    }
  }

  private writeDev(p: Phys, at: number, size: number): void {
    const dev = p.region.dev!;
    const off = p.pa - p.region.base;
    if (size === 8) {
      dev.write(off, 4, this.dv.getInt32(at, true) >>> 0);
      dev.write(off + 4, 4, this.dv.getInt32(at + 4, true) >>> 0);
    } else dev.write(off, size, size === 4 ? this.dv.getInt32(at, true) >>> 0 : size === 2 ? this.dv.getUint16(at, true) : this.u8[at]);
  }

  /** a store reaches physical page `ppage`: drop the code translated from it */
  private codeWritten(ppage: number, _va: number): void {
    const vpages = this.code.get(ppage);
    if (!vpages) return;
    for (const v of [...vpages]) this.onCodeWrite(v);
    this.code.delete(ppage);
  }

  // --- the code cache's page marks --------------------------------------------------------------

  markCode(vpage: number, on: boolean): void {
    const w = walk(this.hart, (vpage << 12) >>> 0, Access.Fetch, this, false);
    if (typeof w === 'number') return;
    const ppage = w.ppage;
    let set = this.code.get(ppage);
    if (on) {
      if (!set) this.code.set(ppage, (set = new Set()));
      set.add(vpage);
      for (let i = 0; i < TLB_SIZE; i++) if (this.tp[i] === ppage) this.tw[i] = -1;
    } else if (set) {
      set.delete(vpage);
      if (set.size === 0) this.code.delete(ppage);
    }
  }
  /** Forget every code mark (the code cache was cleared). */
  clearCode(): void {
    this.code.clear();
  }
  markWatch(): void {
    // watchpoints in system mode: not yet (the gdb stub is user-mode only for now)
  }

  peek(addr: number, len: number): Uint8Array | undefined {
    const w = walk(this.hart, addr, Access.Read, this, false);
    if (typeof w === 'number') return undefined;
    const pa = ((w.ppage << 12) | (addr & 0xfff)) >>> 0;
    const r = this.bus.find(pa);
    if (r?.host === undefined || pa - r.base + len > r.size) return undefined;
    return this.u8.subarray(r.host + pa - r.base, r.host + pa - r.base + len);
  }

  // --- page-table entries (PhysPtes) ---------------------------------------------------------------

  readPte(pa: number): bigint | undefined {
    const o = this.bus.ramOffset(pa);
    return o === undefined ? undefined : this.dv.getBigUint64(o, true);
  }
  writePte(pa: number, v: bigint): void {
    const o = this.bus.ramOffset(pa);
    if (o !== undefined) {
      this.codeWritten(pa >>> 12, pa);
      this.dv.setBigUint64(o, v, true);
    }
  }

  // --- GuestMemory: helpers (AMOs, FP), the translator's fetches, loaders --------------------------

  faultHooks(cpu: ExitRequester): FaultHooks {
    const exit = () => { const e = cpu.exitRequest !== 0; cpu.exitRequest = 0; return e; };
    return {
      r: (a, pc, size = 1, align = 0) => { this.r(a, pc, size, align); return exit(); },
      w: (a, pc, size, align = 0) => { this.w(a, pc, size, align); this.pending = []; return exit(); },
    };
  }

  probe(addr: number, len: number, access: Access): void {
    if (access === Access.Fetch) this.fetchPieces(addr, len);
    else this.pieces(addr, len, access, -1);
  }
  allows(addr: number, len: number, access: Access): boolean {
    return this.faultAt(addr, len, access) === undefined;
  }
  faultAt(addr: number, len: number, access: Access): { addr: number; mapped: boolean } | undefined {
    try {
      this.probe(addr, len, access);
      return undefined;
    } catch (e) {
      if (!(e instanceof GuestFault)) throw e;
      return { addr: e.addr, mapped: e.detail === FaultCause.Protection };
    }
  }

  private fetchPieces(va: number, size: number): Phys[] {
    const ps = this.pieces(va, size, Access.Fetch, va);
    for (const p of ps) if (p.region.host === undefined) throw fault(va, Access.Fetch, va, false);
    return ps;
  }

  private load(a: number, size: number): number {
    const o = this.r(a, -1, size, 0);
    return size === 1 ? this.u8[o] : size === 2 ? this.dv.getUint16(o, true) : this.dv.getUint32(o, true);
  }
  private store(a: number, size: number, v: number): void {
    const o = this.w(a, -1, size, 0);
    if (size === 1) this.u8[o] = v;
    else if (size === 2) this.dv.setUint16(o, v, true);
    else this.dv.setUint32(o, v >>> 0, true);
    if (o < SCRATCH) this.post();
  }

  read8(a: number): number { return this.load(a, 1); }
  read16(a: number): number { return this.load(a, 2); }
  read32(a: number): number { return this.load(a, 4); }
  read64(a: number): bigint {
    const o = this.r(a, -1, 8, 0);
    return this.dv.getBigUint64(o, true);
  }
  read64w(a: number, out: HiOut, align = 0): number {
    const o = this.r(a, -1, 8, align);
    out.rhi = this.dv.getInt32(o + 4, true);
    return this.dv.getInt32(o, true);
  }
  write8(a: number, v: number): void { this.store(a, 1, v); }
  write16(a: number, v: number): void { this.store(a, 2, v); }
  write32(a: number, v: number): void { this.store(a, 4, v); }
  write64(a: number, v: bigint): void {
    const o = this.w(a, -1, 8, 0);
    this.dv.setBigUint64(o, BigInt.asUintN(64, v), true);
    if (o < SCRATCH) this.post();
  }
  write64w(a: number, lo: number, hi: number, align = 0): void {
    const o = this.w(a, -1, 8, align);
    this.dv.setInt32(o, lo, true);
    this.dv.setInt32(o + 4, hi, true);
    if (o < SCRATCH) this.post();
  }
  readBytes(a: number, len: number): Uint8Array {
    const out = new Uint8Array(len);
    for (let k = 0; k < len; k++) out[k] = this.read8(a + k);
    return out;
  }
  writeBytes(a: number, data: Uint8Array): void {
    for (let k = 0; k < data.length; k++) this.write8(a + k, data[k]);
  }

  fetch16(a: number): number {
    const [p] = this.fetchPieces(a, 2);
    if ((a & 0xfff) === 0xfff) return this.u8[this.hostOf(p)] | (this.fetch8(a + 1) << 8);
    return this.dv.getUint16(this.hostOf(p), true);
  }
  private fetch8(a: number): number {
    return this.u8[this.hostOf(this.fetchPieces(a, 1)[0])];
  }
  fetch32(a: number): number {
    return (this.fetch16(a) | (this.fetch16(a + 2) << 16)) >>> 0;
  }
}

/** a page fault (`page`) or an access fault at va */
function fault(va: number, access: Access, pc: number, page: boolean): GuestFault {
  return new GuestFault(Excp.PageFault, va >>> 0, access, pc, page ? FaultCause.Protection : FaultCause.Unmapped);
}
