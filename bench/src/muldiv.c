/* 64-bit multiply, divide and remainder (signed and unsigned) with a data dependency chain. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* High 64 bits of a 64x64 product: one instruction on 64-bit targets, four 32-bit
 * multiplies on 32-bit ARM (no __int128 there). */
static inline uint64_t mulhu(uint64_t a, uint64_t b) {
#ifdef __SIZEOF_INT128__
  return (uint64_t)((unsigned __int128)a * b >> 64);
#else
  uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
  uint64_t ll = al * bl, lh = al * bh, hl = ah * bl;
  uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
  return ah * bh + (lh >> 32) + (hl >> 32) + (mid >> 32);
#endif
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 40000000;
  uint64_t a = 0x123456789abcdefULL, acc = 1;
  int64_t s = -987654321987654321LL;
  for (long i = 1; i <= n; i++) {
    a = a * 6364136223846793005ULL + 1442695040888963407ULL;
    uint64_t d = (a >> 40) | 1;
    acc += a / d + a % (d + 7);
    int64_t sd = (int64_t)(i | 1) * ((i & 2) ? -3 : 5);
    s = s / sd * 3 + s % sd + (int64_t)(a >> 3);
    acc ^= mulhu(a, acc);
  }
  printf("muldiv %016llx %lld\n", (unsigned long long)acc, (long long)s);
  return 0;
}
