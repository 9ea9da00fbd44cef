import torch
x = torch.arange(6.0, requires_grad=True)
a = x[2:100]
b = x[-100:2]
c = x[4:2]
d = x[5:]
loss = a.sum() + (b * 2.0).sum() + c.sum() + d.sum()
loss.backward()
