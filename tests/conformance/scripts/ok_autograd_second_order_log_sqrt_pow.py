import torch
x = torch.tensor([0.5, 1.0, 4.0], requires_grad=True)
y = torch.log(x).sum() + torch.sqrt(x).sum() + (x ** 2.5).sum() + (1.0 / x).sum()
g = torch.autograd.grad(y, x, create_graph=True)[0]
h = torch.autograd.grad(g.sum(), x)[0]
