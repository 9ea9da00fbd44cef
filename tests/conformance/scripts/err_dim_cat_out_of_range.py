import torch
a = torch.ones(2, 3)
y = torch.cat([a, a], dim=2)  # expect-error
