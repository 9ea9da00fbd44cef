import torch
a = torch.tensor([1e-3, 2.5e2, 1E2, .5, 3., 0.0])
b = a * 1e1
c = a + -1
d = a - -2.5
e = a * (2 + 3) - (4 - 1) * 2
