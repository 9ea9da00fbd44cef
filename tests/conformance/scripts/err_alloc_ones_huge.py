import torch
big = torch.ones(1000000, 1000000)  # expect-error
