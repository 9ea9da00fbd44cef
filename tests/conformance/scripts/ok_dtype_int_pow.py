import torch
a = torch.tensor([1, 2, 3])
b = a ** 2
c = 2 ** a
d = a ** 0.5
e = 2.0 ** a
f = torch.pow(a, 3)
