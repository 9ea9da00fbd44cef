import torch
x = torch.arange(0, 5, 0)  # expect-error
