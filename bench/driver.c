/* One multi-kernel benchmark binary per architecture: `kernels NAME [N]` runs the `main` of
 * bench/src/NAME.c (each compiled with -Dmain=kernel_NAME) with argv shifted by one. */
#include <stdio.h>
#include <string.h>

#define KERNELS X(fib) X(hash) X(memory) X(muldiv) X(nbody)
#define X(k) int kernel_##k(int, char **);
KERNELS
#undef X

int main(int argc, char **argv) {
  static const struct { const char *name; int (*fn)(int, char **); } table[] = {
#define X(k) {#k, kernel_##k},
      KERNELS
#undef X
  };
  for (size_t i = 0; argc > 1 && i < sizeof table / sizeof table[0]; i++)
    if (strcmp(argv[1], table[i].name) == 0) return table[i].fn(argc - 1, argv + 1);
  fprintf(stderr, "usage: kernels NAME [N]; NAME is one of:");
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) fprintf(stderr, " %s", table[i].name);
  fprintf(stderr, "\n");
  return 2;
}
