/**
 * The guest memory interface: what the rest of the system (helpers, frontends, syscalls, the
 * loader) uses to reach guest memory, and what the backend needs to emit inline accesses.
 *
 * A machine picks one model. User mode uses the flat model (flat.ts: one 4 GiB buffer indexed
 * by the guest address plus a table of page flags, accesses checked inline by generated code);
 * system mode will plug in a software TLB (virtual page -> host offset, with an I/O bit that
 * routes device pages to MMIO handlers). Both answer the same accessors, and each brings its
 * own `MemoryEmitter` for the text of generated loads and stores and its own `FaultHooks` for
 * their slow paths.
 *
 * Every checked access covers all the bytes it touches: an access that straddles a page
 * boundary is checked on both pages before any byte moves, so a faulting store writes
 * nothing. A fault is thrown as the core's fault object (see `pageFault`/`alignFault` in
 * flat.ts) carrying the first byte that may not be accessed.
 */

/** What an access does: load, store, or instruction fetch (needs execute permission). */
import { Access } from '../exceptions.js';
export { Access };

/** A sink for the high half of a 64-bit value returned as (lo, hi) int32 words (the Cpu). */
export interface HiOut {
  rhi: number;
}

export interface GuestMemory {
  readonly littleEndian: boolean;

  /** Throws the core's fault unless every byte of [addr, addr+len) allows `access`. */
  probe(addr: number, len: number, access: Access): void;
  /** Like probe() but answers instead of throwing. */
  allows(addr: number, len: number, access: Access): boolean;
  /**
   * Where probe() would fault: the first byte of [addr, addr+len) that does not allow
   * `access`, and whether its page is mapped at all; undefined when the access is allowed.
   * (Frontends use it on instruction fetch to end a block with the fault.)
   */
  faultAt(addr: number, len: number, access: Access): { addr: number; mapped: boolean } | undefined;

  read8(a: number): number;
  /** unsigned 16/32-bit values */
  read16(a: number): number;
  read32(a: number): number;
  read64(a: number): bigint;
  /**
   * 64 bits as int32 words at the unsigned address `a`: the low word is returned, the high
   * word left in `out.rhi`. `align` (> 1): the alignment the architecture requires (alignment fault first otherwise).
   */
  read64w(a: number, out: HiOut, align?: number): number;
  write8(a: number, v: number): void;
  write16(a: number, v: number): void;
  write32(a: number, v: number): void;
  write64(a: number, v: bigint): void;
  /** 64 bits given as int32 words (`align` as for read64w) */
  write64w(a: number, lo: number, hi: number, align?: number): void;
  readBytes(a: number, len: number): Uint8Array;
  writeBytes(a: number, data: Uint8Array): void;

  /** Instruction fetch (execute permission on every byte). */
  fetch16(a: number): number;
  fetch32(a: number): number;

  /** called with a page number when a write lands on a page holding translated code */
  onCodeWrite: (page: number) => void;

  /**
   * Where a CPU's registers (`bytes` of them, 32 header bytes before) should live so that
   * compiled code can reach them (the wasm tier: inside the wasm memory); undefined: anywhere.
   */
  regArea?(bytes: number): { buffer: ArrayBuffer; byteOffset: number } | undefined;
}

/**
 * The slow paths generated loads and stores call (the `F` object of generated code). Both
 * are called with the access size and check every page the access touches.
 */
export interface FaultHooks {
  // `align` (when given, > 1): the access must be aligned to it (alignment fault first)
  /**
   * a load that the inline test did not let through (no read permission, crossing a page
   * boundary, a watched page): throws the fault, or returns whether the running region must
   * return at its next block boundary (an exit request) — the load then goes ahead inline
   */
  r(addr: number, pc: number, size?: number, align?: number): boolean | void;
  /**
   * likewise for a store (also: a page holding translated code, which is invalidated first):
   * throws, or returns true when the region must return at its next block boundary
   */
  w(addr: number, pc: number, size: number, align?: number): boolean;
}

/** One IR load to emit: the address is already in the local `ea`. */
export interface LoadEmit {
  /** JS names of the destination: [value] for i32, [lo, hi] for i64 */
  dest: [string] | [string, string];
  size: number;
  signed: boolean;
  /** guest pc of the instruction (for the fault) as JS text */
  pc: string;
}

/** One IR store to emit: the address is already in the local `ea`. */
export interface StoreEmit {
  /** the value as JS int32 expressions (hi only matters for size 8) */
  lo: string;
  hi: string;
  size: number;
  pc: string;
}

/**
 * How a memory model's loads and stores look in generated code. The statements may use the
 * region's locals `ea` and `bud` (set bud = 0 to make the region return at its next block
 * boundary) and the environment names the model lists in `names`.
 */
export interface MemoryEmitter {
  /**
   * statements for `ea = addr` plus the access check (`align` > 1: the alignment the
   * architecture requires of this access, checked first)
   */
  check(addr: string, size: number, write: boolean, pc: string, watch: boolean, align?: number): string;
  load(l: LoadEmit): string;
  store(s: StoreEmit): string;
}

/** the part of the CPU the slow paths use: its exit request (Cpu.exitRequest) */
export interface ExitRequester {
  exitRequest: number;
}

/** Called for an access to a watched page (the debugger), before the access happens. */
export type WatchHook = (addr: number, size: number, pc: number, write: boolean) => void;

/**
 * A machine's memory as the engine sees it: the accessors, plus how generated code reaches it
 * (the emitter's text, the environment names that text uses, the slow paths) and the page
 * bookkeeping the code cache and the debugger need. The flat model (flat.ts) is one; a
 * system-mode software TLB is another.
 */
export interface MemoryModel extends GuestMemory {
  /** how loads and stores look in generated code */
  readonly emitter: MemoryEmitter;
  /**
   * the names the emitter's text uses besides `F` (the slow paths) and `ea`/`bud`, bound as
   * parameters of compiled code, in the order of envValues()
   */
  readonly envNames: readonly string[];
  envValues(): unknown[];
  /** the slow paths (`F`) of generated loads and stores for one CPU */
  faultHooks(cpu: ExitRequester, onWatch?: WatchHook): FaultHooks;
  /** Mark (or unmark) a page as holding translated code: stores to it then reach onCodeWrite. */
  markCode(page: number, on: boolean): void;
  /** Mark (or unmark) a page as holding a watched byte (code compiled with watch checks takes the slow path there). */
  markWatch(page: number, on: boolean): void;
  /** Guest bytes as they are, whatever the protection (a view; undefined where nothing is mapped). */
  peek(addr: number, len: number): Uint8Array | undefined;
}
