#!/usr/bin/env bash
# Rebuilds the committed benchmark binaries: one static multi-kernel binary per architecture,
# bench/<arch>/kernels (`kernels NAME [N]` runs bench/src/NAME.c), from driver.c + src/*.c.
# The kernel list is KERNELS in driver.c. The host build is made by bench/run.mjs itself
# (into .cache/bench/, not in git), with this same script: bench/build.sh --host OUT.
#   bench/build.sh [ARCH...]      default: riscv64 aarch64 arm
set -euo pipefail
cd "$(dirname "$0")"

build() { # compiler output
  local cc=$1 out=$2 tmp k
  tmp=$(mktemp -d)
  for src in src/*.c; do
    k=$(basename "$src" .c)
    "$cc" -O2 -Wall -c -Dmain="kernel_$k" -o "$tmp/$k.o" "$src"
  done
  "$cc" -O2 -Wall -c -o "$tmp/driver.o" driver.c
  mkdir -p "$(dirname "$out")"
  # shellcheck disable=SC2086
  "$cc" -O2 -s ${STATIC:--static} -o "$out" "$tmp"/*.o -lm
  rm -rf "$tmp"
}

if [ "${1:-}" = --host ]; then STATIC=' ' build "${CC:-gcc}" "$2"; exit 0; fi
archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(riscv64 aarch64 arm)
for arch in "${archs[@]}"; do
  case $arch in
    riscv64) cc=riscv64-linux-gnu-gcc ;;
    aarch64) cc=aarch64-linux-gnu-gcc ;;
    arm) cc=arm-linux-gnueabihf-gcc ;;
    *) echo "bench/build.sh: unknown arch $arch" >&2; exit 2 ;;
  esac
  command -v $cc >/dev/null || { echo "bench/build.sh: $cc not found (apt-get install gcc-${cc%-gcc})" >&2; exit 1; }
  echo "  $cc -O2 -static -s -> $arch/kernels"
  build "$cc" "$arch/kernels"
done
