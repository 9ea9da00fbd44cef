import torch
a = torch.tensor([0.0, 1.5, -2.0, 0.0])
b = a.bool()
c = b.float()
d = b.long()
e = b.sum()
f = (a > 0).sum()
g = torch.tensor([0, 3, 0]).bool()
h = a.to(torch.bool)
