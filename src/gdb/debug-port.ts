/**
 * The part of the engine's Debugger (src/core/engine/debug.ts, "contract A") that the gdb stub
 * uses, as a structural type: the stub and its tests depend on this shape only, so a test
 * can drive a session with a stand-in.
 */
import type { Cpu } from '../core/cpu.js';
import type { Task } from '../linux/task.js';

import type { StopAction, StopReason } from '../core/engine/debug.js';

export type { StopAction, StopReason };

export interface DebugPort {
  addBreakpoint(pc: number): void;
  removeBreakpoint(pc: number): void;
  addWatch(addr: number, len: number, access: 'r' | 'w' | 'a'): number;
  removeWatch(id: number): void;
  stepping: boolean;
  reportSignals: boolean;
  stopAtStart: boolean;
  requestStop(): void;
  onStop: (task: Task, why: StopReason) => StopAction | void | Promise<StopAction | void>;
  onExit?: (st: { status: number; signal: number }) => void;
  cpuOf(task: Task): Cpu;
  threads(): Task[];
}
