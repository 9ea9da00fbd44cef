# check-stdout
# Differential-fuzzer finds: fmod's result type lets a 0-d divisor of the same category keep the
# other's dtype (float32 % float64 0-d: float32); linspace with an integer dtype converts start and
# end first (NaN / inf / out of range: RuntimeError); F.sigmoid / F.tanh call input.sigmoid() /
# input.tanh() (AttributeError on None, where torch.sigmoid(None) is a TypeError).
import torch
import torch.nn.functional as F


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", tuple(r.shape), str(r.dtype))
    except Exception as e:
        print(label, type(e).__name__)


v0 = torch.tensor(1.74, dtype=torch.float64, requires_grad=True)
v2 = torch.tensor([-1.50, 2.070, 1.64, 1.550, 2.8], requires_grad=True)
v5 = torch.fmod(v2, v0)
v6 = torch.fmod(torch.tensor([5, -7]), torch.tensor(3.0, dtype=torch.float64))
v8 = v5.logical_not()
(v5.sum() * 2).backward()
attempt("l0", lambda: torch.linspace(1, float('nan'), 3, dtype=torch.int64))
attempt("l1", lambda: torch.linspace(float('inf'), 2, 1, dtype=torch.int64))
attempt("l2", lambda: torch.linspace(1, 300, 3, dtype=torch.uint8))
attempt("l3", lambda: torch.linspace(1, 200, 3, dtype=torch.uint8))
attempt("l4", lambda: torch.linspace(1, float('nan'), 3))
attempt("f0", lambda: F.sigmoid(None))
attempt("f1", lambda: F.tanh(None))
attempt("f2", lambda: torch.sigmoid(None))
attempt("f3", lambda: F.sigmoid(v2))
