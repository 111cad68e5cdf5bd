/**
 * Whether guest memories are made for the WebAssembly tier (src/core/backend/wasm): hot
 * regions then compile to wasm. POLYEMU_WASM=1 turns it on (a prototype: off by default).
 */
export function wasmTier(): boolean {
  return process.env.POLYEMU_WASM === '1';
}
