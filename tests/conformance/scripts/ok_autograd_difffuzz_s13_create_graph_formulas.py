# create_graph gradients whose nodes follow PyTorch 1.13's formulas: t_ and F.linear's weight.t()
# (TBackward0, a 1-D weight too); asinh/atanh/erf square x with self.pow(2), acosh with x * x;
# bernoulli's gradient is zeros_like(grad) (no grad); prod over a length of 1 with a zero gives the grad itself.
import torch
import torch.nn.functional as F
def show(tag, t):
    print(tag, t, None if t is None else (t.grad_fn.name() if t.grad_fn else None, t.requires_grad))
x = torch.tensor(-1.28, requires_grad=True)
y = torch.remainder(x, 1.3)
y.t_()
show('t_', torch.autograd.grad(F.softplus(y, beta=1.46).sum(), [x], create_graph=True)[0])
m = torch.tensor([[1.0, 2.0], [3.0, -1.0]], requires_grad=True)
z = (m * 2).t_()
show('t_ 2-d', torch.autograd.grad((z * z).sum(), [m], create_graph=True)[0])
x = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], dtype=torch.float64, requires_grad=True)
x1 = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
w = torch.tensor([0.3, -0.2, 0.5], dtype=torch.float64, requires_grad=True)
W = torch.tensor([[0.3, -0.2, 0.5]], dtype=torch.float64, requires_grad=True)
for a, b in [(x, w), (x1, w), (x1, W), (x, W)]:
    y = F.linear(a, b)
    g = torch.autograd.grad(y.sum(), [a, b], create_graph=True)
    print(y.grad_fn.name(), [t.grad_fn.name() for t in g])
for name, vals in [('asinh', [1.3, 0.4, -2.2]), ('acosh', [1.3, 1.4, 2.2]), ('atanh', [0.3, -0.4, 0.2]),
                   ('erf', [1.3, 0.4, -2.2])]:
    x = torch.tensor(vals, dtype=torch.float64, requires_grad=True)
    g1 = torch.autograd.grad(getattr(torch, name)(x).sum(), [x], create_graph=True)[0]
    g2 = torch.autograd.grad(g1.sum(), [x], create_graph=True)[0]
    print(name, g1.grad_fn.name(), g2, g2.grad_fn.name())
p = torch.zeros(0, requires_grad=True)
show('bernoulli', torch.autograd.grad(torch.bernoulli(p).sin().sum(), [p], create_graph=True)[0])
p = torch.tensor([0.2, 0.7], requires_grad=True)
show('bernoulli 2', torch.autograd.grad((torch.bernoulli(p) * float('inf')).sum(), [p], create_graph=True)[0])
c = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
for shape, dim, kd in [((1,), 0, False), ((1,), 0, True), ((2, 1), 1, False), ((2, 1), 1, True), ((1,), None, False),
                       ((1, 1), None, False), ((2, 1), 0, False)]:
    x = torch.zeros(shape, dtype=torch.float64, requires_grad=True)
    for k in range(2):
        y = x.prod(dim, keepdim=kd) if dim is not None else x.prod()
        if k:
            y = y * c
        show(f'prod {shape} {dim} {kd} {k}', torch.autograd.grad(y.sum(), [x], create_graph=True)[0])
