/**
 * softfloat: exact IEEE-754 binary32/binary64 arithmetic on raw bit patterns with explicit
 * rounding modes and exception flags, for every target's FPU helpers. See context.ts for the
 * value conventions.
 */
export * from './context.js';
export {
  F32, F64, isNaN32, isNaN64, isSNaN32, isSNaN64, roundPack, unpack32, unpack64,
} from './core.js';
export * from './arith.js';
export * from './directed.js';
export * from './fma.js';
export * from './convert.js';
export * from './compare.js';
