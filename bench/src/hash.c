/* Integer hash loop: xorshift/multiply mixing, the shape of a hash table's hot loop. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 200000000;
  uint64_t h = 0xcbf29ce484222325ULL, x = 88172645463325252ULL;
  for (long i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    h = (h ^ (x & 0xff)) * 0x100000001b3ULL;
    h += (uint32_t)i;
  }
  printf("hash %016llx %016llx\n", (unsigned long long)h, (unsigned long long)x);
  return 0;
}
