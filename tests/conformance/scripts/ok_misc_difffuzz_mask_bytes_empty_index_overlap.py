# check-stdout
# Differential-fuzzer finds: a Python bool minus a tensor is refused as PyTorch's rsub; masked_fill
# with a non-bool mask reads each element's first byte (PyTorch 1.13 on little-endian machines:
# int masks by value mod 256, float masks by the low byte of their bits, other bytes an error);
# an empty indexing result checks no index bounds; x[index] = value refuses a value sharing x's
# memory and an expanded x; softmax of an empty non-float tensor; avg_pool2d / unfold check the
# input's dims before the rest.
import torch
import torch.nn.functional as F


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__)


v = torch.tensor(1.5)
attempt("b1", lambda: False - v)
attempt("b2", lambda: v - False)
attempt("b3", lambda: True + v)
attempt("b4", lambda: 1 - torch.tensor([True]))
x = torch.tensor([4., 5, 6, 7])
attempt("m1", lambda: x.masked_fill(torch.tensor([0., 1., 2., -1.]), 9))
attempt("m2", lambda: x.masked_fill(torch.tensor([0, 1, 2, -1]), 9))
attempt("m3", lambda: x.masked_fill(torch.tensor([0, 1, 256, 257]), 9))
attempt("m4", lambda: x.masked_fill(torch.tensor([0, 1, 1, 0], dtype=torch.uint8), 9))
attempt("m5", lambda: torch.masked_fill(torch.tensor(4), torch.tensor(0), torch.tensor(0)))
attempt("m6", lambda: x.masked_fill(torch.tensor([0, 1, 2, -1]), torch.tensor([9.])))
attempt("m7", lambda: x.masked_fill(torch.tensor([0., 1.]), 9))
attempt("g1", lambda: torch.zeros(1, 0)[torch.tensor([2, 1])].shape)
attempt("g2", lambda: torch.zeros(0, 3)[torch.tensor([5])].shape)
attempt("g3", lambda: torch.zeros(2, 0)[torch.tensor([5])].shape)
attempt("g4", lambda: torch.zeros(0, 2)[:, torch.tensor([5])].shape)
attempt("g5", lambda: torch.zeros(2, 0)[:, torch.tensor([5])].shape)
w = torch.zeros(1, 0, requires_grad=True)
g = w[torch.tensor([3, 0])]
print(g.shape, g.requires_grad, g.is_leaf)
y = torch.tensor([[[0.65, 0.8, -0.63, -1.91]]])


def s1():
    y[torch.tensor([0, 0, 1])] = y


def s2():
    z = torch.zeros(3)
    z[torch.tensor([0, 1])] = z[1:3]


def s3():
    z = torch.zeros(4)
    z[torch.tensor([0, 1])] = z[2:4]
    return z


def s4():
    e = torch.zeros(1).expand(3)
    e[torch.tensor([0])] = 1.0


def s5():
    z = torch.zeros(4)
    z[z > -1] = z[:1]
    return z


for label, f in [("s1", s1), ("s2", s2), ("s3", s3), ("s4", s4), ("s5", s5)]:
    attempt(label, f)
attempt("sm1", lambda: F.softmax(torch.zeros(0, 1, 0, dtype=torch.bool), -1))
attempt("sm2", lambda: torch.log_softmax(torch.zeros(2, 0, dtype=torch.long), 1))
attempt("p1", lambda: F.avg_pool2d(torch.tensor([-1.4, 0.68, 0.91]), [2, 3], ceil_mode=True))
attempt("u1", lambda: F.unfold(torch.zeros(3), [1, 1]))
attempt("u2", lambda: F.unfold(torch.zeros(3, 3), [1, 1]))
attempt("u3", lambda: F.unfold(torch.zeros(3, 3, dtype=torch.long), [1, 1]))
attempt("u4", lambda: F.unfold(torch.zeros(1, 3, 3, dtype=torch.long), [1, 1]))
