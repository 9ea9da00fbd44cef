# check-stdout
# torch.autograd.functional: jacobian / hessian / vjp / jvp / vhp / hvp with PyTorch's output
# structure (a tuple of tuples for several inputs and outputs), create_graph and strict=False.
import torch
from torch.autograd.functional import jacobian, hessian, vjp, jvp, vhp, hvp
torch.manual_seed(0)
def f(x):
    return x.exp().sum(dim=1)
x = torch.rand(2, 2)
print(jacobian(f, x))
j = jacobian(f, x, create_graph=True)
print(j.grad_fn.name(), j.requires_grad)
def g(x, y):
    return 2 * x.exp() + 3 * y, x * y
a, b = torch.rand(2), torch.rand(3, 1)
J = jacobian(g, (a, torch.rand(2)))
print(type(J).__name__, len(J), len(J[0]), J[0][0].shape, J[1][1].shape, J)
print(jacobian(lambda x: torch.ones(2), a))
def h(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2) + x.sum() * y.sum()).sum()
H = hessian(h, (torch.rand(2), torch.rand(2)))
print(H)
print(hessian(lambda x: x.pow(3).sum(), torch.rand(2, 2)).shape)
v = torch.tensor([0.1, 1.0, 0.0001])
print(vjp(lambda x: x * 2 + x.pow(2), torch.tensor([1., 2., 3.]), v))
print(jvp(lambda x: x.pow(2), torch.tensor([1., 2., 3.]), v))
print(vhp(lambda x: x.pow(3).sum(), torch.tensor([1., 2., 3.]), v))
print(hvp(lambda x: x.pow(3).sum(), torch.tensor([1., 2., 3.]), v))
print(torch.autograd.functional.jacobian(lambda x, y: x * y, (torch.tensor([2.]), torch.tensor([3.]))))
