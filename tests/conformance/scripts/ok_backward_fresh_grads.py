# Gradients PyTorch's backward formulas return as fresh tensors, not views of the incoming
# gradient: repeat/tile, F.pad (constant), diagonal. An in-place op on them records its own node
# (not AsStridedBackward0) and does not hit the expanded seed's internal overlap. cumsum's trivial
# case returns g itself. tile of a 5-d tensor works.
import torch
import torch.nn.functional as F

xs = torch.tensor([1.0, 2.0], requires_grad=True)
xm = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
xe = torch.zeros(0, 2, requires_grad=True)
for name, f, inp in [("tile", lambda a: a.tile((2,)), xs), ("repeat", lambda a: a.repeat(2, 1, 3), xm),
                     ("pad", lambda a: F.pad(a, [1, -1]), xm), ("pad0", lambda a: F.pad(a, []), xe),
                     ("diagonal", lambda a: torch.diagonal(a), xm), ("cumsum", lambda a: a.cumsum(0), xe)]:
    g = torch.autograd.grad(f(inp).sum(), [inp], create_graph=True)[0]
    g.mul_(inp)
    print(name, g.grad_fn.name(), g)

x = torch.arange(6.).reshape(2, 3).requires_grad_()
y = x.repeat(2, 1, 3)
(y * y).sum().backward()
print(x.grad)
z = torch.ones(1, 1, 1, 1, 2, requires_grad=True)
w = z.repeat(2, 1, 1, 3, 2)
w.sum().backward()
print(torch.tile(z, ()).shape, z.grad, w.shape)
m = torch.arange(9.).reshape(3, 3).requires_grad_()
g = torch.autograd.grad(m.diagonal(1).sum(), [m], create_graph=True)[0]
print(g, torch.autograd.grad((g * m).sum(), [m]))
p = F.pad(x, [1, -1, 2, 0], value=3.0)
g = torch.autograd.grad((p * p).sum(), [x], create_graph=True)[0]
print(p, g)
