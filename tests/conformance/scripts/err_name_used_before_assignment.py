import torch
x = torch.ones(2)
y = w * 2.0  # expect-error
w = torch.ones(2)
