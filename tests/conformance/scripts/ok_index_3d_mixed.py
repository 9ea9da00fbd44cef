import torch
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
a = x[1, :, 2]
b = x[:, 1:, ::2]
c = x[-1, None, 1:3, -1]
d = x[0][1][2:]
loss = (a * a).sum() + b.sum() + c.sum() * 3.0 + d.sum()
loss.backward()
