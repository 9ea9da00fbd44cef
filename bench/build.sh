#!/usr/bin/env bash
# Builds the native benchmark: the engine library (CMake, Release, build/native) and
# bench/native/bench.cpp against it → build/bench/tensorlens_bench.
# If the library build fails (e.g. the engine is mid-edit) but an older library exists, that
# one is used and a notice is printed; exit status 1 only when no binary can be produced.
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=${TL_BENCH_JOBS:-2}
lib=build/native/libtensorlens_engine.a
out=build/bench/tensorlens_bench
mkdir -p build/bench

if ! { cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null &&
       cmake --build build/native -j"$jobs" --target tensorlens_engine >build/bench/engine-build.log 2>&1; }; then
  if [[ -f "$lib" ]]; then
    echo "bench/build.sh: NOTICE: building tensorlens_engine failed (see build/bench/engine-build.log);" \
         "using the existing $lib" >&2
  else
    echo "bench/build.sh: building tensorlens_engine failed (see build/bench/engine-build.log)" >&2
    exit 1
  fi
fi

# AVX2/FMA only where the CPU has them (the library decides the same way in CMakeLists.txt).
simd=""
if grep -q ' avx2 ' /proc/cpuinfo 2>/dev/null && grep -q ' fma ' /proc/cpuinfo 2>/dev/null; then
  simd="-mavx2 -mfma"
fi
if [[ ! -x "$out" || bench/native/bench.cpp -nt "$out" || "$lib" -nt "$out" ]]; then
  # shellcheck disable=SC2086
  if ! g++ -std=c++17 -O2 $simd -DNDEBUG -I. -I/usr/include/eigen3 bench/native/bench.cpp "$lib" -o "$out.tmp"; then
    rm -f "$out.tmp"
    echo "bench/build.sh: compiling bench/native/bench.cpp failed" >&2
    [[ -x "$out" ]] && echo "bench/build.sh: NOTICE: using the older $out" >&2 && exit 0
    exit 1
  fi
  mv "$out.tmp" "$out"
fi
echo "bench/build.sh: $out ready"
