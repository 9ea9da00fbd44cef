import torch
x = torch.tensor([0.5, 1.5], requires_grad=True)
y = (x ** 4).sum()
g1 = torch.autograd.grad(y, x, create_graph=True)[0]
g2 = torch.autograd.grad(g1.sum(), x, create_graph=True)[0]
g3 = torch.autograd.grad(g2.sum(), x)[0]
