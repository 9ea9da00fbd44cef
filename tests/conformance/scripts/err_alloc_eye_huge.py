import torch
big = torch.eye(100000)  # expect-error
