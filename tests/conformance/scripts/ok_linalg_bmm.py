import torch
a = torch.arange(12.0).reshape(2, 2, 3).requires_grad_()
b = torch.arange(-6.0, 6.0).reshape(2, 3, 2).requires_grad_()
c = torch.bmm(a, b)
d = a.bmm(b)
loss = (c * c).sum() * 0.01 + d.sum()
loss.backward()
