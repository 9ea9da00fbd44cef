import torch
x = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
y = x * x * x + x * 2.0 - x / 4.0
z = torch.exp(x) * x
loss = y.sum() + z.sum() + (x * x).sum()
loss.backward()
