import torch
x = torch.ones(2)
    y = x * 2.0  # expect-error
