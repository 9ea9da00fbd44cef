# Differential-fuzzer finds: x.sum()'s gradient is g.expand(x.shape) (every stride 0, also for a
# shape [1]), so writes into it hit the memory-overlap checks as PyTorch's; roll's gradient is a
# new tensor; bernoulli_ refuses a partial overlap of self and p.  # check-stdout
import torch
def attempt(name, f):
    try:
        r = f()
        print(name, 'ok', r if not isinstance(r, torch.Tensor) else r.detach())
    except RuntimeError as e:
        print(name, 'RuntimeError', str(e)[:90])
v1 = torch.tensor([-1.17], requires_grad=True)
g = torch.autograd.grad(v1.sum(), [v1], create_graph=True)[0]
def setitem_none():
    g[None] = g
    return g
attempt('g[None] = g', setitem_none)
w = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
gw = torch.autograd.grad(w.sum(), [w], create_graph=True)[0]
attempt('copy_ into expanded grad', lambda: gw.copy_(torch.tensor([1.0, 2.0, 3.0])))
attempt('add_ into expanded grad', lambda: gw.add_(1))
gd = torch.autograd.grad(w.sum(dim=1).sum(), [w])[0]
attempt('add_ into sum(dim) grad', lambda: gd.add_(1))
r = torch.tensor([1.0, -2.5, 0.4], requires_grad=True)
gr = torch.autograd.grad(torch.roll(r, [3]).sum(), [r])[0]
attempt('tan_ of roll grad', lambda: torch.tan_(gr))
gr2 = torch.autograd.grad((torch.roll(r, [1]) * r).sum(), [r], create_graph=True)[0]
print(gr2, gr2.grad_fn.name())
a = torch.tensor([[0.7, 1.3]], requires_grad=True)
g5 = torch.autograd.grad((a.roll([2]) * a).sum(), [a], create_graph=True)[0]
attempt('scatter_ on roll grad', lambda: g5.scatter_(1, torch.tensor([[0]]), a))
print(g5.grad_fn.name())
x = torch.exp2(torch.tensor(-1.2, dtype=torch.float64))
attempt('x[None].bernoulli_(x)', lambda: x[None].bernoulli_(x))
torch.manual_seed(0)
y = torch.full((2, 2), 0.5)
attempt('y.bernoulli_(y)', lambda: y.bernoulli_(y).shape)
