import torch
x = torch.ones(2, 3)
y = torch.sum(dim=0, x)  # expect-error
