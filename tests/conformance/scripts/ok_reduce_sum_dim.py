import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
a = x.sum(0)
b = x.sum(1)
c = torch.sum(x, dim=1)
d = x.sum(dim=-1)
loss = (a * a).sum() + (b * torch.tensor([1.0, 2.0, 3.0])).sum() + (c * d).sum()
loss.backward()
