import torch
a = torch.tensor([-2.7, -0.2, 0.0, 088888888888888888888888888888888888888888.9, 2.9, 3.5])
b = a.long()
c = a.to(torch.int32)
d = b.float()
e = b.double()
