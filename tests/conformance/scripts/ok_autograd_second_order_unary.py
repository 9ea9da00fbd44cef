import torch
x = torch.tensor([-1.0, 0.3, 1.2], requires_grad=True)
y = torch.tanh(x).sum() + torch.sigmoid(x).sum() + torch.exp(x).sum() + torch.sin(x).sum() + torch.cos(x).sum()
g = torch.autograd.grad(y, x, create_graph=True)[0]
h = torch.autograd.grad(g.sum(), x)[0]
