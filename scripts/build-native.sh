#!/usr/bin/env bash
# Native builds: build/native (Release: library, CLI, tests) and, with --asan, build/asan
# (the same under AddressSanitizer + UndefinedBehaviorSanitizer).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"
if [[ "${1:-}" == "--asan" ]]; then
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DTL_SANITIZE=ON -DCMAKE_CXX_FLAGS="-O1" >/dev/null
  cmake --build build/asan -j"$jobs" --target tensorlens_tests
fi
