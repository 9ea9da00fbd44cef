#!/usr/bin/env python3
"""Regenerate the goldens of the real-world corpus under PyTorch (Debian's python3-torch, 1.13).

usage: /usr/bin/python3 tests/realworld/regen.py [PATTERN ...]

Each tests/realworld/NNN_name.py runs in its own fresh interpreter (a subprocess, so that one
snippet's imports, globals and RNG state cannot leak into the next). Before the snippet runs, the
default generator is seeded with tensorlens's default seed (engine/core/random.h kDefaultRngSeed,
which is also PyTorch's own default_rng_seed_val), so an unseeded snippet draws the numbers a fresh
tensorlens session draws. Its stdout goes to goldens/NNN_name.out with 0x addresses normalised
(0x[0-9a-f]+ -> 0x...). A snippet that raises under PyTorch is reported and gets no golden: fix it
or drop it.
"""
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDENS = os.path.join(HERE, "goldens")
DEFAULT_SEED = 67280421310721  # tensorlens kDefaultRngSeed == PyTorch default_rng_seed_val

# Runs in the child: seed, then execute the snippet as __main__ (runpy keeps its file name in
# tracebacks and sets __name__ == "__main__").
PRELUDE = (
    "import sys, runpy, torch\n"
    "torch.manual_seed(%d)\n"
    "sys.argv = [sys.argv[1]]\n"
    "import time\n"
    "t0 = time.time()\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n"
    "sys.stdout.flush()\n"
    "sys.stderr.write('\\n@@snippet-seconds %%.3f\\n' %% (time.time() - t0))\n" % DEFAULT_SEED
)

ADDR = re.compile(r"0x[0-9a-fA-F]+")


def normalise(text):
    return ADDR.sub("0x\u2026", text)


def snippets(patterns):
    names = sorted(f for f in os.listdir(HERE) if re.match(r"^\d{3}_.*\.py$", f))
    if patterns:
        names = [n for n in names if any(p in n for p in patterns)]
    return names


def main():
    os.makedirs(GOLDENS, exist_ok=True)
    names = snippets(sys.argv[1:])
    failed = []
    env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1")
    for name in names:
        path = os.path.join(HERE, name)
        with open(path, encoding="utf-8") as f:
            first = f.readline()
        if not first.startswith("# source: http"):
            failed.append((name, "line 1 is not '# source: URL'"))
            continue
        p = subprocess.run([sys.executable, "-c", PRELUDE, path], cwd=HERE, env=env,
                           capture_output=True, text=True, timeout=120)
        m = re.search(r"@@snippet-seconds ([0-9.]+)", p.stderr)
        dt = float(m.group(1)) if m else 0.0  # the snippet's own time, without importing torch
        out_path = os.path.join(GOLDENS, name[:-3] + ".out")
        if p.returncode != 0:
            last = (p.stderr.strip().splitlines() or ["?"])[-1]
            failed.append((name, "raises under PyTorch: " + last))
            if os.path.exists(out_path):
                os.remove(out_path)
            continue
        with open(out_path, "w", encoding="utf-8") as f:
            f.write(normalise(p.stdout))
        slow = "  (SLOW: %.1f s)" % dt if dt > 2.0 else ""
        print("ok   %-45s %5.2f s%s" % (name, dt, slow))
    for name, why in failed:
        print("FAIL %s: %s" % (name, why))
    print("regen: %d goldens written, %d failed" % (len(names) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
