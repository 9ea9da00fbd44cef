import torch
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
b = a.t()
c = a.T
d = torch.t(a)
e = torch.mm(a, a.T) + torch.mm(b.t(), c).sum()
v = torch.tensor([1.0, 2.0])
w = v.t()
loss = e.sum() + (d * d).sum()
loss.backward()
