import torch
a = torch.ones(2, 2)
y = torch.mm(a)  # expect-error
