/** Reading the instruction of a delay slot ahead of translating it. */
import { Access } from '../../src/core/exceptions.js';
import type { GuestMemory } from '../../src/core/memory/model.js';

/** the instruction word at pc, or undefined when it cannot be fetched */
export function fetchSlot(mem: GuestMemory, pc: number): number | undefined {
  if (pc & 3 || mem.faultAt(pc, 4, Access.Fetch)) return undefined;
  return mem.fetch32(pc);
}
