import torch
big = torch.full((50000, 50000, 4), 1.5)  # expect-error
