import torch
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
b = torch.tensor([[1.0, -1.0], [0.5, 2.0], [-2.0, 1.0]], requires_grad=True)
c = torch.mm(a, b)
d = a.mm(b)
loss = (c * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum() + (d * d).sum()
loss.backward()
