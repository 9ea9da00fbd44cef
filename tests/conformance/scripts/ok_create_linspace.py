import torch
a = torch.linspace(0, 1, 5)
b = torch.linspace(-2.0, 2.0, steps=9)
c = torch.linspace(3, 3, 1)
d = torch.linspace(1.0, 0.0, 4)
e = torch.linspace(0, 10, 3, dtype=torch.float64)
f = torch.linspace(0.0, 1.0, 2, requires_grad=True)
