#!/usr/bin/env bash
# Builds the playground into build/web/: static files only (index.html, style.css, boot.js, main.js,
# worker.js with the npm module's JS bundled in, examples/*.py, and the engine's wasm split out of the
# npm module's single file under engine/, plain and gzipped). Relative URLs throughout, so the folder
# works from any static host.
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
js=build/web-engine-js   # the engine's JS, bundled into worker.js (not served)
rm -rf "$tmp" "$js"
mkdir -p "$tmp/engine" "$tmp/examples" "$js"
# The engine: the npm module's wrapper, and its loader with the wasm as a separate file (streaming
# compilation; see scripts/split-wasm.mjs), which also writes the gzipped copy the page fetches.
# The npm package itself keeps the single file.
cp dist/index.js "$js/"
node scripts/split-wasm.mjs dist/tensorlens_wasm.js "$js" >/dev/null
mv "$js/tensorlens_wasm.wasm" "$js/tensorlens_wasm.wasm.gz" "$tmp/engine/"
# worker.js imports 'tensorlens-engine': the wrapper + split loader above, bundled in (an alias
# resolves from the working directory).
node_modules/.bin/esbuild web/src/boot.js web/src/main.js web/src/worker.js --bundle --format=esm \
  --alias:tensorlens-engine="./$js/index.js" \
  --target=chrome100,firefox100,safari15 --loader:.py=text --minify --sourcemap \
  --legal-comments=linked --log-level=warning --outdir="$tmp"
rm -rf "$js"
cp web/index.html web/style.css web/favicon.svg "$tmp/"
cp web/examples/*.py "$tmp/examples/"
rm -rf "$out"
mv "$tmp" "$out"
echo "web: $out ready ($(du -sh "$out" | cut -f1))"
