import torch
x = torch.ones(2)
if x.sum().item() > 1  # expect-error
    x = x * 2.0
