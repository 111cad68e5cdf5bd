/* Function calls: naive recursive Fibonacci (calls, returns, stack traffic). */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 35;
  printf("fib(%ld) = %ld\n", n, fib(n));
  return 0;
}
