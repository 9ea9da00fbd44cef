import torch
x = torch.tensor([[1.0, 7.0, 3.0], [4.0, -5.0, 6.0]], requires_grad=True)
a = torch.amax(x, 0)
b = x.amax(dim=1)
c = torch.amin(x, dim=1, keepdim=True)
d = x.amin([0, 1])
loss = (a * a).sum() + b.sum() + (c * 2.0).sum() + d
loss.backward()
