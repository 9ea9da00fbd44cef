import torch
x = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 4.0]], requires_grad=True)
a = x.prod()
b = x.prod(0)
c = torch.prod(x, 1)
d = x.prod(dim=1, keepdim=True)
loss = a + b.sum() + (c * c).sum() + d.sum()
loss.backward()
