import torch
x = torch.ones(2, 3, 4)
y = x.permute(1, 0)  # expect-error
