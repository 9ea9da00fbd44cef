import torch
x = torch.tensor([0.5, 1.0], requires_grad=True)
y = torch.exp(x)
y.mul_(2.0)
y.sum().backward()  # expect-error
