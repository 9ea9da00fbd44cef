import torch
x = torch.tensor([[1.0, 2.0, 4.0], [3.0, 7.0, 5.0]], requires_grad=True)
a = x.var()
b = x.var(0)
c = torch.var(x, dim=1, keepdim=True)
d = x.var(unbiased=False)
e = x.var(1, unbiased=False)
loss = a + b.sum() + (c * c).sum() + d * 2.0 + (e * e).sum()
loss.backward()
