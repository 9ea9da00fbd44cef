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
  4. prints a Markdown table of the missing names with the number of snippets using each;
  5. counts the snippets using each Python construct (classes, f-string format specs, %-formatting,
     generators, try/except, import random, ...) and runs a small probe of each construct under the
     CLI, so the table says which constructs the corpus needs and whether tensorlens handles them.
A name that exists but behaves differently is not caught here (run.mjs shows those).
"""
import ast
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


# ---- Python constructs --------------------------------------------------------------------------
# (name, detector over the ast, probe script that must print "ok" under tensorlens)
def _calls(tree, name):
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name
               for n in ast.walk(tree))


def _fmt_spec(tree):
    return any(isinstance(n, ast.FormattedValue) and n.format_spec is not None for n in ast.walk(tree))


def _str_method(tree, meth):
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == meth
               and isinstance(n.func.value, ast.Constant) and isinstance(n.func.value.value, str)
               for n in ast.walk(tree))


CONSTRUCTS = [
    ("class statement", lambda t: any(isinstance(n, ast.ClassDef) for n in ast.walk(t)),
     "class A:\n    def __init__(self, x):\n        self.x = x\nprint('ok' if A(1).x == 1 else 'no')\n"),
    ("f-string", lambda t: any(isinstance(n, ast.JoinedStr) for n in ast.walk(t)),
     "x = 1\nprint(f'{\"o\"}k' if f'{x}' == '1' else 'no')\n"),
    ("f-string format spec ({x:.4f}, {n:>5d})", _fmt_spec,
     "print('ok' if f'{1.5:.2f}|{3:>4d}|{0.25:>0.1%}' == '1.50|   3|25.0%' else 'no')\n"),
    ("str.format", lambda t: _str_method(t, "format"),
     "print('ok' if '{:+.2f} x^{}'.format(1.5, 2) == '+1.50 x^2' else 'no')\n"),
    ("%-formatting", lambda t: any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mod)
                                   and isinstance(n.left, ast.Constant) and isinstance(n.left.value, str)
                                   for n in ast.walk(t)),
     "print('ok' if '%s | %.4f' % ('a', 0.5) == 'a | 0.5000' else 'no')\n"),
    ("lambda", lambda t: any(isinstance(n, ast.Lambda) for n in ast.walk(t)),
     "f = lambda x: x + 1\nprint('ok' if f(1) == 2 else 'no')\n"),
    ("decorator", lambda t: any(getattr(n, "decorator_list", None) for n in ast.walk(t)),
     "class A:\n    @staticmethod\n    def f():\n        return 1\nprint('ok' if A.f() == 1 else 'no')\n"),
    ("generator function (yield)", lambda t: any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(t)),
     "def g():\n    yield 1\n    yield 2\nprint('ok' if list(g()) == [1, 2] else 'no')\n"),
    ("generator expression", lambda t: any(isinstance(n, ast.GeneratorExp) for n in ast.walk(t)),
     "print('ok' if sum(x * x for x in range(3)) == 5 else 'no')\n"),
    ("dict/set comprehension", lambda t: any(isinstance(n, (ast.DictComp, ast.SetComp)) for n in ast.walk(t)),
     "d = {k: i for i, k in enumerate('ab')}\nprint('ok' if d == {'a': 0, 'b': 1} else 'no')\n"),
    ("*args / **kwargs", lambda t: any(isinstance(n, ast.arguments) and (n.vararg or n.kwarg) for n in ast.walk(t)),
     "def f(*a, **k):\n    return len(a) + len(k)\nprint('ok' if f(1, 2, x=3) == 3 else 'no')\n"),
    ("star-unpacking in a call (f(*xs))", lambda t: any(isinstance(n, ast.Starred) for n in ast.walk(t)),
     "def f(a, b):\n    return a + b\nprint('ok' if f(*[1, 2]) == 3 else 'no')\n"),
    ("tuple unpacking in for (for i, (x, y) in ...)",
     lambda t: any(isinstance(n, ast.For) and isinstance(n.target, ast.Tuple)
                   and any(isinstance(e, ast.Tuple) for e in n.target.elts) for n in ast.walk(t)),
     "s = 0\nfor i, (a, b) in enumerate([(1, 2)]):\n    s += i + a + b\nprint('ok' if s == 3 else 'no')\n"),
    ("try/except", lambda t: any(isinstance(n, ast.Try) for n in ast.walk(t)),
     "try:\n    raise ValueError('x')\nexcept ValueError:\n    print('ok')\n"),
    ("assert", lambda t: any(isinstance(n, ast.Assert) for n in ast.walk(t)),
     "assert 1 == 1\nprint('ok')\n"),
    ("global / nonlocal", lambda t: any(isinstance(n, (ast.Global, ast.Nonlocal)) for n in ast.walk(t)),
     "def f():\n    n = 0\n    def g():\n        nonlocal n\n        n += 1\n    g()\n    return n\nprint('ok' if f() == 1 else 'no')\n"),
    ("with statement", lambda t: any(isinstance(n, ast.With) for n in ast.walk(t)),
     "import torch\nwith torch.no_grad():\n    pass\nprint('ok')\n"),
    ("if __name__ == '__main__'", lambda t: "__name__" in ast.dump(t),
     "if __name__ == '__main__':\n    print('ok')\n"),
    ("from __future__ import", lambda t: any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in ast.walk(t)),
     "from __future__ import print_function\nprint('ok')\n"),
    ("import random", lambda t: any(isinstance(n, ast.Import) and any(a.name == "random" for a in n.names) for n in ast.walk(t)),
     "import random\nrandom.seed(0)\nprint('ok' if random.random() == 0.8444218515250481 else 'no')\n"),
    ("import numpy", lambda t: any(isinstance(n, ast.Import) and any(a.name == "numpy" for a in n.names) for n in ast.walk(t)),
     "import numpy as np\nprint('ok')\n"),
    ("sorted/min/max with key=", lambda t: any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                                              and n.func.id in ("sorted", "min", "max") and n.keywords for n in ast.walk(t)),
     "print('ok' if sorted([3, 1, 2], key=lambda v: -v) == [3, 2, 1] else 'no')\n"),
    ("zip / enumerate / map", lambda t: _calls(t, "zip") or _calls(t, "enumerate") or _calls(t, "map"),
     "print('ok' if list(zip([1], [2])) == [(1, 2)] and list(map(str, [1])) == ['1'] else 'no')\n"),
    ("round()", lambda t: _calls(t, "round"),
     "print('ok' if round(2.675, 2) == 2.67 and round(0.5) == 0 else 'no')\n"),
    ("isinstance/type()", lambda t: _calls(t, "isinstance") or _calls(t, "type"),
     "print('ok' if isinstance(1, int) and type(1.0) == float else 'no')\n"),
]


def constructs_table(binary, sources):
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "probe.py")
        for name, detect, script in CONSTRUCTS:
            users = [f[:3] for f, tree in sources if detect(tree)]
            if not users:
                continue
            with open(probe, "w") as fh:
                fh.write(script)
            p = subprocess.run([binary, "run", "--json", probe], capture_output=True, text=True, timeout=30)
            ok = p.returncode == 0 and '"stdout": "ok\\n"' in p.stdout
            why = "" if ok else (p.stderr.split("error: ", 1)[-1].splitlines()[0][:80] if p.returncode else "wrong result")
            rows.append((name, users, ok, why))
    print("| Python construct | snippets | tensorlens | probe result |")
    print("| --- | ---: | --- | --- |")
    for name, users, ok, why in sorted(rows, key=lambda r: (r[2], -len(r[1]))):
        print("| %s | %d | %s | %s |" % (name, len(users), "ok" if ok else "**fails**", why.replace("|", "\\|")))


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
    print("\n%d of the %d torch names the corpus uses are missing\n" % (len(missing), len(users)))
    sources = []
    for f in sorted(os.listdir(HERE)):
        if re.match(r"^\d{3}_.*\.py$", f):
            with open(os.path.join(HERE, f), encoding="utf-8") as fh:
                sources.append((f, ast.parse(fh.read())))
    constructs_table(binary, sources)


if __name__ == "__main__":
    main()
