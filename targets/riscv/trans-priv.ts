/**
 * Privileged instructions: mret, sret, wfi, sfence.vma. They exist only in system mode
 * (RvCtx.sys); in user mode they are illegal instructions, as under qemu-riscv64. Each is a
 * helper (targets/riscv/priv/helpers.ts) that may change the privilege level, the pending
 * interrupts or the TLB, so it asks the running region to return (Cpu.requestExit) and the
 * block ends here: the next block is looked up in the new translation mode.
 */
import type { Args_rs1_rs2, TransTable } from './decoder.generated.js';
import type { RvCtx } from './ctx.js';

/** mret/sret: the helper returns the pc to resume at (or throws the illegal-instruction trap) */
function xret(name: string) {
  return (c: RvCtx): boolean => {
    if (!c.sys) return false;
    c.b.jind(c.b.trunc(c.call(name, 'i64', [])));
    return true;
  };
}

export const transPriv = {
  mret: xret('rv_mret'),
  sret: xret('rv_sret'),
  wfi(c) {
    if (!c.sys) return false;
    c.call('rv_wfi', null, []);
    c.b.jmp(c.next);
    return true;
  },
  sfence_vma(c, a: Args_rs1_rs2) {
    if (!c.sys) return false;
    c.call('rv_sfence_vma', null, [c.x32(a.rs1), c.k32(a.rs1 === 0 ? 0 : 1)]);
    c.b.jmp(c.next);
    return true;
  },
} satisfies Partial<TransTable<RvCtx>>;
