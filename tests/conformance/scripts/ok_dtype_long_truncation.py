import torch
a = torch.tensor([-1.7, -0.2, 0.0, 0.9, 2.9, 3.5])
b = a.long()
c = a.to(torch.int64)
d = b.float()
e = b.double()
