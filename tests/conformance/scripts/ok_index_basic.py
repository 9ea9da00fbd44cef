import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
a = x[0]
b = x[-1]
c = x[1, 2]
d = x[2][1]
e = x[-2, -1]
loss = (a * a).sum() + b.sum() * 2.0 + c * 3.0 + d + e
loss.backward()
