#!/usr/bin/python3
"""PyTorch peer of the tensorlens benchmark (W1-W5, bench/WORKLOADS.md), one thread, CPU.

Run with /usr/bin/python3 (Debian's python3-torch). Prints one JSON line prefixed by
"@@BENCH@@ " (see bench/README.md for the fields). Options: --only W1,W4 --target-ms 100
--warmup 2 --reps 7 --budget-ms 60000.
"""
import argparse
import json
import math
import platform
import sys
import time

MARK = "@@BENCH@@ "


def emit(obj):
    sys.stdout.write(MARK + json.dumps(obj) + "\n")
    sys.stdout.flush()


try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except Exception as e:  # pragma: no cover - reported, not fatal
    emit({"system": "torch", "skipped": "import torch failed under %s: %s" % (sys.executable, e)})
    sys.exit(0)

# ---- data: mulberry32, vectorised (the state after k calls is seed + k*0x6D2B79F5 mod 2^32) ----
M32 = 0xFFFFFFFF


def _imul(a, b):
    return (a * b) & M32  # uint64 arrays: the low 32 bits of the product are exact


def uniform(seed, n, lo=-1.0, hi=1.0):
    k = np.arange(1, n + 1, dtype=np.uint64)
    a = (np.uint64(seed) + k * np.uint64(0x6D2B79F5)) & np.uint64(M32)
    t = a
    t = _imul(t ^ (t >> np.uint64(15)), t | np.uint64(1))
    t = t ^ ((t + _imul(t ^ (t >> np.uint64(7)), t | np.uint64(61))) & np.uint64(M32))
    r = (t ^ (t >> np.uint64(14))).astype(np.float64) / 4294967296.0
    return (lo + (hi - lo) * r).astype(np.float32)


def w2_data():
    X = uniform(10, 64 * 784, 0, 1).reshape(64, 784)
    u = uniform(11, 64, 0, 1)
    labels = np.minimum(9, np.floor(10 * u.astype(np.float64))).astype(np.int64)
    W1 = (uniform(12, 784 * 128).astype(np.float64) / math.sqrt(784)).astype(np.float32).reshape(784, 128)
    W2 = (uniform(13, 128 * 10).astype(np.float64) / math.sqrt(128)).astype(np.float32).reshape(128, 10)
    return X, labels, W1, np.zeros(128, np.float32), W2, np.zeros(10, np.float32)


def w5_data():
    r = uniform(30, 300, 0, 1).astype(np.float64)
    X = np.zeros((100, 2), np.float32)
    y = np.zeros((100, 1), np.float32)
    for i in range(100):
        th = math.pi * r[3 * i]
        nx = 0.2 * (r[3 * i + 1] - 0.5)
        ny = 0.2 * (r[3 * i + 2] - 0.5)
        if i < 50:
            X[i] = (math.cos(th) + nx, math.sin(th) + ny)
            y[i] = 1
        else:
            X[i] = (1 - math.cos(th) + nx, 0.5 - math.sin(th) + ny)
            y[i] = -1
    p = uniform(31, 2 * 16 + 16 * 16 + 16, -1, 1)
    return (X, y, p[0:32].reshape(2, 16), np.zeros(16, np.float32), p[32:288].reshape(16, 16),
            np.zeros(16, np.float32), p[288:304].reshape(16, 1), np.zeros(1, np.float32))


# ---- protocol (the same in bench/common/protocol.mjs and bench/native/bench.cpp) ----
def measure(run_k, opt):
    """run_k(k) runs k iterations and reads a scalar back. Returns per-iteration times (ms)."""
    now = time.perf_counter
    target = opt.target_ms / 1000.0
    t0 = now(); run_k(1); first = now() - t0  # the untimed call
    k, t = 1, first
    rep = first  # estimated time of one repetition (k iterations)
    if first < 0.5 * target:  # calibration: grow k until a repetition takes >= 20% of target
        t0 = now(); run_k(1); t = now() - t0
        while t < 0.2 * target and k < 10_000_000:
            k = min(k * 10, max(k * 2, math.ceil(k * 0.3 * target / max(t, 1e-7))))
            t0 = now(); run_k(k); t = now() - t0
        k2 = max(1, round(k * target / t))
        rep, k = t / k * k2, k2
    warmup, reps = opt.warmup, opt.reps
    budget = opt.budget_ms / 1000.0
    if (warmup + reps) * rep > budget:
        warmup = min(warmup, 1)
    for _ in range(warmup):  # warm-ups also re-check k
        t0 = now(); run_k(k); rep = now() - t0
        if rep < 0.5 * target or rep > 2 * target:
            k2 = max(1, round(k * target / max(rep, 1e-7)))
            rep, k = rep / k * k2, k2
    if reps * rep > budget:  # slow workload: fewer repetitions, but a median of >= 3
        reps = max(3, min(reps, int(budget / rep)))
    times = []
    for _ in range(reps):
        t0 = now(); run_k(k); times.append((now() - t0) * 1000.0 / k)
    s, m = sorted(times), len(times)
    median = s[m // 2] if m % 2 else 0.5 * (s[m // 2 - 1] + s[m // 2])
    return {"iters": k, "warmup": warmup, "reps": reps, "first_ms": first * 1000.0,
            "per_iter_ms": times, "median_ms": median, "best_ms": s[0]}


# ---- workloads ----
def w1(n, opt):
    A = torch.from_numpy(uniform(1, n * n).reshape(n, n))
    B = torch.from_numpy(uniform(2, n * n).reshape(n, n))
    checks = {"sum_C": float(torch.mm(A, B).double().sum())}

    def run_k(k):
        for _ in range(k):
            C = torch.mm(A, B)
        return C[0, 0].item()

    return measure(run_k, opt), checks


def w2(opt):
    X, labels, W1, b1, W2, b2 = w2_data()
    X = torch.from_numpy(X)
    labels = torch.from_numpy(labels)

    def fresh():
        return [torch.from_numpy(a.copy()).requires_grad_() for a in (W1, b1, W2, b2)]

    def step(ps):
        w1_, b1_, w2_, b2_ = ps
        logits = torch.relu(X @ w1_ + b1_) @ w2_ + b2_
        loss = F.cross_entropy(logits, labels)
        loss.backward()
        with torch.no_grad():
            for p in ps:
                p.sub_(p.grad * 0.01)
                p.grad.zero_()
        return loss

    ps = fresh()
    checks = {"initial_loss": step(ps).item()}
    for _ in range(8):
        step(ps)
    checks["loss_step10"] = step(ps).item()  # the 10th step's loss
    ps = fresh()

    def run_k(k):
        for _ in range(k):
            loss = step(ps)
        return loss.item()

    return measure(run_k, opt), checks


def w3(opt, n=1000000):
    x = torch.from_numpy(uniform(20, n))
    w = torch.from_numpy(uniform(21, n)).requires_grad_()
    b = torch.from_numpy(uniform(22, n))

    def once():
        loss = (torch.tanh(x * w + b) * x).sum()
        (gw,) = torch.autograd.grad(loss, [w])
        return loss, gw

    loss, gw = once()
    checks = {"loss": loss.item(), "grad_w_sum": float(gw.double().sum())}

    def run_k(k):
        for _ in range(k):
            loss, _ = once()
        return loss.item()

    return measure(run_k, opt), checks


def w4(opt):
    p = torch.tensor(0.5, requires_grad=True)

    def once():
        y = p
        for _ in range(5000):
            y = y * 1.0001 + 0.0001
        y.backward()
        g = p.grad.item()
        p.grad = None
        return y, g

    y, g = once()
    checks = {"y": y.item(), "dy_dp": g}

    def run_k(k):
        for _ in range(k):
            _, g = once()
        return g

    return measure(run_k, opt), checks


def w5(opt):
    X, y, *params = w5_data()
    X = torch.from_numpy(X)
    y = torch.from_numpy(y)

    def fresh():
        return [torch.from_numpy(a.copy()).requires_grad_() for a in params]

    def step(ps):
        W1, b1, W2, b2, W3, b3 = ps
        h1 = torch.relu(X @ W1 + b1)
        h2 = torch.relu(h1 @ W2 + b2)
        score = h2 @ W3 + b3  # (100, 1)
        data_loss = torch.relu(1 - y * score).mean()
        reg = (W1 * W1).sum() + (b1 * b1).sum() + (W2 * W2).sum() + (b2 * b2).sum() + (W3 * W3).sum() + (b3 * b3).sum()
        loss = data_loss + 1e-4 * reg
        loss.backward()
        with torch.no_grad():
            for p in ps:
                p.sub_(p.grad * 0.1)
                p.grad.zero_()
        return loss, score

    ps = fresh()
    for _ in range(100):
        loss, score = step(ps)
    acc = ((y > 0) == (score > 0)).float().mean().item()
    checks = {"loss_step100": loss.item(), "accuracy_step100": acc}
    ps = fresh()

    def run_k(k):
        for _ in range(k):
            loss, _ = step(ps)
        return loss.item()

    return measure(run_k, opt), checks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="W1,W2,W3,W4,W5")
    ap.add_argument("--target-ms", type=float, default=100)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--budget-ms", type=float, default=60000)
    opt = ap.parse_args()
    torch.set_num_threads(1)
    blas = [l.strip() for l in torch.__config__.show().splitlines() if "BLAS_INFO" in l]
    info = {"torch": torch.__version__, "python": platform.python_version(), "executable": sys.executable,
            "threads": torch.get_num_threads(), "blas": blas[0][:120] if blas else None}
    results, errors = {}, {}
    wanted = [w.strip().upper() for w in opt.only.split(",") if w.strip()]
    jobs = []
    for w in wanted:
        if w == "W1":
            jobs += [("W1-%d" % n, (lambda n=n: w1(n, opt))) for n in (64, 256, 512)]
        elif w in ("W2", "W3", "W4", "W5"):
            jobs.append((w, {"W2": lambda: w2(opt), "W3": lambda: w3(opt), "W4": lambda: w4(opt), "W5": lambda: w5(opt)}[w]))
    for name, fn in jobs:
        try:
            timing, checks = fn()
            results[name] = dict(timing, checks=checks)
        except Exception as e:  # report per workload, keep going
            errors[name] = "%s: %s" % (type(e).__name__, e)
    emit({"system": "torch", "info": info, "results": results, "errors": errors})


if __name__ == "__main__":
    main()
