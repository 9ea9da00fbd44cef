import torch
x = torch.ones(3)
y = torch.ones(2, 3)
x.add_(y)  # expect-error
