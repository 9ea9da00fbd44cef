# torch.stack's gradient for each input is grad.select(dim, i) (PyTorch's stack_tensors_backward):
# under create_graph it is a SelectBackward0 node (not the squeeze of a slice), and its own gradient
# is select_backward's. Mixed dtypes: each input's gradient comes back in its own dtype.
import torch
import torch.nn.functional as F
v0 = torch.tensor([1.6, -2.6, 0.750, 1.66, 3.0], dtype=torch.float64, requires_grad=True)
v3 = torch.stack([v0])
v12 = torch.autograd.grad(F.hardswish(v3.erf(), False).sum(), [v0], create_graph=True)[0]
print(v12, v12.grad_fn.name())
w = torch.tensor([0.770], dtype=torch.float64, requires_grad=True)
s = torch.stack([w])
s.tanh_()
g = torch.autograd.grad(s.sum(), [w], create_graph=True)[0]
print(g, g.grad_fn.name())
print(torch.autograd.grad(torch.stack([w]).sum(), [w], create_graph=True)[0].grad_fn)
a = torch.tensor([1.6, -2.6, 0.75], dtype=torch.float64, requires_grad=True)
b = torch.tensor([0.5, 1.5, -1.0], dtype=torch.float32, requires_grad=True)
c = torch.tensor([2.0, 3.0, 4.0])
for dim in (0, 1, -1):
    s = torch.stack([a, b, c], dim)
    print(s.dtype, s.shape, s.grad_fn.name())
    ga, gb = torch.autograd.grad((s.erf() * s).sum(), [a, b], create_graph=True)
    print(ga, gb, ga.grad_fn.name(), gb.grad_fn.name())
    h, = torch.autograd.grad(ga.sum(), [a], create_graph=True)
    print(h, h.grad_fn.name())
x = torch.tensor(2.0, requires_grad=True)
s = torch.stack([x, x * 2, x ** 2])
g, = torch.autograd.grad(s.pow(2).sum(), [x], create_graph=True)
print(g, g.grad_fn.name())
g.backward()
print(x.grad)
m = torch.tensor([[1.0, -2.0], [0.5, 3.0]], requires_grad=True)
s = torch.stack([m, m * 3], 1)
g, = torch.autograd.grad(s.tanh().sum(), [m], create_graph=True)
print(g, g.grad_fn.name(), [n[0].name() for n in g.grad_fn.next_functions if n[0] is not None])
z = torch.zeros(0, requires_grad=True)
s = torch.stack([z, z], -1)
s.sum().backward()
print(s.shape, z.grad)
