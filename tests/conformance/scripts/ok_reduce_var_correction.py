import torch
x = torch.tensor([[1.0, 2.0, 4.0, 8.0], [3.0, 7.0, 5.0, 0.0]], requires_grad=True)
a = x.var(dim=1, correction=0)
b = torch.var(x, dim=0, correction=1)
c = x.var(dim=[0, 1], correction=2)
d = x.std(dim=1, correction=0, keepdim=True)
loss = a.sum() + b.sum() + c + d.sum()
loss.backward()
