/**
 * Sv39/Sv48 address translation of a RISC-V hart (privileged spec, "Supervisor-Level ISA",
 * virtual-memory systems): the page-table walk with its permission checks by privilege
 * (U pages, SUM, MXR) and the hardware update of the A and D bits, as qemu does it.
 *
 * Virtual addresses arrive as the core's 32-bit guest addresses and are sign-extended: code
 * and data within 2 GiB of either end of the address space translate (see the report of
 * issue 13: a 64-bit pc in the core lifts this).
 */
import { Access } from '../../../src/core/exceptions.js';
import { MSTATUS, PRV_M, PRV_S, PRV_U, type RiscvHart } from './hart.js';

/** Physical memory as the walker reads and updates page-table entries (undefined: no RAM there). */
export interface PhysPtes {
  readPte(pa: number): bigint | undefined;
  writePte(pa: number, v: bigint): void;
}

/** A translation: the physical page (number, 4 KiB) and what this privilege may do there. */
export interface Walked {
  ppage: number;
  read: boolean;
  write: boolean;
  exec: boolean;
}

/** Why a translation failed: a page fault, or an access fault (a PTE outside RAM). */
export const enum WalkFault {
  Page = 1,
  Access = 2,
}

const PTE_V = 1n, PTE_R = 2n, PTE_W = 4n, PTE_X = 8n, PTE_U = 16n, PTE_A = 64n, PTE_D = 128n;

/** The privilege that data accesses use now (MPRV: that of MPP) and whether they are translated. */
export function dataPriv(h: RiscvHart): number {
  return h.priv === PRV_M && (h.mstatus & MSTATUS.MPRV) !== 0n ? Number((h.mstatus & MSTATUS.MPP) >> 11n) : h.priv;
}

/**
 * Translate the page of `va` for `access` (a fetch uses the current privilege, data the
 * effective one). Bare mode and M mode map one to one. Returns the page and its permissions,
 * or the fault. `update` false: look only (no A/D updates; for markCode and the debugger).
 */
export function walk(h: RiscvHart, va: number, access: Access, mem: PhysPtes, update = true): Walked | WalkFault {
  const priv = access === Access.Fetch ? h.priv : dataPriv(h);
  const mode = Number(h.satp >> 60n);
  if (priv === PRV_M || mode === 0) return { ppage: va >>> 12, read: true, write: true, exec: true };
  const levels = mode === 8 ? 3 : 4;
  const v = BigInt.asIntN(32, BigInt(va | 0));
  let table = (h.satp & ((1n << 44n) - 1n)) << 12n;
  for (let level = levels - 1; level >= 0; level--) {
    const vpn = (v >> BigInt(12 + 9 * level)) & 0x1ffn;
    const pteAddr = table + vpn * 8n;
    if (pteAddr >= 1n << 32n) return WalkFault.Access;
    const pa = Number(pteAddr);
    let pte = mem.readPte(pa);
    if (pte === undefined) return WalkFault.Access;
    if (!(pte & PTE_V) || ((pte & (PTE_R | PTE_W)) === PTE_W)) return WalkFault.Page;
    const ppn = (pte >> 10n) & ((1n << 44n) - 1n);
    if (!(pte & (PTE_R | PTE_X))) {
      table = ppn << 12n;
      continue;
    }
    // a leaf: superpages must be aligned
    const low = (1n << BigInt(9 * level)) - 1n;
    if (ppn & low) return WalkFault.Page;
    const user = (pte & PTE_U) !== 0n;
    if (priv === PRV_U && !user) return WalkFault.Page;
    if (priv === PRV_S && user && (access === Access.Fetch || !(h.mstatus & MSTATUS.SUM))) return WalkFault.Page;
    const mxr = (h.mstatus & MSTATUS.MXR) !== 0n;
    const perms = {
      read: (pte & PTE_R) !== 0n || (mxr && (pte & PTE_X) !== 0n),
      write: (pte & PTE_W) !== 0n,
      exec: (pte & PTE_X) !== 0n,
    };
    if (access === Access.Read ? !perms.read : access === Access.Write ? !perms.write : !perms.exec) return WalkFault.Page;
    if (update) {
      const want = PTE_A | (access === Access.Write ? PTE_D : 0n);
      if ((pte & want) !== want) {
        pte |= want;
        mem.writePte(pa, pte);
      }
    }
    // a page may be written through the TLB only once it is dirty
    if (!(pte & PTE_D)) perms.write = false;
    const phys = (ppn | ((v >> 12n) & low)) << 12n;
    if (phys >= 1n << 32n) return WalkFault.Access;
    return { ppage: Number(phys >> 12n), ...perms };
  }
  return WalkFault.Page;
}
