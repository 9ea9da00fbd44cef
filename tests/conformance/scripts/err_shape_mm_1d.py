import torch
a = torch.ones(3)
b = torch.ones(3, 2)
c = a.mm(b)  # expect-error
