import torch
x = torch.tensor([[1.0, 4.0, 4.0], [2.0, 2.0, -1.0]], requires_grad=True)
a = x.max()
v, i = x.max(1)
b = x.amax(1)
loss = a + v.sum() * 2.0 + b.sum() * 3.0
loss.backward()
