#!/usr/bin/env bash
# Builds the playground into build/web/: static files only (index.html, style.css, boot.js, main.js,
# worker.js, examples/*.py, and the npm module's dist/ files under engine/, the wasm split out). Relative URLs
# throughout, so the folder works from any static host.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f dist/index.js || ! -f dist/tensorlens_wasm.js ]]; then
  bash scripts/build-wasm.sh
fi
if [[ ! -x node_modules/.bin/esbuild ]]; then
  echo "build-web: esbuild is missing; run 'npm install' first" >&2
  exit 1
fi
out=build/web
tmp=build/web.tmp
rm -rf "$tmp"
mkdir -p "$tmp/engine" "$tmp/examples"
# The engine is loaded by the worker at run time (./engine/index.js), not bundled.
node_modules/.bin/esbuild web/src/boot.js web/src/main.js web/src/worker.js --bundle --format=esm \
  --target=chrome100,firefox100,safari15 --loader:.py=text --minify --sourcemap \
  --legal-comments=linked --log-level=warning --outdir="$tmp"
cp web/index.html web/style.css web/favicon.svg "$tmp/"
cp web/examples/*.py "$tmp/examples/"
# The engine: the npm module's wrapper, and its loader with the wasm as a separate file (streaming
# compilation; see scripts/split-wasm.mjs). The npm package itself keeps the single file.
cp dist/index.js "$tmp/engine/"
node scripts/split-wasm.mjs dist/tensorlens_wasm.js "$tmp/engine" >/dev/null
rm -rf "$out"
mv "$tmp" "$out"
echo "web: $out ready ($(du -sh "$out" | cut -f1))"
