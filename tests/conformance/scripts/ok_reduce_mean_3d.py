import torch
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
a = x.mean(dim=[0, 2])
b = x.mean(-1, keepdim=True)
loss = (a * a).sum() + (b * x).sum()
loss.backward()
