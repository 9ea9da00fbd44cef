#!/usr/bin/env bash
# `npm test`: installs what is missing, builds native (Release and ASan+UBSan) and wasm, and runs
# every suite. Each suite's runner prints its own summary; the last line is the total.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
bash scripts/build-native.sh --asan || exit 1

passed=0
failed=0
run_suite() {  # name, command...
  local name=$1
  shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "=== $name FAILED"; fi
}

run_suite "native tests (Release)" ctest --test-dir build/native --output-on-failure -j2
# ASan makes stack frames several times larger; the interpreter's nesting limits are sized for
# normal frames (and the wasm stack), so the sanitizer run gets a bigger stack.
run_suite "native tests (ASan+UBSan)" bash -c 'ulimit -s 262144 && ASAN_OPTIONS=detect_leaks=1 \
  UBSAN_OPTIONS=print_stacktrace=1 build/asan/tensorlens_tests' 
if [[ -f tests/conformance/run.mjs && -x build/native/tensorlens ]]; then
  run_suite "conformance vs PyTorch goldens (native)" node tests/conformance/run.mjs
fi
# Real-world corpus (tests/realworld): snippets other people wrote, compared with what PyTorch 1.13
# prints. The floor is issue #11's target (90 %); measured 127/140 = 90.7 % natively and in wasm
# when it was last raised (session 5); a drop below it fails.
REALWORLD_MIN_RATE=90
if [[ -f tests/realworld/run.mjs && -x build/native/tensorlens ]]; then
  run_suite "real-world corpus vs PyTorch (native)" node tests/realworld/run.mjs --min-pass-rate "$REALWORLD_MIN_RATE"
fi
# Differential fuzzing against PyTorch (tests/difffuzz): a fixed-seed slice of generated programs
# (~30-60 s). Mismatches not explained in tests/difffuzz/allow.json are counted; while known root
# causes are open the ceiling is the rate measured when it was last lowered (310/3000 = 10.3 % of
# seed 1's programs), so a regression fails; a crash or hang always fails. The goal is 0 (drop the
# option). Its oracle is /usr/bin/python3 with Debian's python3-torch (scripts/setup.sh installs it);
# without it the suite fails rather than being skipped.
# session 8: the comparison includes each tensor's grad_fn name (what print(x) shows): 34/3000 =
# 1.1 % on seed 1. Session 9: 3/3000 = 0.1 %; the ceiling is 0.5 % (a new op-table row changes
# which programs a seed generates).
DIFFFUZZ_MAX_RATE=0.5
if [[ -f tests/difffuzz/run.mjs && -x build/native/tensorlens ]]; then
  run_suite "differential fuzz vs PyTorch (fixed seed)" bash -c '/usr/bin/python3 -c "import torch" ||
    { echo "difffuzz: FAIL: /usr/bin/python3 cannot import torch (scripts/setup.sh installs python3-torch)"; exit 1; }
    node tests/difffuzz/run.mjs --seeds 1 --count 3000 --quiet --minimize 3 --max-unexplained-rate '"$DIFFFUZZ_MAX_RATE"
fi
if [[ -f scripts/fuzz.sh ]]; then
  run_suite "fuzz (60 s)" bash scripts/fuzz.sh 60
fi
if [[ -f scripts/build-wasm.sh ]]; then
  run_suite "wasm build" bash scripts/build-wasm.sh
fi
if [[ -f tests/realworld/run.mjs && -f dist/index.js ]]; then
  run_suite "real-world corpus vs PyTorch (wasm)" node tests/realworld/run.mjs --wasm --min-pass-rate "$REALWORLD_MIN_RATE"
fi
if [[ -d tests/node ]]; then
  run_suite "npm module tests (node --test)" node --test tests/node/
fi
if [[ -d tests/browser ]]; then
  run_suite "playground tests (Playwright + Chromium)" node --test tests/browser/
fi

echo "suites: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
