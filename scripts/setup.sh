#!/usr/bin/env bash
# Installs what tensorlens needs and is missing, idempotently: Debian packages with apt-get and
# the npm devDependencies. Safe to run any number of times; does nothing when all is present.
#   scripts/setup.sh            everything `npm test` and `npm start` need, python3-torch included
#                               (npm test's differential fuzz runs PyTorch 1.13 as its oracle)
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(cmake g++ make libeigen3-dev libfmt-dev catch2 clang libclang-rt-14-dev emscripten graphviz
  python3-torch libopenblas0-openmp)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian's chromium drives the browser tests; a test tool must never download its own browser.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm devDependencies (playwright-core, typescript, tfjs, ...): install when missing or stale.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm packages"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
fi
