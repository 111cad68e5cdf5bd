import { Cpu } from '../../src/core/cpu.js';
import type { Memory } from '../../src/core/memory/flat.js';

/**
 * x86 register numbering (IR register numbers; int32 indices into cpu.r are 2n):
 *   0..15   rax rcx rdx rbx rsp rbp rsi rdi r8..r15   i64 cached (i386 uses 0..7, low halves)
 *   16      CC_OP    i32 cached: the last flag-setting operation (flags.ts CcOp) and its size
 *   17..19  CC_DST, CC_SRC, CC_SRC2   i64 cached: its result and operands (see flags.ts)
 *   20      DF       i32 cached: the direction flag (0/1)
 *   21, 22  FS and GS bases  i64 cached
 *   23+2k, 24+2k  xmm k bits 0..63 and 64..127 (k < 16), i64 uncached: helpers reach them in cpu.r;
 *           k = 16, 17 are scratch registers that hold a memory operand for a helper
 */
export const CC_OP = 16;
export const CC_DST = 17;
export const CC_SRC = 18;
export const CC_SRC2 = 19;
export const DF = 20;
export const FS_BASE = 21;
export const GS_BASE = 22;
export const XMM0 = 23;
/** the scratch xmm registers (memory operands of SSE helpers) */
export const XTMP = 16;
export const NREGS = XMM0 + 36;
/** int32 index of xmm k's low word in cpu.r */
export const xmmIndex = (k: number) => 2 * (XMM0 + 2 * k);

/** the x87 unit (80-bit stack as softfloat extended values), kept outside the IR's registers */
export class X86Cpu extends Cpu {
  /** MXCSR (default: all exceptions masked, round to nearest) */
  mxcsr = 0x1f80;
  /** x87 control word, status word (without TOP), TOP, and tag bits (1 = empty) */
  fpuc = 0x37f;
  fpus = 0;
  fptop = 0;
  fptags = 0xff;
  /** x87 registers st(i) by physical index: 64-bit significand (lo, hi words) and sign+exponent */
  readonly fpm = new Int32Array(16);
  readonly fpe = new Int32Array(8);
  /** the GDT's TLS entries (i386 set_thread_area): base by entry 12..14, and the selector in %gs */
  readonly tlsBase = new Float64Array(3);
  readonly tlsUsed = new Uint8Array(3);
  gs = 0;
  fs = 0;
  constructor(mem: Memory, readonly bits: 32 | 64) {
    super(mem, NREGS * 2);
  }
}
