# check-stdout
# Differential-fuzzer finds: PyTorch's overloads of arange (end / start, end, step=1), eye (n / n, m),
# sort and argsort (the stable= overload makes dim and descending keyword-only; argsort's stable is
# a bool): None for end / m / step, step without end, or dim positional next to stable= are
# TypeErrors; sort(stable=None) fails PyTorch 1.13's internal assert (RuntimeError).
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r if not isinstance(r, tuple) else r[1])
    except Exception as e:
        print(label, type(e).__name__)


x = torch.tensor([3., 1., 2.])
attempt("c0", lambda: torch.sort(x, 0, stable=True))
attempt("c1", lambda: x.sort(0, stable=True))
attempt("c2", lambda: x.sort(stable=True))
attempt("c3", lambda: x.sort(stable=None))
attempt("c4", lambda: x.sort(stable=None, dim=0, descending=True))
attempt("c5", lambda: torch.sort(x, 0, True))
attempt("c6", lambda: x.sort(stable=True, descending=True)[1])
attempt("c7", lambda: torch.argsort(x, 0, stable=None))
attempt("c8", lambda: torch.argsort(x, stable=None))
attempt("c9", lambda: torch.argsort(x, stable=True))
attempt("c10", lambda: torch.argsort(x, stable=False, dim=0))
attempt("c11", lambda: x.argsort(0, True))
attempt("c12", lambda: x.argsort(dim=0, descending=True))
attempt("c13", lambda: torch.argsort(x, 0, stable=True))
attempt("c14", lambda: torch.arange(1, end=None))
attempt("c15", lambda: torch.arange(5, step=2))
attempt("c16", lambda: torch.arange(2.5, step=1))
attempt("c17", lambda: torch.arange(end=5))
attempt("c18", lambda: torch.arange(start=1, end=5))
attempt("c19", lambda: torch.arange(1, 5, step=2))
attempt("c20", lambda: torch.arange(1, 5, 2, dtype=torch.float64))
attempt("c21", lambda: torch.arange(start=1))
attempt("c22", lambda: torch.arange(5, dtype=torch.int32))
attempt("c23", lambda: torch.arange(1, end=4, step=None))
attempt("c24", lambda: torch.arange(0, -3))
attempt("c25", lambda: torch.arange(-3))
attempt("c26", lambda: torch.eye(3, requires_grad=True, m=None))
attempt("c27", lambda: torch.eye(3, m=None))
attempt("c28", lambda: torch.eye(3, None))
attempt("c29", lambda: torch.eye(3, 2))
attempt("c30", lambda: torch.eye(3, m=2))
attempt("c31", lambda: torch.eye(n=3))
attempt("c32", lambda: torch.eye(3, dtype=None))
