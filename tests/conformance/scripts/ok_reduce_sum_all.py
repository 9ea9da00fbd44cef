import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
s = x.sum()
t = torch.sum(x * x)
loss = s * t
loss.backward()
