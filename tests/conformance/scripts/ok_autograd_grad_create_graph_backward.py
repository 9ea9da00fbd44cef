import torch
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = (x * x * torch.sin(x)).sum()
g = torch.autograd.grad(y, x, create_graph=True)[0]
z = (g * g).sum()
z.backward()
