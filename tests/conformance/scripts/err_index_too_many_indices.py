import torch
x = torch.ones(2, 3)
y = x[0, 1, 2]  # expect-error
