import torch
s64 = torch.tensor(2.0, dtype=torch.float64)
v32 = torch.tensor([1.0, 2.0, 3.0])
vi = torch.tensor([1, 2, 3])
a = v32 + s64
b = vi + s64
c = vi * torch.tensor(0.5)
d = v32 * torch.tensor(2)
