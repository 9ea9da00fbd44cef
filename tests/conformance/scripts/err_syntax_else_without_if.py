import torch
x = torch.ones(2)
else:  # expect-error
    x = x * 2.0
