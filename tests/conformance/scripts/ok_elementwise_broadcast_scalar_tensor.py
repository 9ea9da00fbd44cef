import torch
s = torch.tensor(2.0, requires_grad=True)
v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
m = torch.ones(2, 3, requires_grad=True)
y = s * v + m / s - v
loss = (y * y).sum()
loss.backward()
