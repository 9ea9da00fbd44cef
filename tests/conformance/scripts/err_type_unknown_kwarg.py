import torch
x = torch.ones(2, 3)
y = torch.sum(x, dimension=0)  # expect-error
