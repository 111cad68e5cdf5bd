/* Memory traffic: memcpy/memmove/memset of assorted sizes plus a byte-wise copy loop and a strided sum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE (1 << 20)

int main(int argc, char **argv) {
  long rounds = argc > 1 ? atol(argv[1]) : 400;
  unsigned char *a = malloc(SIZE), *b = malloc(SIZE);
  for (int i = 0; i < SIZE; i++) a[i] = (unsigned char)(i * 7 + 3);
  uint64_t sum = 0;
  for (long r = 0; r < rounds; r++) {
    memcpy(b, a, SIZE);
    for (int off = 0; off < 64; off++) memmove(b + off + 1, b + off, 4096 + off);
    memset(a + (r & 1023), (int)r, 65536);
    for (int i = 0; i < SIZE; i += 4) { /* byte-wise copy loop the compiler keeps as a loop */
      a[i] = (unsigned char)(b[i] + 1);
      a[i + 1] = b[i + 2];
    }
    for (int i = 0; i < SIZE; i += 64) sum += *(uint32_t *)(a + i) + *(uint64_t *)(b + i + 8);
  }
  printf("memory %016llx\n", (unsigned long long)sum);
  free(a);
  free(b);
  return 0;
}
