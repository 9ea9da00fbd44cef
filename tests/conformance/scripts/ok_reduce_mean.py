import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 9.0]], requires_grad=True)
a = x.mean()
b = x.mean(0)
c = torch.mean(x, dim=1, keepdim=True)
d = x.mean([0, 1])
loss = a * 2.0 + (b * b).sum() + (c * c).sum() + d
loss.backward()
