import torch
x = torch.ones(2, requires_grad=True)
u = torch.ones(2, requires_grad=True)
y = (x * x).sum()
g = torch.autograd.grad(y, [x, u])  # expect-error
