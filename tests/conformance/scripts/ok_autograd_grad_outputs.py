import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.exp(x)
g = torch.autograd.grad(y, x, grad_outputs=torch.tensor([1.0, 2.0, 0.5]))[0]
