#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, and serves the playground on
# http://localhost:${PORT:-8080}. Until the playground exists it runs the seed examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-native.sh
if [[ -f scripts/build-wasm.sh && -f scripts/serve.mjs ]]; then
  bash scripts/build-wasm.sh
  exec node scripts/serve.mjs
fi
build/native/tensorlens_seed
