import torch
x = torch.tensor([1.0, 100.0, -200.0], requires_grad=True)
y = torch.exp(x)
y.sum().backward()
