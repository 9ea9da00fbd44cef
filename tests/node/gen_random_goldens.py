#!/usr/bin/python3
"""Generates tests/node/goldens/random_normal.json: PyTorch's normals after torch.manual_seed, for
tests/node/random.test.mjs (the wasm build's random numbers against PyTorch's).

Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 tests/node/gen_random_goldens.py

Each case is a seed and a list of torch.randn calls made one after another; the values of all the
calls are concatenated and stored as base64 little-endian float32/float64.
"""
import base64
import json
import os

import torch

CASES = [
    # (name, seed, dtype, sizes): n >= 16 takes the vectorized path, n < 16 the scalar one (which
    # caches the second Box-Muller value between calls).
    ("float64 vectorized", 0, "float64", [4096]),
    ("float64 scalar", 1, "float64", [7] * 300),
    ("float64 mixed", 2, "float64", [3, 100, 1, 17, 15, 1000, 2]),
    ("float32 vectorized", 3, "float32", [4096]),
    ("float32 scalar", 4, "float32", [5] * 300),
]


def main():
    out = []
    for name, seed, dtype, sizes in CASES:
        torch.manual_seed(seed)
        dt = getattr(torch, dtype)
        values = torch.cat([torch.randn(n, dtype=dt) for n in sizes])
        out.append({"name": name, "seed": seed, "dtype": dtype, "sizes": sizes,
                    "values": base64.b64encode(values.numpy().tobytes()).decode()})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "goldens", "random_normal.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": out}, f, indent=1)
        f.write("\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
