import torch
x = torch.arange(6.0)
y = x.view(4, 2)  # expect-error
