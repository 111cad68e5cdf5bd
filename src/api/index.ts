/**
 * polyemu's embedding API: run Linux programs built for RISC-V 64, AArch64 or 32-bit ARM
 * inside a Node process, capture or stream their output, and inspect and steer them —
 * breakpoints, watchpoints, single steps, registers and memory, syscall and signal hooks, a
 * budget of instructions or time. `import { run, Guest } from 'polyemu'`; README "Embedding".
 */
export { run } from './run.js';
export { Guest } from './guest.js';
export { UserError } from '../errors.js';
export type { ElfSymbol } from './symbols.js';
export type {
  Budget, GuestOptions, InputOption, OutputOption, RunResult, SignalEvent, Stop, SyscallCall,
} from './types.js';
