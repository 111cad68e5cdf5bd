/**
 * Guest memory, the flat model (user mode): one lazily committed 4 GiB buffer (a guest
 * address is an index) and a table of per-page flags. It implements the interface in
 * model.ts. Generated code reads `dv`/`perm` directly (flat-emit.ts, with the slow paths in
 * flat-hooks.ts); everything else uses the checked accessors below, which check every page an
 * access touches before any byte moves and throw the core's fault (`pageFault`/`alignFault`).
 */
import { endianness } from 'node:os';
import type { ExitRequester, FaultHooks, HiOut, MemoryEmitter, MemoryModel, WatchHook } from './model.js';
import { flatEmitter } from './flat-emit.js';
import { flatFaultHooks } from './flat-hooks.js';
import { Access, alignFault, pageFault } from '../exceptions.js';
import { PAGE_SHIFT, PAGE_SIZE, PAGE_MASK, PROT_R, PROT_W, PROT_X, PAGE_CODE, PAGE_MAPPED, PAGE_DIRTY, PAGE_WATCH } from './pages.js';

export { PAGE_SHIFT, PAGE_SIZE, PAGE_MASK, PROT_R, PROT_W, PROT_X, PAGE_CODE, PAGE_MAPPED, PAGE_DIRTY, PAGE_WATCH, pageUp } from './pages.js';
const NPAGES = 1 << (32 - PAGE_SHIFT);

const HOST_LE = endianness() === 'LE';
/** the permission bit each kind of access needs */
const NEED = [PROT_R, PROT_W, PROT_X]; // by Access: Read, Write, Fetch

/** Faults of checked accesses are core exceptions (src/core/exceptions.ts). */
export { GuestFault } from '../exceptions.js';

/** The faults accessors throw (src/core/exceptions.ts). */
export { alignFault, pageFault } from '../exceptions.js';

/** the environment names of the flat emitter's text (flat-emit.ts), in envValues() order */
const ENV_NAMES = ['dv', 'p', 'u8', 'i8', 'i16', 'u16', 'i32'] as const;

/**
 * A memory for the WebAssembly tier (src/core/backend/wasm) keeps everything wasm code
 * reaches in its one WebAssembly.Memory (Node 20 has no multi-memory): the page flags at
 * PERM_BASE and the CPUs' registers (Cpu constructor, regArea) in [REGS_BASE, PERM_BASE).
 * That range is reserved: never mapped (its flags stay 0, so guest accesses fault), the stack
 * ends below it (WASM_STACK_TOP).
 */
export const REGS_BASE = 0xffd00000;
export const PERM_BASE = 0xffef0000;
/** where the stack ends in a wasm memory (the loader's STACK_TOP otherwise) */
export const WASM_STACK_TOP = REGS_BASE;
const RESERVED_FIRST = REGS_BASE >>> PAGE_SHIFT;
const RESERVED_END = (PERM_BASE + NPAGES) >>> PAGE_SHIFT;

export class Memory implements MemoryModel {
  readonly buf: ArrayBuffer;
  readonly u8: Uint8Array;
  /** other views on the same bytes, for aligned accesses in generated code (host order) */
  readonly i8: Int8Array;
  readonly i16: Int16Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  readonly dv: DataView;
  readonly perm: Uint8Array;
  /** the highest page offset of read64w/write64w's fast path: -1 when byte orders differ */
  private readonly lim64: number;
  /** called with a page number when a write lands on a page holding translated code */
  onCodeWrite: (page: number) => void = () => {};
  readonly emitter: MemoryEmitter;
  readonly envNames: readonly string[] = ENV_NAMES;
  /** the wasm tier's memory (the same bytes as buf), when made with `wasm` */
  readonly wasmMemory?: WebAssembly.Memory;
  /** where the page flags are inside wasmMemory */
  readonly permBase?: number;
  /** the next free byte of the register area (regArea) */
  private regNext = REGS_BASE;
  constructor(readonly littleEndian = true, readonly wasm = false) {
    this.emitter = flatEmitter(littleEndian);
    this.lim64 = littleEndian === HOST_LE ? PAGE_SIZE - 8 : -1;
    if (wasm) {
      // 65536 pages of 64 KiB: the whole 4 GiB, reserved but committed only as touched
      this.wasmMemory = new WebAssembly.Memory({ initial: 65536, maximum: 65536 });
      this.permBase = PERM_BASE;
    }
    this.buf = this.wasmMemory ? this.wasmMemory.buffer : new ArrayBuffer(2 ** 32);
    this.u8 = new Uint8Array(this.buf);
    this.i8 = new Int8Array(this.buf);
    this.i16 = new Int16Array(this.buf);
    this.u16 = new Uint16Array(this.buf);
    this.i32 = new Int32Array(this.buf);
    this.dv = new DataView(this.buf);
    this.perm = wasm ? new Uint8Array(this.buf, PERM_BASE, NPAGES) : new Uint8Array(NPAGES);
  }

  /**
   * Room for a CPU's registers inside a wasm memory (32 header bytes precede byteOffset);
   * undefined without one or when the area is full (that CPU's code then stays JS).
   */
  regArea(bytes: number): { buffer: ArrayBuffer; byteOffset: number } | undefined {
    if (!this.wasm) return undefined;
    const size = (32 + bytes + 63) & ~63;
    if (this.regNext + size > PERM_BASE) return undefined;
    const at = this.regNext;
    this.regNext += size;
    this.u8.fill(0, at, at + size);
    return { buffer: this.buf, byteOffset: at + 32 };
  }
  /** The CPUs that had registers here are gone (the memory pool reuses it). */
  resetRegAreas(): void {
    this.regNext = REGS_BASE;
  }
  /** pages of the wasm layout's reserved range are never mapped */
  private reserved(p: number): boolean {
    return this.wasm && p >= RESERVED_FIRST && p < RESERVED_END;
  }

  // ---- the engine's side (model.ts MemoryModel) ------------------------------------

  envValues(): unknown[] {
    return [this.dv, this.perm, this.u8, this.i8, this.i16, this.u16, this.i32];
  }
  faultHooks(cpu: ExitRequester, onWatch?: WatchHook): FaultHooks {
    return flatFaultHooks(this, cpu, onWatch);
  }
  markCode(page: number, on: boolean): void {
    if (on) this.perm[page] |= PAGE_CODE;
    else this.perm[page] &= ~PAGE_CODE;
  }
  markWatch(page: number, on: boolean): void {
    if (on) this.perm[page] |= PAGE_WATCH;
    else this.perm[page] &= ~PAGE_WATCH;
  }
  peek(addr: number, len: number): Uint8Array | undefined {
    if (addr < 0 || addr + len > 2 ** 32 || !this.isMapped(addr, len)) return undefined;
    return this.u8.subarray(addr, addr + len);
  }

  // ---- mapping ------------------------------------------------------------------------

  /** Map [addr, addr+len) with protection `prot` (PROT_* bits), zero-filled. */
  map(addr: number, len: number, prot: number): void {
    const first = addr >>> PAGE_SHIFT;
    const last = (addr + len - 1) >>> PAGE_SHIFT;
    for (let p = first; p <= last; p++) {
      if (this.reserved(p)) continue;
      this.clearPage(p);
      this.perm[p] = PAGE_MAPPED | (prot & 7) | (prot & PROT_W ? PAGE_DIRTY : 0);
    }
  }

  unmap(addr: number, len: number): void {
    const first = addr >>> PAGE_SHIFT;
    const last = (addr + len - 1) >>> PAGE_SHIFT;
    for (let p = first; p <= last; p++) {
      if (this.reserved(p)) continue;
      this.clearPage(p);
      this.perm[p] = 0;
    }
  }

  /** Change protection; returns false when part of the range is not mapped (ENOMEM). */
  protect(addr: number, len: number, prot: number): boolean {
    const first = addr >>> PAGE_SHIFT;
    const last = (addr + len - 1) >>> PAGE_SHIFT;
    for (let p = first; p <= last; p++) if (!(this.perm[p] & PAGE_MAPPED)) return false;
    for (let p = first; p <= last; p++) {
      const old = this.perm[p];
      if (old & PAGE_CODE) this.onCodeWrite(p);
      this.perm[p] = PAGE_MAPPED | (prot & 7) | (old & PAGE_DIRTY) | (prot & PROT_W ? PAGE_DIRTY : 0);
    }
    return true;
  }

  private clearPage(p: number): void {
    const f = this.perm[p];
    if (f & PAGE_CODE) this.onCodeWrite(p);
    if (f & PAGE_DIRTY || f & PAGE_MAPPED) this.u8.fill(0, p << PAGE_SHIFT >>> 0, ((p + 1) << PAGE_SHIFT) >>> 0 || 2 ** 32);
  }

  isMapped(addr: number, len: number): boolean {
    const first = addr >>> PAGE_SHIFT;
    const last = (addr + len - 1) >>> PAGE_SHIFT;
    for (let p = first; p <= last; p++) if (!(this.perm[p] & PAGE_MAPPED)) return false;
    return true;
  }

  // ---- checked access (syscalls, helpers, loader) ------------------------------------

  /**
   * Throws the fault unless every byte of [addr, addr+len) allows `prot` (PROT_* bits); the
   * fault names the first byte not allowed. A write check also invalidates translated code on
   * the pages (they are about to change).
   */
  check(addr: number, len: number, prot: number): void {
    if (len <= 0) return;
    const access = prot & PROT_W ? Access.Write : prot & PROT_X ? Access.Fetch : Access.Read;
    if (addr < 0 || addr + len > 2 ** 32) throw pageFault(addr >>> 0, access, false);
    const first = addr >>> PAGE_SHIFT;
    const last = (addr + len - 1) >>> PAGE_SHIFT;
    for (let p = first; p <= last; p++) {
      const f = this.perm[p];
      if ((f & prot) !== prot) throw pageFault(Math.max(addr, p << PAGE_SHIFT >>> 0), access, (f & PAGE_MAPPED) !== 0);
    }
    if (prot & PROT_W) for (let p = first; p <= last; p++) if (this.perm[p] & PAGE_CODE) this.onCodeWrite(p);
  }
  /** Like check() (PROT_* bits) but answers instead of throwing. */
  ok(addr: number, len: number, prot: number): boolean {
    if (len <= 0) return true;
    if (addr < 0 || addr + len > 2 ** 32) return false;
    for (let p = addr >>> PAGE_SHIFT; p <= (addr + len - 1) >>> PAGE_SHIFT; p++) if ((this.perm[p] & prot) !== prot) return false;
    return true;
  }
  faultAt(addr: number, len: number, access: Access): { addr: number; mapped: boolean } | undefined {
    const prot = NEED[access];
    if (len <= 0) return undefined;
    if (addr < 0 || addr + len > 2 ** 32) return { addr: Math.max(addr, 2 ** 32 - 1) >>> 0, mapped: false };
    for (let p = addr >>> PAGE_SHIFT; p <= (addr + len - 1) >>> PAGE_SHIFT; p++) {
      const f = this.perm[p];
      if ((f & prot) !== prot) return { addr: Math.max(addr, p << PAGE_SHIFT >>> 0), mapped: (f & PAGE_MAPPED) !== 0 };
    }
    return undefined;
  }
  /** Does every byte of [addr, addr+len) allow `access`? */
  allows(addr: number, len: number, access: Access): boolean {
    return this.ok(addr, len, NEED[access]);
  }
  probe(addr: number, len: number, access: Access): void {
    this.check(addr, len, NEED[access]);
  }

  /** Instruction fetch: execute permission on both bytes (or all four). */
  fetch16(a: number): number { this.check(a, 2, PROT_X); return this.dv.getUint16(a, this.littleEndian); }
  fetch32(a: number): number { this.check(a, 4, PROT_X); return this.dv.getUint32(a, this.littleEndian); }

  /**
   * 64 bits as int32 words: the low word returned, the high word in out.rhi. The address must
   * be unsigned. Fast: word-aligned within one page (`lim64` is -1 when guest and host byte
   * order differ, so nothing passes), on a plainly readable page. Kept this small so that V8
   * inlines it into helpers and helpers into generated code.
   */
  read64w(a: number, out: HiOut, align?: number): number {
    if ((a & 3) === 0 && (a & PAGE_MASK) <= this.lim64 && (this.perm[a >>> PAGE_SHIFT] & (PROT_R | PAGE_WATCH)) === PROT_R) {
      out.rhi = this.i32[(a >>> 2) + 1];
      return this.i32[a >>> 2];
    }
    return this.read64wSlow(a, out, align);
  }
  /** read64w's checked path (kept apart so that the fast path stays small enough for V8 to inline) */
  private read64wSlow(a: number, out: HiOut, align = 0): number {
    if (align > 1 && a & (align - 1)) throw alignFault(a, Access.Read);
    this.check(a, 8, PROT_R);
    const le = this.littleEndian;
    const x = this.dv.getInt32(a, le), y = this.dv.getInt32(a + 4, le);
    out.rhi = le ? y : x;
    return le ? x : y;
  }
  /** 64 bits given as int32 words; both pages are checked before anything is written. */
  write64w(a: number, lo: number, hi: number, align?: number): void {
    if ((a & 3) === 0 && (a & PAGE_MASK) <= this.lim64 && (this.perm[a >>> PAGE_SHIFT] & (PROT_W | PAGE_CODE | PAGE_WATCH)) === PROT_W) {
      this.i32[a >>> 2] = lo;
      this.i32[(a >>> 2) + 1] = hi;
      return;
    }
    this.write64wSlow(a, lo, hi, align);
  }
  /** write64w's checked path (apart, as read64wSlow) */
  private write64wSlow(a: number, lo: number, hi: number, align = 0): void {
    if (align > 1 && a & (align - 1)) throw alignFault(a, Access.Write);
    this.check(a, 8, PROT_W);
    const le = this.littleEndian;
    this.dv.setInt32(a, le ? lo : hi, le);
    this.dv.setInt32(a + 4, le ? hi : lo, le);
  }

  read8(a: number): number { this.check(a, 1, PROT_R); return this.u8[a]; }
  read16(a: number): number { this.check(a, 2, PROT_R); return this.dv.getUint16(a, this.littleEndian); }
  read32(a: number): number { this.check(a, 4, PROT_R); return this.dv.getUint32(a, this.littleEndian); }
  read64(a: number): bigint { this.check(a, 8, PROT_R); return this.dv.getBigUint64(a, this.littleEndian); }
  write8(a: number, v: number): void { this.check(a, 1, PROT_W); this.u8[a] = v; }
  write16(a: number, v: number): void { this.check(a, 2, PROT_W); this.dv.setUint16(a, v, this.littleEndian); }
  write32(a: number, v: number): void { this.check(a, 4, PROT_W); this.dv.setUint32(a, v >>> 0, this.littleEndian); }
  write64(a: number, v: bigint): void { this.check(a, 8, PROT_W); this.dv.setBigUint64(a, BigInt.asUintN(64, v), this.littleEndian); }

  /** A copy of guest bytes. */
  readBytes(a: number, len: number): Uint8Array {
    this.check(a, len, PROT_R);
    return this.u8.slice(a, a + len);
  }
  /** A view on guest bytes (no copy), checked for `prot`. */
  view(a: number, len: number, prot = PROT_R): Uint8Array {
    this.check(a, len, prot);
    return this.u8.subarray(a, a + len);
  }
  writeBytes(a: number, data: Uint8Array): void {
    this.check(a, data.length, PROT_W);
    this.u8.set(data, a);
  }
  /** Write without permission checks (the loader filling read-only segments). */
  poke(a: number, data: Uint8Array): void {
    for (let p = a >>> PAGE_SHIFT; p <= (a + data.length - 1) >>> PAGE_SHIFT; p++) {
      if (this.perm[p] & PAGE_CODE) this.onCodeWrite(p);
      this.perm[p] |= PAGE_DIRTY;
    }
    this.u8.set(data, a);
  }
  /** NUL-terminated string (at most `max` bytes), decoded as UTF-8. */
  readCString(a: number, max = 4096): string {
    return Buffer.from(this.readCBytes(a, max)).toString('utf8');
  }
  readCBytes(a: number, max = 4096): Uint8Array {
    let end = a;
    for (;;) {
      if ((end & PAGE_MASK) === 0 || end === a) this.check(end, 1, PROT_R);
      if (this.u8[end] === 0) break;
      if (++end - a >= max) throw pageFault(end, Access.Read, false); // caller maps to ENAMETOOLONG
    }
    return this.u8.slice(a, end);
  }
}
