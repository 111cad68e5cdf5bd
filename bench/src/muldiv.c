/* 64-bit multiply, divide and remainder (signed and unsigned) with a data dependency chain. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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
    acc ^= (uint64_t)((unsigned __int128)a * acc >> 64);
  }
  printf("muldiv %016llx %lld\n", (unsigned long long)acc, (long long)s);
  return 0;
}
