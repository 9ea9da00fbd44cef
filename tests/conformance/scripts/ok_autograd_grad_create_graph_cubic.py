import torch
x = torch.tensor([1.0, 2.0, -3.0], requires_grad=True)
y = (x ** 3).sum()
g = torch.autograd.grad(y, x, create_graph=True)[0]
h = torch.autograd.grad(g.sum(), x, create_graph=True)[0]
h.sum().backward()
