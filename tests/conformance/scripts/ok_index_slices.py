import torch
x = torch.arange(20.0).reshape(4, 5).requires_grad_()
a = x[1:3]
b = x[:, 1:4]
c = x[::2, ::2]
d = x[-2:, :-3]
e = x[1:, 4]
f = x[0, 1:5:3]
loss = (a * a).sum() + b.sum() + (c * 3.0).sum() + d.sum() + (e * e).sum() + f.sum()
loss.backward()
