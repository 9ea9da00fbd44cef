import torch
x = torch.ones(2)
y = torch.exp(x, x, x)  # expect-error
