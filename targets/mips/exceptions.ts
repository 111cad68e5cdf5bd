/**
 * Causes the MIPS frontend attaches to its architectural exceptions (Cpu.excpCause), for
 * the layer above to map (targets/mips/linux/abi.ts): an arithmetic exception from an
 * overflowing add/sub, the code of a trap instruction (teq & co.: their 10-bit code field;
 * the immediate forms have none) and of break (its 20-bit code field).
 */
export const MIPS_INTOVF = 1;
/** the code of an immediate trap (teqi & co. carry none) */
export const TRAP_SIGNED_IMM = 0;
