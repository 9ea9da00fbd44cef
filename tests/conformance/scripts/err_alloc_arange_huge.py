import torch
big = torch.arange(0.0, 10000000000.0)  # expect-error
