#!/usr/bin/env bash
# Rebuilds the committed riscv64 benchmark binaries (bench/riscv64/) from bench/src/.
# The host builds are made by bench/run.mjs itself, into .cache/bench/ (not in git).
set -euo pipefail
cd "$(dirname "$0")"
CC=riscv64-linux-gnu-gcc
command -v $CC >/dev/null || { echo "bench/build.sh: $CC not found (apt-get install gcc-riscv64-linux-gnu)" >&2; exit 1; }
mkdir -p riscv64
for src in src/*.c; do
  k=$(basename "$src" .c)
  echo "  $CC -O2 -static -s $src -> riscv64/$k"
  $CC -O2 -Wall -static -s -o "riscv64/$k" "$src" -lm
done
