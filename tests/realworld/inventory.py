#!/usr/bin/env python3
"""Static inventory of the torch API the real-world corpus uses, and which of it tensorlens lacks.

usage: /usr/bin/python3 tests/realworld/inventory.py [--bin build/native/tensorlens]

run.mjs --table reports the FIRST thing that fails in each snippet; fixing it can uncover the next.
This script looks at every snippet as a whole instead:
  1. collects the dotted names each snippet uses: torch.X[.Y], nn.X, F.X (torch.nn.functional),
     optim.X, and .method( calls whose name is a torch.Tensor attribute in PyTorch;
  2. keeps the names that exist in PyTorch 1.13 (so typos and user attributes drop out);
  3. probes each one with a two-line script under the native CLI (`torch.X`, `nn.X`,
     `torch.ones(2, 2).X`): a name counts as missing when the probe fails with an AttributeError
     or ModuleNotFoundError;
  4. prints a Markdown table of the missing names with the number of snippets using each.
A name that exists but behaves differently is not caught here (run.mjs shows those).
"""
import os
import re
import subprocess
import sys
import tempfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

ALIASES = {  # how snippets spell the modules -> the real module path
    "torch": "torch", "nn": "torch.nn", "F": "torch.nn.functional", "optim": "torch.optim",
    "autograd": "torch.autograd", "data": "torch.utils.data",
}
QUAL = re.compile(r"(?<![\w.])(torch|nn|F|optim|autograd)((?:\.[A-Za-z_]\w*)+)")
METHOD = re.compile(r"(\w+|\)|\]|[\"'])\.([a-z_][a-z0-9_]*)\(")
# .name( after these is a module function (torch.dot) or a str/dict method ("a b".split(), d.values()),
# not a Tensor method
NOT_TENSOR_OWNERS = {"torch", "np", "nn", "F", "math", "random", "optim", "init", "autograd",
                     "functional", "\"", "'"}
DICT_METHODS = {"values", "items", "keys", "get", "update", "pop"}


def resolve(path):
    """The PyTorch object at a dotted path, or None."""
    parts = path.split(".")
    try:
        obj = __import__(parts[0])
    except ImportError:
        return None
    for i, p in enumerate(parts[1:], 1):
        if hasattr(obj, p):
            obj = getattr(obj, p)
            continue
        try:  # a submodule not imported yet (torch.utils.data, torch.autograd.functional)
            obj = __import__(".".join(parts[: i + 1]), fromlist=["_"])
        except ImportError:
            return None
    return obj


def names_in(text):
    found = set()
    for m in QUAL.finditer(text):
        base = ALIASES[m.group(1)]
        parts = m.group(2).strip(".").split(".")
        # the longest prefix that exists in PyTorch and is a module, class or function
        path = base
        for p in parts:
            cand = path + "." + p
            obj = resolve(cand)
            if obj is None:
                break
            path = cand
            if not isinstance(obj, type(torch)):  # stop below modules: torch.nn.Linear, not .weight
                break
        if path != base:
            found.add(path)
    for m in METHOD.finditer(text):
        owner, name = m.group(1), m.group(2)
        if owner in NOT_TENSOR_OWNERS or name in DICT_METHODS:
            continue
        if hasattr(torch.Tensor, name) and not name.startswith("_"):
            found.add("Tensor." + name)
    return found


def probe_script(name):
    if name.startswith("Tensor."):
        return "import torch\nt = torch.ones(2, 2)\nx = t.%s\n" % name.split(".", 1)[1]
    mod, _, attr = name.rpartition(".")
    if isinstance(resolve(name), type(torch)):
        return "import %s\n" % name
    return "import %s\nx = %s\n" % (mod, name)


def main():
    binary = os.path.join(ROOT, "build", "native", "tensorlens")
    if "--bin" in sys.argv:
        binary = sys.argv[sys.argv.index("--bin") + 1]
    users = {}
    for f in sorted(os.listdir(HERE)):
        if re.match(r"^\d{3}_.*\.py$", f):
            with open(os.path.join(HERE, f), encoding="utf-8") as fh:
                for n in names_in(fh.read()):
                    users.setdefault(n, []).append(f[:3])
    missing = []
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "probe.py")
        for name in sorted(users):
            with open(probe, "w") as fh:
                fh.write(probe_script(name))
            p = subprocess.run([binary, "run", "--json", probe], capture_output=True, text=True, timeout=30)
            if p.returncode != 0 and re.search(r"AttributeError|ModuleNotFoundError|not supported", p.stderr):
                missing.append((name, users[name], p.stderr.split("error: ", 1)[-1].splitlines()[0][:90]))
    missing.sort(key=lambda m: (-len(m[1]), m[0]))
    print("| missing in tensorlens | snippets | which |")
    print("| --- | ---: | --- |")
    for name, us, _ in missing:
        print("| %s | %d | %s |" % (name, len(us), " ".join(us)))
    print("\n%d of the %d torch names the corpus uses are missing" % (len(missing), len(users)))


if __name__ == "__main__":
    main()
