# check-stdout
# Differential-fuzzer finds: PyTorch's kernels have no bool version of floor_divide / remainder
# (also for empty tensors: the dtype dispatch comes before any element), cumsum(dtype=bool),
# addcmul of bools or dot of bool vectors (F.linear of two vectors is a dot); linear of vectors
# adds the bias in place (its shape must be the product's); linspace(dtype=bool) with steps <= 1
# works (a fill); addcmul(value=True) is an int scale.
import torch
import torch.nn.functional as F


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", tuple(r.shape), str(r.dtype))
    except Exception as e:
        print(label, type(e).__name__)


b = torch.tensor([True, False])
e = torch.zeros(0, dtype=torch.bool)
i = torch.tensor([3, 4])
attempt("f0", lambda: e // e)
attempt("f1", lambda: e % e)
attempt("f2", lambda: b // True)
attempt("f3", lambda: torch.floor_divide(e, True))
attempt("f4", lambda: i % False)
attempt("f5", lambda: torch.tensor(4) % False)
attempt("c0", lambda: torch.cumsum(b, 0))
attempt("c1", lambda: torch.cumsum(b, 0, dtype=torch.bool))
attempt("c2", lambda: torch.cumsum(i, 0, dtype=torch.bool))
attempt("a0", lambda: torch.addcmul(b, b, b))
attempt("a1", lambda: torch.addcmul(torch.tensor(True), b, b, value=2))
attempt("a2", lambda: torch.addcmul(i, b, b))
attempt("a3", lambda: torch.addcmul(torch.tensor(4), torch.tensor(4), torch.tensor(4), value=True))
attempt("l0", lambda: F.linear(b, b))
attempt("l1", lambda: F.linear(torch.ones(4), torch.ones(4), torch.ones(4)))
attempt("l2", lambda: F.linear(torch.ones(4), torch.ones(4), torch.tensor(1.0, dtype=torch.float64)))
attempt("l3", lambda: F.linear(torch.ones(2, 4), torch.ones(4), torch.ones(2)))
attempt("l4", lambda: F.linear(torch.ones(4).long(), torch.ones(4).long(), torch.tensor(1.0)))
attempt("l5", lambda: b @ b)
attempt("s0", lambda: torch.linspace(2, 1, 1, dtype=torch.bool))
attempt("s1", lambda: torch.linspace(2, 1, 2, dtype=torch.bool))
v = torch.addcmul(torch.tensor(4), torch.tensor(4), torch.tensor(4), value=True)
s = torch.linspace(0, 1, 1, dtype=torch.bool)
y = F.linear(torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0]), torch.tensor(0.5, dtype=torch.float64))
