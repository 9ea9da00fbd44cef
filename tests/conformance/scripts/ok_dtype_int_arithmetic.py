import torch
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, -5, 6])
c = a + b
d = a * b - 1
e = a * 2 + 3
s = c.sum()
p = b.prod()
n = -a
m = torch.abs(b)
