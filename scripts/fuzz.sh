#!/usr/bin/env bash
# `npm run fuzz -- SECONDS`: builds the libFuzzer target (clang, ASan + UBSan) and fuzzes the
# lexer, parser and interpreter for SECONDS (default 60), seeded with the conformance scripts.
# A crash leaves its input in build/fuzz/crashes/ and fails the run; copy it into
# tests/fuzz/regressions/ so the native suite replays it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
jobs=$(nproc 2>/dev/null || echo 2)
CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=Debug -DTL_FUZZ=ON -DTL_TESTS=OFF \
  -DTL_NATIVE_ARCH=OFF -DCMAKE_CXX_FLAGS="-O1 -g" >/dev/null
cmake --build build/fuzz -j"$jobs" --target tensorlens_fuzz
mkdir -p build/fuzz/corpus build/fuzz/crashes
seeds=()
[[ -d tests/conformance/scripts ]] && seeds+=(tests/conformance/scripts)
[[ -d tests/fuzz/regressions ]] && seeds+=(tests/fuzz/regressions)
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
build/fuzz/tensorlens_fuzz -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
  -dict=tests/fuzz/script.dict -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1 \
  build/fuzz/corpus "${seeds[@]}" 2>&1 | tee build/fuzz/last.log | grep -E "^#[0-9]+ *(DONE|pulse)|stat::number_of_executed_units|ERROR|SUMMARY" || true
status=${PIPESTATUS[0]}
if ls build/fuzz/crashes/* >/dev/null 2>&1 && [[ $status -ne 0 ]]; then
  echo "fuzz: crash found: $(ls build/fuzz/crashes/)"
  exit 1
fi
exit "$status"
