import torch
x = torch.ones(3, requires_grad=True)
y = x * 2.0
y.requires_grad_(False)  # expect-error
