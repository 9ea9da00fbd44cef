import torch
a = torch.tensor([[1.0, -2.0], [0.0, 3.5]], requires_grad=True)
b = -a
c = torch.neg(a)
d = a.neg()
loss = (b * 2.0 + c * c + d * a).sum()
loss.backward()
