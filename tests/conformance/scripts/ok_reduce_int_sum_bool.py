import torch
a = torch.tensor([[1, 2], [3, 4]])
b = a.sum()
c = a.sum(0)
d = torch.tensor([True, True, False]).sum()
e = a.max()
f = a.prod(1)
g = a.amax(0)
