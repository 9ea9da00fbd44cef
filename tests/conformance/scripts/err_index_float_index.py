import torch
x = torch.ones(4)
y = x[1.5]  # expect-error
