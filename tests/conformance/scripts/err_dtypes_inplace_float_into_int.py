import torch
x = torch.tensor([1, 2], dtype=torch.int8)
x.add_(1.5)  # expect-error
