import torch
x = torch.ones(2, 3)
y = x[1, 5]  # expect-error
