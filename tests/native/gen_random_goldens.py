#!/usr/bin/python3
"""Generates tests/native/random_goldens.h: the numbers PyTorch's CPU generator produces after
torch.manual_seed, for tests/native/test_random.cpp.

Run with Debian's python3-torch (PyTorch 1.13, CPU capability AVX2):
    /usr/bin/python3 tests/native/gen_random_goldens.py

Each case is a sequence of steps run without reseeding in between (so the generator state,
including the cached Box-Muller value of the scalar normal path, carries over). A step's values are
stored as 64-bit patterns: float32 bits, float64 bits, or the int64 value. Up to 64 values are
stored in full; larger results store the first 8, the last 8, and an FNV-1a checksum of all of them.
"""
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

FULL = 64
EDGE = 8
SIZES = [1, 2, 3, 7, 15, 16, 17, 100, 1000]
DT = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64}


def bits(t):
    t = t.detach().contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return [int(x) for x in t.numpy().view(np.uint32)]
    if t.dtype == torch.float64:
        return [int(x) for x in t.numpy().view(np.uint64)]
    return [int(x) & 0xFFFFFFFFFFFFFFFF for x in t.tolist()]


def fnv1a(values):
    h = 0xCBF29CE484222325
    for v in values:
        for i in range(8):
            h ^= (v >> (8 * i)) & 0xFF
            h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def probs(n, dtype):
    # Probabilities for torch.bernoulli(probs): (i % 11) / 10 in double, cast to dtype.
    return torch.tensor([(i % 11) / 10 for i in range(n)], dtype=torch.float64).to(dtype)


def run(step):
    """Runs one step in PyTorch. step = (op, dtype, n, m, a, b)."""
    op, dtype, n, m, a, b = step
    dt = DT[dtype]
    shape = (n, m) if m else (n,)
    if op == "seed":
        torch.manual_seed(n)
        return None
    if op == "rand":
        return torch.rand(*shape, dtype=dt)
    if op == "randn":
        return torch.randn(*shape, dtype=dt)
    if op == "uniform":
        return torch.empty(*shape, dtype=dt).uniform_(a, b)
    if op == "normal":
        return torch.empty(*shape, dtype=dt).normal_(a, b)
    if op == "uniform_t":  # a transposed (non-contiguous) target; values read back row-major
        return torch.empty(n, m, dtype=dt).t().uniform_(a, b)
    if op == "normal_t":
        return torch.empty(n, m, dtype=dt).t().normal_(a, b)
    if op == "randint":  # [a, b)
        return torch.randint(int(a), int(b), shape, dtype=dt)
    if op == "randperm":
        return torch.randperm(n, dtype=dt)
    if op == "bernoulli_":
        return torch.empty(*shape, dtype=dt).bernoulli_(a)
    if op == "bernoulli":
        return torch.bernoulli(probs(n, dt))
    if op == "dropout":  # the mask F.dropout draws (as 0/1 in float32) for p = a
        out = F.dropout(torch.ones(n), a, training=True)
        nz = out[out != 0]
        assert len(nz) == 0 or bool((nz == nz[0]).all())
        return (out != 0).to(torch.float32)
    if op == "kaiming":  # nn.init.kaiming_uniform_(empty(n, m), a=a)
        w = torch.empty(n, m, dtype=dt)
        torch.nn.init.kaiming_uniform_(w, a=a)
        return w
    if op == "linear":  # nn.Linear(n, m): weight (m, n) then bias (m), concatenated
        lin = torch.nn.Linear(n, m, dtype=dt)
        return torch.cat([lin.weight.detach().reshape(-1), lin.bias.detach()])
    if op == "embedding":  # nn.Embedding(n, m).weight
        return torch.nn.Embedding(n, m, dtype=dt).weight
    raise ValueError(op)


def S(op, dtype="float32", n=0, m=0, a=0.0, b=0.0):
    return (op, dtype, n, m, float(a), float(b))


def cases():
    out = []
    seeds = [0, 1, 42, 123456789, 2**32 + 5, 67280421310721]
    # Each constructor at every size, both float dtypes, several seeds (reseeded per size).
    for op in ["rand", "randn"]:
        for dtype in ["float32", "float64"]:
            for seed in seeds[:4]:
                steps = []
                for n in SIZES:
                    steps += [S("seed", n=seed), S(op, dtype, n)]
                out.append((f"{op} {dtype} seed {seed}", steps))
    for seed in seeds[4:]:  # only the low 32 bits seed the twister; the C++ default seed
        steps = [S("seed", n=seed), S("rand", n=5), S("randn", n=5), S("randn", n=40), S("rand", "float64", 3)]
        steps += [S("randn", "float64", 3), S("randn", "float64", 20), S("randint", "int64", 4, a=0, b=100)]
        out.append((f"seed {seed}", steps))
    for dtype in ["float32", "float64"]:
        for seed in [0, 7]:
            steps = []
            for n in SIZES:
                steps += [S("seed", n=seed), S("uniform", dtype, n, a=-0.577, b=0.31)]
                steps += [S("seed", n=seed), S("normal", dtype, n, a=-1.5, b=0.3)]
                steps += [S("seed", n=seed), S("normal", dtype, n, a=2.25, b=7.0)]
            out.append((f"uniform_/normal_ {dtype} seed {seed}", steps))
    for seed in [0, 3]:
        steps = []
        for n in SIZES:
            steps += [S("seed", n=seed), S("randint", "int64", n, a=0, b=10)]
            steps += [S("seed", n=seed), S("randint", "int64", n, a=-5, b=1000003)]
            steps += [S("seed", n=seed), S("randint", "int64", n, a=0, b=2**40 + 7)]
            steps += [S("seed", n=seed), S("randperm", "int64", n)]
        steps += [S("seed", n=seed), S("randint", "float32", 50, a=0, b=100), S("randperm", "int64", 0)]
        steps += [S("randperm", "int64", 100000), S("randint", "float64", 30, a=-3, b=4)]
        out.append((f"randint/randperm seed {seed}", steps))
    for seed in [0, 11]:
        steps = []
        for n in SIZES:
            steps += [S("seed", n=seed), S("bernoulli_", "float32", n, a=0.3)]
            steps += [S("seed", n=seed), S("bernoulli_", "float64", n, a=0.75)]
            steps += [S("seed", n=seed), S("bernoulli", "float32", n)]
            steps += [S("seed", n=seed), S("bernoulli", "float64", n)]
            steps += [S("seed", n=seed), S("dropout", "float32", n, a=0.5)]
            steps += [S("seed", n=seed), S("dropout", "float32", n, a=0.1)]
        steps += [S("bernoulli_", "int64", 40, a=0.5)]
        out.append((f"bernoulli seed {seed}", steps))
    # Interleaved sequences: the state (and the normal cache) carries across calls.
    out.append(("interleaved seed 0", [
        S("seed", n=0), S("rand", n=3), S("randn", n=20), S("randint", "int64", 5, a=0, b=10), S("rand", n=2),
        S("randn", n=3), S("randn", n=1), S("randn", "float64", 5), S("randn", n=2, m=3), S("rand", "float64", 4),
        S("normal", "float64", 3, a=1.0, b=2.0), S("randn", n=17), S("randperm", "int64", 10), S("randn", n=1),
        S("bernoulli_", "float32", 9, a=0.5), S("randn", n=15), S("randn", "float64", 16), S("uniform", n=6, a=-2, b=3),
        S("randn", n=1), S("randn", n=1),
    ]))
    out.append(("interleaved seed 2024", [
        S("seed", n=2024), S("randn", n=1), S("rand", n=1), S("randn", n=1), S("randn", n=4, m=5),
        S("randn", "float64", 1), S("randn", "float64", 1), S("randn", n=3), S("seed", n=2024), S("randn", n=1),
        S("randn", n=1), S("randn", n=33), S("dropout", n=20, a=0.2), S("randn", n=7),
    ]))
    out.append(("non-contiguous targets", [
        S("seed", n=0), S("uniform_t", "float32", 5, 7, a=0, b=1), S("normal_t", "float32", 5, 7, a=0, b=1),
        S("normal_t", "float64", 4, 6, a=0.5, b=2), S("uniform_t", "float64", 3, 2, a=-1, b=1),
        S("normal_t", "float32", 1, 3, a=0, b=1), S("randn", n=3),
    ]))
    out.append(("nn init", [
        S("seed", n=0), S("linear", "float32", 3, 2), S("linear", "float32", 2, 16), S("linear", "float32", 64, 32),
        S("linear", "float64", 5, 3), S("embedding", "float32", 10, 3), S("embedding", "float32", 3, 4),
        S("kaiming", "float32", 4, 6, a=0), S("kaiming", "float32", 8, 5, a=math.sqrt(5)),
        S("seed", n=42), S("linear", "float32", 2, 8), S("linear", "float32", 8, 1), S("embedding", "float32", 7, 5),
    ]))
    return out


def c_double(x):
    r = repr(float(x))
    return r if ("." in r or "e" in r or "inf" in r or "nan" in r) else r + ".0"


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    # (Python's torch seeds its default generator randomly at import; the C++ default seed is
    # 67280421310721, which torch.manual_seed(67280421310721) reproduces: a case below uses it.)
    lines = [
        "// Generated by tests/native/gen_random_goldens.py from PyTorch " + torch.__version__ + " (CPU). Do not edit.",
        "#pragma once",
        "#include <cstdint>",
        "",
        "namespace random_goldens {",
        "",
        "struct Step {",
        "  const char* op;      // see gen_random_goldens.py: run()",
        "  const char* dtype;   // float32 / float64 / int64",
        "  int64_t n, m;        // sizes (m = 0: 1-D), or the seed for op \"seed\"",
        "  double a, b;         // parameters (range, mean/std, p, low/high)",
        "  int64_t numel;       // values produced",
        "  int nhead, ntail;    // values stored from the front and the back",
        "  const uint64_t* head;",
        "  const uint64_t* tail;",
        "  uint64_t checksum;   // FNV-1a over all numel values (8 little-endian bytes each)",
        "};",
        "",
        "struct Case {",
        "  const char* name;",
        "  int nsteps;",
        "  const Step* steps;",
        "};",
        "",
    ]
    data_lines = []
    case_lines = []
    counter = [0]

    def arr(values):
        if not values:
            return "nullptr"
        name = f"v{counter[0]}"
        counter[0] += 1
        body = ", ".join(f"0x{v:x}ull" for v in values)
        data_lines.append(f"static const uint64_t {name}[] = {{{body}}};")
        return name

    for ci, (name, steps) in enumerate(cases()):
        step_lines = []
        for step in steps:
            op, dtype, n, m, a, b = step
            r = run(step)
            if r is None:
                vals = []
            else:
                vals = bits(r)
            numel = len(vals)
            if numel <= FULL:
                head, tail = vals, []
            else:
                head, tail = vals[:EDGE], vals[-EDGE:]
            seed_or_n = n if op != "seed" else (n & 0xFFFFFFFFFFFFFFFF)
            step_lines.append(
                f'  {{"{op}", "{dtype}", {seed_or_n}ll, {m}, {c_double(a)}, {c_double(b)}, {numel}, {len(head)}, '
                f"{len(tail)}, {arr(head)}, {arr(tail)}, 0x{fnv1a(vals):x}ull}},"
            )
        case_lines.append(f"static const Step c{ci}[] = {{")
        case_lines += step_lines
        case_lines.append("};")
    lines += data_lines + [""] + case_lines + ["", "static const Case kCases[] = {"]
    for ci, (name, steps) in enumerate(cases()):
        lines.append(f'  {{"{name}", {len(steps)}, c{ci}}},')
    lines += ["};", "", "}  // namespace random_goldens", ""]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "random_goldens.h")
    with open(out, "w") as f:
        f.write("\n".join(lines))
    print("wrote", out, "cases:", len(case_lines), file=sys.stderr)


if __name__ == "__main__":
    main()
