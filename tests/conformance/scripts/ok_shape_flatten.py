import torch
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
a = x.flatten()
b = torch.flatten(x, 1)
c = x.flatten(start_dim=0, end_dim=1)
d = x.flatten(-2, -1)
loss = (a * a).sum() + b.sum() + (c * 0.5).sum() + d.sum()
loss.backward()
