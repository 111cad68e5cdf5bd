/**
 * The backends core tests run their cases through: the JS backend, and the WebAssembly tier
 * (a wasm memory; a region the wasm lowering does not take fails the test instead of
 * falling back to JS).
 */
import { compileRegion, type CompiledRegion, type RegionEnv } from '../../src/core/backend/region.js';
import { compileWasmRegion } from '../../src/core/backend/wasm/region.js';
import type { Block } from '../../src/core/ir.js';
import type { RegInfo } from '../../src/core/isa.js';

export interface Backend {
  name: string;
  /** whether memories for it are made with `wasm` (new Memory(littleEndian, wasm)) */
  wasm: boolean;
  compile(blocks: Block[], entry: number, regs: RegInfo[], env: RegionEnv, cacheRegs?: boolean): CompiledRegion;
}

export const BACKENDS: Backend[] = [
  { name: 'js', wasm: false, compile: (blocks, entry, regs, env, cacheRegs = true) => compileRegion(blocks, entry, regs, env, cacheRegs) },
  {
    name: 'wasm', wasm: true,
    compile(blocks, entry, regs, env) {
      const r = compileWasmRegion(blocks, entry, regs, env, Infinity); // (helper-bound regions too)
      if (!r) throw new Error('wasm tier did not take the region');
      return r;
    },
  },
];
