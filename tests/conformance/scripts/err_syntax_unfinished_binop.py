import torch
x = torch.ones(2)
y = x +  # expect-error
z = y * 2.0
