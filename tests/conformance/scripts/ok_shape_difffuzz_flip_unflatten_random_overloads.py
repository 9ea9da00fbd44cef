# check-stdout
# Differential-fuzzer finds: torch.flip(x, 0) needs a tuple (x.flip(0, 1) takes varargs); a keyword
# of a varargs-int parameter takes a sequence only (x.permute(dims=0) is a TypeError); unflatten
# checks for empty sizes first; random_'s three overloads (random_() / random_(to) /
# random_(from, to), to=None up to the dtype's limit, with PyTorch's numbers for a seed).
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r.dtype, r.shape)
    except Exception as e:
        print(label, type(e).__name__)


x = torch.arange(6.).reshape(2, 3)
attempt("f1", lambda: torch.flip(x, 0))
attempt("f2", lambda: torch.flip(x, dims=0))
attempt("f3", lambda: x.flip(0))
attempt("f4", lambda: x.flip(0, 1))
attempt("f5", lambda: x.flip(dims=0))
attempt("f6", lambda: torch.flip(x, -3))
attempt("f7", lambda: x.flip(-3))
attempt("f8", lambda: torch.flip(x, (0,)))
attempt("k1", lambda: x.permute(dims=0))
attempt("k2", lambda: x.reshape(shape=6))
attempt("k3", lambda: torch.zeros(size=3))
attempt("k4", lambda: x.repeat(repeats=2))
attempt("k5", lambda: torch.tile(x, 2))
attempt("k6", lambda: x.tile(2))
attempt("u1", lambda: x.unflatten(1, ()))
attempt("u2", lambda: torch.zeros(()).unflatten(1, ()))
attempt("u3", lambda: torch.zeros(()).unflatten(0, (1,)))
attempt("u4", lambda: x.unflatten(5, (1,)))
attempt("u5", lambda: x.unflatten(1, (-1, 3)))
torch.manual_seed(0)
r = torch.zeros(3)
w = torch.zeros(3, requires_grad=True)
attempt("r1", lambda: r.random_(from_or_to=1, to=-2))
attempt("r2", lambda: r.random_(to=None))
attempt("r3", lambda: r.random_(None))
attempt("r4", lambda: r.random_(1, -2))
attempt("r5", lambda: r.random_(-3))
attempt("r6", lambda: w.random_())
attempt("r7", lambda: w.random_(to=None))
attempt("r8", lambda: r.random_(1, to=5))
attempt("r9", lambda: torch.zeros(2, dtype=torch.float16 if False else torch.float32).random_(2 ** 24))
attempt("r10", lambda: torch.zeros(2, dtype=torch.int8).random_(200, None))
torch.manual_seed(3)
a = torch.zeros(5, dtype=torch.long).random_()
b = torch.zeros(5, dtype=torch.int32).random_()
c = torch.zeros(5, dtype=torch.bool).random_()
d = torch.zeros(5, dtype=torch.int8).random_()
e = torch.zeros(5, dtype=torch.uint8).random_(3, None)
f = torch.zeros(5, dtype=torch.long).random_(-7, None)
g = torch.zeros(5).random_(2, None)
h = torch.zeros(5, dtype=torch.float64).random_()
i = torch.zeros(5, dtype=torch.int16).random_(to=9)
j = torch.zeros(5, dtype=torch.float64).random_(-4, 4)
print(a.tolist(), f.tolist(), b, c, d, e, g, h, i, j)
