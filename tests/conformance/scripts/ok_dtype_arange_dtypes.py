import torch
a = torch.arange(5)
b = torch.arange(5.0)
c = torch.arange(0, 1, 0.25)
d = torch.arange(2, 11, 3)
e = torch.arange(1, 4, dtype=torch.float32)
f = torch.arange(0, 1.0, 0.2, dtype=torch.float64)
