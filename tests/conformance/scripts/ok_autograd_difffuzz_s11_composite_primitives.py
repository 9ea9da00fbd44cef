# Ops that are one node in PyTorch with its own saved tensors and backward (difffuzz s11):
# triu/tril, diag, trace, mean, lerp with a number weight and clamp_min/clamp_max with a NaN bound
# save no tensor (a second backward works); their create_graph gradients are PyTorch's formulas'.
import torch

x = torch.tensor([[1.5, -2.0, 0.25], [3.0, -0.5, 2.0], [0.75, 1.25, -1.0]], requires_grad=True)
w = torch.tensor([[0.5, 2.0, -1.0], [1.0, 3.0, 0.25], [2.0, -2.0, 1.5]])


def twice(name, f):
    x.grad = None
    y = f(x.clone())
    s = (y * 1.5).sum()
    y.sum().backward()
    y.sum().backward()  # no saved tensor: the graph may be walked again
    print(name, type(y.grad_fn).__name__, x.grad)
    g = torch.autograd.grad((y * y).sum(), [x], create_graph=True)[0]
    print(name, g, type(g.grad_fn).__name__)


twice("triu", lambda t: t.triu(1))
twice("tril", lambda t: t.tril(-1))
twice("diag2", lambda t: t.diag(1))
twice("diag1", lambda t: t[0].diag(-1))
twice("diag_rect", lambda t: t[:2].diag(1))
twice("trace", lambda t: t.trace())
twice("mean", lambda t: t.mean())
twice("lerp", lambda t: t.lerp(w, 0.3))
twice("lerp_big", lambda t: t.lerp(w, 2))

# diag of a non-square matrix: PyTorch's diagonal_backward under create_graph
r = torch.tensor([[1.5, -2.0, 0.25], [3.0, -0.5, 2.0]], requires_grad=True)
d = r.diag(-1)
g = torch.autograd.grad((d * d).sum(), [r], create_graph=True)[0]
print(g, type(g.grad_fn).__name__)

# PyTorch 1.13's trace_backward fills every (cols + 1)-th element: a tall matrix gets gradient
# below the diagonal too.
t = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
t.trace().backward()
print(t.grad)
t5 = torch.zeros(5, 2, requires_grad=True)
t5.trace().backward()
print(t5.grad)

# mean(dim) saves self (MeanBackward1): an in-place change of it fails the backward, a second
# backward fails too.
a = x * 1
m = a.mean(0)
try:
    a.add_(1)
    m.sum().backward()
except RuntimeError as e:
    print("mean.dim:", str(e)[:60])
m = x.clone().mean(1, keepdim=True)
m.sum().backward()
try:
    m.sum().backward()
except RuntimeError as e:
    print("mean.dim twice:", str(e)[:40])

# lerp with a tensor weight (LerpBackward1) saves the weight always, self and end only when the
# weight requires grad.
wt = torch.tensor(0.25)
b = x * 2
y = x.lerp(b, wt)
b.add_(1)
y.sum().backward()
print(x.grad)
wg = torch.full((3, 3), 0.75, requires_grad=True)
y = x.lerp(w, wg)
g = torch.autograd.grad((y * y).sum(), [x, wg], create_graph=True)
print(g[0], g[1], type(g[0].grad_fn).__name__, type(g[1].grad_fn).__name__)

# in place: clamp_min_ / clamp_max_ with a NaN bound save the original self (one node); lerp_
# with a number saves nothing (a second backward works)
for f in [lambda t: t.clamp_min_(float("nan")), lambda t: t.clamp_max_(float("nan")), lambda t: t.clamp_min_(0.5)]:
    x.grad = None
    y = f(x.clone())
    g = torch.autograd.grad((y * 2).sum(), [x], create_graph=True)[0]
    y.sum().backward()
    print(type(y.grad_fn).__name__, y, x.grad, g)
x.grad = None
y = x.clone().lerp_(w, 0.6)
y.sum().backward()
y.sum().backward()
print(type(y.grad_fn).__name__, x.grad)
