import torch
a = torch.zeros(0)
b = torch.ones(2, 0)
c = torch.tensor([])
d = torch.arange(0)
e = torch.cat([a, torch.ones(2)])
f = b.t()
