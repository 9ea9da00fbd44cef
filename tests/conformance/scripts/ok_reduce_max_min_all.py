import torch
x = torch.tensor([[1.0, 7.0, 3.0], [4.0, -5.0, 6.0]], requires_grad=True)
a = x.max()
b = torch.min(x)
loss = a * 2.0 + b * 3.0
loss.backward()
