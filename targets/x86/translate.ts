/**
 * The x86 block translator on the shared loop (src/core/frontend/translate-loop.ts): bytes
 * are fetched one at a time with execute permission, so an instruction that runs into an
 * unreadable page ends the block exactly there (a fetch fault at that byte when it is the
 * block's first instruction); decode.ts walks the opcode tables and the handler named after
 * the mnemonic emits IR.
 */
import { Access, FaultCause } from '../../src/core/exceptions.js';
import type { IrBuilder } from '../../src/core/ir.js';
import type { GuestMemory } from '../../src/core/memory/model.js';
import { translateLoop, type Fetched, type FrontendLoop } from '../../src/core/frontend/translate-loop.js';
import type { Memory } from '../../src/core/memory/flat.js';
import { X86Ctx } from './ctx.js';
import { decode, type Insn } from './decode.js';
import { asmLine, disasmInsn } from './disasm.js';
import { transAlu, type Handler } from './trans-alu.js';
import { transAtomic } from './trans-atomic.js';
import { transBits } from './trans-bits.js';
import { transBranch } from './trans-branch.js';
import { transMove } from './trans-move.js';
import { transSse } from './trans-sse.js';
import { transString } from './trans-string.js';
import { transSystem } from './trans-system.js';
import { transFx, transX87 } from './trans-x87.js';
import { transMmx } from './trans-mmx.js';

export const trans: Record<string, Handler> = {
  ...transAlu, ...transMove, ...transBranch, ...transString, ...transBits, ...transAtomic, ...transSystem, ...transSse, ...transFx,
};

/** the byte at a, or -1 when it cannot be executed */
export function fetchByte(mem: GuestMemory, a: number): number {
  return mem.allows(a, 1, Access.Fetch) ? mem.read8(a) : -1;
}

/** Translate the block at pc into b; returns where it ends and how many instructions it has. */
export function translateX86(b: IrBuilder, mem: GuestMemory, pc: number, maxInsns: number, bits: 32 | 64): { end: number; ninsns: number } {
  const c = new X86Ctx(b, bits);
  let cur: Insn | undefined;
  const bytes: number[] = [];
  const loop: FrontendLoop<X86Ctx> = {
    keyBits: 0,
    fetch(m, addr): Fetched {
      const d = decode((a) => fetchByte(m, a), addr, bits);
      if ('fault' in d) {
        const at = (addr + d.fault) >>> 0;
        const f = m.faultAt(at, 1, Access.Fetch);
        return { fault: at, code: f && f.mapped ? FaultCause.Protection : FaultCause.Unmapped };
      }
      cur = 'mnem' in d ? d : undefined;
      const len = 'mnem' in d ? d.len : d.len;
      if (b.wantAsm) { bytes.length = 0; for (let k = 0; k < len; k++) bytes.push(fetchByte(m, (addr + k) >>> 0)); }
      return { insn: 0, len };
    },
    begin(ctx, addr, _insn, len) { ctx.pc = addr; ctx.len = len; if (cur) ctx.insn = cur; },
    disasm(_ctx, addr) {
      return asmLine(addr, bytes, cur ? disasmInsn(cur, addr, bits) : '(bad)');
    },
    translate(ctx) {
      if (!cur) return false;
      if (cur.map === '1' && cur.opcode >= 0xd8 && cur.opcode <= 0xdf) return transX87(ctx, cur);
      if (cur.ops.some((o) => o.k === 'mm')) return transMmx(ctx, cur);
      const h = trans[cur.mnem];
      return !!h && h(ctx, cur);
    },
    illegal: (ctx) => ctx.illegal(),
  };
  return translateLoop(b, mem as Memory, pc, maxInsns, c, loop);
}
