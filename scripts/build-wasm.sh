#!/usr/bin/env bash
# Builds the npm package's dist/: the engine + bindings compiled by Debian's Emscripten (emcmake),
# and the JS wrapper and types copied beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs it to run its JS optimiser
jobs=$(nproc 2>/dev/null || echo 2)
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DTL_TESTS=OFF \
  -DEigen3_DIR=/usr/share/eigen3/cmake -DCMAKE_FIND_ROOT_PATH_MODE_PACKAGE=BOTH >/dev/null
cmake --build build/wasm -j"$jobs" --target tensorlens_wasm
mkdir -p dist
cp build/wasm/tensorlens_wasm.js dist/tensorlens_wasm.js
cp wasm/js/index.js dist/index.js
cp wasm/index.d.ts dist/index.d.ts
echo "wasm: dist/ ready ($(du -h dist/tensorlens_wasm.js | cut -f1))"
