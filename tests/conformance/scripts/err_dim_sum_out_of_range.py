import torch
x = torch.ones(2, 3)
y = x.sum(2)  # expect-error
