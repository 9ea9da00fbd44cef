import torch
x = torch.ones(2)
y = x * z  # expect-error
