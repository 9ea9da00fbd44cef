import torch
x = torch.ones(2, 3)
a, b, c = x.shape  # expect-error
