# check-stdout
# Differential-fuzzer finds: PyTorch 1.13's index_put_ (x[idx] = v) and scatter_ / scatter_add_
# kernels check each index as they read it, so an index out of bounds raises after the elements
# before it (in the kernel's TensorIterator order) were written; the failed call bumps no version
# (a tensor saved for backward stays usable) and records no history. index_put_ checks the
# self/value overlap before the index tensors (dtype, masks, broadcasting, an indexed dim of size
# 0), then the value's shape and dtype. A lone True / False index is a basic one.
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r if r is None or isinstance(r, (int, tuple)) else tuple(r.shape))
    except Exception as e:
        print(label, type(e).__name__)


def setitem(x, i, v):
    x[i] = v


a = torch.tensor([-2.16, 1.29, float('nan')])
attempt("p0", lambda: setitem(a, torch.tensor([0, 3]), 0.21))
b = torch.zeros(3, 2)
def set_cols(x, i, v):
    x[:, i] = v


attempt("p1", lambda: set_cols(b, torch.tensor([0, 2, 1]), 1.0))
c = torch.zeros(3, 4)
attempt("p2", lambda: setitem(c, (torch.tensor([0, 1, 1]), torch.tensor([0, 2, 4])), 1.0))
d = torch.zeros(3)
attempt("p3", lambda: setitem(d, torch.tensor([0, 1, 3]), torch.tensor([7., 8., 9.])))
e = torch.zeros(3, 2)
attempt("p4", lambda: setitem(e, torch.tensor([-1, 1, -4]), 5.))
f0 = torch.tensor([1.83])
f = f0[None]
attempt("p5", lambda: setitem(f, torch.tensor([0, 0, 1]), True))
g = torch.zeros(2, 3).t()
attempt("p6", lambda: setitem(g, torch.tensor([2, 0, 5]), torch.arange(2.)))
h = torch.tensor([-9223372036854775807, -1, 5])
attempt("p7", lambda: setitem(h, torch.tensor([1, 3, 2]), torch.tensor(4)))
w = torch.zeros(4, requires_grad=True)
r = w * 1
attempt("p8", lambda: setitem(r, torch.tensor([1, 9]), torch.tensor(3.0, requires_grad=True)))
rs = r.sin()  # saves r: the failed write bumped no version
rs.sum().backward()
print("r", r.grad_fn.name())

s0 = torch.zeros(3)
attempt("s0", lambda: s0.scatter_(0, torch.tensor([0, 1, 5, 2]), 1.0))
s1 = torch.zeros(3, 3)
attempt("s1", lambda: s1.scatter_(0, torch.tensor([[0, 1, 2], [1, 5, 2]]), 1.0))
s2 = torch.zeros(3, 3)
attempt("s2", lambda: s2.scatter_(1, torch.tensor([[0, 1, 2], [1, 5, 2]]), 1.0))
s3 = torch.zeros(3, 4, requires_grad=True).clone()
attempt("s3", lambda: s3.scatter_(1, torch.tensor([[0, 1, 2], [1, 5, 2]]), torch.ones(2, 3)))
print("s3", s3.grad_fn.name())
q0 = torch.zeros(3, requires_grad=True)
q = q0 * 1
qs = q.sin()
attempt("s3b", lambda: q.scatter_(0, torch.tensor([2, 7]), torch.tensor([1.0, 2.0], requires_grad=True)))
qs.sum().backward()
s4 = torch.tensor(1.1)
attempt("s4", lambda: s4.scatter_add_(0, torch.tensor([0, 1, 2]), torch.tensor([1.17, 2.0, 0.2, -0.07])))
s5 = torch.zeros(2, 3, 4)
attempt("s5", lambda: s5.scatter_add_(1, torch.full((2, 2, 4), 1).index_fill_(2, torch.tensor([3]), 7), torch.ones(2, 2, 4)))
s6 = torch.zeros(4, 3).t()
attempt("s6", lambda: s6.scatter_(0, torch.tensor([[0, 1, 2, 1], [2, 2, 9, 0]]), 2.5))
s7 = torch.tensor(-1.16)
attempt("s7", lambda: s7.scatter_(0, torch.tensor([0, 2]), -2))
attempt("s8", lambda: torch.zeros(2).scatter(0, torch.tensor([1, 4]), 3.0))

# index_put_'s order of checks
v2 = torch.zeros(0, dtype=torch.int64)
attempt("o0", lambda: setitem(v2, torch.tensor([0]), v2))
x = torch.zeros(2, 3)
attempt("o1", lambda: setitem(x, torch.tensor([0.5]), x))
attempt("o2", lambda: setitem(x, torch.tensor([0.5]), torch.zeros(3, dtype=torch.int64)))
attempt("o3", lambda: setitem(x, torch.tensor([True, True, True]), x))
attempt("o4", lambda: setitem(x, torch.tensor([True, True, True]), torch.zeros(3, dtype=torch.int64)))
attempt("o5", lambda: setitem(x, (torch.tensor([0, 1]), torch.tensor([0, 1, 2])), x))
attempt("o6", lambda: setitem(x, torch.tensor([0, 1]), torch.zeros(4, dtype=torch.int64)))
attempt("o7", lambda: setitem(x, torch.tensor([0, 5]), torch.zeros(4)))
attempt("o8", lambda: setitem(x, torch.tensor([0, 5]), torch.zeros(3, dtype=torch.int64)))
attempt("o9", lambda: setitem(torch.zeros(0, 3), torch.tensor([0]), torch.zeros(3)))
y = torch.zeros(4)
attempt("o10", lambda: setitem(y, torch.tensor([True, False, False, False]), y[0]))
attempt("o11", lambda: setitem(y, torch.tensor([True, False, False, False]), y[0:1]))
attempt("o12", lambda: setitem(torch.zeros(3, dtype=torch.uint8), torch.tensor([True, False, False]), torch.tensor(300)))
attempt("o13", lambda: setitem(torch.zeros(3, 4), (torch.tensor([], dtype=torch.int64), torch.tensor([0])), 1.0))
attempt("o14", lambda: setitem(torch.zeros(3, 0), (torch.tensor([1]), torch.tensor([], dtype=torch.int64)), 1.0))
z = torch.zeros(1, 2, 4)
attempt("o15", lambda: z[..., ..., torch.tensor([0])])
attempt("o16", lambda: setitem(z, (Ellipsis, Ellipsis, torch.tensor([0])), 1.0))
i64 = torch.zeros(2, dtype=torch.int64)
i64[0] = 2 ** 60 + 1
i64[torch.tensor([1])] = 2 ** 60 + 3
print(i64.tolist())
# a lone True is None (a copy: any dtype), a lone False does nothing once the value is converted
t1 = torch.zeros(3)
t1[True] = torch.tensor([1, 2, 3])
t2 = torch.zeros(3)
t2[False] = torch.tensor([1, 2])
attempt("o17", lambda: setitem(torch.zeros(3, dtype=torch.uint8), False, 300))
attempt("o18", lambda: setitem(torch.zeros(3), (True,), torch.tensor([1, 2, 3])))
# autograd's view / leaf check before the index checks; `:` makes a new view (an empty x[:, i] = x
# is no overlap); a recorded basic copy keeps copy_'s partial-overlap check
lv = torch.zeros(2, 2, 2, 0, requires_grad=True)
lv5 = lv[-2, None]
attempt("o19", lambda: setitem(lv5, (torch.tensor([2, -3, 0]), torch.tensor([1, 1])), 6))
e3 = torch.zeros(3, 3, 0, dtype=torch.float64)
e3[:, torch.tensor([1, 1, 0])] = e3
attempt("o20", lambda: setitem(e3, torch.tensor([1]), e3))
q3 = torch.tensor([[2.7]], requires_grad=True) * 2
q3.squeeze_(0)
attempt("o21", lambda: setitem(q3, None, q3))
attempt("o22", lambda: torch.zeros(4, 4, 0).index_select(0, torch.tensor([4])))
attempt("o23", lambda: torch.zeros(4, 0, 2).index_select(1, torch.tensor([0])))
def set_slice(t, v):
    t[1:2] = v


attempt("o24", lambda: set_slice(torch.tensor(1.5), None))
