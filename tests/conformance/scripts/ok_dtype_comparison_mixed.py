import torch
a = torch.tensor([1, 2, 3])
b = torch.tensor([1.5, 2.0, 2.5])
c = a > b
d = a == b
e = b.le(a)
f = torch.where(c, a, b)
