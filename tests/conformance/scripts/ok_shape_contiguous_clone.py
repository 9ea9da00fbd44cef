import torch
x = torch.arange(6.0).reshape(2, 3).requires_grad_()
a = x.t().contiguous()
b = x.clone()
c = torch.clone(x)
d = b * 2.0 + c
loss = (a * a).sum() + d.sum()
loss.backward()
