import torch
a = torch.tensor([1, 2, 7])
b = torch.tensor([2, 4, 2])
c = a / b
d = a / 2
e = 3 / b
