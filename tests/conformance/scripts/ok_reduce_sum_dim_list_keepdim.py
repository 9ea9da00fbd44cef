import torch
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
a = x.sum([0, 2])
b = x.sum(dim=[0, 1], keepdim=True)
c = torch.sum(x, 1, keepdim=True)
d = x.sum(-2)
loss = (a * a).sum() + (b * b).sum() + (c * 0.5).sum() + (d * d).sum()
loss.backward()
