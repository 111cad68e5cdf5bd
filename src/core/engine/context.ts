/**
 * What an Engine runs in: one CPU, the memory it sees, the instruction set that translates
 * its code, and the few services around the run loop. The layer above builds it: Linux user
 * mode from a Process (src/linux/cpu-loop.ts), a system-mode board from a hart and its bus.
 * Nothing here names an operating system.
 */
import type { Cpu } from '../cpu.js';
import type { Logger } from '../log/log.js';
import type { MemoryModel } from '../memory/model.js';
import type { Isa } from '../isa.js';
import type { CodeStore } from './code-store.js';
import type { Debugger } from './debug.js';

export interface ExecContext {
  /** the instruction set: registers, translation, helpers */
  readonly isa: Isa;
  readonly cpu: Cpu;
  /** its memory: the machine's model (user mode: flat; system mode: a software TLB) */
  readonly mem: MemoryModel;
  /** -d logging (in_asm, op, out_asm, exec, cpu) */
  readonly log: Logger;
  /** the debugger attached now, if any (read at every slice: it may come and go) */
  readonly debug?: Debugger<unknown>;
  /**
   * Translated code shared with other contexts (a forked child, the same image exec'd again):
   * the store to use now, or undefined (a debugger attached, per-translation logs).
   */
  readonly sharing?: { store(): CodeStore | undefined };
  /** a number naming the running thread in -d exec lines (0 when there is one) */
  threadTag?(): number;
  /** the host's handle of the running thread, for the debugger's stops (DebugHost) */
  currentThread?(): unknown;
}
