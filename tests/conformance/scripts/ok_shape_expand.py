import torch
x = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
v = torch.tensor([1.0, -1.0, 2.0, 0.5], requires_grad=True)
a = x.expand(3, 4)
b = x.expand(-1, 2)
c = v.expand(2, 4)
d = v.expand(2, 3, 4)
loss = (a * v).sum() + (b * b).sum() + (c * torch.tensor([[1.0], [2.0]])).sum() + d.sum()
loss.backward()
