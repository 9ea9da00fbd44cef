# check-stdout
# number % x has no derivative in PyTorch 1.13 (grad_fn NotImplemented; backward fails); the
# gradient autograd.grad returns for a sum is a view made under no_grad, so an in-place op on it
# that records is refused; x[empty_index] = x is an overlap error even for an empty x.
import torch
v2 = torch.tensor([-0.2, 0.7], dtype=torch.float64, requires_grad=True)
v3 = -0.0 % v2
print(v3, v3.grad_fn.name())
try:
    v3.sum().backward()
except RuntimeError as e:
    print("RuntimeError", e)
x = torch.zeros(3, requires_grad=True)
g = torch.autograd.grad(x.sum(), [x])[0]
try:
    g -= x
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])
g2 = torch.autograd.grad((x * 2).sum(), [x], create_graph=True)[0]
print(g2)
e = torch.zeros(0, 1)
try:
    e[torch.tensor([], dtype=torch.int64)] = e
except RuntimeError as err:
    print("RuntimeError", str(err)[:60])
