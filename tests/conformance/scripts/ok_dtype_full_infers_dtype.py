import torch
a = torch.full((2, 2), 3)
b = torch.full((2,), 1.5)
c = torch.full((3,), True)
d = torch.full((2, 3), 7, dtype=torch.float32)
e = torch.full([2], -1.0, dtype=torch.float64)
