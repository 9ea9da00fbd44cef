import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2.0
y.add_(1.0)
y.mul_(torch.tensor([1.0, 0.5, 2.0]))
z = (y * y).sum()
z.backward()
