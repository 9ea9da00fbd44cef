import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.exp(x).sum()
g1 = torch.autograd.grad(y, x)
g2 = torch.autograd.grad(y, x)  # expect-error
