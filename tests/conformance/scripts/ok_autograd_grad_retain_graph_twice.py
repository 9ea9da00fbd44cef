import torch
x = torch.tensor([0.5, 1.5], requires_grad=True)
y = (torch.tanh(x) * x).sum()
g1 = torch.autograd.grad(y, x, retain_graph=True)[0]
g2 = torch.autograd.grad(y, [x])[0]
