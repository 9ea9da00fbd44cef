# check-stdout
# Differential-fuzzer finds: lerp's dtype checks (end, a tensor weight even when 0-d) and its
# float-only kernels; round(x) of an int tensor is x, round(x, decimals=d) refuses it (bool always);
# fmod of two bools; addcdiv of two integer tensors; torch.tensor(tensor) copies (any shape);
# exponential_(0.0) gives +inf.
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__)


i = torch.tensor([1, 2])
b = torch.tensor([True, False])
f = torch.tensor([1.5, 2.5])
attempt("r1", lambda: i.round())
attempt("r2", lambda: i.round(decimals=2))
attempt("r3", lambda: i.round(decimals=0))
attempt("r4", lambda: b.round())
attempt("r5", lambda: f.round(decimals=1))
attempt("r6", lambda: torch.round(f))
attempt("f1", lambda: b.fmod(True))
attempt("f2", lambda: b.fmod(b))
attempt("f3", lambda: b.fmod(2))
attempt("f5", lambda: i.fmod(True))
attempt("f6", lambda: b.fmod(2.5))
attempt("f7", lambda: torch.fmod(b, f))
attempt("l1", lambda: torch.lerp(i, i, 0.5))
attempt("l2", lambda: torch.lerp(f, f, i))
attempt("l3", lambda: torch.lerp(f, i, 0.5))
attempt("l4", lambda: torch.lerp(f, f.double(), 0.5))
attempt("l5", lambda: torch.lerp(f, f, f.double()))
attempt("l6", lambda: torch.lerp(i, i, i))
attempt("l7", lambda: torch.lerp(f, f * 2, 2))
attempt("l8", lambda: torch.lerp(f.double(), f.double(), torch.tensor(0.5)))
attempt("l9", lambda: torch.lerp(torch.tensor([0], dtype=torch.uint8), torch.tensor([0], dtype=torch.uint8), torch.tensor(-3)))
attempt("a1", lambda: torch.addcdiv(f, i, i))
attempt("a2", lambda: torch.addcdiv(f, i, b))
attempt("a3", lambda: torch.addcdiv(f, f, i))
attempt("a4", lambda: torch.addcmul(f, i, i))
attempt("t1", lambda: torch.tensor(torch.zeros(0, 1, 1)))
attempt("t2", lambda: torch.tensor(torch.ones(2, 2), dtype=torch.int64))
attempt("t3", lambda: torch.tensor(torch.ones(2, requires_grad=True)).requires_grad)
attempt("t4", lambda: torch.tensor(torch.ones(1)).shape)
attempt("e1", lambda: torch.zeros(2).exponential_(0.0))
attempt("e2", lambda: torch.zeros(2).exponential_(-1.0))
