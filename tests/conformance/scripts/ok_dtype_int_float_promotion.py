import torch
a = torch.tensor([1, 2, 3])
f = torch.tensor([0.5, 0.25, 2.0])
b = a * 1.5
c = a + f
d = a - 0.5
e = f * a
