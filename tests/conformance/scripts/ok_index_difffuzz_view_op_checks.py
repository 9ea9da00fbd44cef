# check-stdout
# Differential-fuzzer finds (PyTorch 1.13's checks and their order): index_add (dim within the
# source's dims, a 0-d / 1-d self takes a 0-d / 1-d source of any length, a source slice
# broadcasts into the self slice); narrow wraps start as a dim; a slice carried past the dims by
# several ellipses; movedim refuses repeated dims; one_hot of an empty tensor needs num_classes > 0;
# masked_select takes a uint8 mask; masked_fill converts a tensor value as a number; F.fold /
# F.unfold's argument and rank checks; scatter with an empty float index; x[...] = x on an
# expanded x; scatter_ into a no_grad view with a src that requires grad.
import torch
import torch.nn.functional as F


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r if r is None or isinstance(r, (int, tuple)) else tuple(r.shape))
        return r
    except Exception as e:
        print(label, type(e).__name__)


m = torch.arange(15.).reshape(5, 3)
attempt("a0", lambda: torch.index_add(m, 1, torch.tensor([2, 2]), torch.tensor(2.7)))
a1 = attempt("a1", lambda: torch.index_add(torch.zeros(1), -1, torch.tensor([0]), torch.tensor(3.)))
attempt("a2", lambda: torch.index_add(torch.zeros(()), 0, torch.tensor([], dtype=torch.int64), torch.zeros(0, 0)))
x = torch.zeros(3, 4)
attempt("a3", lambda: torch.index_add(x, 0, torch.tensor([0]), torch.tensor(2.)))
a4 = attempt("a4", lambda: torch.index_add(x, 0, torch.tensor([0, 2]), torch.tensor([[1.], [2.]])))
a5 = attempt("a5", lambda: torch.index_add(x, 1, torch.tensor([0, 2]), torch.tensor([[1., 2.]])))
attempt("a6", lambda: torch.index_add(x, 0, torch.tensor([0, 2]), torch.ones(2, 4, 1)))
a7 = attempt("a7", lambda: torch.index_add(x, 0, torch.tensor([0, 2]), torch.ones(2)))
attempt("a8", lambda: torch.index_add(x, 0, torch.tensor([0, 7]), torch.ones(2, 3)))
a9 = attempt("a9", lambda: torch.index_add(torch.zeros(2), 0, torch.tensor([0, 1, 1]), torch.tensor([1., 2., 3.])))
attempt("a10", lambda: torch.index_add(torch.zeros(3), 0, torch.tensor([0]), torch.ones(1, 1)))
attempt("a11", lambda: torch.index_add(torch.zeros(3), 0, torch.tensor([-1]), torch.ones(1)))
ga = torch.zeros(1, requires_grad=True)
gb = torch.tensor(3., requires_grad=True)
torch.index_add(ga, 0, torch.tensor([0]), gb).sum().backward()
gc = torch.zeros((), requires_grad=True)
gd = torch.ones(1, requires_grad=True)
torch.index_add(gc, 0, torch.tensor([0]), gd).sum().backward()
ge = torch.zeros(2, requires_grad=True)
gf = torch.ones(3, requires_grad=True)
torch.index_add(ge, 0, torch.tensor([0, 1, 1]), gf * 2).sum().backward()

v = torch.zeros(3)
attempt("n0", lambda: torch.narrow(v, 0, 5, 1))
attempt("n1", lambda: torch.narrow(v, 0, 3, 0))
attempt("n2", lambda: torch.narrow(v, 0, -3, -1))
attempt("n3", lambda: torch.narrow(torch.zeros(0), 0, -1, 0))
attempt("n4", lambda: torch.narrow(torch.zeros(1, 0), -1, -1, 1))

t3 = torch.zeros(1, 2, 4)
attempt("e0", lambda: t3[..., ..., 0:0])
attempt("e1", lambda: t3[..., ..., 0:1])
attempt("e2", lambda: t3[..., ..., :0])
attempt("e3", lambda: t3[..., ..., :])
attempt("e4", lambda: torch.zeros(2, 3)[..., ..., 0:0])
attempt("e5", lambda: torch.zeros(2, 3, 4, 5)[..., ..., 0:0])
attempt("e6", lambda: torch.zeros(2, 2, 2)[..., ..., 0:0, 0:0])
w3 = torch.zeros(1, 2, 4)
w3[..., ..., 0:0] = 5

attempt("m0", lambda: torch.zeros(0, 1, 1).movedim([1, 1], [1, 1]))
attempt("m1", lambda: torch.zeros(2, 3).movedim([0, 1], [1, 1]))
attempt("m2", lambda: torch.zeros(()).movedim([0, 0], [0, -1]))
attempt("h0", lambda: F.one_hot(torch.zeros(0, dtype=torch.int64), num_classes=0))
attempt("h1", lambda: F.one_hot(torch.zeros(0, dtype=torch.int64), 3))
attempt("h2", lambda: F.one_hot(torch.zeros(0, dtype=torch.int64)))
ms = attempt("k0", lambda: torch.tensor([1.2, 3.0]).masked_select(torch.tensor(1, dtype=torch.uint8)))
attempt("k1", lambda: torch.tensor([1.2, 3.0]).masked_select(torch.tensor([2, 0], dtype=torch.uint8)))
attempt("f0", lambda: torch.masked_fill(torch.zeros(2, dtype=torch.uint8), torch.tensor(True), torch.tensor(float('nan'))))
attempt("f1", lambda: torch.masked_fill(torch.zeros(2, dtype=torch.uint8), torch.tensor(True), torch.tensor(300)))
attempt("f2", lambda: torch.masked_fill(torch.zeros(2), torch.tensor(True), torch.tensor(300)))

attempt("u0", lambda: F.fold(torch.zeros(2, 1), [1], [1], [1], stride=[1, 1]))
attempt("u1", lambda: F.fold(torch.zeros(1, 0, 1), [1, 1], [1, 1]))
attempt("u2", lambda: F.fold(torch.zeros(0, 1, 1), [1, 1], [1, 1]))
attempt("u3", lambda: F.fold(torch.zeros(2, dtype=torch.int64), [1, 1], [1, 1]))
for k, shp in enumerate([(3, 0), (3, 2), (2,), (), (0, 4, 1), (1, 0, 4), (2, 1, 4, 0), (0, 1, 4, 4)]):
    attempt("v%d" % k, lambda: F.unfold(torch.zeros(shp), [3, 1]))
attempt("v8", lambda: F.unfold(torch.zeros(1, 5, 5), [3, 1, 1]))

e5 = torch.eye(0)
attempt("x0", lambda: e5.scatter_(0, torch.zeros(2, 2, 0, 5), -0.66))
attempt("x1", lambda: torch.zeros(2).gather(0, torch.zeros(0)))
ex = torch.ones(1, 2).expand(3, 2)
def set_all(t, v):
    t[...] = v


attempt("x2", lambda: set_all(ex, ex))
attempt("x3", lambda: ex.copy_(ex))
p = torch.tensor([1.4], requires_grad=True)
gp = torch.autograd.grad(p.sum(), [p])[0]
attempt("x4", lambda: gp.scatter_(1, torch.tensor([0, 2, 0]), p))
attempt("a12", lambda: torch.index_add(torch.zeros(2, 0), 1, torch.tensor([1]), torch.ones(3, 1)))
attempt("a13", lambda: torch.index_add(torch.zeros(0, 3), 1, torch.tensor([0]), torch.ones(2, 1)))
attempt("a14", lambda: torch.index_add(torch.zeros(0, 3), 1, torch.tensor([0]), torch.ones(0, 1)))
