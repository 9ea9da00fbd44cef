import torch
x = torch.ones(2)
y = torch.exp(x * (2.0 + 1.0)  # expect-error
