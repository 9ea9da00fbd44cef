import torch
x = torch.tensor([1.0, 2.0, -0.5], requires_grad=True)
b = x * 2
b *= x
c = b * 3
c /= x + 2
c.sum().backward()
