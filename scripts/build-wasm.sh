#!/usr/bin/env bash
# Builds the npm package's dist/: the engine + bindings compiled by Debian's Emscripten (emcmake),
# the JS wrapper beside it, its types generated from the op table, and a CommonJS bundle.
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
# The types are generated from the engine's op table (and docs/API.md checked against it in tests).
node scripts/gen-api.mjs
cp dist/index.d.ts dist/index.d.cts  # the same declarations for require() under TypeScript
# CommonJS entry for require(): the same code bundled (the wasm is embedded, nothing to locate).
node_modules/.bin/esbuild dist/index.js --bundle --format=cjs --platform=neutral \
  --log-level=error --outfile=dist/index.cjs
echo "wasm: dist/ ready ($(du -h dist/tensorlens_wasm.js | cut -f1))"
