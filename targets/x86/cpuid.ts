/**
 * What cpuid tells the guest: exactly what the translator implements, so glibc's ifunc
 * resolvers pick code we can run (the SSE2 string functions, not AVX2 or EVEX ones). The
 * vendor and family are those of qemu-x86_64's default CPU model (qemu64).
 */

/** CPUID.1:EDX bits */
const FPU = 1 << 0, TSC = 1 << 4, CX8 = 1 << 8, CMOV = 1 << 15, MMX = 1 << 23, FXSR = 1 << 24, SSE = 1 << 25, SSE2 = 1 << 26;
/** CPUID.1:ECX bits */
const CX16 = 1 << 13, POPCNT = 1 << 23;
/** CPUID.80000001h:ECX and EDX bits */
const LAHF_LM = 1 << 0, ABM = 1 << 5;
const SYSCALL = 1 << 11, NX = 1 << 20, LM = 1 << 29;

const word = (s: string) => s.split('').reduce((v, ch, i) => v | (ch.charCodeAt(0) << (8 * i)), 0);
const VENDOR = 'AuthenticAMD';
const BRAND = 'polyemu x86 CPU'.padEnd(48, '\0');

/** eax, ebx, ecx, edx of a leaf */
export function cpuidLeaf(bits: 32 | 64, leaf: number, _sub: number): [number, number, number, number] {
  switch (leaf) {
    case 0: return [0xd, word(VENDOR.slice(0, 4)), word(VENDOR.slice(8, 12)), word(VENDOR.slice(4, 8))];
    case 1: return [0x000f6b1, 0x800, CX16 | POPCNT, FPU | TSC | CX8 | CMOV | MMX | FXSR | SSE | SSE2];
    case 0x80000000: return [0x80000008, word(VENDOR.slice(0, 4)), word(VENDOR.slice(8, 12)), word(VENDOR.slice(4, 8))];
    case 0x80000001: return [0x000f6b1, 0, LAHF_LM | ABM, (bits === 64 ? LM | SYSCALL : 0) | NX | FPU | TSC | CX8 | CMOV | MMX | FXSR];
    case 0x80000002: case 0x80000003: case 0x80000004: {
      const k = (leaf - 0x80000002) * 16;
      return [0, 1, 2, 3].map((j) => word(BRAND.slice(k + 4 * j, k + 4 * j + 4))) as [number, number, number, number];
    }
    case 0x80000008: return [0x3028, 0, 0, 0];
    default: return [0, 0, 0, 0];
  }
}
